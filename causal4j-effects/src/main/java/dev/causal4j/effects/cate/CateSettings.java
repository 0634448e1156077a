package dev.causal4j.effects.cate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.Propensities;
import dev.causal4j.effects.estimate.learner.Learner;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import dev.causal4j.effects.estimate.learner.Regressor;
import java.util.Objects;

/**
 * How {@link CateEstimator} fits, scores and calibrates its learners.
 *
 * @param nuisances outcome regression and propensity classifier, for every learner's first stage
 *     and for the held-out scores
 * @param effect the second-stage regression of the X-, DR- and R-learners
 * @param folds folds for the held-out scores and calibration, and for the DR- and R-learners'
 *     cross-fitting; at least 2
 * @param clip propensity clipping bound, in {@code [0, 0.5)}
 * @param seed seeds every fold split (the base learners carry their own seeds)
 * @param selectionLoss the held-out loss that picks among several learners
 * @param calibration whether to calibrate the chosen learner's predictions
 */
public record CateSettings(
    NuisanceLearners nuisances,
    Regressor effect,
    int folds,
    double clip,
    long seed,
    SelectionLoss selectionLoss,
    Calibration calibration) {

  public CateSettings {
    Objects.requireNonNull(nuisances, "nuisances");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(selectionLoss, "selectionLoss");
    Objects.requireNonNull(calibration, "calibration");
    DrLearner.checkFolds(folds, clip);
  }

  /**
   * The learners of a family (the family's regressor for both stages), 5 folds, propensities
   * clipped at 0.01, selection by DR-loss, isotonic calibration.
   */
  public static CateSettings of(Learner family, long seed, int threads) {
    return new CateSettings(family.learners(seed, threads), family.regressor(seed, threads), 5,
        Propensities.EXTREME, seed, SelectionLoss.DR, Calibration.ISOTONIC);
  }

  /** These settings with another calibration. */
  public CateSettings withCalibration(Calibration c) {
    return new CateSettings(nuisances, effect, folds, clip, seed, selectionLoss, c);
  }

  /** These settings with another selection loss. */
  public CateSettings withSelectionLoss(SelectionLoss l) {
    return new CateSettings(nuisances, effect, folds, clip, seed, l, calibration);
  }

  /** These settings with another number of folds. */
  public CateSettings withFolds(int k) {
    return new CateSettings(nuisances, effect, k, clip, seed, selectionLoss, calibration);
  }

  /** The held-out loss that ranks CATE models. */
  public enum SelectionLoss {
    /**
     * Mean squared error against the doubly robust pseudo-outcome: estimates the PEHE up to a
     * constant that does not depend on the model.
     */
    DR("DR-loss"),
    /** Nie and Wager's R-loss: squared error of the Robinson-residualised outcome. */
    R("R-loss");

    private final String title;

    SelectionLoss(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** Calibration of CATE predictions. */
  public enum Calibration {
    /** Report the learner's predictions as they are. */
    NONE("none"),
    /** Causal isotonic cross-calibration ({@link CausalIsotonicCalibration}). */
    ISOTONIC("isotonic");

    private final String label;

    Calibration(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
