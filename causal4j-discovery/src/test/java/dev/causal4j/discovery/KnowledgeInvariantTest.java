package dev.causal4j.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.fci.Fci;
import dev.causal4j.discovery.fci.Gfci;
import dev.causal4j.discovery.fci.Rfci;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.discovery.lingam.DirectLingam;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.discovery.permutation.Boss;
import dev.causal4j.discovery.permutation.Grasp;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.KnowledgeEdge;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The knowledge invariant, for every search at once: on random knowledge (tiers, some
 * forbidding edges within, required and forbidden edges; {@link RandomKnowledge}) over seeded
 * linear data, a forbidden edge never appears, a required one always does, and tier order is never
 * violated (no edge says a later tier causes an earlier one). The knowledge is drawn without looking at the model, so it is often false of it: the
 * invariants must hold whatever the data say.
 *
 * <p>What "appears" means follows the output: in a DAG or CPDAG a forbidden {@code a --> b} may
 * not be there, nor an undirected {@code a --- b} (one of its DAGs would have the forbidden edge),
 * and a required {@code a --> b} is there as drawn. In a PAG marks speak about ancestry (see the
 * {@code fci} package): a forbidden {@code a --> b} means an arrowhead at {@code a} wherever the
 * two are adjacent, a pair forbidden both ways is never adjacent, and a required edge is drawn
 * {@code a --> b}.
 */
class KnowledgeInvariantTest {

  /** A search: data, their covariance and knowledge in, a graph out. */
  private interface Search {
    Graph run(Dataset data, CovarianceMatrix cov, Knowledge knowledge);
  }

  private static final Map<String, Search> SEARCHES = new LinkedHashMap<>();

  static {
    BiFunction<Pc.Builder, Knowledge, Graph> pc = (b, k) -> b.alpha(0.05).knowledge(k).build()
        .search().graph();
    SEARCHES.put("pc", (d, c, k) -> pc.apply(Pc.builder(new FisherZTest(c)).stable(false), k));
    SEARCHES.put("pc-stable", (d, c, k) -> pc.apply(Pc.builder(new FisherZTest(c)), k));
    SEARCHES.put("cpc", (d, c, k) -> pc.apply(Pc.builder(new FisherZTest(c))
        .colliderRule(Pc.ColliderRule.CONSERVATIVE), k));
    SEARCHES.put("fges", (d, c, k) -> Fges.builder(new LinearGaussianBicScore(c, 2))
        .knowledge(k).build().search().graph());
    SEARCHES.put("boss", (d, c, k) -> Boss.builder(new LinearGaussianBicScore(c, 2))
        .knowledge(k).build().search().graph());
    SEARCHES.put("grasp", (d, c, k) -> Grasp.builder(new LinearGaussianBicScore(c, 2))
        .knowledge(k).build().search().graph());
    SEARCHES.put("fci", (d, c, k) -> Fci.builder(new FisherZTest(c)).alpha(0.05).knowledge(k)
        .build().search().graph());
    SEARCHES.put("rfci", (d, c, k) -> Rfci.builder(new FisherZTest(c)).alpha(0.05).knowledge(k)
        .build().search().graph());
    SEARCHES.put("gfci", (d, c, k) -> Gfci.builder(new FisherZTest(c),
        new LinearGaussianBicScore(c, 2)).alpha(0.05).knowledge(k).build().search().graph());
    SEARCHES.put("directlingam", (d, c, k) -> DirectLingam.builder().knowledge(k).build()
        .search(d).graph());
  }

  @Test
  void everySearchHonoursRandomKnowledge() {
    Map<String, Integer> requiredSeen = new LinkedHashMap<>();
    int forbiddenPairs = 0;
    int tieredPairs = 0;
    for (long seed = 0; seed < 48; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(1000 + seed);
      int p = 8 + (int) (seed % 9);
      Graph dag = RandomGraphs.erdosRenyiDag(p, 2.5, rng);
      Dataset data = linearUniform(dag, 500, rng);
      CovarianceMatrix cov = CovarianceMatrix.of(data, 1);
      Knowledge knowledge = RandomKnowledge.of(dag.nodeNames(), rng);
      BoundKnowledge k = knowledge.bind(dag.nodeNames());
      for (Map.Entry<String, Search> s : SEARCHES.entrySet()) {
        Graph out = s.getValue().run(data, cov, knowledge);
        String what = "seed " + seed + ", " + s.getKey();
        if (out.kind() == GraphKind.PAG) {
          assertPagInvariants(out, k, what);
        } else {
          assertDagInvariants(out, k, what);
        }
        assertTierOrder(out, k, what);
        for (KnowledgeEdge req : knowledge.requiredEdges()) {
          assertThat(out.isDirected(out.indexOf(req.from()), out.indexOf(req.to())))
              .as("%s: required %s", what, req).isTrue();
          requiredSeen.merge(s.getKey(), 1, Integer::sum);
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          forbiddenPairs += k.isForbidden(a, b) || k.isForbidden(b, a) ? 1 : 0;
          tieredPairs += k.tier(a) >= 0 && k.tier(b) >= 0 && k.tier(a) != k.tier(b) ? 1 : 0;
        }
      }
    }
    // The knowledge drawn says something: required edges for every search, and many pairs
    // forbidden one way or both, most of them by tiers.
    assertThat(requiredSeen).hasSize(SEARCHES.size());
    assertThat(requiredSeen.values()).allMatch(n -> n >= 40);
    assertThat(forbiddenPairs).isGreaterThan(700);
    assertThat(tieredPairs).isGreaterThan(500);
  }

