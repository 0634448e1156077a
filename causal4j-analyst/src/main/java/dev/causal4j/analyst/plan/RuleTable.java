package dev.causal4j.analyst.plan;

import dev.causal4j.analyst.profile.DataKind;
import java.util.List;
import java.util.Optional;

/**
 * The analyst's rules, in order: the first row whose condition holds is chosen. Each row reads
 * the profile (and the request), and names the algorithm, its test or score, how it is tuned, why,
 * and what to fall back to when the time budget cannot afford it. The table is versioned: a change
 * of any row or threshold changes {@link #VERSION}, which every plan and report carries.
 */
public final class RuleTable {
  /** The table's version, written into every plan. */
  public static final String VERSION = "analyst-rules/2";

  /** Share of sampled pairs that must be nonlinear for a nonparametric test. */
  public static final double NONLINEAR_SHARE = 0.3;
  /** Share of residuals that must be non-Gaussian for LiNGAM. */
  public static final double NON_GAUSSIAN_SHARE = 0.5;
  /** Variables from which p counts as large. */
  public static final int LARGE_P = 50;
  /** Rows above which a kernel-feature test costs too much per test; larger data use a line. */
  public static final int RCIT_MAX_ROWS = 5000;

  static final Condition HIDDEN = new Condition("hidden confounding is {hidden}",
      PlanInput::hiddenConfounding);
  static final Condition DISCRETE = kind(DataKind.DISCRETE, "every variable is categorical");
  static final Condition MIXED = kind(DataKind.MIXED, "the variables mix continuous and"
      + " categorical");
  static final Condition CONTINUOUS = kind(DataKind.CONTINUOUS, "every variable is continuous");
  static final Condition NONLINEAR = new Condition("at least " + pct(NONLINEAR_SHARE)
      + " of sampled pairs are nonlinear", in -> share(in.profile().signals().nonlinearPairs())
          >= NONLINEAR_SHARE);
  static final Condition AFFORDABLE_KERNEL = new Condition("n ≤ " + RCIT_MAX_ROWS,
      in -> in.profile().rows() <= RCIT_MAX_ROWS);
  static final Condition NON_GAUSSIAN = new Condition("at least " + pct(NON_GAUSSIAN_SHARE)
      + " of regression residuals are non-Gaussian",
      in -> share(in.profile().signals().nonGaussianResiduals()) >= NON_GAUSSIAN_SHARE);
  static final Condition LARGE = new Condition("p ≥ " + LARGE_P,
      in -> in.profile().variables() >= LARGE_P);

