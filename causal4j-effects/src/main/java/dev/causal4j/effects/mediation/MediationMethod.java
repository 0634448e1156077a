package dev.causal4j.effects.mediation;

/** How natural effects are estimated. */
public enum MediationMethod {
  /**
   * Linear regressions of each mediator and of the outcome; NDE is the treatment's coefficient in
   * the outcome model, NIE the sum of products of coefficients (Baron &amp; Kenny 1986; VanderWeele
   * 2015, ch. 2), with delta-method (Sobel) standard errors.
   */
  PRODUCT_OF_COEFFICIENTS,
  /**
   * Pearl's (2001) mediation formula evaluated by simulation on a structural causal model fitted
   * to the DAG (any mechanisms: linear, tables, learned), with bootstrap intervals.
   */
  G_COMPUTATION
}
