package dev.causal4j.effects.estimate.learner;

/**
 * Weighted column means and standard deviations, so penalised linear models penalise every
 * feature on the same scale (a penalty on raw coefficients would depend on the units). Constant
 * columns get scale 0 and are left out of the fit (their coefficient is 0).
 */
final class Standardization {
  final double[] mean;
  final double[] scale;
  final int[] kept;

  private Standardization(double[] mean, double[] scale, int[] kept) {
    this.mean = mean;
    this.scale = scale;
    this.kept = kept;
  }

  static Standardization of(FeatureMatrix x, double[] w) {
    int n = x.rows();
    int p = x.cols();
    double[] v = x.values();
    double[] mean = new double[p];
    double sw = 0;
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      sw += wi;
      for (int j = 0; j < p; j++) {
        mean[j] += wi * v[i * p + j];
      }
    }
    for (int j = 0; j < p; j++) {
      mean[j] /= sw;
    }
    double[] ss = new double[p];
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      for (int j = 0; j < p; j++) {
        double d = v[i * p + j] - mean[j];
        ss[j] += wi * d * d;
      }
    }
    int count = 0;
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      double sd = Math.sqrt(ss[j] / sw);
      // Relative to the mean's size, so a column that is constant up to rounding counts as one.
      if (sd > 1e-12 * Math.max(1, Math.abs(mean[j]))) {
        scale[j] = sd;
        count++;
      }
    }
    int[] kept = new int[count];
    for (int j = 0, k = 0; j < p; j++) {
      if (scale[j] > 0) {
        kept[k++] = j;
      }
    }
    return new Standardization(mean, scale, kept);
  }

  /** The standardized kept columns of row {@code i} into {@code out}. */
  void row(FeatureMatrix x, int i, double[] out) {
    double[] v = x.values();
    int p = x.cols();
    for (int k = 0; k < kept.length; k++) {
      int j = kept[k];
      out[k] = (v[i * p + j] - mean[j]) / scale[j];
    }
  }

  static void checkWeights(double[] w, int n) {
    if (w == null) {
      return;
    }
    if (w.length != n) {
      throw new IllegalArgumentException(w.length + " weights for " + n + " rows");
    }
    double sum = 0;
    for (double wi : w) {
      if (!(wi >= 0) || Double.isInfinite(wi)) {
        throw new IllegalArgumentException("weight " + wi + " is not a finite non-negative number");
      }
      sum += wi;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("every weight is zero");
    }
  }
}
