package dev.causal4j.effects.cate;

import java.util.Arrays;

/**
 * Weighted isotonic (non-decreasing) least-squares regression of {@code y} on {@code x} by the
 * pool-adjacent-violators algorithm (Ayer, Brunk, Ewing, Reid &amp; Silverman 1955; Barlow et al.
 * 1972): sort by {@code x}, pool tied {@code x} values, then merge adjacent blocks while a block's
 * mean exceeds the next one's. {@code O(n log n)} for the sort, linear after it.
 *
 * <p>The fit is a step function: {@link #predict(double)} returns the value of the last block
 * whose smallest {@code x} is at most the query (the first block's value below the data), so it is
 * right-continuous and constant between the data's blocks, not interpolated.
 */
public final class IsotonicRegression {
  private final double[] lower;
  private final double[] value;
  private final double[] fitted;

  private IsotonicRegression(double[] lower, double[] value, double[] fitted) {
    this.lower = lower;
    this.value = value;
    this.fitted = fitted;
  }

  /**
   * Fits the regression.
   *
   * @param weights positive weights, or {@code null} for equal weights
   * @throws IllegalArgumentException for no data, different lengths, non-finite values or
   *     non-positive weights
   */
  public static IsotonicRegression fit(double[] x, double[] y, double[] weights) {
    int n = x.length;
    if (n == 0 || y.length != n || (weights != null && weights.length != n)) {
      throw new IllegalArgumentException("isotonic regression needs as many x, y (and weights) as"
          + " each other, at least one; got " + x.length + ", " + y.length);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])
          || (weights != null && !(weights[i] > 0 && Double.isFinite(weights[i])))) {
        throw new IllegalArgumentException("isotonic regression: row " + i + " has a non-finite"
            + " value or a non-positive weight");
      }
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    // Stable sort on x alone: ties keep input order, so the result does not depend on the JVM.
    Arrays.sort(boxed, (a, b) -> Double.compare(x[a], x[b]));
    // Tied x values first become one group each, so the fit is a function of x; then blocks of
    // groups on a stack: weight, weighted sum, first x and the sorted position they start at.
    double[] bw = new double[n];
    double[] bs = new double[n];
    double[] bx = new double[n];
    int[] start = new int[n];
    int top = -1;
    int k = 0;
    while (k < n) {
      int first = k;
      double gw = 0;
      double gs = 0;
      double gx = x[boxed[k]];
      while (k < n && x[boxed[k]] == gx) {
        int i = boxed[k];
        double w = weights == null ? 1 : weights[i];
        gw += w;
        gs += w * y[i];
        k++;
      }
      top++;
      bw[top] = gw;
      bs[top] = gs;
      bx[top] = gx;
      start[top] = first;
      while (top > 0 && bs[top - 1] / bw[top - 1] > bs[top] / bw[top]) {
        bw[top - 1] += bw[top];
        bs[top - 1] += bs[top];
        top--;
      }
    }
    int blocks = top + 1;
    double[] lower = Arrays.copyOf(bx, blocks);
    double[] value = new double[blocks];
    double[] fitted = new double[n];
    for (int b = 0; b < blocks; b++) {
      value[b] = bs[b] / bw[b];
      int end = b + 1 < blocks ? start[b + 1] : n;
      for (int j = start[b]; j < end; j++) {
        fitted[boxed[j]] = value[b];
      }
    }
    return new IsotonicRegression(lower, value, fitted);
  }

  /** The fitted value at {@code v}. */
  public double predict(double v) {
    int pos = Arrays.binarySearch(lower, v);
    int b = pos >= 0 ? pos : Math.max(0, -pos - 2);
    return value[b];
  }

  /** The fitted values at each of {@code v}. */
  public double[] predict(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = predict(v[i]);
    }
    return out;
  }

  /** The fitted values at the training points, in input order. */
  public double[] fittedValues() {
    return fitted.clone();
  }

  /** Number of constant pieces of the fitted step function. */
  public int steps() {
    return value.length;
  }
}
