package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Assembles {@link EffectEstimate}s with the fields every estimator fills the same way. */
final class Results {
  private Results() {}

  static EffectEstimate of(EffectData d, Method method, Estimand estimand, double estimate,
      double se, ConfidenceInterval interval, String details, Diagnostics diagnostics,
      List<String> extraAssumptions) {
    if (!Double.isFinite(estimate)) {
      throw new InvalidInputException(method.label() + " gave no finite estimate of the effect"
          + " of '" + d.problem().treatment() + "' on '" + d.problem().outcome() + "'; check"
          + " the data for overlap and for constant or collinear columns");
    }
    EstimationProblem p = d.problem();
    List<String> assumptions = new ArrayList<>(p.assumptions());
    assumptions.addAll(extraAssumptions);
    return new EffectEstimate(p.treatment(), p.outcome(), estimand, method, estimate, se,
        interval, d.rows(), p.covariates(), p.instruments(), p.mediators(), details, diagnostics,
        assumptions);
  }

  /** Refuses ATT and ATC for a continuous treatment, where only a unit-increase effect exists. */
  static void requireAteForContinuous(EffectData d, Estimand e, Method m) {
    if (!d.isBinaryTreatment() && e != Estimand.ATE) {
      throw new InvalidInputException("the " + e.label().toUpperCase(java.util.Locale.ROOT)
          + " needs a binary treatment; '" + d.problem().treatment() + "' is continuous, so "
          + m.label() + " estimates the effect of a unit increase: use --estimand ate");
    }
  }

  /** Refuses estimands other than the ATE for methods that estimate only a constant effect. */
  static void requireAte(Estimand e, Method m, String why) {
    if (e != Estimand.ATE) {
      throw new InvalidInputException(m.label() + " estimates one constant effect (" + why
          + "), not the " + e.label().toUpperCase(java.util.Locale.ROOT)
          + "; use --estimand ate, or a method that targets it (aipw, tmle, matching, ipw)");
    }
  }

  /** Mean of {@code v}. */
  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** {@code sqrt(mean(ψ²) / n)} for an influence function {@code ψ} with mean zero. */
  static double influenceSe(double[] psi) {
    double s = 0;
    for (double x : psi) {
      s += x * x;
    }
    int n = psi.length;
    return Math.sqrt(s / n / n);
  }
}
