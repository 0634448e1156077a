package dev.causal4j.effects.estimate;

/**
 * The estimated propensity scores {@code e(x) = P(T = 1 | x)} and their overlap between the arms.
 *
 * @param min smallest score
 * @param max largest score
 * @param treatedRange the scores of the treated, {@code [min, max]}
 * @param controlRange the scores of the controls, {@code [min, max]}
 * @param outsideCommonSupport units whose score lies outside the range both arms cover
 * @param extreme units with a score below 0.01 or above 0.99 (their weights dominate IPW)
 * @param clipped scores moved to the clipping bounds before use (0 if the estimator does not
 *     clip)
 */
public record PropensitySummary(
    double min,
    double max,
    double[] treatedRange,
    double[] controlRange,
    int outsideCommonSupport,
    int extreme,
    int clipped) {

  public PropensitySummary {
    treatedRange = treatedRange.clone();
    controlRange = controlRange.clone();
  }

  @Override
  public double[] treatedRange() {
    return treatedRange.clone();
  }

  @Override
  public double[] controlRange() {
    return controlRange.clone();
  }
}
