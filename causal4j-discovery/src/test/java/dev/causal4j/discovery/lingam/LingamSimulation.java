package dev.causal4j.discovery.lingam;

import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.RandomGraphs;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Data from a linear non-Gaussian acyclic model, for tests (the full simulator lives in
 * causal4j-bench, which depends on this module): an Erdős–Rényi DAG, edge weights uniform on
 * ±[0.5, 1.5], and per node noise of standard deviation uniform on [0.5, 1.5] with the chosen
 * shape, each shape scaled to mean 0 and variance 1. Seeded: the same seed gives the same data.
 */
record LingamSimulation(Graph dag, double[][] weights, Dataset data) {

  enum Noise {
    /** Uniform on [−√3, √3]: symmetric, light tails (kurtosis 1.8). */
    UNIFORM,
    /** Laplace with scale 1/√2: symmetric, heavy tails (kurtosis 6). */
    LAPLACE,
    /** Exponential with rate 1, minus 1: skewed (skewness 2). */
    EXPONENTIAL,
    /** Standard normal: LiNGAM's order is not identified. */
    GAUSSIAN
  }

  static LingamSimulation of(int p, double averageDegree, int n, Noise noise, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    Graph dag = RandomGraphs.erdosRenyiDag(p, averageDegree, rng);
    return of(dag, n, noise, rng);
  }

  static LingamSimulation of(Graph dag, int n, Noise noise, UniformRandomProvider rng) {
    int p = dag.size();
    double[][] w = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j : dag.parents(i)) {
        double magnitude = 0.5 + rng.nextDouble();
        w[i][j] = rng.nextBoolean() ? magnitude : -magnitude;
      }
    }
    double[] sd = new double[p];
    for (int i = 0; i < p; i++) {
      sd[i] = 0.5 + rng.nextDouble();
    }
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] x = new double[p][n];
    for (int i : Graphs.topologicalOrder(dag)) {
      for (int k = 0; k < n; k++) {
        double v = sd[i] * draw(noise, rng, gauss);
        for (int j : dag.parents(i)) {
          v += w[i][j] * x[j][k];
        }
        x[i][k] = v;
      }
    }
    return new LingamSimulation(dag, w, Dataset.ofContinuous(dag.nodeNames(), x));
  }

  private static double draw(Noise noise, UniformRandomProvider rng,
      ZigguratSampler.NormalizedGaussian gauss) {
    switch (noise) {
      case UNIFORM:
        return (2 * rng.nextDouble() - 1) * Math.sqrt(3);
      case LAPLACE: {
        double u = rng.nextDouble() - 0.5;
        return -Math.signum(u) * Math.log1p(-2 * Math.abs(u)) / Math.sqrt(2);
      }
      case EXPONENTIAL:
        return -Math.log1p(-rng.nextDouble()) - 1;
      case GAUSSIAN:
        return gauss.sample();
      default:
        throw new IllegalStateException(noise.toString());
    }
  }
}
