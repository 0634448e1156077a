package dev.causal4j.effects.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.learner.Learner;
import dev.causal4j.effects.estimate.learner.LogisticRegression;
import dev.causal4j.effects.estimate.learner.NuisanceLearners;
import dev.causal4j.effects.estimate.learner.RidgeRegression;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LaLonde's job-training data (LaLonde 1986; Dehejia &amp; Wahba 1999). The randomised
 * experiment's difference in means, 1,794.34, is the benchmark for the effect on the treated; the
 * observational set (the 185 treated with 429 non-experimental comparison units, as in R's
 * MatchIt) asks each estimator to recover it from covariates age, educ, race, married, nodegree,
 * re74, re75. Seeds are fixed. What each estimator gets is printed as a table; the assertions are
 * what the estimators honestly achieve (see the class comment of each test).
 */
class LalondeTest {
  static final double BENCHMARK = 1794.34;
  static final List<String> COVARIATES =
      List.of("age", "educ", "race", "married", "nodegree", "re74", "re75");
  private static Dataset observational;
  private static Dataset experimental;

  @BeforeAll
  static void read() throws Exception {
    observational = DataReader.read(Path.of(LalondeTest.class
        .getResource("lalonde_observational.csv").toURI()));
    experimental = DataReader.read(Path.of(LalondeTest.class
        .getResource("lalonde_experimental.csv").toURI()));
  }

  static EstimationProblem att() {
    return EstimationProblem.adjustment(observational, "treat", "re78", COVARIATES,
        Estimand.ATT);
  }

  /** Every estimator, with the settings the table reports. */
  static Map<String, Estimator> estimators() {
    long seed = 1;
    NuisanceLearners linear = NuisanceLearners.linear();
    NuisanceLearners boosting = Learner.BOOSTING.learners(seed, 1);
    NuisanceLearners forest = Learner.FOREST.learners(seed, 1);
    Map<String, Estimator> m = new LinkedHashMap<>();
    m.put("regression (interacted OLS)", RegressionAdjustment.defaults());
    m.put("g-formula, linear", new GFormula(RidgeRegression.ols(), 200, seed));
    m.put("ipw, logistic", InverseProbabilityWeighting.defaults());
    m.put("ipw, logistic, trimmed [0.01, 0.99]", new InverseProbabilityWeighting(
        LogisticRegression.defaults(), 0.01, IntervalMethod.INFLUENCE_FUNCTION, 200, seed));
    m.put("aipw, linear", AugmentedIpw.of(linear, seed));
    m.put("aipw, boosting", AugmentedIpw.of(boosting, seed));
    m.put("aipw, forest", AugmentedIpw.of(forest, seed));
    m.put("aipw, boosting, median of 10 splits", new AugmentedIpw(boosting, 5, 0.01, seed, 10));
    m.put("tmle, linear", Tmle.of(linear, seed));
    m.put("tmle, boosting", Tmle.of(boosting, seed));
    m.put("tmle, forest", Tmle.of(forest, seed));
    m.put("dml (interactive), boosting", new DoubleMl(DoubleMl.Model.INTERACTIVE, boosting, 5,
        0.01, seed));
    m.put("matching, propensity 1-NN", Matching.propensityScore());
    m.put("matching, propensity 1-NN, bias-corrected", new Matching(Matching.Distance.PROPENSITY,
        1, true, 0, true, LogisticRegression.defaults(), seed));
    m.put("matching, Mahalanobis 1-NN", Matching.mahalanobis());
    m.put("matching, Mahalanobis 1-NN, bias-corrected", new Matching(
        Matching.Distance.MAHALANOBIS, 1, true, 0, true, LogisticRegression.defaults(), seed));
    return m;
  }

  @Test
  void theExperimentalBenchmarkIsTheDifferenceInMeans() {
    EffectEstimate r = RegressionAdjustment.defaults().estimate(EstimationProblem.adjustment(
        experimental, "treat", "re78", List.of(), Estimand.ATE));
    // The file rounds earnings to cents, so the difference agrees to about a cent.
    assertThat(r.estimate()).isCloseTo(BENCHMARK, within(0.01));
    assertThat(r.n()).isEqualTo(445);
  }

  /**
   * Every estimator's ATT with its interval, printed as the table the report quotes. Matching on
   * the propensity score lands within $500 of the benchmark. The doubly robust estimators do not:
   * with these seven covariates entered linearly they land $600–$1,100 below it. The score itself
   * is checked against numpy on this data ({@code EstimatorReferenceTest}); the gap is the data's:
   * the linear μ₀ under-predicts the controls that resemble the treated (their weighted mean
   * residual is about +$420), 8 treated units lie above every control's propensity, and the
   * control weights' effective sample size is about 100 of 429 (docs/benchmarks.md). Their 95%
   * intervals all contain the benchmark, which is what is asserted.
   */
  @Test
  void everyEstimatorOnTheObservationalSet() {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%-45s %9s %21s %8s%n", "estimator (ATT)", "estimate", "95% interval", "SE"));
    Map<String, EffectEstimate> results = new LinkedHashMap<>();
    for (Map.Entry<String, Estimator> e : estimators().entrySet()) {
      EffectEstimate r = e.getValue().estimate(att());
      results.put(e.getKey(), r);
      table.append(String.format(Locale.ROOT, "%-45s %9.0f [%8.0f, %8.0f] %8.0f  %s%n",
          e.getKey(), r.estimate(), r.interval().lower(), r.interval().upper(),
          r.standardError(), r.interval().method().label()));
      assertThat(r.estimand()).isEqualTo(Estimand.ATT);
      assertThat(r.n() + r.diagnostics().trimmed()).isEqualTo(614);
      assertThat(r.interval().lower()).isLessThan(r.estimate());
      assertThat(r.interval().upper()).isGreaterThan(r.estimate());
    }
    System.out.print(table);
    assertThat(results.get("matching, propensity 1-NN").estimate())
        .isCloseTo(BENCHMARK, within(500.0));
    assertThat(results.get("matching, propensity 1-NN, bias-corrected").estimate())
        .isCloseTo(BENCHMARK, within(500.0));
    for (String dr : List.of("aipw, linear", "aipw, boosting", "aipw, forest",
        "aipw, boosting, median of 10 splits", "tmle, linear",
        "tmle, boosting", "tmle, forest")) {
      assertThat(results.get(dr).interval().contains(BENCHMARK)).as(dr).isTrue();
    }
  }

  @Test
  void balanceImprovesAfterPropensityMatching() {
    EffectEstimate r = Matching.propensityScore().estimate(att());
    List<Balance> b = r.diagnostics().balance();
    assertThat(b).extracting(Balance::covariate).containsExactly("age", "educ", "race=hispan",
        "race=white", "married", "nodegree", "re74", "re75");
    double before = b.stream().mapToDouble(x -> Math.abs(x.before())).max().orElseThrow();
    double after = b.stream().mapToDouble(x -> Math.abs(x.after())).max().orElseThrow();
    // race=white's raw difference is about 1.4 SD; matching brings every covariate below 0.2.
    assertThat(before).isGreaterThan(1.0);
    assertThat(after).isLessThan(0.2);
  }

  @Test
  void sameSeedSameEstimate() {
    Estimator e = AugmentedIpw.of(Learner.BOOSTING.learners(7, 1), 7);
    assertThat(e.estimate(att()).estimate()).isEqualTo(e.estimate(att()).estimate());
    Estimator twoThreads = AugmentedIpw.of(Learner.BOOSTING.learners(7, 2), 7);
    assertThat(twoThreads.estimate(att()).estimate()).isEqualTo(e.estimate(att()).estimate());
  }
}
