package dev.causal4j.bench.simulate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The Lorenz-96 model (Lorenz 1996), a standard chaotic benchmark for causal discovery in
 * coupled dynamics: {@code dx_i/dt = (x_{i+1} − x_{i−2})·x_{i−1} − x_i + F}, indices cyclic,
 * integrated with fourth-order Runge–Kutta and sampled every {@code samplingInterval} time units.
 * The true graph, as the GVAR and Tank et al. (2021) benchmarks state it: {@code x_{i−2}}, {@code
 * x_{i−1}}, {@code x_i} and {@code x_{i+1}} at lag 1 cause {@code x_i}.
 *
 * <p>Defaults: p = 20, F = 10 (chaotic), sampling interval 0.05 in four RK4 steps each, 1,000
 * discarded samples from a perturbed equilibrium {@code x_i = F + 0.01·N(0,1)}, no observation
 * noise (set {@link Builder#observationNoise} for a standard deviation). Same seed, same series.
 */
public final class Lorenz96Simulation {
  private final int variables;
  private final double forcing;
  private final double samplingInterval;
  private final int stepsPerSample;
  private final int samples;
  private final int series;
  private final int burnIn;
  private final double observationNoise;
  private final long seed;

  private Lorenz96Simulation(Builder b) {
    this.variables = b.variables;
    this.forcing = b.forcing;
    this.samplingInterval = b.samplingInterval;
    this.stepsPerSample = b.stepsPerSample;
    this.samples = b.samples;
    this.series = b.series;
    this.burnIn = b.burnIn;
    this.observationNoise = b.observationNoise;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The true graph of Lorenz-96 on {@code p} variables {@code X1..Xp}. */
  public static LaggedGraph trueGraph(int p) {
    LaggedGraph.Builder b = LaggedGraph.builder(RandomGraphs.defaultNames(p), 1)
        .kind(GraphKind.DAG);
    for (int i = 0; i < p; i++) {
      for (int d : new int[] {-2, -1, 0, 1}) {
        b.directed(Math.floorMod(i + d, p), i, 1);
      }
    }
    return b.build();
  }

  public SimulatedTimeSeries simulate() {
    int p = variables;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
        RandomSource.SPLIT_MIX_64.create(seed).nextLong());
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] out = new double[p][samples * series];
    double h = samplingInterval / stepsPerSample;
    double[] x = new double[p];
    double[][] k = new double[4][p];
    double[] tmp = new double[p];
    for (int s = 0; s < series; s++) {
      for (int i = 0; i < p; i++) {
        x[i] = forcing + 0.01 * gauss.sample();
      }
      for (int t = 0; t < burnIn + samples; t++) {
        for (int step = 0; step < stepsPerSample; step++) {
          derivative(x, k[0]);
          for (int i = 0; i < p; i++) {
            tmp[i] = x[i] + 0.5 * h * k[0][i];
          }
          derivative(tmp, k[1]);
          for (int i = 0; i < p; i++) {
            tmp[i] = x[i] + 0.5 * h * k[1][i];
          }
          derivative(tmp, k[2]);
          for (int i = 0; i < p; i++) {
            tmp[i] = x[i] + h * k[2][i];
          }
          derivative(tmp, k[3]);
          for (int i = 0; i < p; i++) {
            x[i] += h / 6 * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
          }
        }
        if (t >= burnIn) {
          for (int i = 0; i < p; i++) {
            out[i][s * samples + t - burnIn] = x[i] + observationNoise * gauss.sample();
          }
        }
      }
    }
    LaggedGraph g = trueGraph(p);
    return SimulatedTimeSeries.of(g, AnnotatedLaggedGraph.of(g), out, samples, series, "lorenz96");
  }

  private void derivative(double[] x, double[] dx) {
    int p = x.length;
    for (int i = 0; i < p; i++) {
      dx[i] = (x[(i + 1) % p] - x[Math.floorMod(i - 2, p)]) * x[Math.floorMod(i - 1, p)] - x[i]
          + forcing;
    }
  }

  /** Options; see the class description for the defaults. */
  public static final class Builder {
    private int variables = 20;
    private double forcing = 10;
    private double samplingInterval = 0.05;
    private int stepsPerSample = 4;
    private int samples = 1000;
    private int series = 1;
    private int burnIn = 1000;
    private double observationNoise;
    private long seed;

    private Builder() {}

    /** Variables, at least 4 (each needs distinct neighbours i−2, i−1, i+1). */
    public Builder variables(int variables) {
      if (variables < 4) {
        throw new InvalidInputException("Lorenz-96 needs at least 4 variables; got " + variables);
      }
      this.variables = variables;
      return this;
    }

    /** The forcing F (default 10; chaotic above about 8). */
    public Builder forcing(double forcing) {
      if (!Double.isFinite(forcing)) {
        throw new InvalidInputException("the forcing must be a finite number; got " + forcing);
      }
      this.forcing = forcing;
      return this;
    }

    /** Time between samples (default 0.05). */
    public Builder samplingInterval(double interval) {
      if (!(interval > 0 && interval <= 1)) {
        throw new InvalidInputException("the sampling interval must be in (0, 1]; got "
            + interval);
      }
      this.samplingInterval = interval;
      return this;
    }

    public Builder samples(int samples) {
      this.samples = SvarSimulation.positive(samples, "the number of samples");
      return this;
    }

    public Builder series(int series) {
      this.series = SvarSimulation.positive(series, "the number of series");
      return this;
    }

    public Builder burnIn(int burnIn) {
      if (burnIn < 0) {
        throw new InvalidInputException("the burn-in must be 0 or more; got " + burnIn);
      }
      this.burnIn = burnIn;
      return this;
    }

    /** Standard deviation of Gaussian noise added to each observation (default 0). */
    public Builder observationNoise(double sd) {
      this.observationNoise = SvarSimulation.nonNegative(sd, "the observation noise");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Lorenz96Simulation build() {
      return new Lorenz96Simulation(this);
    }
  }
}
