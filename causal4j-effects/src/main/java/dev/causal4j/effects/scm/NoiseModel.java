package dev.causal4j.effects.scm;

/** How a linear mechanism's noise is modelled from its residuals. */
public enum NoiseModel {
  /**
   * Gaussian with the residual standard deviation {@code sqrt(RSS / (n - k))}, {@code k} the
   * number of fitted coefficients (intercept included).
   */
  GAUSSIAN,
  /** The residuals themselves, drawn with replacement. */
  EMPIRICAL
}
