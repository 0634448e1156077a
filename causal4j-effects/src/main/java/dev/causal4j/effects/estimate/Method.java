package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import java.util.Locale;

/** The estimation methods, by the names users know them by. */
public enum Method {
  /** Least squares of the outcome on the treatment and covariates ({@link RegressionAdjustment}). */
  REGRESSION("regression"),
  /** G-computation with a learner ({@link GFormula}). */
  G_FORMULA("g-formula"),
  /** Inverse probability weighting ({@link InverseProbabilityWeighting}). */
  IPW("ipw"),
  /** Augmented IPW with cross-fitting ({@link AugmentedIpw}). */
  AIPW("aipw"),
  /** Targeted maximum likelihood ({@link Tmle}). */
  TMLE("tmle"),
  /** Nearest-neighbour matching ({@link Matching}). */
  MATCHING("matching"),
  /** Double/debiased machine learning ({@link DoubleMl}). */
  DML("dml"),
  /** Two-stage least squares with instruments ({@link TwoStageLeastSquares}). */
  IV("iv"),
  /** Double/debiased machine learning for the partially linear IV model ({@link DmlIv}). */
  DML_IV("dml-iv"),
  /** The front-door formula ({@link FrontDoorEstimator}). */
  FRONT_DOOR("front-door");

  private final String label;

  Method(String label) {
    this.label = label;
  }

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /**
   * The method by its label, ignoring case.
   *
   * @throws InvalidInputException naming the labels that exist
   */
  public static Method parse(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (Method m : values()) {
      if (m.label.equals(l)) {
        return m;
      }
    }
    StringBuilder all = new StringBuilder();
    for (Method m : values()) {
      all.append(all.length() == 0 ? "" : ", ").append(m.label);
    }
    throw new InvalidInputException("'" + label + "' is not an estimation method; use auto, "
        + all);
  }
}
