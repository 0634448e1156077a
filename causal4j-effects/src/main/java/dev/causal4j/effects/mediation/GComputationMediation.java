package dev.causal4j.effects.mediation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.scm.ContinuousFit;
import dev.causal4j.effects.scm.DiscreteFit;
import dev.causal4j.effects.scm.ExogenousNoise;
import dev.causal4j.effects.scm.Intervention;
import dev.causal4j.effects.scm.Samples;
import dev.causal4j.effects.scm.StructuralCausalModel;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Natural effects by g-computation on a structural causal model: Pearl's (2001) mediation
 * formula, {@code E[Y(t1, M(t0))] = Σ_c Σ_m E[Y | t1, m, c] P(m | t0, c) P(c)}, evaluated by
 * simulation with whatever mechanisms the model has (linear, tables, learned regressors), so
 * interactions and nonlinearity are handled.
 *
 * <p>How: the model is fitted on the ancestors of treatment, mediators and outcome, with the
 * treatment's non-descendants ({@code c}) held at their observed values in each row (their
 * mechanisms are never used), which gives {@code P(c)} its empirical distribution. Each row is
 * replicated until there are at least {@code samples} draws; the descendants' noise is drawn once
 * and shared by four worlds: {@code do(T = t0)} and {@code do(T = t1)} (giving {@code M(t0)},
 * {@code M(t1)}, {@code Y(t0)}, {@code Y(t1)}), then {@code do(T = t1, M = M(t0))} and {@code do(T
 * = t0, M = M(t1))} per draw, the nested counterfactuals. Sharing the noise across worlds (common
 * random numbers) makes the differences nearly free of Monte-Carlo error.
 *
 * <p>Intervals: nonparametric bootstrap over rows (refitting the model each time), percentile
 * 95% intervals and the bootstrap standard deviation as standard error. A replicate whose refit
 * fails (say, a rare level absent from it) is skipped and counted in the notes; more than a tenth
 * failing is an error.
 */
public final class GComputationMediation {
  private GComputationMediation() {}

  /**
   * Options.
   *
   * @param continuous how continuous nodes are fitted
   * @param discrete how discrete nodes are fitted
   * @param bootstrap bootstrap replicates (0 for none: no standard errors)
   * @param samples Monte-Carlo draws per evaluation (rows are replicated up to at least this)
   * @param seed fixes the noise, the bootstrap and the learners
   */
  public record Options(ContinuousFit continuous, DiscreteFit discrete, int bootstrap,
      int samples, long seed) {
    public Options {
      Objects.requireNonNull(continuous);
      Objects.requireNonNull(discrete);
      if (bootstrap < 0 || bootstrap == 1) {
        throw new InvalidInputException("bootstrap replicates must be 0 or at least 2, not "
            + bootstrap);
      }
      if (samples < 1) {
        throw new InvalidInputException("samples must be at least 1, not " + samples);
      }
    }

    /** Linear-Gaussian and tables, 200 bootstrap replicates, 10,000 draws, seed 0. */
    public static Options defaults() {
      return new Options(ContinuousFit.linear(), DiscreteFit.table(), 200, 10_000, 0);
    }
  }

