package dev.causal4j.effects.estimate;

/**
 * Heteroskedasticity-consistent ("sandwich") covariance estimators for least squares (White 1980;
 * MacKinnon &amp; White 1985), which weight each squared residual {@code e_i²} differently.
 */
public enum RobustCovariance {
  /** {@code e_i²}: White's original estimator. */
  HC0,
  /** {@code e_i² · n / (n − k)}: a degrees-of-freedom correction (Stata's {@code robust}). */
  HC1,
  /**
   * {@code e_i² / (1 − h_i)}, with {@code h_i} the leverage: unbiased under homoskedasticity, and
   * for a difference in means exactly Neyman's variance {@code s₁²/n₁ + s₀²/n₀} (Imbens &amp;
   * Kolesár 2016 recommend it for that reason). The default here.
   */
  HC2,
  /** {@code e_i² / (1 − h_i)²}: close to the jackknife, conservative in small samples. */
  HC3
}
