package dev.causal4j.independence;

import dev.causal4j.data.Dataset;

/**
 * RCIT, the randomized conditional independence test (Strobl, Zhang &amp; Visweswaran 2019): as
 * {@link RcotTest}, but y's features are drawn on (y, z) together, mirroring KCI's augmentation of
 * one side by the conditioning set. Method, approximation and assumptions: see {@code
 * RandomFourierTest}'s description (standardised inputs, median-distance bandwidths,
 * Hall–Buckley–Eagleson null approximation, per-question seeding, test-wise deletion).
 *
 * <p>Defaults as in the authors' package: 5 features for x and for (y, z), 100 for z.
 * Thread-safe.
 */
public final class RcitTest extends RandomFourierTest {
  public static final int DEFAULT_FEATURES_XY = 5;
  public static final int DEFAULT_FEATURES_Z = 100;

  /** RCIT with the default feature counts. */
  public RcitTest(Dataset data, long seed) {
    this(data, seed, DEFAULT_FEATURES_XY, DEFAULT_FEATURES_Z);
  }

  /**
   * @param featuresXy random features for x and for (y, z)
   * @param featuresZ random features for z
   */
  public RcitTest(Dataset data, long seed, int featuresXy, int featuresZ) {
    super(data, seed, featuresXy, featuresZ, true, "RCIT");
  }
}
