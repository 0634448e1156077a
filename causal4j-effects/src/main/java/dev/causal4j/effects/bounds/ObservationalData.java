package dev.causal4j.effects.bounds;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;

/**
 * The observational joint distribution of a binary treatment ({@code x} treated, {@code x'} not)
 * and a binary outcome ({@code y} present, {@code y'} absent).
 *
 * @param xy {@code P(x, y)}
 * @param xNotY {@code P(x, y')}
 * @param notXY {@code P(x', y)}
 * @param notXNotY {@code P(x', y')}
 */
public record ObservationalData(double xy, double xNotY, double notXY, double notXNotY) {

  public ObservationalData {
    double sum = 0;
    for (double p : new double[] {xy, xNotY, notXY, notXNotY}) {
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidInputException("observational probabilities must lie in [0, 1]; got "
            + p);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new InvalidInputException("the observational probabilities P(x,y), P(x,y'), P(x',y),"
          + " P(x',y') sum to " + sum + ", not 1");
    }
  }

  /** From counts of the four cells. */
  public static ObservationalData fromCounts(long xy, long xNotY, long notXY, long notXNotY) {
    long n = xy + xNotY + notXY + notXNotY;
    if (xy < 0 || xNotY < 0 || notXY < 0 || notXNotY < 0 || n == 0) {
      throw new InvalidInputException("observational counts must be >= 0 with a positive total");
    }
    return new ObservationalData((double) xy / n, (double) xNotY / n, (double) notXY / n,
        (double) notXNotY / n);
  }

  /**
   * Counts the cells of two binary columns: rows with {@code treatment = treatedLevel} are
   * {@code x}, the others {@code x'}; likewise {@code outcomeLevel} is {@code y}.
   */
  public static ObservationalData from(Dataset data, String treatment, String treatedLevel,
      String outcome, String outcomeLevel) {
    long[] c = Cells.count(data, treatment, treatedLevel, outcome, outcomeLevel);
    return fromCounts(c[0], c[1], c[2], c[3]);
  }

  /** {@code P(x)}. */
  public double treated() {
    return xy + xNotY;
  }

  /** {@code P(y)}. */
  public double outcome() {
    return xy + notXY;
  }

  /** {@code P(y | x)}; NaN when {@code P(x) = 0}. */
  public double outcomeGivenTreated() {
    return treated() == 0 ? Double.NaN : xy / treated();
  }

  /** {@code P(y | x')}; NaN when {@code P(x') = 0}. */
  public double outcomeGivenUntreated() {
    double px = notXY + notXNotY;
    return px == 0 ? Double.NaN : notXY / px;
  }
}
