package dev.causal4j.discovery.pc;

/**
 * A symmetric adjacency relation as one bit row per node: O(1) tests and removals, which is what a
 * skeleton search needs when it starts from the complete graph (at p = 10,000 that is 5·10⁷ edges
 * in 12.5 MB).
 */
final class AdjacencyMatrix {
  private final int p;
  private final long[][] rows;

  private AdjacencyMatrix(int p) {
    this.p = p;
    this.rows = new long[p][(p + 63) >>> 6];
  }

  static AdjacencyMatrix complete(int p) {
    AdjacencyMatrix m = new AdjacencyMatrix(p);
    for (int a = 0; a < p; a++) {
      long[] row = m.rows[a];
      for (int w = 0; w < row.length; w++) {
        row[w] = -1L;
      }
      int tail = p & 63;
      if (tail != 0) {
        row[row.length - 1] = (1L << tail) - 1;
      }
      row[a >>> 6] &= ~(1L << a);
    }
    return m;
  }

  int size() {
    return p;
  }

  boolean isAdjacent(int a, int b) {
    return (rows[a][b >>> 6] & (1L << b)) != 0;
  }

  void remove(int a, int b) {
    rows[a][b >>> 6] &= ~(1L << b);
    rows[b][a >>> 6] &= ~(1L << a);
  }

  int degree(int a) {
    int d = 0;
    for (long w : rows[a]) {
      d += Long.bitCount(w);
    }
    return d;
  }

  /** The neighbours of {@code a}, ascending. */
  int[] neighbors(int a) {
    int[] out = new int[degree(a)];
    int k = 0;
    long[] row = rows[a];
    for (int w = 0; w < row.length; w++) {
      long bits = row[w];
      while (bits != 0) {
        out[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    return out;
  }

  /** The raw bit row of {@code a} (shared; for the depth-0 sweep, which owns row {@code a}). */
  long[] row(int a) {
    return rows[a];
  }

  /**
   * Makes the relation symmetric by keeping an edge only if both rows still have it; the depth-0
   * sweep clears bits in the upper triangle of its own row only, so this copies its decisions to
   * the lower triangle.
   */
  void symmetrizeFromUpperTriangle() {
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        if (!isAdjacent(a, b)) {
          rows[b][a >>> 6] &= ~(1L << a);
        }
      }
    }
  }

  /** The number of edges. */
  long edgeCount() {
    long twice = 0;
    for (int a = 0; a < p; a++) {
      twice += degree(a);
    }
    return twice / 2;
  }
}
