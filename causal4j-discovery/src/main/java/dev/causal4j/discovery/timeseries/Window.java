package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A conditional-independence test over lagged nodes, checked once against the naming convention:
 * its variables must be {@code X} … then {@code X:1} … up to some depth (a {@link LaggedDesign} or
 * a {@link TimeSeriesOracle}), so that variable {@code v} at lag {@code τ} is index {@code τ·p +
 * v}. Counts the tests made.
 */
final class Window {
  final IndependenceTest test;
  final List<String> variables;
  final int p;
  final int depth;
  private final LongAdder tests = new LongAdder();

  private Window(IndependenceTest test, List<String> variables, int depth) {
    this.test = test;
    this.variables = List.copyOf(variables);
    this.p = variables.size();
    this.depth = depth;
  }

  /**
   * @param neededDepth the largest lag the search will ask about
   * @throws InvalidInputException if the test's variables do not follow the convention or reach
   *     too few lags
   */
  static Window of(IndependenceTest test, List<String> variables, int neededDepth,
      String algorithm) {
    List<String> names = test.variables();
    int p = variables.size();
    if (p == 0) {
      throw new InvalidInputException(algorithm + " needs at least one variable");
    }
    if (names.size() % p != 0) {
      throw new InvalidInputException("the test's " + names.size() + " variables are not the"
          + " lagged nodes of " + p + " variables (X, …, X:1, …); build it on a LaggedDesign");
    }
    int depth = names.size() / p - 1;
    for (int lag = 0; lag <= depth; lag++) {
      for (int v = 0; v < p; v++) {
        String want = LaggedGraph.nodeName(variables.get(v), lag);
        if (!names.get(lag * p + v).equals(want)) {
          throw new InvalidInputException("the test's variable " + (lag * p + v) + " is '"
              + names.get(lag * p + v) + "', not '" + want + "'; build the test on a"
              + " LaggedDesign of these variables");
        }
      }
    }
    if (depth < neededDepth) {
      throw new InvalidInputException(algorithm + " asks about lags up to " + neededDepth
          + ", but the test's design stops at lag " + depth + "; build the LaggedDesign with"
          + " depth " + neededDepth);
    }
    return new Window(test, variables, depth);
  }

  int node(int variable, int lag) {
    return lag * p + variable;
  }

  TestResult test(int x, int y, int[] z) {
    tests.increment();
    return test.test(x, y, z);
  }

  long testsMade() {
    return tests.sum();
  }

  /**
   * How strongly a result speaks for dependence, for ordering candidates (Runge et al. 2019 sort
   * by the smallest absolute test statistic): the absolute statistic, or for an oracle, which has
   * none, {@code 1 − p}.
   */
  static double strength(TestResult r) {
    double s = Math.abs(r.statistic());
    return Double.isFinite(s) ? s : 1 - r.pValue();
  }
}
