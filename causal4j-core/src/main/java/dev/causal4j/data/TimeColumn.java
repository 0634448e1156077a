package dev.causal4j.data;

import java.util.Objects;

/**
 * The time stamp of each row, for time-series methods. It is kept beside the variables, not among
 * them. The array is shared, not copied; treat it as read-only.
 */
public record TimeColumn(String name, double[] values) {
  public TimeColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
  }
}
