package dev.causal4j.discovery.lingam;

import java.util.Arrays;

/**
 * The linear assignment problem: a one-to-one matching of rows to columns of a square cost matrix
 * with the least total cost, by the Hungarian method (Kuhn 1955; Munkres 1957) in its O(p³)
 * shortest-augmenting-path form with dual potentials: rows are added one at a time, and each is
 * matched by a Dijkstra-like search over reduced costs that keeps earlier matches optimal.
 */
final class Assignment {
  private Assignment() {}

  /**
   * The column assigned to each row in a minimum-cost assignment. Costs must be finite; ties are
   * broken by the order of the search (deterministic).
   */
  static int[] minimumCost(double[][] cost) {
    int p = cost.length;
    // 1-based arrays; column 0 is the virtual start of each augmenting path.
    double[] u = new double[p + 1];
    double[] v = new double[p + 1];
    int[] rowOfColumn = new int[p + 1];
    int[] previous = new int[p + 1];
    double[] slack = new double[p + 1];
    boolean[] visited = new boolean[p + 1];
    for (int row = 1; row <= p; row++) {
      rowOfColumn[0] = row;
      int col = 0;
      Arrays.fill(slack, Double.POSITIVE_INFINITY);
      Arrays.fill(visited, false);
      do {
        visited[col] = true;
        int r = rowOfColumn[col];
        double delta = Double.POSITIVE_INFINITY;
        int nextCol = -1;
        for (int j = 1; j <= p; j++) {
          if (!visited[j]) {
            double reduced = cost[r - 1][j - 1] - u[r] - v[j];
            if (reduced < slack[j]) {
              slack[j] = reduced;
              previous[j] = col;
            }
            if (slack[j] < delta) {
              delta = slack[j];
              nextCol = j;
            }
          }
        }
        for (int j = 0; j <= p; j++) {
          if (visited[j]) {
            u[rowOfColumn[j]] += delta;
            v[j] -= delta;
          } else {
            slack[j] -= delta;
          }
        }
        col = nextCol;
      } while (rowOfColumn[col] != 0);
      // Flip the matches along the augmenting path back to the start.
      do {
        int prev = previous[col];
        rowOfColumn[col] = rowOfColumn[prev];
        col = prev;
      } while (col != 0);
    }
    int[] columnOfRow = new int[p];
    for (int j = 1; j <= p; j++) {
      columnOfRow[rowOfColumn[j] - 1] = j - 1;
    }
    return columnOfRow;
  }
}
