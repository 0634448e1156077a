package dev.causal4j.effects.mediation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.scm.LeastSquares;
import dev.causal4j.effects.scm.ParentEncoding;
import dev.causal4j.effects.scm.StructuralCausalModel;
import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Natural direct and indirect effects in linear models, by the product of coefficients (Baron
 * &amp; Kenny 1986; VanderWeele 2015, <i>Explanation in Causal Inference</i>, ch. 2). With
 * {@code M_k = α_k + a_k·T + γ_k·C + ε_k} and {@code Y = β + c'·T + Σ_k b_k·M_k + δ·C + ε}, a
 * change {@code Δ} of treatment has {@code NDE = c'Δ}, {@code NIE = Δ Σ_k a_k b_k} (joint, through
 * all mediators), and {@code TE = NDE + NIE}, which equals {@code Δ} times the treatment's
 * coefficient in {@code Y ~ T + C} exactly (an identity of least squares with a common design).
 *
 * <p>Standard errors: {@code NDE} and {@code TE} from their regressions' classical covariance;
 * {@code NIE} by the delta method (Sobel 1982), {@code Var = Δ²(bᵀ Σ_a b + aᵀ Σ_b a)}, where
 * {@code Σ_b} is the covariance of the mediators' coefficients in the outcome model and {@code
 * Σ_a[k,l] = s_kl (XᵀX)⁻¹_TT} with {@code s_kl} the residual covariance of mediators {@code k} and
 * {@code l} (the mediator models share one design); {@code a} and {@code b} are asymptotically
 * uncorrelated. Intervals are normal, ±1.96 SE.
 *
 * <p>Requires continuous mediators and outcome; the treatment continuous or binary; covariates of
 * any type (categorical ones as level indicators). Assumes no treatment–mediator interaction, so
 * the pure and total natural effects coincide; with interaction or nonlinearity use {@link
 * GComputationMediation}.
 */
public final class LinearMediation {
  static final double Z95 = 1.959963984540054;

  private LinearMediation() {}

