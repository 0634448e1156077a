package dev.causal4j.bench.simulate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DomainColumn;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.RandomGraphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs a {@link Simulation}: draws a random DAG (or takes one), draws the mechanism's parameters,
 * generates the data in causal order, then hides the latent variables, adds measurement error,
 * standardizes and removes values, in that order. Deterministic in the seed: every random choice
 * comes from Commons RNG streams seeded from it, in a fixed order, on one thread.
 */
public final class Simulator {
  private Simulator() {}

  /** Simulates on a random graph of the chosen family. */
  public static SimulatedData simulate(Simulation spec) {
    Streams s = new Streams(spec.seed());
    return run(randomDag(spec, s), spec, s);
  }

  private static Graph randomDag(Simulation spec, Streams s) {
    Graph dag = spec.graphModel() == GraphModel.SCALE_FREE
        ? RandomGraphs.scaleFreeDag(spec.nodes(), spec.averageDegree(), s.graph)
        : RandomGraphs.erdosRenyiDag(spec.nodes(), spec.averageDegree(), s.graph);
    if (spec.latentConfounders() > 0) {
      dag = RandomGraphs.withLatentConfounders(dag, spec.latentConfounders(), s.graph);
    }
    return dag.mutableCopy().setKind(GraphKind.DAG).snapshot();
  }

  /**
   * Simulates on a given DAG (its latent flags say which nodes to hide); the spec's nodes, degree,
   * graph family and latent count are not used.
   *
   * @throws InvalidInputException if the graph is not a DAG
   */
  public static SimulatedData simulate(Simulation spec, Graph dag) {
    if (!Graphs.isDag(dag)) {
      throw new InvalidInputException("the graph to simulate on must be a DAG (only --> edges, no"
          + " directed cycle)");
    }
    return run(dag, spec, new Streams(spec.seed()));
  }

  /** Independent streams for each stage, so one stage's draws do not shift another's. */
  private static final class Streams {
    final UniformRandomProvider graph;
    final UniformRandomProvider params;
    final UniformRandomProvider noise;
    final UniformRandomProvider error;
    final UniformRandomProvider missing;

    Streams(long seed) {
      UniformRandomProvider root = RandomSource.SPLIT_MIX_64.create(seed);
      graph = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
      params = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
      noise = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
      error = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
      missing = RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
    }
  }

  /** The parameters {@link #simulate(Simulation)} draws for this spec (for tests). */
  static SemModel model(Simulation spec) {
    Streams s = new Streams(spec.seed());
    return SemModel.draw(randomDag(spec, s), spec, s.params);
  }

  private static SimulatedData run(Graph dag, Simulation spec, Streams s) {
    Graph truth = dag.mutableCopy().setKind(GraphKind.DAG).snapshot();
    SemModel model = SemModel.draw(truth, spec, s.params);
    int n = spec.samples();
    SemModel.Sample sample = model.sample(n, s.noise);
    int[] observed = Graphs.observedNodes(truth);
    if (observed.length == 0) {
      throw new InvalidInputException("every node is latent, so there is nothing to observe");
    }
    double[][] values = sample.values();
    if (spec.measurementError() > 0) {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(s.error);
      for (int v : observed) {
        if (values[v] != null) {
          double scale = Math.sqrt(spec.measurementError() * variance(values[v]));
          double[] x = values[v];
          for (int i = 0; i < n; i++) {
            x[i] += scale * g.sample();
          }
        }
      }
    }
    if (spec.standardize()) {
      for (int v : observed) {
        if (values[v] != null) {
          standardize(values[v]);
        }
      }
    }
    BitSet[] missing = missingMasks(spec, truth, observed, sample, s.missing);
    Dataset.Builder b = Dataset.builder(n).source("simulation (" + spec.mechanism() + ", seed "
        + spec.seed() + ")");
    for (int k = 0; k < observed.length; k++) {
      int v = observed[k];
      if (values[v] != null) {
        b.addContinuous(truth.name(v), values[v], missing[k]);
      } else {
        int[] c = sample.codes()[v];
        if (missing[k] != null) {
          for (int i = missing[k].nextSetBit(0); i >= 0; i = missing[k].nextSetBit(i + 1)) {
            c[i] = -1;
          }
        }
        b.addDiscrete(truth.name(v), c, levelNames(spec.levels()));
      }
    }
    if (spec.domains() > 1) {
      int[] start = SemModel.domainStarts(n, spec.domains());
      int[] labels = new int[n];
      List<String> levels = new ArrayList<>();
      for (int d = 0; d < spec.domains(); d++) {
        Arrays.fill(labels, start[d], start[d + 1], d);
        levels.add(Integer.toString(d + 1));
      }
      b.domain(new DomainColumn("domain", labels, levels));
    }
    List<String> changed = new ArrayList<>();
    for (int v : model.changed) {
      changed.add(truth.name(v));
    }
    return new SimulatedData(b.build(), truth, changed, spec);
  }

  /** Level names {@code 0..k-1}. */
  static List<String> levelNames(int k) {
    List<String> names = new ArrayList<>(k);
    for (int l = 0; l < k; l++) {
      names.add(Integer.toString(l));
    }
    return names;
  }

  private static double variance(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return x.length > 1 ? ss / (x.length - 1) : 0;
  }

  private static void standardize(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    double sd = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
    double inv = sd > 0 ? 1 / sd : 1;
    for (int i = 0; i < x.length; i++) {
      x[i] = (x[i] - m) * inv;
    }
  }

  /** Per observed column (by position in {@code observed}), the rows to remove; null for none. */
  private static BitSet[] missingMasks(Simulation spec, Graph truth, int[] observed,
      SemModel.Sample sample, UniformRandomProvider rng) {
    BitSet[] masks = new BitSet[observed.length];
    double rate = spec.missingRate();
    if (rate == 0) {
      return masks;
    }
    int n = spec.samples();
    if (spec.missingMechanism() == MissingMechanism.MCAR) {
      for (int k = 0; k < observed.length; k++) {
        BitSet m = new BitSet(n);
        for (int i = 0; i < n; i++) {
          if (rng.nextDouble() < rate) {
            m.set(i);
          }
        }
        masks[k] = m;
      }
      return masks;
    }
    if (observed.length < 2) {
      throw new InvalidInputException("MAR missingness needs at least two observed variables (one"
          + " stays complete to drive the other's missingness); use MCAR");
    }
    int[] order = new int[observed.length];
    Arrays.setAll(order, i -> i);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int complete = Math.max(1, observed.length / 2);
    for (int r = complete; r < order.length; r++) {
      int k = order[r];
      int driver = observed[order[rng.nextInt(complete)]];
      double[] key = sample.values()[driver] != null ? sample.values()[driver]
          : toDouble(sample.codes()[driver]);
      int[] rank = ranks(key, rng);
      BitSet m = new BitSet(n);
      for (int i = 0; i < n; i++) {
        if (rng.nextDouble() < 2 * rate * rank[i] / n) {
          m.set(i);
        }
      }
      masks[k] = m;
    }
    return masks;
  }

  private static double[] toDouble(int[] codes) {
    double[] d = new double[codes.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = codes[i];
    }
    return d;
  }

  /** Ranks 1..n of {@code x}, ties broken at random (so discrete drivers work too). */
  private static int[] ranks(double[] x, UniformRandomProvider rng) {
    int n = x.length;
    double[] jitter = new double[n];
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      jitter[i] = rng.nextDouble();
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> x[a] != x[b] ? Double.compare(x[a], x[b])
        : Double.compare(jitter[a], jitter[b]));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[idx[r]] = r + 1;
    }
    return rank;
  }
}
