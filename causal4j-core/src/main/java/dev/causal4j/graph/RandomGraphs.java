package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Random DAGs for simulations and for testing algorithms on many graphs. Nodes are named {@code
 * X1..Xp}; the causal order is a random permutation, so node index says nothing about order. The
 * same seed gives the same graph on any machine.
 */
public final class RandomGraphs {
  private RandomGraphs() {}

  /** Names {@code X1..Xp}. */
  public static List<String> defaultNames(int p) {
    List<String> names = new ArrayList<>(p);
    for (int i = 1; i <= p; i++) {
      names.add("X" + i);
    }
    return names;
  }

  /**
   * An Erdős–Rényi DAG: each of the {@code p(p−1)/2} pairs is joined independently with
   * probability {@code averageDegree/(p−1)}, directed along a random causal order. The expected
   * average degree (edges per node, counting both ends) is {@code averageDegree}.
   */
  public static Graph erdosRenyiDag(int p, double averageDegree, UniformRandomProvider rng) {
    checkSize(p, averageDegree);
    int[] order = PermutationSampler.natural(p);
    PermutationSampler.shuffle(rng, order);
    double prob = p < 2 ? 0 : Math.min(1.0, averageDegree / (p - 1));
    MutableGraph g = new MutableGraph(defaultNames(p), GraphKind.DAG);
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        if (rng.nextDouble() < prob) {
          g.addDirectedEdge(order[i], order[j]);
        }
      }
    }
    return g.snapshot();
  }

  /**
   * A scale-free DAG by preferential attachment (Barabási &amp; Albert 1999): nodes arrive in a
   * random causal order and each new node takes {@code round(averageDegree/2)} parents (fewer while
   * there are fewer earlier nodes) among the earlier ones, chosen with probability proportional to
   * their degree plus one. A few early nodes become hubs with many children, as in gene-regulatory
   * and signalling networks.
   */
  public static Graph scaleFreeDag(int p, double averageDegree, UniformRandomProvider rng) {
    checkSize(p, averageDegree);
    int m = (int) Math.max(1, Math.round(averageDegree / 2));
    int[] order = PermutationSampler.natural(p);
    PermutationSampler.shuffle(rng, order);
    MutableGraph g = new MutableGraph(defaultNames(p), GraphKind.DAG);
    int[] weight = new int[p]; // degree + 1, by position in the causal order
    long total = 0;
    for (int i = 0; i < p; i++) {
      int want = Math.min(m, i);
      int chosen = 0;
      while (chosen < want) {
        long r = (long) (rng.nextDouble() * total);
        int k = 0;
        while (r >= weight[k]) {
          r -= weight[k];
          k++;
        }
        if (!g.isAdjacent(order[k], order[i])) {
          g.addDirectedEdge(order[k], order[i]);
          weight[k]++;
          weight[i]++;
          total++;
          chosen++;
        }
      }
      weight[i]++;
      total += weight[i];
    }
    return g.snapshot();
  }

  /**
   * A copy of {@code dag} with {@code count} nodes flagged latent, chosen at random among the
   * nodes with at least two children (so each hidden node confounds something).
   *
   * @throws InvalidInputException if fewer than {@code count} nodes have two or more children
   */
  public static Graph withLatentConfounders(Graph dag, int count, UniformRandomProvider rng) {
    List<Integer> candidates = new ArrayList<>();
    for (int v = 0; v < dag.size(); v++) {
      if (dag.children(v).length >= 2) {
        candidates.add(v);
      }
    }
    if (count > candidates.size()) {
      throw new InvalidInputException(
          "asked for " + count + " hidden confounders but only " + candidates.size()
              + " nodes have two or more children; use a denser graph or fewer hidden variables");
    }
    MutableGraph g = dag.mutableCopy();
    for (int k = 0; k < count; k++) {
      int pick = k + rng.nextInt(candidates.size() - k);
      Integer tmp = candidates.get(k);
      candidates.set(k, candidates.get(pick));
      candidates.set(pick, tmp);
      g.setLatent(candidates.get(k), true);
    }
    return g.snapshot();
  }

  private static void checkSize(int p, double averageDegree) {
    if (p < 1) {
      throw new InvalidInputException("a graph needs at least one node; got " + p);
    }
    if (!(averageDegree >= 0) || averageDegree > Math.max(0, p - 1)) {
      throw new InvalidInputException(
          "average degree must be between 0 and p−1 = " + (p - 1) + "; got " + averageDegree);
    }
  }
}
