package dev.causal4j.independence;

import dev.causal4j.stats.ContingencyTables;

/**
 * Pearson's χ² test of conditional independence for categorical data: {@code X² = Σ (O − E)² /
 * E} over the cells of the x-by-y table in every stratum of z, referred to a χ² distribution
 * (Pearson 1900; Spirtes, Glymour &amp; Scheines 2000).
 *
 * <p><b>Assumptions.</b> As for {@link GSquareTest}: independent multinomial rows, an asymptotic
 * reference distribution (approximate for sparse tables), degrees of freedom reduced for empty
 * rows and columns per stratum, test-wise deletion of rows with missing codes.
 *
 * <p>Thread-safe (per-thread counting buffers).
 */
public final class ChiSquareTest extends ContingencyTest {

  public ChiSquareTest(ContingencyTables tables) {
    super(tables);
  }

  @Override
  double cell(int observed, double expected) {
    double d = observed - expected;
    return d * d / expected;
  }
}