  /**
   * Estimates the effects.
   *
   * @param graph a DAG to take the covariates from (when the query names none) and to check the
   *     identification assumptions against; without one they are assumed
   * @throws InvalidInputException for unknown or incomplete variables, a discrete mediator or
   *     outcome, a treatment with more than two levels, a graph that is not a DAG, or
   *     assumptions the graph violates
   */
  public static MediationResult estimate(Dataset data, MediationQuery q, Optional<Graph> graph) {
    List<String> covariates = q.covariates();
    if (graph.isPresent()) {
      Graph g = StructuralCausalModel.requireDag(graph.get());
      MediationData.requireNodesInData(g, data);
      if (covariates.isEmpty()) {
        covariates = MediationAssumptions.adjustmentSet(g, q);
      }
    }
    MediationData.requireComplete(data, q, covariates);
    List<AssumptionCheck> checks = MediationAssumptions.check(graph, q, covariates);
    Variable t = data.variable(data.require(q.treatment()));
    if (t.isCategorical() && t.levelCount() != 2) {
      throw new InvalidInputException("the treatment '" + t.name() + "' has " + t.levelCount()
          + " levels; the product-of-coefficients method takes a continuous or binary treatment:"
          + " use g-computation, or recode it");
    }
    for (String name : concat(q.mediators(), List.of(q.outcome()))) {
      if (data.variable(data.require(name)).isCategorical()) {
        throw new InvalidInputException("'" + name + "' is discrete; the product-of-coefficients"
            + " method needs continuous mediators and outcome: use g-computation");
      }
    }
    double[] contrast = MediationData.contrast(t, q);
    double delta = contrast[1] - contrast[0];
    int n = data.rows();
    List<Variable> cv = new ArrayList<>();
    List<double[]> cc = new ArrayList<>();
    for (String name : covariates) {
      int j = data.require(name);
      cv.add(data.variable(j));
      cc.add(data.numeric(j));
    }
    double[][] c = new ParentEncoding(cv).encode(cc.toArray(new double[0][]), n);
    List<String> cNames = new ParentEncoding(cv).featureNames();
    double[] tv = data.numeric(data.require(q.treatment()));
    int kMed = q.mediators().size();
    double[][] mv = new double[kMed][];
    for (int k = 0; k < kMed; k++) {
      mv[k] = data.doubles(data.require(q.mediators().get(k)));
    }
    double[] yv = data.doubles(data.require(q.outcome()));

    List<String> medNames = concat(List.of(q.treatment()), cNames);
    double[][] xMed = design(n, tv, new double[0][], c);
    LeastSquares.Fit[] medFits = new LeastSquares.Fit[kMed];
    for (int k = 0; k < kMed; k++) {
      medFits[k] = LeastSquares.fit(xMed, mv[k], "the model of mediator '"
          + q.mediators().get(k) + "'", medNames);
    }
    List<String> outNames = concat(concat(List.of(q.treatment()), q.mediators()), cNames);
    LeastSquares.Fit outFit = LeastSquares.fit(design(n, tv, mv, c), yv, "the outcome model of '"
        + q.outcome() + "'", outNames);
    LeastSquares.Fit totFit = LeastSquares.fit(xMed, yv, "the total-effect model of '"
        + q.outcome() + "'", medNames);

    double[] a = new double[kMed];
    double[] b = new double[kMed];
    for (int k = 0; k < kMed; k++) {
      a[k] = medFits[k].coefficients()[0];
      b[k] = outFit.coefficients()[1 + k];
    }
    // (XᵀX)⁻¹_TT, the same for every mediator model.
    double xtxTT = medFits[0].covariance(0, 0) / medFits[0].residualVariance();
    int dfMed = n - xMed[0].length - 1;
    double varNie = 0;
    double nie = 0;
    for (int k = 0; k < kMed; k++) {
      nie += a[k] * b[k];
      for (int l = 0; l < kMed; l++) {
        double skl = 0;
        double[] ek = medFits[k].residuals();
        double[] el = medFits[l].residuals();
        for (int i = 0; i < n; i++) {
          skl += ek[i] * el[i];
        }
        skl /= dfMed;
        varNie += b[k] * b[l] * skl * xtxTT + a[k] * a[l] * outFit.covariance(1 + k, 1 + l);
      }
    }
    MediationEffect nde = effect(outFit.coefficients()[0] * delta,
        Math.abs(delta) * outFit.standardError(0));
    MediationEffect indirect = effect(nie * delta, Math.abs(delta) * Math.sqrt(varNie));
    MediationEffect total = effect(totFit.coefficients()[0] * delta,
        Math.abs(delta) * totFit.standardError(0));
    List<String> notes = new ArrayList<>();
    notes.add("Contrast " + MediationData.describe(t, contrast) + ".");
    notes.add("Linear models without treatment-mediator interaction: the pure and total natural"
        + " effects coincide.");
    if (kMed > 1) {
      notes.add("The indirect effect is joint, through all mediators together.");
    }
    return new MediationResult(q, MediationMethod.PRODUCT_OF_COEFFICIENTS, n, total, nde,
        indirect, nde, indirect, total.estimate() == 0 ? Double.NaN
        : indirect.estimate() / total.estimate(), covariates,
        "classical OLS standard errors; delta method (Sobel) for the indirect effect; normal"
            + " 95% intervals", checks, notes);
  }

  static MediationEffect effect(double estimate, double se) {
    return new MediationEffect(estimate, se, estimate - Z95 * se, estimate + Z95 * se);
  }

  private static double[][] design(int n, double[] t, double[][] mediators, double[][] c) {
    int k = 1 + mediators.length + (n == 0 ? 0 : c[0].length);
    double[][] x = new double[n][k];
    for (int i = 0; i < n; i++) {
      x[i][0] = t[i];
      for (int m = 0; m < mediators.length; m++) {
        x[i][1 + m] = mediators[m][i];
      }
      System.arraycopy(c[i], 0, x[i], 1 + mediators.length, c[i].length);
    }
    return x;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
