package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.SplittableRandom;

/**
 * Confounded data with a known effect function: four standard normal covariates, treatment by a
 * logistic propensity in x1 and x2 (between about 0.12 and 0.88 for most units), outcome baseline
 * plus {@code T τ(x)} plus unit normal noise.
 */
record Simulated(CateSample sample, double[] tau) {

  enum Model {
    /** Linear baseline {@code 1 + x1 + x2 − 0.5 x3}, linear effect {@code τ = 1 + 2 x1}. */
    LINEAR,
    /**
     * Nonlinear baseline {@code sin(2 x1) + x2² + x3}, nonlinear effect {@code τ = 2 / (1 +
     * exp(−3 x1)) + 1[x2 > 0]}.
     */
    NONLINEAR
  }

  static Simulated sample(Model model, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int p = 4;
    double[] x = new double[n * p];
    int[] t = new int[n];
    double[] y = new double[n];
    double[] tau = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x[i * p + j] = gaussian(rng);
      }
      double x1 = x[i * p];
      double x2 = x[i * p + 1];
      double x3 = x[i * p + 2];
      double e = 1 / (1 + Math.exp(-(0.8 * x1 - 0.6 * x2)));
      t[i] = rng.nextDouble() < e ? 1 : 0;
      double base;
      if (model == Model.LINEAR) {
        base = 1 + x1 + x2 - 0.5 * x3;
        tau[i] = 1 + 2 * x1;
      } else {
        base = Math.sin(2 * x1) + x2 * x2 + x3;
        tau[i] = 2 / (1 + Math.exp(-3 * x1)) + (x2 > 0 ? 1 : 0);
      }
      y[i] = base + t[i] * tau[i] + gaussian(rng);
    }
    return new Simulated(new CateSample(new FeatureMatrix(x, n, p), t, y), tau);
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller; plenty for test data.
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** √PEHE of predictions against the true effects. */
  double rootPehe(double[] pred) {
    double s = 0;
    for (int i = 0; i < pred.length; i++) {
      s += (pred[i] - tau[i]) * (pred[i] - tau[i]);
    }
    return Math.sqrt(s / pred.length);
  }

  /** The true sample ATE. */
  double ate() {
    double s = 0;
    for (double v : tau) {
      s += v;
    }
    return s / tau.length;
  }
}
