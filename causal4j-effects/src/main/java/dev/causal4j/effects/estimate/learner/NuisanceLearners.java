package dev.causal4j.effects.estimate.learner;

import java.util.Objects;

/**
 * The learners an estimator uses for its nuisance functions: {@link #outcome()} for outcome
 * regressions ({@code E[Y | T, X]}, {@code E[Y | X]}, {@code E[T | X]} for a continuous treatment)
 * and {@link #propensity()} for class probabilities ({@code P(T = 1 | X)}).
 */
public record NuisanceLearners(Regressor outcome, Classifier propensity) {

  public NuisanceLearners {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(propensity, "propensity");
  }

  /** Least squares and logistic regression: the parametric default. */
  public static NuisanceLearners linear() {
    return Learner.LINEAR.learners(0, 1);
  }

  /** Both learners in a few words. */
  public String describe() {
    String o = outcome.describe();
    String p = propensity.describe();
    return o.equals(p) ? o : "outcome: " + o + "; propensity: " + p;
  }
}
