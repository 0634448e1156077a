package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.estimate.learner.Learner;
import java.util.Optional;

/**
 * From an identification (or a user's named method) to an estimator, with the reason for the
 * choice. {@code auto} picks by the identification's type, the treatment and the learner:
 *
 * <ul>
 *   <li>front door: {@link FrontDoorEstimator};
 *   <li>instruments: {@link TwoStageLeastSquares} with the linear learner, {@link DmlIv} with a
 *       flexible one and a single instrument;
 *   <li>adjustment, nothing to adjust for: {@link RegressionAdjustment} (a difference in means);
 *   <li>adjustment, binary treatment: {@link AugmentedIpw} with cross-fitting, which is
 *       consistent if either the outcome or the propensity model is right and has an
 *       influence-function interval that needs no resampling;
 *   <li>adjustment, continuous treatment: {@link RegressionAdjustment} with the linear learner,
 *       {@link DoubleMl} (partially linear) with a flexible one.
 * </ul>
 */
public final class EstimatorSelection {
  private EstimatorSelection() {}

  /**
   * An estimator and why it was chosen.
   *
   * @param estimator the estimator
   * @param reason one sentence
   */
  public record Choice(Estimator estimator, String reason) {}

  /**
   * The estimator for {@code problem}, identified by {@code identification}; the named method if
   * one is requested.
   *
   * @throws InvalidInputException if the requested method does not fit the identification
   */
  public static Choice choose(Optional<Method> requested, Identification identification,
      EffectData data, EstimatorSettings s) {
    if (requested.isPresent()) {
      Method m = requested.get();
      checkFits(m, identification);
      return new Choice(build(m, data, s), "requested with --method " + m.label() + ".");
    }
    if (identification instanceof FrontDoor) {
      return new Choice(build(Method.FRONT_DOOR, data, s), "the effect is identified by the"
          + " front-door criterion, so the front-door formula is estimated.");
    }
    if (identification instanceof InstrumentalVariable) {
      if (s.learner() != Learner.LINEAR && data.instruments().cols() == 1) {
        return new Choice(build(Method.DML_IV, data, s), "the effect is identified by an"
            + " instrument, and a flexible learner was chosen: DML for the partially linear IV"
            + " model.");
      }
      return new Choice(build(Method.IV, data, s), "the effect is identified by instruments:"
          + " two-stage least squares.");
    }
    if (data.covariates().cols() == 0) {
      return new Choice(build(Method.REGRESSION, data, s), "there is nothing to adjust for, so"
          + " the effect is the " + (data.isBinaryTreatment() ? "difference in means"
              : "slope of the outcome on the treatment") + ".");
    }
    if (data.isBinaryTreatment()) {
      return new Choice(build(Method.AIPW, data, s), "binary treatment with covariates: the"
          + " doubly robust AIPW estimator with cross-fitting is consistent if either the"
          + " outcome or the propensity model is right, and its interval needs no resampling.");
    }
    if (s.learner() == Learner.LINEAR) {
      return new Choice(build(Method.REGRESSION, data, s), "continuous treatment with the linear"
          + " learner: least squares of the outcome on the treatment and covariates.");
    }
    return new Choice(build(Method.DML, data, s), "continuous treatment with a flexible learner:"
        + " double machine learning in the partially linear model.");
  }

  /** The identification a method needs: adjustment, front door or instruments. */
  public static Class<? extends Identification> needs(Method m) {
    return switch (m) {
      case FRONT_DOOR -> FrontDoor.class;
      case IV, DML_IV -> InstrumentalVariable.class;
      default -> BackdoorAdjustment.class;
    };
  }

  private static void checkFits(Method m, Identification id) {
    if (!needs(m).isInstance(id)) {
      String what = switch (m) {
        case FRONT_DOOR -> "front-door mediators";
        case IV, DML_IV -> "an instrument";
        default -> "a set of covariates to adjust for";
      };
      throw new InvalidInputException("--method " + m.label() + " needs " + what + ", but "
          + id.summary() + (m == Method.IV || m == Method.DML_IV
              ? "; name one with --instrument (without --graph)" : ""));
    }
  }

  /** The estimator for a named method with these settings. */
  public static Estimator build(Method m, EffectData data, EstimatorSettings s) {
    return switch (m) {
      case REGRESSION -> RegressionAdjustment.defaults();
      case G_FORMULA -> new GFormula(s.learners().outcome(), s.bootstrapSamples(), s.seed());
      case IPW -> new InverseProbabilityWeighting(s.learners().propensity(), s.trim(),
          IntervalMethod.INFLUENCE_FUNCTION, s.bootstrapSamples(), s.seed());
      case AIPW -> new AugmentedIpw(s.learners(), s.folds(), Propensities.EXTREME, s.seed(),
          s.splits());
      case TMLE -> new Tmle(s.learners(), s.folds(), Propensities.EXTREME, s.seed(),
          s.splits());
      case MATCHING -> new Matching(s.matchingDistance(), 1, true, s.caliper(), false,
          s.learners().propensity(), s.seed());
      case DML -> new DoubleMl(data.isBinaryTreatment() ? DoubleMl.Model.INTERACTIVE
          : DoubleMl.Model.PARTIALLY_LINEAR, s.learners(), s.folds(), Propensities.EXTREME,
          s.seed());
      case IV -> TwoStageLeastSquares.defaults();
      case DML_IV -> new DmlIv(s.learners(), s.folds(), s.seed());
      case FRONT_DOOR -> new FrontDoorEstimator(s.learners().outcome(), s.bootstrapSamples(),
          s.seed());
    };
  }
}
