package dev.causal4j.discovery.permutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.KnowledgeEdge;
import dev.causal4j.knowledge.Tier;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Knowledge is honoured inside the searches: on any knowledge, a forbidden edge (explicit, against
 * the tiers, within a tier that forbids it, or the reverse of a required edge) never appears,
 * neither directed nor undirected, and a required edge always appears directed. With knowledge
 * that agrees with the truth and a large sample, the searches return the true CPDAG refined by the
 * knowledge (its skeleton and v-structures, closed under Meek's rules with the knowledge).
 */
class KnowledgeTest {

  private static final List<BiFunction<Score, Knowledge, DiscoveryResult>> SEARCHES = List.of(
      (s, k) -> Boss.builder(s).knowledge(k).build().search(),
      (s, k) -> Boss.builder(s).knowledge(k).bes(false).starts(2).useDataOrder(false).build()
          .search(),
      (s, k) -> Grasp.builder(s).knowledge(k).build().search(),
      (s, k) -> Grasp.builder(s).knowledge(k).ordered(true).starts(2).build().search());

  /** Tiers cut from the true causal order, some true edges required, some false ones forbidden. */
  static Knowledge consistentWith(Graph dag, UniformRandomProvider rng) {
    int p = dag.size();
    int[] order = Graphs.topologicalOrder(dag);
    int tiers = 2 + rng.nextInt(3);
    int[] tierOf = new int[p];
    int t = 0;
    for (int i = 0; i < p; i++) {
      if (i > 0 && t < tiers - 1 && rng.nextInt(p) < tiers) {
        t++;
      }
      tierOf[order[i]] = rng.nextInt(5) == 0 ? -1 : t;
    }
    Knowledge.Builder b = Knowledge.builder();
    for (int tier = 0; tier <= t; tier++) {
      List<String> members = new ArrayList<>();
      boolean inner = false;
      for (int v = 0; v < p; v++) {
        if (tierOf[v] == tier) {
          members.add(dag.name(v));
          for (int u : dag.parents(v)) {
            inner |= tierOf[u] == tier;
          }
        }
      }
      b.tier(members, inner || rng.nextBoolean() ? Tier.WithinTier.ALLOWED
          : Tier.WithinTier.FORBIDDEN);
    }
    for (Edge e : dag.edges()) {
      int from = dag.isDirected(e.from(), e.to()) ? e.from() : e.to();
      int to = from == e.from() ? e.to() : e.from();
      int r = rng.nextInt(4);
      if (r == 0) {
        b.require(dag.name(from), dag.name(to));
      } else if (r == 1) {
        b.forbid(dag.name(to), dag.name(from));
      }
    }
    for (int k = 0; k < p; k++) {
      int a = rng.nextInt(p);
      int c = rng.nextInt(p);
      if (a != c && !dag.isAdjacent(a, c)) {
        b.forbid(dag.name(a), dag.name(c));
      }
    }
    return b.build();
  }

  /** Random tiers, required edges along a tier-respecting order, random forbidden edges. */
  static Knowledge arbitrary(List<String> names, UniformRandomProvider rng) {
    int p = names.size();
    int[] order = PermutationSampler.natural(p);
    PermutationSampler.shuffle(rng, order);
    Knowledge.Builder b = Knowledge.builder();
    int tiers = 1 + rng.nextInt(3);
    int start = 0;
    for (int t = 0; t < tiers; t++) {
      int end = t == tiers - 1 ? p : start + rng.nextInt(p - start + 1);
      List<String> members = new ArrayList<>();
      for (int i = start; i < end; i++) {
        if (rng.nextInt(4) > 0) {
          members.add(names.get(order[i]));
        }
      }
      b.tier(members, rng.nextInt(4) == 0 ? Tier.WithinTier.FORBIDDEN : Tier.WithinTier.ALLOWED);
      start = end;
    }
    Knowledge tiered = b.build();
    List<KnowledgeEdge> required = new ArrayList<>();
    for (int k = 0; k < p / 2; k++) {
      int i = rng.nextInt(p);
      int j = rng.nextInt(p);
      if (i < j) {
        String from = names.get(order[i]);
        String to = names.get(order[j]);
        if (!tiered.isForbidden(from, to)) {
          b.require(from, to);
          required.add(new KnowledgeEdge(from, to));
        }
      }
    }
    for (int k = 0; k < p; k++) {
      String from = names.get(rng.nextInt(p));
      String to = names.get(rng.nextInt(p));
      if (!from.equals(to) && !required.contains(new KnowledgeEdge(from, to))) {
        b.forbid(from, to);
      }
    }
    return b.build();
  }

  static void assertHonoured(Graph g, Knowledge knowledge, String what) {
    BoundKnowledge k = knowledge.bind(g.nodeNames());
    for (Edge e : g.edges()) {
      int a = e.from();
      int b = e.to();
      if (g.isDirected(a, b)) {
        assertThat(k.isForbidden(a, b)).as("%s: %s --> %s is forbidden (%s)", what, g.name(a),
            g.name(b), k.whyForbidden(a, b)).isFalse();
      } else if (g.isDirected(b, a)) {
        assertThat(k.isForbidden(b, a)).as("%s: %s --> %s is forbidden (%s)", what, g.name(b),
            g.name(a), k.whyForbidden(b, a)).isFalse();
      } else {
        assertThat(g.isUndirected(a, b)).as("%s: edge %s", what, e).isTrue();
        assertThat(k.isForbidden(a, b) || k.isForbidden(b, a))
            .as("%s: %s --- %s leaves a forbidden direction open", what, g.name(a), g.name(b))
            .isFalse();
      }
    }
    for (KnowledgeEdge r : knowledge.requiredEdges()) {
      assertThat(g.isDirected(g.requireIndex(r.from()), g.requireIndex(r.to())))
          .as("%s: required %s missing", what, r).isTrue();
    }
  }

  @Test
  void arbitraryKnowledgeIsAlwaysHonouredOnNoisyData() {
    for (long seed = 0; seed < 40; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = RandomGraphs.erdosRenyiDag(8 + (int) (seed % 8), 2.5, rng);
      LinearGaussianSample s = new LinearGaussianSample(dag, 200, rng);
      Knowledge k = arbitrary(dag.nodeNames(), rng);
      for (int i = 0; i < SEARCHES.size(); i++) {
        Graph g = SEARCHES.get(i).apply(s.bic(1), k).graph();
        assertHonoured(g, k, "seed " + seed + ", search " + i);
      }
    }
  }

  /**
   * At most 5% of models missed for BOSS and 15% for GRaSP. GRaSP moves by tucks along the current
   * DAG's edges, and knowledge rules some of them out, so it stops at a local optimum more often
   * (here it misses 6 of 60 from one start, 3 with the ordered relaxations and two starts; BOSS
   * 1 and 2); without its knowledge-only moves ({@link TuckSearch}) it missed 26 of 40.
   */
  @Test
  void knowledgeThatAgreesWithTheTruthGivesTheRefinedTrueCpdag() {
    int seeds = LargeSampleRecoveryTest.SEEDS;
    int[] allowedMisses = {seeds / 20, seeds / 20, seeds * 15 / 100, seeds * 15 / 100};
    int[] missed = new int[SEARCHES.size()];
    for (long seed = 0; seed < seeds; seed++) {
      LinearGaussianSample s = LargeSampleRecoveryTest.sample(seed);
      Knowledge k = consistentWith(s.dag, RandomSource.SPLIT_MIX_64.create(seed + 1000));
      Graph expected = EquivalenceClass.of(s.dag, k.bind(s.dag.nodeNames()), new ArrayList<>());
      for (int i = 0; i < SEARCHES.size(); i++) {
        Graph g = SEARCHES.get(i).apply(s.bic(LargeSampleRecoveryTest.PENALTY), k).graph();
        assertHonoured(g, k, "seed " + seed + ", search " + i);
        if (!g.equals(expected)) {
          missed[i]++;
        }
      }
    }
    for (int i = 0; i < missed.length; i++) {
      assertThat(missed[i]).as("search %d missed %s", i, Arrays.toString(missed))
          .isLessThanOrEqualTo(allowedMisses[i]);
    }
  }

  /** The grow-shrink DAG of an order the knowledge allows honours it too. */
  @Test
  void growShrinkDagHonoursKnowledge() {
    for (long seed = 0; seed < 20; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = RandomGraphs.erdosRenyiDag(10, 3, rng);
      LinearGaussianSample s = new LinearGaussianSample(dag, 200, rng);
      Knowledge k = arbitrary(dag.nodeNames(), rng);
      BoundKnowledge bound = k.bind(dag.nodeNames());
      int[] order = new OrderConstraints(bound, 10).validOrder(PermutationSampler.natural(10));
      Graph g = GrowShrinkDag.of(s.bic(1), Graphs.names(dag, order), k);
      assertHonoured(g, k, "seed " + seed);
    }
  }
}
