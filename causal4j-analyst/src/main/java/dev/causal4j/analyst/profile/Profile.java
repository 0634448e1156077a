package dev.causal4j.analyst.profile;

import dev.causal4j.data.VariableType;
import java.util.List;

/**
 * What the data look like, measured: sizes and types, missingness, near-constant and
 * near-duplicate columns, non-Gaussianity (marginal and of regression residuals), nonlinearity on
 * sampled pairs, heteroscedasticity, heterogeneity across a domain column and signs of time order.
 * Every number the planner reads is here, and each conclusion is a {@link Finding} with its
 * statistic.
 *
 * @param source where the data came from
 * @param rows rows n
 * @param variables variables p
 * @param kind continuous, discrete or mixed
 * @param columns one profile per variable, in column order
 * @param missingness missing values per column and their patterns
 * @param nearDuplicates pairs of variables that (nearly) repeat each other
 * @param residuals per continuous variable: its residuals on the others (Gaussianity, variance)
 * @param pairs the sampled pairs tested for nonlinearity
 * @param heterogeneity differences across the domain column, or null without one
 * @param time the time-order look
 * @param signals the shares the planner's rules read
 * @param settings how the profile was computed
 * @param findings every conclusion, in plain words with its statistic
 */
public record Profile(
    String source,
    int rows,
    int variables,
    DataKind kind,
    List<ColumnProfile> columns,
    Missingness missingness,
    List<NearDuplicate> nearDuplicates,
    List<ResidualCheck> residuals,
    List<PairCheck> pairs,
    Heterogeneity heterogeneity,
    TimeLook time,
    Signals signals,
    Settings settings,
    List<Finding> findings) {

  public Profile {
    columns = List.copyOf(columns);
    nearDuplicates = List.copyOf(nearDuplicates);
    residuals = List.copyOf(residuals);
    pairs = List.copyOf(pairs);
    findings = List.copyOf(findings);
  }

  /** Rows per variable, n/p. */
  public double rowsPerVariable() {
    return variables == 0 ? 0 : (double) rows / variables;
  }

  /**
   * One variable.
   *
   * @param missing rows missing
   * @param distinct distinct present values
   * @param topShare share of present rows taken by the most frequent value
   * @param mean mean (continuous; NaN otherwise)
   * @param sd standard deviation, divisor n−1 (continuous; NaN otherwise)
   * @param skewness sample skewness (continuous; NaN otherwise)
   * @param excessKurtosis sample excess kurtosis (continuous; NaN otherwise)
   * @param marginal Anderson–Darling on the marginal (continuous with ≥ 8 values; else null)
   * @param histogram equal-width bins of the values, or the level counts of a categorical
   */
  public record ColumnProfile(
      String name,
      VariableType type,
      int missing,
      int distinct,
      double topShare,
      double mean,
      double sd,
      double skewness,
      double excessKurtosis,
      AndersonDarling.Result marginal,
      Histogram histogram) {}

  /**
   * Counts per bin: for a continuous variable {@code edges} has one more entry than {@code
   * counts}; for a categorical one {@code labels} names the levels and {@code edges} is empty.
   */
  public record Histogram(double[] edges, List<String> labels, int[] counts) {
    public Histogram {
      labels = List.copyOf(labels);
    }
  }

  /**
   * Missing values.
   *
   * @param cells missing cells
   * @param completeRows rows with no missing value
   * @param perColumn missing share per variable, in column order
   * @param patterns the most common patterns among incomplete rows, most frequent first
   * @param patternCount number of distinct patterns among incomplete rows
   */
  public record Missingness(
      long cells, int completeRows, double[] perColumn, List<MissingPattern> patterns,
      int patternCount) {
    public Missingness {
      patterns = List.copyOf(patterns);
    }
  }

  /** A set of variables missing together in {@code rows} rows. */
  public record MissingPattern(List<String> missing, int rows) {
    public MissingPattern {
      missing = List.copyOf(missing);
    }
  }

  /** Two variables whose values (nearly) repeat each other: |r| for continuous, 1 if identical. */
  public record NearDuplicate(String first, String second, double absCorrelation) {}

  /**
   * A continuous variable regressed linearly on the other continuous variables.
   *
   * @param regressors the regressors used
   * @param n rows used
   * @param rSquared the fit's R²
   * @param gaussianity Anderson–Darling on the residuals
   * @param gaussianityQ its Benjamini–Hochberg q-value over the variables
   * @param breuschPagan Koenker's studentised Breusch–Pagan statistic n·R² of the squared residuals
   * @param breuschPaganDf its degrees of freedom (number of regressors)
   * @param breuschPaganP its p-value
   * @param breuschPaganQ its Benjamini–Hochberg q-value over the variables
   */
  public record ResidualCheck(
      String variable,
      List<String> regressors,
      int n,
      double rSquared,
      AndersonDarling.Result gaussianity,
      double gaussianityQ,
      double breuschPagan,
      int breuschPaganDf,
      double breuschPaganP,
      double breuschPaganQ) {
    public ResidualCheck {
      regressors = List.copyOf(regressors);
    }
  }

  /**
   * {@code y} on {@code x}: a straight line against a cubic spline (knots at the quartiles), by
   * the F-test of the extra terms.
   *
   * @param gain share of the line's residual sum of squares the spline removes
   * @param q Benjamini–Hochberg q-value over all tested directions
   * @param nonlinear q below the FDR level and a gain of at least {@link Profiler#MIN_GAIN}
   */
  public record PairCheck(
      String x, String y, int n, double f, int df1, int df2, double p, double q, double gain,
      boolean nonlinear) {}

  /**
   * Differences across the domain column.
   *
   * @param domain the column's name
   * @param levels number of domains
   * @param variables per variable: ANOVA F (continuous) or χ² (categorical) across domains
   */
  public record Heterogeneity(String domain, int levels, List<DomainTest> variables) {
    public Heterogeneity {
      variables = List.copyOf(variables);
    }
  }

  /** One variable across domains: the statistic, its p-value and BH q-value. */
  public record DomainTest(String variable, String statistic, double value, double p, double q) {}

  /**
   * Signs that rows are ordered in time.
   *
   * @param orderColumn the declared time column, or a variable that is monotone over the rows, or
   *     null
   * @param declared true when the order column is the declared time column
   * @param lag1 per continuous variable, its lag-1 autocorrelation in row (or time) order
   * @param looksLikeTimeSeries the verdict the planner reads
   */
  public record TimeLook(
      String orderColumn, boolean declared, List<Autocorrelation> lag1,
      boolean looksLikeTimeSeries) {
    public TimeLook {
      lag1 = List.copyOf(lag1);
    }
  }

  /** Lag-1 autocorrelation r₁, with z = r₁√n and its two-sided p- and BH q-value. */
  public record Autocorrelation(String variable, double r1, double z, double p, double q) {}

  /**
   * The shares the planner reads, each over the variables (or tested directions) it could be
   * measured on; NaN when there was nothing to measure.
   *
   * @param nonGaussianResiduals share of continuous variables whose residuals are non-Gaussian
   * @param nonlinearPairs share of sampled pairs with a nonlinear direction
   * @param heteroscedastic share of continuous variables with heteroscedastic residuals
   * @param heterogeneous share of variables whose distribution differs across domains
   * @param missingCells share of cells missing
   * @param nearConstant variables with one value in at least 99% of rows
   */
  public record Signals(
      double nonGaussianResiduals,
      double nonlinearPairs,
      double heteroscedastic,
      double heterogeneous,
      double missingCells,
      List<String> nearConstant) {
    public Signals {
      nearConstant = List.copyOf(nearConstant);
    }
  }

  /**
   * How the profile was computed.
   *
   * @param seed seeds the row sample and the pair sample
   * @param rowsUsed rows used by the regression checks (a seeded sample when n is large)
   * @param fdr the Benjamini–Hochberg level
   * @param pairsTested unordered pairs sampled for nonlinearity
   * @param pairsAvailable unordered continuous pairs in all
   */
  public record Settings(long seed, int rowsUsed, double fdr, int pairsTested, int pairsAvailable) {}
}
