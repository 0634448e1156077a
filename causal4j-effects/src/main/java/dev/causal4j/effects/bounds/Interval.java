package dev.causal4j.effects.bounds;

import java.util.Locale;

/** A closed interval {@code [lower, upper]} of probabilities; a point when the two are equal. */
public record Interval(double lower, double upper) {
  public Interval {
    if (!(lower <= upper) || lower < 0 || upper > 1) {
      throw new IllegalArgumentException("not an interval of probabilities: [" + lower + ", "
          + upper + "]");
    }
  }

  /** True when the bounds meet (within 1e-12): the quantity is identified. */
  public boolean isPoint() {
    return upper - lower <= 1e-12;
  }

  public double width() {
    return upper - lower;
  }

  @Override
  public String toString() {
    return isPoint() ? String.format(Locale.ROOT, "%.4f", lower)
        : String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
  }
}
