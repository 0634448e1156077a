package dev.causal4j.analyst.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.TestData;
import dev.causal4j.analyst.profile.DataKind;
import dev.causal4j.analyst.profile.Profile;
import dev.causal4j.analyst.profile.Profiler;
import dev.causal4j.data.Dataset;
import dev.causal4j.knowledge.Knowledge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PlannerTest {

  static PlanRequest request(boolean hidden, Duration budget) {
    return new PlanRequest(Optional.empty(), Optional.empty(), Knowledge.empty(), hidden,
        Optional.empty(), budget, 0, 1);
  }

  static Plan plan(Dataset d, PlanRequest r) {
    Profile p = Profiler.builder().build().profile(d);
    Plan plan = Planner.plan(p, d, r);
    return plan;
  }

  @Test
  void sachsGoesToTheRuleItsProfileMatchesAndEveryStepHasAReason() {
    Plan plan = plan(TestData.sachs(), request(false, Duration.ofMinutes(5)));
    assertThat(plan.ruleId()).isEqualTo("non-gaussian");
    assertThat(plan.rulesVersion()).isEqualTo(RuleTable.VERSION);
    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    assertThat(plan.bootstrapSamples()).isEqualTo(Planner.MAX_BOOTSTRAP);
    assertThat(plan.pilot()).isNotNull();
  }

  @Test
  void linearGaussianDataGetBossTunedByTheExtendedBic() {
    Plan plan = plan(linear(1000, 8, false), request(false, Duration.ofMinutes(5)));
    assertThat(plan.ruleId()).isEqualTo("linear-gaussian");
    assertThat(plan.algorithm()).isEqualTo(Algorithm.BOSS);
    assertThat(plan.statistic()).isEqualTo(Statistic.BIC);
    assertThat(plan.tuning().criterion()).isEqualTo(Tuning.Criterion.EXTENDED_BIC);
    assertThat(plan.tuning().candidates()).containsExactly(1.0, 2.0, 4.0);
    assertThat(plan.stabilitySubsamples()).isZero();
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.reason()).contains("extended BIC"));
  }

  @Test
  void mixedDataGetBossWithTheConditionalGaussianBicAndPcStableAsTheDowngrade() {
    Dataset d = TestData.sachs();
    int n = d.rows();
    Dataset.Builder b = Dataset.builder(n);
    for (int j = 0; j < 6; j++) {
      double[] v = d.doubles(j);
      if (j < 2) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[n / 2];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = v[i] > median ? 1 : 0;
        }
        b.addDiscrete(d.variable(j).name(), codes, List.of("low", "high"));
      } else {
        b.addContinuous(d.variable(j).name(), v);
      }
    }
    Plan plan = plan(b.build(), request(false, Duration.ofMinutes(5)));
    assertThat(plan.ruleId()).isEqualTo("mixed");
    assertThat(plan.algorithm()).isEqualTo(Algorithm.BOSS);
    assertThat(plan.statistic()).isEqualTo(Statistic.CONDITIONAL_GAUSSIAN_BIC);
    assertThat(plan.tuning().candidates()).containsExactly(2.0);
    Rule pc = RuleTable.byId(RuleTable.byId("mixed").orElseThrow().downgrade()).orElseThrow();
    assertThat(pc.algorithm()).isEqualTo(Algorithm.PC_STABLE);
    assertThat(pc.statistic()).isEqualTo(Statistic.CONDITIONAL_GAUSSIAN);
  }

  @Test
  void missingValuesThatNeedTestwiseDeletionGetPcStableAtAFixedAlpha() {
    // 30% of each column's values missing at random: about 3% of rows are complete, so the
    // planner cannot drop rows and goes to test-wise Fisher Z tests.
    Dataset full = linear(1000, 10, false);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    Dataset.Builder b = Dataset.builder(full.rows());
    for (int j = 0; j < 10; j++) {
      java.util.BitSet missing = new java.util.BitSet();
      for (int i = 0; i < full.rows(); i++) {
        if (rng.nextDouble() < 0.3) {
          missing.set(i);
        }
      }
      b.addContinuous(full.variable(j).name(), full.doubles(j).clone(), missing);
    }
    Plan plan = plan(b.build(), request(false, Duration.ofMinutes(5)));
    assertThat(plan.ruleId()).isEqualTo("missing-pc");
    assertThat(plan.missingPolicy()).isEqualTo(dev.causal4j.data.MissingPolicy.TESTWISE_DELETION);
    assertThat(plan.tuning().criterion()).isEqualTo(Tuning.Criterion.FIXED);
    assertThat(plan.tuning().candidates()).containsExactly(0.01);
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.decision())
        .isEqualTo("switch: boss with bic → pc-stable with fisher-z, α = 0.01"));
  }

  @Test
  void nonGaussianLinearDataGetDirectLingam() {
    Plan plan = plan(linear(1000, 6, true), request(false, Duration.ofMinutes(5)));
    assertThat(plan.ruleId()).isEqualTo("non-gaussian");
    assertThat(plan.algorithm()).isEqualTo(Algorithm.DIRECTLINGAM);
    assertThat(plan.tuning().criterion()).isEqualTo(Tuning.Criterion.INTERNAL);
  }

  @Test
  void declaredHiddenConfoundersGetGfciAndNoPilot() {
    Plan plan = plan(linear(1000, 6, false), request(true, Duration.ofMinutes(5)));
    assertThat(plan.ruleId()).isEqualTo("hidden-continuous");
    assertThat(plan.algorithm()).isEqualTo(Algorithm.GFCI);
    assertThat(plan.algorithm().allowsHiddenConfounders()).isTrue();
    assertThat(plan.pilot()).isNull();
    assertThat(plan.steps().get(0).reason()).contains("--hidden-confounders");
  }

  @Test
  void conflictsThatGfciConfirmsMakeThePilotSuspectHiddenConfounders() {
    // x0 -> x1 <- L1 -> x2 <- L2 -> x3 <- L3 -> x4 <- x5 with L1..L3 hidden: PC-Stable's
    // colliders conflict on x1-x2, x2-x3 and x3-x4, and GFCI's PAG has the same three <->.
    int n = 2000;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] cols = new double[6][n];
    for (int i = 0; i < n; i++) {
      double l1 = z.sample();
      double l2 = z.sample();
      double l3 = z.sample();
      cols[0][i] = z.sample();
      cols[5][i] = z.sample();
      cols[1][i] = 0.8 * cols[0][i] + 0.8 * l1 + z.sample();
      cols[2][i] = 0.8 * l1 + 0.8 * l2 + z.sample();
      cols[3][i] = 0.8 * l2 + 0.8 * l3 + z.sample();
      cols[4][i] = 0.8 * l3 + 0.8 * cols[5][i] + z.sample();
    }
    Dataset d = Dataset.ofContinuous(List.of("x0", "x1", "x2", "x3", "x4", "x5"), cols);
    Plan plan = plan(d, request(false, Duration.ofMinutes(5)));
    assertThat(plan.pilot().bidirected()).isEqualTo(3);
    assertThat(plan.pilot().confirmed()).isEqualTo(3);
    assertThat(plan.pilot().suspectsHiddenConfounding()).isTrue();
    assertThat(plan.ruleId()).isEqualTo("hidden-continuous");
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.reason()).contains("3 of them also"
        + " <-> in GFCI's PAG"));
  }

  @Test
  void thePilotSuspectsOnlyAtThreeAndFifteenPercentConfirmedConflicts() {
    assertThat(new PlanInput.Pilot("pc", 20, 3, 3).suspectsHiddenConfounding()).isTrue();
    // 3 of 21 edges is under 15%.
    assertThat(new PlanInput.Pilot("pc", 21, 3, 3).suspectsHiddenConfounding()).isFalse();
    // 2 of 5 is 40% but fewer than 3.
    assertThat(new PlanInput.Pilot("pc", 5, 2, 2).suspectsHiddenConfounding()).isFalse();
    // Many conflicts that GFCI does not confirm are not enough (the earlier rule flagged these).
    assertThat(new PlanInput.Pilot("pc", 12, 6, 2).suspectsHiddenConfounding()).isFalse();
  }

  @Test
  void linearGaussianDataWithoutHiddenCausesAreNotSuspected() {
    Plan plan = plan(linear(1000, 8, false), request(false, Duration.ofMinutes(5)));
    assertThat(plan.pilot().suspectsHiddenConfounding()).isFalse();
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.decision())
        .isEqualTo("assume no hidden common causes"));
  }

  @Test
  void categoricalDataGetTheG2Test() {
    Dataset d = TestData.sachs();
    int n = d.rows();
    Dataset.Builder b = Dataset.builder(n);
    for (int j = 0; j < 5; j++) {
      double[] v = d.doubles(j);
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      double median = sorted[n / 2];
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = v[i] > median ? 1 : 0;
      }
      b.addDiscrete(d.variable(j).name(), codes, List.of("low", "high"));
    }
    Plan plan = plan(b.build(), request(false, Duration.ofMinutes(5)));
    assertThat(plan.statistic().dataKind()).isEqualTo(DataKind.DISCRETE);
    assertThat(plan.statistic()).isIn(Statistic.G_SQUARE);
  }

  @Test
  void aTightBudgetCutsBootstrapThenTuningThenDowngradesAndSaysSo() {
    Dataset d = linear(5000, 40, false);
    Plan roomy = plan(d, request(false, Duration.ofMinutes(30)));
    assertThat(roomy.ruleId()).isEqualTo("linear-gaussian");
    double minimum = Planner.minimumSeconds(5000, 40, DataKind.CONTINUOUS, false);
    Plan tight = plan(d, request(false, Duration.ofMillis((long) (1000 * (minimum + 0.5)))));
    assertThat(tight.ruleId()).isEqualTo("linear-gaussian-pc");
    assertThat(tight.steps()).anySatisfy(s -> assertThat(s.decision()).startsWith("downgrade"));
    assertThat(tight.steps()).filteredOn(s -> s.stage().equals("budget")).isNotEmpty();
  }

  @Test
  void largePDowngradesFromBossToFgesBeforePcStable() {
    // p = 60 >= LARGE_P: BOSS when it fits; FGES, by the cost model about ten times cheaper at
    // this size, when BOSS with the fewest bootstrap runs does not.
    Dataset d = linear(2000, 60, false);
    Plan roomy = plan(d, request(false, Duration.ofMinutes(30)));
    assertThat(roomy.ruleId()).isEqualTo("large-p");
    assertThat(roomy.algorithm()).isEqualTo(Algorithm.BOSS);
    Rule boss = RuleTable.byId("large-p").orElseThrow();
    Rule fges = RuleTable.byId("large-p-fges").orElseThrow();
    assertThat(boss.downgrade()).isEqualTo("large-p-fges");
    assertThat(fges.algorithm()).isEqualTo(Algorithm.FGES);
    double bossSeconds = CostModel.search(Algorithm.BOSS, Statistic.BIC, 2000, 60)
        * (Planner.MIN_BOOTSTRAP + 1);
    double fgesSeconds = CostModel.search(Algorithm.FGES, Statistic.BIC, 2000, 60)
        * (Planner.MIN_BOOTSTRAP + 1);
    assertThat(fgesSeconds).isLessThan(bossSeconds / 3);
    // A budget between the two: BOSS does not fit, FGES does.
    double budget = (bossSeconds + 2 * fgesSeconds) / 2 / 0.7 + 5;
    Plan mid = plan(d, request(false, Duration.ofMillis((long) (1000 * budget))));
    assertThat(mid.ruleId()).isEqualTo("large-p-fges");
    assertThat(mid.steps()).anySatisfy(s -> assertThat(s.decision())
        .isEqualTo("downgrade: boss with bic → fges with bic"));
  }

  @Test
  void aBudgetBelowTheMinimumIsRefusedWithTheMinimum() {
    Dataset d = linear(1000, 10, false);
    assertThatThrownBy(() -> plan(d, request(false, Duration.ofMillis(100))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too small for 1000 rows × 10 variables")
        .hasMessageMatching(".*use --time-budget \\d+s or more.*");
  }

  @Test
  void everyDowngradeExistsAndKeepsTheDataKindAndEveryKindHasAFinalRow() {
    for (Rule r : RuleTable.ROWS) {
      if (r.downgrade() != null) {
        Rule to = RuleTable.byId(r.downgrade()).orElseThrow();
        assertThat(to.statistic().dataKind()).as(r.id()).isEqualTo(r.statistic().dataKind());
        assertThat(CostModel.search(to.algorithm(), to.statistic(), 1000, 20))
            .as(r.id() + " → " + to.id())
            .isLessThanOrEqualTo(CostModel.search(r.algorithm(), r.statistic(), 1000, 20));
      }
    }
    assertThat(RuleTable.ROWS.stream().map(Rule::id).distinct()).hasSize(RuleTable.ROWS.size());
  }

  /** A linear chain-like model with Gaussian or uniform noise. */
  static Dataset linear(int n, int p, boolean uniform) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] cols = new double[p][n];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("x" + j);
      for (int i = 0; i < n; i++) {
        double e = uniform ? (rng.nextDouble() - 0.5) * 3.4 : z.sample();
        cols[j][i] = e + (j > 0 ? 0.7 * cols[j - 1][i] : 0) + (j > 2 ? 0.5 * cols[j - 3][i] : 0);
      }
      standardise(cols[j]);
    }
    return Dataset.ofContinuous(names, cols);
  }

  /** Unit variance, so that no column nearly determines the next. */
  static void standardise(double[] v) {
    double mean = java.util.Arrays.stream(v).average().orElse(0);
    double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum()
        / (v.length - 1));
    for (int i = 0; i < v.length; i++) {
      v[i] = (v[i] - mean) / sd;
    }
  }
}
