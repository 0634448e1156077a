package dev.causal4j.effects.identify;

import dev.causal4j.effects.Expression;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A binary causal model on a DAG (hidden nodes included) with random conditional probability
 * tables, solved exactly by enumerating every joint state: the oracle for estimand expressions.
 * An expression is right when, evaluated on the observed marginal, it equals the interventional
 * distribution computed by the truncated factorization.
 */
final class DiscreteModel implements Expression.DiscreteDistribution {
  private final Graph dag;
  private final int[][] parents;
  /** cpt[v][k] = P(v = 1 | parents in state k), parents' bits in order. */
  private final double[][] cpt;
  private final int[] observed;
  /** P(observed nodes = bits of the index), bit i for observed[i]. */
  private final double[] observedJoint;

  DiscreteModel(Graph dag, UniformRandomProvider rng) {
    this.dag = dag;
    int p = dag.size();
    if (p > 16) {
      throw new IllegalArgumentException("too many nodes to enumerate: " + p);
    }
    parents = new int[p][];
    cpt = new double[p][];
    for (int v = 0; v < p; v++) {
      parents[v] = dag.parents(v);
      cpt[v] = new double[1 << parents[v].length];
      for (int k = 0; k < cpt[v].length; k++) {
        // Away from 0 and 1 so every conditional is defined (positivity), and far from 1/2 so
        // effects are not tiny.
        cpt[v][k] = 0.1 + 0.8 * rng.nextDouble();
      }
    }
    observed = Graphs.observedNodes(dag);
    observedJoint = new double[1 << observed.length];
    for (int s = 0; s < 1 << p; s++) {
      observedJoint[project(s)] += stateProbability(s, 0);
    }
  }

  private int project(int state) {
    int out = 0;
    for (int i = 0; i < observed.length; i++) {
      out |= ((state >> observed[i]) & 1) << i;
    }
    return out;
  }

  /** The probability of a full state, with the nodes of mask {@code cut} not generated (do). */
  private double stateProbability(int state, int cut) {
    double pr = 1;
    for (int v = 0; v < dag.size(); v++) {
      if (((cut >> v) & 1) == 1) {
        continue;
      }
      int k = 0;
      for (int i = 0; i < parents[v].length; i++) {
        k |= ((state >> parents[v][i]) & 1) << i;
      }
      double one = cpt[v][k];
      pr *= ((state >> v) & 1) == 1 ? one : 1 - one;
    }
    return pr;
  }

  /** {@code P(y = yValues | do(x = xValues))} by the truncated factorization. */
  double interventional(Map<String, Integer> x, Map<String, Integer> y) {
    int cut = 0;
    int fixed = 0;
    for (var e : x.entrySet()) {
      int v = dag.requireIndex(e.getKey());
      cut |= 1 << v;
      fixed |= e.getValue() << v;
    }
    double total = 0;
    for (int s = 0; s < 1 << dag.size(); s++) {
      if ((s & cut) != fixed) {
        continue;
      }
      boolean match = true;
      for (var e : y.entrySet()) {
        if (((s >> dag.requireIndex(e.getKey())) & 1) != e.getValue()) {
          match = false;
        }
      }
      if (match) {
        total += stateProbability(s, cut);
      }
    }
    return total;
  }

  @Override
  public int levels(String variable) {
    return 2;
  }

  @Override
  public double probability(Map<String, Integer> assignment) {
    int mask = 0;
    int want = 0;
    for (var e : assignment.entrySet()) {
      int v = dag.requireIndex(e.getKey());
      int i = java.util.Arrays.binarySearch(observed, v);
      if (i < 0) {
        throw new IllegalArgumentException("expression uses hidden node " + e.getKey());
      }
      mask |= 1 << i;
      want |= e.getValue() << i;
    }
    double total = 0;
    for (int s = 0; s < observedJoint.length; s++) {
      if ((s & mask) == want) {
        total += observedJoint[s];
      }
    }
    return total;
  }
}
