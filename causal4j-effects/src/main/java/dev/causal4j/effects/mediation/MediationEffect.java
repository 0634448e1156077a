package dev.causal4j.effects.mediation;

import java.util.Locale;

/**
 * One effect with its standard error and 95% interval.
 *
 * @param lower the 95% interval's lower end
 * @param upper its upper end
 */
public record MediationEffect(double estimate, double standardError, double lower,
    double upper) {

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g (SE %.3g, 95%% CI [%.4g, %.4g])", estimate,
        standardError, lower, upper);
  }
}