  /** DAG or CPDAG: no forbidden edge, directed or as one direction of an undirected edge. */
  private static void assertDagInvariants(Graph out, BoundKnowledge k, String what) {
    for (Edge e : out.edges()) {
      String edge = what + ": " + out.name(e.from()) + " " + e.symbol() + " " + out.name(e.to());
      boolean undirected = e.atFrom() == Endpoint.TAIL && e.atTo() == Endpoint.TAIL;
      assertThat(e.isDirected() || undirected).as(edge).isTrue();
      if (e.isDirected()) {
        assertThat(k.isForbidden(e.from(), e.to())).as(edge).isFalse();
      } else {
        assertThat(k.isForbidden(e.from(), e.to()) || k.isForbidden(e.to(), e.from()))
            .as(edge).isFalse();
      }
    }
  }

  /** PAG: forbidden pairs apart, an arrowhead at every non-cause the knowledge names. */
  private static void assertPagInvariants(Graph out, BoundKnowledge k, String what) {
    for (int a = 0; a < out.size(); a++) {
      for (int b = 0; b < out.size(); b++) {
        if (a == b) {
          continue;
        }
        if (k.isAdjacencyForbidden(a, b)) {
          assertThat(out.isAdjacent(a, b)).as("%s: forbidden %s - %s", what, out.name(a),
              out.name(b)).isFalse();
        }
        if (out.isAdjacent(a, b) && k.isForbidden(a, b)) {
          assertThat(out.endpoint(b, a)).as("%s: %s cannot cause %s", what, out.name(a),
              out.name(b)).isEqualTo(Endpoint.ARROW);
        }
      }
    }
  }

  /**
   * No edge says that a later tier causes an earlier one: in a DAG or CPDAG no {@code b --> a}
   * and no {@code a --- b} between tiers; in a PAG an arrowhead at {@code b} on every edge between
   * {@code a} and a later {@code b}. (Variables outside every tier are unconstrained, so a
   * directed path may still pass from a later tier through them to an earlier one.)
   */
  private static void assertTierOrder(Graph out, BoundKnowledge k, String what) {
    for (Edge e : out.edges()) {
      int a = e.from();
      int b = e.to();
      if (k.tier(a) < 0 || k.tier(b) < 0 || k.tier(a) == k.tier(b)) {
        continue;
      }
      int early = k.tier(a) < k.tier(b) ? a : b;
      int late = early == a ? b : a;
      String edge = what + ": " + out.name(a) + " " + e.symbol() + " " + out.name(b)
          + " (tiers " + k.tier(a) + ", " + k.tier(b) + ")";
      if (out.kind() == GraphKind.PAG) {
        assertThat(out.endpoint(early, late)).as(edge).isEqualTo(Endpoint.ARROW);
      } else {
        assertThat(out.isDirected(early, late)).as(edge).isTrue();
      }
    }
  }

  /**
   * {@code n} rows of a linear model on {@code dag}: weights ±U[0.5, 1.5], uniform noise (so
   * DirectLiNGAM's assumptions hold too), each variable standardized before its children read it.
   */
  private static Dataset linearUniform(Graph dag, int n, UniformRandomProvider rng) {
    int p = dag.size();
    double[][] x = new double[p][n];
    for (int v : Graphs.topologicalOrder(dag)) {
      int[] pa = dag.parents(v);
      double[] w = new double[pa.length];
      for (int j = 0; j < pa.length; j++) {
        w[j] = (0.5 + rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      }
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double s = rng.nextDouble() * 2 - 1;
        for (int j = 0; j < pa.length; j++) {
          s += w[j] * x[pa[j]][i];
        }
        x[v][i] = s;
        sum += s;
        sumSq += s * s;
      }
      double mean = sum / n;
      double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
      for (int i = 0; i < n; i++) {
        x[v][i] = (x[v][i] - mean) / sd;
      }
    }
    return Dataset.ofContinuous(dag.nodeNames(), x);
  }
}
