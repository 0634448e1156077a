package dev.causal4j.effects.scm;

/**
 * A continuous node {@code X := f(parents) + U}, with {@code U} drawn from {@link #noise()}
 * independently of everything else. Additive noise is what makes a unit's noise recoverable from
 * its observed values (abduction), and so its counterfactuals points rather than distributions.
 */
public sealed interface AdditiveMechanism extends Mechanism
    permits LinearMechanism, RegressionMechanism {

  /** Writes {@code f(parents)} of rows {@code 0..n-1} into {@code out}. */
  void mean(double[][] parentColumns, int n, double[] out);

  /** The distribution of {@code U}. */
  NoiseDistribution noise();
}
