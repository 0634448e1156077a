package dev.causal4j.bench.simulate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.RandomLaggedGraphs;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A structural vector autoregression with a known time-series graph: {@code X_j(t) = Σ_links c ·
 * g(X_i(t − τ)) + ε_j(t)}, contemporaneous links ({@code τ = 0}) included and acyclic, on a
 * random graph ({@link RandomLaggedGraphs#dag}) or a given one. Writes the data and the true
 * lagged graph with each link's coefficient as its weight. Options and their defaults:
 *
 * <ul>
 *   <li>{@link Mechanism#LINEAR} {@code g(x) = x}, or {@link Mechanism#NONLINEAR}: every
 *       cross-link (not autodependence) uses Runge's (2020) {@code g(x) = (1 + 5x·e^{−x²/20})·x},
 *       linear near 0 and for large {@code |x|}, strongly nonlinear between;
 *   <li>noise: Gaussian, or uniform, Laplace or exponential ({@link NoiseDistribution}, for
 *       VAR-LiNGAM), standard deviation 1;
 *   <li>autodependence {@code X_j(t−1) --> X_j(t)} for every variable (probability 1) with a
 *       coefficient uniform on [0.3, 0.6]; cross-link and contemporaneous coefficients uniform on
 *       ±[0.2, 0.5] (or [0.2, 0.5], {@link Signs#POSITIVE}): bounded away from 0, so every link
 *       is detectable at moderate n;
 *   <li>stationarity: the linear part's companion matrix must have spectral radius below 0.95;
 *       coefficients are redrawn (up to 100 times) until it does, then scaled down if they never
 *       did. Each series starts at 0 and runs {@code burnIn} steps (default 500) before it is
 *       recorded;
 *   <li>hidden series ({@link Builder#latent}): that many variables with two or more children
 *       are flagged latent in the truth and left out of the data;
 *   <li>several independent series ({@link Builder#series}, a panel), each of {@code samples}
 *       time points, written with a {@code series} domain column; a {@code t} time column always.
 * </ul>
 *
 * <p>Same seed, same data and graph on any machine: the graph, the coefficients and the noise
 * come from separate random streams.
 */
public final class SvarSimulation {
  /** How a link acts on its target. */
  public enum Mechanism {
    LINEAR,
    NONLINEAR
  }

  /** The signs of the cross-link and contemporaneous coefficients. */
  public enum Signs {
    /** Each sign at random (default): effects along different paths may cancel. */
    MIXED,
    /**
     * All positive: no two paths can cancel, so every link shows in every conditional
     * dependence it should (no chance near-violations of faithfulness).
     */
    POSITIVE
  }

  private final int variables;
  private final int maxLag;
  private final double laggedDegree;
  private final double contemporaneousDegree;
  private final double autoProbability;
  private final Mechanism mechanism;
  private final Signs signs;
  private final NoiseDistribution noise;
  private final int latent;
  private final int samples;
  private final int series;
  private final int burnIn;
  private final long seed;

  private SvarSimulation(Builder b) {
    this.variables = b.variables;
    this.maxLag = b.maxLag;
    this.laggedDegree = b.laggedDegree;
    this.contemporaneousDegree = b.contemporaneousDegree;
    this.autoProbability = b.autoProbability;
    this.mechanism = b.mechanism;
    this.signs = b.signs;
    this.noise = b.noise;
    this.latent = b.latent;
    this.samples = b.samples;
    this.series = b.series;
    this.burnIn = b.burnIn;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Simulates on a random graph. */
  public SimulatedTimeSeries simulate() {
    Streams s = new Streams(seed);
    LaggedGraph g = RandomLaggedGraphs.dag(variables, maxLag, laggedDegree,
        contemporaneousDegree, autoProbability, s.graph);
    if (latent > 0) {
      g = hide(g, latent, s.graph);
    }
    return run(g, s);
  }

  /**
   * Simulates on a given time-series DAG (its latent flags say which series to hide); the
   * builder's graph options are not used.
   *
   * @throws InvalidInputException if a link is not directed or the contemporaneous part is cyclic
   */
  public SimulatedTimeSeries simulate(LaggedGraph dag) {
    LaggedGraph checked = dag.toBuilder().kind(GraphKind.DAG).build();
    return run(checked, new Streams(seed));
  }

  private static LaggedGraph hide(LaggedGraph g, int k, UniformRandomProvider rng) {
    int p = g.size();
    List<Integer> candidates = new ArrayList<>();
    for (int v = 0; v < p; v++) {
      boolean[] child = new boolean[p];
      int children = 0;
      for (LaggedGraph.Link l : g.links()) {
        if (l.from() == v && l.to() != v && !child[l.to()]) {
          child[l.to()] = true;
          children++;
        }
      }
      if (children >= 2) {
        candidates.add(v);
      }
    }
    if (candidates.size() < k || k >= p) {
      throw new InvalidInputException("only " + candidates.size() + " of the " + p + " series have"
          + " two or more children to hide as latent confounders, fewer than the " + k + " asked;"
          + " ask for fewer hidden series or a denser graph");
    }
    int[] pick = PermutationSampler.natural(candidates.size());
    PermutationSampler.shuffle(rng, pick);
    LaggedGraph.Builder b = g.toBuilder();
    for (int q = 0; q < k; q++) {
      b.latent(candidates.get(pick[q]), true);
    }
    return b.build();
  }

  private SimulatedTimeSeries run(LaggedGraph g, Streams s) {
    int p = g.size();
    int lags = g.maxLag();
    List<LaggedGraph.Link> links = g.links();
    double[] coef = new double[links.size()];
    double radius = Double.NaN;
    for (int attempt = 0; attempt < 100; attempt++) {
      for (int k = 0; k < coef.length; k++) {
        LaggedGraph.Link l = links.get(k);
        coef[k] = l.from() == l.to() && l.lag() > 0 ? 0.3 + 0.3 * s.params.nextDouble()
            : (signs == Signs.POSITIVE || s.params.nextBoolean() ? 1 : -1)
                * (0.2 + 0.3 * s.params.nextDouble());
      }
      radius = spectralRadius(g, coef);
      if (radius < 0.95) {
        break;
      }
    }
    if (!(radius < 0.95)) {
      double f = 0.9 / radius;
      for (int k = 0; k < coef.length; k++) {
        if (links.get(k).lag() > 0) {
          coef[k] *= f;
        }
      }
    }
    int[] order = contemporaneousOrder(g);
    // Per target: its links (source, lag, coefficient, nonlinear?).
    List<List<double[]>> incoming = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      incoming.add(new ArrayList<>());
    }
    for (int k = 0; k < coef.length; k++) {
      LaggedGraph.Link l = links.get(k);
      boolean nonlinear = mechanism == Mechanism.NONLINEAR && l.from() != l.to();
      incoming.get(l.to()).add(new double[] {l.from(), l.lag(), coef[k], nonlinear ? 1 : 0});
    }
    NoiseDistribution.Sampler eps = noise.sampler(s.noise);
    int total = series * samples;
    double[][] out = new double[p][total];
    for (int sr = 0; sr < series; sr++) {
      int steps = burnIn + samples;
      double[][] x = new double[steps + lags][p];
      for (int t = lags; t < steps + lags; t++) {
        double[] now = x[t];
        for (int j = 0; j < p; j++) {
          now[j] = eps.sample();
        }
        for (int j : order) {
          double v = now[j];
          for (double[] in : incoming.get(j)) {
            double src = x[t - (int) in[1]][(int) in[0]];
            v += in[2] * (in[3] == 1 ? src + 5 * src * src * Math.exp(-src * src / 20) : src);
          }
          if (!Double.isFinite(v) || Math.abs(v) > 1e8) {
            throw new InvalidInputException("the simulated series diverged (the nonlinear links"
                + " made it explosive); use another seed or fewer links");
          }
          now[j] = v;
        }
        int rec = t - lags - burnIn;
        if (rec >= 0) {
          for (int j = 0; j < p; j++) {
            out[j][sr * samples + rec] = now[j];
          }
        }
      }
    }
    AnnotatedLaggedGraph.Builder truth = AnnotatedLaggedGraph.builder(g);
    for (int k = 0; k < coef.length; k++) {
      LaggedGraph.Link l = links.get(k);
      truth.weight(l.from(), l.to(), l.lag(), coef[k]);
    }
    return SimulatedTimeSeries.of(g, truth.build(), out, samples, series, "svar");
  }

  /** A topological order of the contemporaneous links (the graph is a DAG). */
  private static int[] contemporaneousOrder(LaggedGraph g) {
    int p = g.size();
    int[] indegree = new int[p];
    for (LaggedGraph.Link l : g.links()) {
      if (l.lag() == 0) {
        indegree[l.to()]++;
      }
    }
    int[] order = new int[p];
    int head = 0;
    int tail = 0;
    for (int v = 0; v < p; v++) {
      if (indegree[v] == 0) {
        order[tail++] = v;
      }
    }
    while (head < tail) {
      int v = order[head++];
      for (LaggedGraph.Link l : g.links()) {
        if (l.lag() == 0 && l.from() == v && --indegree[l.to()] == 0) {
          order[tail++] = l.to();
        }
      }
    }
    return order;
  }

  /** Spectral radius of the reduced-form VAR's companion matrix. */
  static double spectralRadius(LaggedGraph g, double[] coef) {
    int p = g.size();
    int lags = Math.max(1, g.maxLag());
    DMatrixRMaj b0 = new DMatrixRMaj(p, p);
    DMatrixRMaj[] b = new DMatrixRMaj[lags + 1];
    for (int lag = 1; lag <= lags; lag++) {
      b[lag] = new DMatrixRMaj(p, p);
    }
    List<LaggedGraph.Link> links = g.links();
    for (int k = 0; k < coef.length; k++) {
      LaggedGraph.Link l = links.get(k);
      (l.lag() == 0 ? b0 : b[l.lag()]).set(l.to(), l.from(), coef[k]);
    }
    DMatrixRMaj inv = CommonOps_DDRM.identity(p);
    CommonOps_DDRM.subtractEquals(inv, b0);
    if (!CommonOps_DDRM.invert(inv)) {
      return Double.POSITIVE_INFINITY;
    }
    DMatrixRMaj companion = new DMatrixRMaj(p * lags, p * lags);
    DMatrixRMaj a = new DMatrixRMaj(p, p);
    for (int lag = 1; lag <= lags; lag++) {
      CommonOps_DDRM.mult(inv, b[lag], a);
      CommonOps_DDRM.insert(a, companion, 0, (lag - 1) * p);
    }
    for (int r = p; r < p * lags; r++) {
      companion.set(r, r - p, 1);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p * lags, false);
    if (!eig.decompose(companion)) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
      Complex_F64 e = eig.getEigenvalue(k);
      max = Math.max(max, e.getMagnitude());
    }
    return max;
  }

  /** Options; see the class description for the defaults. */
  public static final class Builder {
    private int variables = 10;
    private int maxLag = 3;
    private double laggedDegree = 1;
    private double contemporaneousDegree = 0.5;
    private double autoProbability = 1;
    private Mechanism mechanism = Mechanism.LINEAR;
    private Signs signs = Signs.MIXED;
    private NoiseDistribution noise = NoiseDistribution.GAUSSIAN;
    private int latent;
    private int samples = 1000;
    private int series = 1;
    private int burnIn = 500;
    private long seed;

    private Builder() {}

    /** Variables (series), hidden ones included (default 10). */
    public Builder variables(int variables) {
      this.variables = positive(variables, "the number of variables");
      return this;
    }

    /** The largest lag of a link (default 3). */
    public Builder maxLag(int maxLag) {
      this.maxLag = positive(maxLag, "the largest lag");
      return this;
    }

    /** Expected lagged cross-parents per variable (default 1). */
    public Builder laggedDegree(double degree) {
      this.laggedDegree = nonNegative(degree, "the lagged degree");
      return this;
    }

    /** Expected contemporaneous neighbours per variable (default 0.5; 0 for none). */
    public Builder contemporaneousDegree(double degree) {
      this.contemporaneousDegree = nonNegative(degree, "the contemporaneous degree");
      return this;
    }

    /** Probability that a variable depends on its own past at lag 1 (default 1). */
    public Builder autoProbability(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new InvalidInputException("the autodependence probability must be in [0, 1]; got "
            + probability);
      }
      this.autoProbability = probability;
      return this;
    }

    public Builder mechanism(Mechanism mechanism) {
      this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
      return this;
    }

    /** Signs of the cross and contemporaneous coefficients (default mixed). */
    public Builder signs(Signs signs) {
      this.signs = Objects.requireNonNull(signs, "signs");
      return this;
    }

    public Builder noise(NoiseDistribution noise) {
      this.noise = Objects.requireNonNull(noise, "noise");
      return this;
    }

    /** Hidden series (latent confounders), left out of the data (default 0). */
    public Builder latent(int latent) {
      if (latent < 0) {
        throw new InvalidInputException("the number of hidden series must be 0 or more; got "
            + latent);
      }
      this.latent = latent;
      return this;
    }

    /** Time points per series (default 1,000). */
    public Builder samples(int samples) {
      this.samples = positive(samples, "the number of samples");
      return this;
    }

    /** Independent series (default 1). */
    public Builder series(int series) {
      this.series = positive(series, "the number of series");
      return this;
    }

    /** Steps run and discarded before recording each series (default 500). */
    public Builder burnIn(int burnIn) {
      if (burnIn < 0) {
        throw new InvalidInputException("the burn-in must be 0 or more; got " + burnIn);
      }
      this.burnIn = burnIn;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public SvarSimulation build() {
      long cells = (long) variables * samples * series;
      if (cells > Simulation.MAX_CELLS) {
        throw new InvalidInputException(variables + " variables × " + samples + " samples × "
            + series + " series is " + cells + " values, more than the " + Simulation.MAX_CELLS
            + " a simulation may hold; ask for fewer");
      }
      return new SvarSimulation(this);
    }
  }

  static int positive(int v, String what) {
    if (v < 1) {
      throw new InvalidInputException(what + " must be at least 1; got " + v);
    }
    return v;
  }

  static double nonNegative(double v, String what) {
    if (!(v >= 0)) {
      throw new InvalidInputException(what + " must be 0 or more; got " + v);
    }
    return v;
  }

  /** Independent streams for the graph, the coefficients and the noise. */
  static final class Streams {
    final UniformRandomProvider graph;
    final UniformRandomProvider params;
    final UniformRandomProvider noise;

    Streams(long seed) {
      UniformRandomProvider root = RandomSource.SPLIT_MIX_64.create(seed);
      graph = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
      params = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
      noise = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
    }
  }

  @Override
  public String toString() {
    return "SvarSimulation[" + variables + " variables, lags ≤ " + maxLag + ", " + mechanism + ", "
        + noise + " noise, " + samples + " × " + series + " samples, seed " + seed + "]"
        + (latent > 0 ? " with " + latent + " hidden" : "");
  }
}
