package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.data.Variable;
import dev.causal4j.data.VariableType;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestwiseCovariance;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The lagged design of a {@link TimeSeries}: a {@link Dataset} with one column per variable and
 * lag {@code 0..depth}, named by the lagged-node convention ({@code X}, {@code X:1}, …; see
 * {@link LaggedGraph}) and indexed {@code lag · p + variable}, and one row per usable time point
 * {@code t} of every series (the first {@code depth} points of each series lack a full past),
 * series stacked. Column {@code X:τ} of a row holds {@code X(t − τ)}.
 *
 * <p>Every conditional-independence test of the core library then works on lagged questions
 * unchanged: {@code X(t−2) ⫫ Y(t) | Z(t−1)} is {@code test(X:2, Y, [Z:1])} on this dataset, and a
 * Gaussian test reads every question off one covariance matrix of the design (ParCorr, as
 * Tigramite calls it, is {@link FisherZTest} here). All tests of a search use the same rows, as in
 * Tigramite's default of cutting {@code 2·τmax} points from the start of each series.
 *
 * <p>Masked time points ({@link TimeSeries}): under listwise deletion every row that touches one in
 * any variable and lag is left out; under test-wise deletion the row keeps a missing value there,
 * for the test to drop when it uses that column. Memory: {@code p·(depth+1)} columns of the
 * usable rows, e.g. 550 columns × 2,000 rows (9 MB) at p = 50, depth 10.
 */
public final class LaggedDesign {
  private final Dataset data;
  private final int variables;
  private final int depth;

  private LaggedDesign(Dataset data, int variables, int depth) {
    this.data = data;
    this.variables = variables;
    this.depth = depth;
  }

  /**
   * The design with lags {@code 0..depth}.
   *
   * @throws InvalidInputException if no series is longer than {@code depth}, or every usable row
   *     touches a masked time point
   */
  public static LaggedDesign of(TimeSeries series, int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be 0 or more; got " + depth);
    }
    Dataset src = series.data();
    int p = series.size();
    int usable = 0;
    for (int s = 0; s < series.seriesCount(); s++) {
      usable += Math.max(0, series.seriesLength(s) - depth);
    }
    BitSet anyMissing = new BitSet(src.rows());
    for (int j = 0; j < p; j++) {
      anyMissing.or(src.missingMask(j));
    }
    boolean listwise = series.missingPolicy() == MissingPolicy.LISTWISE_DELETION;
    int[] times = new int[usable]; // stored index of each row's time point t
    int rows = 0;
    for (int s = 0; s < series.seriesCount(); s++) {
      int start = series.seriesStart(s);
      int end = start + series.seriesLength(s);
      for (int t = start + depth; t < end; t++) {
        if (listwise && !anyMissing.get(t - depth, t + 1).isEmpty()) {
          continue;
        }
        times[rows++] = t;
      }
    }
    String in = series.source().map(x -> " in " + x).orElse("");
    if (rows == 0) {
      throw new InvalidInputException(usable == 0
          ? "no series" + in + " is longer than " + depth + " time points, the lags the search"
              + " needs; use a smaller maximum lag"
          : "every lagged sample" + in + " touches a masked time point (a missing value or a"
              + " gap) within " + depth + " steps, so listwise masking leaves nothing; use"
              + " --missing testwise or a smaller maximum lag");
    }
    Dataset.Builder b = Dataset.builder(rows).source(src.source().orElse(null));
    for (int lag = 0; lag <= depth; lag++) {
      for (int j = 0; j < p; j++) {
        Variable v = src.variable(j);
        String name = LaggedGraph.nodeName(v.name(), lag);
        BitSet mask = src.missingMask(j);
        if (v.isContinuous()) {
          double[] x = src.doubles(j);
          double[] col = new double[rows];
          BitSet missing = null;
          for (int r = 0; r < rows; r++) {
            int t = times[r] - lag;
            if (mask.get(t)) {
              if (missing == null) {
                missing = new BitSet(rows);
              }
              missing.set(r);
            } else {
              col[r] = x[t];
            }
          }
          b.addContinuous(name, col, missing);
        } else {
          int[] c = src.codes(j);
          int[] col = new int[rows];
          for (int r = 0; r < rows; r++) {
            col[r] = c[times[r] - lag];
          }
          if (v.type() == VariableType.ORDINAL) {
            b.addOrdinal(name, col, v.levels());
          } else {
            b.addDiscrete(name, col, v.levels());
          }
        }
      }
    }
    return new LaggedDesign(b.build(), p, depth);
  }

  /** The design as a dataset of lagged columns. */
  public Dataset dataset() {
    return data;
  }

  /** Number of variables {@code p}. */
  public int variables() {
    return variables;
  }

  /** The largest lag in the design. */
  public int depth() {
    return depth;
  }

  /** Number of rows (usable time points). */
  public int rows() {
    return data.rows();
  }

  /** The column of {@code variable} at {@code lag}. */
  public int column(int variable, int lag) {
    return lag * variables + variable;
  }

  /**
   * ParCorr: the partial-correlation test (Fisher's z of the partial correlation, from one
   * covariance matrix of the design; per-test covariances under test-wise deletion).
   *
   * @throws InvalidInputException if a column is categorical or constant on the usable rows
   */
  public IndependenceTest parCorr(int threads) {
    return new FisherZTest(data.hasMissing() ? TestwiseCovariance.of(data)
        : CovarianceMatrix.of(data, threads));
  }

  /** The lag-0 names (the variables), for reading results. */
  List<String> variableNames() {
    List<String> names = new ArrayList<>(variables);
    for (int j = 0; j < variables; j++) {
      names.add(data.variable(j).name());
    }
    return names;
  }

  @Override
  public String toString() {
    return "LaggedDesign[" + variables + " variables × lags 0.." + depth + ", " + rows()
        + " rows]";
  }
}
