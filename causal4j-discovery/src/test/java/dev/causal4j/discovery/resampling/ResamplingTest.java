package dev.causal4j.discovery.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ResamplingTest {

  /** Linear-Gaussian data from {@code dag}: weights ±U[0.5, 1.5], unit noise. */
  static Dataset linearGaussian(Graph dag, int n, long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
    int p = dag.size();
    double[][] x = new double[p][n];
    for (int v : Graphs.topologicalOrder(dag)) {
      int[] pa = dag.parents(v);
      double[] w = new double[pa.length];
      for (int k = 0; k < pa.length; k++) {
        w[k] = (0.5 + rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      }
      for (int i = 0; i < n; i++) {
        double s = noise.sample();
        for (int k = 0; k < pa.length; k++) {
          s += w[k] * x[pa[k]][i];
        }
        x[v][i] = s;
      }
    }
    return Dataset.ofContinuous(dag.nodeNames(), x);
  }

  private static final Function<Dataset, DiscoveryResult> PC = d ->
      Pc.builder(new FisherZTest(CovarianceMatrix.of(d, 1))).alpha(0.01).build().search();

  @Test
  void ensembleOfAStableSearchIsItsFullDataResult() {
    // At n = 20,000 PC's skeleton barely varies between bootstrap samples, so the ensemble must
    // be what PC finds on all the data and each of its adjacencies must be in nearly every run
    // (orientations vary more: one weak adjacency can flip the orientations around it).
    Graph dag = RandomGraphs.erdosRenyiDag(8, 2, RandomSource.SPLIT_MIX_64.create(1));
    Dataset data = linearGaussian(dag, 20_000, 2);
    ResamplingResult r = Resampling.builder(PC).samples(20).seed(3).threads(2).build().run(data);
    assertThat(r.succeeded()).isEqualTo(20);
    Graph full = PC.apply(data).graph();
    assertThat(r.ensemble().graph()).isEqualTo(full);
    for (EdgeFrequencies f : r.pairs()) {
      if (full.isAdjacent(f.a(), f.b())) {
        assertThat(f.adjacency()).isGreaterThanOrEqualTo(0.8);
        var e = full.edge(f.a(), f.b()).orElseThrow();
        assertThat(r.ensemble().annotation(f.a(), f.b()).probability())
            .hasValue(f.frequency(e));
      } else {
        assertThat(f.adjacency()).isLessThan(0.5);
      }
    }
  }

  @Test
  void sameSeedSameResultOnAnyThreadCount() {
    Graph dag = RandomGraphs.erdosRenyiDag(10, 3, RandomSource.SPLIT_MIX_64.create(4));
    Dataset data = linearGaussian(dag, 300, 5); // small n: the runs disagree
    ResamplingResult one = Resampling.builder(PC).samples(12).seed(9).threads(1).build().run(data);
    ResamplingResult two = Resampling.builder(PC).samples(12).seed(9).threads(2).build().run(data);
    assertThat(two.ensemble()).isEqualTo(one.ensemble());
    assertThat(two.pairs()).hasSameSizeAs(one.pairs());
    for (int i = 0; i < one.pairs().size(); i++) {
      assertThat(two.pairs().get(i).counts()).containsExactly(one.pairs().get(i).counts());
    }
    ResamplingResult other = Resampling.builder(PC).samples(12).seed(10).build().run(data);
    assertThat(other.pairs().stream().map(EdgeFrequencies::bySymbol).toList())
        .isNotEqualTo(one.pairs().stream().map(EdgeFrequencies::bySymbol).toList());
  }

  @Test
  void frequenciesCountEveryEdgeKindFromTheLowerNodesSide() {
    // A search that alternates between A --> B and B <-> A, and never joins B and C.
    int[] calls = {0};
    Function<Dataset, DiscoveryResult> flip = d -> {
      MutableGraph g = new MutableGraph(List.of("A", "B", "C"));
      synchronized (calls) {
        if (calls[0]++ % 2 == 0) {
          g.addDirectedEdge(0, 1);
        } else {
          g.addBidirectedEdge(1, 0);
        }
      }
      return new DiscoveryResult(g.snapshot(), null);
    };
    Dataset data = Dataset.ofContinuous(List.of("A", "B", "C"),
        new double[][] {{1, 2, 3, 4}, {2, 1, 4, 3}, {0, 1, 0, 1}});
    ResamplingResult r = Resampling.builder(flip).samples(4).threads(1).build().run(data);
    assertThat(r.pairs()).hasSize(1);
    assertThat(r.pairs().get(0).bySymbol()).containsEntry("-->", 0.5).containsEntry("<->", 0.5);
    assertThat(r.pairs().get(0).adjacency()).isEqualTo(1.0);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> Resampling.builder(PC).samples(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Resampling.builder(PC).subsampleFraction(1.5))
        .hasMessageContaining("between 0 and 1");
    Function<Dataset, DiscoveryResult> refusing = d -> {
      throw new InvalidInputException("column 'x' is constant");
    };
    Dataset data = Dataset.ofContinuous(List.of("x"), new double[][] {{1, 2, 3}});
    assertThatThrownBy(() -> Resampling.builder(refusing).samples(3).build().run(data))
        .hasMessageContaining("every resampled search failed").hasMessageContaining("constant");
  }
}
