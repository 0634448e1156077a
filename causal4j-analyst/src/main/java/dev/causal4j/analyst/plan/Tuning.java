package dev.causal4j.analyst.plan;

import java.util.List;

/**
 * How a search's one free setting (α of a test, the penalty discount of a score) is chosen.
 *
 * @param criterion what decides
 * @param parameter {@code alpha}, {@code penalty} or {@code none}
 * @param candidates the values tried (one value when fixed)
 */
public record Tuning(Criterion criterion, String parameter, List<Double> candidates) {
  public Tuning {
    candidates = List.copyOf(candidates);
  }

  /** What decides the setting. */
  public enum Criterion {
    /**
     * Each candidate's graph (a DAG in its class) is scored by the BIC (BDeu for categorical
     * data, the conditional-Gaussian BIC for mixed data) on all the data; the best wins.
     */
    INFORMATION_CRITERION,
    /**
     * Stability selection in the manner of StARS (Liu, Roeder &amp; Wasserman 2010): each
     * candidate is run on subsamples of half the rows; the smallest penalty whose mean edge
     * instability 2θ(1−θ) stays below {@link #INSTABILITY_BOUND} wins.
     */
    STABILITY,
    /** The search tunes itself (DirectLiNGAM's adaptive lasso picks its penalty by BIC). */
    INTERNAL,
    /** Not tuned: the one value given, for the reason the rule states. */
    FIXED;

    /** StARS' β. */
    public static final double INSTABILITY_BOUND = 0.05;
  }

  static Tuning alphaByInformationCriterion() {
    return new Tuning(Criterion.INFORMATION_CRITERION, "alpha", List.of(0.001, 0.01, 0.05));
  }

  static Tuning penaltyByStability() {
    return new Tuning(Criterion.STABILITY, "penalty", List.of(1.0, 2.0, 4.0));
  }

  static Tuning internal() {
    return new Tuning(Criterion.INTERNAL, "none", List.of());
  }

  static Tuning fixedAlpha(double alpha) {
    return new Tuning(Criterion.FIXED, "alpha", List.of(alpha));
  }

  /** The number of extra searches tuning costs (subsample runs count one each). */
  public int searches(int stabilitySubsamples) {
    return switch (criterion) {
      case INFORMATION_CRITERION -> candidates.size();
      case STABILITY -> candidates.size() * stabilitySubsamples;
      case INTERNAL, FIXED -> 0;
    };
  }
}
