package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.MeekRules.Orientation;
import dev.causal4j.graph.MeekRules.Rule;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.Tier;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class MeekRulesTest {

  private static String named(Graph g, Orientation o) {
    return g.name(o.from()) + " --> " + g.name(o.to()) + " " + o.rule();
  }

  private static List<String> orientations(Graph g, MeekRules.Result r) {
    return r.orientations().stream().map(o -> named(g, o)).toList();
  }

  // Meek (1995), Fig. 2: the smallest configuration of each rule.

  @Test
  void ruleOne() {
    MutableGraph g = GraphText.parse("A --> B; B --- C");
    MeekRules.Result r = MeekRules.apply(g);
    assertThat(orientations(g, r)).containsExactly("B --> C R1");
    assertThat(g).isEqualTo(GraphText.parse("A --> B; B --> C"));
    // With A and C adjacent, B --- C may go either way.
    MutableGraph shielded = GraphText.parse("A --> B; B --- C; A --- C");
    assertThat(MeekRules.apply(shielded).orientations()).isEmpty();
  }

  @Test
  void ruleTwo() {
    MutableGraph g = GraphText.parse("A --> B; B --> C; A --- C");
    assertThat(orientations(g, MeekRules.apply(g))).containsExactly("A --> C R2");
  }

  @Test
  void ruleThree() {
    MutableGraph g = GraphText.parse("A --- C; C --> B; A --- D; D --> B; A --- B");
    assertThat(orientations(g, MeekRules.apply(g))).containsExactly("A --> B R3");
    assertThat(g.isUndirected(g.indexOf("A"), g.indexOf("C"))).isTrue();
    // If C and D are adjacent, B need not be a sink of A's edge.
    MutableGraph shielded = GraphText.parse("A --- C; C --> B; A --- D; D --> B; A --- B; C --- D");
    assertThat(MeekRules.apply(shielded).orientations()).isEmpty();
  }

  @Test
  void ruleFourAfterKnowledge() {
    // The CPDAG of A --> K, A --> L, A --> B, K --> L, L --> B is fully undirected (no
    // v-structure). Knowledge K --> L and L --> B: R1 has nothing to add (K is adjacent to A),
    // and only R4 sees that B --> A would need K --> A <-- B, a new v-structure.
    MutableGraph g = GraphText.parse("A --- K; A --- L; A --- B; K --- L; L --- B");
    Knowledge k = Knowledge.builder().require("K", "L").require("L", "B").build();
    MeekRules.Result r = MeekRules.apply(g, k);
    assertThat(orientations(g, r))
        .containsExactly("K --> L KNOWLEDGE", "L --> B KNOWLEDGE", "A --> B R4");
    assertThat(r.hasConflicts()).isFalse();
    assertThat(g).isEqualTo(GraphText.parse("A --- K; A --- L; A --> B; K --> L; L --> B"));
  }

  @Test
  void forbiddenDirectionOrientsTheOtherWay() {
    MutableGraph g = GraphText.parse("A --- B; B --- C");
    Knowledge k = Knowledge.builder().forbid("A", "B").build();
    MeekRules.Result r = MeekRules.apply(g, k);
    // B --> A has no consequence for B --- C: nothing points into B.
    assertThat(orientations(g, r)).containsExactly("B --> A KNOWLEDGE");
    MutableGraph h = GraphText.parse("A --- B; B --- C");
    MeekRules.apply(h, Knowledge.builder().require("A", "B").build());
    assertThat(h).isEqualTo(GraphText.parse("A --> B; B --> C"));
  }

  @Test
  void tiersOrientAcrossTiersAndForbidWithinWhenAsked() {
    MutableGraph g = GraphText.parse("A --- B; B --- C; A --- C");
    MeekRules.Result r = MeekRules.apply(g, Knowledge.builder().tier("A").tier("B", "C").build());
    assertThat(r.hasConflicts()).isFalse();
    assertThat(g).isEqualTo(GraphText.parse("A --> B; B --- C; A --> C"));

    MutableGraph h = GraphText.parse("A --- B; B --- C; A --- C");
    Knowledge strict = Knowledge.builder().tier("A")
        .tier(List.of("B", "C"), Tier.WithinTier.FORBIDDEN).build();
    MeekRules.Result conflicted = MeekRules.apply(h, strict);
    assertThat(conflicted.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.message()).contains("joins B and C").contains("forbids both directions")
          .contains("tier 2");
    });
    assertThat(h.isUndirected(h.indexOf("B"), h.indexOf("C"))).isTrue();
  }

  @Test
  void conflictsAreReportedNotLoopedOn() {
    MutableGraph g = GraphText.parse(List.of("A", "B", "C", "D"), "A --> B; B --- C");
    Knowledge k = Knowledge.builder().forbid("A", "B").require("C", "D").build();
    MeekRules.Result r = MeekRules.apply(g, k);
    assertThat(r.conflicts()).extracting(MeekRules.Conflict::message).containsExactly(
        "the graph has A --> B, which the knowledge forbids (A --> B is forbidden)",
        "the knowledge requires C --> D but the graph does not join them");
    // The forbidden edge is left as it was, and R1 still uses it.
    assertThat(g.isDirected(0, 1)).isTrue();
    assertThat(g.isDirected(1, 2)).isTrue();
  }

  @Test
  void badInputIsRefused() {
    MutableGraph circle = GraphText.parse("A o-> B");
    assertThatThrownBy(() -> MeekRules.apply(circle))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("circle");
    MutableGraph g = GraphText.parse("A --- B");
    BoundKnowledge other = Knowledge.empty().bind(List.of("B", "A"));
    assertThatThrownBy(() -> MeekRules.apply(g, other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other variables");
    assertThatThrownBy(() -> MeekRules.apply(g, Knowledge.builder().require("A", "Z").build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'Z'");
  }

  @Test
  void bidirectedEdgesCountOnlyAsAdjacencies() {
    // A <-> B --- C: no arrow with a tail into B, so R1 does not orient B --> C even though A
    // and C are not adjacent; D --> C orients C --> B and C --> E (edges taken in node order).
    MutableGraph g = GraphText.parse("A <-> B; B --- C; D --> C; C --- E");
    MeekRules.Result r = MeekRules.apply(g);
    assertThat(orientations(g, r)).containsExactly("C --> B R1", "C --> E R1");
    assertThat(g.isBidirected(0, 1)).isTrue();
  }

  /**
   * Meek's completeness with knowledge: for knowledge consistent with the true DAG, the rules give
   * exactly the edges that every member of the Markov equivalence class consistent with the
   * knowledge directs the same way (enumerated by brute force). Half the runs start from the
   * pattern (skeleton and v-structures only), so that the rules do all the work; half from the
   * CPDAG, so that only knowledge sets them off.
   */
  @Test
  void consistentKnowledgeGivesTheMaximallyOrientedGraph() {
    int[] byRule = new int[Rule.values().length];
    for (long seed = 0; seed < 800; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(30_000 + seed);
      int p = 3 + rng.nextInt(5);
      Graph dag = RandomGraphs.erdosRenyiDag(p, Math.min(p - 1, 1 + 2.5 * rng.nextDouble()), rng);
      if (dag.edgeCount() > 11) {
        continue;
      }
      Knowledge k = consistentKnowledge(dag, rng, rng.nextInt(3) * 0.15);
      BoundKnowledge bound = k.bind(dag.nodeNames());
      List<Graph> members = new ArrayList<>();
      for (Graph m : BruteForce.markovEquivalenceClass(dag)) {
        if (respects(m, bound)) {
          members.add(m);
        }
      }
      Graph expected = BruteForce.commonOrientation(dag, members);
      MutableGraph g = seed % 2 == 0 ? pattern(dag) : Cpdag.of(dag).mutableCopy();
      MeekRules.Result r = MeekRules.apply(g, bound);
      assertThat(r.hasConflicts()).isFalse();
      assertThat(g).as("seed %d, %s, %s", seed, dag, k).isEqualTo(expected);
      for (Orientation o : r.orientations()) {
        byRule[o.rule().ordinal()]++;
      }
    }
    // Every step must have been exercised, or the comparison proves less than it claims.
    assertThat(byRule[Rule.KNOWLEDGE.ordinal()]).isGreaterThan(100);
    assertThat(byRule[Rule.R1.ordinal()]).isGreaterThan(80);
    assertThat(byRule[Rule.R2.ordinal()]).isGreaterThan(20);
    assertThat(byRule[Rule.R3.ordinal()]).isGreaterThan(5);
    assertThat(byRule[Rule.R4.ordinal()]).isPositive();
  }

  /** The skeleton of a DAG with its v-structures directed and every other edge undirected. */
  private static MutableGraph pattern(Graph dag) {
    MutableGraph g = new MutableGraph(dag.nodeNames());
    for (Edge e : dag.edges()) {
      g.addUndirectedEdge(e.from(), e.to());
    }
    for (VStructure v : Graphs.vStructures(dag)) {
      g.addDirectedEdge(v.a(), v.collider()).addDirectedEdge(v.b(), v.collider());
    }
    return g;
  }

  /**
   * Knowledge drawn at random, consistent or not: a forbidden orientation is never made, a
   * required one is always made where the graph allows it, every contradiction is reported, and
   * the run is deterministic.
   */
  @Test
  void randomKnowledgeInvariants() {
    int conflicts = 0;
    for (long seed = 0; seed < 1500; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(40_000 + seed);
      int p = 3 + rng.nextInt(25);
      Graph dag = RandomGraphs.erdosRenyiDag(p, Math.min(p - 1, 4 * rng.nextDouble()), rng);
      Knowledge k = randomKnowledge(dag.nodeNames(), rng);
      if (k == null) {
        continue;
      }
      BoundKnowledge bound = k.bind(dag.nodeNames());
      Graph before = Cpdag.of(dag);
      MutableGraph g = before.mutableCopy();
      MeekRules.Result r = MeekRules.apply(g, bound);
      MutableGraph again = before.mutableCopy();
      assertThat(MeekRules.apply(again, bound)).isEqualTo(r);
      conflicts += r.conflicts().size();
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          if (a == b || !g.isAdjacent(a, b)) {
            continue;
          }
          if (before.isUndirected(a, b) && g.isDirected(a, b)) {
            assertThat(bound.isForbidden(a, b)).as("seed %d: made %s --> %s", seed, g.name(a),
                g.name(b)).isFalse();
          }
          int fa = a;
          int fb = b;
          boolean conflicted = r.conflicts().stream()
              .anyMatch(c -> (c.a() == fa && c.b() == fb) || (c.a() == fb && c.b() == fa));
          if (bound.isRequired(a, b) && !conflicted) {
            assertThat(g.isDirected(a, b)).isTrue();
          }
          if (before.isDirected(a, b) && bound.isForbidden(a, b)) {
            assertThat(conflicted).isTrue();
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b : bound.requiredChildren(a)) {
          if (!g.isAdjacent(a, b)) {
            int fa = a;
            int fb = b;
            assertThat(r.conflicts()).anyMatch(c -> c.a() == fa && c.b() == fb);
          }
        }
      }
    }
    assertThat(conflicts).isGreaterThan(100);
  }

  @Test
  void largeGraphsAgreeWithEdgeLabelling() {
    // A CPDAG's v-structures, closed under the rules, for p = 5,000; the work queue keeps this
    // near-linear (a rescan-until-stable loop would be quadratic here).
    Graph dag = RandomGraphs.erdosRenyiDag(5000, 4, RandomSource.SPLIT_MIX_64.create(5));
    Graph viaRules = Cpdag.of(dag, Cpdag.Method.MEEK_RULES);
    assertThat(viaRules).isEqualTo(Cpdag.of(dag));
  }

  private static boolean respects(Graph dag, BoundKnowledge k) {
    for (Edge e : dag.edges()) {
      if (k.isForbidden(e.from(), e.to())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Knowledge the DAG satisfies: tiers along a topological order, true edges required or their
   * reverse forbidden (each with probability {@code edgeShare}), absent edges forbidden.
   */
  private static Knowledge consistentKnowledge(
      Graph dag, UniformRandomProvider rng, double edgeShare) {
    Knowledge.Builder b = Knowledge.builder();
    int p = dag.size();
    if (edgeShare > 0 && rng.nextInt(3) == 0) {
      int[] order = Graphs.topologicalOrder(dag);
      int cut = 1 + rng.nextInt(p - 1);
      List<String> first = new ArrayList<>();
      List<String> second = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        (i < cut ? first : second).add(dag.name(order[i]));
      }
      b.tier(first, Tier.WithinTier.ALLOWED).tier(second, Tier.WithinTier.ALLOWED);
    }
    for (Edge e : dag.edges()) {
      double u = rng.nextDouble();
      if (u < edgeShare) {
        b.require(dag.name(e.from()), dag.name(e.to()));
      } else if (u < 2 * edgeShare) {
        b.forbid(dag.name(e.to()), dag.name(e.from()));
      }
    }
    for (int a = 0; a < p; a++) {
      for (int c = 0; c < p; c++) {
        if (a != c && !dag.isAdjacent(a, c) && rng.nextDouble() < 0.1) {
          b.forbid(dag.name(a), dag.name(c));
        }
      }
    }
    return b.build();
  }

  /** Random requirements, prohibitions and tiers; null if they contradict each other. */
  private static Knowledge randomKnowledge(List<String> names, UniformRandomProvider rng) {
    Knowledge.Builder b = Knowledge.builder();
    int p = names.size();
    if (rng.nextBoolean()) {
      List<String> t1 = new ArrayList<>();
      List<String> t2 = new ArrayList<>();
      for (String n : names) {
        double u = rng.nextDouble();
        if (u < 0.3) {
          t1.add(n);
        } else if (u < 0.6) {
          t2.add(n);
        }
      }
      b.tier(t1, rng.nextInt(4) == 0 ? Tier.WithinTier.FORBIDDEN : Tier.WithinTier.ALLOWED)
          .tier(t2, rng.nextInt(4) == 0 ? Tier.WithinTier.FORBIDDEN : Tier.WithinTier.ALLOWED);
    }
    int edges = rng.nextInt(2 * p);
    for (int i = 0; i < edges; i++) {
      int a = rng.nextInt(p);
      int c = rng.nextInt(p);
      if (a != c) {
        if (rng.nextBoolean()) {
          b.require(names.get(a), names.get(c));
        } else {
          b.forbid(names.get(a), names.get(c));
        }
      }
    }
    try {
      return b.build();
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
