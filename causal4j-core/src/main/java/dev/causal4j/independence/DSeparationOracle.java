package dev.causal4j.independence;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.SeparationIndex;
import java.util.List;
import java.util.Optional;

/**
 * An independence "test" that reads the answer off a known graph: {@code x ⫫ y | z} exactly when
 * {@code x} and {@code y} are d-separated (DAG) or m-separated (MAG, ADMG) given {@code z}. Every
 * constraint-based search is proven exact with it: given the oracle of a true graph it must return
 * that graph's equivalence class.
 *
 * <p>The variables are the graph's observed nodes (those not flagged {@link Graph#isLatent
 * latent}), in graph order; latent nodes are walked through but never asked about, so the oracle
 * of a DAG with hidden nodes is the independence model of its margin, what FCI sees. Answers:
 * p-value 1 when separated, 0 otherwise; statistic and degrees of freedom NaN; sample size 0.
 *
 * <p>The graph is compiled once into a {@link SeparationIndex}; each query is one reachability
 * walk, O(nodes + edges) at worst and stopping at {@code y}, reusing per-thread scratch arrays.
 * Answers are not cached: on the graphs oracle tests use (tens of nodes) a walk costs about as
 * much as hashing the question would. Thread-safe.
 */
public final class DSeparationOracle implements IndependenceTest {
  private static final TestResult INDEPENDENT = new TestResult(Double.NaN, 1.0, Double.NaN, 0);
  private static final TestResult DEPENDENT = new TestResult(Double.NaN, 0.0, Double.NaN, 0);

  private final Graph graph;
  private final SeparationIndex index;
  private final List<String> variables;
  /** Graph node of each variable. */
  private final int[] node;
  /** True when no node is latent, so variable and node indices agree. */
  private final boolean identity;

  /**
   * An oracle over a true graph.
   *
   * @param trueGraph a DAG (possibly with latent nodes), MAG or ADMG: {@code -->} and {@code <->}
   *     edges, no directed cycle
   * @throws InvalidInputException if the graph has another kind of edge or a directed cycle
   */
  public DSeparationOracle(Graph trueGraph) {
    for (Edge e : trueGraph.edges()) {
      boolean directed = e.isDirected();
      boolean bidirected = e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW;
      if (!directed && !bidirected) {
        throw new InvalidInputException(
            "a d-separation oracle needs a DAG, MAG or ADMG, but the graph has "
                + trueGraph.name(e.from()) + " " + e.symbol() + " " + trueGraph.name(e.to())
                + "; give the true graph, not an equivalence class");
      }
    }
    Optional<List<Integer>> cycle = Graphs.findDirectedCycle(trueGraph);
    if (cycle.isPresent()) {
      throw new InvalidInputException(
          "a d-separation oracle needs an acyclic graph, but it has the directed cycle "
              + Graphs.describeCycle(trueGraph, cycle.get()));
    }
    this.graph = trueGraph.snapshot();
    this.index = SeparationIndex.of(graph);
    this.node = Graphs.observedNodes(graph);
    this.variables = Graphs.names(graph, node);
    this.identity = node.length == graph.size();
  }

  /** The graph the answers come from. */
  public Graph graph() {
    return graph;
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  /** True if variables {@code x} and {@code y} are separated given {@code z}. */
  public boolean isSeparated(int x, int y, int[] z) {
    if (x == y) {
      throw new IllegalArgumentException("x and y are the same variable, " + variables.get(x));
    }
    for (int v : z) {
      if (v == x || v == y) {
        throw new IllegalArgumentException(
            "the conditioning set contains " + variables.get(v) + ", one of the pair tested");
      }
    }
    if (identity) {
      return index.isSeparated(x, y, z);
    }
    int[] zNodes = new int[z.length];
    for (int i = 0; i < z.length; i++) {
      zNodes[i] = node[z[i]];
    }
    return index.isSeparated(node[x], node[y], zNodes);
  }

  @Override
  public TestResult test(int x, int y, int[] z) {
    return isSeparated(x, y, z) ? INDEPENDENT : DEPENDENT;
  }

  @Override
  public String toString() {
    return "d-separation oracle over " + variables.size() + " observed variables of a "
        + graph.kind() + " with " + graph.size() + " nodes";
  }
}
