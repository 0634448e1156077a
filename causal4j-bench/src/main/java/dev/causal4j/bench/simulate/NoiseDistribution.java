package dev.causal4j.bench.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The shape of the noise terms, each scaled to mean 0 and variance 1 (and then to the node's noise
 * standard deviation).
 */
public enum NoiseDistribution {
  /** Standard normal. */
  GAUSSIAN,
  /** Uniform on [−√3, √3]: symmetric, light-tailed. */
  UNIFORM,
  /** Laplace with scale 1/√2: symmetric, heavy-tailed. */
  LAPLACE,
  /** Exponential(1) − 1: skewed. */
  EXPONENTIAL;

  private static final double SQRT3 = Math.sqrt(3);
  private static final double INV_SQRT2 = 1 / Math.sqrt(2);

  /** A sampler of this distribution on {@code rng}. */
  Sampler sampler(UniformRandomProvider rng) {
    return switch (this) {
      case GAUSSIAN -> {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        yield g::sample;
      }
      case UNIFORM -> () -> (2 * rng.nextDouble() - 1) * SQRT3;
      case LAPLACE -> {
        ZigguratSampler.Exponential e = ZigguratSampler.Exponential.of(rng);
        yield () -> (rng.nextBoolean() ? 1 : -1) * e.sample() * INV_SQRT2;
      }
      case EXPONENTIAL -> {
        ZigguratSampler.Exponential e = ZigguratSampler.Exponential.of(rng);
        yield () -> e.sample() - 1;
      }
    };
  }

  /** Draws standardized noise. */
  @FunctionalInterface
  interface Sampler {
    double sample();
  }
}
