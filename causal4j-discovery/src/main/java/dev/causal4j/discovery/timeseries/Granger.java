package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Multivariate (conditional) Granger causality (Granger 1969; Lütkepohl 2005, "New Introduction
 * to Multiple Time Series Analysis", §3.6): {@code X_i} Granger-causes {@code X_j} when, in a
 * vector autoregression of every variable on the past of all, the lags of {@code X_i} in {@code
 * X_j}'s equation are not all zero.
 *
 * <ul>
 *   <li><b>Lag order</b> ({@link LagSelection}): fixed at the maximum lag, or the {@code L ≤
 *       maxLag} minimising AIC or BIC of the full VAR ({@code log det Σ̂_u + penalty·p²L/T},
 *       Lütkepohl §4.3), all orders fitted on the same samples.
 *   <li><b>Least squares</b> ({@link Estimator#OLS}): each equation by least squares; {@code X_i}
 *       causes {@code X_j} when the Wald F test of its {@code L} coefficients rejects at {@code
 *       α}. The lagged graph then has a link at each lag whose own t test rejects at {@code α},
 *       or, when none does on its own, at the lag with the smallest p-value.
 *   <li><b>Lasso</b> ({@link Estimator#LASSO}), for many variables (also when {@code p·L}
 *       approaches the number of samples): in each equation the lasso path selects regressors,
 *       each selection is refitted by least squares and scored by the extended BIC ({@link
 *       Lasso}), and every regressor of the best is a link. No p-values.
 * </ul>
 *
 * <p>Autodependence ({@code X_j}'s own lags) is tested like any other source. Granger causality
 * is about prediction: it finds lagged links only, assumes every common cause is measured, and
 * reads a contemporaneous effect as none (or as a lagged one, when sampling is slow). The
 * equations are fitted in parallel from one covariance matrix of the lagged design; same result
 * on any thread count. Weights are the least-squares coefficients (for the lasso, of the refit).
 */
public final class Granger {
  /** The algorithm's name as the command line spells it. */
  public static final String NAME = "granger";

  /** How the VAR order is chosen. */
  public enum LagSelection {
    /** Use the maximum lag. */
    FIXED,
    /** Akaike's criterion, {@code penalty 2}: better prediction, may overfit. */
    AIC,
    /** Schwarz's criterion, {@code penalty log T}: consistent for the true order (default). */
    BIC
  }

  /** How each equation is fitted. */
  public enum Estimator {
    /** Least squares with Wald tests (default). */
    OLS,
    /** Lasso selection with an extended-BIC penalty, for many variables. */
    LASSO
  }

  private final int maxLag;
  private final double alpha;
  private final LagSelection lagSelection;
  private final Estimator estimator;
  private final TimeSeriesKnowledge knowledge;
  private final int threads;

  private Granger(Builder b) {
    this.maxLag = b.maxLag;
    this.alpha = b.alpha;
    this.lagSelection = b.lagSelection;
    this.estimator = b.estimator;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the search.
   *
   * @throws InvalidInputException for test-wise missing values (regressions need whole samples),
   *     categorical variables, or too few samples for the lags
   */
  public TimeSeriesResult search(TimeSeries series) {
    long start = System.nanoTime();
    requireRegressionData(series, NAME);
    series.checkMaxLag(maxLag, "the maximum lag");
    LaggedDesign design = LaggedDesign.of(series, maxLag);
    CovarianceMatrix cov = CovarianceMatrix.of(design.dataset(), threads);
    int p = series.size();
    List<String> names = series.names();
    TimeSeriesKnowledge.Bound bound = knowledge.bind(names, maxLag);
    List<String> warnings = new ArrayList<>(series.notes());
    int order = maxLag;
    double[] criteria = new double[maxLag + 1];
    if (lagSelection != LagSelection.FIXED) {
      order = selectOrder(cov, design, p, criteria);
    }
    int lags = order;
    int[][] regressors = new int[p][];
    for (int j = 0; j < p; j++) {
      List<Integer> r = new ArrayList<>();
      for (int lag = 1; lag <= lags; lag++) {
        for (int i = 0; i < p; i++) {
          if (!bound.isForbidden(i, j, lag)) {
            r.add(design.column(i, lag));
          }
        }
      }
      regressors[j] = r.stream().mapToInt(Integer::intValue).toArray();
    }
    // Per target: the links found (i, lag) with coefficient, p-value and statistic.
    double[][][] found = new double[p][][];
    Parallel.forEach(threads, p, j -> found[j] = estimator == Estimator.OLS
        ? ols(cov, design, j, regressors[j], lags) : lasso(cov, design, j, regressors[j]));
    LaggedGraph.Builder g = LaggedGraph.builder(names, maxLag).kind(GraphKind.DAG);
    LinkStatistics ls = new LinkStatistics(p, maxLag, estimator == Estimator.OLS
        ? "t statistic of the coefficient" : "least-squares coefficient after lasso selection");
    List<double[]> weights = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      for (double[] f : found[j]) {
        int i = (int) f[0];
        int lag = (int) f[1];
        ls.set(i, j, lag, f[3], f[4]);
        if (f[5] == 1) {
          g.directed(i, j, lag);
          weights.add(new double[] {i, j, lag, f[2]});
        }
      }
    }
    LaggedGraph graph = g.build();
    AnnotatedLaggedGraph.Builder annotated = AnnotatedLaggedGraph.builder(graph);
    for (double[] w : weights) {
      annotated.weight((int) w[0], (int) w[1], (int) w[2], w[3]);
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("max_lag", Integer.toString(maxLag));
    params.put("lag_selection", lagSelection.name().toLowerCase(Locale.ROOT));
    params.put("order", Integer.toString(order));
    if (lagSelection != LagSelection.FIXED) {
      StringBuilder sb = new StringBuilder();
      for (int l = 1; l <= maxLag; l++) {
        sb.append(l == 1 ? "" : ", ").append(l).append(": ")
            .append(String.format(Locale.ROOT, "%.4f", criteria[l]));
      }
      params.put(lagSelection.name().toLowerCase(Locale.ROOT) + "_by_order", sb.toString());
    }
    params.put("estimator", estimator.name().toLowerCase(Locale.ROOT));
    if (estimator == Estimator.OLS) {
      params.put("alpha", Double.toString(alpha));
    }
    params.put("threads", Integer.toString(threads));
    if (order < maxLag) {
      warnings.add(lagSelection + " chose order " + order + " of the " + maxLag + " lags allowed;"
          + " links beyond lag " + order + " were not considered");
    }
    SearchStats stats = new SearchStats(NAME, 0, 0, elapsed, params);
    return new TimeSeriesResult(annotated.build(), stats, warnings, ls);
  }

  private int selectOrder(CovarianceMatrix cov, LaggedDesign design, int p, double[] criteria) {
    int n = cov.sampleSize();
    int[] targets = new int[p];
    for (int j = 0; j < p; j++) {
      targets[j] = design.column(j, 0);
    }
    int best = 1;
    for (int lag = 1; lag <= maxLag; lag++) {
      int[] regs = new int[p * lag];
      for (int l = 1; l <= lag; l++) {
        for (int i = 0; i < p; i++) {
          regs[(l - 1) * p + i] = design.column(i, l);
        }
      }
      if (regs.length + 1 >= n) {
        criteria[lag] = Double.NaN;
        continue;
      }
      var residual = Regression.residualCovariance(cov, targets, regs);
      double logDet = residual == null ? Double.NaN : Regression.logDet(residual);
      double k = (double) p * p * lag;
      double penalty = lagSelection == LagSelection.AIC ? 2 * k / n : k * Math.log(n) / n;
      criteria[lag] = logDet + penalty;
      if (!(criteria[lag] >= criteria[best])) {
        best = lag;
      }
    }
    if (Double.isNaN(criteria[best])) {
      throw new InvalidInputException("no VAR order up to " + maxLag + " can be fitted to "
          + n + " samples of " + p + " variables; use the lasso (--estimator lasso)");
    }
    return best;
  }

  /** Rows {i, lag, coefficient, p, statistic, kept}. */
  private double[][] ols(CovarianceMatrix cov, LaggedDesign design, int j, int[] regs, int lags) {
    int p = design.variables();
    Regression.Fit fit = Regression.fit(cov, design.column(j, 0), regs, "Granger causality");
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      List<Integer> pos = new ArrayList<>();
      for (int k = 0; k < regs.length; k++) {
        if (regs[k] % p == i) {
          pos.add(k);
        }
      }
      if (pos.isEmpty()) {
        continue;
      }
      double[] f = fit.fTest(pos.stream().mapToInt(Integer::intValue).toArray());
      boolean causes = f[0] <= alpha;
      int bestLag = -1;
      double bestP = Double.POSITIVE_INFINITY;
      List<double[]> rows = new ArrayList<>();
      for (int k : pos) {
        int lag = regs[k] / p;
        double[] t = fit.tTest(k);
        boolean keep = causes && t[0] <= alpha;
        rows.add(new double[] {i, lag, fit.beta()[k], t[0], t[1], keep ? 1 : 0});
        if (t[0] < bestP) {
          bestP = t[0];
          bestLag = rows.size() - 1;
        }
      }
      if (causes && rows.stream().noneMatch(r -> r[5] == 1) && bestLag >= 0) {
        rows.get(bestLag)[5] = 1;
      }
      out.addAll(rows);
    }
    return out.toArray(new double[0][]);
  }

  private double[][] lasso(CovarianceMatrix cov, LaggedDesign design, int j, int[] regs) {
    int p = design.variables();
    Lasso.Path path = Lasso.fit(cov, design.column(j, 0), regs);
    double[][] out = new double[regs.length][];
    for (int k = 0; k < regs.length; k++) {
      double b = path.coefficients()[k];
      out[k] = new double[] {regs[k] % p, regs[k] / p, b, Double.NaN, b, b != 0 ? 1 : 0};
    }
    return out;
  }

  /** Regression methods need continuous variables and whole lagged samples. */
  static void requireRegressionData(TimeSeries series, String algorithm) {
    for (var v : series.variables()) {
      if (!v.isContinuous()) {
        throw new InvalidInputException(algorithm + " needs continuous variables, but '"
            + v.name() + "' is " + v.type().toString().toLowerCase(Locale.ROOT) + "; use"
            + " pcmci or pcmci-plus with a test for categorical data, or --continuous "
            + v.name());
      }
    }
    if (series.missingPolicy() == MissingPolicy.TESTWISE_DELETION
        && series.data().hasMissing()) {
      throw new InvalidInputException(algorithm + " fits regressions on whole lagged samples and"
          + " cannot delete test by test; use --missing listwise to leave out the samples that"
          + " touch a missing value");
    }
  }

  /** Options; see the class description. */
  public static final class Builder {
    private int maxLag = 1;
    private double alpha = 0.01;
    private LagSelection lagSelection = LagSelection.BIC;
    private Estimator estimator = Estimator.OLS;
    private TimeSeriesKnowledge knowledge = TimeSeriesKnowledge.empty();
    private int threads = Parallel.availableThreads();

    private Builder() {}

    /** The largest lag (the VAR order with {@link LagSelection#FIXED}; default 1). */
    public Builder maxLag(int maxLag) {
      if (maxLag < 1) {
        throw new InvalidInputException("the maximum lag must be at least 1; got " + maxLag);
      }
      this.maxLag = maxLag;
      return this;
    }

    /** Level of the F and t tests (default 0.01). */
    public Builder alpha(double alpha) {
      this.alpha = Pcmci.checkLevel(alpha, "alpha");
      return this;
    }

    public Builder lagSelection(LagSelection lagSelection) {
      this.lagSelection = Objects.requireNonNull(lagSelection, "lagSelection");
      return this;
    }

    public Builder estimator(Estimator estimator) {
      this.estimator = Objects.requireNonNull(estimator, "estimator");
      return this;
    }

    /** Forbidden links and tiers (forbidden lagged regressors are left out). */
    public Builder knowledge(TimeSeriesKnowledge knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new InvalidInputException("threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Granger build() {
      return new Granger(this);
    }
  }
}
