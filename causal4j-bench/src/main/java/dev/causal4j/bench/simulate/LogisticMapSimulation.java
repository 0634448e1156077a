package dev.causal4j.bench.simulate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Coupled logistic maps, the deterministic chaotic system with which Sugihara et al. (2012,
 * Science 338:496) introduced convergent cross mapping: {@code x_j(t+1) = x_j(t)·(r_j − r_j·x_j(t)
 * − Σ_i β_ij·x_i(t))} over a random directed coupling graph. Every variable depends on its own
 * past; a coupling {@code i → j} is a lag-1 link whose weight is {@code −β_ij}.
 *
 * <p>Defaults: p = 5, each ordered pair coupled with probability {@code degree/(p−1)} (degree 1),
 * growth rates {@code r} uniform on [3.6, 3.9] (chaotic), couplings uniform on [0.05, 0.15]
 * divided by the target's number of drivers (so a sum of couplings stays below 0.15 and the
 * states stay in (0, 1)), starts uniform on [0.2, 0.8], 500 discarded steps, optional Gaussian
 * process noise. A draw whose states leave (0, 1) is refused with a message. Same seed, same
 * series.
 */
public final class LogisticMapSimulation {
  private final int variables;
  private final double degree;
  private final int samples;
  private final int series;
  private final int burnIn;
  private final double processNoise;
  private final long seed;

  private LogisticMapSimulation(Builder b) {
    this.variables = b.variables;
    this.degree = b.degree;
    this.samples = b.samples;
    this.series = b.series;
    this.burnIn = b.burnIn;
    this.processNoise = b.processNoise;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  public SimulatedTimeSeries simulate() {
    int p = variables;
    SvarSimulation.Streams s = new SvarSimulation.Streams(seed);
    UniformRandomProvider g = s.graph;
    double prob = p < 2 ? 0 : Math.min(1, degree / (p - 1));
    boolean[][] coupled = new boolean[p][p];
    int[] drivers = new int[p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        if (i != j && g.nextDouble() < prob) {
          coupled[i][j] = true;
          drivers[j]++;
        }
      }
    }
    double[] r = new double[p];
    double[][] beta = new double[p][p];
    for (int j = 0; j < p; j++) {
      r[j] = 3.6 + 0.3 * s.params.nextDouble();
      for (int i = 0; i < p; i++) {
        if (coupled[i][j]) {
          beta[i][j] = (0.05 + 0.1 * s.params.nextDouble()) / drivers[j];
        }
      }
    }
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(s.noise);
    double[][] out = new double[p][samples * series];
    double[] x = new double[p];
    double[] next = new double[p];
    for (int sr = 0; sr < series; sr++) {
      for (int j = 0; j < p; j++) {
        x[j] = 0.2 + 0.6 * s.noise.nextDouble();
      }
      for (int t = 0; t < burnIn + samples; t++) {
        for (int j = 0; j < p; j++) {
          double drive = 0;
          for (int i = 0; i < p; i++) {
            drive += beta[i][j] * x[i];
          }
          next[j] = x[j] * (r[j] - r[j] * x[j] - drive) + processNoise * gauss.sample();
          if (!(next[j] > 0 && next[j] < 1)) {
            throw new InvalidInputException("the coupled logistic maps left (0, 1) at step " + t
                + " (seed " + seed + "); use another seed, less process noise or fewer couplings");
          }
        }
        System.arraycopy(next, 0, x, 0, p);
        if (t >= burnIn) {
          for (int j = 0; j < p; j++) {
            out[j][sr * samples + t - burnIn] = x[j];
          }
        }
      }
    }
    LaggedGraph.Builder b = LaggedGraph.builder(RandomGraphs.defaultNames(p), 1)
        .kind(GraphKind.DAG);
    for (int j = 0; j < p; j++) {
      b.directed(j, j, 1);
      for (int i = 0; i < p; i++) {
        if (coupled[i][j]) {
          b.directed(i, j, 1);
        }
      }
    }
    LaggedGraph truth = b.build();
    AnnotatedLaggedGraph.Builder w = AnnotatedLaggedGraph.builder(truth);
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        if (coupled[i][j]) {
          w.weight(i, j, 1, -beta[i][j]);
        }
      }
    }
    return SimulatedTimeSeries.of(truth, w.build(), out, samples, series, "logistic-map");
  }

  /** Options; see the class description for the defaults. */
  public static final class Builder {
    private int variables = 5;
    private double degree = 1;
    private int samples = 1000;
    private int series = 1;
    private int burnIn = 500;
    private double processNoise;
    private long seed;

    private Builder() {}

    public Builder variables(int variables) {
      this.variables = SvarSimulation.positive(variables, "the number of variables");
      return this;
    }

    /** Expected drivers per variable (default 1). */
    public Builder degree(double degree) {
      this.degree = SvarSimulation.nonNegative(degree, "the coupling degree");
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

    /** Standard deviation of Gaussian noise added at each step (default 0: deterministic). */
    public Builder processNoise(double sd) {
      this.processNoise = SvarSimulation.nonNegative(sd, "the process noise");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public LogisticMapSimulation build() {
      return new LogisticMapSimulation(this);
    }
  }
}
