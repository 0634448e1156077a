package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.DSeparationOracle;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The d-separation oracle of a true time-series graph, over lagged nodes: {@code X(t−a) ⫫ Y(t−b)
 * | Z} exactly when the nodes are d-separated in the graph unrolled in time. It is how the
 * time-series searches are proven exact, as {@link DSeparationOracle} proves the others.
 *
 * <p>Its variables are the observed variables' lagged nodes {@code X, …, X:1, …, X:depth} (the
 * {@link LaggedDesign} convention), so it stands wherever a test on a design would. The true graph
 * is unrolled over {@code depth + H} time steps with every link repeated at every step, and the
 * question is asked about the last {@code depth + 1} steps; latent series are walked through but
 * never asked about. The infinite past is cut at {@code H = maxLag · (p · maxLag + 2)} steps
 * beyond the window: the ancestral moral graph of a stationary DAG repeats in slabs of {@code
 * maxLag} steps, and whether two nodes at the edge of the window are joined through the past can
 * change at most {@code p · maxLag − 1} times as slabs are added, so a longer past changes no
 * answer (a test checks this by doubling {@code H}).
 *
 * <p>Answers: p-value 1 when separated, 0 otherwise, as {@link DSeparationOracle}. Thread-safe.
 */
public final class TimeSeriesOracle implements IndependenceTest {
  private final DSeparationOracle oracle;
  private final List<String> variables;
  private final LaggedGraph truth;
  private final int depth;

  /**
   * @param truth a time-series DAG (every link {@code -->}), hidden series flagged latent
   * @param depth the largest lag the questions will be about
   * @throws InvalidInputException if a link is not directed
   */
  public TimeSeriesOracle(LaggedGraph truth, int depth) {
    this(truth, depth, truth.maxLag() * (truth.size() * truth.maxLag() + 2));
  }

  TimeSeriesOracle(LaggedGraph truth, int depth, int history) {
    for (LaggedGraph.Link l : truth.links()) {
      if (!l.isDirected()) {
        throw new InvalidInputException("a time-series oracle needs the true graph (every link"
            + " -->), but it has " + LaggedGraph.nodeName(truth.variable(l.from()), l.lag()) + " "
            + l.symbol() + " " + truth.variable(l.to()));
      }
    }
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be 0 or more; got " + depth);
    }
    this.truth = truth;
    this.depth = depth;
    int p = truth.size();
    int steps = depth + history + 1;
    List<String> names = new ArrayList<>(steps * p);
    for (int lag = 0; lag < steps; lag++) {
      for (int v = 0; v < p; v++) {
        names.add(LaggedGraph.nodeName(truth.variable(v), lag));
      }
    }
    MutableGraph unrolled = new MutableGraph(names, GraphKind.DAG);
    for (int lag = 0; lag < steps; lag++) {
      for (int v = 0; v < p; v++) {
        unrolled.setLatent(lag * p + v, truth.isLatent(v));
      }
    }
    for (LaggedGraph.Link l : truth.links()) {
      for (int s = 0; s + l.lag() < steps; s++) {
        unrolled.addDirectedEdge((s + l.lag()) * p + l.from(), s * p + l.to());
      }
    }
    // Observed nodes come lag by lag, so the oracle's first (depth+1)·p_observed variables are
    // exactly this window, in the same order.
    this.oracle = new DSeparationOracle(unrolled.snapshot());
    int observed = 0;
    for (int v = 0; v < p; v++) {
      observed += truth.isLatent(v) ? 0 : 1;
    }
    this.variables = List.copyOf(oracle.variables().subList(0, (depth + 1) * observed));
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  /** The observed variables (the lag-0 names). */
  public List<String> observedVariables() {
    return variables.subList(0, variables.size() / (depth + 1));
  }

  /** The true graph the answers come from. */
  public LaggedGraph truth() {
    return truth;
  }

  @Override
  public TestResult test(int x, int y, int[] z) {
    int n = variables.size();
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IndexOutOfBoundsException("variable index out of 0.." + (n - 1));
    }
    for (int v : z) {
      if (v < 0 || v >= n) {
        throw new IndexOutOfBoundsException("conditioning index " + v + " out of 0.." + (n - 1));
      }
    }
    return oracle.test(x, y, z);
  }

  @Override
  public String toString() {
    return "time-series d-separation oracle over " + truth.size() + " series, lags 0.." + depth;
  }
}
