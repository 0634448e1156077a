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
     * For a score's penalty: each candidate penalty's graph (a DAG in its class) is scored on all
     * the data by the extended BIC of Chen &amp; Chen (2008), the classical BIC (penalty 1) less
     * 2γ·log C(p − 1, k) for each node with k parents, with γ = {@link #EBIC_GAMMA}; the best
     * wins. The extra term charges for the number of parent sets of each size a node could have,
     * which the BIC ignores and which makes it add weak false edges.
     */
    EXTENDED_BIC,
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

    /** The extended BIC's γ: 1, Chen &amp; Chen's choice when nothing is known of how p grows. */
    public static final double EBIC_GAMMA = 1.0;

    /** StARS' β. */
    public static final double INSTABILITY_BOUND = 0.05;
  }

  static Tuning alphaByInformationCriterion() {
    return new Tuning(Criterion.INFORMATION_CRITERION, "alpha", List.of(0.001, 0.01, 0.05));
  }

  static Tuning penaltyByExtendedBic() {
    return new Tuning(Criterion.EXTENDED_BIC, "penalty", List.of(1.0, 2.0, 4.0));
  }

  /** True for the criteria that try several candidates. */
  public boolean tunes() {
    return criterion == Criterion.INFORMATION_CRITERION || criterion == Criterion.EXTENDED_BIC
        || criterion == Criterion.STABILITY;
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
      case INFORMATION_CRITERION, EXTENDED_BIC -> candidates.size();
      case STABILITY -> candidates.size() * stabilitySubsamples;
      case INTERNAL, FIXED -> 0;
    };
  }
}
