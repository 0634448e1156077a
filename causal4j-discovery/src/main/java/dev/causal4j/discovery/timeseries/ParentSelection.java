package dev.causal4j.discovery.timeseries;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.independence.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The condition-selection step of PCMCI and the lagged phase of PCMCI+: the PC1 algorithm (Runge
 * et al. 2019, Sci. Adv. 5, eaau4996, Algorithm S1). For each variable {@code X_j}, start from
 * every allowed lagged candidate {@code X_i(t−τ)}, {@code 1 ≤ τ ≤ τmax}; at conditioning size
 * {@code d = 0, 1, …} test each candidate given the {@code d} strongest other candidates (and, if
 * allowed, further {@code d}-subsets in lexicographic order, up to {@code maxCombinations}); drop
 * those found independent at {@code α} after the pass, then sort the rest by their smallest test
 * statistic so far, strongest first; stop when fewer than {@code d + 1} remain. The result is a
 * superset of the lagged parents, sorted by strength.
 *
 * <p>Each variable's selection is independent of the others', so they run in parallel, each
 * written to its own slot.
 */
final class ParentSelection {
  private ParentSelection() {}

  /** The selected conditions of one variable: window nodes, strongest first. */
  record Parents(int[] nodes, double[] maxPValue, double[] statisticAtMaxP) {}

  static Parents[] selectAll(Window w, int maxLag, double alpha, int maxConditions,
      int maxCombinations, TimeSeriesKnowledge.Bound knowledge, int threads) {
    Parents[] out = new Parents[w.p];
    Parallel.forEach(threads, w.p, j ->
        out[j] = select(w, j, maxLag, alpha, maxConditions, maxCombinations, knowledge));
    return out;
  }

  static Parents select(Window w, int j, int maxLag, double alpha, int maxConditions,
      int maxCombinations, TimeSeriesKnowledge.Bound knowledge) {
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < w.p; i++) {
      for (int lag = 1; lag <= maxLag; lag++) {
        if (!knowledge.isForbidden(i, j, lag)) {
          current.add(w.node(i, lag));
        }
      }
    }
    int nodes = w.p * (w.depth + 1);
    double[] valMin = new double[nodes];
    double[] pMax = new double[nodes];
    double[] statAtPMax = new double[nodes];
    int[] firstSeen = new int[nodes];
    Arrays.fill(valMin, Double.POSITIVE_INFINITY);
    Arrays.fill(pMax, Double.NaN);
    Arrays.fill(statAtPMax, Double.NaN);
    for (int k = 0; k < current.size(); k++) {
      firstSeen[current.get(k)] = k;
    }
    int y = w.node(j, 0);
    for (int d = 0; ; d++) {
      if (current.size() - 1 < d || (maxConditions >= 0 && d > maxConditions)) {
        break;
      }
      Parallel.checkCancelled();
      boolean[] drop = new boolean[current.size()];
      int[] others = new int[current.size() - 1];
      int[] z = new int[d];
      for (int a = 0; a < current.size(); a++) {
        int x = current.get(a);
        int m = 0;
        for (int b = 0; b < current.size(); b++) {
          if (b != a) {
            others[m++] = current.get(b);
          }
        }
        Subsets subsets = new Subsets(others.length, d);
        for (int comb = 0; comb < maxCombinations && subsets.next(); comb++) {
          int[] idx = subsets.indices();
          for (int q = 0; q < d; q++) {
            z[q] = others[idx[q]];
          }
          TestResult r = w.test(x, y, z);
          valMin[x] = Math.min(valMin[x], Window.strength(r));
          if (!(r.pValue() <= pMax[x])) {
            pMax[x] = r.pValue();
            statAtPMax[x] = r.statistic();
          }
          if (r.pValue() > alpha) {
            drop[a] = true;
            break;
          }
        }
      }
      List<Integer> kept = new ArrayList<>();
      for (int a = 0; a < current.size(); a++) {
        if (!drop[a]) {
          kept.add(current.get(a));
        }
      }
      kept.sort(Comparator.<Integer>comparingDouble(v -> -valMin[v])
          .thenComparingInt(v -> firstSeen[v]));
      current = kept;
    }
    int[] out = current.stream().mapToInt(Integer::intValue).toArray();
    double[] p = new double[out.length];
    double[] s = new double[out.length];
    for (int k = 0; k < out.length; k++) {
      p[k] = pMax[out[k]];
      s[k] = statAtPMax[out[k]];
    }
    return new Parents(out, p, s);
  }
}
