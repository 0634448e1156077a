package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Double/debiased machine learning (Chernozhukov, Chetverikov, Demirer, Duflo, Hansen, Newey &amp;
 * Robins 2018) with {@code K}-fold cross-fitting and Neyman-orthogonal scores.
 *
 * <ul>
 *   <li>{@link Model#PARTIALLY_LINEAR} (§4.1): {@code Y = θT + g(X) + ε}. With {@code ℓ(X) =
 *       E[Y | X]} and {@code m(X) = E[T | X]} cross-fitted, {@code θ = Σ(T − m)(Y − ℓ) / Σ(T −
 *       m)²} (the "partialling-out" score); the variance is {@code mean(ψ²) / (J² n)} with {@code
 *       ψ = (Y − ℓ − θ(T − m))(T − m)} and {@code J = mean((T − m)²)}. Works for continuous and
 *       binary treatments; with heterogeneous effects {@code θ} is a variance-weighted average, not
 *       the ATE, which the warnings say.
 *   <li>{@link Model#INTERACTIVE} (§5.1): binary treatment, any effect heterogeneity; the ATE and
 *       ATT scores are the doubly robust AIPW scores, so this equals {@link AugmentedIpw} with the
 *       same folds and learners.
 * </ul>
 *
 * Departure: one sample split (no median over repeated splits); re-run with other seeds to see
 * the split's influence.
 *
 * @param model partially linear or interactive
 * @param learners nuisance learners ({@code m(X)} uses the classifier for a binary treatment)
 * @param folds cross-fitting folds
 * @param clip propensity clipping bound (interactive model)
 * @param seed seeds the folds
 */
public record DoubleMl(Model model, NuisanceLearners learners, int folds, double clip, long seed)
    implements Estimator {

  /** The structural model. */
  public enum Model {
    /** {@code Y = θT + g(X) + ε}. */
    PARTIALLY_LINEAR("partially linear regression"),
    /** {@code Y = g(T, X) + ε} with a binary treatment. */
    INTERACTIVE("interactive regression");

    private final String label;

    Model(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public DoubleMl {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(learners, "learners");
    AugmentedIpw.checkSettings(folds, clip);
  }

  @Override
  public Method method() {
    return Method.DML;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    if (d.covariates().cols() == 0) {
      throw new InvalidInputException("double machine learning adjusts for covariates and none"
          + " were given; with none, use --method regression (the difference in means)");
    }
    return model == Model.INTERACTIVE ? interactive(d) : partiallyLinear(d);
  }

  private EffectEstimate interactive(EffectData d) {
    int[] labels = d.treatmentLabels("the interactive DML model");
    Estimand estimand = d.problem().estimand();
    AugmentedIpw.Fitted f = AugmentedIpw.fitNuisances(d, labels, learners, folds, clip, seed);
    Scores.Score s = Scores.aipw(d.outcome(), d.treatment(), f.e(), f.nuisances().mu0(),
        f.nuisances().mu1(), estimand);
    double se = s.standardError();
    return Results.of(d, method(), estimand, s.estimate(), se,
        ConfidenceInterval.normal(s.estimate(), se, IntervalMethod.INFLUENCE_FUNCTION,
            "Neyman-orthogonal score"),
        AugmentedIpw.crossFitDetails("DML, " + model.label(), folds, learners),
        f.diagnostics(d, estimand), List.of("The nuisance learners converge faster than n^-1/4"
            + " (jointly)."));
  }

  private EffectEstimate partiallyLinear(EffectData d) {
    Results.requireAte(d.problem().estimand(), method(), "the partially linear model has one"
        + " coefficient θ");
    FeatureMatrix x = d.covariates();
    double[] y = d.outcome();
    double[] t = d.treatment();
    int n = y.length;
    int[] strata = d.isBinaryTreatment() ? d.treatmentLabels("") : null;
    int[] fold = CrossFitting.folds(n, folds, seed, strata);
    double[] ell = CrossFitting.regression(x, y, null, learners.outcome(), fold);
    double[] m = d.isBinaryTreatment()
        ? CrossFitting.probability(x, strata, learners.propensity(), fold)
        : CrossFitting.regression(x, t, null, learners.outcome(), fold);
    Plr r = plr(y, t, ell, m);
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    if (d.isBinaryTreatment()) {
      warnings.add("The partially linear model assumes one effect for everyone; if effects"
          + " differ, θ weights units by the variance of their treatment given X and is not"
          + " the ATE.");
    }
    return Results.of(d, method(), Estimand.ATE, r.theta, r.se,
        ConfidenceInterval.normal(r.theta, r.se, IntervalMethod.INFLUENCE_FUNCTION,
            "Neyman-orthogonal score"),
        AugmentedIpw.crossFitDetails("DML, " + model.label() + " (partialling out)", folds,
            learners),
        Diagnostics.of(warnings), List.of("The effect of the treatment is the same for every"
            + " unit (partially linear model).", "The nuisance learners converge faster than"
            + " n^-1/4 (jointly)."));
  }

  /** The partially linear estimate and its standard error. */
  record Plr(double theta, double se) {}

  static Plr plr(double[] y, double[] t, double[] ell, double[] m) {
    int n = y.length;
    double num = 0;
    double j = 0;
    for (int i = 0; i < n; i++) {
      double v = t[i] - m[i];
      num += v * (y[i] - ell[i]);
      j += v * v;
    }
    if (j == 0) {
      throw new InvalidInputException("the treatment is fully predicted by the covariates"
          + " (no variation left after removing E[T | X]); its effect cannot be separated from"
          + " theirs");
    }
    double theta = num / j;
    j /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = t[i] - m[i];
      double psi = (y[i] - ell[i] - theta * v) * v;
      s += psi * psi;
    }
    return new Plr(theta, Math.sqrt(s / n / (j * j) / n));
  }
}
