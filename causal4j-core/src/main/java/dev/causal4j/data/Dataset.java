package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, columnar table of observations: one primitive array per variable ({@code double[]}
 * for continuous, {@code int[]} codes for discrete and ordinal), variable names and types, a
 * missing-value mask per column, and optionally a domain (environment) column and a time column
 * kept beside the variables.
 *
 * <p><b>Missing values</b> are explicit: {@link #isMissing(int, int)} and {@link
 * #missingMask(int)}. In the primitive arrays a missing continuous value is {@code NaN} and a
 * missing code is {@code -1}; every present continuous value is finite (the builder rejects
 * {@code NaN} and infinities that are not marked missing). What a method does with missing values
 * is the caller's stated {@link MissingPolicy}.
 *
 * <p><b>Sharing.</b> {@link #doubles(int)} and {@link #codes(int)} return the backing arrays so
 * that hot loops run on primitives without copying; callers must not modify them. Selecting
 * columns shares the arrays; selecting rows copies them (a gather), since row subsets
 * (bootstrap samples, listwise deletion) are then scanned many times.
 */
public final class Dataset {
  private final List<Variable> variables;
  private final Map<String, Integer> indexByName;
  private final double[][] doubles;
  private final int[][] codes;
  private final BitSet[] missing;
  private final int rows;
  private final DomainColumn domain;
  private final TimeColumn time;
  private final String source;

  private Dataset(
      List<Variable> variables,
      double[][] doubles,
      int[][] codes,
      BitSet[] missing,
      int rows,
      DomainColumn domain,
      TimeColumn time,
      String source) {
    this.variables = List.copyOf(variables);
    this.doubles = doubles;
    this.codes = codes;
    this.missing = missing;
    this.rows = rows;
    this.domain = domain;
    this.time = time;
    this.source = source;
    Map<String, Integer> idx = new HashMap<>();
    for (int j = 0; j < this.variables.size(); j++) {
      idx.put(this.variables.get(j).name(), j);
    }
    this.indexByName = Collections.unmodifiableMap(idx);
  }

  /** A builder for a dataset with {@code rows} rows. */
  public static Builder builder(int rows) {
    return new Builder(rows);
  }

  /** A complete continuous dataset from columns ({@code columns[j]} is variable {@code j}). */
  public static Dataset ofContinuous(List<String> names, double[][] columns) {
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
    }
    int n = columns.length == 0 ? 0 : columns[0].length;
    Builder b = builder(n);
    for (int j = 0; j < columns.length; j++) {
      b.addContinuous(names.get(j), columns[j]);
    }
    return b.build();
  }

  /** Number of rows (observations). */
  public int rows() {
    return rows;
  }

  /** Number of variables (columns), not counting the domain and time columns. */
  public int columns() {
    return variables.size();
  }

  public List<Variable> variables() {
    return variables;
  }

  public Variable variable(int column) {
    return variables.get(column);
  }

  public List<String> names() {
    List<String> names = new ArrayList<>(variables.size());
    for (Variable v : variables) {
      names.add(v.name());
    }
    return names;
  }

  /** Where the data came from (a file path or a query), for messages; may be empty. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The column index of a variable, or -1 if there is none by that name. */
  public int indexOf(String name) {
    Integer j = indexByName.get(name);
    return j == null ? -1 : j;
  }

  /**
   * The column index of a variable that must exist.
   *
   * @throws InvalidInputException naming the variable and the ones that exist
   */
  public int require(String name) {
    int j = indexOf(name);
    if (j < 0) {
      throw new InvalidInputException(
          "no variable named '" + name + "'" + sourceSuffix() + "; the variables are "
              + abbreviatedNames() + " (names are case-sensitive)");
    }
    return j;
  }

  /** True when every variable is continuous. */
  public boolean isAllContinuous() {
    return variables.stream().allMatch(Variable::isContinuous);
  }

  /** True when every variable is discrete or ordinal. */
  public boolean isAllCategorical() {
    return variables.stream().allMatch(Variable::isCategorical);
  }

  /**
   * The values of a continuous column; missing entries are {@code NaN}. The array is shared: do
   * not modify it.
   *
   * @throws IllegalArgumentException if the column is categorical
   */
  public double[] doubles(int column) {
    double[] d = doubles[column];
    if (d == null) {
      throw new IllegalArgumentException(
          "variable '" + variables.get(column).name() + "' is " + variables.get(column).type()
              + ", not continuous");
    }
    return d;
  }

  /**
   * The codes of a discrete or ordinal column ({@code 0..k-1}; missing entries are {@code -1}).
   * The array is shared: do not modify it.
   *
   * @throws IllegalArgumentException if the column is continuous
   */
  public int[] codes(int column) {
    int[] c = codes[column];
    if (c == null) {
      throw new IllegalArgumentException(
          "variable '" + variables.get(column).name() + "' is continuous, not categorical");
    }
    return c;
  }

  /**
   * A column as numbers whatever its type: continuous values as they are, codes as {@code 0..k-1}
   * (missing as {@code NaN}). A new array.
   */
  public double[] numeric(int column) {
    if (doubles[column] != null) {
      return doubles[column].clone();
    }
    int[] c = codes[column];
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = c[i] < 0 ? Double.NaN : c[i];
    }
    return out;
  }

  public boolean isMissing(int row, int column) {
    return missing[column] != null && missing[column].get(row);
  }

  /** A copy of the rows missing in a column. */
  public BitSet missingMask(int column) {
    return missing[column] == null ? new BitSet(rows) : (BitSet) missing[column].clone();
  }

  public int missingCount(int column) {
    return missing[column] == null ? 0 : missing[column].cardinality();
  }

  /** True if any variable has a missing value. */
  public boolean hasMissing() {
    for (BitSet m : missing) {
      if (m != null && !m.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  public Optional<DomainColumn> domain() {
    return Optional.ofNullable(domain);
  }

  public Optional<TimeColumn> time() {
    return Optional.ofNullable(time);
  }

  /** The variables at the given column indices, in that order, sharing the arrays. */
  public Dataset selectColumns(int... columns) {
    List<Variable> vs = new ArrayList<>(columns.length);
    double[][] d = new double[columns.length][];
    int[][] c = new int[columns.length][];
    BitSet[] m = new BitSet[columns.length];
    boolean[] seen = new boolean[this.columns()];
    for (int k = 0; k < columns.length; k++) {
      int j = columns[k];
      if (j < 0 || j >= this.columns()) {
        throw new IndexOutOfBoundsException("column " + j + " of " + this.columns());
      }
      if (seen[j]) {
        throw new IllegalArgumentException("column '" + variables.get(j).name() + "' selected twice");
      }
      seen[j] = true;
      vs.add(variables.get(j));
      d[k] = doubles[j];
      c[k] = codes[j];
      m[k] = missing[j];
    }
    return new Dataset(vs, d, c, m, rows, domain, time, source);
  }

  /** The named variables, in that order, sharing the arrays. */
  public Dataset selectColumns(List<String> names) {
    int[] idx = new int[names.size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = require(names.get(k));
    }
    return selectColumns(idx);
  }

  /**
   * The given rows, in that order (repeats allowed, as in a bootstrap sample), copied into new
   * arrays. The domain and time columns follow the rows.
   */
  public Dataset selectRows(int[] rowIndices) {
    int n = rowIndices.length;
    int p = columns();
    double[][] d = new double[p][];
    int[][] c = new int[p][];
    BitSet[] m = new BitSet[p];
    for (int j = 0; j < p; j++) {
      if (doubles[j] != null) {
        double[] src = doubles[j];
        double[] dst = new double[n];
        for (int i = 0; i < n; i++) {
          dst[i] = src[rowIndices[i]];
        }
        d[j] = dst;
      } else {
        int[] src = codes[j];
        int[] dst = new int[n];
        for (int i = 0; i < n; i++) {
          dst[i] = src[rowIndices[i]];
        }
        c[j] = dst;
      }
      if (missing[j] != null && !missing[j].isEmpty()) {
        BitSet src = missing[j];
        BitSet dst = new BitSet(n);
        for (int i = 0; i < n; i++) {
          if (src.get(rowIndices[i])) {
            dst.set(i);
          }
        }
        m[j] = dst;
      }
    }
    DomainColumn dom = null;
    if (domain != null) {
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = domain.labels()[rowIndices[i]];
      }
      dom = new DomainColumn(domain.name(), labels, domain.levels());
    }
    TimeColumn tc = null;
    if (time != null) {
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = time.values()[rowIndices[i]];
      }
      tc = new TimeColumn(time.name(), t);
    }
    return new Dataset(variables, d, c, m, n, dom, tc, source);
  }

  /** Indices of the rows with no missing value in any of the given columns (all, if none given). */
  public int[] completeRows(int... columns) {
    int[] cols = columns.length == 0 ? allColumns() : columns;
    BitSet any = new BitSet(rows);
    for (int j : cols) {
      if (missing[j] != null) {
        any.or(missing[j]);
      }
    }
    int[] out = new int[rows - any.cardinality()];
    int k = 0;
    for (int i = any.nextClearBit(0); i < rows; i = any.nextClearBit(i + 1)) {
      out[k++] = i;
    }
    return out;
  }

  /**
   * Applies a missing-value policy once, up front: {@link MissingPolicy#REFUSE} throws if any
   * value is missing, {@link MissingPolicy#LISTWISE_DELETION} keeps the complete rows (and throws
   * if none are left), {@link MissingPolicy#TESTWISE_DELETION} returns this dataset unchanged for
   * the method to handle test by test.
   */
  public Dataset applyMissingPolicy(MissingPolicy policy) {
    switch (policy) {
      case TESTWISE_DELETION:
        return this;
      case REFUSE:
        for (int j = 0; j < columns(); j++) {
          if (missingCount(j) > 0) {
            throw new InvalidInputException(
                "column '" + variables.get(j).name() + "'" + sourceSuffix() + " has "
                    + missingCount(j) + " missing value(s) (first at data row "
                    + (missing[j].nextSetBit(0) + 1) + "); choose how to handle them, e.g."
                    + " --missing listwise or --missing testwise");
          }
        }
        return this;
      case LISTWISE_DELETION:
        if (!hasMissing()) {
          return this;
        }
        int[] keep = completeRows();
        if (keep.length == 0) {
          throw new InvalidInputException(
              "every row" + sourceSuffix() + " has a missing value, so listwise deletion leaves"
                  + " nothing; drop the sparsest columns or use --missing testwise");
        }
        return selectRows(keep);
      default:
        throw new IllegalStateException(policy.toString());
    }
  }

  private int[] allColumns() {
    int[] a = new int[columns()];
    Arrays.setAll(a, i -> i);
    return a;
  }

  private String sourceSuffix() {
    return source == null ? "" : " in " + source;
  }

  private String abbreviatedNames() {
    List<String> names = names();
    if (names.size() <= 12) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 12)) + ", … (" + names.size() + " in all)";
  }

  @Override
  public String toString() {
    return "Dataset[" + rows + " rows × " + columns() + " variables"
        + (source == null ? "" : ", from " + source) + "]";
  }

  /**
   * Assembles a dataset column by column and checks it: equal lengths, unique names, codes within
   * the levels, and no {@code NaN} or infinite value that is not marked missing.
   */
  public static final class Builder {
    private final int rows;
    private final List<Variable> variables = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<double[]> doubles = new ArrayList<>();
    private final List<int[]> codes = new ArrayList<>();
    private final List<BitSet> missing = new ArrayList<>();
    private DomainColumn domain;
    private TimeColumn time;
    private String source;

    private Builder(int rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("rows < 0");
      }
      this.rows = rows;
    }

    /** Names the origin (file, query) used in error messages. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** A complete continuous column (the array is kept, not copied). */
    public Builder addContinuous(String name, double[] values) {
      return addContinuous(name, values, null);
    }

    /**
     * A continuous column with the rows in {@code missingRows} missing (their values are set to
     * {@code NaN}; the array is kept, not copied).
     */
    public Builder addContinuous(String name, double[] values, BitSet missingRows) {
      checkLength(name, values.length);
      for (int i = 0; i < rows; i++) {
        boolean isMissing = missingRows != null && missingRows.get(i);
        if (isMissing) {
          values[i] = Double.NaN;
        } else if (!Double.isFinite(values[i])) {
          throw new InvalidInputException(
              "column '" + name + "'" + where() + " has the value " + values[i] + " at data row "
                  + (i + 1) + "; mark it as missing (e.g. NA) or remove the row");
        }
      }
      return add(Variable.continuous(name), values, null, missingRows);
    }

    /** A discrete (unordered) column of codes {@code 0..levels-1}; {@code -1} marks missing. */
    public Builder addDiscrete(String name, int[] codes, List<String> levels) {
      return addCategorical(Variable.discrete(name, levels), codes);
    }

    /** An ordinal column of codes {@code 0..levels-1} in level order; {@code -1} marks missing. */
    public Builder addOrdinal(String name, int[] codes, List<String> levels) {
      return addCategorical(Variable.ordinal(name, levels), codes);
    }

    private Builder addCategorical(Variable v, int[] values) {
      checkLength(v.name(), values.length);
      BitSet m = null;
      int k = v.levelCount();
      for (int i = 0; i < rows; i++) {
        int c = values[i];
        if (c == -1) {
          if (m == null) {
            m = new BitSet(rows);
          }
          m.set(i);
        } else if (c < 0 || c >= k) {
          throw new IllegalArgumentException(
              "column '" + v.name() + "': code " + c + " at row " + (i + 1) + " is not in 0.."
                  + (k - 1));
        }
      }
      return add(v, null, values, m);
    }

    /** Sets the environment of each row. */
    public Builder domain(DomainColumn domain) {
      checkLength(domain.name(), domain.labels().length);
      this.domain = domain;
      return this;
    }

    /** Sets the time stamp of each row. */
    public Builder time(TimeColumn time) {
      checkLength(time.name(), time.values().length);
      this.time = time;
      return this;
    }

    private Builder add(Variable v, double[] d, int[] c, BitSet m) {
      if (!names.add(v.name())) {
        throw new InvalidInputException(
            "two columns are named '" + v.name() + "'" + where()
                + "; give every column a distinct name");
      }
      variables.add(v);
      doubles.add(d);
      codes.add(c);
      missing.add(m == null || m.isEmpty() ? null : (BitSet) m.clone());
      return this;
    }

    private void checkLength(String name, int length) {
      if (length != rows) {
        throw new IllegalArgumentException(
            "column '" + name + "' has " + length + " values; the dataset has " + rows + " rows");
      }
    }

    private String where() {
      return source == null ? "" : " in " + source;
    }

    public Dataset build() {
      return new Dataset(
          variables,
          doubles.toArray(new double[0][]),
          codes.toArray(new int[0][]),
          missing.toArray(new BitSet[0]),
          rows,
          domain,
          time,
          source);
    }
  }
}
