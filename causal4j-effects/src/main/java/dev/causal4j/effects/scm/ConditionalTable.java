package dev.causal4j.effects.scm;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Variable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A conditional probability table {@code P(X | parents)} for a discrete node with discrete
 * parents. Configurations of the parents are numbered in mixed radix, the first parent varying
 * slowest: configuration {@code c = Σ_k code_k · stride_k} with {@code stride} of the last parent
 * 1.
 *
 * <p><b>Smoothing.</b> A fitted table is the maximum-likelihood table shrunk towards the node's
 * marginal distribution: {@code P(k | c) = (n_ck + α·m_k) / (n_c + α)}, where {@code n_ck} counts
 * rows with configuration {@code c} and level {@code k}, {@code n_c = Σ_k n_ck}, {@code α} is the
 * pseudo-count (default 1), and {@code m_k = (n_k + 1) / (n + K)} is the node's marginal with one
 * pseudo-count per level, so no level has probability zero. A configuration never seen in the data
 * ({@code n_c = 0}) therefore gets the marginal {@code m}, whatever {@code α}: the best guess
 * without data on that configuration, and one that {@link #count} lets a caller flag.
 */
public final class ConditionalTable implements CategoricalMechanism {
  /** Tables larger than this (configurations × levels) are refused: use a classifier. */
  static final long MAX_CELLS = 10_000_000L;

  private final ParentEncoding encoding;
  private final List<String> levels;
  private final int[] stride;
  private final int configurations;
  private final double[] probabilities;
  private final long[] counts;
  private final double pseudoCount;

  private ConditionalTable(ParentEncoding encoding, List<String> levels, double[] probabilities,
      long[] counts, double pseudoCount) {
    this.encoding = encoding;
    this.levels = List.copyOf(levels);
    List<Variable> ps = encoding.parents();
    this.stride = new int[ps.size()];
    this.configurations = configurations(ps, levels.size(), "");
    int s = 1;
    for (int k = ps.size() - 1; k >= 0; k--) {
      stride[k] = s;
      s *= ps.get(k).levelCount();
    }
    this.probabilities = probabilities;
    this.counts = counts;
    this.pseudoCount = pseudoCount;
  }

  private static int configurations(List<Variable> parents, int levels, String node) {
    long c = 1;
    for (Variable v : parents) {
      if (!v.isCategorical()) {
        throw new InvalidInputException("a conditional table needs discrete parents, and '"
            + v.name() + "' is continuous" + (node.isEmpty() ? "" : " (a parent of '" + node
            + "')") + "; give the node a classifier, or discretise '" + v.name() + "'");
      }
      c *= Math.max(1, v.levelCount());
      if (c * levels > MAX_CELLS) {
        throw new InvalidInputException("the conditional table" + (node.isEmpty() ? "" : " of '"
            + node + "'") + " would have more than " + MAX_CELLS + " cells (parents "
            + parents.stream().map(Variable::name).toList() + "); give the node a classifier"
            + " instead");
      }
    }
    return (int) c;
  }

  /**
   * A table with given probabilities: {@code rows[c][k] = P(X = k | configuration c)}, each row
   * non-negative and summing to 1 (within 1e-9).
   */
  public static ConditionalTable of(List<Variable> parents, Variable node, double[][] rows) {
    Objects.requireNonNull(node);
    if (!node.isCategorical()) {
      throw new IllegalArgumentException("'" + node.name() + "' is continuous");
    }
    int kLevels = node.levelCount();
    int configs = configurations(parents, kLevels, node.name());
    if (rows.length != configs) {
      throw new IllegalArgumentException(rows.length + " rows for " + configs
          + " parent configurations of '" + node.name() + "'");
    }
    double[] p = new double[configs * kLevels];
    for (int c = 0; c < configs; c++) {
      if (rows[c].length != kLevels) {
        throw new IllegalArgumentException("row " + c + " has " + rows[c].length
            + " probabilities for " + kLevels + " levels");
      }
      double sum = 0;
      for (int k = 0; k < kLevels; k++) {
        if (!(rows[c][k] >= 0)) {
          throw new IllegalArgumentException("negative probability in row " + c);
        }
        sum += rows[c][k];
        p[c * kLevels + k] = rows[c][k];
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException("row " + c + " sums to " + sum + ", not 1");
      }
    }
    return new ConditionalTable(new ParentEncoding(parents), node.levels(), p, null, 0);
  }

  /**
   * Fits a table by counting, with the smoothing described in the class comment.
   *
   * @param parentCodes the parents' code columns, in the order of {@code parents}
   * @param codes the node's codes
   * @param pseudoCount {@code α ≥ 0}
   */
  public static ConditionalTable fit(List<Variable> parents, Variable node, int[][] parentCodes,
      int[] codes, double pseudoCount) {
    if (!(pseudoCount >= 0) || !Double.isFinite(pseudoCount)) {
      throw new InvalidInputException("the table pseudo-count must be finite and >= 0, not "
          + pseudoCount);
    }
    int kLevels = node.levelCount();
    int configs = configurations(parents, kLevels, node.name());
    ParentEncoding enc = new ParentEncoding(parents);
    int[] stride = new int[parents.size()];
    int s = 1;
    for (int k = parents.size() - 1; k >= 0; k--) {
      stride[k] = s;
      s *= parents.get(k).levelCount();
    }
    int n = codes.length;
    long[] cell = new long[configs * kLevels];
    long[] marginal = new long[kLevels];
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int k = 0; k < stride.length; k++) {
        c += parentCodes[k][i] * stride[k];
      }
      cell[c * kLevels + codes[i]]++;
      marginal[codes[i]]++;
    }
    double[] m = new double[kLevels];
    for (int k = 0; k < kLevels; k++) {
      m[k] = (marginal[k] + 1.0) / (n + kLevels);
    }
    double[] p = new double[configs * kLevels];
    long[] counts = new long[configs];
    for (int c = 0; c < configs; c++) {
      long nc = 0;
      for (int k = 0; k < kLevels; k++) {
        nc += cell[c * kLevels + k];
      }
      counts[c] = nc;
      for (int k = 0; k < kLevels; k++) {
        p[c * kLevels + k] = nc == 0 ? m[k]
            : (cell[c * kLevels + k] + pseudoCount * m[k]) / (nc + pseudoCount);
      }
    }
    return new ConditionalTable(enc, node.levels(), p, counts, pseudoCount);
  }

  @Override
  public ParentEncoding encoding() {
    return encoding;
  }

  @Override
  public List<String> levels() {
    return levels;
  }

  /** Number of parent configurations (1 for a root). */
  public int configurations() {
    return configurations;
  }

  /** The configuration of the given parent codes (in parent order). */
  public int configuration(int... parentCodes) {
    if (parentCodes.length != stride.length) {
      throw new IllegalArgumentException(parentCodes.length + " codes for " + stride.length
          + " parents");
    }
    int c = 0;
    for (int k = 0; k < stride.length; k++) {
      c += parentCodes[k] * stride[k];
    }
    return c;
  }

  /** {@code P(X = level | configuration)}. */
  public double probability(int configuration, int level) {
    return probabilities[configuration * levels.size() + level];
  }

  /**
   * The number of data rows with this configuration, or -1 for a table given rather than fitted.
   */
  public long count(int configuration) {
    return counts == null ? -1 : counts[configuration];
  }

  /** The pseudo-count {@code α} the table was fitted with (0 for a given table). */
  public double pseudoCount() {
    return pseudoCount;
  }

  /** The configuration of row {@code i} of parent columns. */
  int configuration(double[][] parentColumns, int i) {
    int c = 0;
    for (int k = 0; k < stride.length; k++) {
      c += (int) parentColumns[k][i] * stride[k];
    }
    return c;
  }

  @Override
  public void probabilities(double[][] parentColumns, int n, double[] out) {
    int kLevels = levels.size();
    for (int i = 0; i < n; i++) {
      System.arraycopy(probabilities, configuration(parentColumns, i) * kLevels, out,
          i * kLevels, kLevels);
    }
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "conditional table: %d parent configuration%s × %d levels%s",
        configurations, configurations == 1 ? "" : "s", levels.size(),
        counts == null ? " (given)" : pseudoCount == 0 ? ""
            : String.format(Locale.ROOT, ", shrunk to the marginal by %.3g pseudo-count%s",
                pseudoCount, pseudoCount == 1 ? "" : "s"));
  }
}
