package dev.causal4j.independence;

import dev.causal4j.stats.ContingencyTables;

/**
 * The G² (likelihood-ratio, or mutual-information) test of conditional independence for
 * categorical data: {@code G² = 2 Σ O ln(O / E)} over the cells of the x-by-y table in every
 * stratum of z, referred to a χ² distribution (Bishop, Fienberg &amp; Holland 1975; Spirtes,
 * Glymour &amp; Scheines 2000).
 *
 * <p><b>Assumptions.</b> Rows are independent draws from one multinomial distribution; the χ²
 * reference is asymptotic, so sparse tables (many cells with expected counts below ~5, as with
 * large conditioning sets) make the p-value approximate. Degrees of freedom are reduced for empty
 * rows and columns in each stratum (see {@link ContingencyTest}). Rows with a missing code in x,
 * y or z are left out of that test (test-wise deletion).
 *
 * <p>Thread-safe (per-thread counting buffers).
 */
public final class GSquareTest extends ContingencyTest {

  public GSquareTest(ContingencyTables tables) {
    super(tables);
  }

  @Override
  double cell(int observed, double expected) {
    return observed == 0 ? 0 : 2 * observed * Math.log(observed / expected);
  }
}
