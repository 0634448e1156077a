package dev.causal4j.bench.simulate;

import dev.causal4j.InvalidInputException;
import java.util.Objects;

/**
 * What to simulate: a random DAG, a mechanism on it, and what happens to the data afterwards
 * (hidden variables, several domains, measurement error, missing values). Immutable; made with
 * {@link #builder()} and run with {@link Simulator#simulate(Simulation)}.
 *
 * <p>Defaults, and why:
 *
 * <ul>
 *   <li>Edge weights uniform on ±[0.5, 1.5] (sign chosen at random): bounded away from 0 so every
 *       edge is detectable at moderate n, bounded above so variances stay moderate.
 *   <li>Noise variances uniform on [1, 3], one per node.
 *   <li>{@link #standardize()} on: every continuous variable is rescaled to mean 0 and variance 1
 *       after it is generated (and after measurement error). Without it, variances in a linear SEM
 *       grow along the causal order ("varsortability", Reisach, Seiler &amp; Weichwald 2021), so
 *       a method that merely sorts by variance looks good for the wrong reason. Scale-invariant
 *       methods (Fisher Z, BIC) give the same answer either way. Turn it off to get the raw SEM
 *       scale (e.g. to compare with weights).
 *   <li>Discrete variables have 3 levels named {@code 0, 1, 2}; CPT rows ~ Dirichlet(1), uniform
 *       on the simplex. In the mixed mechanism half the variables are discrete.
 *   <li>With several domains, rows are split into equal consecutive blocks (the first blocks take
 *       one more row when n is not divisible), and a fifth of the observed variables (at least
 *       one) change mechanism: their weights, intercepts, noise variances, functions or CPT rows are
 *       drawn afresh for each domain. The edges stay the same.
 *   <li>Measurement error {@code r}: each observed continuous value gets independent Gaussian noise
 *       of variance {@code r·Var(X)} (signal-to-noise ratio {@code 1/r}); discrete values are left
 *       alone.
 * </ul>
 *
 * <p>Same seed, same options: same data bit for bit on any machine. The seed is split into
 * independent streams for the graph, the parameters, the noise and the missing values, so that
 * changing the number of samples leaves the graph and the parameters unchanged.
 */
public final class Simulation {
  /** A simulation larger than this many cells is refused rather than run out of memory. */
  public static final long MAX_CELLS = 500_000_000L;

  private final Mechanism mechanism;
  private final NoiseDistribution noise;
  private final GraphModel graphModel;
  private final int nodes;
  private final double averageDegree;
  private final int samples;
  private final int latentConfounders;
  private final int domains;
  private final double changedFraction;
  private final double measurementError;
  private final double missingRate;
  private final MissingMechanism missingMechanism;
  private final boolean standardize;
  private final double weightLow;
  private final double weightHigh;
  private final double noiseVarianceLow;
  private final double noiseVarianceHigh;
  private final int levels;
  private final double dirichletAlpha;
  private final double discreteFraction;
  private final long seed;

