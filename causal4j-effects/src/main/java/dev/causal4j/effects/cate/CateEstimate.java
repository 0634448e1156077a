package dev.causal4j.effects.cate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conditional average treatment effects per unit, from the learner {@link CateEstimator} chose,
 * with the held-out losses of every learner it considered.
 *
 * @param learner the learner whose predictions these are
 * @param reason why this learner (lowest held-out loss, or the user's choice), in one sentence
 * @param cate the effect predicted for each unit (calibrated when {@code calibration} says so), in
 *     the order of {@code rows}
 * @param rows the row of the input data each unit is (rows with a missing value were left out)
 * @param covariates the covariate columns the effect varies over (indicators named {@code
 *     column=level})
 * @param aipwAte the cross-fitted AIPW estimate of the ATE from the scoring nuisances, for
 *     comparison with the CATE model's
 * @param aipwStandardError its influence-function standard error
 * @param candidates every learner scored, the chosen one included, in the order tried
 * @param settings the settings used
 * @param warnings plain-word warnings (propensities clipped, ...)
 */
public record CateEstimate(
    MetaLearner learner,
    String reason,
    double[] cate,
    int[] rows,
    List<String> covariates,
    double aipwAte,
    double aipwStandardError,
    List<Candidate> candidates,
    CateSettings settings,
    List<String> warnings) {

  public CateEstimate {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(settings, "settings");
    cate = cate.clone();
    rows = rows.clone();
    covariates = List.copyOf(covariates);
    candidates = List.copyOf(candidates);
    warnings = List.copyOf(warnings);
    if (rows.length != cate.length) {
      throw new IllegalArgumentException(rows.length + " rows for " + cate.length + " effects");
    }
  }

  /** The per-unit effects (copied). */
  @Override
  public double[] cate() {
    return cate.clone();
  }

  /** The input rows (copied). */
  @Override
  public int[] rows() {
    return rows.clone();
  }

  /** Number of units. */
  public int n() {
    return cate.length;
  }

  /** The ATE the CATE model implies: the mean of the per-unit effects. */
  public double ate() {
    double s = 0;
    for (double v : cate) {
      s += v;
    }
    return s / cate.length;
  }

  /** The {@code p}-quantile of the per-unit effects (linear interpolation between order stats). */
  public double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a quantile's level must be in [0, 1], not " + p);
    }
    double[] s = cate.clone();
    Arrays.sort(s);
    double h = p * (s.length - 1);
    int lo = (int) Math.floor(h);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  /** The chosen learner's candidate entry. */
  public Candidate chosen() {
    return candidates.stream().filter(c -> c.learner() == learner).findFirst().orElseThrow();
  }

  /** True if the reported effects are calibrated. */
  public boolean calibrated() {
    return chosen().calibrated().isPresent();
  }

  /**
   * One learner as scored: its description, held-out losses, and its predictions from the model
   * fitted on every unit (and calibrated, when asked).
   *
   * @param learner the meta-learner
   * @param details its base learners and settings
   * @param drLoss held-out DR-loss of its out-of-fold predictions
   * @param rLoss held-out R-loss of its out-of-fold predictions
   * @param cate its per-unit predictions, fitted on all units
   * @param calibrated its calibrated per-unit predictions, when calibration was asked for
   * @param calibrationSteps constant pieces of the calibration map (0 without calibration)
   */
  public record Candidate(
      MetaLearner learner,
      String details,
      HeldOutLoss drLoss,
      HeldOutLoss rLoss,
      double[] cate,
      Optional<double[]> calibrated,
      int calibrationSteps) {

    public Candidate {
      cate = cate.clone();
      calibrated = calibrated.map(double[]::clone);
    }

    @Override
    public double[] cate() {
      return cate.clone();
    }

    @Override
    public Optional<double[]> calibrated() {
      return calibrated.map(double[]::clone);
    }

    /** The loss {@code l} measures. */
    public HeldOutLoss loss(CateSettings.SelectionLoss l) {
      return l == CateSettings.SelectionLoss.DR ? drLoss : rLoss;
    }

    /** The ATE of the reported predictions (calibrated when present). */
    public double ate() {
      double[] v = calibrated.orElse(cate);
      double s = 0;
      for (double x : v) {
        s += x;
      }
      return s / v.length;
    }
  }
}
