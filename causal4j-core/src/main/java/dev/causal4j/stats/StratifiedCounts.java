package dev.causal4j.stats;

import java.util.Arrays;

/**
 * Contingency tables of a row variable by a column variable within each stratum (configuration)
 * of a set of conditioning variables, counted from {@link ContingencyTables} into reusable
 * buffers: the counting step of G², χ² and BDeu.
 *
 * <p>Each row's stratum is a mixed-radix key over the conditioning codes. When the number of
 * possible cells is small compared with the number of rows the counts go straight into a dense
 * array; otherwise the row keys are sorted and counted in runs, so memory stays {@code O(n)} however
 * many configurations the conditioning set has. Empty strata are never visited. Rows with a
 * missing code in any of the variables are skipped.
 *
 * <p>A workspace: not thread-safe; make one per thread with {@link ContingencyTables#newCounter()}.
 *
 * <pre>{@code
 * counts.tabulate(x, y, z);
 * while (counts.nextStratum()) {
 *   ... counts.count(i, j), counts.rowTotal(i), counts.columnTotal(j), counts.total() ...
 * }
 * }</pre>
 */
public final class StratifiedCounts {
  private static final long KEY_LIMIT = 1L << 60;

  private final ContingencyTables data;
  private final int n;
  private long[] keys = new long[0];
  private int[] dense = new int[0];
  private int[] table = new int[0];
  private int[] rowTotals = new int[0];
  private int[] colTotals = new int[0];
  private int kx;
  private int ky;
  private int cellsPerStratum;
  private int keyCount;
  private boolean denseMode;
  private long strata;
  private long cursor;
  private int stratumTotal;
  private int usedRows;

  StratifiedCounts(ContingencyTables data) {
    this.data = data;
    this.n = data.sampleSize();
  }

  /** Counts {@code x} by {@code y} within the strata of {@code z}. */
  public void tabulate(int x, int y, int[] z) {
    tabulate(x, y, z, z.length);
  }

  /** Counts {@code x} alone within the strata of {@code z[0..zCount-1]} (one column per table). */
  public void tabulate(int x, int[] z, int zCount) {
    tabulate(x, -1, z, zCount);
  }

  /**
   * Counts {@code x} by {@code y} within the strata of {@code z[0..zCount-1]}; {@code y = -1}
   * means no column variable (tables of one column).
   */
  public void tabulate(int x, int y, int[] z, int zCount) {
    kx = data.levels(x);
    ky = y < 0 ? 1 : data.levels(y);
    cellsPerStratum = kx * ky;
    ensure(cellsPerStratum);
    if (keys.length < n) {
      keys = new long[n];
    }
    // keys[r] = stratum key, or -1 for a row with a missing code.
    long radix = 1;
    Arrays.fill(keys, 0, n, 0L);
    for (int q = 0; q < zCount; q++) {
      int[] c = data.codes(z[q]);
      int k = data.levels(z[q]);
      if (radix > KEY_LIMIT / k / Math.max(1, cellsPerStratum)) {
        radix = compressKeys();
      }
      for (int r = 0; r < n; r++) {
        long key = keys[r];
        int code = c[r];
        keys[r] = (key < 0 || code < 0) ? -1 : key + radix * code;
      }
      radix *= k;
    }
    strata = radix;
    // Cell key = stratum · kx·ky + y·kx + x.
    int[] cx = data.codes(x);
    int[] cy = y < 0 ? null : data.codes(y);
    int m = 0;
    for (int r = 0; r < n; r++) {
      long key = keys[r];
      int a = cx[r];
      int b = cy == null ? 0 : cy[r];
      if (key >= 0 && a >= 0 && b >= 0) {
        keys[m++] = key * cellsPerStratum + (long) b * kx + a;
      }
    }
    keyCount = m;
    usedRows = m;
    long cells = strata * cellsPerStratum;
    denseMode = cells <= Math.max(4096L, 2L * n) && cells <= (1 << 26);
    if (denseMode) {
      int size = (int) cells;
      if (dense.length < size) {
        dense = new int[size];
      } else {
        Arrays.fill(dense, 0, size, 0);
      }
      for (int q = 0; q < m; q++) {
        dense[(int) keys[q]]++;
      }
    } else {
      Arrays.sort(keys, 0, m);
    }
    cursor = 0;
  }

  /** Replaces the partial stratum keys by their ranks among the distinct keys (at most n). */
  private long compressKeys() {
    long[] sorted = new long[n];
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (keys[r] >= 0) {
        sorted[m++] = keys[r];
      }
    }
    Arrays.sort(sorted, 0, m);
    int u = 0;
    for (int q = 0; q < m; q++) {
      if (u == 0 || sorted[q] != sorted[u - 1]) {
        sorted[u++] = sorted[q];
      }
    }
    for (int r = 0; r < n; r++) {
      if (keys[r] >= 0) {
        keys[r] = Arrays.binarySearch(sorted, 0, u, keys[r]);
      }
    }
    return Math.max(1, u);
  }

  /**
   * Moves to the next stratum with at least one row and fills its table; false when there are no
   * more.
   */
  public boolean nextStratum() {
    if (denseMode) {
      while (cursor < strata) {
        int base = (int) (cursor * cellsPerStratum);
        cursor++;
        int total = 0;
        for (int c = 0; c < cellsPerStratum; c++) {
          total += dense[base + c];
        }
        if (total > 0) {
          System.arraycopy(dense, base, table, 0, cellsPerStratum);
          finishStratum(total);
          return true;
        }
      }
      return false;
    }
    int q = (int) cursor;
    if (q >= keyCount) {
      return false;
    }
    long stratum = keys[q] / cellsPerStratum;
    Arrays.fill(table, 0, cellsPerStratum, 0);
    int total = 0;
    while (q < keyCount && keys[q] / cellsPerStratum == stratum) {
      table[(int) (keys[q] - stratum * cellsPerStratum)]++;
      total++;
      q++;
    }
    cursor = q;
    finishStratum(total);
    return true;
  }

  private void finishStratum(int total) {
    stratumTotal = total;
    Arrays.fill(rowTotals, 0, kx, 0);
    Arrays.fill(colTotals, 0, ky, 0);
    for (int b = 0; b < ky; b++) {
      for (int a = 0; a < kx; a++) {
        int v = table[b * kx + a];
        rowTotals[a] += v;
        colTotals[b] += v;
      }
    }
  }

  private void ensure(int cells) {
    if (table.length < cells) {
      table = new int[cells];
    }
    if (rowTotals.length < kx) {
      rowTotals = new int[kx];
    }
    if (colTotals.length < ky) {
      colTotals = new int[ky];
    }
  }

  /** Categories of the row variable. */
  public int rows() {
    return kx;
  }

  /** Categories of the column variable (1 when there is none). */
  public int columns() {
    return ky;
  }

  /** The count of row category {@code i} and column category {@code j} in this stratum. */
  public int count(int i, int j) {
    return table[j * kx + i];
  }

  public int rowTotal(int i) {
    return rowTotals[i];
  }

  public int columnTotal(int j) {
    return colTotals[j];
  }

  /** Rows in this stratum. */
  public int total() {
    return stratumTotal;
  }

  /** Rows counted over all strata: those with no missing code in the tabulated variables. */
  public int usedRows() {
    return usedRows;
  }
}
