package dev.causal4j.independence;

import dev.causal4j.data.Dataset;

/**
 * RCoT, the randomized conditional correlation test (Strobl, Zhang &amp; Visweswaran 2019): x's
 * and y's random Fourier features, each regressed on z's, tested for zero partial
 * cross-covariance. The faster and, in the paper's experiments, the better calibrated of the two
 * approximations of KCI; its cost is linear in n. Method, approximation and assumptions: see
 * {@code RandomFourierTest}'s description, repeated here in short: standardised inputs,
 * median-distance bandwidths, Hall–Buckley–Eagleson null approximation, per-question seeding,
 * test-wise deletion.
 *
 * <p>Defaults as in the authors' package: 5 features for x and y, 100 for z. Thread-safe.
 */
public final class RcotTest extends RandomFourierTest {
  public static final int DEFAULT_FEATURES_XY = 5;
  public static final int DEFAULT_FEATURES_Z = 100;

  /** RCoT with the default feature counts. */
  public RcotTest(Dataset data, long seed) {
    this(data, seed, DEFAULT_FEATURES_XY, DEFAULT_FEATURES_Z);
  }

  /**
   * @param featuresXy random features for x and for y
   * @param featuresZ random features for z
   */
  public RcotTest(Dataset data, long seed, int featuresXy, int featuresZ) {
    super(data, seed, featuresXy, featuresZ, false, "RCoT");
  }
}
