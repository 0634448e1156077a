package dev.causal4j.effects.cate;

/**
 * A loss averaged over held-out units, with the standard error of that mean (the units' losses'
 * standard deviation over {@code √n}).
 */
public record HeldOutLoss(double value, double standardError) {

  static HeldOutLoss of(double[] perUnit) {
    int n = perUnit.length;
    double mean = 0;
    for (double v : perUnit) {
      mean += v;
    }
    mean /= n;
    double ss = 0;
    for (double v : perUnit) {
      ss += (v - mean) * (v - mean);
    }
    return new HeldOutLoss(mean, n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN);
  }
}
