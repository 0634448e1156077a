package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.graph.LaggedGraph;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * VAR-LiNGAM on {@code var_lingam.csv}: 2,000 time points of {@code X(t) = B_0 X(t) + B_1 X(t−1)
 * + e(t)} with uniform noise, {@code X → Y} (0.8) and {@code Y → Z} (−0.6) within a time step,
 * autodependence 0.4, 0.3, 0.35 and {@code X(t−1) → Z} (0.5), written by {@code
 * make_reference.py} with numpy. The large-sample sweep over random SVARs is {@code
 * VarLingamLargeSampleTest} in causal4j-bench.
 */
class VarLingamTest {
  static final int X = 0;
  static final int Y = 1;
  static final int Z = 2;

  @Test
  void recoversTheStructuralVarAndItsLaggedCoefficientsMatchNumpy() {
    TimeSeries ts = GrangerTest.resource("var_lingam.csv");
    TimeSeriesResult r = VarLingam.builder().maxLag(1).threads(1).build().search(ts);
    LaggedGraph expected = LaggedGraph.builder(ts.names(), 1).directed(X, Y, 0)
        .directed(Y, Z, 0).directed(X, X, 1).directed(Y, Y, 1).directed(Z, Z, 1)
        .directed(X, Z, 1).build();
    assertThat(r.graph().links()).containsExactlyInAnyOrderElementsOf(expected.links());
    assertThat(r.stats().parameters()).containsEntry("causal_order", "X, Y, Z");
    // The lagged coefficients are those of regressing each series on its instantaneous parents
    // and every lag (numpy lstsq with intercept, reference_output.txt): same rows, same least
    // squares, so agreement to rounding.
    double tol = 1e-8;
    assertThat(GrangerTest.weight(r, X, X, 1)).isCloseTo(0.3944797941, within(tol));
    assertThat(GrangerTest.weight(r, Y, Y, 1)).isCloseTo(0.2864952985, within(tol));
    assertThat(GrangerTest.weight(r, X, Z, 1)).isCloseTo(0.5504715590, within(tol));
    assertThat(GrangerTest.weight(r, Z, Z, 1)).isCloseTo(0.3659425641, within(tol));
    assertThat(r.linkStatistics().pValue(Y, X, 1)).isCloseTo(6.345088e-01, within(1e-6));
    assertThat(r.linkStatistics().pValue(Z, Y, 1)).isCloseTo(9.035065e-01, within(1e-6));
    // B_0 comes from DirectLiNGAM on the VAR residuals, not the structural regression, so it is
    // compared with the truth: at n = 2,000 with unit noise the standard error of each is about
    // 0.02 (numpy's structural estimates are 0.792 and −0.617), so 0.08 is four of them.
    assertThat(GrangerTest.weight(r, X, Y, 0)).isCloseTo(0.8, within(0.08));
    assertThat(GrangerTest.weight(r, Y, Z, 0)).isCloseTo(-0.6, within(0.08));
    // Same answer on more threads.
    assertThat(VarLingam.builder().maxLag(1).threads(2).build().search(ts).annotated())
        .isEqualTo(r.annotated());
  }

  @Test
  void knowledgeLeavesOutForbiddenLinksAtEveryLag() {
    TimeSeries ts = GrangerTest.resource("var_lingam.csv");
    TimeSeriesKnowledge k = TimeSeriesKnowledge.builder().forbid("X", "Z", 1).build();
    TimeSeriesResult r = VarLingam.builder().maxLag(1).knowledge(k).build().search(ts);
    assertThat(r.graph().hasLink(X, Z, 1)).isFalse();
    assertThat(r.graph().hasLink(X, Y, 0)).isTrue();
    TimeSeriesKnowledge contemporaneous = TimeSeriesKnowledge.builder().forbid("X", "Y", 0)
        .build();
    TimeSeriesResult c = VarLingam.builder().maxLag(1).knowledge(contemporaneous).build()
        .search(ts);
    assertThat(c.graph().hasLink(X, Y, 0)).isFalse();
  }

  @Test
  void badInputGetsOneLineMessages() {
    TimeSeries ts = GrangerTest.resource("var_lingam.csv");
    assertThatThrownBy(() -> VarLingam.builder().maxLag(700).build().search(ts))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than a third of the series")
        .hasMessageContaining("666 or less");
    TimeSeries testwise = TimeSeries.of(TimeSeriesTest.data(TimeSeriesTest.range(0, 30), null,
        bits(4)), MissingPolicy.TESTWISE_DELETION);
    assertThatThrownBy(() -> VarLingam.builder().build().search(testwise))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot delete test by test")
        .hasMessageContaining("--missing listwise");
  }

  static BitSet bits(int... set) {
    BitSet b = new BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }
}
