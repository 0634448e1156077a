package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CpdagTest {

  /** Both methods must give {@code expected}. */
  private static void assertCpdag(Graph dag, Graph expected) {
    for (Cpdag.Method m : Cpdag.Method.values()) {
      Graph cpdag = Cpdag.of(dag, m);
      assertThat(cpdag).as(m.toString()).isEqualTo(expected);
      assertThat(cpdag.kind()).isEqualTo(GraphKind.CPDAG);
    }
  }

  @Test
  void pearlsSprinkler() {
    // Pearl (2009), Causality, Fig. 1.2: season drives sprinkler and rain, both wet the pavement,
    // which makes it slippery. Only the collider and what follows from it are compelled
    // (Verma & Pearl 1990); season's two edges can be reversed one at a time.
    Graph dag = GraphText.parse("Season --> Sprinkler; Season --> Rain; Sprinkler --> Wet; "
        + "Rain --> Wet; Wet --> Slippery");
    assertCpdag(dag, GraphText.parse(dag.nodeNames(), "Season --- Sprinkler; Season --- Rain; "
        + "Sprinkler --> Wet; Rain --> Wet; Wet --> Slippery"));
  }

  @Test
  void asiaNetwork() {
    // Lauritzen & Spiegelhalter (1988), the "Asia" chest-clinic network. Collider tub --> either
    // <-- lung and either --> dysp <-- bronc; R1 then compels either --> xray. The three edges
    // upstream stay undirected, as bnlearn's cpdag() documentation shows for this network.
    Graph dag = GraphText.parse("asia --> tub; smoke --> lung; smoke --> bronc; tub --> either; "
        + "lung --> either; either --> xray; either --> dysp; bronc --> dysp");
    assertCpdag(dag, GraphText.parse(dag.nodeNames(), "asia --- tub; smoke --- lung; "
        + "smoke --- bronc; tub --> either; lung --> either; either --> xray; "
        + "either --> dysp; bronc --> dysp"));
  }

  @Test
  void chainForkAndCollider() {
    // The three shapes of Pearl's d-separation: a chain and a fork are equivalent (undirected),
    // a collider is alone in its class.
    assertCpdag(GraphText.parse("A --> B; B --> C"), GraphText.parse("A --- B; B --- C"));
    assertCpdag(GraphText.parse("B --> A; B --> C"), GraphText.parse("B --- A; B --- C"));
    assertCpdag(GraphText.parse("A --> B; C --> B"), GraphText.parse("A --> B; C --> B"));
  }

  @Test
  void ruleTwoIsNeeded() {
    // A --> B <-- D is a v-structure; R1 gives B --> C; R2 then gives A --> C (else a cycle).
    Graph dag = GraphText.parse("A --> B; D --> B; B --> C; A --> C");
    assertCpdag(dag, dag);
  }

  @Test
  void ruleThreeIsNeeded() {
    // Meek (1995), rule 3's configuration: C --> B <-- D with C, D not adjacent, and A adjacent
    // to all three with no arrow into A. Only R3 orients A --> B; A --- C, A --- D stay.
    Graph dag = GraphText.parse("A --> C; A --> D; C --> B; D --> B; A --> B");
    assertCpdag(dag, GraphText.parse(dag.nodeNames(), "A --- C; A --- D; C --> B; D --> B; "
        + "A --> B"));
  }

  @Test
  void completeGraphsAreFullyUndirectedAndEmptyGraphsStayEmpty() {
    MutableGraph dag = new MutableGraph(RandomGraphs.defaultNames(5));
    for (int a = 0; a < 5; a++) {
      for (int b = a + 1; b < 5; b++) {
        dag.addDirectedEdge(b, a);
      }
    }
    assertCpdag(dag, MutableGraph.complete(dag.nodeNames()));
    Graph empty = new MutableGraph(List.of("A", "B"));
    assertCpdag(empty, empty);
  }

  @Test
  void latentFlagsAndNamesAreKept() {
    MutableGraph dag = GraphText.parse("L --> A; L --> B");
    dag.setLatent(0, true);
    Graph cpdag = Cpdag.of(dag);
    assertThat(cpdag.isLatent(0)).isTrue();
    assertThat(cpdag.nodeNames()).containsExactly("L", "A", "B");
  }

  @Test
  void edgeLabellingAgreesWithMeekRulesOnThousandsOfRandomDags() {
    int undirected = 0;
    int directed = 0;
    for (long seed = 0; seed < 3000; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 2 + rng.nextInt(40);
      double degree = Math.min(p - 1, 6 * rng.nextDouble());
      Graph dag = seed % 3 == 0
          ? RandomGraphs.scaleFreeDag(p, Math.max(1, degree), rng)
          : RandomGraphs.erdosRenyiDag(p, degree, rng);
      Graph labelled = Cpdag.of(dag, Cpdag.Method.EDGE_LABELLING);
      Graph meek = Cpdag.of(dag, Cpdag.Method.MEEK_RULES);
      assertThat(labelled).as("seed %d: %s", seed, dag).isEqualTo(meek);
      for (Edge e : labelled.edges()) {
        if (e.isDirected()) {
          directed++;
        } else {
          undirected++;
        }
      }
    }
    // Both kinds of edge must be common for the comparison to mean something.
    assertThat(directed).isGreaterThan(10_000);
    assertThat(undirected).isGreaterThan(10_000);
  }

  @Test
  void matchesTheMarkovEquivalenceClassEnumeratedByBruteForce() {
    // Definition: an edge is directed in the CPDAG iff every DAG with the same skeleton and the
    // same v-structures directs it the same way. All 2^E orientations are tried.
    int classes = 0;
    int largeClasses = 0;
    for (long seed = 0; seed < 400; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(10_000 + seed);
      int p = 3 + rng.nextInt(5);
      Graph dag = RandomGraphs.erdosRenyiDag(p, Math.min(p - 1, 1 + 2 * rng.nextDouble()), rng);
      if (dag.edgeCount() > 11) {
        continue;
      }
      List<Graph> members = BruteForce.markovEquivalenceClass(dag);
      Graph expected = BruteForce.commonOrientation(dag, members);
      assertThat(Cpdag.of(dag)).as("%s", dag).isEqualTo(expected);
      assertThat(Cpdag.of(dag, Cpdag.Method.MEEK_RULES)).isEqualTo(expected);
      // Every member has the same CPDAG and is an extension of it.
      for (Graph member : members) {
        assertThat(Cpdag.of(member)).isEqualTo(expected);
      }
      classes++;
      if (members.size() > 2) {
        largeClasses++;
      }
    }
    assertThat(classes).isGreaterThan(300);
    assertThat(largeClasses).isGreaterThan(100);
  }

  @Test
  void consistentExtensionIsAMemberOfTheClass() {
    for (long seed = 0; seed < 500; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20_000 + seed);
      int p = 2 + rng.nextInt(30);
      Graph dag = RandomGraphs.erdosRenyiDag(p, Math.min(p - 1, 4 * rng.nextDouble()), rng);
      Graph cpdag = Cpdag.of(dag);
      Graph extension = ConsistentExtension.of(cpdag).orElseThrow();
      assertThat(Graphs.isDag(extension)).isTrue();
      assertThat(extension.kind()).isEqualTo(GraphKind.DAG);
      assertThat(Cpdag.of(extension)).isEqualTo(cpdag);
      for (Edge e : cpdag.edges()) {
        if (e.isDirected()) {
          assertThat(extension.isDirected(e.from(), e.to())).isTrue();
        }
      }
      assertThat(Cpdag.isCpdag(cpdag)).isTrue();
    }
  }

  @Test
  void pdagsWithoutExtension() {
    // A chordless undirected 4-cycle: every orientation makes a v-structure or a cycle.
    assertThat(ConsistentExtension.of(GraphText.parse("A --- B; B --- C; C --- D; D --- A")))
        .isEmpty();
    // A directed cycle.
    assertThat(ConsistentExtension.of(GraphText.parse("A --> B; B --> C; C --> A"))).isEmpty();
    // A --> B --- C would force B --> C or a new v-structure A --> B <-- C; B --> C is fine.
    Optional<Graph> ext = ConsistentExtension.of(GraphText.parse("A --> B; B --- C"));
    assertThat(ext).contains(GraphText.parse("A --> B; B --> C").snapshot());
    assertThatThrownBy(() -> ConsistentExtension.of(GraphText.parse("A <-> B")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("A <-> B");
  }

  @Test
  void isCpdagRejectsGraphsThatAreNotCompleted() {
    // A DAG whose edges are reversible is not its own CPDAG.
    assertThat(Cpdag.isCpdag(GraphText.parse("A --> B; B --> C"))).isFalse();
    // A --> B --- C is not completed: R1 directs B --> C.
    assertThat(Cpdag.isCpdag(GraphText.parse("A --> B; B --- C"))).isFalse();
    // The chain's class and the collider's class: both CPDAGs over the same skeleton.
    assertThat(Cpdag.isCpdag(GraphText.parse("A --- B; C --- B"))).isTrue();
    assertThat(Cpdag.isCpdag(GraphText.parse("A --> B; C --> B"))).isTrue();
    assertThat(Cpdag.isCpdag(GraphText.parse("A --- B; B --- C; C --- D; D --- A"))).isFalse();
    assertThat(Cpdag.isCpdag(GraphText.parse("A o-> B"))).isFalse();
  }

  @Test
  void rejectsGraphsThatAreNotDags() {
    assertThatThrownBy(() -> Cpdag.of(GraphText.parse("A --> B; B --- C")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("B --- C").hasMessageContaining("not directed");
    assertThatThrownBy(() -> Cpdag.of(GraphText.parse("A --> B; B --> C; C --> A")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("directed cycle A --> B --> C --> A");
  }

  @Test
  void vStructuresAreListedOnce() {
    Graph g = GraphText.parse(List.of("A", "B", "C", "D", "E"),
        "A --> C; B --> C; D --> C; A --> D; C --> E");
    assertThat(Graphs.vStructures(g)).containsExactly(
        new VStructure(0, 2, 1), new VStructure(1, 2, 3));
  }
}
