package dev.causal4j.bench.simulate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;

/**
 * The parameters drawn for one simulation: for each node and domain, how the node is generated
 * from its parents. Nodes whose mechanism does not change share one parameter object across
 * domains. Sampling runs node by node in causal order, one column at a time.
 */
final class SemModel {
  final Graph dag;
  final Simulation spec;
  final boolean[] discrete;
  final NodeParams[][] params; // [node][domain]
  final int[] changed;

  private SemModel(Graph dag, Simulation spec, boolean[] discrete, NodeParams[][] params,
      int[] changed) {
    this.dag = dag;
    this.spec = spec;
    this.discrete = discrete;
    this.params = params;
    this.changed = changed;
  }

  /** Parameters of a continuous node for one domain. */
  static final class ContinuousParams {
    final int[] discreteParents;
    final int[] strides;
    final int[] continuousParents;
    final double[] intercept; // [config]
    final double[][] weight; // [config][continuous parent]
    final int[] function; // per continuous parent: 0 tanh, 1 sin, 2 z²−1; null when linear
    final double[] inner; // per continuous parent, nonlinear only
    final double noiseSd;

    ContinuousParams(int[] discreteParents, int[] strides, int[] continuousParents,
        double[] intercept, double[][] weight, int[] function, double[] inner, double noiseSd) {
      this.discreteParents = discreteParents;
      this.strides = strides;
      this.continuousParents = continuousParents;
      this.intercept = intercept;
      this.weight = weight;
      this.function = function;
      this.inner = inner;
      this.noiseSd = noiseSd;
    }
  }

  /** Parameters of a discrete node for one domain. */
  static final class DiscreteParams {
    final int[] discreteParents;
    final int[] strides;
    final int[] continuousParents;
    final double[][] cpt; // [config][level]
    final double[][] beta; // [level][continuous parent], level 0 all zero

    DiscreteParams(int[] discreteParents, int[] strides, int[] continuousParents, double[][] cpt,
        double[][] beta) {
      this.discreteParents = discreteParents;
      this.strides = strides;
      this.continuousParents = continuousParents;
      this.cpt = cpt;
      this.beta = beta;
    }
  }

  /** One of {@link ContinuousParams} or {@link DiscreteParams}. */
  record NodeParams(ContinuousParams continuous, DiscreteParams discrete) {}

  /** Draws every parameter from {@code rng}, node by node in index order. */
  static SemModel draw(Graph dag, Simulation spec, UniformRandomProvider rng) {
    int p = dag.size();
    Mechanism m = spec.mechanism();
    boolean[] discrete = new boolean[p];
    for (int v = 0; v < p; v++) {
      discrete[v] = switch (m) {
        case DISCRETE_DIRICHLET -> true;
        case MIXED_CONDITIONAL_GAUSSIAN -> rng.nextDouble() < spec.discreteFraction();
        default -> false;
      };
    }
    int k = spec.domains();
    int[] changed = chooseChanged(dag, spec, rng);
    boolean[] isChanged = new boolean[p];
    for (int v : changed) {
      isChanged[v] = true;
    }
    NodeParams[][] params = new NodeParams[p][k];
    for (int v = 0; v < p; v++) {
      params[v][0] = drawNode(dag, spec, discrete, v, rng);
      for (int d = 1; d < k; d++) {
        params[v][d] = isChanged[v] ? drawNode(dag, spec, discrete, v, rng) : params[v][0];
      }
    }
    return new SemModel(dag, spec, discrete, params, changed);
  }

