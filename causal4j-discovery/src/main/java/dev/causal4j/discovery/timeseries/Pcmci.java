package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * PCMCI (Runge, Nowack, Kretschmer, Flaxman &amp; Sejdinovic 2019, "Detecting and quantifying
 * causal associations in large nonlinear time series datasets", Science Advances 5, eaau4996):
 * lagged causal links {@code X_i(t−τ) --> X_j(t)}, {@code 1 ≤ τ ≤ τmax}, in autocorrelated,
 * high-dimensional time series.
 *
 * <ol>
 *   <li><b>Condition selection</b> (PC1, {@link ParentSelection}): for each {@code X_j} a small
 *       superset of its lagged parents, tested at the liberal level {@code pcAlpha}.
 *   <li><b>Momentary conditional independence</b> (MCI): every candidate link is tested given
 *       the selected conditions of {@code X_j} and those of {@code X_i} shifted by {@code τ}
 *       ({@link MciConditions}); links with {@code p ≤ α} (after the chosen {@link
 *       FalseDiscoveryRate} correction) are kept.
 * </ol>
 *
 * <p>The test is any {@link IndependenceTest} over a {@link LaggedDesign} of depth {@code ≥
 * 2·τmax} (the shifted conditions reach that far): ParCorr ({@link LaggedDesign#parCorr}), RCIT,
 * or the {@link TimeSeriesOracle}. Condition selection runs per variable and MCI per link in
 * parallel, each result in its own slot: the same graph on any thread count.
 *
 * <p><b>Departures.</b> Contemporaneous links are not searched (Tigramite's {@code tau_min = 0}
 * option, which leaves them unoriented); use {@link PcmciPlus} for them. Candidates are ranked by
 * the absolute test statistic where Tigramite ranks ParCorr by the absolute partial correlation:
 * the two order alike up to the small change in degrees of freedom with the size of the
 * conditioning set. The result's p-values are the MCI p-values.
 */
public final class Pcmci {
  /** The algorithm's name as the command line spells it. */
  public static final String NAME = "pcmci";

  private final IndependenceTest test;
  private final List<String> variables;
  private final int maxLag;
  private final double alpha;
  private final double pcAlpha;
  private final int maxConditions;
  private final int maxCombinations;
  private final int maxConditionsX;
  private final int maxConditionsY;
  private final FalseDiscoveryRate fdr;
  private final TimeSeriesKnowledge knowledge;
  private final int threads;

  private Pcmci(Builder b) {
    this.test = b.test;
    this.variables = b.variables;
    this.maxLag = b.maxLag;
    this.alpha = b.alpha;
    this.pcAlpha = b.pcAlpha;
    this.maxConditions = b.maxConditions;
    this.maxCombinations = b.maxCombinations;
    this.maxConditionsX = b.maxConditionsX;
    this.maxConditionsY = b.maxConditionsY;
    this.fdr = b.fdr;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  /**
   * @param test a test over the lagged nodes of {@code variables} to depth {@code ≥ 2·maxLag}
   * @param variables the variable names, in the design's order
   */
  public static Builder builder(IndependenceTest test, List<String> variables) {
    return new Builder(test, variables);
  }

  /** The design depth PCMCI needs for a largest lag: {@code 2·maxLag}. */
  public static int designDepth(int maxLag) {
    return 2 * maxLag;
  }

  /** Runs the search. */
  public TimeSeriesResult search() {
    long start = System.nanoTime();
    Window w = Window.of(test, variables, designDepth(maxLag), NAME);
    int p = w.p;
    TimeSeriesKnowledge.Bound bound = knowledge.bind(variables, maxLag);
    ParentSelection.Parents[] selected = ParentSelection.selectAll(w, maxLag, pcAlpha,
        maxConditions, maxCombinations, bound, threads);
    int[][] parents = new int[p][];
    for (int j = 0; j < p; j++) {
      parents[j] = selected[j].nodes();
    }
    // MCI: one slot per candidate link (lag, from, to).
    int links = maxLag * p * p;
    double[] pv = new double[links];
    double[] stat = new double[links];
    java.util.Arrays.fill(pv, Double.NaN);
    java.util.Arrays.fill(stat, Double.NaN);
    Parallel.forEach(threads, links, k -> {
      int lag = k / (p * p) + 1;
      int i = (k / p) % p;
      int j = k % p;
      if (bound.isForbidden(i, j, lag)) {
        return;
      }
      int[] z = MciConditions.of(w, i, lag, j, new int[0], parents, maxConditionsY,
          maxConditionsX);
      TestResult r = w.test(w.node(i, lag), w.node(j, 0), z);
      pv[k] = r.pValue();
      stat[k] = r.statistic();
    });
    double[] q = fdr.adjust(pv);
    LaggedGraph.Builder g = LaggedGraph.builder(variables, maxLag).kind(GraphKind.DAG);
    LinkStatistics ls = new LinkStatistics(p, maxLag, "MCI test statistic");
    for (int k = 0; k < links; k++) {
      if (Double.isNaN(q[k])) {
        continue;
      }
      int lag = k / (p * p) + 1;
      int i = (k / p) % p;
      int j = k % p;
      ls.set(i, j, lag, q[k], stat[k]);
      if (q[k] <= alpha) {
        g.directed(i, j, lag);
      }
    }
    List<String> warnings = new ArrayList<>();
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("max_lag", Integer.toString(maxLag));
    params.put("alpha", Double.toString(alpha));
    params.put("pc_alpha", Double.toString(pcAlpha));
    params.put("max_conditions", maxConditions < 0 ? "unlimited" : Integer.toString(maxConditions));
    params.put("max_combinations", Integer.toString(maxCombinations));
    params.put("max_conditions_x", maxConditionsX < 0 ? "unlimited"
        : Integer.toString(maxConditionsX));
    params.put("max_conditions_y", maxConditionsY < 0 ? "unlimited"
        : Integer.toString(maxConditionsY));
    params.put("fdr", fdr.name().toLowerCase(Locale.ROOT));
    params.put("threads", Integer.toString(threads));
    SearchStats stats = new SearchStats(NAME, w.testsMade(), 0, elapsed, params);
    return new TimeSeriesResult(AnnotatedLaggedGraph.of(g.build()), stats, warnings, ls);
  }

  /** Options of PCMCI; every one has the default of the paper's experiments or Tigramite's. */
  public static final class Builder {
    private final IndependenceTest test;
    private final List<String> variables;
    private int maxLag = 1;
    private double alpha = 0.01;
    private double pcAlpha = 0.2;
    private int maxConditions = -1;
    private int maxCombinations = 1;
    private int maxConditionsX = -1;
    private int maxConditionsY = -1;
    private FalseDiscoveryRate fdr = FalseDiscoveryRate.NONE;
    private TimeSeriesKnowledge knowledge = TimeSeriesKnowledge.empty();
    private int threads = Parallel.availableThreads();

    private Builder(IndependenceTest test, List<String> variables) {
      this.test = Objects.requireNonNull(test, "test");
      this.variables = List.copyOf(variables);
    }

    /** The largest lag searched, {@code τmax ≥ 1} (default 1). */
    public Builder maxLag(int maxLag) {
      if (maxLag < 1) {
        throw new InvalidInputException("the maximum lag must be at least 1; got " + maxLag);
      }
      this.maxLag = maxLag;
      return this;
    }

    /** Significance level of the MCI tests (default 0.01). */
    public Builder alpha(double alpha) {
      this.alpha = checkLevel(alpha, "alpha");
      return this;
    }

    /**
     * Significance level of condition selection (default 0.2): liberal on purpose, since a
     * missed parent biases every later test while a spurious one costs only a little power.
     */
    public Builder pcAlpha(double pcAlpha) {
      this.pcAlpha = checkLevel(pcAlpha, "pc-alpha");
      return this;
    }

    /** The largest conditioning set in condition selection; −1 for none (default). */
    public Builder maxConditions(int maxConditions) {
      this.maxConditions = maxConditions;
      return this;
    }

    /** How many conditioning subsets of each size condition selection tries (default 1: PC1). */
    public Builder maxCombinations(int maxCombinations) {
      if (maxCombinations < 1) {
        throw new InvalidInputException("max-combinations must be at least 1; got "
            + maxCombinations);
      }
      this.maxCombinations = maxCombinations;
      return this;
    }

    /** How many of the cause's selected conditions MCI uses; −1 for all (default). */
    public Builder maxConditionsX(int maxConditionsX) {
      this.maxConditionsX = maxConditionsX;
      return this;
    }

    /** How many of the effect's selected conditions MCI uses; −1 for all (default). */
    public Builder maxConditionsY(int maxConditionsY) {
      this.maxConditionsY = maxConditionsY;
      return this;
    }

    /** Correction of the MCI p-values for the number of links (default none). */
    public Builder fdr(FalseDiscoveryRate fdr) {
      this.fdr = Objects.requireNonNull(fdr, "fdr");
      return this;
    }

    /** Forbidden links and tiers. */
    public Builder knowledge(TimeSeriesKnowledge knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
      return this;
    }

    /** Worker threads (default: all processors); the result does not depend on it. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new InvalidInputException("threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Pcmci build() {
      return new Pcmci(this);
    }
  }

  static double checkLevel(double level, String name) {
    if (!(level > 0 && level < 1)) {
      throw new InvalidInputException(name + " must be between 0 and 1 (exclusive); got "
          + level);
    }
    return level;
  }
}
