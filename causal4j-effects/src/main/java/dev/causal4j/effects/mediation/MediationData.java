package dev.causal4j.effects.mediation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/** Checks shared by both mediation methods: names, missing values, the treatment contrast. */
final class MediationData {
  private MediationData() {}

  /** Every variable of the query (and covariates) exists and is complete. */
  static void requireComplete(Dataset data, MediationQuery q, List<String> covariates) {
    List<String> all = new ArrayList<>();
    all.add(q.treatment());
    all.addAll(q.mediators());
    all.add(q.outcome());
    all.addAll(covariates);
    for (String name : all) {
      int j = data.require(name);
      if (data.missingCount(j) > 0) {
        throw new InvalidInputException("column '" + name + "' has " + data.missingCount(j)
            + " missing value(s) (first at data row " + (data.missingMask(j).nextSetBit(0) + 1)
            + "); mediation needs complete rows: drop them first (--missing listwise)");
      }
    }
  }

  /** Every graph node is a column. */
  static void requireNodesInData(Graph g, Dataset data) {
    List<String> missing = new ArrayList<>();
    for (String name : g.nodeNames()) {
      if (data.indexOf(name) < 0) {
        missing.add("'" + name + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException("the graph's node(s) " + String.join(", ", missing)
          + " are not columns of the data; names are case-sensitive");
    }
  }

  /**
   * The contrast's two treatment values as the numbers the models see: the values themselves for
   * a continuous treatment, level codes for a categorical one.
   */
  static double[] contrast(Variable t, MediationQuery q) {
    if (t.isCategorical()) {
      TreatmentContrast c = q.contrast().orElseGet(() -> t.levelCount() >= 2
          ? new TreatmentContrast.Levels(t.levels().get(0), t.levels().get(1)) : null);
      if (c == null) {
        throw new InvalidInputException("the treatment '" + t.name() + "' has a single level;"
            + " there is no contrast to estimate");
      }
      if (!(c instanceof TreatmentContrast.Levels l)) {
        throw new InvalidInputException("the treatment '" + t.name() + "' is categorical; give"
            + " the contrast as two of its levels (" + String.join(", ", t.levels()) + ")");
      }
      int c0 = t.levels().indexOf(l.control());
      int c1 = t.levels().indexOf(l.treated());
      if (c0 < 0 || c1 < 0) {
        throw new InvalidInputException("'" + (c0 < 0 ? l.control() : l.treated()) + "' is not"
            + " a level of the treatment '" + t.name() + "'; its levels are "
            + String.join(", ", t.levels()));
      }
      return new double[] {c0, c1};
    }
    TreatmentContrast c = q.contrast().orElse(new TreatmentContrast.Values(0, 1));
    if (!(c instanceof TreatmentContrast.Values v)) {
      throw new InvalidInputException("the treatment '" + t.name() + "' is continuous; give the"
          + " contrast as two numbers");
    }
    return new double[] {v.control(), v.treated()};
  }

  /** How the contrast reads, e.g. {@code T: 0 → 1}. */
  static String describe(Variable t, double[] contrast) {
    if (t.isCategorical()) {
      return t.name() + ": " + t.levels().get((int) contrast[0]) + " → "
          + t.levels().get((int) contrast[1]);
    }
    return t.name() + ": " + fmt(contrast[0]) + " → " + fmt(contrast[1]);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
