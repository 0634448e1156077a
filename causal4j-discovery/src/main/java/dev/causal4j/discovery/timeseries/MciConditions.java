package dev.causal4j.discovery.timeseries;

import java.util.Arrays;

/**
 * The conditioning set of a momentary conditional independence (MCI) test (Runge et al. 2019;
 * Runge 2020, eq. 3): for {@code X = X_i(t−τ)} and {@code Y = X_j(t)}, the given contemporaneous
 * nodes {@code S}, then the selected lagged conditions of {@code Y} (all but {@code X}), then
 * those of {@code X_i} shifted back by {@code τ}, each node once. The shift is what accounts for
 * {@code X}'s own autocorrelation; it reaches lags up to {@code 2·τmax}.
 */
final class MciConditions {
  private MciConditions() {}

  /**
   * @param parents the selected lagged conditions of each variable, strongest first
   * @param maxY how many of {@code Y}'s conditions to use (−1: all)
   * @param maxX how many of {@code X}'s conditions to use (−1: all)
   */
  static int[] of(Window w, int i, int lag, int j, int[] s, int[][] parents, int maxY, int maxX) {
    int x = w.node(i, lag);
    int[] py = parents[j];
    int[] px = parents[i];
    int ny = maxY < 0 ? py.length : Math.min(maxY, py.length);
    int nx = maxX < 0 ? px.length : Math.min(maxX, px.length);
    int[] z = new int[s.length + ny + nx];
    int m = 0;
    for (int v : s) {
      z[m++] = v;
    }
    for (int k = 0; k < ny; k++) {
      m = add(z, m, py[k], x);
    }
    for (int k = 0; k < nx; k++) {
      m = add(z, m, px[k] + lag * w.p, x);
    }
    return m == z.length ? z : Arrays.copyOf(z, m);
  }

  private static int add(int[] z, int m, int node, int x) {
    if (node == x) {
      return m;
    }
    for (int q = 0; q < m; q++) {
      if (z[q] == node) {
        return m;
      }
    }
    z[m] = node;
    return m + 1;
  }
}
