package dev.causal4j.effects.estimate.learner;

import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fitting and predicting with XGBoost's Java API, shared by {@link GradientBoosting} and {@link
 * RandomForest}: single-precision matrices, optional early stopping on a seeded hold-out, native
 * memory released as soon as a matrix is no longer needed.
 */
final class XgbTraining {
  private XgbTraining() {}

  /**
   * Trains a booster.
   *
   * @param earlyStopping stop when the hold-out loss has not improved for this many rounds (0: no
   *     hold-out, train all rounds)
   * @param holdoutFraction fraction of rows held out for early stopping
   */
  static Model train(FeatureMatrix x, float[] label, double[] weights, Map<String, Object> params,
      int rounds, int earlyStopping, double holdoutFraction, long seed) {
    int n = x.rows();
    int p = x.cols();
    if (p == 0) {
      return Model.constant(label, weights);
    }
    try {
      if (earlyStopping <= 0) {
        DMatrix d = matrix(x.toFloats(), n, p, label, weights, null);
        try {
          Booster b = XGBoost.train(d, params, rounds, Map.of(), null, null);
          return new Model(b, p, rounds);
        } finally {
          d.dispose();
        }
      }
      // A seeded hold-out: each row goes to it with the given probability.
      SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
      boolean[] held = new boolean[n];
      int nh = 0;
      for (int i = 0; i < n; i++) {
        if (rng.nextDouble() < holdoutFraction) {
          held[i] = true;
          nh++;
        }
      }
      int[] trainRows = new int[n - nh];
      int[] holdRows = new int[nh];
      for (int i = 0, a = 0, b = 0; i < n; i++) {
        if (held[i]) {
          holdRows[b++] = i;
        } else {
          trainRows[a++] = i;
        }
      }
      DMatrix dt = matrix(x.selectRows(trainRows).toFloats(), trainRows.length, p, label,
          weights, trainRows);
      DMatrix dv = matrix(x.selectRows(holdRows).toFloats(), holdRows.length, p, label, weights,
          holdRows);
      try {
        // Boost round by round, scoring the hold-out after each; XGBoost.train's own early
        // stopping would print every round's score to stdout.
        Booster b = XGBoost.train(dt, params, 0, Map.of(), null, null);
        DMatrix[] evals = {dv};
        String[] names = {"holdout"};
        float[] score = new float[1];
        double best = Double.POSITIVE_INFINITY;
        int bestRounds = 0;
        for (int r = 0; r < rounds; r++) {
          b.update(dt, r);
          b.evalSet(evals, names, r, score);
          if (score[0] < best) {
            best = score[0];
            bestRounds = r + 1;
          } else if (r + 1 - bestRounds >= earlyStopping) {
            break;
          }
        }
        return new Model(b, p, Math.max(1, bestRounds));
      } finally {
        dt.dispose();
        dv.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
    }
  }

  private static DMatrix matrix(float[] values, int n, int p, float[] label, double[] weights,
      int[] rows) throws XGBoostError {
    DMatrix d = new DMatrix(values, n, p, Float.NaN);
    float[] l = new float[n];
    for (int i = 0; i < n; i++) {
      l[i] = label[rows == null ? i : rows[i]];
    }
    d.setLabel(l);
    if (weights != null) {
      float[] w = new float[n];
      for (int i = 0; i < n; i++) {
        w[i] = (float) weights[rows == null ? i : rows[i]];
      }
      d.setWeight(w);
    }
    return d;
  }

  /** A trained booster, predicting with its first {@code rounds} rounds. */
  static final class Model {
    private final Booster booster;
    private final int cols;
    private final int rounds;
    private final double constant;

    Model(Booster booster, int cols, int rounds) {
      this.booster = booster;
      this.cols = cols;
      this.rounds = rounds;
      this.constant = Double.NaN;
    }

    private Model(double constant) {
      this.booster = null;
      this.cols = 0;
      this.rounds = 0;
      this.constant = constant;
    }

    /** Without features there is nothing to split on: the (weighted) mean label. */
    static Model constant(float[] label, double[] weights) {
      double s = 0;
      double sw = 0;
      for (int i = 0; i < label.length; i++) {
        double w = weights == null ? 1 : weights[i];
        s += w * label[i];
        sw += w;
      }
      return new Model(s / sw);
    }

    int rounds() {
      return rounds;
    }

    /** Predictions on the response scale (probabilities for {@code binary:logistic}). */
    double[] predict(FeatureMatrix x) {
      if (x.cols() != cols) {
        throw new IllegalArgumentException(x.cols() + " features for a model of " + cols);
      }
      int n = x.rows();
      double[] out = new double[n];
      if (booster == null) {
        java.util.Arrays.fill(out, constant);
        return out;
      }
      if (n == 0) {
        return out;
      }
      // Predict in blocks so the single-precision copy stays small for large inputs.
      int block = Math.max(1, (1 << 20) / Math.max(1, cols));
      float[] buf = new float[Math.min(n, block) * cols];
      double[] v = x.values();
      try {
        for (int start = 0; start < n; start += block) {
          int m = Math.min(block, n - start);
          for (int k = 0; k < m * cols; k++) {
            buf[k] = (float) v[start * cols + k];
          }
          float[] in = m * cols == buf.length ? buf : java.util.Arrays.copyOf(buf, m * cols);
          float[][] pr;
          synchronized (booster) {
            pr = booster.inplace_predict(in, m, cols, Float.NaN, new int[] {0, rounds});
          }
          for (int i = 0; i < m; i++) {
            out[start + i] = pr[i][0];
          }
        }
      } catch (XGBoostError e) {
        throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
      }
      return out;
    }
  }
}
