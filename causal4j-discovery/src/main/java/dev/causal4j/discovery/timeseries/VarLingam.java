package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.discovery.lingam.DirectLingam;
import dev.causal4j.discovery.lingam.LingamResult;
import dev.causal4j.discovery.lingam.Pruning;
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
 * VAR-LiNGAM (Hyvärinen, Zhang, Shimizu &amp; Hoyer 2010, "Estimation of a structural vector
 * autoregression model using non-Gaussianity", JMLR 11:1709–1731): the structural VAR {@code X(t)
 * = B_0 X(t) + Σ_τ B_τ X(t−τ) + e(t)} with independent non-Gaussian noise and an acyclic
 * instantaneous part, identified without any assumption on the contemporaneous order.
 *
 * <ol>
 *   <li>Fit the reduced-form VAR {@code X(t) = Σ_τ M_τ X(t−τ) + n(t)} by least squares.
 *   <li>Run LiNGAM on the residuals {@code n(t) = (I − B_0)⁻¹ e(t)}: {@link DirectLingam} (the
 *       {@code lingam} package's choice; the paper used ICA-LiNGAM), with its pruning, gives
 *       {@code B_0} and a causal order.
 *   <li>The lagged coefficients {@code B_τ = (I − B_0) M_τ} are, equivalently, those of the least
 *       squares regression of each {@code X_j(t)} on its instantaneous parents and every lagged
 *       variable; lagged links whose t test does not reject at {@code α} are pruned (the paper
 *       leaves the pruning of {@code B_τ} open; the package offers adaptive lasso).
 * </ol>
 *
 * <p>The result is a time-series DAG with every link's coefficient as its weight. Needs
 * continuous data, non-Gaussian noise (with Gaussian noise the contemporaneous directions are
 * arbitrary and the result's warnings say so, from {@link DirectLingam}), and whole lagged samples
 * (listwise masking). Forbidden lagged links are left out of the regressions; contemporaneous
 * knowledge goes to DirectLiNGAM. Deterministic on any thread count.
 */
public final class VarLingam {
  /** The algorithm's name as the command line spells it. */
  public static final String NAME = "var-lingam";

  private final int maxLag;
  private final double alpha;
  private final Pruning pruning;
  private final TimeSeriesKnowledge knowledge;
  private final int threads;

  private VarLingam(Builder b) {
    this.maxLag = b.maxLag;
    this.alpha = b.alpha;
    this.pruning = b.pruning;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the search.
   *
   * @throws InvalidInputException for categorical variables, test-wise missing values, or too few
   *     samples
   */
  public TimeSeriesResult search(TimeSeries series) {
    long start = System.nanoTime();
    Granger.requireRegressionData(series, NAME);
    series.checkMaxLag(maxLag, "the maximum lag");
    LaggedDesign design = LaggedDesign.of(series, maxLag);
    Dataset d = design.dataset();
    CovarianceMatrix cov = CovarianceMatrix.of(d, threads);
    int p = series.size();
    int n = d.rows();
    List<String> names = series.names();
    TimeSeriesKnowledge.Bound bound = knowledge.bind(names, maxLag);
    int[] lagged = new int[p * maxLag];
    for (int k = 0; k < lagged.length; k++) {
      lagged[k] = p + k;
    }
    // 1. Reduced-form residuals, one column per variable.
    double[][] residuals = new double[p][];
    Parallel.forEach(threads, p, j -> {
      Regression.Fit fit = Regression.fit(cov, j, lagged, NAME);
      double[] y = d.doubles(j);
      double[] e = new double[n];
      double my = cov.mean(j);
      for (int r = 0; r < n; r++) {
        e[r] = y[r] - my;
      }
      for (int k = 0; k < lagged.length; k++) {
        double b = fit.beta()[k];
        double[] x = d.doubles(lagged[k]);
        double mx = cov.mean(lagged[k]);
        for (int r = 0; r < n; r++) {
          e[r] -= b * (x[r] - mx);
        }
      }
      residuals[j] = e;
    });
    // 2. LiNGAM on the residuals.
    Dataset res = Dataset.ofContinuous(names, residuals);
    LingamResult lingam = DirectLingam.builder().knowledge(bound.contemporaneous(names))
        .pruning(pruning).alpha(alpha).threads(threads).build().search(res);
    double[][] b0 = lingam.strengths();
    // 3. Lagged coefficients by regression on instantaneous parents and all allowed lags.
    double[][][] found = new double[p][][];
    Parallel.forEach(threads, p, j -> {
      List<Integer> regs = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        if (b0[j][i] != 0) {
          regs.add(design.column(i, 0));
        }
      }
      int instantaneous = regs.size();
      for (int lag = 1; lag <= maxLag; lag++) {
        for (int i = 0; i < p; i++) {
          if (!bound.isForbidden(i, j, lag)) {
            regs.add(design.column(i, lag));
          }
        }
      }
      int[] r = regs.stream().mapToInt(Integer::intValue).toArray();
      Regression.Fit fit = Regression.fit(cov, j, r, NAME);
      List<double[]> rows = new ArrayList<>();
      for (int k = instantaneous; k < r.length; k++) {
        double[] t = fit.tTest(k);
        rows.add(new double[] {r[k] % p, r[k] / p, fit.beta()[k], t[0], t[1]});
      }
      found[j] = rows.toArray(new double[0][]);
    });
    LaggedGraph.Builder g = LaggedGraph.builder(names, maxLag).kind(GraphKind.DAG);
    LinkStatistics ls = new LinkStatistics(p, maxLag, "t statistic of the lagged coefficient;"
        + " LiNGAM strength at lag 0");
    List<double[]> weights = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        if (b0[j][i] != 0) {
          g.directed(i, j, 0);
          weights.add(new double[] {i, j, 0, b0[j][i]});
        }
      }
      for (double[] f : found[j]) {
        int i = (int) f[0];
        int lag = (int) f[1];
        ls.set(i, j, lag, f[3], f[4]);
        if (f[3] <= alpha) {
          g.directed(i, j, lag);
          weights.add(new double[] {i, j, lag, f[2]});
        }
      }
    }
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        if (b0[j][i] != 0) {
          ls.set(i, j, 0, Double.NaN, b0[j][i]);
        }
      }
    }
    LaggedGraph graph = g.build();
    AnnotatedLaggedGraph.Builder annotated = AnnotatedLaggedGraph.builder(graph);
    for (double[] w : weights) {
      annotated.weight((int) w[0], (int) w[1], (int) w[2], w[3]);
    }
    List<String> warnings = new ArrayList<>(series.notes());
    warnings.addAll(lingam.result().warnings());
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("max_lag", Integer.toString(maxLag));
    params.put("alpha", Double.toString(alpha));
    params.put("pruning", pruning.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    params.put("causal_order", String.join(", ", lingam.causalOrder()));
    params.put("threads", Integer.toString(threads));
    SearchStats stats = new SearchStats(NAME, 0, lingam.result().stats().scoreEvaluations(),
        elapsed, params);
    return new TimeSeriesResult(annotated.build(), stats, warnings, ls);
  }

  /** Options; see the class description. */
  public static final class Builder {
    private int maxLag = 1;
    private double alpha = 0.01;
    private Pruning pruning = Pruning.ADAPTIVE_LASSO;
    private TimeSeriesKnowledge knowledge = TimeSeriesKnowledge.empty();
    private int threads = Parallel.availableThreads();

    private Builder() {}

    /** The VAR order (default 1). */
    public Builder maxLag(int maxLag) {
      if (maxLag < 1) {
        throw new InvalidInputException("the maximum lag must be at least 1; got " + maxLag);
      }
      this.maxLag = maxLag;
      return this;
    }

    /** Level of the lagged coefficients' t tests, and of DirectLiNGAM's Wald pruning (0.01). */
    public Builder alpha(double alpha) {
      this.alpha = Pcmci.checkLevel(alpha, "alpha");
      return this;
    }

    /** How DirectLiNGAM prunes the instantaneous part (default adaptive lasso). */
    public Builder pruning(Pruning pruning) {
      this.pruning = Objects.requireNonNull(pruning, "pruning");
      return this;
    }

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

    public VarLingam build() {
      return new VarLingam(this);
    }
  }
}
