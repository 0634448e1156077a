package dev.causal4j.independence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.graph.Separation;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DSeparationOracleTest {

  @Test
  void answersOnPearlsSprinkler() {
    // Season(0) --> Sprinkler(1), Season --> Rain(2), Sprinkler --> Wet(3) <-- Rain, Wet -->
    // Slippery(4) (Pearl 2009, Fig. 1.2).
    MutableGraph g = new MutableGraph(List.of("Season", "Sprinkler", "Rain", "Wet", "Slippery"));
    g.addDirectedEdge(0, 1).addDirectedEdge(0, 2).addDirectedEdge(1, 3).addDirectedEdge(2, 3)
        .addDirectedEdge(3, 4);
    DSeparationOracle oracle = new DSeparationOracle(g);
    assertThat(oracle.variables()).containsExactly(
        "Season", "Sprinkler", "Rain", "Wet", "Slippery");
    assertThat(oracle.test(1, 2, new int[] {0}))
        .isEqualTo(new TestResult(Double.NaN, 1.0, Double.NaN, 0));
    assertThat(oracle.pValue(1, 2, new int[0])).isZero(); // via Season
    assertThat(oracle.pValue(1, 2, new int[] {0, 3})).isZero(); // Wet is a collider
    assertThat(oracle.pValue(1, 2, new int[] {0, 4})).isZero(); // so is its descendant
    assertThat(oracle.pValue(0, 4, new int[] {3})).isEqualTo(1.0);
    assertThat(oracle.test(0, 4, new int[] {3}).statistic()).isNaN();
  }

  @Test
  void latentNodesAreHiddenButStillConnect() {
    // A <-- L --> B with L latent: A and B are dependent, and no observed set separates them.
    MutableGraph g = new MutableGraph(List.of("A", "L", "B", "C"));
    g.addDirectedEdge(1, 0).addDirectedEdge(1, 2).addDirectedEdge(2, 3);
    g.setLatent(1, true);
    DSeparationOracle oracle = new DSeparationOracle(g);
    assertThat(oracle.variables()).containsExactly("A", "B", "C");
    assertThat(oracle.isSeparated(0, 1, new int[0])).isFalse();
    assertThat(oracle.isSeparated(0, 2, new int[] {1})).isTrue();
    assertThat(oracle.isSeparated(0, 2, new int[0])).isFalse();
  }

  @Test
  void bidirectedEdgesOfMagsAndAdmgs() {
    // A --> B <-> C <-- D: m-separated marginally, connected given B and C.
    MutableGraph g = new MutableGraph(List.of("A", "B", "C", "D"));
    g.addDirectedEdge(0, 1).addBidirectedEdge(1, 2).addDirectedEdge(3, 2);
    DSeparationOracle oracle = new DSeparationOracle(g);
    assertThat(oracle.isSeparated(0, 3, new int[0])).isTrue();
    assertThat(oracle.isSeparated(0, 3, new int[] {1, 2})).isFalse();
  }

  @Test
  void agreesWithSeparationOnRandomDagsWithHiddenNodes() {
    int separated = 0;
    int questions = 0;
    for (long seed = 0; seed < 100; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = RandomGraphs.erdosRenyiDag(12, 3, rng);
      int hidden = (int) Math.min(2, java.util.stream.IntStream.range(0, 12)
          .filter(v -> dag.children(v).length >= 2).count());
      Graph g = RandomGraphs.withLatentConfounders(dag, hidden, rng);
      DSeparationOracle oracle = new DSeparationOracle(g);
      int[] node = Graphs.observedNodes(g);
      int n = oracle.variables().size();
      for (int q = 0; q < 200; q++) {
        int x = rng.nextInt(n);
        int y = rng.nextInt(n);
        if (x == y) {
          continue;
        }
        int[] z = java.util.stream.IntStream.range(0, n)
            .filter(v -> v != x && v != y && rng.nextInt(4) == 0).toArray();
        int[] zNodes = java.util.Arrays.stream(z).map(v -> node[v]).toArray();
        boolean expected = Separation.isSeparated(g, node[x], node[y], zNodes);
        assertThat(oracle.isSeparated(x, y, z)).isEqualTo(expected);
        assertThat(oracle.pValue(x, y, z)).isEqualTo(expected ? 1.0 : 0.0);
        questions++;
        separated += expected ? 1 : 0;
      }
    }
    assertThat(separated).isBetween(questions / 20, questions - questions / 20);
  }

  @Test
  void threadsGetTheSameAnswers() throws Exception {
    Graph dag = RandomGraphs.erdosRenyiDag(40, 3, RandomSource.SPLIT_MIX_64.create(7));
    DSeparationOracle oracle = new DSeparationOracle(dag);
    int[][] zs = new int[2000][];
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(8);
    for (int i = 0; i < zs.length; i++) {
      int a = i % 40;
      int b = (i * 7 + 1) % 40;
      zs[i] = java.util.stream.IntStream.range(0, 40)
          .filter(v -> v != a && v != b && rng.nextInt(8) == 0).toArray();
    }
    boolean[] serial = new boolean[zs.length];
    for (int i = 0; i < zs.length; i++) {
      serial[i] = oracle.isSeparated(i % 40, (i * 7 + 1) % 40, zs[i]);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < zs.length; i++) {
        int fi = i;
        answers.add(pool.submit(() -> oracle.isSeparated(fi % 40, (fi * 7 + 1) % 40, zs[fi])));
      }
      for (int i = 0; i < zs.length; i++) {
        assertThat(answers.get(i).get()).isEqualTo(serial[i]);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void refusesEquivalenceClassesCyclesAndBadQuestions() {
    MutableGraph cpdag = new MutableGraph(List.of("A", "B")).addUndirectedEdge(0, 1);
    assertThatThrownBy(() -> new DSeparationOracle(cpdag))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("A --- B")
        .hasMessageContaining("not an equivalence class");
    MutableGraph three = new MutableGraph(List.of("A", "B", "C"));
    three.addDirectedEdge(0, 1).addDirectedEdge(1, 2).addDirectedEdge(2, 0);
    assertThatThrownBy(() -> new DSeparationOracle(three))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("A --> B --> C --> A");
    DSeparationOracle oracle = new DSeparationOracle(new MutableGraph(List.of("A", "B")));
    assertThatThrownBy(() -> oracle.test(0, 0, new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oracle.test(0, 1, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B");
  }
}