  /**
   * Estimates the natural effects.
   *
   * @throws InvalidInputException if the graph is not a DAG of the data's variables, a mediator
   *     is not between treatment and outcome, an identification assumption fails in the graph
   *     (with the reason), the outcome is categorical with more than two levels, or a mechanism
   *     cannot be fitted
   */
  public static MediationResult estimate(Dataset data, Graph dag, MediationQuery q,
      Options options) {
    Graph g = StructuralCausalModel.requireDag(dag);
    MediationData.requireNodesInData(g, data);
    if (!q.covariates().isEmpty()) {
      throw new InvalidInputException("g-computation takes its adjustment from the graph (every"
          + " non-descendant of the treatment among the ancestors of the outcome and"
          + " mediators); give no covariates");
    }
    int t = g.requireIndex(q.treatment());
    int[] targets = new int[q.mediators().size() + 2];
    targets[0] = t;
    targets[1] = g.requireIndex(q.outcome());
    for (int k = 0; k < q.mediators().size(); k++) {
      targets[2 + k] = g.requireIndex(q.mediators().get(k));
    }
    BitSet ancestral = Graphs.ancestors(g, targets);
    BitSet held = (BitSet) ancestral.clone();
    held.andNot(Graphs.descendants(g, t));
    BitSet covariateSet = (BitSet) held.clone();
    covariateSet.clear(t);
    List<String> covariates = Graphs.names(g, covariateSet.stream().toArray());
    MediationData.requireComplete(data, q, covariates);
    List<AssumptionCheck> checks = MediationAssumptions.check(Optional.of(g), q, covariates);
    Variable tv = data.variable(data.require(q.treatment()));
    Variable yv = data.variable(data.require(q.outcome()));
    if (yv.isCategorical() && yv.levelCount() != 2) {
      throw new InvalidInputException("the outcome '" + yv.name() + "' has " + yv.levelCount()
          + " levels; natural effects are defined here on a continuous outcome's mean or a"
          + " binary outcome's probability: recode it");
    }
    double[] contrast = MediationData.contrast(tv, q);

    // The ancestral graph with edges into held nodes removed: held nodes are never simulated.
    List<String> names = Graphs.names(g, ancestral.stream().toArray());
    MutableGraph sub = new MutableGraph(names, GraphKind.DAG);
    for (int v = ancestral.nextSetBit(0); v >= 0; v = ancestral.nextSetBit(v + 1)) {
      if (held.get(v)) {
        continue;
      }
      for (int p : g.parents(v)) {
        sub.addDirectedEdge(sub.indexOf(g.name(p)), sub.indexOf(g.name(v)));
      }
    }
    Graph model = sub.snapshot();
    Dataset d = data.selectColumns(names);
    List<String> heldNames = Graphs.names(g, covariateSet.stream().toArray());
    Evaluation e = new Evaluation(model, q, heldNames, contrast, options);

    double[] point = e.effects(d, options.seed());
    int b = options.bootstrap();
    double[][] reps = new double[5][];
    int failed = 0;
    String firstFailure = null;
    if (b > 0) {
      List<double[]> ok = new ArrayList<>();
      for (int r = 0; r < b; r++) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
            options.seed() * 0x9E3779B97F4A7C15L + r + 1);
        int[] rows = new int[d.rows()];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = rng.nextInt(rows.length);
        }
        try {
          ok.add(e.effects(d.selectRows(rows), options.seed() + 7919L * (r + 1)));
        } catch (InvalidInputException ex) {
          failed++;
          if (firstFailure == null) {
            firstFailure = ex.getMessage();
          }
        }
      }
      if (failed * 10 > b) {
        throw new InvalidInputException(failed + " of " + b + " bootstrap replicates could not"
            + " be fitted (the first: " + firstFailure + "); simplify the model or give more"
            + " rows");
      }
      for (int k = 0; k < 5; k++) {
        reps[k] = new double[ok.size()];
        for (int r = 0; r < ok.size(); r++) {
          reps[k][r] = ok.get(r)[k];
        }
      }
    }
    MediationEffect[] eff = new MediationEffect[5];
    for (int k = 0; k < 5; k++) {
      eff[k] = b == 0 ? new MediationEffect(point[k], Double.NaN, Double.NaN, Double.NaN)
          : bootstrapEffect(point[k], reps[k]);
    }
    List<String> notes = new ArrayList<>();
    notes.add("Contrast " + MediationData.describe(tv, contrast) + "; effects on "
        + (yv.isCategorical() ? "P(" + yv.name() + " = " + yv.levels().get(1) + ")"
        : "the mean of " + yv.name()) + ".");
    notes.add("Mechanisms: " + mechanisms(options) + "; " + e.replicates(d.rows()) + " draw(s) per"
        + " row.");
    if (failed > 0) {
      notes.add(failed + " of " + b + " bootstrap replicates could not be refitted and were"
          + " skipped (the first: " + firstFailure + ").");
    }
    String interval = b == 0 ? "none (no bootstrap)"
        : String.format(Locale.ROOT, "nonparametric bootstrap over rows (%d replicates, model"
            + " refitted each time): percentile 95%% intervals, bootstrap standard deviation as"
            + " standard error", b - failed);
    return new MediationResult(q, MediationMethod.G_COMPUTATION, d.rows(), eff[0], eff[1],
        eff[2], eff[3], eff[4], point[0] == 0 ? Double.NaN : point[2] / point[0], covariates,
        interval, checks, notes);
  }

  private static String mechanisms(Options o) {
    String c = o.continuous() instanceof ContinuousFit.Linear l
        ? "linear (" + l.noise().name().toLowerCase(Locale.ROOT) + " noise)"
        : ((ContinuousFit.Learned) o.continuous()).learner().name();
    String dsc;
    if (o.discrete() instanceof DiscreteFit.Table tb) {
      dsc = "conditional tables (pseudo-count " + tb.pseudoCount() + ")";
    } else if (o.discrete() instanceof DiscreteFit.TableOrLearned tl) {
      dsc = "conditional tables (pseudo-count " + tl.pseudoCount() + ") where every parent is"
          + " discrete, else " + tl.learner().name();
    } else {
      dsc = ((DiscreteFit.Learned) o.discrete()).learner().name();
    }
    return "continuous nodes " + c + ", discrete nodes " + dsc;
  }

  private static MediationEffect bootstrapEffect(double estimate, double[] reps) {
    int n = reps.length;
    double mean = 0;
    for (double r : reps) {
      mean += r;
    }
    mean /= n;
    double ss = 0;
    for (double r : reps) {
      ss += (r - mean) * (r - mean);
    }
    double[] sorted = reps.clone();
    Arrays.sort(sorted);
    return new MediationEffect(estimate, Math.sqrt(ss / (n - 1)), quantile(sorted, 0.025),
        quantile(sorted, 0.975));
  }

  private static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Fits the model to a dataset and evaluates the five effects. */
  private record Evaluation(Graph model, MediationQuery q, List<String> held, double[] contrast,
      Options options) {

    int replicates(int rows) {
      return Math.max(1, (options.samples() + rows - 1) / rows);
    }

    /** {TE, pure NDE, total NIE, total NDE, pure NIE}. */
    double[] effects(Dataset d, long seed) {
      StructuralCausalModel scm = StructuralCausalModel.builder(model, d)
          .continuous(options.continuous()).discrete(options.discrete()).seed(seed).fit();
      int rows = d.rows();
      int r = replicates(rows);
      int n = rows * r;
      List<Intervention> base = new ArrayList<>();
      for (String name : held) {
        double[] observed = d.numeric(d.require(name));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = observed[i / r];
        }
        base.add(new Intervention.SetPerSample(name, v));
      }
      ExogenousNoise noise = scm.sampleNoise(n, seed);
      Samples w0 = scm.solve(noise, with(base, new Intervention.Set(q.treatment(), contrast[0])));
      Samples w1 = scm.solve(noise, with(base, new Intervention.Set(q.treatment(), contrast[1])));
      Samples w10 = scm.solve(noise, nested(base, contrast[1], w0));
      Samples w01 = scm.solve(noise, nested(base, contrast[0], w1));
      boolean binary = scm.variable(q.outcome()).isCategorical();
      double y0 = mean(w0, binary);
      double y1 = mean(w1, binary);
      double y10 = mean(w10, binary);
      double y01 = mean(w01, binary);
      return new double[] {y1 - y0, y10 - y0, y1 - y10, y1 - y01, y01 - y0};
    }

    private List<Intervention> nested(List<Intervention> base, double t, Samples mediatorWorld) {
      List<Intervention> out = with(base, new Intervention.Set(q.treatment(), t));
      for (String m : q.mediators()) {
        out.add(new Intervention.SetPerSample(m, mediatorWorld.values(m)));
      }
      return out;
    }

    private static List<Intervention> with(List<Intervention> base, Intervention extra) {
      List<Intervention> out = new ArrayList<>(base);
      out.add(extra);
      return out;
    }

    private double mean(Samples s, boolean binary) {
      double[] y = s.values(q.outcome());
      double sum = 0;
      for (double v : y) {
        sum += binary ? (v == 1 ? 1 : 0) : v;
      }
      return sum / y.length;
    }
  }
}
