package dev.causal4j.effects.scm;

import dev.causal4j.data.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node's parents become the features of a regression or classifier: a continuous parent is
 * one feature as it is; a categorical parent with {@code k} levels is {@code k - 1} indicator
 * features, one per level after the first (the first level is the reference, absorbed by the
 * intercept, so the design has no exact collinearity). Parent values arrive as columns of
 * doubles, categorical ones as their codes {@code 0..k-1}.
 */
public final class ParentEncoding {
  private final List<Variable> parents;
  private final int[] offset;
  private final int width;
  private final List<String> featureNames;

  public ParentEncoding(List<Variable> parents) {
    this.parents = List.copyOf(parents);
    this.offset = new int[parents.size()];
    List<String> names = new ArrayList<>();
    int w = 0;
    for (int k = 0; k < parents.size(); k++) {
      Variable v = parents.get(k);
      offset[k] = w;
      if (v.isCategorical()) {
        for (int l = 1; l < v.levelCount(); l++) {
          names.add(v.name() + "=" + v.levels().get(l));
        }
        w += Math.max(0, v.levelCount() - 1);
      } else {
        names.add(v.name());
        w++;
      }
    }
    this.width = w;
    this.featureNames = List.copyOf(names);
  }

  /** The parents, in the order their columns are given. */
  public List<Variable> parents() {
    return parents;
  }

  /** Number of features (intercept not included). */
  public int width() {
    return width;
  }

  /** Feature names: a continuous parent's name, or {@code name=level} for an indicator. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The first feature of parent {@code k}. */
  int offset(int k) {
    return offset[k];
  }

  /**
   * The features of rows {@code 0..n-1}, row-major ({@code out[i][f]}), from the parent columns
   * ({@code parentColumns[k][i]}).
   */
  public double[][] encode(double[][] parentColumns, int n) {
    double[][] out = new double[n][width];
    for (int k = 0; k < parents.size(); k++) {
      double[] col = parentColumns[k];
      int o = offset[k];
      if (parents.get(k).isCategorical()) {
        for (int i = 0; i < n; i++) {
          int code = (int) col[i];
          if (code > 0) {
            out[i][o + code - 1] = 1;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          out[i][o] = col[i];
        }
      }
    }
    return out;
  }

  /**
   * {@code intercept + Σ coefficients[f] · feature_f} for every row, without building the
   * feature matrix.
   */
  void linear(double intercept, double[] coefficients, double[][] parentColumns, int n,
      double[] out) {
    java.util.Arrays.fill(out, 0, n, intercept);
    for (int k = 0; k < parents.size(); k++) {
      double[] col = parentColumns[k];
      int o = offset[k];
      if (parents.get(k).isCategorical()) {
        for (int i = 0; i < n; i++) {
          int code = (int) col[i];
          if (code > 0) {
            out[i] += coefficients[o + code - 1];
          }
        }
      } else {
        double b = coefficients[o];
        for (int i = 0; i < n; i++) {
          out[i] += b * col[i];
        }
      }
    }
  }
}
