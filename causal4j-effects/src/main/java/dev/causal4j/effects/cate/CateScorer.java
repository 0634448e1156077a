package dev.causal4j.effects.cate;

import dev.causal4j.effects.estimate.CrossFitting;
import dev.causal4j.effects.estimate.Propensities;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;

/**
 * Scores of CATE predictions against held-out data, for choosing among learners (Schuler, Baiocchi,
 * Tibshirani &amp; Shah 2018, "A comparison of methods for model selection when estimating
 * individual treatment effects"; Nie &amp; Wager 2021): nuisances are cross-fitted over the folds,
 * so a unit's score comes from models that never saw it, and the predictions scored must be
 * out-of-fold too.
 *
 * <ul>
 *   <li>DR-loss: {@code mean (φ_i − τ̂(X_i))²} with {@code φ} the doubly robust (AIPW)
 *       pseudo-outcome. Its expectation is the PEHE {@code E (τ̂ − τ)²} plus a term that does not
 *       depend on {@code τ̂} (when the nuisances are right), so differences between models estimate
 *       differences in PEHE.
 *   <li>R-loss: {@code mean ((Y_i − m(X_i)) − (T_i − e(X_i)) τ̂(X_i))²} (Nie &amp; Wager), with
 *       {@code m = e μ_1 + (1 − e) μ_0} from the same nuisances.
 * </ul>
 */
public final class CateScorer {
  private final CateSample sample;
  private final double[] e;
  private final double[] m;
  private final double[] phi;
  private final int clipped;

  private CateScorer(CateSample sample, double[] e, double[] m, double[] phi, int clipped) {
    this.sample = sample;
    this.e = e;
    this.m = m;
    this.phi = phi;
    this.clipped = clipped;
  }

  /**
   * Cross-fits the nuisances over {@code fold}.
   *
   * @throws dev.causal4j.InvalidInputException if the propensities leave no overlap, naming the
   *     treatment as {@code treatment}
   */
  public static CateScorer fit(CateSample s, NuisanceLearners learners, int[] fold, double clip,
      String treatment) {
    double[] e = CrossFitting.probability(s.x(), s.treatment(), learners.propensity(), fold);
    Propensities.checkOverlap(e, s.treatmentValues(), treatment);
    int clipped = Propensities.clip(e, clip);
    double[] mu0 = CrossFittedNuisances.armOutcome(s, learners.outcome(), fold, 0);
    double[] mu1 = CrossFittedNuisances.armOutcome(s, learners.outcome(), fold, 1);
    double[] m = new double[s.rows()];
    for (int i = 0; i < m.length; i++) {
      m[i] = e[i] * mu1[i] + (1 - e[i]) * mu0[i];
    }
    return new CateScorer(s, e, m, CrossFittedNuisances.drPseudoOutcome(s, e, mu0, mu1),
        clipped);
  }

  /** The DR-loss of out-of-fold predictions {@code tau}. */
  public HeldOutLoss drLoss(double[] tau) {
    return HeldOutLoss.of(perUnit(CateSettings.SelectionLoss.DR, tau));
  }

  /** The R-loss of out-of-fold predictions {@code tau}. */
  public HeldOutLoss rLoss(double[] tau) {
    return HeldOutLoss.of(perUnit(CateSettings.SelectionLoss.R, tau));
  }

  /**
   * The difference in loss {@code l} between predictions {@code a} and {@code b} (negative when
   * {@code a} is better), with the standard error of the paired per-unit differences, far smaller
   * than either loss's own when the two models err on the same units.
   */
  public HeldOutLoss difference(CateSettings.SelectionLoss l, double[] a, double[] b) {
    double[] la = perUnit(l, a);
    double[] lb = perUnit(l, b);
    for (int i = 0; i < la.length; i++) {
      la[i] -= lb[i];
    }
    return HeldOutLoss.of(la);
  }

  private double[] perUnit(CateSettings.SelectionLoss loss, double[] tau) {
    check(tau);
    double[] l = new double[tau.length];
    for (int i = 0; i < l.length; i++) {
      double d = loss == CateSettings.SelectionLoss.DR ? phi[i] - tau[i]
          : (sample.outcome()[i] - m[i]) - (sample.treatment()[i] - e[i]) * tau[i];
      l[i] = d * d;
    }
    return l;
  }

  private void check(double[] tau) {
    if (tau.length != phi.length) {
      throw new IllegalArgumentException(tau.length + " predictions for " + phi.length + " units");
    }
  }

  /** The doubly robust pseudo-outcomes, one per unit (copied). */
  public double[] pseudoOutcomes() {
    return phi.clone();
  }

  /** Propensities that were clipped. */
  public int clipped() {
    return clipped;
  }

  /**
   * The cross-fitted AIPW estimate of the ATE (the pseudo-outcomes' mean) and its
   * influence-function standard error: {@code {estimate, se}}.
   */
  public double[] aipw() {
    HeldOutLoss mean = HeldOutLoss.of(phi);
    return new double[] {mean.value(), mean.standardError()};
  }
}
