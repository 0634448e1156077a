package dev.causal4j.analyst.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.analyst.TestData;
import dev.causal4j.analyst.profile.Finding.Topic;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DomainColumn;
import dev.causal4j.data.TimeColumn;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ProfilerTest {

  @Test
  void sachsIsContinuousNonGaussianAndNonlinear() {
    Profile p = Profiler.builder().seed(3).build().profile(TestData.sachs());
    assertThat(p.rows()).isEqualTo(853);
    assertThat(p.variables()).isEqualTo(11);
    assertThat(p.rowsPerVariable()).isCloseTo(853 / 11.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(p.kind()).isEqualTo(DataKind.CONTINUOUS);
    // Flow-cytometry abundances are heavily right-skewed (log-normal-like): every marginal and
    // nearly every residual is far from Gaussian, and many relations are curved.
    assertThat(p.columns()).allSatisfy(c -> assertThat(c.marginal().pValue()).isLessThan(1e-6));
    assertThat(p.signals().nonGaussianResiduals()).isGreaterThan(0.8);
    assertThat(p.signals().nonlinearPairs()).isGreaterThan(0.1);
    assertThat(p.pairs()).hasSize(2 * 40);
    assertThat(p.settings().pairsAvailable()).isEqualTo(55);
    assertThat(p.missingness().cells()).isZero();
    assertThat(p.heterogeneity()).isNull();
    assertThat(p.findings()).extracting(Finding::topic)
        .contains(Topic.SIZE, Topic.TYPES, Topic.RESIDUAL_GAUSSIANITY, Topic.NONLINEARITY,
            Topic.HETEROSCEDASTICITY, Topic.TIME_ORDER);
    assertThat(p.findings()).allSatisfy(f -> assertThat(f.text()).isNotBlank());
  }

  @Test
  void sameSeedSameProfileOtherSeedOtherPairs() {
    Dataset d = TestData.sachs();
    Profile a = Profiler.builder().seed(5).maxPairs(10).build().profile(d);
    Profile b = Profiler.builder().seed(5).maxPairs(10).build().profile(d);
    Profile c = Profiler.builder().seed(6).maxPairs(10).build().profile(d);
    assertThat(b.findings()).isEqualTo(a.findings());
    assertThat(b.pairs()).isEqualTo(a.pairs());
    assertThat(c.pairs()).isNotEqualTo(a.pairs());
  }

  @Test
  void linearGaussianDataLookLinearAndGaussian() {
    Dataset d = linearGaussian(2000, 11, false);
    Profile p = Profiler.builder().build().profile(d);
    // At FDR 5% a few false discoveries are possible; most variables must look Gaussian/linear.
    assertThat(p.signals().nonGaussianResiduals()).isLessThan(0.3);
    assertThat(p.signals().nonlinearPairs()).isLessThan(0.1);
    assertThat(p.time().looksLikeTimeSeries()).isFalse();
  }

  @Test
  void autocorrelatedRowsLookLikeATimeSeriesAndADeclaredTimeColumnIsUsed() {
    Dataset ar = linearGaussian(500, 4, true);
    Profile p = Profiler.builder().build().profile(ar);
    assertThat(p.time().looksLikeTimeSeries()).isTrue();
    assertThat(p.time().declared()).isFalse();
    assertThat(p.time().lag1()).allSatisfy(a -> assertThat(a.r1()).isGreaterThan(0.5));

    double[] t = new double[500];
    for (int i = 0; i < 500; i++) {
      t[i] = 499 - i;
    }
    Dataset.Builder b = Dataset.builder(500);
    for (int j = 0; j < ar.columns(); j++) {
      b.addContinuous(ar.variable(j).name(), ar.doubles(j));
    }
    Profile declared = Profiler.builder().build().profile(b.time(new TimeColumn("t", t)).build());
    assertThat(declared.time().declared()).isTrue();
    assertThat(declared.time().orderColumn()).isEqualTo("t");
    assertThat(declared.time().looksLikeTimeSeries()).isTrue();
  }

  @Test
  void monotoneColumnIsNamedAsAPossibleIndex() {
    Dataset base = linearGaussian(200, 3, false);
    double[] idx = new double[200];
    for (int i = 0; i < 200; i++) {
      idx[i] = i;
    }
    Dataset.Builder b = Dataset.builder(200).addContinuous("row", idx);
    for (int j = 0; j < base.columns(); j++) {
      b.addContinuous(base.variable(j).name(), base.doubles(j));
    }
    Profile p = Profiler.builder().build().profile(b.build());
    assertThat(p.time().orderColumn()).isEqualTo("row");
    assertThat(p.findings()).anySatisfy(f -> assertThat(f.text()).contains("'row' increases"));
  }

  @Test
  void missingnessPatternsNearConstantsAndDuplicatesAreReported() {
    int n = 300;
    Dataset base = linearGaussian(n, 3, false);
    double[] a = base.doubles(0).clone();
    double[] b = base.doubles(1).clone();
    double[] dup = new double[n];
    double[] flat = new double[n];
    BitSet missA = new BitSet();
    BitSet missB = new BitSet();
    for (int i = 0; i < n; i++) {
      dup[i] = 2 * base.doubles(2)[i] + 1e-4 * Math.sin(i);
      flat[i] = i == 7 ? 1 : 0;
      if (i % 10 == 0) {
        a[i] = Double.NaN;
        missA.set(i);
      }
      if (i % 20 == 0 || i % 33 == 1) {
        b[i] = Double.NaN;
        missB.set(i);
      }
    }
    Dataset d = Dataset.builder(n).addContinuous("a", a, missA).addContinuous("b", b, missB)
        .addContinuous("c", base.doubles(2)).addContinuous("c2", dup)
        .addContinuous("flat", flat).build();
    Profile p = Profiler.builder().build().profile(d);
    assertThat(p.missingness().cells()).isEqualTo(missA.cardinality() + missB.cardinality());
    assertThat(p.missingness().perColumn()[0]).isEqualTo(0.1);
    // i % 20 == 0 misses both (15 rows, 100 among them); i % 10 == 0 otherwise only a (15);
    // i % 33 == 1 otherwise only b (9). Ties keep the order of first appearance.
    assertThat(p.missingness().patterns()).containsExactly(
        new Profile.MissingPattern(List.of("a", "b"), 15),
        new Profile.MissingPattern(List.of("a"), 15),
        new Profile.MissingPattern(List.of("b"), 9));
    assertThat(p.missingness().patternCount()).isEqualTo(3);
    assertThat(p.signals().nearConstant()).containsExactly("flat");
    assertThat(p.nearDuplicates()).extracting(Profile.NearDuplicate::second).contains("c2");
    assertThat(p.findings()).extracting(Finding::topic)
        .contains(Topic.MISSING, Topic.NEAR_CONSTANT, Topic.NEAR_DUPLICATE);
  }

  @Test
  void domainsThatShiftMeansAreHeterogeneous() {
    int n = 600;
    Dataset base = linearGaussian(n, 4, false);
    int[] labels = new int[n];
    double[] shifted = base.doubles(0).clone();
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      shifted[i] += labels[i];
    }
    Dataset d = Dataset.builder(n).addContinuous("x0", shifted)
        .addContinuous("x1", base.doubles(1)).addContinuous("x2", base.doubles(2))
        .addContinuous("x3", base.doubles(3))
        .domain(new DomainColumn("site", labels, List.of("a", "b", "c"))).build();
    Profile p = Profiler.builder().build().profile(d);
    assertThat(p.heterogeneity().levels()).isEqualTo(3);
    assertThat(p.heterogeneity().variables().get(0).q()).isLessThan(1e-10);
    assertThat(p.signals().heterogeneous()).isGreaterThan(0);
    assertThat(p.findings()).anySatisfy(f -> assertThat(f.topic()).isEqualTo(Topic.HETEROGENEITY));
  }

  /** A linear-Gaussian chain-like model; with {@code ar} each column is an AR(1) series. */
  static Dataset linearGaussian(int n, int p, boolean ar) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] cols = new double[p][n];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        double e = z.sample();
        double parent = j > 0 ? 0.8 * cols[j - 1][i] : 0;
        double past = ar && i > 0 ? 0.9 * cols[j][i - 1] : 0;
        cols[j][i] = parent + past + e;
      }
    }
    List<String> names = new java.util.ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("x" + j);
    }
    return Dataset.ofContinuous(names, cols);
  }
}
