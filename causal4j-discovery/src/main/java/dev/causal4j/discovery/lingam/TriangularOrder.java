package dev.causal4j.discovery.lingam;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The causal order that makes an estimated connection matrix {@code B} ({@code b[i][j]}: effect
 * of {@code j} on {@code i}) closest to strictly lower triangular, the step of ICA-LiNGAM after
 * the unmixing matrix has been permuted and normalised (Shimizu et al. 2006, Algorithm A, step 6
 * and its Appendix).
 *
 * <ul>
 *   <li>Up to {@value #EXACT_LIMIT} variables: the order minimising the sum of squares of the
 *       entries that would point backwards, {@code Σ b[i][j]²} over {@code i} placed before
 *       {@code j}, which the paper finds by trying every permutation; here by dynamic programming
 *       over the sets of variables placed first ({@code O(2^p p²)}), which gives the same
 *       minimum.
 *   <li>Beyond: the paper's iterative method for large {@code p}: set the {@code p(p+1)/2}
 *       smallest entries (in absolute value, the diagonal included) to zero, then keep zeroing the
 *       next smallest until the remaining entries form a DAG, and read off its order. Acyclicity
 *       only improves as entries are removed, so the point where it first holds is found by
 *       bisection on the number of entries kept. Among variables ready at the same time the
 *       lowest index comes first, as in the {@code lingam} package.
 * </ul>
 *
 * <p>Knowledge: variables that must come first act as permanent entries of {@code B} in the
 * iterative method and as precedence constraints in the exact one.
 */
final class TriangularOrder {
  /** Largest number of variables for the exact search. */
  static final int EXACT_LIMIT = 16;

  private TriangularOrder() {}

  static int[] of(double[][] b, OrderConstraints constraints) {
    return b.length <= EXACT_LIMIT ? exact(b, constraints) : iterative(b, constraints);
  }

  static int[] exact(double[][] b, OrderConstraints constraints) {
    int p = b.length;
    int[] predecessors = new int[p];
    double[][] sq = new double[p][p];
    for (int v = 0; v < p; v++) {
      for (int u = 0; u < p; u++) {
        if (u != v) {
          sq[v][u] = b[v][u] * b[v][u];
          if (constraints.mustPrecede(u, v)) {
            predecessors[v] |= 1 << u;
          }
        }
      }
    }
    int full = (1 << p) - 1;
    double[] best = new double[full + 1];
    byte[] last = new byte[full + 1];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    for (int set = 0; set < full; set++) {
      if (best[set] == Double.POSITIVE_INFINITY) {
        continue;
      }
      for (int v = 0; v < p; v++) {
        int bit = 1 << v;
        if ((set & bit) != 0 || (predecessors[v] & ~set) != 0) {
          continue;
        }
        // Placing v now makes its effects from every variable still to come point backwards.
        double cost = 0;
        for (int u = 0; u < p; u++) {
          if (u != v && (set & (1 << u)) == 0) {
            cost += sq[v][u];
          }
        }
        double total = best[set] + cost;
        int next = set | bit;
        if (total < best[next]) {
          best[next] = total;
          last[next] = (byte) v;
        }
      }
    }
    int[] order = new int[p];
    int set = full;
    for (int k = p - 1; k >= 0; k--) {
      order[k] = last[set];
      set &= ~(1 << order[k]);
    }
    return order;
  }

  static int[] iterative(double[][] b, OrderConstraints constraints) {
    int p = b.length;
    int m = p * (p - 1);
    int[] entries = new int[m];
    int k = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (i != j) {
          entries[k++] = i * p + j;
        }
      }
    }
    // Largest first; ties by position, so the result does not depend on the sort.
    Integer[] boxed = Arrays.stream(entries).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (x, y) -> {
      int c = Double.compare(Math.abs(b[y / p][y % p]), Math.abs(b[x / p][x % p]));
      return c != 0 ? c : Integer.compare(x, y);
    });
    for (int e = 0; e < m; e++) {
      entries[e] = boxed[e];
    }
    int lo = 0;
    int hi = p * (p - 1) / 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (topological(entries, mid, p, constraints) != null) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return topological(entries, lo, p, constraints);
  }

  /**
   * The order of the graph with an edge {@code j --> i} for each of the first {@code kept}
   * entries {@code (i, j)} and for each precedence the knowledge requires, lowest index first
   * among variables ready together; null if it has a cycle.
   */
  private static int[] topological(int[] entries, int kept, int p, OrderConstraints constraints) {
    boolean[][] parent = new boolean[p][p];
    for (int e = 0; e < kept; e++) {
      parent[entries[e] / p][entries[e] % p] = true;
    }
    if (!constraints.isEmpty()) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          if (i != j && constraints.mustPrecede(j, i)) {
            parent[i][j] = true;
          }
        }
      }
    }
    int[] inDegree = new int[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (parent[i][j]) {
          inDegree[i]++;
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < p; i++) {
      if (inDegree[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[p];
    int placed = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[placed++] = v;
      for (int i = 0; i < p; i++) {
        if (parent[i][v] && --inDegree[i] == 0) {
          ready.add(i);
        }
      }
    }
    return placed == p ? order : null;
  }
}
