package dev.causal4j.effects.estimate.learner;

/** The families of nuisance learners a user picks by name ({@code --learner}). */
public enum Learner {
  /** Least squares for outcomes, ridge-penalised logistic regression for propensities. */
  LINEAR("linear"),
  /** Random forests ({@link RandomForest}). */
  FOREST("forest"),
  /** Gradient-boosted trees ({@link GradientBoosting}). */
  BOOSTING("boosting");

  private final String label;

  Learner(String label) {
    this.label = label;
  }

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** The default regressor of this family. */
  public Regressor regressor(long seed, int threads) {
    return switch (this) {
      case LINEAR -> RidgeRegression.ols();
      case FOREST -> RandomForest.defaults(seed, threads);
      case BOOSTING -> GradientBoosting.defaults(seed, threads);
    };
  }

  /** The default classifier of this family. */
  public Classifier classifier(long seed, int threads) {
    return switch (this) {
      case LINEAR -> LogisticRegression.defaults();
      case FOREST -> RandomForest.defaults(seed, threads);
      case BOOSTING -> GradientBoosting.defaults(seed, threads);
    };
  }

  /** A setting as plain decimal text without trailing zeros ({@code 1.0E-4} → {@code 0.0001}). */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** Both default learners of this family. */
  public NuisanceLearners learners(long seed, int threads) {
    return new NuisanceLearners(regressor(seed, threads), classifier(seed, threads));
  }
}
