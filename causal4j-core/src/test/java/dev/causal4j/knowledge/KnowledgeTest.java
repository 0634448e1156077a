package dev.causal4j.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTest {
  private static final List<String> VARS = List.of("Age", "Sex", "Smoking", "Tar", "Cancer");

  private static Knowledge example() {
    return Knowledge.builder()
        .tier(List.of("Age", "Sex"), Tier.WithinTier.FORBIDDEN)
        .tier("Smoking")
        .tier("Tar", "Cancer")
        .require("Smoking", "Tar")
        .forbid("Smoking", "Cancer")
        .build();
  }

  @Test
  void tiersForbidLaterToEarlierAndWithinWhenAsked() {
    BoundKnowledge k = example().bind(VARS);
    int age = 0;
    int sex = 1;
    int smoking = 2;
    int tar = 3;
    int cancer = 4;
    assertThat(k.isForbidden(smoking, age)).isTrue();
    assertThat(k.isForbidden(age, smoking)).isFalse();
    assertThat(k.isForbidden(age, sex)).isTrue();
    assertThat(k.isForbidden(sex, age)).isTrue();
    assertThat(k.isAdjacencyForbidden(age, sex)).isTrue();
    assertThat(k.isForbidden(tar, cancer)).isFalse();
    assertThat(k.isForbidden(cancer, tar)).isFalse();
    assertThat(k.isForbidden(smoking, cancer)).isTrue();
    assertThat(k.isForbidden(cancer, smoking)).isTrue(); // by the tiers
    assertThat(k.isRequired(smoking, tar)).isTrue();
    assertThat(k.isAdjacencyRequired(tar, smoking)).isTrue();
    assertThat(k.isRequired(tar, smoking)).isFalse();
    assertThat(k.isForbidden(tar, smoking)).isTrue();
    assertThat(k.tier(age)).isZero();
    assertThat(k.tier(cancer)).isEqualTo(2);
    assertThat(k.requiredChildren(smoking)).containsExactly(tar);
    assertThat(k.requiredParents(tar)).containsExactly(smoking);
    assertThat(k.whyForbidden(cancer, age)).isEqualTo("Cancer is in tier 3, after Age in tier 1");
    assertThat(k.whyForbidden(age, sex))
        .isEqualTo("Age and Sex are both in tier 1, which forbids edges within it");
    assertThat(k.whyForbidden(age, cancer)).isNull();
  }

  @Test
  void variablesOutsideTiersAreUnconstrainedByThem() {
    BoundKnowledge k = Knowledge.builder().tier("A").tier("B").build()
        .bind(List.of("A", "B", "C"));
    assertThat(k.isForbidden(1, 0)).isTrue();
    assertThat(k.isForbidden(2, 0)).isFalse();
    assertThat(k.isForbidden(0, 2)).isFalse();
    assertThat(k.tier(2)).isEqualTo(-1);
  }

  @Test
  void nameQueriesMatchIndexQueries() {
    Knowledge k = example();
    BoundKnowledge b = k.bind(VARS);
    for (int i = 0; i < VARS.size(); i++) {
      for (int j = 0; j < VARS.size(); j++) {
        if (i != j) {
          assertThat(k.isForbidden(VARS.get(i), VARS.get(j))).isEqualTo(b.isForbidden(i, j));
          assertThat(k.isRequired(VARS.get(i), VARS.get(j))).isEqualTo(b.isRequired(i, j));
        }
      }
    }
    assertThat(k.variables()).containsExactlyInAnyOrderElementsOf(VARS);
    assertThat(k.tierOf("Tar")).hasValue(2);
    assertThat(k.tierOf("Nobody")).isEmpty();
  }

  @Test
  void emptyKnowledgeAllowsEverything() {
    BoundKnowledge k = Knowledge.empty().bind(VARS);
    assertThat(k.isEmpty()).isTrue();
    assertThat(k.isForbidden(0, 1)).isFalse();
    assertThat(k.isRequired(0, 1)).isFalse();
    assertThat(Knowledge.builder().build()).isEqualTo(Knowledge.empty());
  }

  @Test
  void equalityIsByContent() {
    assertThat(example()).isEqualTo(example()).hasSameHashCodeAs(example());
    assertThat(example()).isNotEqualTo(Knowledge.builder().tier("Age").build());
    assertThat(example().toString()).contains("tier 1 (no edges within): Age Sex")
        .contains("require Smoking --> Tar").contains("forbid Smoking --> Cancer");
  }

  @Test
  void variableInTwoTiers() {
    assertThatThrownBy(() -> Knowledge.builder().tier("A", "B").tier("C", "A").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("variable 'A' is in tier 1 and in tier 2; put each variable in one tier");
    assertThatThrownBy(() -> Knowledge.builder().tier("A", "A").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("variable 'A' is listed twice in tier 1");
  }

  @Test
  void requiredAndForbiddenAtOnce() {
    assertThatThrownBy(() -> Knowledge.builder().require("A", "B").forbid("A", "B").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the edge A --> B is both required and forbidden; drop one of the two");
  }

  @Test
  void requiredAgainstTheTiers() {
    assertThatThrownBy(() -> Knowledge.builder().tier("A").tier("B").require("B", "A").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the required edge B --> A goes from tier 2 back to tier 1, which the tiers "
            + "forbid; move a variable or drop the edge");
    assertThatThrownBy(() -> Knowledge.builder().tier(List.of("A", "B"), Tier.WithinTier.FORBIDDEN)
        .require("A", "B").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lies within tier 1, which forbids edges within it");
  }

  @Test
  void requiredCycles() {
    assertThatThrownBy(() -> Knowledge.builder().require("A", "B").require("B", "A").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the required edges form a directed cycle A --> B --> A; drop one of them");
    assertThatThrownBy(() -> Knowledge.builder().require("A", "B").require("B", "C")
        .require("C", "D").require("D", "B").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("B --> C --> D --> B");
  }

  @Test
  void badNames() {
    assertThatThrownBy(() -> Knowledge.builder().require("A", "A"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("a knowledge edge needs two different variables; got A --> A");
    assertThatThrownBy(() -> Knowledge.builder().tier("A", " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty name");
  }

  @Test
  void bindingNamesCloseMatches() {
    Knowledge k = Knowledge.builder().tier("age", "Smokng").require("Smokng", "Cancr")
        .forbid("Zzz", "Tar").build();
    assertThatThrownBy(() -> k.bind(VARS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("knowledge names 4 variables not in the data: 'Cancr' (did you mean "
            + "'Cancer'?), 'Smokng' (did you mean 'Smoking'?), 'Zzz', 'age' (did you mean "
            + "'Age'?); fix the names or drop them from the knowledge");
    assertThatThrownBy(() -> Knowledge.empty().bind(List.of("A", "A")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'A'");
  }
}
