package dev.causal4j.effects.bounds;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;

/** Counts of a binary treatment by a binary outcome in a dataset. */
final class Cells {
  private Cells() {}

  /** {@code {n(x,y), n(x,y'), n(x',y), n(x',y')}}. */
  static long[] count(Dataset data, String treatment, String treatedLevel, String outcome,
      String outcomeLevel) {
    int t = data.require(treatment);
    int o = data.require(outcome);
    int tc = binaryCode(data, t, treatedLevel);
    int oc = binaryCode(data, o, outcomeLevel);
    int[] tcodes = data.codes(t);
    int[] ocodes = data.codes(o);
    long[] n = new long[4];
    for (int i = 0; i < data.rows(); i++) {
      if (tcodes[i] < 0 || ocodes[i] < 0) {
        throw new InvalidInputException("data row " + (i + 1) + " has a missing treatment or"
            + " outcome; drop incomplete rows first");
      }
      boolean x = tcodes[i] == tc;
      boolean y = ocodes[i] == oc;
      n[(x ? 0 : 2) + (y ? 0 : 1)]++;
    }
    return n;
  }

  private static int binaryCode(Dataset data, int column, String level) {
    Variable v = data.variable(column);
    if (!v.isCategorical() || v.levelCount() != 2) {
      throw new InvalidInputException("'" + v.name() + "' must be binary (two levels) for the"
          + " probabilities of causation; it is " + (v.isCategorical() ? "categorical with "
          + v.levelCount() + " levels" : "continuous"));
    }
    int code = v.levels().indexOf(level);
    if (code < 0) {
      throw new InvalidInputException("'" + level + "' is not a level of '" + v.name()
          + "'; its levels are " + String.join(", ", v.levels()));
    }
    return code;
  }
}
