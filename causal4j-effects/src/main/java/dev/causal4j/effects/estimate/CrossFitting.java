package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import dev.causal4j.effects.estimate.learner.Regressor;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Cross-fitting (Chernozhukov et al. 2018; Zheng &amp; van der Laan 2011): split the rows into
 * {@code K} folds, fit each nuisance model on all folds but one and predict on the one left out,
 * so every unit's nuisance values come from a model that never saw it. This removes the
 * own-observation over-fitting bias that flexible learners bring into influence-function
 * estimators. {@code K = 1} means no splitting: fit and predict on all rows.
 *
 * <p>Folds are stratified by the treatment when it is binary (each fold has the arm shares of the
 * whole sample) and are a seeded shuffle, so the same seed gives the same folds.
 */
public final class CrossFitting {
  private CrossFitting() {}

  /**
   * Cross-fitted nuisance values for a binary treatment, one per row.
   *
   * @param propensity {@code P(T = 1 | X)}
   * @param mu0 {@code E[Y | T = 0, X]}
   * @param mu1 {@code E[Y | T = 1, X]}
   */
  public record Nuisances(double[] propensity, double[] mu0, double[] mu1) {}

  /**
   * A fold number in {@code 0..k-1} per row, stratified by {@code strata} (0/1 per row) when
   * given.
   *
   * @throws InvalidInputException if a stratum has fewer than {@code k} rows
   */
  public static int[] folds(int n, int k, long seed, int[] strata) {
    if (k < 1) {
      throw new InvalidInputException("the number of folds must be at least 1, not " + k);
    }
    int[] fold = new int[n];
    if (k == 1) {
      return fold;
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int groups = strata == null ? 1 : 2;
    for (int g = 0; g < groups; g++) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (strata == null || strata[i] == g) {
          count++;
        }
      }
      if (count < k) {
        throw new InvalidInputException("only " + count + (strata == null ? " rows"
            : g == 1 ? " treated units" : " control units") + " for " + k + " cross-fitting"
            + " folds; use fewer folds (--folds) or more data");
      }
      int[] idx = new int[count];
      for (int i = 0, c = 0; i < n; i++) {
        if (strata == null || strata[i] == g) {
          idx[c++] = i;
        }
      }
      for (int i = count - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = idx[i];
        idx[i] = idx[j];
        idx[j] = tmp;
      }
      for (int c = 0; c < count; c++) {
        fold[idx[c]] = c % k;
      }
    }
    return fold;
  }

  /** The rows in fold {@code f} (test) or not in it (train). */
  static int[] rows(int[] fold, int f, boolean in) {
    int c = 0;
    for (int v : fold) {
      if ((v == f) == in) {
        c++;
      }
    }
    int[] out = new int[c];
    for (int i = 0, k = 0; i < fold.length; i++) {
      if ((fold[i] == f) == in) {
        out[k++] = i;
      }
    }
    return out;
  }

  private static int foldCount(int[] fold) {
    int k = 0;
    for (int f : fold) {
      k = Math.max(k, f + 1);
    }
    return k;
  }

  /**
   * Out-of-fold predictions of {@code E[y | x]}, fitted on the rows where {@code use} is true (all
   * rows when {@code use} is null) of the other folds; predicted for every row.
   */
  public static double[] regression(FeatureMatrix x, double[] y, boolean[] use, Regressor r,
      int[] fold) {
    int k = foldCount(fold);
    int n = x.rows();
    double[] out = new double[n];
    for (int f = 0; f < k; f++) {
      int[] train = select(rows(fold, f, k == 1), use);
      int[] test = rows(fold, f, true);
      double[] yt = new double[train.length];
      for (int i = 0; i < train.length; i++) {
        yt[i] = y[train[i]];
      }
      double[] pred = r.fit(x.selectRows(train), yt).predict(x.selectRows(test));
      for (int i = 0; i < test.length; i++) {
        out[test[i]] = pred[i];
      }
    }
    return out;
  }

  /** Out-of-fold predictions of {@code P(label = 1 | x)}. */
  public static double[] probability(FeatureMatrix x, int[] labels, Classifier c, int[] fold) {
    int k = foldCount(fold);
    int n = x.rows();
    double[] out = new double[n];
    for (int f = 0; f < k; f++) {
      int[] train = rows(fold, f, k == 1);
      int[] test = rows(fold, f, true);
      int[] lt = new int[train.length];
      for (int i = 0; i < train.length; i++) {
        lt[i] = labels[train[i]];
      }
      checkBothClasses(lt);
      double[] pred = c.fit(x.selectRows(train), lt).probability(x.selectRows(test));
      for (int i = 0; i < test.length; i++) {
        out[test[i]] = pred[i];
      }
    }
    return out;
  }

  private static void checkBothClasses(int[] labels) {
    int ones = 0;
    for (int l : labels) {
      ones += l;
    }
    if (ones == 0 || ones == labels.length) {
      throw new InvalidInputException("a training fold holds only one treatment arm; use fewer"
          + " folds or more data");
    }
  }

  private static int[] select(int[] rows, boolean[] use) {
    if (use == null) {
      return rows;
    }
    int c = 0;
    for (int r : rows) {
      if (use[r]) {
        c++;
      }
    }
    int[] out = new int[c];
    for (int i = 0, k = 0; i < rows.length; i++) {
      if (use[rows[i]]) {
        out[k++] = rows[i];
      }
    }
    return out;
  }

  /**
   * Cross-fitted propensity and arm-wise outcome regressions for a binary treatment: {@code
   * μ_a} is fitted on the arm {@code T = a} of the training folds.
   */
  public static Nuisances binary(EffectData d, NuisanceLearners learners, int[] fold) {
    int[] labels = d.treatmentLabels("cross-fitting");
    FeatureMatrix x = d.covariates();
    double[] y = d.outcome();
    boolean[] treated = new boolean[labels.length];
    boolean[] control = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      treated[i] = labels[i] == 1;
      control[i] = labels[i] == 0;
    }
    double[] e = probability(x, labels, learners.propensity(), fold);
    double[] mu0 = regression(x, y, control, learners.outcome(), fold);
    double[] mu1 = regression(x, y, treated, learners.outcome(), fold);
    return new Nuisances(e, mu0, mu1);
  }
}