  private static int[] chooseChanged(Graph dag, Simulation spec, UniformRandomProvider rng) {
    if (spec.domains() < 2 || spec.changedFraction() == 0) {
      return new int[0];
    }
    int[] observed = Graphs.observedNodes(dag);
    int count = (int) Math.max(1, Math.round(spec.changedFraction() * observed.length));
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(observed.length - i);
      int t = observed[i];
      observed[i] = observed[j];
      observed[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(observed, count);
    java.util.Arrays.sort(out);
    return out;
  }

  private static double weight(Simulation spec, UniformRandomProvider rng) {
    double w = spec.weightLow() + (spec.weightHigh() - spec.weightLow()) * rng.nextDouble();
    return rng.nextBoolean() ? w : -w;
  }

  private static NodeParams drawNode(Graph dag, Simulation spec, boolean[] discrete, int v,
      UniformRandomProvider rng) {
    int[] parents = dag.parents(v);
    int nd = 0;
    for (int u : parents) {
      nd += discrete[u] ? 1 : 0;
    }
    int[] dp = new int[nd];
    int[] cp = new int[parents.length - nd];
    int a = 0;
    int b = 0;
    for (int u : parents) {
      if (discrete[u]) {
        dp[a++] = u;
      } else {
        cp[b++] = u;
      }
    }
    int levels = spec.levels();
    int[] strides = new int[nd];
    long configs = 1;
    for (int i = 0; i < nd; i++) {
      strides[i] = (int) configs;
      configs *= levels;
      if (configs * (discrete[v] ? levels : 1) > 10_000_000L) {
        throw new InvalidInputException("node '" + dag.name(v) + "' has " + nd + " discrete parents"
            + " with " + levels + " levels each, too many parent configurations for a table;"
            + " lower the average degree or the number of levels");
      }
    }
    int c = (int) configs;
    if (discrete[v]) {
      DirichletSampler dirichlet = DirichletSampler.symmetric(rng, levels, spec.dirichletAlpha());
      double[][] cpt = new double[c][];
      for (int i = 0; i < c; i++) {
        cpt[i] = dirichlet.sample();
      }
      double[][] beta = new double[levels][cp.length];
      for (int l = 1; l < levels; l++) {
        for (int i = 0; i < cp.length; i++) {
          beta[l][i] = weight(spec, rng);
        }
      }
      return new NodeParams(null, new DiscreteParams(dp, strides, cp, cpt, beta));
    }
    boolean nonlinear = spec.mechanism() == Mechanism.NONLINEAR_ADDITIVE;
    boolean conditional = spec.mechanism() == Mechanism.MIXED_CONDITIONAL_GAUSSIAN && nd > 0;
    double[] intercept = new double[c];
    double[][] w = new double[c][cp.length];
    for (int i = 0; i < c; i++) {
      intercept[i] = conditional ? weight(spec, rng) : 0;
      for (int j = 0; j < cp.length; j++) {
        w[i][j] = weight(spec, rng);
      }
    }
    int[] function = null;
    double[] inner = null;
    if (nonlinear) {
      function = new int[cp.length];
      inner = new double[cp.length];
      for (int j = 0; j < cp.length; j++) {
        function[j] = rng.nextInt(3);
        inner[j] = 0.5 + rng.nextDouble();
      }
    }
    double var = spec.noiseVarianceLow()
        + (spec.noiseVarianceHigh() - spec.noiseVarianceLow()) * rng.nextDouble();
    return new NodeParams(new ContinuousParams(dp, strides, cp, intercept, w, function, inner,
        Math.sqrt(var)), null);
  }

  /** First row of each domain block, plus {@code n} at the end. */
  static int[] domainStarts(int n, int domains) {
    int[] start = new int[domains + 1];
    int base = n / domains;
    int extra = n % domains;
    for (int d = 0; d < domains; d++) {
      start[d + 1] = start[d] + base + (d < extra ? 1 : 0);
    }
    return start;
  }

  /** The generated columns: {@code values[v]} for continuous nodes, {@code codes[v]} for discrete. */
  record Sample(double[][] values, int[][] codes) {}

  /**
   * Generates {@code n} rows in causal order, drawing noise from {@code rng}. Transcendental
   * functions go through {@link StrictMath}, whose results are the same on every JVM and CPU, so
   * that a seed gives the same bits everywhere.
   */
  Sample sample(int n, UniformRandomProvider rng) {
    int p = dag.size();
    double[][] values = new double[p][];
    int[][] codes = new int[p][];
    double[] mean = new double[p];
    double[] sd = new double[p];
    int[] start = domainStarts(n, spec.domains());
    NoiseDistribution.Sampler noise = spec.noise().sampler(rng);
    for (int v : Graphs.topologicalOrder(dag)) {
      if (discrete[v]) {
        int[] out = new int[n];
        for (int d = 0; d < spec.domains(); d++) {
          sampleDiscrete(params[v][d].discrete(), values, codes, mean, sd, out, start[d],
              start[d + 1], rng);
        }
        codes[v] = out;
      } else {
        double[] out = new double[n];
        for (int d = 0; d < spec.domains(); d++) {
          sampleContinuous(params[v][d].continuous(), values, codes, mean, sd, out, start[d],
              start[d + 1], noise);
        }
        values[v] = out;
        double s = 0;
        for (double x : out) {
          s += x;
        }
        mean[v] = s / n;
        double ss = 0;
        for (double x : out) {
          ss += (x - mean[v]) * (x - mean[v]);
        }
        sd[v] = n > 1 && ss > 0 ? Math.sqrt(ss / (n - 1)) : 1;
      }
    }
    return new Sample(values, codes);
  }

  private static int config(int[] parents, int[] strides, int[][] codes, int row) {
    int c = 0;
    for (int i = 0; i < parents.length; i++) {
      c += codes[parents[i]][row] * strides[i];
    }
    return c;
  }

  private static void sampleContinuous(ContinuousParams q, double[][] values, int[][] codes,
      double[] mean, double[] sd, double[] out, int from, int to, NoiseDistribution.Sampler noise) {
    for (int i = from; i < to; i++) {
      out[i] = q.noiseSd * noise.sample();
    }
    boolean conditional = q.discreteParents.length > 0;
    if (!conditional && q.function == null) {
      // The hot path of large linear simulations: one pass per parent over a plain array.
      double[] w = q.weight[0];
      for (int j = 0; j < q.continuousParents.length; j++) {
        double[] x = values[q.continuousParents[j]];
        double wj = w[j];
        for (int i = from; i < to; i++) {
          out[i] += wj * x[i];
        }
      }
      return;
    }
    for (int i = from; i < to; i++) {
      int c = conditional ? config(q.discreteParents, q.strides, codes, i) : 0;
      double s = q.intercept[c];
      double[] w = q.weight[c];
      for (int j = 0; j < q.continuousParents.length; j++) {
        int u = q.continuousParents[j];
        double x = values[u][i];
        if (q.function == null) {
          s += w[j] * x;
        } else {
          double z = q.inner[j] * (x - mean[u]) / sd[u];
          s += w[j] * switch (q.function[j]) {
            case 0 -> StrictMath.tanh(z);
            case 1 -> StrictMath.sin(z);
            default -> z * z - 1;
          };
        }
      }
      out[i] += s;
    }
  }

  private static void sampleDiscrete(DiscreteParams q, double[][] values, int[][] codes,
      double[] mean, double[] sd, int[] out, int from, int to, UniformRandomProvider rng) {
    int levels = q.beta.length;
    double[] prob = new double[levels];
    boolean logit = q.continuousParents.length > 0;
    for (int i = from; i < to; i++) {
      double[] row = q.cpt[config(q.discreteParents, q.strides, codes, i)];
      double total = 0;
      if (logit) {
        // Softmax of log π + βᵀz, shifted by the largest logit so that exp cannot overflow.
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < levels; l++) {
          double eta = StrictMath.log(row[l]);
          for (int j = 0; j < q.continuousParents.length; j++) {
            int u = q.continuousParents[j];
            eta += q.beta[l][j] * (values[u][i] - mean[u]) / sd[u];
          }
          prob[l] = eta;
          max = Math.max(max, eta);
        }
        for (int l = 0; l < levels; l++) {
          prob[l] = StrictMath.exp(prob[l] - max);
          total += prob[l];
        }
      } else {
        System.arraycopy(row, 0, prob, 0, levels);
        for (double x : row) {
          total += x;
        }
      }
      double u = rng.nextDouble() * total;
      int pick = -1;
      for (int l = 0; l < levels; l++) {
        if (prob[l] > 0) {
          pick = l; // rounding can leave u past the last step: keep the last possible level
          if (u < prob[l]) {
            break;
          }
          u -= prob[l];
        }
      }
      out[i] = pick;
    }
  }
}
