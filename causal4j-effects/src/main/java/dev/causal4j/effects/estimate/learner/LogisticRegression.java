package dev.causal4j.effects.estimate.learner;

import org.ejml.data.DMatrixRMaj;

/**
 * Logistic regression with a ridge penalty, fitted by iteratively reweighted least squares
 * (Newton–Raphson; McCullagh &amp; Nelder 1989, ch. 4) with step halving: minimises {@code
 * −Σ w_i ℓ_i / Σ w_i + (λ/2) ‖β‖²} on standardized features with an unpenalised intercept. A small
 * {@code λ} keeps the coefficients finite when the classes are separable, where the unpenalised
 * maximum-likelihood estimate does not exist; the fitted probabilities then approach 0 and 1,
 * which the estimators report as a lack of overlap.
 *
 * @param lambda the penalty on standardized coefficients, {@code ≥ 0}
 * @param maxIterations the most Newton steps
 */
public record LogisticRegression(double lambda, int maxIterations) implements Classifier {

  public LogisticRegression {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the ridge penalty must be finite and ≥ 0, not "
          + lambda);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be ≥ 1, not " + maxIterations);
    }
  }

  /**
   * Penalty {@code 1e-4}: negligible next to the likelihood at any sample size worth estimating
   * on, yet enough to keep separable data finite.
   */
  public static LogisticRegression defaults() {
    return new LogisticRegression(1e-4, 100);
  }

  /** With the given penalty and 100 Newton steps at most. */
  public static LogisticRegression withPenalty(double lambda) {
    return new LogisticRegression(lambda, 100);
  }

  @Override
  public Fitted fit(FeatureMatrix x, int[] labels) {
    return fit(x, labels, null);
  }

  @Override
  public Fitted fit(FeatureMatrix x, int[] labels, double[] weights) {
    int n = x.rows();
    if (labels.length != n) {
      throw new IllegalArgumentException(labels.length + " labels for " + n + " rows");
    }
    Classifier.checkLabels(labels);
    Standardization.checkWeights(weights, n);
    Standardization s = Standardization.of(x, weights);
    int k = s.kept.length + 1; // intercept first
    double sw = 0;
    double pos = 0;
    for (int i = 0; i < n; i++) {
      double wi = weights == null ? 1 : weights[i];
      sw += wi;
      pos += wi * labels[i];
    }
    double[] beta = new double[k];
    double prior = Math.min(Math.max(pos / sw, 1e-10), 1 - 1e-10);
    beta[0] = Math.log(prior / (1 - prior));
    double[][] z = standardized(x, s, n, k);
    double obj = objective(z, labels, weights, beta, sw);
    DMatrixRMaj h = new DMatrixRMaj(k, k);
    DMatrixRMaj g = new DMatrixRMaj(k, 1);
    for (int iter = 0; iter < maxIterations; iter++) {
      h.zero();
      g.zero();
      for (int i = 0; i < n; i++) {
        double wi = weights == null ? 1 : weights[i];
        if (wi == 0) {
          continue;
        }
        double[] zi = z[i];
        double p = sigmoid(dot(zi, beta));
        double r = wi * (labels[i] - p);
        double v = wi * p * (1 - p);
        for (int a = 0; a < k; a++) {
          g.data[a] += r * zi[a];
          double va = v * zi[a];
          for (int b = a; b < k; b++) {
            h.data[a * k + b] += va * zi[b];
          }
        }
      }
      for (int a = 0; a < k; a++) {
        g.data[a] /= sw;
        for (int b = a; b < k; b++) {
          h.data[a * k + b] /= sw;
          h.data[b * k + a] = h.data[a * k + b];
        }
        if (a > 0) {
          g.data[a] -= lambda * beta[a];
          h.data[a * k + a] += lambda;
        }
      }
      double[] step = RidgeRegression.solve(h, g);
      double t = 1;
      double[] next = new double[k];
      double nextObj;
      do {
        for (int a = 0; a < k; a++) {
          next[a] = beta[a] + t * step[a];
        }
        nextObj = objective(z, labels, weights, next, sw);
        t /= 2;
      } while (nextObj > obj + 1e-12 && t > 1e-10);
      double change = 0;
      for (int a = 0; a < k; a++) {
        change = Math.max(change, Math.abs(next[a] - beta[a]));
      }
      beta = next;
      boolean done = obj - nextObj < 1e-12 * (1 + Math.abs(obj)) && change < 1e-8;
      obj = nextObj;
      if (done || change < 1e-10) {
        break;
      }
    }
    double[] coef = new double[x.cols()];
    double intercept = beta[0];
    for (int m = 0; m < s.kept.length; m++) {
      int j = s.kept[m];
      coef[j] = beta[m + 1] / s.scale[j];
      intercept -= coef[j] * s.mean[j];
    }
    return new Fitted(intercept, coef);
  }

  private static double[][] standardized(FeatureMatrix x, Standardization s, int n, int k) {
    double[][] z = new double[n][k];
    double[] row = new double[k - 1];
    for (int i = 0; i < n; i++) {
      s.row(x, i, row);
      z[i][0] = 1;
      System.arraycopy(row, 0, z[i], 1, k - 1);
    }
    return z;
  }

  private double objective(double[][] z, int[] y, double[] w, double[] beta, double sw) {
    double ll = 0;
    for (int i = 0; i < z.length; i++) {
      double wi = w == null ? 1 : w[i];
      if (wi == 0) {
        continue;
      }
      double eta = dot(z[i], beta);
      // log(1 + e^eta) − y·eta, computed without overflow.
      double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      ll += wi * (softplus - y[i] * eta);
    }
    double pen = 0;
    for (int a = 1; a < beta.length; a++) {
      pen += beta[a] * beta[a];
    }
    return ll / sw + lambda / 2 * pen;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double sigmoid(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  @Override
  public String describe() {
    return "logistic regression (ridge λ=" + Learner.plain(lambda) + ")";
  }

  /**
   * A fitted logistic model {@code P(1 | x) = 1 / (1 + exp(−(b0 + xᵀβ)))}.
   *
   * @param intercept {@code b0}
   * @param coefficients {@code β} on the original feature scale
   */
  public record Fitted(double intercept, double[] coefficients) implements FittedClassifier {
    public Fitted {
      coefficients = coefficients.clone();
    }

    @Override
    public double[] probability(FeatureMatrix x) {
      int p = coefficients.length;
      if (x.cols() != p) {
        throw new IllegalArgumentException(x.cols() + " features for a model of " + p);
      }
      double[] v = x.values();
      double[] out = new double[x.rows()];
      for (int i = 0; i < out.length; i++) {
        double eta = intercept;
        for (int j = 0; j < p; j++) {
          eta += coefficients[j] * v[i * p + j];
        }
        out[i] = sigmoid(eta);
      }
      return out;
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }
  }
}
