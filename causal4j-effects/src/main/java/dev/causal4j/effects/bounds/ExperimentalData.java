package dev.causal4j.effects.bounds;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;

/**
 * Causal effects of a binary treatment on a binary outcome, from a randomised experiment.
 *
 * @param outcomeIfTreated {@code P(y_x)}: the outcome's probability when everyone is treated
 * @param outcomeIfUntreated {@code P(y_x')}: the outcome's probability when no one is
 */
public record ExperimentalData(double outcomeIfTreated, double outcomeIfUntreated) {

  public ExperimentalData {
    for (double p : new double[] {outcomeIfTreated, outcomeIfUntreated}) {
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidInputException("experimental probabilities must lie in [0, 1]; got "
            + p);
      }
    }
  }

  /** From the outcome counts in each arm. */
  public static ExperimentalData fromCounts(long outcomesTreated, long treated,
      long outcomesControl, long control) {
    if (treated <= 0 || control <= 0 || outcomesTreated < 0 || outcomesControl < 0
        || outcomesTreated > treated || outcomesControl > control) {
      throw new InvalidInputException("experimental counts need both arms non-empty and at most"
          + " as many outcomes as units in each");
    }
    return new ExperimentalData((double) outcomesTreated / treated,
        (double) outcomesControl / control);
  }

  /**
   * From a randomised dataset: the share of {@code outcomeLevel} among rows with {@code treatment
   * = treatedLevel}, and among the others.
   */
  public static ExperimentalData from(Dataset data, String treatment, String treatedLevel,
      String outcome, String outcomeLevel) {
    long[] c = Cells.count(data, treatment, treatedLevel, outcome, outcomeLevel);
    return fromCounts(c[0], c[0] + c[1], c[2], c[2] + c[3]);
  }
}
