package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.Regressor;
import dev.causal4j.effects.estimate.learner.RidgeRegression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The front-door estimator (Pearl 1995; 2009, §3.3.2): the effect of {@code T} on {@code Y}
 * through mediators {@code M} that carry all of it, when {@code T} and {@code Y} share hidden
 * causes.
 *
 * <ul>
 *   <li>Linear (the default, and whenever pre-treatment covariates {@code W} are given): {@code
 *       effect = Σ_k α_k β_k}, with {@code α_k} the coefficient of {@code T} in the least-squares
 *       regression of {@code M_k} on {@code T, W} and {@code β_k} that of {@code M_k} in the
 *       regression of {@code Y} on {@code M, T, W}. Any numeric treatment.
 *   <li>With a learner (binary treatment, no {@code W}): the plug-in of {@code E[Y | do(t)] =
 *       Σ_m P(m | t) Σ_t' P(t') E[Y | t', m]}: {@code Q_t'(m) = E[Y | T = t', M = m]} is fitted
 *       in each arm, {@code g(m) = Σ_t' P̂(t') Q_t'(m)}, and {@code E[Y | do(t)]} is the mean of
 *       {@code g(M_i)} over the units with {@code T_i = t}.
 * </ul>
 *
 * The interval is a bootstrap (resampling rows, refitting every regression).
 *
 * @param learner the outcome learner; least squares gives the linear estimator
 * @param bootstrapSamples resamples for the interval
 * @param seed seeds the bootstrap
 */
public record FrontDoorEstimator(Regressor learner, int bootstrapSamples, long seed)
    implements Estimator {

  public FrontDoorEstimator {
    Objects.requireNonNull(learner, "learner");
  }

  private boolean linear() {
    return learner instanceof RidgeRegression r && r.lambda() == 0;
  }

  @Override
  public Method method() {
    return Method.FRONT_DOOR;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    Results.requireAte(problem.estimand(), method(), "this front-door estimator targets the"
        + " average effect over everyone");
    if (d.mediators().cols() == 0) {
      throw new InvalidInputException("the front-door estimator needs the mediators through"
          + " which the treatment acts; give a graph in which they are identified");
    }
    if (!linear()) {
      d.requireBinary("the front-door estimator with a learner");
      if (d.covariates().cols() > 0) {
        throw new InvalidInputException("the front-door estimator with covariates ("
            + String.join(", ", problem.covariates()) + ") is implemented for linear models"
            + " only; use --learner linear");
      }
    }
    double tau = point(d);
    List<String> warnings = new ArrayList<>(d.commonWarnings());
    Bootstrap.Result b = Bootstrap.run(d.rows(), bootstrapSamples, seed,
        d.isBinaryTreatment() ? d.treatment() : null, rows -> point(d.rows(rows)));
    b.warn(warnings);
    return Results.of(d, method(), Estimand.ATE, tau, b.se(), b.interval(),
        linear() ? "front door, product of least-squares coefficients (mediators on treatment;"
            + " outcome on mediators and treatment)"
            : "front door, plug-in with an outcome model of treatment and mediators: " + learner.describe(),
        Diagnostics.of(warnings), linear() ? List.of("Every relation along the front door is"
            + " linear.") : List.of());
  }

  private double point(EffectData d) {
    return linear() ? linearPoint(d) : plugIn(d);
  }

  private static double linearPoint(EffectData d) {
    int n = d.rows();
    FeatureMatrix m = d.mediators();
    FeatureMatrix w = d.covariates();
    double[] t = d.treatment();
    FeatureMatrix tw = TwoStageLeastSquares.design(n, t, FeatureMatrix.empty(n), w);
    FeatureMatrix mtw = TwoStageLeastSquares.design(n, t, m, w);
    double[] beta = RidgeRegression.ols().fit(dropIntercept(mtw), d.outcome()).coefficients();
    double effect = 0;
    for (int k = 0; k < m.cols(); k++) {
      double alpha = RidgeRegression.ols().fit(dropIntercept(tw), m.column(k)).coefficients()[0];
      // Columns of mtw without its intercept: T, M_1..M_K, W.
      effect += alpha * beta[1 + k];
    }
    return effect;
  }

  private static FeatureMatrix dropIntercept(FeatureMatrix x) {
    int n = x.rows();
    int k = x.cols() - 1;
    double[] v = new double[n * k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x.values(), i * x.cols() + 1, v, i * k, k);
    }
    return new FeatureMatrix(v, n, k);
  }

  private double plugIn(EffectData d) {
    FeatureMatrix m = d.mediators();
    double[] y = d.outcome();
    double[] t = d.treatment();
    int[] treated = d.arm(1);
    int[] control = d.arm(0);
    double p1 = (double) treated.length / d.rows();
    // One model of E[Y | T, M] on all rows (the mediator's effect is learned from both arms),
    // evaluated with T set to each arm.
    FeatureMatrix mt = m.withColumn(t);
    var q = learner.fit(mt, y);
    double[] q1 = q.predict(mt.withLastColumn(1));
    double[] q0 = q.predict(mt.withLastColumn(0));
    double s1 = 0;
    double s0 = 0;
    for (int i : treated) {
      s1 += p1 * q1[i] + (1 - p1) * q0[i];
    }
    for (int i : control) {
      s0 += p1 * q1[i] + (1 - p1) * q0[i];
    }
    return s1 / treated.length - s0 / control.length;
  }
}
