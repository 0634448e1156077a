package dev.causal4j.discovery.timeseries;

import java.util.Arrays;

/**
 * Per-link numbers a search computed, Tigramite's {@code p_matrix} and {@code val_matrix}: for
 * every candidate link {@code from(t − lag) → to(t)}, the p-value that decided it and the test
 * statistic (or other measure) beside it; {@code NaN} where a link was never tested. What each
 * holds is named by {@link #statisticName()} (e.g. the MCI test statistic, a Granger F, a
 * cross-map skill). Contemporaneous entries are symmetric.
 */
public final class LinkStatistics {
  private final int p;
  private final int maxLag;
  private final double[] pValues;
  private final double[] statistics;
  private final String statisticName;

  LinkStatistics(int p, int maxLag, String statisticName) {
    this.p = p;
    this.maxLag = maxLag;
    this.pValues = new double[(maxLag + 1) * p * p];
    this.statistics = new double[(maxLag + 1) * p * p];
    this.statisticName = statisticName;
    Arrays.fill(pValues, Double.NaN);
    Arrays.fill(statistics, Double.NaN);
  }

  /** The p-value of {@code from(t − lag) → to(t)}, or {@code NaN}. */
  public double pValue(int from, int to, int lag) {
    return lag > maxLag ? Double.NaN : pValues[slot(from, to, lag)];
  }

  /** The statistic of {@code from(t − lag) → to(t)}, or {@code NaN}. */
  public double statistic(int from, int to, int lag) {
    return lag > maxLag ? Double.NaN : statistics[slot(from, to, lag)];
  }

  /** What {@link #statistic} holds, in words. */
  public String statisticName() {
    return statisticName;
  }

  public int maxLag() {
    return maxLag;
  }

  void set(int from, int to, int lag, double pValue, double statistic) {
    pValues[slot(from, to, lag)] = pValue;
    statistics[slot(from, to, lag)] = statistic;
    if (lag == 0) {
      pValues[slot(to, from, 0)] = pValue;
      statistics[slot(to, from, 0)] = statistic;
    }
  }

  private int slot(int from, int to, int lag) {
    return (lag * p + from) * p + to;
  }
}
