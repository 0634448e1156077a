package dev.causal4j.effects.refute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.AugmentedIpw;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.estimate.RegressionAdjustment;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The re-running refuters on simulated data whose effect is known, with the estimators right
 * (every refuter passes) and with pipelines broken on purpose (placebo and dummy outcome catch
 * them). Seeds are fixed, so each verdict is deterministic; the placebo and dummy-outcome tests
 * have a 5% false-alarm rate by design, so a seed change could flip one verdict on a correct
 * pipeline — the numeric assertions beside the verdicts say by how much they pass.
 */
class RefutersTest {
  static final int RUNS = 20;

  /**
   * Two confounders: logit P(t) = 0.8 x1 − 0.5 x2, y = τ t + x1 + 0.5 x2 + N(0, 1). ATE = ATT =
   * τ.
   */
  static Dataset simulate(int n, double tau, long seed) {
    Random r = new Random(seed);
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = r.nextGaussian();
      x2[i] = r.nextGaussian();
      t[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.8 * x1[i] - 0.5 * x2[i]))) ? 1 : 0;
      y[i] = tau * t[i] + x1[i] + 0.5 * x2[i] + r.nextGaussian();
    }
    return Dataset.ofContinuous(List.of("x1", "x2", "t", "y"), new double[][] {x1, x2, t, y});
  }

  static EstimationProblem problem(Dataset d) {
    return EstimationProblem.adjustment(d, "t", "y", List.of("x1", "x2"), Estimand.ATE);
  }

  static List<RerunRefutation> all(Estimator e, EstimationProblem p, EffectEstimate original,
      long seed) {
    List<RerunRefutation> out = new ArrayList<>();
    for (RefuterKind k : RefuterKind.values()) {
      if (k.reruns()) {
        out.add(Refutations.refuter(k, RUNS, seed).refute(e, p, original));
      }
    }
    return out;
  }

  @Test
  void everyRefuterPassesWhenTheModelIsRight() {
    for (double tau : new double[] {0, 2}) {
      EstimationProblem p = problem(simulate(800, tau, 11));
      for (Estimator e : List.of(RegressionAdjustment.defaults(),
          AugmentedIpw.of(NuisanceLearners.linear(), 3))) {
        EffectEstimate original = e.estimate(p);
        assertThat(original.estimate()).isCloseTo(tau, within(4 * original.standardError()));
        for (RerunRefutation r : all(e, p, original, 5)) {
          assertThat(r.verdict().passed()).as(e.method() + " τ=" + tau + ": " + r.summary())
              .isTrue();
          assertThat(r.runs()).isEqualTo(RUNS);
          assertThat(r.failedRuns()).isZero();
          switch (r.kind()) {
            // The effect of a permuted treatment, or on a dummy outcome, is 0 whatever τ is. One
            // placebo run spreads more than the original SE (the outcome's marginal variance
            // includes the effect), so 20 runs average it to within about 0.3 SE; 1 SE is slack
            // a correct pipeline exceeds with negligible probability.
            case PLACEBO_TREATMENT, DUMMY_OUTCOME -> assertThat(r.newEffect()).as(r.summary())
                .isCloseTo(0, within(original.standardError()));
            case RANDOM_COMMON_CAUSE -> assertThat(r.newEffect()).as(r.summary())
                .isCloseTo(original.estimate(), within(0.1 * original.standardError()));
            // Subsets and resamples centre on the estimate; their means over 20 runs lie within
            // their Monte Carlo error (about 0.5 SE/√20 and SE/√20) of it.
            case DATA_SUBSET, BOOTSTRAP -> assertThat(r.newEffect())
                .isCloseTo(original.estimate(), within(0.5 * original.standardError()));
            default -> throw new AssertionError(r.kind());
          }
        }
      }
    }
  }

  @Test
  void bootstrapSpreadMatchesTheReportedStandardError() {
    EstimationProblem p = problem(simulate(800, 2, 11));
    EffectEstimate original = RegressionAdjustment.defaults().estimate(p);
    RerunRefutation r = BootstrapStability.of(200, 9).refute(RegressionAdjustment.defaults(), p,
        original);
    double sd = standardDeviation(r.values());
    // With 200 resamples the SD is known to about 5%; the HC2 standard error is consistent here.
    assertThat(sd / original.standardError()).isCloseTo(1, within(0.15));
    assertThat(r.interval()).isPresent();
    assertThat(r.interval().get().contains(original.estimate())).isTrue();
  }

  /**
   * A pipeline that builds a feature from the outcome and the treatment it is handed (a
   * post-outcome "collider" such as a score computed after the fact) and adjusts for it. Adjusting
   * for a common effect of treatment and outcome induces an association even where none exists,
   * so the placebo and dummy-outcome effects are far from 0. (A leak of the outcome alone only
   * shrinks the estimate towards 0, which neither refuter can tell from a true null effect.)
   */
  record ColliderLeak(Estimator inner) implements Estimator {
    @Override
    public Method method() {
      return inner.method();
    }

    @Override
    public EffectEstimate estimate(EstimationProblem p) {
      Dataset d = p.data();
      double[] t = d.numeric(d.require(p.treatment()));
      double[] y = d.numeric(d.require(p.outcome()));
      Random noise = new Random(1);
      double[] leak = new double[y.length];
      for (int i = 0; i < leak.length; i++) {
        leak[i] = y[i] + t[i] + noise.nextGaussian();
      }
      Dataset withLeak = Reruns.withContinuous(d, "leak", leak);
      List<String> covariates = new ArrayList<>(p.covariates());
      covariates.add("leak");
      return inner.estimate(new EstimationProblem(withLeak, p.treatment(), p.outcome(),
          covariates, p.instruments(), p.mediators(), p.estimand(), p.assumptions()));
    }
  }

  /** A pipeline that estimates on a stale copy of the data, ignoring what it is handed. */
  record StaleData(Estimator inner, EstimationProblem stale) implements Estimator {
    @Override
    public Method method() {
      return inner.method();
    }

    @Override
    public EffectEstimate estimate(EstimationProblem p) {
      return inner.estimate(stale);
    }
  }

  @Test
  void placeboAndDummyOutcomeCatchAnOutcomeLeak() {
    for (double tau : new double[] {0, 2}) {
      EstimationProblem p = problem(simulate(800, tau, 11));
      Estimator broken = new ColliderLeak(RegressionAdjustment.defaults());
      EffectEstimate original = broken.estimate(p);
      RerunRefutation placebo = PlaceboTreatment.of(RUNS, 5).refute(broken, p, original);
      RerunRefutation dummy = DummyOutcome.of(RUNS, 5).refute(broken, p, original);
      assertThat(placebo.verdict().passed()).as(placebo.summary()).isFalse();
      assertThat(dummy.verdict().passed()).as(dummy.summary()).isFalse();
      // Regressing y on t and leak = y + t + e gives t a coefficient near −Var(y|x)/(Var(y|x) +
      // 1), about −0.5 to −0.8 here, when t has no effect: far outside the intervals.
      assertThat(placebo.newEffect()).isLessThan(-0.3);
      assertThat(dummy.newEffect()).isLessThan(-0.3);
      assertThat(placebo.pValue().getAsDouble()).isLessThan(1e-6);
    }
  }

  @Test
  void placeboAndDummyOutcomeCatchAPipelineThatIgnoresItsInput() {
    EstimationProblem p = problem(simulate(800, 2, 11));
    Estimator broken = new StaleData(RegressionAdjustment.defaults(), p);
    EffectEstimate original = broken.estimate(p);
    RerunRefutation placebo = PlaceboTreatment.of(RUNS, 5).refute(broken, p, original);
    RerunRefutation dummy = DummyOutcome.of(RUNS, 5).refute(broken, p, original);
    assertThat(placebo.verdict().passed()).isFalse();
    assertThat(dummy.verdict().passed()).isFalse();
    assertThat(placebo.newEffect()).isEqualTo(original.estimate());
    assertThat(placebo.summary()).contains("fails");
  }

  @Test
  void sameSeedSameRefutationOnOneOrManyThreads() throws Exception {
    EstimationProblem p = problem(simulate(400, 1, 2));
    Estimator e = AugmentedIpw.of(NuisanceLearners.linear(), 3);
    EffectEstimate original = e.estimate(p);
    List<RerunRefutation> one = new ForkJoinPool(1).submit(() -> all(e, p, original, 8)).get();
    List<RerunRefutation> four = new ForkJoinPool(4).submit(() -> all(e, p, original, 8)).get();
    for (int i = 0; i < one.size(); i++) {
      assertThat(four.get(i).values()).containsExactly(one.get(i).values());
      assertThat(four.get(i).summary()).isEqualTo(one.get(i).summary());
    }
    List<RerunRefutation> otherSeed = all(e, p, original, 9);
    assertThat(otherSeed.get(0).values()).isNotEqualTo(one.get(0).values());
  }

  @Test
  void oneRunUsesItsOwnInterval() {
    EstimationProblem p = problem(simulate(400, 1, 2));
    EffectEstimate original = RegressionAdjustment.defaults().estimate(p);
    RerunRefutation r = PlaceboTreatment.of(1, 4).refute(RegressionAdjustment.defaults(), p,
        original);
    assertThat(r.values()).hasSize(1);
    assertThat(r.interval().orElseThrow().detail()).isEqualTo("the run's own interval");
    assertThat(r.verdict().passed()).isEqualTo(r.interval().get().contains(0));
  }

  @Test
  void randomCommonCauseNamesItsColumnApartFromTheData() {
    Dataset d = simulate(300, 1, 4);
    double[] extra = new double[300];
    Dataset clash = Reruns.withContinuous(d, RandomCommonCause.COLUMN, extra);
    EstimationProblem p = problem(clash);
    EffectEstimate original = RegressionAdjustment.defaults().estimate(p);
    RerunRefutation r = RandomCommonCause.of(3, 1).refute(RegressionAdjustment.defaults(), p,
        original);
    assertThat(r.verdict().passed()).isTrue();
  }

  @Test
  void subsetsKeepTheArmsSizes() {
    Dataset d = simulate(500, 1, 4);
    EstimationProblem p = problem(d);
    List<Integer> sizes = new ArrayList<>();
    Estimator spy = new Estimator() {
      @Override
      public Method method() {
        return Method.REGRESSION;
      }

      @Override
      public synchronized EffectEstimate estimate(EstimationProblem q) {
        double[] t = q.data().numeric(q.data().require("t"));
        sizes.add((int) java.util.Arrays.stream(t).sum() * 1000 + t.length);
        return RegressionAdjustment.defaults().estimate(q);
      }
    };
    EffectEstimate original = RegressionAdjustment.defaults().estimate(p);
    DataSubset.of(4, 1).refute(spy, p, original);
    int treated = (int) java.util.Arrays.stream(d.numeric(2)).sum();
    int expected = (int) Math.round(0.8 * treated) * 1000 + (int) Math.round(0.8 * treated)
        + (int) Math.round(0.8 * (500 - treated));
    assertThat(sizes).hasSize(4).containsOnly(expected);
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> RefuterKind.parseList("placebo,sham"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--refute: 'sham' is not a refuter; use all or a comma-separated list of"
            + " placebo, random-common-cause, subset, dummy-outcome, bootstrap, e-value,"
            + " robustness-value");
    assertThat(RefuterKind.parseList("all")).isEqualTo(EnumSet.allOf(RefuterKind.class));
    assertThat(RefuterKind.parseList(" Placebo , e-value")).containsExactly(
        RefuterKind.PLACEBO_TREATMENT, RefuterKind.E_VALUE);
    assertThatThrownBy(() -> PlaceboTreatment.of(0, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1 run");
    assertThatThrownBy(() -> new DataSubset(5, 1.0, 1, 0.25))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("(0, 1)");
    EstimationProblem p = problem(simulate(300, 1, 4));
    Estimator aipw = AugmentedIpw.of(NuisanceLearners.linear(), 3);
    EffectEstimate est = aipw.estimate(p);
    assertThatThrownBy(() -> Refutations.run(EnumSet.of(RefuterKind.ROBUSTNESS_VALUE), aipw, p,
        est, 5, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("this estimate is aipw: rerun with --method regression");
    Estimator alwaysFails = new Estimator() {
      @Override
      public Method method() {
        return Method.REGRESSION;
      }

      @Override
      public EffectEstimate estimate(EstimationProblem q) {
        throw new InvalidInputException("no overlap");
      }
    };
    assertThatThrownBy(() -> PlaceboTreatment.of(3, 1).refute(alwaysFails, p, est))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("placebo: none of 3 runs could be estimated (no overlap)");
  }

  private static double standardDeviation(double[] v) {
    double m = java.util.Arrays.stream(v).average().orElseThrow();
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (v.length - 1));
  }
}
