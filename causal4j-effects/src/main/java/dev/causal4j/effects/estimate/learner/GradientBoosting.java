package dev.causal4j.effects.estimate.learner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gradient-boosted trees (Friedman 2001) by XGBoost (Chen &amp; Guestrin 2016), histogram method,
 * as a regressor (squared error) and a classifier (logistic loss). By default the number of rounds
 * is chosen by early stopping on a seeded 10% hold-out of the training rows, so one setting serves
 * a few hundred rows and a million alike; predictions use the best round.
 *
 * @param maxRounds most boosting rounds
 * @param learningRate shrinkage per round ({@code eta})
 * @param maxDepth depth of each tree
 * @param minChildWeight smallest hessian sum in a leaf (rows, for squared error)
 * @param subsample fraction of rows sampled per round, without replacement
 * @param colsampleByNode fraction of features tried at each split
 * @param lambda L2 penalty on leaf values
 * @param earlyStopping rounds without hold-out improvement before stopping (0: train all rounds)
 * @param seed seeds row and feature sampling and the hold-out
 * @param threads native threads (results do not depend on it)
 */
public record GradientBoosting(
    int maxRounds,
    double learningRate,
    int maxDepth,
    double minChildWeight,
    double subsample,
    double colsampleByNode,
    double lambda,
    int earlyStopping,
    long seed,
    int threads)
    implements Regressor, Classifier {

  public GradientBoosting {
    if (maxRounds < 1 || maxDepth < 1 || threads < 1 || earlyStopping < 0) {
      throw new IllegalArgumentException("rounds, depth and threads must be ≥ 1 and early"
          + " stopping ≥ 0");
    }
    if (!(learningRate > 0 && learningRate <= 1) || !(subsample > 0 && subsample <= 1)
        || !(colsampleByNode > 0 && colsampleByNode <= 1) || !(lambda >= 0)
        || !(minChildWeight >= 0)) {
      throw new IllegalArgumentException("learning rate, subsample and colsample must be in"
          + " (0, 1]; lambda and min child weight ≥ 0");
    }
  }

  /**
   * Shallow trees (depth 4), learning rate 0.1, up to 500 rounds with early stopping after 20,
   * 80% row subsampling: a conservative setting for nuisance functions, where over-fitting the
   * propensity score inflates the variance of weighting estimators.
   */
  public static GradientBoosting defaults(long seed, int threads) {
    return new GradientBoosting(500, 0.1, 4, 1, 0.8, 1.0, 1.0, 20, seed, threads);
  }

  /** Holding out 10% only makes sense when that leaves enough rows on both sides. */
  private int stopping(int n) {
    return n >= 200 ? earlyStopping : 0;
  }

  private int rounds(int n) {
    return stopping(n) > 0 ? maxRounds : Math.min(maxRounds, 100);
  }

  private Map<String, Object> params(String objective) {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", objective);
    p.put("eta", learningRate);
    p.put("max_depth", maxDepth);
    p.put("min_child_weight", minChildWeight);
    p.put("subsample", subsample);
    p.put("colsample_bynode", colsampleByNode);
    p.put("lambda", lambda);
    p.put("tree_method", "hist");
    p.put("nthread", threads);
    p.put("seed", seed);
    p.put("verbosity", 0);
    return p;
  }

  @Override
  public FittedRegressor fit(FeatureMatrix x, double[] y, double[] weights) {
    if (y.length != x.rows()) {
      throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
    }
    Standardization.checkWeights(weights, x.rows());
    float[] label = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      label[i] = (float) y[i];
    }
    Map<String, Object> p = params("reg:squarederror");
    p.put("eval_metric", "rmse");
    XgbTraining.Model m = XgbTraining.train(x, label, weights, p, rounds(x.rows()),
        stopping(x.rows()), 0.1, seed);
    return m::predict;
  }

  @Override
  public FittedClassifier fit(FeatureMatrix x, int[] labels, double[] weights) {
    if (labels.length != x.rows()) {
      throw new IllegalArgumentException(labels.length + " labels for " + x.rows() + " rows");
    }
    Classifier.checkLabels(labels);
    Standardization.checkWeights(weights, x.rows());
    float[] label = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      label[i] = labels[i];
    }
    Map<String, Object> p = params("binary:logistic");
    p.put("eval_metric", "logloss");
    XgbTraining.Model m = XgbTraining.train(x, label, weights, p, rounds(x.rows()),
        stopping(x.rows()), 0.1, seed);
    return m::predict;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "gradient boosting (XGBoost: depth %d, learning rate %s, %s)",
        maxDepth, Learner.plain(learningRate), earlyStopping > 0
            ? "rounds by early stopping, at most " + maxRounds : maxRounds + " rounds");
  }
}
