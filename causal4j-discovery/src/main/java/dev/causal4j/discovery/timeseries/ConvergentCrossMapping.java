package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Convergent cross mapping (Sugihara, May, Ye, Hsieh, Deyle, Fogarty &amp; Munch 2012, "Detecting
 * causality in complex ecosystems", Science 338:496–500), for deterministic coupled dynamics,
 * where Granger's separability assumption fails: if {@code X} drives {@code Y}, the states of
 * {@code X} are recorded in {@code Y}'s dynamics, so the delay embedding (shadow manifold) of
 * {@code Y} predicts {@code X} — "cross-maps" it — and does so better the longer the library of
 * {@code Y}'s states (convergence).
 *
 * <ol>
 *   <li><b>Embedding</b>: the shadow manifold of {@code Y} is {@code M_Y(t) = (Y(t), Y(t−τ), …,
 *       Y(t−(E−1)τ))}. {@code E} is given, or chosen per variable by simplex projection (Sugihara
 *       &amp; May 1990): the {@code E ≤ maxE} whose manifold best predicts {@code Y(t+1)} one step
 *       ahead (leave-one-out), the smaller on ties.
 *   <li><b>Cross mapping</b>: for each time point, the {@code E + 1} nearest other points of
 *       {@code M_Y} with weights {@code exp(−d_k/d_1)} give the estimate {@code X̂ = Σ w_k X(t_k)};
 *       the skill {@code ρ} is the correlation of {@code X̂} with {@code X} over all points.
 *   <li><b>Lag</b> (Ye, Deyle, Gilarranz &amp; Sugihara 2015, Sci. Rep. 5:14750): the skill of
 *       {@code M_Y(t)} for {@code X(t−l)} at {@code l = 0..maxLag} and for {@code X(t+l)} at
 *       {@code l = 1..maxLag}. A cause acts before its effect, so a real {@code X → Y} cross-maps
 *       best at a past lag; when a future lag maps best, the skill comes from strong forcing
 *       the other way (generalized synchrony) and no link is drawn. The link is placed at the
 *       past lag {@code l ≥ 1} of highest skill.
 *   <li><b>Decision</b>: {@code X(t−l) → Y(t)} when (a) the full-library skill at {@code l} is
 *       positive by a one-sided test of Fisher's z at {@code α}, and (b) it has converged: it
 *       exceeds the skill from random libraries of the smallest useful size {@code E + 2}
 *       (Sugihara et al.'s smallest library) in all but a fraction {@code α} of {@code
 *       librarySamples} seeded draws (the empirical p-value {@code (1 + #{ρ_L ≥ ρ})/(R + 1)}).
 *       The link's p-value is the larger of the two.
 * </ol>
 *
 * <p><b>Departures and limits.</b> Neighbours exclude only the predicted point itself (no
 * Theiler window), as in rEDM's default. Fisher's z treats the points as independent, which
 * overstates the significance of autocorrelated series; the convergence test does not rely on
 * it. Autodependence is not assessed (a series cross-mapping itself says nothing), so no {@code
 * X(t−1) → X(t)} links appear. Indirect links ({@code X → Z → Y} also makes {@code M_Y} predict
 * {@code X}) are kept unless {@link Builder#pruneIndirect} is set, which applies partial cross
 * mapping (after Leng, Ma, Aihara et al. 2020, "Partial cross mapping eliminates indirect causal
 * influences", Nature Communications 11:2632), in the spirit of MXMap's multivariate pruning: for
 * a found {@code X → Y} and each {@code Z} with {@code X → Z} and {@code Z → Y} also found, the
 * estimate {@code X̂} of {@code X} from {@code M_Y} is compared with the estimate of {@code X}
 * from {@code Z}'s shadow manifold as recalled from {@code M_Y} (each coordinate of {@code Z}
 * cross-mapped from {@code M_Y}); the link is dropped when the partial correlation of {@code X}
 * and {@code X̂} given that second estimate is not significantly positive or is below {@link
 * #INDIRECT_RATIO} of the plain skill. Departures: the recalled manifold is built from
 * cross-mapped lagged coordinates rather than from delays of one recalled series, and spans
 * {@code maxLag} steps beyond {@code Z}'s dimension; the threshold is a fixed ratio, calibrated
 * on logistic maps, not a test with known error rates. Links are pruned only against others found
 * in the same run (pruning is judged on the unpruned graph, so the result does not depend on
 * the order of variables).
 * Panels: manifold points are formed within each series and neighbours found across series (one
 * attractor); masked time points remove the points that touch them (listwise only). Every
 * effect variable is handled on its own thread, each with its own random stream: the same result
 * on any thread count.
 */
public final class ConvergentCrossMapping {
  /** The algorithm's name as the command line spells it. */
  public static final String NAME = "ccm";

  private final int maxLag;
  private final int embeddingDimension;
  private final int maxEmbeddingDimension;
  private final int delay;
  private final int librarySamples;
  private final double alpha;
  private final TimeSeriesKnowledge knowledge;
  private final boolean pruneIndirect;
  private final long seed;
  private final int threads;

  private ConvergentCrossMapping(Builder b) {
    this.maxLag = b.maxLag;
    this.embeddingDimension = b.embeddingDimension;
    this.maxEmbeddingDimension = b.maxEmbeddingDimension;
    this.delay = b.delay;
    this.librarySamples = b.librarySamples;
    this.alpha = b.alpha;
    this.knowledge = b.knowledge;
    this.pruneIndirect = b.pruneIndirect;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The lagged design depth a search with these settings uses. */
  static int depth(int maxLag, int maxE, int delay) {
    return Math.max(1, maxLag) + (maxE - 1) * delay;
  }

  /**
   * Runs the search.
   *
   * @throws InvalidInputException for categorical variables, test-wise missing values, too few
   *     time points for the embedding, or a lag beyond a third of a series
   */
  public TimeSeriesResult search(TimeSeries series) {
    long start = System.nanoTime();
    Granger.requireRegressionData(series, NAME);
    series.checkMaxLag(maxLag, "the maximum lag");
    int maxE = embeddingDimension > 0 ? embeddingDimension : maxEmbeddingDimension;
    LaggedDesign design = LaggedDesign.of(series, depth(maxLag, maxE, delay));
    Dataset d = design.dataset();
    int m = d.rows();
    int p = series.size();
    if (m < 3 * (maxE + 2)) {
      throw new InvalidInputException(NAME + " has " + m + " usable time points for embeddings of"
          + " dimension up to " + maxE + "; it needs many more (hundreds); use longer series or a"
          + " smaller --embedding-dimension");
    }
    double[][] cols = new double[d.columns()][];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = d.doubles(c);
    }
    List<String> names = series.names();
    TimeSeriesKnowledge.Bound bound = knowledge.bind(names, maxLag);
    int[] dims = new int[p];
    double[][] simplexSkill = new double[p][];
    Parallel.forEach(threads, p, j -> {
      if (embeddingDimension > 0) {
        dims[j] = embeddingDimension;
        return;
      }
      simplexSkill[j] = new double[maxE + 1];
      int best = 1;
      for (int e = 1; e <= maxE; e++) {
        Neighbours nb = Neighbours.of(manifold(cols, design, j, 1, e), null, m);
        simplexSkill[j][e] = nb.skill(cols[design.column(j, 0)]);
        if (simplexSkill[j][e] > simplexSkill[j][best]) {
          best = e;
        }
      }
      dims[j] = best;
    });
    // Per effect j and cause i: the past skills (lag 0..maxLag), the best future skill, the
    // chosen lag, and the two p-values.
    double[][][] past = new double[p][p][maxLag + 1];
    double[][] future = new double[p][p];
    int[][] chosen = new int[p][p];
    double[][] pValue = new double[p][p];
    Parallel.forEach(threads, p, j -> crossMap(j, cols, design, m, dims[j], bound, past[j],
        future[j], chosen[j], pValue[j]));
    LaggedGraph.Builder g = LaggedGraph.builder(names, maxLag).kind(GraphKind.DAG);
    LinkStatistics ls = new LinkStatistics(p, maxLag, "cross-map skill of the cause from the"
        + " effect's shadow manifold (full library)");
    boolean[][] found = new boolean[p][p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        if (i == j || chosen[j][i] == 0) {
          continue;
        }
        for (int l = 1; l <= maxLag; l++) {
          ls.set(i, j, l, l == chosen[j][i] ? pValue[j][i] : Double.NaN, past[j][i][l]);
        }
        found[j][i] = pValue[j][i] <= alpha && bestPast(past[j][i]) >= future[j][i];
      }
    }
    boolean[][] indirect = new boolean[p][p];
    if (pruneIndirect) {
      Parallel.forEach(threads, p, j -> prune(j, cols, design, m, dims, found, chosen,
          indirect[j]));
    }
    int links = 0;
    int pruned = 0;
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        if (found[j][i] && indirect[j][i]) {
          pruned++;
        } else if (found[j][i]) {
          g.directed(i, j, chosen[j][i]);
          links++;
        }
      }
    }
    List<String> warnings = new ArrayList<>(series.notes());
    if (!pruneIndirect && links > 2) {
      warnings.add("ccm does not separate direct from indirect coupling: with X → Z → Y the"
          + " manifold of Y also predicts X, so some of these links may be indirect");
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("max_lag", Integer.toString(maxLag));
    params.put("alpha", Double.toString(alpha));
    params.put("delay", Integer.toString(delay));
    StringBuilder dimsText = new StringBuilder();
    for (int j = 0; j < p; j++) {
      dimsText.append(j == 0 ? "" : ", ").append(names.get(j)).append(": ").append(dims[j]);
    }
    params.put("embedding_dimensions", dimsText.toString());
    if (embeddingDimension == 0) {
      params.put("embedding_dimension_choice", "simplex projection up to " + maxE);
    }
    params.put("library_samples", Integer.toString(librarySamples));
    params.put("prune_indirect", Boolean.toString(pruneIndirect));
    if (pruneIndirect) {
      params.put("links_pruned_as_indirect", Integer.toString(pruned));
    }
    params.put("seed", Long.toString(seed));
    params.put("threads", Integer.toString(threads));
    SearchStats stats = new SearchStats(NAME, 0, 0, elapsed, params);
    return new TimeSeriesResult(AnnotatedLaggedGraph.of(g.build()), stats, warnings, ls);
  }

  /**
   * Partial cross mapping for the links into {@code j}: {@code i → j} is marked indirect when,
   * for some {@code k} with {@code i → k} and {@code k → j} both found, the estimate of {@code i}
   * from {@code j}'s manifold adds nothing beyond the estimate of {@code i} from the manifold of
   * {@code k} as {@code j} recalls it (see the class description).
   */
  private void prune(int j, double[][] cols, LaggedDesign design, int m, int[] dims,
      boolean[][] found, int[][] chosen, boolean[] indirect) {
    int p = design.variables();
    Neighbours own = Neighbours.of(manifold(cols, design, j, 0, dims[j]), null, m);
    for (int i = 0; i < p; i++) {
      if (!found[j][i]) {
        continue;
      }
      double[] target = cols[design.column(i, chosen[j][i])];
      double[] direct = own.estimate(target);
      for (int k = 0; k < p && !indirect[i]; k++) {
        if (k == i || k == j || !found[j][k] || !found[k][i]) {
          continue;
        }
        // k's shadow manifold as recalled from j's: each coordinate k(t − lag − c·τ) cross-mapped
        // from M_j, so only what j's dynamics know of k is used. Beyond k's own dimension it
        // spans maxLag more steps, the states of k through which i's influence can have
        // travelled to j within the lags searched.
        int e = Math.min(dims[k] + maxLag, (design.depth() - chosen[j][k]) / delay + 1);
        double[][] recalled = new double[e][];
        for (int c = 0; c < e; c++) {
          recalled[c] = own.estimate(cols[design.column(k, chosen[j][k] + c * delay)]);
        }
        double[] through = Neighbours.of(recalled, null, m).estimate(target);
        double r = partialCorrelation(target, direct, through);
        double z = 0.5 * Math.log((1 + r) / (1 - r)) * Math.sqrt(m - 4.0);
        double pz = Double.isNaN(z) ? 1 : NormalDistribution.of(0, 1).survivalProbability(z);
        indirect[i] = pz > alpha || r < INDIRECT_RATIO * correlation(target, direct);
      }
    }
  }

  /**
   * A link whose partial skill is below this fraction of its plain skill is judged indirect:
   * Fisher's z alone treats the points as independent, and with autocorrelated deterministic
   * series a small leftover partial correlation is always "significant". Calibrated on coupled
   * logistic maps ({@code CcmPruningTest}: 1,000 points, three starts): the ratio is 0.37–0.43
   * for the indirect link of a chain {@code x → y → z} and 0.67–0.97 for a direct {@code x → z}
   * added with coupling 0.2 or 0.4, so 0.55 lies between; other dynamics may need another.
   */
  static final double INDIRECT_RATIO = 0.55;

  static double correlation(double[] a, double[] b) {
    int n = a.length;
    double sa = 0;
    double sb = 0;
    for (int q = 0; q < n; q++) {
      sa += a[q];
      sb += b[q];
    }
    double ma = sa / n;
    double mb = sb / n;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    for (int q = 0; q < n; q++) {
      double da = a[q] - ma;
      double db = b[q] - mb;
      saa += da * da;
      sbb += db * db;
      sab += da * db;
    }
    return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
  }

  /** The partial correlation of {@code x} and {@code y} given {@code z}. */
  static double partialCorrelation(double[] x, double[] y, double[] z) {
    double rxy = correlation(x, y);
    double rxz = correlation(x, z);
    double ryz = correlation(y, z);
    double d = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
    return d > 0 ? (rxy - rxz * ryz) / d : 0;
  }

  private static double bestPast(double[] past) {
    double b = Double.NEGATIVE_INFINITY;
    for (double v : past) {
      b = Math.max(b, v);
    }
    return b;
  }

  /** The manifold columns {@code Y:offset, Y:offset+τ, …} of variable {@code j}. */
  private double[][] manifold(double[][] cols, LaggedDesign design, int j, int offset, int e) {
    double[][] out = new double[e][];
    for (int k = 0; k < e; k++) {
      out[k] = cols[design.column(j, offset + k * delay)];
    }
    return out;
  }

  private void crossMap(int j, double[][] cols, LaggedDesign design, int m, int e,
      TimeSeriesKnowledge.Bound bound, double[][] past, double[] future, int[] chosen,
      double[] pValue) {
    int p = design.variables();
    double[][] own = manifold(cols, design, j, 0, e);
    Neighbours full = Neighbours.of(own, null, m);
    Arrays.fill(future, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < p; i++) {
      if (i == j) {
        continue;
      }
      for (int l = 0; l <= maxLag; l++) {
        past[i][l] = full.skill(cols[design.column(i, l)]);
      }
      double best = Double.NEGATIVE_INFINITY;
      for (int l = 1; l <= maxLag; l++) {
        if (!bound.isForbidden(i, j, l) && past[i][l] > best) {
          best = past[i][l];
          chosen[i] = l;
        }
      }
    }
    // Future lags: M_Y at t − l against X(t), i.e. the manifold shifted back by l.
    for (int l = 1; l <= maxLag; l++) {
      Neighbours shifted = Neighbours.of(manifold(cols, design, j, l, e), null, m);
      for (int i = 0; i < p; i++) {
        if (i != j) {
          future[i] = Math.max(future[i], shifted.skill(cols[design.column(i, 0)]));
        }
      }
    }
    // Convergence: skills from random libraries of E + 2 points, one stream per effect.
    int size = e + 2;
    int[] exceed = new int[p];
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
        seed + 0x9E3779B97F4A7C15L * (j + 1));
    PermutationSampler sampler = new PermutationSampler(rng, m, size);
    for (int r = 0; r < librarySamples; r++) {
      Parallel.checkCancelled();
      Neighbours small = Neighbours.of(own, sampler.sample(), m);
      for (int i = 0; i < p; i++) {
        if (i != j && chosen[i] > 0 && small.skill(cols[design.column(i, chosen[i])])
            >= past[i][chosen[i]]) {
          exceed[i]++;
        }
      }
    }
    for (int i = 0; i < p; i++) {
      if (i == j || chosen[i] == 0) {
        continue;
      }
      double rho = past[i][chosen[i]];
      double z = 0.5 * Math.log((1 + rho) / (1 - rho)) * Math.sqrt(m - 3.0);
      double pz = Double.isNaN(z) ? 1 : NormalDistribution.of(0, 1).survivalProbability(z);
      double pc = (1.0 + exceed[i]) / (librarySamples + 1.0);
      pValue[i] = Math.max(pz, pc);
    }
  }

  /**
   * The {@code E + 1} nearest library points of every point (itself excluded) in a manifold,
   * with simplex weights {@code exp(−d_k/d_1)}, normalised.
   */
  static final class Neighbours {
    private final int m;
    private final int k;
    private final int[] index;
    private final double[] weight;

    private Neighbours(int m, int k, int[] index, double[] weight) {
      this.m = m;
      this.k = k;
      this.index = index;
      this.weight = weight;
    }

    /**
     * @param coords the manifold's coordinates, {@code coords[c][row]}
     * @param library the rows that may be neighbours, or null for all
     */
    static Neighbours of(double[][] coords, int[] library, int m) {
      int e = coords.length;
      int k = e + 1;
      int[] lib = library;
      if (lib == null) {
        lib = new int[m];
        for (int r = 0; r < m; r++) {
          lib[r] = r;
        }
      }
      int[] index = new int[m * k];
      double[] weight = new double[m * k];
      double[] bestD = new double[k];
      int[] bestI = new int[k];
      for (int q = 0; q < m; q++) {
        int found = 0;
        for (int candidate : lib) {
          if (candidate == q) {
            continue;
          }
          double dist = 0;
          for (int c = 0; c < e; c++) {
            double diff = coords[c][q] - coords[c][candidate];
            dist += diff * diff;
          }
          if (found < k || dist < bestD[found - 1]
              || dist == bestD[found - 1] && candidate < bestI[found - 1]) {
            int pos = found < k ? found++ : k - 1;
            while (pos > 0 && (bestD[pos - 1] > dist
                || bestD[pos - 1] == dist && bestI[pos - 1] > candidate)) {
              bestD[pos] = bestD[pos - 1];
              bestI[pos] = bestI[pos - 1];
              pos--;
            }
            bestD[pos] = dist;
            bestI[pos] = candidate;
          }
        }
        double d1 = Math.max(Math.sqrt(bestD[0]), Double.MIN_NORMAL);
        double total = 0;
        for (int a = 0; a < found; a++) {
          double w = Math.exp(-Math.sqrt(bestD[a]) / d1);
          index[q * k + a] = bestI[a];
          weight[q * k + a] = w;
          total += w;
        }
        for (int a = 0; a < found; a++) {
          weight[q * k + a] /= total;
        }
      }
      return new Neighbours(m, k, index, weight);
    }

    /** The cross-mapped estimates of {@code target}, one per point. */
    double[] estimate(double[] target) {
      double[] out = new double[m];
      for (int q = 0; q < m; q++) {
        double est = 0;
        for (int a = 0; a < k; a++) {
          est += weight[q * k + a] * target[index[q * k + a]];
        }
        out[q] = est;
      }
      return out;
    }

    /** Correlation of the cross-mapped estimates of {@code target} with {@code target}. */
    double skill(double[] target) {
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double syy = 0;
      double sxy = 0;
      for (int q = 0; q < m; q++) {
        double est = 0;
        for (int a = 0; a < k; a++) {
          est += weight[q * k + a] * target[index[q * k + a]];
        }
        double y = target[q];
        sx += est;
        sy += y;
        sxx += est * est;
        syy += y * y;
        sxy += est * y;
      }
      double cov = sxy - sx * sy / m;
      double vx = sxx - sx * sx / m;
      double vy = syy - sy * sy / m;
      return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
    }
  }

  /** Options; see the class description. */
  public static final class Builder {
    private int maxLag = 1;
    private int embeddingDimension = 0;
    private int maxEmbeddingDimension = 8;
    private int delay = 1;
    private int librarySamples = 100;
    private double alpha = 0.01;
    private TimeSeriesKnowledge knowledge = TimeSeriesKnowledge.empty();
    private boolean pruneIndirect;
    private long seed = 0;
    private int threads = Parallel.availableThreads();

    private Builder() {}

    /** The largest lag scanned, past and future (default 1). */
    public Builder maxLag(int maxLag) {
      if (maxLag < 1) {
        throw new InvalidInputException("the maximum lag must be at least 1; got " + maxLag);
      }
      this.maxLag = maxLag;
      return this;
    }

    /** A fixed embedding dimension {@code E ≥ 1}; 0 (default) chooses it per variable. */
    public Builder embeddingDimension(int e) {
      if (e < 0) {
        throw new InvalidInputException("the embedding dimension must be 1 or more (0 to choose"
            + " it by simplex projection); got " + e);
      }
      this.embeddingDimension = e;
      return this;
    }

    /** The largest dimension simplex projection tries (default 8). */
    public Builder maxEmbeddingDimension(int e) {
      if (e < 1) {
        throw new InvalidInputException("the largest embedding dimension must be at least 1;"
            + " got " + e);
      }
      this.maxEmbeddingDimension = e;
      return this;
    }

    /** The embedding delay τ in time steps (default 1). */
    public Builder delay(int delay) {
      if (delay < 1) {
        throw new InvalidInputException("the embedding delay must be at least 1; got " + delay);
      }
      this.delay = delay;
      return this;
    }

    /** Random small libraries drawn for the convergence test (default 100; at least 1/α − 1). */
    public Builder librarySamples(int samples) {
      if (samples < 1) {
        throw new InvalidInputException("the number of library samples must be at least 1; got "
            + samples);
      }
      this.librarySamples = samples;
      return this;
    }

    /** Level of the skill and convergence tests (default 0.01). */
    public Builder alpha(double alpha) {
      this.alpha = Pcmci.checkLevel(alpha, "alpha");
      return this;
    }

    /** Forbidden links: a forbidden lag is never chosen. */
    public Builder knowledge(TimeSeriesKnowledge knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
      return this;
    }

    /**
     * Drop links that partial cross mapping explains through a third variable (default off; see
     * the class description).
     */
    public Builder pruneIndirect(boolean pruneIndirect) {
      this.pruneIndirect = pruneIndirect;
      return this;
    }

    /** Seed of the random libraries (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new InvalidInputException("threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * @throws InvalidInputException if the library samples cannot give a p-value as small as α
     */
    public ConvergentCrossMapping build() {
      if (1.0 / (librarySamples + 1) > alpha) {
        throw new InvalidInputException("with " + librarySamples + " library samples the"
            + " convergence p-value is at least " + String.format(Locale.ROOT, "%.3g",
                1.0 / (librarySamples + 1)) + ", above alpha " + alpha + "; use at least "
            + (int) Math.ceil(1 / alpha - 1) + " library samples");
      }
      return new ConvergentCrossMapping(this);
    }
  }
}