  /**
   * The rows, in the order they are tried. A row whose condition repeats an earlier one's
   * ({@code hidden-continuous-fci}, {@code large-p-fges}) is reached only as that row's downgrade.
   */
  public static final List<Rule> ROWS = List.of(
      new Rule("hidden-discrete", HIDDEN.and(DISCRETE), Algorithm.FCI, Statistic.G_SQUARE,
          Tuning.alphaByInformationCriterion(), "Hidden confounding is {hidden}: FCI with the G²"
              + " test returns a PAG, which allows for hidden common causes instead of"
              + " mistaking them for edges.", "discrete"),
      new Rule("hidden-mixed", HIDDEN.and(MIXED), Algorithm.FCI, Statistic.CONDITIONAL_GAUSSIAN,
          Tuning.alphaByInformationCriterion(), "Hidden confounding is {hidden}: FCI with the"
              + " conditional-Gaussian test (mixed types) returns a PAG, which allows for hidden"
              + " common causes.", "mixed"),
      new Rule("hidden-continuous", HIDDEN.and(CONTINUOUS), Algorithm.GFCI, Statistic.FISHER_Z,
          Tuning.alphaByInformationCriterion(), "Hidden confounding is {hidden}: GFCI (FGES with"
              + " the BIC for the skeleton's start, then FCI's rules with the Fisher Z test)"
              + " returns a PAG, which allows for hidden common causes. Measured on simulated"
              + " linear-Gaussian data with 4 of 24 nodes hidden (bench analyst, scenario"
              + " 'hidden'), GFCI's PAG matched the true one better than FCI's (strict F1 0.65 vs"
              + " 0.48 at α = 0.01, 5 seeds) at the same cost. α is chosen as for FCI, by the"
              + " BIC of PC-Stable's graphs.", "hidden-continuous-fci"),
      new Rule("hidden-continuous-fci", HIDDEN.and(CONTINUOUS), Algorithm.FCI,
          Statistic.FISHER_Z, Tuning.alphaByInformationCriterion(), "Hidden confounding is"
              + " {hidden}: FCI with the Fisher Z test returns a PAG, which allows for hidden"
              + " common causes; it needs no score, so it is cheaper than GFCI.",
          "linear-gaussian-pc"),
      new Rule("discrete", DISCRETE, Algorithm.PC_STABLE, Statistic.G_SQUARE,
          Tuning.alphaByInformationCriterion(), "All {p} variables are categorical: PC-Stable"
              + " with the G² test, its α chosen by the BDeu score of the graphs it gives.",
          null),
      new Rule("mixed", MIXED, Algorithm.PC_STABLE, Statistic.CONDITIONAL_GAUSSIAN,
          Tuning.alphaByInformationCriterion(), "The variables mix continuous and categorical"
              + " types: PC-Stable with the conditional-Gaussian test (Andrews et al. 2018), its"
              + " α chosen by the conditional-Gaussian BIC.", null),
      new Rule("nonlinear", CONTINUOUS.and(NONLINEAR).and(AFFORDABLE_KERNEL), Algorithm.PC_STABLE,
          Statistic.RCIT, Tuning.fixedAlpha(0.01), "{nonlinear} of the sampled pairs are"
              + " nonlinear: a test that assumes straight lines would miss those dependences,"
              + " so PC-Stable runs with RCIT, a kernel (random Fourier feature) test. α is fixed"
              + " at 0.01: a nonparametric test has no likelihood to score candidates with.",
          "linear-gaussian"),
      new Rule("non-gaussian", CONTINUOUS.and(NON_GAUSSIAN).and(LARGE.not()),
          Algorithm.DIRECTLINGAM, Statistic.NONE, Tuning.internal(), "{nonGaussian} of the"
              + " regression residuals are non-Gaussian and relations look mostly linear"
              + " ({nonlinear} nonlinear): DirectLiNGAM uses the non-Gaussian noise to orient"
              + " every edge, where Gaussian methods leave some undirected. Weak edges are pruned"
              + " by the adaptive lasso, its penalty chosen by BIC.", "linear-gaussian"),
      new Rule("large-p", CONTINUOUS.and(LARGE), Algorithm.BOSS, Statistic.BIC,
          new Tuning(Tuning.Criterion.FIXED, "penalty", List.of(2.0)), "{p} variables is many:"
              + " BOSS with the linear-Gaussian BIC scales to thousands of variables and runs in"
              + " parallel. The penalty is fixed at 2, stricter than the BIC's 1, which adds false"
              + " edges when p is large; a stability search over penalties would multiply the"
              + " cost.", "large-p-fges"),
      new Rule("large-p-fges", CONTINUOUS.and(LARGE), Algorithm.FGES, Statistic.BIC,
          new Tuning(Tuning.Criterion.FIXED, "penalty", List.of(2.0)), "{p} variables is many"
              + " and BOSS does not fit the time budget: FGES with the linear-Gaussian BIC"
              + " (penalty 2, as for BOSS). Measured on simulated linear-Gaussian data of n ="
              + " 2,000 and average degree 3 (one thread), FGES took 0.2 s at p = 100 and 1.0 s"
              + " at p = 500 where BOSS took 0.5 s and 10 s, at a lower strict F1 (0.88 vs 0.99"
              + " at p = 100, 0.94 vs 0.98 at p = 500): BOSS first, FGES when BOSS is too slow,"
              + " both ahead of PC-Stable (0.78 at p = 500).", "linear-gaussian-pc"),
      new Rule("linear-gaussian", CONTINUOUS, Algorithm.BOSS, Statistic.BIC,
          Tuning.penaltyByStability(), "The data look linear ({nonlinear} of pairs nonlinear)"
              + " and Gaussian enough ({nonGaussian} of residuals non-Gaussian): BOSS with the"
              + " linear-Gaussian BIC, among the most accurate searches for this case (Andrews et"
              + " al. 2023). Its penalty is chosen by stability on subsamples.",
          "linear-gaussian-pc"),
      new Rule("linear-gaussian-pc", CONTINUOUS, Algorithm.PC_STABLE, Statistic.FISHER_Z,
          Tuning.alphaByInformationCriterion(), "PC-Stable with the Fisher Z test: the cheapest"
              + " search for continuous data, its α chosen by the BIC of the graphs it gives.",
          null));

  private RuleTable() {}

  /** The row with this id. */
  public static Optional<Rule> byId(String id) {
    return ROWS.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The first row whose condition holds. */
  public static Rule first(PlanInput in) {
    return ROWS.stream().filter(r -> r.condition().holds(in)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no rule matches; the table must end with"
            + " a row for every data kind"));
  }

  private static Condition kind(DataKind k, String description) {
    return new Condition(description, in -> in.profile().kind() == k);
  }

  private static double share(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String pct(double v) {
    return Math.round(100 * v) + "%";
  }
}
