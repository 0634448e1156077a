package dev.causal4j.effects.cate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EstimationProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Estimates conditional average treatment effects with one meta-learner, or picks one of several
 * by a held-out loss, and calibrates the result.
 *
 * <ol>
 *   <li>Split the units into {@code K} folds (stratified by treatment, seeded). Cross-fit the
 *       scoring nuisances over them ({@link CateScorer}).
 *   <li>For each candidate learner and fold {@code k}, fit the learner on the other folds (it
 *       cross-fits its own nuisances inside them, if it has any) and predict every unit: the
 *       predictions on fold {@code k} are out-of-fold and are scored by the DR- and R-loss; all of
 *       them feed the calibration.
 *   <li>With several candidates, choose the lowest held-out loss ({@link
 *       CateSettings#selectionLoss()}).
 *   <li>Fit each candidate on every unit for its reported predictions; with {@link
 *       CateSettings.Calibration#ISOTONIC}, report instead the causal isotonic cross-calibrated
 *       predictions ({@link CausalIsotonicCalibration}), which come from the fold models.
 * </ol>
 *
 * <p>A learner is fitted {@code K + 1} times; the DR- and R-learners cross-fit inside each fit.
 *
 * @param candidates the learners to consider, at least one, no repeats
 * @param settings base learners, folds, seed, selection loss, calibration
 */
public record CateEstimator(List<MetaLearner> candidates, CateSettings settings) {

  public CateEstimator {
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(settings, "settings");
    if (candidates.isEmpty()) {
      throw new InvalidInputException("name at least one CATE learner");
    }
    if (candidates.stream().distinct().count() != candidates.size()) {
      throw new InvalidInputException("a CATE learner is named twice: " + candidates);
    }
  }

  /** One learner, scored but not compared. */
  public static CateEstimator of(MetaLearner learner, CateSettings settings) {
    return new CateEstimator(List.of(learner), settings);
  }

  /** Every meta-learner, the lowest held-out loss chosen. */
  public static CateEstimator auto(CateSettings settings) {
    return new CateEstimator(List.of(MetaLearner.values()), settings);
  }

  /**
   * Estimates the CATE of the problem's binary treatment over its covariates.
   *
   * @throws InvalidInputException for a non-binary treatment, no covariates, no overlap, or too
   *     few units per arm for the folds
   */
  public CateEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    CateSample s = CateSample.of(d);
    List<String> warnings = new ArrayList<>();
    if (d.droppedForMissing() > 0) {
      warnings.add(d.droppedForMissing() + " row(s) with a missing value in a used column were"
          + " left out.");
    }
    return estimate(s, d.rowsUsed(), d.covariateNames(), problem.treatment(), warnings);
  }

  /** Estimates the CATE on a sample whose rows are the units themselves. */
  public CateEstimate estimate(CateSample s) {
    int[] rows = new int[s.rows()];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    for (int j = 0; j < s.x().cols(); j++) {
      names.add("x" + (j + 1));
    }
    return estimate(s, rows, names, "treatment", new ArrayList<>());
  }

  private CateEstimate estimate(CateSample s, int[] rows, List<String> names, String treatment,
      List<String> warnings) {
    int k = settings.folds();
    int[] fold = CrossFittedNuisances.folds(s, k, settings.seed());
    CateScorer scorer = CateScorer.fit(s, settings.nuisances(), fold, settings.clip(),
        treatment);
    if (scorer.clipped() > 0) {
      warnings.add(scorer.clipped() + " propensity score(s) were clipped to ["
          + settings.clip() + ", " + (1 - settings.clip()) + "] for the scores and the"
          + " calibration.");
    }
    double[] phi = scorer.pseudoOutcomes();
    List<CateEstimate.Candidate> scored = new ArrayList<>();
    List<double[]> outOfFolds = new ArrayList<>();
    for (MetaLearner m : candidates) {
      CateLearner learner = m.learner(settings);
      double[][] foldPredictions = new double[k][];
      double[] outOfFold = new double[s.rows()];
      for (int f = 0; f < k; f++) {
        int[] train = rows(fold, f, false);
        double[] pred = learner.fit(s.rows(train)).predict(s.x());
        checkFinite(pred, m);
        foldPredictions[f] = pred;
        for (int i = 0; i < pred.length; i++) {
          if (fold[i] == f) {
            outOfFold[i] = pred[i];
          }
        }
      }
      outOfFolds.add(outOfFold);
      double[] full = learner.fit(s).predict(s.x());
      checkFinite(full, m);
      Optional<double[]> calibrated = Optional.empty();
      int steps = 0;
      if (settings.calibration() == CateSettings.Calibration.ISOTONIC) {
        CausalIsotonicCalibration c = CausalIsotonicCalibration.fit(outOfFold, phi);
        calibrated = Optional.of(c.calibrate(foldPredictions));
        steps = c.map().steps();
      }
      scored.add(new CateEstimate.Candidate(m, learner.describe(), scorer.drLoss(outOfFold),
          scorer.rLoss(outOfFold), full, calibrated, steps));
    }
    CateSettings.SelectionLoss loss = settings.selectionLoss();
    CateEstimate.Candidate best = scored.stream()
        .min(Comparator.comparingDouble(c -> c.loss(loss).value())).orElseThrow();
    double[] aipw = scorer.aipw();
    String reason = reason(best, scored, loss, (a, b) -> scorer.difference(loss,
        outOfFolds.get(scored.indexOf(a)), outOfFolds.get(scored.indexOf(b))));
    return new CateEstimate(best.learner(), reason,
        best.calibrated().orElse(best.cate()), rows, names, aipw[0], aipw[1], scored, settings,
        warnings);
  }

  private static void checkFinite(double[] pred, MetaLearner m) {
    for (double v : pred) {
      if (!Double.isFinite(v)) {
        throw new InvalidInputException("the " + m.title() + " predicted a non-finite effect;"
            + " the outcome or covariates may hold extreme values: rescale them or pick another"
            + " learner");
      }
    }
  }

  private String reason(CateEstimate.Candidate best, List<CateEstimate.Candidate> scored,
      CateSettings.SelectionLoss loss,
      BiFunction<CateEstimate.Candidate, CateEstimate.Candidate, HeldOutLoss> difference) {
    String other = loss == CateSettings.SelectionLoss.DR ? "R-loss" : "DR-loss";
    CateSettings.SelectionLoss otherLoss = loss == CateSettings.SelectionLoss.DR
        ? CateSettings.SelectionLoss.R : CateSettings.SelectionLoss.DR;
    if (scored.size() == 1) {
      return String.format(Locale.ROOT, "the %s was asked for; its held-out %s is %s, %s %s",
          best.learner().title(), loss.title(), fmt(best.loss(loss).value()), other,
          fmt(best.loss(otherLoss).value()));
    }
    List<CateEstimate.Candidate> byLoss = new ArrayList<>(scored);
    byLoss.sort(Comparator.comparingDouble(c -> c.loss(loss).value()));
    CateEstimate.Candidate next = byLoss.get(1);
    List<CateEstimate.Candidate> byOther = new ArrayList<>(scored);
    byOther.sort(Comparator.comparingDouble(c -> c.loss(otherLoss).value()));
    int rank = byOther.indexOf(best) + 1;
    HeldOutLoss gap = difference.apply(next, best);
    return String.format(Locale.ROOT, "lowest held-out %s of the %d learners tried: %s against %s"
        + " for the next best, the %s (paired difference %s, SE %s%s); the %s ranks it %s of %d",
        loss.title(), scored.size(), fmt(best.loss(loss).value()), fmt(next.loss(loss).value()),
        next.learner().title(), fmt(gap.value()), fmt(gap.standardError()),
        gap.value() < 2 * gap.standardError() ? ": within noise, either would do" : "",
        other, ordinal(rank), scored.size());
  }

  private static String ordinal(int r) {
    return switch (r) {
      case 1 -> "1st";
      case 2 -> "2nd";
      case 3 -> "3rd";
      default -> r + "th";
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static int[] rows(int[] fold, int f, boolean in) {
    int c = 0;
    for (int v : fold) {
      if ((v == f) == in) {
        c++;
      }
    }
    int[] out = new int[c];
    for (int i = 0, j = 0; i < fold.length; i++) {
      if ((fold[i] == f) == in) {
        out[j++] = i;
      }
    }
    return out;
  }
}
