package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Random time-series DAGs, for simulations and for testing time-series searches on many graphs.
 * Variables are named {@code X1..Xp}. The same seed gives the same graph on any machine.
 */
public final class RandomLaggedGraphs {
  private RandomLaggedGraphs() {}

  /**
   * A random time-series DAG: each variable depends on its own past at lag 1 with probability
   * {@code autoProbability}; each ordered pair {@code (i, j)}, {@code i ≠ j}, is joined by a
   * lagged link with probability {@code laggedDegree/(p−1)}, at a lag drawn uniformly from {@code
   * 1..maxLag}; each unordered pair is joined contemporaneously with probability {@code
   * contemporaneousDegree/(p−1)}, directed along a random order (so the contemporaneous part is
   * acyclic). The expected number of lagged cross-parents per variable is {@code laggedDegree},
   * of contemporaneous neighbours {@code contemporaneousDegree}.
   */
  public static LaggedGraph dag(int p, int maxLag, double laggedDegree,
      double contemporaneousDegree, double autoProbability, UniformRandomProvider rng) {
    if (p < 1 || maxLag < 1) {
      throw new InvalidInputException("a random time-series graph needs at least one variable and"
          + " a largest lag of at least 1; got p = " + p + ", max lag = " + maxLag);
    }
    if (laggedDegree < 0 || contemporaneousDegree < 0 || !(autoProbability >= 0
        && autoProbability <= 1)) {
      throw new InvalidInputException("degrees must be 0 or more and the autodependence"
          + " probability in [0, 1]");
    }
    List<String> names = RandomGraphs.defaultNames(p);
    LaggedGraph.Builder b = LaggedGraph.builder(names, maxLag).kind(GraphKind.DAG);
    double lagged = p < 2 ? 0 : Math.min(1, laggedDegree / (p - 1));
    double contemporaneous = p < 2 ? 0 : Math.min(1, contemporaneousDegree / (p - 1));
    for (int j = 0; j < p; j++) {
      if (rng.nextDouble() < autoProbability) {
        b.directed(j, j, 1);
      }
      for (int i = 0; i < p; i++) {
        if (i != j && rng.nextDouble() < lagged) {
          b.directed(i, j, 1 + rng.nextInt(maxLag));
        }
      }
    }
    int[] order = PermutationSampler.natural(p);
    PermutationSampler.shuffle(rng, order);
    for (int a = 0; a < p; a++) {
      for (int c = a + 1; c < p; c++) {
        if (rng.nextDouble() < contemporaneous) {
          b.directed(order[a], order[c], 0);
        }
      }
    }
    return b.build();
  }
}
