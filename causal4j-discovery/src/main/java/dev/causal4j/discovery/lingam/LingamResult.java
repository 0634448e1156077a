package dev.causal4j.discovery.lingam;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a LiNGAM search learned: the DAG (with the search's statistics and warnings), the causal
 * order it found, and the connection strengths of the linear model.
 *
 * <p>{@code strengths[i][j]} is the coefficient of variable {@code j} in the equation of variable
 * {@code i}, in the data's units: {@code x_i = Σ_j strengths[i][j]·x_j + e_i} (up to the
 * intercept). It is non-zero exactly when the graph has {@code j --> i}. This is the orientation
 * of the matrix {@code B} in the LiNGAM papers and of {@code adjacency_matrix_} in the {@code
 * lingam} Python package. Indices follow {@link Graph#nodeNames()}.
 *
 * @param result the graph (kind {@code DAG}), search statistics and warnings
 * @param causalOrder variable names, earliest (most exogenous) first
 * @param strengths see above; the record keeps its own copy and hands out copies
 */
public record LingamResult(DiscoveryResult result, List<String> causalOrder,
    double[][] strengths) {

  public LingamResult {
    causalOrder = List.copyOf(causalOrder);
    strengths = deepCopy(strengths);
  }

  /** Builds the DAG from the strengths: {@code j --> i} wherever {@code b[i][j] != 0}. */
  static LingamResult of(List<String> names, int[] order, double[][] b, SearchStats stats,
      List<String> warnings) {
    MutableGraph g = new MutableGraph(names, GraphKind.DAG);
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b.length; j++) {
        if (b[i][j] != 0) {
          g.addDirectedEdge(j, i);
        }
      }
    }
    List<String> orderNames = new ArrayList<>(order.length);
    for (int v : order) {
      orderNames.add(names.get(v));
    }
    return new LingamResult(new DiscoveryResult(g.snapshot(), stats, warnings), orderNames, b);
  }

  /** The learned DAG. */
  public Graph graph() {
    return result.graph();
  }

  /** A copy of the connection-strength matrix. */
  @Override
  public double[][] strengths() {
    return deepCopy(strengths);
  }

  /** The strength of {@code from --> to}, 0 if the edge is absent. */
  public double strength(String from, String to) {
    Graph g = result.graph();
    return strengths[g.requireIndex(to)][g.requireIndex(from)];
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LingamResult r && result.equals(r.result)
        && causalOrder.equals(r.causalOrder) && Arrays.deepEquals(strengths, r.strengths);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * result.hashCode() + causalOrder.hashCode()) + Arrays.deepHashCode(strengths);
  }

  @Override
  public String toString() {
    return "LingamResult[graph=" + result.graph() + ", causalOrder=" + causalOrder + "]";
  }
}
