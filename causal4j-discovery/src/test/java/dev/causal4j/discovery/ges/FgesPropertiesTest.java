package dev.causal4j.discovery.ges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold on any data, checked on small noisy samples (n = 300–500), where a search
 * makes many moves, wrong ones included.
 */
class FgesPropertiesTest {

  /** A random DAG and a score on a small sample from it. */
  private static Score noisyScore(long seed, int p, int n) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    Graph dag = RandomGraphs.erdosRenyiDag(p, 3, rng);
    return LinearData.bic(dag.nodeNames(), LinearData.simulate(dag, n, rng), 1);
  }

  @Test
  void sameGraphAndSameWorkOnOneAndManyThreads() {
    for (long seed = 0; seed < 6; seed++) {
      Score score = noisyScore(seed, 60, 300);
      for (boolean faithful : new boolean[] {false, true}) {
        DiscoveryResult one = Fges.builder(score).faithfulnessAssumed(faithful).threads(1)
            .build().search();
        DiscoveryResult four = Fges.builder(score).faithfulnessAssumed(faithful).threads(4)
            .build().search();
        assertThat(four.graph()).as("seed %d", seed).isEqualTo(one.graph());
        assertThat(four.stats().scoreEvaluations()).isEqualTo(one.stats().scoreEvaluations());
      }
      DiscoveryResult ges1 = Fges.builder(score).variant(Fges.Variant.GES).threads(1).build()
          .search();
      DiscoveryResult ges3 = Fges.builder(score).variant(Fges.Variant.GES).threads(3).build()
          .search();
      assertThat(ges3.graph()).isEqualTo(ges1.graph());
    }
  }

  /**
   * A move's validity depends on which of its target's undirected neighbours are adjacent to each
   * other (the clique conditions on {@code NA ∪ T} and {@code NA \ H}), so after a move between two
   * undirected neighbours of a node every move into that node must be scored again. FGES once
   * re-scored only the moves from the move's end points: a deletion scored while {@code NA \ H}
   * was a clique was then made after another deletion had broken the clique, and the result was
   * no CPDAG (first seen beside Tetrad on {@code causal4j simulate --model linear-gaussian --nodes
   * 30 --degree 2 --samples 1000 --seed 3}, where GES and Tetrad agreed and FGES did not). It
   * takes a deletion inside an undirected clique right after another one, which is rare: of 240
   * random models scanned (p = 20–40, n = 200–1,000), the old FGES parted from GES on one, seed
   * 1033 here; the other seeds keep the check broad.
   */
  @Test
  void fgesRescoresMovesIntoCommonNeighboursOfEachMove() {
    for (long seed = 1020; seed < 1040; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      Graph dag = RandomGraphs.erdosRenyiDag(30, 3, rng);
      Score score = LinearData.bic(dag.nodeNames(), LinearData.simulate(dag, 500, rng), 2);
      Graph fges = Fges.builder(score).build().search().graph();
      Graph ges = Fges.builder(score).variant(Fges.Variant.GES).build().search().graph();
      assertThat(Cpdag.isCpdag(fges)).as("seed %d: FGES's result is a CPDAG", seed).isTrue();
      assertThat(fges).as("seed %d: FGES makes GES's moves", seed).isEqualTo(ges);
    }
  }

  /**
   * The forward phase ends only when no valid Insert improves the score and the backward phase
   * when no valid Delete does: from FGES's result, exhaustive GES finds nothing to do.
   */
  @Test
  void resultIsALocalOptimumOfTheScore() {
    for (long seed = 0; seed < 25; seed++) {
      Score score = noisyScore(seed, 15 + (int) (seed % 16), 400);
      for (boolean faithful : new boolean[] {false, true}) {
        Graph found = Fges.builder(score).faithfulnessAssumed(faithful).build().search().graph();
        Pdag g = Pdag.of(found);
        try (GesSearch s = new GesSearch(score, g, Knowledge.empty().bind(score.variables()), -1,
            1)) {
          if (!faithful) {
            s.forwardExhaustive();
          }
          s.backwardExhaustive();
          assertThat(s.inserts()).as("seed %d: improving insertions left", seed).isZero();
          assertThat(s.deletes()).as("seed %d: improving deletions left", seed).isZero();
        }
      }
    }
  }

  /**
   * GES searches over equivalence classes, which is sound only because the BIC gives
   * Markov-equivalent DAGs the same score: every DAG of the class FGES returns (reached by
   * reversing covered edges, Chickering 1995) has the same total score, and the result does not
   * depend on the order of the variables.
   */
  @Test
  void equivalentDagsScoreTheSameAndVariableOrderDoesNotMatter() {
    for (long seed = 0; seed < 10; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 12 + (int) (seed % 8);
      Graph dag = RandomGraphs.erdosRenyiDag(p, 2.5, rng);
      double[][] x = LinearData.simulate(dag, 2000, rng);
      Score score = LinearData.bic(dag.nodeNames(), x, 2);
      Graph cpdag = Fges.builder(score).build().search().graph();
      MutableGraph member = ConsistentExtension.of(cpdag).orElseThrow().mutableCopy();
      double total = total(score, member);
      for (int step = 0; step < 30; step++) {
        reverseRandomCoveredEdge(member, rng);
        assertThat(Cpdag.of(member)).isEqualTo(cpdag);
        assertThat(total(score, member)).isCloseTo(total, within(1e-6 * Math.abs(total)));
      }
      int[] order = PermutationSampler.natural(p);
      PermutationSampler.shuffle(rng, order);
      List<String> names = new ArrayList<>();
      double[][] shuffled = new double[p][];
      for (int i = 0; i < p; i++) {
        names.add(dag.name(order[i]));
        shuffled[i] = x[order[i]];
      }
      Graph permuted = Fges.builder(LinearData.bic(names, shuffled, 2)).build().search().graph();
      assertThat(permuted).as("seed %d", seed).isEqualTo(cpdag);
    }
  }

  @Test
  void maxDegreeBoundsEveryNodeAndSaysSo() {
    Score score = noisyScore(3, 30, 2000);
    DiscoveryResult free = Fges.builder(score).build().search();
    int maxFree = 0;
    for (int v = 0; v < 30; v++) {
      maxFree = Math.max(maxFree, free.graph().degree(v));
    }
    assertThat(maxFree).isGreaterThan(3);
    assertThat(free.warnings()).isEmpty();
    for (Fges.Variant variant : Fges.Variant.values()) {
      DiscoveryResult capped = Fges.builder(score).variant(variant).maxDegree(3).build().search();
      for (int v = 0; v < 30; v++) {
        assertThat(capped.graph().degree(v)).isLessThanOrEqualTo(3);
      }
      assertThat(capped.stats().parameters()).containsEntry("max_degree", "3");
      if (variant == Fges.Variant.FGES) {
        assertThat(capped.warnings()).singleElement().asString().contains("maximum degree 3");
      }
    }
  }

  private static double total(Score score, Graph dag) {
    double t = 0;
    for (int v = 0; v < dag.size(); v++) {
      t += score.localScore(v, dag.parents(v));
    }
    return t;
  }

  /** Reverses a random covered edge {@code x --> y} (Pa(y) = Pa(x) ∪ {x}), if there is one. */
  private static void reverseRandomCoveredEdge(MutableGraph dag, UniformRandomProvider rng) {
    List<int[]> covered = new ArrayList<>();
    for (var e : dag.edges()) {
      int x = e.from();
      int y = e.to();
      int[] px = dag.parents(x);
      int[] py = dag.parents(y);
      if (py.length == px.length + 1) {
        boolean same = true;
        for (int u : px) {
          same &= dag.isDirected(u, y);
        }
        if (same) {
          covered.add(new int[] {x, y});
        }
      }
    }
    if (!covered.isEmpty()) {
      int[] e = covered.get(rng.nextInt(covered.size()));
      dag.addDirectedEdge(e[1], e[0]);
    }
  }
}
