package dev.causal4j.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the rows of a dataset follow its time column, within each environment when there is a
 * domain column (panel data: each environment is its own series). {@code describe} reports it and
 * time-series methods refuse data that break it, both through this one check.
 */
public final class TimeOrder {
  private TimeOrder() {}

  /**
   * The first place the time stamps fail to increase within an environment: data row {@code row}
   * (0-based) has {@code value}, not later than {@code previous} at the environment's row before
   * it, {@code previousRow}.
   */
  public record Violation(int row, int previousRow, double value, double previous) {
    /** True when the two stamps are equal (a duplicate), false when time goes backwards. */
    public boolean isDuplicate() {
      return value == previous;
    }
  }

  /**
   * The first row, in file order, whose time stamp is smaller than the one before it in its
   * environment ({@code strict = false}), or smaller than or equal to it ({@code strict = true}:
   * repeated stamps count too).
   *
   * @param domain the environment of each row, or null for one series
   */
  public static Optional<Violation> firstViolation(TimeColumn time, DomainColumn domain,
      boolean strict) {
    double[] t = time.values();
    int envs = domain == null ? 1 : domain.levels().size();
    int[] lastRow = new int[envs];
    Arrays.fill(lastRow, -1);
    for (int i = 0; i < t.length; i++) {
      int env = domain == null ? 0 : domain.labels()[i];
      int prev = lastRow[env];
      if (prev >= 0 && (t[i] < t[prev] || (strict && t[i] == t[prev]))) {
        return Optional.of(new Violation(i, prev, t[i], t[prev]));
      }
      lastRow[env] = i;
    }
    return Optional.empty();
  }
}
