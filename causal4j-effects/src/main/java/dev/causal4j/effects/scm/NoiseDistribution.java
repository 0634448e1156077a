package dev.causal4j.effects.scm;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The distribution of a continuous node's additive noise {@code U} in {@code X := f(parents) + U}:
 * Gaussian with a fitted standard deviation, or the empirical distribution of the residuals
 * (drawn with replacement), which keeps skew, heavy tails and multimodality that a Gaussian would
 * smooth away.
 */
public sealed interface NoiseDistribution {

  /** Fills {@code out} with independent draws. */
  void draw(UniformRandomProvider rng, double[] out);

  /** The standard deviation of the noise. */
  double standardDeviation();

  /** A short description for reports, e.g. {@code Gaussian(sd 0.98)}. */
  String describe();

  /**
   * Gaussian noise with mean zero.
   *
   * @param sd the standard deviation, finite and at least 0 (0 makes the node deterministic)
   */
  record Gaussian(double sd) implements NoiseDistribution {
    public Gaussian {
      if (!(sd >= 0) || !Double.isFinite(sd)) {
        throw new IllegalArgumentException("a noise standard deviation must be finite and >= 0: "
            + sd);
      }
    }

    @Override
    public void draw(UniformRandomProvider rng, double[] out) {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int i = 0; i < out.length; i++) {
        out[i] = sd * g.sample();
      }
    }

    @Override
    public double standardDeviation() {
      return sd;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "Gaussian noise (sd %.4g)", sd);
    }
  }

  /**
   * The empirical distribution of residuals: each draw is one of them, uniformly at random. The
   * residuals are copied.
   */
  final class Empirical implements NoiseDistribution {
    private final double[] residuals;
    private final double sd;

    public Empirical(double[] residuals) {
      if (residuals.length == 0) {
        throw new IllegalArgumentException("an empirical noise distribution needs residuals");
      }
      this.residuals = residuals.clone();
      double mean = 0;
      for (double r : residuals) {
        if (!Double.isFinite(r)) {
          throw new IllegalArgumentException("a residual is not finite: " + r);
        }
        mean += r;
      }
      mean /= residuals.length;
      double ss = 0;
      for (double r : residuals) {
        ss += (r - mean) * (r - mean);
      }
      this.sd = Math.sqrt(ss / residuals.length);
    }

    /** A copy of the residuals. */
    public double[] residuals() {
      return residuals.clone();
    }

    @Override
    public void draw(UniformRandomProvider rng, double[] out) {
      int n = residuals.length;
      for (int i = 0; i < out.length; i++) {
        out[i] = residuals[rng.nextInt(n)];
      }
    }

    @Override
    public double standardDeviation() {
      return sd;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "empirical noise (%d residuals, sd %.4g)",
          residuals.length, sd);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Empirical e && Arrays.equals(residuals, e.residuals);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(residuals);
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
