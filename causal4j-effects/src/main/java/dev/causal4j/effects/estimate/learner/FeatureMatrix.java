package dev.causal4j.effects.estimate.learner;

import java.util.Arrays;

/**
 * A dense matrix of features, row-major in one {@code double[]}: row {@code i}, column {@code j}
 * is {@code values()[i * cols() + j]}. The array is shared, not copied: callers must not modify
 * it after building the matrix.
 *
 * @param values the entries, row by row; length {@code rows * cols}
 * @param rows number of rows (units)
 * @param cols number of columns (features); may be zero
 */
public record FeatureMatrix(double[] values, int rows, int cols) {

  public FeatureMatrix {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative size " + rows + " x " + cols);
    }
    if ((long) rows * cols != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + rows + " x " + cols);
    }
  }

  /** A matrix from columns ({@code columns[j]} is feature {@code j}), copied. */
  public static FeatureMatrix ofColumns(double[]... columns) {
    int p = columns.length;
    int n = p == 0 ? 0 : columns[0].length;
    double[] v = new double[n * p];
    for (int j = 0; j < p; j++) {
      if (columns[j].length != n) {
        throw new IllegalArgumentException("column " + j + " has " + columns[j].length
            + " values, not " + n);
      }
      for (int i = 0; i < n; i++) {
        v[i * p + j] = columns[j][i];
      }
    }
    return new FeatureMatrix(v, n, p);
  }

  /** A matrix with {@code rows} rows and no columns. */
  public static FeatureMatrix empty(int rows) {
    return new FeatureMatrix(new double[0], rows, 0);
  }

  public double get(int row, int col) {
    return values[row * cols + col];
  }

  /** Column {@code j}, copied. */
  public double[] column(int j) {
    double[] c = new double[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = values[i * cols + j];
    }
    return c;
  }

  /** The given rows, in that order (repeats allowed), copied. */
  public FeatureMatrix selectRows(int[] rowIndices) {
    double[] v = new double[rowIndices.length * cols];
    for (int k = 0; k < rowIndices.length; k++) {
      System.arraycopy(values, rowIndices[k] * cols, v, k * cols, cols);
    }
    return new FeatureMatrix(v, rowIndices.length, cols);
  }

  /** This matrix with {@code column} appended as the last column (copied). */
  public FeatureMatrix withColumn(double[] column) {
    if (column.length != rows) {
      throw new IllegalArgumentException(column.length + " values for " + rows + " rows");
    }
    int p = cols + 1;
    double[] v = new double[rows * p];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(values, i * cols, v, i * p, cols);
      v[i * p + cols] = column[i];
    }
    return new FeatureMatrix(v, rows, p);
  }

  /** This matrix with its last column replaced by the constant {@code value} (copied). */
  public FeatureMatrix withLastColumn(double value) {
    double[] v = values.clone();
    for (int i = 0; i < rows; i++) {
      v[i * cols + cols - 1] = value;
    }
    return new FeatureMatrix(v, rows, cols);
  }

  /** The entries as {@code float}, for libraries that take single precision. */
  float[] toFloats() {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureMatrix m && m.rows == rows && m.cols == cols
        && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureMatrix[" + rows + " x " + cols + "]";
  }
}
