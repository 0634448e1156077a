package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Bad options, knowledge and orders get one-line messages that name the problem. */
class BadInputTest {

  private static Score score(int p) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(p);
    return new LinearGaussianSample(RandomGraphs.erdosRenyiDag(p, 1, rng), 100, rng).bic(1);
  }

  @Test
  void optionsOutOfRange() {
    Score s = score(4);
    assertThatThrownBy(() -> Boss.builder(s).starts(0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("--starts must be at least 1; got 0");
    assertThatThrownBy(() -> Boss.builder(s).threads(0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("--threads must be at least 1; got 0");
    assertThatThrownBy(() -> Grasp.builder(s).starts(-2)).isInstanceOf(InvalidInputException.class)
        .hasMessage("--starts must be at least 1; got -2");
    assertThatThrownBy(() -> Grasp.builder(s).depth(0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("--depth must be at least 1; got 0");
    assertThatThrownBy(() -> Grasp.builder(s).uncoveredDepth(-1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--uncovered-depth must be at least 0; got -1");
    assertThatThrownBy(() -> Grasp.builder(s).nonSingularDepth(-1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--non-singular-depth must be at least 0; got -1");
    assertThatThrownBy(() -> Boss.builder(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void knowledgeNamingAnUnknownVariable() {
    Score s = score(4);
    Knowledge k = Knowledge.builder().require("X1", "X9").build();
    assertThatThrownBy(() -> Boss.builder(s).knowledge(k).build().search())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'X9'");
    assertThatThrownBy(() -> Grasp.builder(s).knowledge(k).build().search())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'X9'");
  }

  @Test
  void ordersThatAreNotPermutationsOrBreakTheKnowledge() {
    Score s = score(3);
    assertThatThrownBy(() -> GrowShrinkDag.of(s, List.of("X1", "X2")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the order names 2 variables, but the score has 3");
    assertThatThrownBy(() -> GrowShrinkDag.of(s, List.of("X1", "X2", "X2")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the order names 'X2' twice; name every variable once");
    assertThatThrownBy(() -> GrowShrinkDag.of(s, List.of("X1", "X2", "Y")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the order names 'Y', which is not a variable of the score");
    Knowledge tiers = Knowledge.builder().tier("X3").tier("X1", "X2").build();
    assertThatThrownBy(() -> GrowShrinkDag.of(s, List.of("X1", "X2", "X3"), tiers))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the order puts 'X1' before 'X3', which the knowledge forbids (X3 is in an"
            + " earlier tier than X1)");
    Knowledge required = Knowledge.builder().require("X2", "X1").build();
    assertThatThrownBy(() -> GrowShrinkDag.of(s, List.of("X1", "X2", "X3"), required))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the order puts 'X1' before 'X2', which the knowledge forbids (X2 --> X1 is"
            + " required)");
  }

  /** No variables, or one: nothing to search, an empty CPDAG back. */
  @Test
  void degenerateSizes() {
    for (int p = 0; p <= 1; p++) {
      Score s = emptyOrSingle(p);
      for (DiscoveryResult r : List.of(Boss.builder(s).build().search(),
          Grasp.builder(s).build().search())) {
        assertThat(r.graph().size()).isEqualTo(p);
        assertThat(r.graph().edgeCount()).isZero();
        assertThat(r.graph().kind()).isEqualTo(GraphKind.CPDAG);
      }
    }
  }

  private static Score emptyOrSingle(int p) {
    List<String> names = p == 0 ? List.of() : List.of("X1");
    return new Score() {
      @Override
      public List<String> variables() {
        return names;
      }

      @Override
      public double localScore(int node, int[] parents) {
        return -parents.length;
      }
    };
  }
}
