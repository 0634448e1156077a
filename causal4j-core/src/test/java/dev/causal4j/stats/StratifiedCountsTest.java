package dev.causal4j.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stratified tables against brute force (a hash map from each row's full configuration), on the
 * three counting paths: dense cells, sorted keys (more configurations than rows) and key
 * compression (more configurations than a long can hold).
 */
class StratifiedCountsTest {

  private static ContingencyTables random(int p, int n, int levels, long seed, double missing) {
    Random rnd = new Random(seed);
    int[][] codes = new int[p][n];
    int[] lv = new int[p];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      lv[j] = 2 + (j % (levels - 1));
      names.add("V" + j);
      for (int r = 0; r < n; r++) {
        codes[j][r] = rnd.nextDouble() < missing ? -1 : rnd.nextInt(lv[j]);
      }
    }
    return ContingencyTables.of(names, codes, lv);
  }

  /** Brute-force tables: stratum (as a list of codes) → x·y counts. */
  private static Map<List<Integer>, int[]> bruteForce(ContingencyTables t, int x, int y, int[] z) {
    Map<List<Integer>, int[]> out = new HashMap<>();
    int kx = t.levels(x);
    int ky = t.levels(y);
    outer:
    for (int r = 0; r < t.sampleSize(); r++) {
      List<Integer> key = new ArrayList<>();
      for (int v : z) {
        if (t.codes(v)[r] < 0) {
          continue outer;
        }
        key.add(t.codes(v)[r]);
      }
      int a = t.codes(x)[r];
      int b = t.codes(y)[r];
      if (a < 0 || b < 0) {
        continue;
      }
      out.computeIfAbsent(key, k -> new int[kx * ky])[b * kx + a]++;
    }
    return out;
  }

  private static void assertSameTables(ContingencyTables t, int x, int y, int[] z) {
    assertSameTables(t, t.newCounter(), x, y, z);
  }

  private static void assertSameTables(
      ContingencyTables t, StratifiedCounts c, int x, int y, int[] z) {
    Map<List<Integer>, int[]> expected = bruteForce(t, x, y, z);
    c.tabulate(x, y, z);
    List<int[]> seen = new ArrayList<>();
    int used = 0;
    while (c.nextStratum()) {
      int[] table = new int[c.rows() * c.columns()];
      int total = 0;
      for (int j = 0; j < c.columns(); j++) {
        int colTotal = 0;
        for (int i = 0; i < c.rows(); i++) {
          table[j * c.rows() + i] = c.count(i, j);
          colTotal += c.count(i, j);
          total += c.count(i, j);
        }
        assertThat(c.columnTotal(j)).isEqualTo(colTotal);
      }
      assertThat(c.total()).isEqualTo(total).isPositive();
      used += total;
      seen.add(table);
    }
    assertThat(used).isEqualTo(c.usedRows());
    // Same multiset of tables (strata may come in a different order).
    List<String> a = new ArrayList<>();
    for (int[] tb : seen) {
      a.add(Arrays.toString(tb));
    }
    List<String> b = new ArrayList<>();
    for (int[] tb : expected.values()) {
      b.add(Arrays.toString(tb));
    }
    assertThat(a).containsExactlyInAnyOrderElementsOf(b);
  }

  @Test
  void denseCountsMatchBruteForce() {
    ContingencyTables t = random(5, 500, 4, 1, 0.0);
    assertSameTables(t, 0, 1, new int[0]);
    assertSameTables(t, 0, 1, new int[] {2, 3});
  }

  @Test
  void sortedKeysWhenConfigurationsOutnumberRows() {
    ContingencyTables t = random(14, 300, 4, 2, 0.0);
    int[] z = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assertSameTables(t, 0, 1, z);
  }

  @Test
  void keyCompressionWhenConfigurationsOverflowALong() {
    ContingencyTables t = random(70, 200, 4, 3, 0.0);
    int[] z = new int[66];
    for (int q = 0; q < z.length; q++) {
      z[q] = q + 2;
    }
    assertSameTables(t, 0, 1, z);
  }

  @Test
  void rowsWithAMissingCodeAreSkipped() {
    ContingencyTables t = random(4, 400, 3, 4, 0.1);
    assertSameTables(t, 0, 1, new int[] {2, 3});
    StratifiedCounts c = t.newCounter();
    c.tabulate(0, 1, new int[] {2, 3});
    assertThat(c.usedRows()).isLessThan(400).isGreaterThan(200);
  }

  @Test
  void workspaceIsReusableAcrossQuestionsOfDifferentShapes() {
    ContingencyTables t = random(12, 250, 5, 5, 0.0);
    StratifiedCounts c = t.newCounter();
    assertSameTables(t, c, 0, 1, new int[] {2, 3, 4, 5, 6, 7, 8, 9});
    assertSameTables(t, c, 3, 4, new int[0]);
    assertSameTables(t, c, 5, 2, new int[] {1});
    assertSameTables(t, c, 0, 1, new int[] {2, 3, 4, 5, 6, 7, 8, 9});
  }
}
