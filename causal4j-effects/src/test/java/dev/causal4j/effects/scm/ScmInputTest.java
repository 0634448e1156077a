package dev.causal4j.effects.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs and data that cannot carry a structural causal model, and bad interventions. */
class ScmInputTest {
  static final Dataset DATA = LinearScmTest.truth().sample(300, 2).toDataset();

  private static void fails(Runnable r, String... fragments) {
    assertThatThrownBy(r::run).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments));
  }

  @Test
  void aCpdagIsRefusedWithADagFromItsClassSuggested() {
    Graph cpdag = Models.graph(GraphKind.CPDAG, "A --- B; A --> C; B --> C; S --> C; C --> D");
    fails(() -> StructuralCausalModel.fit(cpdag, DATA), "the graph is a CPDAG",
        "pick a DAG in its class or give a DAG", "one DAG in its class orients B --> A");
  }

  @Test
  void aPagOrBidirectedEdgeIsRefused() {
    Graph pag = Models.graph(GraphKind.PAG, "A o-> B; A --> C; B --> C; S --> C; C --> D");
    fails(() -> StructuralCausalModel.fit(pag, DATA), "the graph is a PAG", "A o-> B",
        "hidden common cause", "give a DAG");
    Graph admg = Models.graph(GraphKind.ADMG, "A <-> B; A --> C; B --> C; S --> C; C --> D");
    fails(() -> StructuralCausalModel.fit(admg, DATA), "A <-> B");
  }

  @Test
  void latentNodesAreRefused() {
    MutableGraph g = Models.dag("U --> A; A --> B; A --> C; B --> C; S --> C; C --> D")
        .mutableCopy();
    g.setLatent(g.indexOf("U"), true);
    fails(() -> StructuralCausalModel.fit(g.snapshot(), DATA), "'U'", "latent");
  }

  @Test
  void aCycleIsNamed() {
    Graph g = Models.graph(GraphKind.GENERAL,
        "A --> B; B --> C; C --> A; S --> C; C --> D");
    fails(() -> StructuralCausalModel.fit(g, DATA), "directed cycle", "A --> B --> C --> A");
  }

  @Test
  void namesNotInTheDataAreListedWithTheUnmatchedColumns() {
    Graph g = Models.dag("a --> B; a --> C; B --> C; S --> C; C --> d");
    fails(() -> StructuralCausalModel.fit(g, DATA), "'a', 'd' are not columns",
        "not in the graph: 'A', 'D'", "case-sensitive");
  }

  @Test
  void extraColumnsAreIgnoredAndReported() {
    Graph g = Models.dag("A --> B");
    StructuralCausalModel m = StructuralCausalModel.fit(g, DATA);
    assertThat(m.ignoredColumns()).containsExactly("C", "S", "D");
  }

  @Test
  void missingValuesAreRefused() {
    double[] b = DATA.doubles(DATA.indexOf("B")).clone();
    BitSet miss = new BitSet();
    miss.set(4);
    Dataset d = Dataset.builder(DATA.rows()).addContinuous("A", DATA.doubles(0).clone())
        .addContinuous("B", b, miss).build();
    fails(() -> StructuralCausalModel.fit(Models.dag("A --> B"), d), "'B'", "1 missing value",
        "data row 5", "--missing listwise");
  }

  @Test
  void aDiscreteNodeWithAContinuousParentNeedsAClassifier() {
    Graph g = Models.dag("A --> S");
    fails(() -> StructuralCausalModel.fit(g, DATA), "'S' is discrete", "'A' is continuous",
        "classifier");
  }

  @Test
  void collinearAndConstantParentsAreNamed() {
    double[] a = DATA.doubles(0);
    double[] twice = new double[a.length];
    double[] constant = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      twice[i] = 2 * a[i] + 1;
      constant[i] = 3;
    }
    Dataset d = Dataset.builder(a.length).addContinuous("A", a.clone())
        .addContinuous("A2", twice).addContinuous("K", constant)
        .addContinuous("D", DATA.doubles(DATA.indexOf("D")).clone()).build();
    fails(() -> StructuralCausalModel.fit(Models.dag("A --> D; A2 --> D"), d),
        "mechanism of 'D'", "linear combination", "collinear");
    fails(() -> StructuralCausalModel.fit(Models.dag("K --> D"), d), "'K' is constant");
  }

  @Test
  void badInterventionsAreNamed() {
    StructuralCausalModel m = LinearScmTest.truth();
    fails(() -> m.sample(List.of(Intervention.set("Q", 1)), 10, 0), "no variable named 'Q'",
        "A, B, C, S, D");
    fails(() -> m.sample(List.of(Intervention.setLevel("S", "maybe")), 10, 0),
        "'maybe' is not a level of 'S'", "no, yes");
    fails(() -> m.sample(List.of(Intervention.set("S", 2)), 10, 0), "level codes 0..1");
    fails(() -> m.sample(List.of(Intervention.shift("S", 1)), 10, 0), "categorical",
        "shift needs a continuous variable");
    fails(() -> m.sample(List.of(Intervention.setLevel("A", "x")), 10, 0), "continuous");
    fails(() -> m.sample(List.of(Intervention.set("A", 1), Intervention.shift("A", 1)), 10, 0),
        "intervened on twice");
    fails(() -> m.sample(10, 0).values("nope"), "no node named 'nope'");
    fails(() -> m.sample(0, 0), "at least 1");
  }
}
