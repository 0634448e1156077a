package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.estimate.OrdinaryLeastSquares;
import dev.causal4j.effects.estimate.RobustCovariance;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Sensitivity of a least-squares estimate to an omitted confounder {@code Z}, in the partial-R²
 * parametrisation of Cinelli &amp; Hazlett (2020, "Making sense of sensitivity: extending omitted
 * variable bias", JRSS B 82:39–67), as R's {@code sensemakr} computes it. From the treatment's t
 * statistic {@code t} and the residual degrees of freedom {@code df} of the regression
 * {@code Y ~ D + X}:
 *
 * <ul>
 *   <li>the partial R² of the treatment with the outcome, {@code R²_{Y~D|X} = t²/(t² + df)};
 *   <li>the robustness value {@code RV_q = ½(√(f_q⁴ + 4f_q²) − f_q²)} with {@code f_q = q·|t|/√df}
 *       (eq. 19): a confounder explaining {@code RV_q} of the residual variance of both treatment
 *       and outcome reduces the estimate by {@code 100q}%;
 *   <li>{@code RV_{q,α}}: the same with {@code f_{q,α} = f_q − |t*_{α/2, df−1}|/√(df − 1)}, and
 *       0 when that is negative (eq. 18): the strength that makes the {@code 1 − α} interval reach
 *       the reduced estimate;
 *   <li>bounds from observed covariates (section 6): a confounder {@code k_D} times as strong as
 *       covariate {@code X_j} in explaining the treatment and {@code k_Y} times in explaining the
 *       outcome has {@code R²_{D~Z|X} = k_D·R²_{D~Xj|X−j}/(1 − R²_{D~Xj|X−j})} and {@code R²_{Y~Z|D,X}
 *       = ((√k_Y + √η)/√(1 − η))²·R²_{Y~Xj|D,X−j}/(1 − R²_{Y~Xj|D,X−j})}, {@code η =
 *       k_D·R²_{D~Xj|X−j}²/((1 − k_D·R²_{D~Xj|X−j})(1 − R²_{D~Xj|X−j}))} (capped at 1); the
 *       adjusted estimate is {@code |β̂| − se·√df·√(R²_{Y~Z}·R²_{D~Z}/(1 − R²_{D~Z}))} towards
 *       0, its standard error {@code se·√((1 − R²_{Y~Z})/(1 − R²_{D~Z}))·√(df/(df − 1))}, and the
 *       interval uses {@code t*_{df−1}}.
 * </ul>
 *
 * <p>The t statistic and standard error are the classical (homoskedastic) least-squares ones the
 * framework is built on, not the robust ones {@code RegressionAdjustment} reports. The regression is the constant-effect one, {@code Y ~ 1 + D + X};
 * when the estimate came from the regression with treatment-by-covariate interactions, the
 * coefficient analysed differs from it and {@link #note()} says so.
 *
 * <p><b>Verdict.</b> <em>Passes when {@code RV_{q,α} > 0} and, for every observed covariate, a
 * confounder {@code k} times as strong (1 by default, in both partial R²) leaves the adjusted
 * 95% interval on the estimate's side of 0</em> (a bias that flips the sign overturns the
 * conclusion even if the flipped interval excludes 0). Without covariates there is nothing to benchmark against and it
 * passes when {@code RV_{q,α} > 0}.
 *
 * @param originalEstimate the estimate checked
 * @param coefficient the treatment's coefficient in {@code Y ~ 1 + D + X}
 * @param standardError its classical standard error
 * @param tStatistic {@code coefficient / standardError}
 * @param dof residual degrees of freedom, {@code n − k}
 * @param partialR2 {@code R²_{Y~D|X}}
 * @param q the share of the estimate to explain away (1: all of it)
 * @param alpha significance level of {@code rvAlpha}
 * @param rv {@code RV_q}
 * @param rvAlpha {@code RV_{q,α}}
 * @param benchmarks bounds from each observed covariate at each multiple
 * @param note anything the reader must know about which regression was analysed (may be empty)
 * @param verdict pass or fail, with the rule
 * @param summary one sentence
 */
public record RobustnessValue(
    double originalEstimate,
    double coefficient,
    double standardError,
    double tStatistic,
    int dof,
    double partialR2,
    double q,
    double alpha,
    double rv,
    double rvAlpha,
    List<Benchmark> benchmarks,
    String note,
    Verdict verdict,
    String summary) implements Refutation {

  public RobustnessValue {
    benchmarks = List.copyOf(benchmarks);
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
  }

  @Override
  public RefuterKind kind() {
    return RefuterKind.ROBUSTNESS_VALUE;
  }

  /**
   * The bound a confounder {@code k} times as strong as one observed covariate puts on the
   * estimate.
   *
   * @param covariate the observed covariate (an encoded column, e.g. {@code race=black})
   * @param k the multiple, the same for treatment and outcome
   * @param r2dz {@code R²_{D~Z|X}}
   * @param r2yz {@code R²_{Y~Z|D,X}}
   * @param adjustedEstimate the estimate with such a confounder's bias removed
   * @param adjustedStandardError its standard error
   * @param lower the adjusted 95% interval's lower end
   * @param upper its upper end
   */
  public record Benchmark(String covariate, double k, double r2dz, double r2yz,
      double adjustedEstimate, double adjustedStandardError, double lower, double upper) {

    /** The adjusted t statistic. */
    public double adjustedT() {
      return adjustedEstimate / adjustedStandardError;
    }
  }

  /** {@code R²_{Y~D|X} = t²/(t² + df)}. */
  public static double partialR2(double t, double dof) {
    return t * t / (t * t + dof);
  }

  /** {@code RV_q}. */
  public static double robustnessValue(double t, double dof, double q) {
    return rvOf(q * Math.abs(t) / Math.sqrt(dof));
  }

  /** {@code RV_{q,α}}. */
  public static double robustnessValue(double t, double dof, double q, double alpha) {
    double fCrit = Math.abs(TDistribution.of(dof - 1).inverseCumulativeProbability(alpha / 2))
        / Math.sqrt(dof - 1);
    double f = q * Math.abs(t) / Math.sqrt(dof) - fCrit;
    return f < 0 ? 0 : rvOf(f);
  }

  private static double rvOf(double f) {
    double f2 = f * f;
    return 0.5 * (Math.sqrt(f2 * f2 + 4 * f2) - f2);
  }

  /**
   * {@code [R²_{D~Z|X}, R²_{Y~Z|D,X}]} for a confounder {@code kd} and {@code ky} times as strong
   * as a covariate with partial R² {@code r2dxj} with the treatment and {@code r2yxj} with the
   * outcome; {@code R²_{Y~Z}} is capped at 1.
   *
   * @throws IllegalArgumentException if {@code kd} is too large for the covariate (the implied
   *     {@code R²_{D~Z}} would reach 1)
   */
  public static double[] bound(double r2dxj, double r2yxj, double kd, double ky) {
    double r2dz = kd * r2dxj / (1 - r2dxj);
    double eta = kd * r2dxj * r2dxj / ((1 - kd * r2dxj) * (1 - r2dxj));
    if (!(r2dz < 1) || !(eta < 1) || kd * r2dxj >= 1) {
      throw new IllegalArgumentException("a confounder " + kd + " times as strong as this"
          + " covariate is impossible");
    }
    double a = (Math.sqrt(ky) + Math.sqrt(eta)) / Math.sqrt(1 - eta);
    double r2yz = Math.min(1, a * a * r2yxj / (1 - r2yxj));
    return new double[] {r2dz, r2yz};
  }

  /** The estimate with the bias of a confounder of the given strengths removed, towards 0. */
  public static double adjustedEstimate(double estimate, double se, double dof, double r2dz,
      double r2yz) {
    double bias = se * Math.sqrt(dof) * Math.sqrt(r2yz * r2dz / (1 - r2dz));
    return Math.signum(estimate) * (Math.abs(estimate) - bias);
  }

  /** The adjusted estimate's standard error. */
  public static double adjustedStandardError(double se, double dof, double r2dz, double r2yz) {
    return se * Math.sqrt((1 - r2yz) / (1 - r2dz)) * Math.sqrt(dof / (dof - 1));
  }

  /** Sensitivity of a regression estimate: {@code q = 1}, {@code α = 0.05}, benchmarks at 1×. */
  public static RobustnessValue of(EstimationProblem problem, EffectEstimate estimate) {
    return of(problem, estimate, 1, 0.05, List.of(1.0, 2.0, 3.0), 1);
  }

  /**
   * Sensitivity of a regression estimate.
   *
   * @param multiples the multiples {@code k} of each covariate's strength to bound at
   * @param verdictMultiple the multiple the verdict uses
   * @throws InvalidInputException if the estimate is not a least-squares one ({@code --method
   *     regression}), or has no residual degrees of freedom
   */
  public static RobustnessValue of(EstimationProblem problem, EffectEstimate estimate, double q,
      double alpha, List<Double> multiples, double verdictMultiple) {
    if (estimate.method() != Method.REGRESSION) {
      throw new InvalidInputException("the robustness value (Cinelli & Hazlett 2020) is defined"
          + " for least-squares estimates; this estimate is " + estimate.method().label()
          + ": rerun with --method regression");
    }
    if (!(q > 0 && q <= 1) || !(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("q must be in (0, 1] and alpha in (0, 1)");
    }
    EffectData d = EffectData.of(problem);
    int n = d.rows();
    FeatureMatrix x = d.covariates();
    int p = x.cols();
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    double[][] outcomeCols = new double[2 + p][];
    double[][] treatmentCols = new double[1 + p][];
    outcomeCols[0] = ones;
    outcomeCols[1] = d.treatment();
    treatmentCols[0] = ones;
    List<String> names = new ArrayList<>(List.of("(intercept)", problem.treatment()));
    for (int j = 0; j < p; j++) {
      outcomeCols[2 + j] = x.column(j);
      treatmentCols[1 + j] = outcomeCols[2 + j];
      names.add(d.covariateNames().get(j));
    }
    Classical yFit = Classical.fit(FeatureMatrix.ofColumns(outcomeCols), names, d.outcome());
    if (yFit.dof < 2) {
      throw new InvalidInputException("the regression has " + yFit.dof + " residual degrees of"
          + " freedom; the robustness value needs at least 2");
    }
    double beta = yFit.beta[1];
    double se = yFit.se[1];
    double t = beta / se;
    int dof = yFit.dof;
    double r2 = partialR2(t, dof);
    double rvq = robustnessValue(t, dof, q);
    double rva = robustnessValue(t, dof, q, alpha);
    double tCrit = TDistribution.of(dof - 1).inverseCumulativeProbability(1 - alpha / 2);

    List<Benchmark> benchmarks = new ArrayList<>();
    boolean robustToAll = true;
    if (p > 0) {
      Classical dFit = Classical.fit(FeatureMatrix.ofColumns(treatmentCols),
          withoutTreatment(names), d.treatment());
      for (int j = 0; j < p; j++) {
        double r2dxj = partialR2(dFit.beta[1 + j] / dFit.se[1 + j], dFit.dof);
        double r2yxj = partialR2(yFit.beta[2 + j] / yFit.se[2 + j], dof);
        List<Double> ks = new ArrayList<>(multiples);
        if (!ks.contains(verdictMultiple)) {
          ks.add(verdictMultiple);
        }
        for (double k : ks) {
          double[] b;
          try {
            b = bound(r2dxj, r2yxj, k, k);
          } catch (IllegalArgumentException e) {
            if (k == verdictMultiple) {
              robustToAll = false;
            }
            continue;
          }
          double adj = adjustedEstimate(beta, se, dof, b[0], b[1]);
          double adjSe = adjustedStandardError(se, dof, b[0], b[1]);
          Benchmark bm = new Benchmark(d.covariateNames().get(j), k, b[0], b[1], adj, adjSe,
              adj - tCrit * adjSe, adj + tCrit * adjSe);
          // Robust only if the interval stays on the estimate's side of 0; a bias large enough to
          // flip the sign overturns the conclusion even when the flipped interval excludes 0.
          boolean sameSide = beta > 0 ? bm.lower() > 0 : bm.upper() < 0;
          if (k == verdictMultiple && !sameSide) {
            robustToAll = false;
          }
          if (multiples.contains(k)) {
            benchmarks.add(bm);
          }
        }
      }
    }
    boolean pass = rva > 0 && robustToAll;
    Verdict v = new Verdict(pass, verdictMultiple, String.format(Locale.ROOT, "passes when"
        + " RV_{q,α} > 0 and a confounder %s× as strong as any observed covariate leaves the"
        + " adjusted %.0f%% interval on the estimate's side of 0", Reruns.num(verdictMultiple),
        100 * (1 - alpha)));
    String note = Math.abs(beta - estimate.estimate()) <= 1e-9 * Math.max(1,
        Math.abs(beta)) ? "" : String.format(Locale.ROOT, "analysed the constant-effect"
            + " regression Y ~ D + X (coefficient %s), the model Cinelli and Hazlett treat; the"
            + " estimate checked (%s) came from the regression with treatment-by-covariate"
            + " interactions", Reruns.num(beta), Reruns.num(estimate.estimate()));
    Benchmark strongest = benchmarks.stream().filter(b -> b.k() == verdictMultiple)
        .min((a, b) -> Double.compare(Math.signum(beta) * a.adjustedEstimate(),
            Math.signum(beta) * b.adjustedEstimate()))
        .orElse(null);
    String summary = String.format(Locale.ROOT, "partial R² of the treatment with the outcome"
        + " %.2f%%; RV = %.1f%%, RV_α = %.1f%%: a confounder explaining %.1f%% of the residual"
        + " variance of both treatment and outcome would %s%s: %s%s",
        100 * r2, 100 * rvq, 100 * rva, 100 * rva,
        q == 1 ? "make the 95% interval include 0" : String.format(Locale.ROOT, "make the"
            + " interval reach %.0f%% less than the estimate", 100 * q),
        strongest == null ? "" : String.format(Locale.ROOT, "; one %s× as strong as %s (the"
            + " worst observed covariate) leaves %s, interval %s to %s", Reruns.num(
                verdictMultiple), strongest.covariate(), Reruns.num(strongest.adjustedEstimate()),
            Reruns.num(strongest.lower()), Reruns.num(strongest.upper())),
        v.word(), note.isEmpty() ? "" : " (" + note + ")");
    return new RobustnessValue(estimate.estimate(), beta, se, t, dof, r2, q, alpha, rvq, rva,
        benchmarks, note, v, summary);
  }

  private static List<String> withoutTreatment(List<String> names) {
    List<String> out = new ArrayList<>(names);
    out.remove(1);
    return out;
  }

  /** Least squares with the classical covariance {@code σ̂²(XᵀX)⁻¹}, {@code σ̂² = RSS/(n − k)}. */
  private record Classical(double[] beta, double[] se, int dof) {
    static Classical fit(FeatureMatrix design, List<String> names, double[] y) {
      // The robust fit refuses collinear designs with a message naming the regressors.
      OrdinaryLeastSquares.Fit f = OrdinaryLeastSquares.fit(design, names, y,
          RobustCovariance.HC0);
      int n = design.rows();
      int k = design.cols();
      DMatrixRMaj xm = new DMatrixRMaj(n, k, true, design.values());
      DMatrixRMaj xtx = new DMatrixRMaj(k, k);
      CommonOps_DDRM.multInner(xm, xtx);
      if (!CommonOps_DDRM.invert(xtx)) {
        throw new InvalidInputException("the regressors " + String.join(", ", names) + " are"
            + " collinear; drop the redundant covariate");
      }
      double rss = 0;
      for (double e : f.residuals()) {
        rss += e * e;
      }
      int dof = n - k;
      double sigma2 = rss / dof;
      double[] se = new double[k];
      for (int j = 0; j < k; j++) {
        se[j] = Math.sqrt(sigma2 * xtx.get(j, j));
      }
      return new Classical(f.coefficients(), se, dof);
    }
  }
}
