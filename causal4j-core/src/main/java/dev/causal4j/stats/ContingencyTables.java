package dev.causal4j.stats;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import java.util.List;

/**
 * The sufficient statistics of discrete tests and scores: the category codes of every variable,
 * from which contingency tables for any variable set are counted on demand by a {@link
 * StratifiedCounts} (one per thread; see {@link #newCounter()}).
 *
 * <p>Missing codes ({@code -1}) are skipped per table, i.e. each table counts the rows complete in
 * its own variables (test-wise deletion); apply {@link dev.causal4j.data.MissingPolicy} to the
 * dataset first for anything else. Immutable and thread-safe.
 */
public final class ContingencyTables implements SufficientStatistics {
  private final List<String> variables;
  private final int[][] codes;
  private final int[] levels;
  private final int n;
  private final String source;

  private ContingencyTables(List<String> variables, int[][] codes, int[] levels, int n, String src) {
    this.variables = List.copyOf(variables);
    this.codes = codes;
    this.levels = levels;
    this.n = n;
    this.source = src == null ? "" : src;
  }

  /**
   * The codes of every column of {@code data}.
   *
   * @throws InvalidInputException if a column is continuous
   */
  public static ContingencyTables of(Dataset data) {
    int p = data.columns();
    int[][] codes = new int[p][];
    int[] levels = new int[p];
    String src = data.source().orElse("");
    for (int j = 0; j < p; j++) {
      Variable v = data.variable(j);
      if (!v.isCategorical()) {
        throw new InvalidInputException(
            "column '" + v.name() + "'" + CovarianceMatrix.in(src) + " is continuous; contingency"
                + " tables need categorical columns (use fisher-z for continuous data, cg for"
                + " mixed data, or discretise the column)");
      }
      codes[j] = data.codes(j);
      levels[j] = v.levelCount();
    }
    return new ContingencyTables(data.names(), codes, levels, data.rows(), src);
  }

  /**
   * Codes given directly: {@code codes[j][r]} in {@code 0..levels[j]-1}, or {@code -1} for
   * missing. The arrays are shared, not copied.
   */
  public static ContingencyTables of(List<String> names, int[][] codes, int[] levels) {
    if (names.size() != codes.length || codes.length != levels.length) {
      throw new IllegalArgumentException("names, codes and levels differ in length");
    }
    int n = codes.length == 0 ? 0 : codes[0].length;
    for (int j = 0; j < codes.length; j++) {
      if (codes[j].length != n) {
        throw new IllegalArgumentException("column '" + names.get(j) + "' has a different length");
      }
      for (int c : codes[j]) {
        if (c < -1 || c >= levels[j]) {
          throw new IllegalArgumentException(
              "column '" + names.get(j) + "' has code " + c + " outside -1.." + (levels[j] - 1));
        }
      }
    }
    return new ContingencyTables(names, codes, levels.clone(), n, "");
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  @Override
  public int sampleSize() {
    return n;
  }

  /** Where the data came from (a file), for messages; empty when unknown. */
  public String source() {
    return source;
  }

  /** The number of categories of variable {@code v}. */
  public int levels(int v) {
    return levels[v];
  }

  /** The codes of variable {@code v} (shared: do not modify). */
  int[] codes(int v) {
    return codes[v];
  }

  /** A new counting workspace; use one per thread. */
  public StratifiedCounts newCounter() {
    return new StratifiedCounts(this);
  }
}
