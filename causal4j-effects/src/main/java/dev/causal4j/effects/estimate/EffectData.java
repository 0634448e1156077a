package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@link EstimationProblem} as numbers: the outcome and treatment as {@code double[]}, the
 * covariates, instruments and mediators as feature matrices, over the rows complete in every column
 * used. Categorical columns become indicator columns: one for a two-level column (named after the
 * column when its levels are 0 and 1, else {@code column=level}), one per level but the first for
 * more levels ({@code race=hispan}).
 *
 * <p>A treatment is binary when it is categorical with two levels (the second level, in the
 * column's level order, is "treated": {@code 1}, {@code true}, {@code yes}) or numeric with values
 * 0 and 1 only; otherwise a numeric treatment is continuous.
 */
public final class EffectData {
  private final EstimationProblem problem;
  private final double[] y;
  private final double[] t;
  private final boolean binary;
  private final String treatedLabel;
  private final String controlLabel;
  private final FeatureMatrix covariates;
  private final List<String> covariateNames;
  private final FeatureMatrix instruments;
  private final FeatureMatrix mediators;
  private final int dropped;
  private final int[] rowsUsed;

  private EffectData(EstimationProblem problem, double[] y, double[] t, boolean binary,
      String treatedLabel, String controlLabel, FeatureMatrix covariates,
      List<String> covariateNames, FeatureMatrix instruments, FeatureMatrix mediators,
      int dropped, int[] rowsUsed) {
    this.problem = problem;
    this.y = y;
    this.t = t;
    this.binary = binary;
    this.treatedLabel = treatedLabel;
    this.controlLabel = controlLabel;
    this.covariates = covariates;
    this.covariateNames = List.copyOf(covariateNames);
    this.instruments = instruments;
    this.mediators = mediators;
    this.dropped = dropped;
    this.rowsUsed = rowsUsed;
  }

  /**
   * Encodes a problem's columns.
   *
   * @throws InvalidInputException for an outcome or treatment that is categorical with more than
   *     two levels, a constant treatment, or too few complete rows
   */
  public static EffectData of(EstimationProblem p) {
    Dataset d = p.data();
    List<String> used = new ArrayList<>();
    used.add(p.treatment());
    used.add(p.outcome());
    used.addAll(p.covariates());
    used.addAll(p.instruments());
    used.addAll(p.mediators());
    int[] cols = used.stream().mapToInt(d::require).toArray();
    int[] rows = d.completeRows(cols);
    int dropped = d.rows() - rows.length;
    if (rows.length < 4) {
      throw new InvalidInputException("only " + rows.length + " row(s) are complete in "
          + String.join(", ", used) + "; an effect needs more data");
    }
    Dataset c = dropped == 0 ? d : d.selectRows(rows);

    int tj = c.require(p.treatment());
    Variable tv = c.variable(tj);
    double[] t;
    boolean binary;
    String treated = null;
    String control = null;
    if (tv.isCategorical() && tv.levelCount() < 2) {
      throw new InvalidInputException("the treatment '" + tv.name() + "' takes one value only"
          + " in the rows used; there is no contrast to estimate");
    }
    if (tv.isCategorical()) {
      if (tv.levelCount() != 2) {
        throw new InvalidInputException("the treatment '" + tv.name() + "' has "
            + tv.levelCount() + " levels (" + levels(tv) + "); effect estimation needs a binary"
            + " treatment (two levels) or a numeric one: recode it, or read it as numeric with"
            + " --continuous " + tv.name());
      }
      int[] codes = c.codes(tj);
      t = new double[codes.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = codes[i];
      }
      binary = true;
      control = tv.levels().get(0);
      treated = tv.levels().get(1);
    } else {
      t = c.doubles(tj);
      binary = zeroOne(t);
      if (binary) {
        control = "0";
        treated = "1";
      }
    }
    double first = t[0];
    boolean constant = true;
    for (double v : t) {
      if (v != first) {
        constant = false;
        break;
      }
    }
    if (constant) {
      throw new InvalidInputException("the treatment '" + tv.name() + "' takes one value only"
          + " in the rows used; there is no contrast to estimate");
    }

    int yj = c.require(p.outcome());
    Variable yv = c.variable(yj);
    double[] y;
    if (yv.isCategorical()) {
      if (yv.levelCount() > 2) {
        throw new InvalidInputException("the outcome '" + yv.name() + "' is categorical with "
            + yv.levelCount() + " levels (" + levels(yv) + "); effects are estimated on a"
            + " numeric or binary outcome: read it as numeric with --continuous " + yv.name()
            + " if its levels are numbers");
      }
      int[] codes = c.codes(yj);
      y = new double[codes.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = codes[i];
      }
    } else {
      y = c.doubles(yj);
    }

    List<String> names = new ArrayList<>();
    FeatureMatrix x = encode(c, p.covariates(), names);
    FeatureMatrix z = encode(c, p.instruments(), new ArrayList<>());
    FeatureMatrix m = encode(c, p.mediators(), new ArrayList<>());
    return new EffectData(p, y, t, binary, treated, control, x, names, z, m, dropped, rows);
  }

  private static boolean zeroOne(double[] v) {
    for (double x : v) {
      if (x != 0 && x != 1) {
        return false;
      }
    }
    return true;
  }

  private static String levels(Variable v) {
    List<String> l = v.levels();
    return String.join(", ", l.subList(0, Math.min(6, l.size()))) + (l.size() > 6 ? ", …" : "");
  }

  private static FeatureMatrix encode(Dataset c, List<String> columns, List<String> names) {
    List<double[]> out = new ArrayList<>();
    for (String name : columns) {
      int j = c.require(name);
      Variable v = c.variable(j);
      if (!v.isCategorical()) {
        out.add(c.doubles(j));
        names.add(name);
        continue;
      }
      int[] codes = c.codes(j);
      int k = v.levelCount();
      boolean zeroOneLevels = k == 2 && Set.copyOf(v.levels()).equals(Set.of("0", "1"));
      for (int level = 1; level < k; level++) {
        double[] ind = new double[codes.length];
        for (int i = 0; i < ind.length; i++) {
          ind[i] = codes[i] == level ? 1 : 0;
        }
        out.add(ind);
        names.add(zeroOneLevels ? name : name + "=" + v.levels().get(level));
      }
    }
    if (out.isEmpty()) {
      return FeatureMatrix.empty(c.rows());
    }
    return FeatureMatrix.ofColumns(out.toArray(new double[0][]));
  }

  /** The problem this encodes. */
  public EstimationProblem problem() {
    return problem;
  }

  /** Number of rows used. */
  public int rows() {
    return y.length;
  }

  /** The outcome (binary outcomes as 0/1). Shared: do not modify. */
  public double[] outcome() {
    return y;
  }

  /** The treatment (binary treatments as 0/1). Shared: do not modify. */
  public double[] treatment() {
    return t;
  }

  /** True if the treatment is binary. */
  public boolean isBinaryTreatment() {
    return binary;
  }

  /**
   * The treatment as 0/1 labels.
   *
   * @throws InvalidInputException if it is not binary, naming the method that needs it
   */
  public int[] treatmentLabels(String method) {
    requireBinary(method);
    int[] l = new int[t.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = (int) t[i];
    }
    return l;
  }

  /**
   * Checks that the treatment is binary.
   *
   * @throws InvalidInputException naming the column, what it holds and the method
   */
  public void requireBinary(String method) {
    if (!binary) {
      throw new InvalidInputException("the treatment '" + problem.treatment() + "' is numeric"
          + " with values other than 0 and 1 (e.g. " + firstOther() + "); " + method
          + " needs a binary treatment: recode it as 0/1, or use --method regression, dml or iv,"
          + " which take a continuous treatment");
    }
  }

  private String firstOther() {
    for (double v : t) {
      if (v != 0 && v != 1) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
            : Double.toString(v);
      }
    }
    return "";
  }

  /** The treated level's name (binary treatments), e.g. {@code 1} or {@code yes}. */
  public String treatedLabel() {
    return treatedLabel;
  }

  /** The control level's name (binary treatments). */
  public String controlLabel() {
    return controlLabel;
  }

  /** The covariates, encoded; no columns when there are none. */
  public FeatureMatrix covariates() {
    return covariates;
  }

  /** The names of the covariate matrix's columns (indicators named {@code column=level}). */
  public List<String> covariateNames() {
    return covariateNames;
  }

  /** The instruments, encoded. */
  public FeatureMatrix instruments() {
    return instruments;
  }

  /** The mediators, encoded. */
  public FeatureMatrix mediators() {
    return mediators;
  }

  /** Rows left out because a used column was missing there. */
  public int droppedForMissing() {
    return dropped;
  }

  /** Number of treated units (binary treatments). */
  public int treatedCount() {
    int c = 0;
    for (double v : t) {
      if (v == 1) {
        c++;
      }
    }
    return c;
  }

  /** The rows in the given arm (binary treatments). */
  public int[] arm(int which) {
    int[] out = new int[which == 1 ? treatedCount() : t.length - treatedCount()];
    for (int i = 0, k = 0; i < t.length; i++) {
      if (t[i] == which) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The given rows (repeats allowed, as in a bootstrap resample), copied. */
  EffectData rows(int[] idx) {
    double[] yy = new double[idx.length];
    double[] tt = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      yy[i] = y[idx[i]];
      tt[i] = t[idx[i]];
    }
    return new EffectData(problem, yy, tt, binary, treatedLabel, controlLabel,
        covariates.selectRows(idx), covariateNames, instruments.selectRows(idx),
        mediators.selectRows(idx), dropped, resampled(idx));
  }

  /**
   * The row of the problem's dataset each encoded row comes from (rows with a missing value in a
   * used column are left out), so per-row results can be written beside the input.
   */
  public int[] rowsUsed() {
    return rowsUsed.clone();
  }

  private int[] resampled(int[] idx) {
    int[] r = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      r[i] = rowsUsed[idx[i]];
    }
    return r;
  }

  /** Warnings that hold for every estimator on these data. */
  List<String> commonWarnings() {
    List<String> w = new ArrayList<>();
    if (dropped > 0) {
      w.add(dropped + " row(s) with a missing value in a used column were left out.");
    }
    return w;
  }
}
