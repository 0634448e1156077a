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
  public static final String VERSION = "analyst-rules/4";

  /** Share of sampled pairs that must be nonlinear for a nonparametric test. */
  public static final double NONLINEAR_SHARE = 0.3;
  /**
   * Share of regression residuals that must be non-Gaussian for LiNGAM. LiNGAM's guarantee needs
   * every noise term but one non-Gaussian, so a bare majority is too lenient: nonlinear data with
   * Gaussian noise leave a misfit that makes some linear residuals look non-Gaussian (30-50% of
   * them in bench analyst's 'nonlinear' scenario, seeds 100-111, where DirectLiNGAM then scored
   * strict F1 0.2), while linear data with uniform noise gave 80-100% ('non-gaussian', same
   * seeds).
   */
  public static final double NON_GAUSSIAN_SHARE = 0.75;
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
   * ({@code hidden-continuous-fci}, {@code mixed-pc}, {@code large-p-fges}) is reached only as
   * that row's downgrade; {@code missing-pc}, last, is reached only when the planner finds that
   * missing values need test-wise deletion.
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
      new Rule("mixed", MIXED, Algorithm.BOSS, Statistic.CONDITIONAL_GAUSSIAN_BIC,
          new Tuning(Tuning.Criterion.FIXED, "penalty", List.of(2.0)), "The variables mix"
              + " continuous and categorical types: BOSS with the conditional-Gaussian BIC"
              + " (Andrews et al. 2018), penalty 2. Measured on simulated conditional-Gaussian"
              + " data (bench analyst 'discrete-mixed', p = 10, n = 2,000, seeds 100-111), its"
              + " CPDAG matched the true one better (strict F1 0.91) than at penalty 1 (0.83) or 4"
              + " (0.81), than FGES (0.85) and than PC-Stable with the conditional-Gaussian test"
              + " at any α (0.76-0.81, and 0.83 with α tuned by the same score).", "mixed-pc"),
      new Rule("mixed-pc", MIXED, Algorithm.PC_STABLE, Statistic.CONDITIONAL_GAUSSIAN,
          Tuning.alphaByInformationCriterion(), "The variables mix continuous and categorical"
              + " types: PC-Stable with the conditional-Gaussian test (Andrews et al. 2018), its"
              + " α chosen by the conditional-Gaussian BIC; cheaper than BOSS.", null),
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
          Tuning.penaltyByExtendedBic(), "The data look linear ({nonlinear} of pairs nonlinear)"
              + " and Gaussian enough ({nonGaussian} of residuals non-Gaussian): BOSS with the"
              + " linear-Gaussian BIC, among the most accurate searches for this case (Andrews et"
              + " al. 2023). Its penalty (1, 2 or 4) is the one whose graph has the best extended"
              + " BIC (Chen & Chen 2008, γ = 1). Measured on bench analyst's p = 10 scenarios"
              + " (seeds 100-111, strict F1), the graphs it chose scored p10 0.95, sparse 0.96, dense"
              + " 0.88, heterogeneous 0.87 and nonlinear 0.54, where BOSS at penalty 1 (which"
              + " stability selection, StARS, chose on most seeds) scored 0.95, 0.93, 0.88, 0.65"
              + " and 0.52: the plain BIC keeps weak false edges, and so does StARS, since they"
              + " are stable across subsamples. γ = 0.5 scored the same within 0.01.",
          "linear-gaussian-pc"),
      new Rule("linear-gaussian-pc", CONTINUOUS, Algorithm.PC_STABLE, Statistic.FISHER_Z,
          Tuning.alphaByInformationCriterion(), "PC-Stable with the Fisher Z test: the cheapest"
              + " search for continuous data, its α chosen by the BIC of the graphs it gives.",
          null),
      new Rule("missing-pc", CONTINUOUS, Algorithm.PC_STABLE, Statistic.FISHER_Z,
          Tuning.fixedAlpha(0.01), "Too many rows have a missing value to drop them: PC-Stable"
              + " with Fisher Z tests, each on the rows complete in its own variables (test-wise"
              + " deletion), α fixed at 0.01. A score over covariances from different rows is"
              + " not the likelihood of any one data set, neither for a score-based search (BOSS"
              + " and FGES scored strict F1 0.04-0.08 on bench analyst's 'missing' scenario) nor"
              + " for choosing α: tuned by that BIC, PC-Stable scored 0.82, at α = 0.01 0.88"
              + " (seeds 100-111).", null));

  /** Largest lag the time-series path searches, whatever the partial autocorrelations say. */
  public static final int MAX_LAG_CAP = 5;
  /** Significance level of PCMCI+'s tests. */
  public static final double TIME_SERIES_ALPHA = 0.01;

  /**
   * The time-series rows, tried in order when the profile finds the rows ordered in time (a
   * declared --time column, or a strong lag-1 autocorrelation in at least half the variables).
   * They replace the rows above: methods for independent rows would read autocorrelation as
   * dependence between rows and miss every lagged effect.
   */
  public static final List<TimeSeriesRule> TIME_SERIES = List.of(
      new TimeSeriesRule("time-series-nonlinear", CONTINUOUS.and(NONLINEAR).and(AFFORDABLE_KERNEL),
          Statistic.RCIT, "The rows are a time series and {nonlinear} of the sampled pairs are"
              + " nonlinear: PCMCI+ (Runge 2020) with RCIT, a kernel test, finds lagged and"
              + " contemporaneous links where a partial correlation would miss curved ones."),
      new TimeSeriesRule("time-series", CONTINUOUS, Statistic.FISHER_Z, "The rows are a time"
          + " series: PCMCI+ (Runge 2020) with partial correlation (ParCorr) finds lagged links"
          + " X(t−τ) → Y(t) and contemporaneous ones, conditioning on each variable's own past"
          + " so that autocorrelation is not mistaken for cause."));

  private RuleTable() {}

  /** The first time-series row that holds, if any (none for categorical or mixed data). */
  public static Optional<TimeSeriesRule> firstTimeSeries(PlanInput in) {
    return TIME_SERIES.stream().filter(r -> r.condition().holds(in)).findFirst();
  }

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