  private Simulation(Builder b) {
    this.mechanism = b.mechanism;
    this.noise = b.noise != null ? b.noise
        : b.mechanism == Mechanism.LINEAR_NON_GAUSSIAN ? NoiseDistribution.UNIFORM
        : NoiseDistribution.GAUSSIAN;
    this.graphModel = b.graphModel;
    this.nodes = b.nodes;
    this.averageDegree = b.averageDegree;
    this.samples = b.samples;
    this.latentConfounders = b.latentConfounders;
    this.domains = b.domains;
    this.changedFraction = b.changedFraction;
    this.measurementError = b.measurementError;
    this.missingRate = b.missingRate;
    this.missingMechanism = b.missingMechanism;
    this.standardize = b.standardize;
    this.weightLow = b.weightLow;
    this.weightHigh = b.weightHigh;
    this.noiseVarianceLow = b.noiseVarianceLow;
    this.noiseVarianceHigh = b.noiseVarianceHigh;
    this.levels = b.levels;
    this.dirichletAlpha = b.dirichletAlpha;
    this.discreteFraction = b.discreteFraction;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Mechanism mechanism() {
    return mechanism;
  }

  /** The noise shape of continuous variables (Gaussian unless set; uniform for LiNGAM data). */
  public NoiseDistribution noise() {
    return noise;
  }

  public GraphModel graphModel() {
    return graphModel;
  }

  /** Number of nodes in the true graph, hidden ones included. */
  public int nodes() {
    return nodes;
  }

  public double averageDegree() {
    return averageDegree;
  }

  /** Number of rows, over all domains. */
  public int samples() {
    return samples;
  }

  public int latentConfounders() {
    return latentConfounders;
  }

  public int domains() {
    return domains;
  }

  /** Fraction of observed variables whose mechanism changes between domains. */
  public double changedFraction() {
    return changedFraction;
  }

  /** Measurement-error variance as a fraction of each variable's variance. */
  public double measurementError() {
    return measurementError;
  }

  public double missingRate() {
    return missingRate;
  }

  public MissingMechanism missingMechanism() {
    return missingMechanism;
  }

  public boolean standardize() {
    return standardize;
  }

  public double weightLow() {
    return weightLow;
  }

  public double weightHigh() {
    return weightHigh;
  }

  public double noiseVarianceLow() {
    return noiseVarianceLow;
  }

  public double noiseVarianceHigh() {
    return noiseVarianceHigh;
  }

  /** Levels of each discrete variable. */
  public int levels() {
    return levels;
  }

  public double dirichletAlpha() {
    return dirichletAlpha;
  }

  /** In the mixed mechanism, the probability that a variable is discrete. */
  public double discreteFraction() {
    return discreteFraction;
  }

  public long seed() {
    return seed;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.mechanism = mechanism;
    b.noise = noise;
    b.graphModel = graphModel;
    b.nodes = nodes;
    b.averageDegree = averageDegree;
    b.samples = samples;
    b.latentConfounders = latentConfounders;
    b.domains = domains;
    b.changedFraction = changedFraction;
    b.measurementError = measurementError;
    b.missingRate = missingRate;
    b.missingMechanism = missingMechanism;
    b.standardize = standardize;
    b.weightLow = weightLow;
    b.weightHigh = weightHigh;
    b.noiseVarianceLow = noiseVarianceLow;
    b.noiseVarianceHigh = noiseVarianceHigh;
    b.levels = levels;
    b.dirichletAlpha = dirichletAlpha;
    b.discreteFraction = discreteFraction;
    b.seed = seed;
    return b;
  }

  @Override
  public String toString() {
    return mechanism + (mechanism.isAllContinuous() ? "/" + noise : "") + ", " + graphModel + " p="
        + nodes + " degree=" + averageDegree + ", n=" + samples + ", latent=" + latentConfounders
        + ", domains=" + domains + ", measurement error=" + measurementError + ", missing="
        + missingRate + (missingRate > 0 ? " " + missingMechanism : "") + ", standardize="
        + standardize + ", seed=" + seed;
  }

  /** Options with the defaults described on {@link Simulation}. */
  public static final class Builder {
    private Mechanism mechanism = Mechanism.LINEAR_GAUSSIAN;
    private NoiseDistribution noise;
    private GraphModel graphModel = GraphModel.ERDOS_RENYI;
    private int nodes = 10;
    private double averageDegree = 2;
    private int samples = 1000;
    private int latentConfounders;
    private int domains = 1;
    private double changedFraction = 0.2;
    private double measurementError;
    private double missingRate;
    private MissingMechanism missingMechanism = MissingMechanism.MCAR;
    private boolean standardize = true;
    private double weightLow = 0.5;
    private double weightHigh = 1.5;
    private double noiseVarianceLow = 1;
    private double noiseVarianceHigh = 3;
    private int levels = 3;
    private double dirichletAlpha = 1;
    private double discreteFraction = 0.5;
    private long seed;

    private Builder() {}

    public Builder mechanism(Mechanism m) {
      this.mechanism = Objects.requireNonNull(m, "mechanism");
      return this;
    }

    public Builder noise(NoiseDistribution n) {
      this.noise = Objects.requireNonNull(n, "noise");
      return this;
    }

    public Builder graphModel(GraphModel g) {
      this.graphModel = Objects.requireNonNull(g, "graphModel");
      return this;
    }

    public Builder nodes(int p) {
      this.nodes = p;
      return this;
    }

    public Builder averageDegree(double d) {
      this.averageDegree = d;
      return this;
    }

    public Builder samples(int n) {
      this.samples = n;
      return this;
    }

    public Builder latentConfounders(int k) {
      this.latentConfounders = k;
      return this;
    }

    public Builder domains(int k) {
      this.domains = k;
      return this;
    }

    public Builder changedFraction(double f) {
      this.changedFraction = f;
      return this;
    }

    public Builder measurementError(double r) {
      this.measurementError = r;
      return this;
    }

    public Builder missing(double rate, MissingMechanism how) {
      this.missingRate = rate;
      this.missingMechanism = Objects.requireNonNull(how, "how");
      return this;
    }

    public Builder standardize(boolean s) {
      this.standardize = s;
      return this;
    }

    /** Edge weights uniform on ±[low, high]. */
    public Builder weights(double low, double high) {
      this.weightLow = low;
      this.weightHigh = high;
      return this;
    }

    /** Noise variances uniform on [low, high]. */
    public Builder noiseVariance(double low, double high) {
      this.noiseVarianceLow = low;
      this.noiseVarianceHigh = high;
      return this;
    }

    public Builder levels(int k) {
      this.levels = k;
      return this;
    }

    public Builder dirichletAlpha(double alpha) {
      this.dirichletAlpha = alpha;
      return this;
    }

    public Builder discreteFraction(double f) {
      this.discreteFraction = f;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Checks the options together.
     *
     * @throws InvalidInputException naming the first option out of range and its range
     */
    public Simulation build() {
      require(nodes >= 1, "the number of nodes must be at least 1; got " + nodes);
      require(Double.isFinite(averageDegree) && averageDegree >= 0 && averageDegree <= nodes - 1,
          "the average degree must be between 0 and nodes − 1 = " + (nodes - 1) + "; got "
              + averageDegree);
      require(samples >= 1, "the number of samples must be at least 1; got " + samples);
      require((long) nodes * samples <= MAX_CELLS, "nodes × samples = " + (long) nodes * samples
          + " cells is more than the " + MAX_CELLS + " this simulator holds in memory; simulate"
          + " fewer nodes or samples");
      require(latentConfounders >= 0 && latentConfounders < nodes,
          "the number of latent confounders must be between 0 and nodes − 1; got "
              + latentConfounders);
      require(domains >= 1 && domains <= samples,
          "the number of domains must be between 1 and the number of samples; got " + domains);
      require(changedFraction >= 0 && changedFraction <= 1,
          "the fraction of changing variables must be in [0, 1]; got " + changedFraction);
      require(Double.isFinite(measurementError) && measurementError >= 0,
          "the measurement error (noise variance as a fraction of each variable's variance) must"
              + " be 0 or more; got " + measurementError);
      require(missingRate >= 0 && missingRate < 1,
          "the missing rate must be in [0, 1); got " + missingRate);
      require(missingMechanism != MissingMechanism.MAR || missingRate <= 0.5,
          "MAR missingness needs a rate of at most 0.5; got " + missingRate);
      require(weightLow >= 0 && weightLow <= weightHigh && Double.isFinite(weightHigh),
          "edge weights need 0 ≤ low ≤ high; got [" + weightLow + ", " + weightHigh + "]");
      require(noiseVarianceLow > 0 && noiseVarianceLow <= noiseVarianceHigh
              && Double.isFinite(noiseVarianceHigh),
          "noise variances need 0 < low ≤ high; got [" + noiseVarianceLow + ", "
              + noiseVarianceHigh + "]");
      require(levels >= 2 && levels <= 1000,
          "discrete variables need between 2 and 1000 levels; got " + levels);
      require(dirichletAlpha > 0 && Double.isFinite(dirichletAlpha),
          "the Dirichlet α must be positive; got " + dirichletAlpha);
      require(discreteFraction >= 0 && discreteFraction <= 1,
          "the fraction of discrete variables must be in [0, 1]; got " + discreteFraction);
      require(mechanism != Mechanism.LINEAR_NON_GAUSSIAN || noise != NoiseDistribution.GAUSSIAN,
          "LINEAR_NON_GAUSSIAN needs non-Gaussian noise (UNIFORM, LAPLACE or EXPONENTIAL)");
      require(mechanism != Mechanism.LINEAR_GAUSSIAN || noise == null
              || noise == NoiseDistribution.GAUSSIAN,
          "LINEAR_GAUSSIAN has Gaussian noise; use LINEAR_NON_GAUSSIAN for " + noise + " noise");
      return new Simulation(this);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new InvalidInputException(message);
      }
    }
  }
}
