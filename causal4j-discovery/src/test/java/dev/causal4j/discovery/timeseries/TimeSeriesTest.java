package dev.causal4j.discovery.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DomainColumn;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.data.TimeColumn;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

  /** X = 10·t + series, Y = t², time stamps t, optionally split into two series. */
  static Dataset data(double[] t, int[] series, BitSet missingX) {
    int n = t.length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = 10 * t[r] + (series == null ? 0 : series[r]);
      y[r] = t[r] * t[r];
    }
    Dataset.Builder b = Dataset.builder(n).source("ts.csv").addContinuous("X", x, missingX)
        .addContinuous("Y", y).time(new TimeColumn("t", t));
    if (series != null) {
      b.domain(new DomainColumn("subject", series, List.of("s1", "s2")));
    }
    return b.build();
  }

  static double[] range(int from, int to) {
    double[] t = new double[to - from];
    for (int i = 0; i < t.length; i++) {
      t[i] = from + i;
    }
    return t;
  }

  @Test
  void theLaggedDesignHoldsThePastOfEachRowWithinItsSeries() {
    // Two subjects, rows interleaved in the file: s1 at t = 0..5, s2 at t = 0..4.
    double[] t = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5};
    int[] s = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
    TimeSeries ts = TimeSeries.of(data(t, s, null));
    assertThat(ts.seriesCount()).isEqualTo(2);
    assertThat(ts.seriesLength(0)).isEqualTo(6);
    assertThat(ts.seriesLength(1)).isEqualTo(5);
    LaggedDesign d = LaggedDesign.of(ts, 2);
    assertThat(d.dataset().names()).containsExactly("X", "Y", "X:1", "Y:1", "X:2", "Y:2");
    // s1 gives t = 2..5 (4 rows), s2 gives t = 2..4 (3 rows).
    assertThat(d.rows()).isEqualTo(7);
    assertThat(d.dataset().doubles(0)).containsExactly(20, 30, 40, 50, 21, 31, 41);
    assertThat(d.dataset().doubles(d.column(0, 2))).containsExactly(0, 10, 20, 30, 1, 11, 21);
    assertThat(d.dataset().doubles(d.column(1, 1))).containsExactly(1, 4, 9, 16, 1, 4, 9);
  }

  @Test
  void gapsAreRefusedByDefaultAndMaskedWhenAsked() {
    double[] t = {0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    Dataset d = data(t, null, null);
    assertThatThrownBy(() -> TimeSeries.of(d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("jumps from 2 to 5 at data row 4")
        .hasMessageContaining("leaving 2 time points without data")
        .hasMessageContaining("--missing listwise");
    TimeSeries ts = TimeSeries.of(d, MissingPolicy.LISTWISE_DELETION);
    assertThat(ts.length()).isEqualTo(14);
    assertThat(ts.maskedTimePoints()).isEqualTo(2);
    assertThat(ts.notes()).singleElement().asString().contains("were masked");
    // Depth 1: rows t = 1..13 except those touching t = 3 or 4 (t = 3, 4, 5).
    LaggedDesign design = LaggedDesign.of(ts, 1);
    assertThat(design.dataset().doubles(0)).containsExactly(10, 20, 60, 70, 80, 90, 100, 110, 120,
        130);
    // Test-wise: the rows stay, with missing values where the gap is.
    LaggedDesign tw = LaggedDesign.of(TimeSeries.of(d, MissingPolicy.TESTWISE_DELETION), 1);
    assertThat(tw.rows()).isEqualTo(13);
    assertThat(tw.dataset().missingCount(0)).isEqualTo(2);
    assertThat(tw.dataset().missingCount(tw.column(0, 1))).isEqualTo(2);
  }

  @Test
  void missingValuesAreMaskedNotDeleted() {
    BitSet miss = new BitSet();
    miss.set(4);
    Dataset d = data(range(0, 12), null, miss);
    assertThatThrownBy(() -> TimeSeries.of(d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'X' in ts.csv has 1 missing value(s) (first at data row 5)")
        .hasMessageContaining("--missing listwise");
    LaggedDesign design = LaggedDesign.of(TimeSeries.of(d, MissingPolicy.LISTWISE_DELETION), 2);
    // t = 2..11 without t = 4, 5, 6, which reach back to t = 4.
    assertThat(design.dataset().doubles(0)).containsExactly(20, 30, 70, 80, 90, 100, 110);
  }

  @Test
  void rowsOutOfTimeOrderOrWithRepeatedStampsAreRefused() {
    assertThatThrownBy(() -> TimeSeries.of(data(new double[] {0, 1, 3, 2, 4, 5}, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not in time order: data row 4 has t = 2, earlier than 3 at data"
            + " row 3").hasMessageContaining("sort the rows by time");
    assertThatThrownBy(() -> TimeSeries.of(data(new double[] {0, 1, 1, 2, 3, 4}, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("repeats the stamp 1 at data rows 2 and 3")
        .hasMessageContaining("--domain");
    assertThatThrownBy(() -> TimeSeries.of(data(new double[] {0, 1, 2, 3.5, 4.5, 5.5}, null,
        null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not sampled regularly");
  }

  @Test
  void constantSeriesAndLagsBeyondAThirdOfASeriesAreRefused() {
    Dataset constant = Dataset.builder(5).source("c.csv")
        .addContinuous("X", new double[] {1, 2, 3, 4, 5})
        .addContinuous("K", new double[] {7, 7, 7, 7, 7}).build();
    assertThatThrownBy(() -> TimeSeries.of(constant))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'K' in c.csv is constant");
    TimeSeries ts = TimeSeries.of(data(range(0, 30), null, null));
    ts.checkMaxLag(10, "--max-lag");
    assertThatThrownBy(() -> ts.checkMaxLag(11, "--max-lag"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--max-lag 11 is more than a third of the series in ts.csv (30 time"
            + " points); use --max-lag 10 or less");
  }

  @Test
  void withoutATimeColumnRowsAreConsecutiveTimePoints() {
    Dataset d = Dataset.ofContinuous(List.of("A", "B"),
        new double[][] {{1, 2, 3, 5, 4}, {0, 1, 0, 1, 1}});
    TimeSeries ts = TimeSeries.of(d);
    assertThat(ts.seriesCount()).isEqualTo(1);
    assertThat(LaggedDesign.of(ts, 1).dataset().doubles(2)).containsExactly(1, 2, 3, 5);
  }
}
