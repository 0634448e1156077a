package dev.causal4j.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import dev.causal4j.effects.identify.Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalQueryTest {
  private static final Graph G = GraphFiles.parse(
      "# kind: DAG\nSmoking --> Tar\nTar --> Cancer\n(Gene) --> Smoking\n(Gene) --> Cancer\n"
          + "Age --> Cancer\n",
      "test", GraphFormat.EDGE_LIST).graph();

  @Test
  void unknownNamesListCloseMatches() {
    assertThatThrownBy(() -> CausalQuery.of(G, "smoking", "Cancer"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the graph has no node named 'smoking' (the treatment); did you mean"
            + " 'Smoking'?");
    assertThatThrownBy(() -> CausalQuery.of(G, "Smoking", "Cancr"))
        .hasMessageContaining("did you mean 'Cancer'?");
    assertThatThrownBy(() -> CausalQuery.of(G, "Smoking", "Q"))
        .hasMessageContaining("its nodes are Smoking, Tar, Cancer, Gene, Age");
  }

  @Test
  void rolesMustBeDistinctAndObserved() {
    assertThatThrownBy(() -> CausalQuery.of(G, "Tar", "Tar"))
        .hasMessageContaining("'Tar' is both a treatment and an outcome");
    assertThatThrownBy(() -> CausalQuery.of(G, "Gene", "Cancer"))
        .hasMessageContaining("'Gene' (the treatment) is a hidden (latent) node");
    assertThatThrownBy(() -> CausalQuery.builder(G).treatment("Smoking").outcome("Cancer")
        .adjustFor("Age").exclude("Age").build())
        .hasMessageContaining("'Age' is both required and excluded");
    assertThatThrownBy(() -> CausalQuery.builder(G).treatment("Smoking").build())
        .hasMessageContaining("names no outcome");
    assertThatThrownBy(() -> CausalQuery.builder(G).treatment("Smoking", "Smoking")
        .outcome("Cancer").build()).hasMessageContaining("listed twice");
  }

  @Test
  void queryWithoutAGraphAdjustsForTheGivenCovariates() {
    CausalQuery q = CausalQuery.withoutGraph(List.of("T"), List.of("Y"), List.of("A", "B"));
    BackdoorAdjustment b = (BackdoorAdjustment) Identifier.identify(q);
    assertThat(b.adjustmentSet()).containsExactly("A", "B");
    assertThat(b.criterion()).isEqualTo(AdjustmentCriterion.ASSUMED);
    assertThat(b.optimalSet()).isEmpty();
    assertThat(b.assumptions().get(0)).contains("No causal graph was given");
    assertThat(q.describe()).isEqualTo("P(Y | do(T))");
  }

  @Test
  void singleTreatmentAccessorsRefuseSets() {
    CausalQuery q = CausalQuery.builder(G).treatment("Smoking", "Age").outcome("Cancer").build();
    assertThatThrownBy(q::treatment).isInstanceOf(IllegalStateException.class);
    assertThat(q.outcome()).isEqualTo("Cancer");
  }
}
