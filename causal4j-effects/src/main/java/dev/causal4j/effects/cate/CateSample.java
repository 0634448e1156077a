package dev.causal4j.effects.cate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import java.util.Objects;

/**
 * The numbers a CATE learner fits: covariates, a binary treatment (0/1) and the outcome, one row
 * per unit. The arrays are shared, not copied: callers must not modify them.
 *
 * @param x the covariates (effect modifiers and confounders)
 * @param treatment 0 or 1 per row
 * @param outcome the outcome per row
 */
public record CateSample(FeatureMatrix x, int[] treatment, double[] outcome) {

  public CateSample {
    Objects.requireNonNull(x, "x");
    if (treatment.length != x.rows() || outcome.length != x.rows()) {
      throw new IllegalArgumentException(treatment.length + " treatments and " + outcome.length
          + " outcomes for " + x.rows() + " rows");
    }
    for (int i = 0; i < treatment.length; i++) {
      if (treatment[i] != 0 && treatment[i] != 1) {
        throw new IllegalArgumentException("treatment " + treatment[i] + " at row " + i
            + " is not 0 or 1");
      }
    }
  }

  /**
   * The sample of an encoded problem.
   *
   * @throws InvalidInputException if the treatment is not binary or there are no covariates
   */
  public static CateSample of(EffectData d) {
    String t = d.problem().treatment();
    if (!d.isBinaryTreatment()) {
      double other = 0;
      for (double v : d.treatment()) {
        if (v != 0 && v != 1) {
          other = v;
          break;
        }
      }
      throw new InvalidInputException("the treatment '" + t + "' is numeric with values other"
          + " than 0 and 1 (e.g. " + plain(other) + "); CATE learners need a binary treatment:"
          + " recode it as 0/1 (e.g. above/below a threshold), or drop --cate");
    }
    if (d.covariates().cols() == 0) {
      throw new InvalidInputException("CATE needs covariates for the effect to vary over, and"
          + " none were given (or the graph's adjustment set is empty): name them with"
          + " --covariates");
    }
    return new CateSample(d.covariates(), d.treatmentLabels("CATE"), d.outcome());
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  public int rows() {
    return outcome.length;
  }

  /** The given rows, copied. */
  public CateSample rows(int[] idx) {
    int[] t = new int[idx.length];
    double[] y = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      t[i] = treatment[idx[i]];
      y[i] = outcome[idx[i]];
    }
    return new CateSample(x.selectRows(idx), t, y);
  }

  /** True for the rows in arm {@code a} (0 or 1). */
  boolean[] arm(int a) {
    boolean[] in = new boolean[treatment.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = treatment[i] == a;
    }
    return in;
  }

  /** The rows in arm {@code a}. */
  int[] armRows(int a) {
    int c = 0;
    for (int v : treatment) {
      if (v == a) {
        c++;
      }
    }
    int[] out = new int[c];
    for (int i = 0, k = 0; i < treatment.length; i++) {
      if (treatment[i] == a) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The treatment as doubles. */
  double[] treatmentValues() {
    double[] v = new double[treatment.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = treatment[i];
    }
    return v;
  }

  /** Values at the given rows. */
  static double[] at(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }
}
