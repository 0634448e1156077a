package dev.causal4j.analyst.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.profile.Profile.DomainTest;
import dev.causal4j.analyst.profile.Profile.PairCheck;
import dev.causal4j.analyst.profile.Profile.ResidualCheck;
import dev.causal4j.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The profile's statistics against numpy/scipy: the values come from
 * {@code src/test/resources/dev/causal4j/analyst/profile/make_reference.py} (output beside it in
 * {@code reference.txt}), on data given by formulas that the script and this test both build.
 * Tolerances are relative 1e-9 for statistics (double rounding in different summation orders) and
 * 1e-6 for tail probabilities (Commons Statistics and scipy compute F and χ² tails with different
 * algorithms).
 */
class ProfileStatisticsTest {

  @Test
  void andersonDarlingMatchesScipyAndTheStephensTable() {
    double[] skewed = new double[40];
    double[] ramp = new double[40];
    for (int i = 0; i < 40; i++) {
      skewed[i] = Math.exp(Math.sin(1.3 * i));
      ramp[i] = i / 39.0;
    }
    AndersonDarling.Result s = AndersonDarling.test(skewed);
    assertThat(s.statistic()).isCloseTo(1.6476168490095162, within(1e-12));
    assertThat(s.adjusted()).isCloseTo(1.6808266261223643, within(1e-12));
    assertThat(s.pValue()).isCloseTo(0.00026136546135057374, within(1e-12));
    // scipy's interpolated p-value is bounded to the table [0.01, 0.15]: consistent with ours.
    assertThat(s.pValue()).isLessThanOrEqualTo(0.01);
    AndersonDarling.Result r = AndersonDarling.test(ramp);
    assertThat(r.statistic()).isCloseTo(0.4266572177713357, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.2993313880605049, within(1e-12)).isGreaterThan(0.15);
  }

  @Test
  void andersonDarlingPValueIsMonotoneAndBounded() {
    double last = 1;
    for (double a = 0.01; a < 400; a *= 1.1) {
      double p = AndersonDarling.pValue(a);
      assertThat(p).isBetween(0.0, 1.0).isLessThanOrEqualTo(last + 1e-3);
      last = p;
    }
    assertThat(AndersonDarling.pValue(1e6)).isLessThan(1e-180);
  }

  @Test
  void andersonDarlingRefusesTinyOrConstantSamples() {
    assertThatThrownBy(() -> AndersonDarling.test(new double[] {1, 2, 3}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 8");
    assertThatThrownBy(() -> AndersonDarling.test(new double[10]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("varies");
  }

  @Test
  void benjaminiHochbergMatchesScipy() {
    double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005, 0.5,
        0.2});
    assertThat(q).containsExactly(new double[] {0.03, 0.06, 0.06, 0.03, 0.5, 0.24},
        within(1e-15));
    double[] withNan = MultipleTesting.benjaminiHochberg(new double[] {Double.NaN, 0.01});
    assertThat(withNan[0]).isNaN();
    assertThat(withNan[1]).isEqualTo(0.01);
  }

  @Test
  void splineFTestMatchesNumpy() {
    double[] x = new double[100];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = (i - 50) / 20.0;
      y[i] = x[i] * x[i] + 0.3 * Math.sin(7 * i);
    }
    PairCheck c = Profiler.splineTest("x", "y", x, y);
    assertThat(c.f()).isCloseTo(1488.0398707970708, within(1488.04 * 1e-9));
    assertThat(c.df1()).isEqualTo(5);
    assertThat(c.df2()).isEqualTo(93);
    assertThat(c.p()).isCloseTo(4.3832905758553e-87, within(4.38e-87 * 1e-6));
    assertThat(c.gain()).isCloseTo(0.9876546476961612, within(1e-9));
  }

  @Test
  void breuschPaganMatchesNumpyThroughTheProfiler() {
    double[] x = new double[100];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = (i - 50) / 20.0;
      y[i] = x[i] + (3 + x[i]) * Math.sin(3 * i);
    }
    Dataset d = Dataset.ofContinuous(List.of("x", "y"), new double[][] {x, y});
    Profile p = Profiler.builder().build().profile(d);
    ResidualCheck ry = p.residuals().stream().filter(r -> r.variable().equals("y")).findFirst()
        .orElseThrow();
    // n·R² is invariant to the standardisation the profiler applies first.
    assertThat(ry.breuschPagan()).isCloseTo(42.19787430720046, within(42.2 * 1e-9));
    assertThat(ry.breuschPaganDf()).isEqualTo(1);
    assertThat(ry.breuschPaganP()).isCloseTo(8.248963320994324e-11, within(8.25e-11 * 1e-6));
  }

  @Test
  void anovaAndChiSquareMatchScipy() {
    double[] v = new double[60];
    int[] codes = new int[60];
    int[] groups = new int[60];
    for (int i = 0; i < 60; i++) {
      v[i] = Math.sin(i) + 0.5 * (i % 3);
      codes[i] = (i * 7) % 4 / 2 + (i % 3 == 0 ? 1 : 0);
      groups[i] = i % 3;
    }
    DomainTest f = Profiler.anova("v", v, groups, 3);
    assertThat(f.value()).isCloseTo(10.122157863870042, within(10.12 * 1e-9));
    assertThat(f.p()).isCloseTo(0.00017307616866338483, within(1.73e-4 * 1e-6));
    DomainTest chi = Profiler.chiSquare("c", codes, 3, groups, 3);
    assertThat(chi.value()).isCloseTo(30.0, within(1e-9));
    assertThat(chi.p()).isCloseTo(4.894437128029217e-06, within(4.89e-6 * 1e-6));
  }
}
