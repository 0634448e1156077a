package dev.causal4j.effects.scm;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A structural causal model (Pearl 2009, <i>Causality</i>, §7.1): a DAG over observed variables
 * and, for each node, a mechanism that computes it from its parents and its own exogenous noise,
 * the noises mutually independent (the model is Markovian: no hidden common causes).
 *
 * <p>{@link #fit} estimates the mechanisms from data: a continuous node by least squares on its
 * parents (Gaussian or empirical noise) or a learned regression with its out-of-fold residuals
 * (additive noise), a discrete node by a smoothed conditional probability table or a learned
 * classifier. Discrete parents enter regressions as indicators of their levels.
 *
 * <p>Sampling is ancestral, seeded, and reproducible: the noise of node {@code j} comes from its
 * own random stream derived from (seed, {@code j}), so the same seed gives the same noise whatever
 * is intervened on, and comparisons between interventions use common random numbers. Given noise
 * ({@link #sampleNoise}, or abduction in the {@code counterfactual} package), {@link #solve}
 * computes every node under hard ({@code do(X = x)}), shift ({@code X := X + δ}), stochastic and
 * per-sample interventions on any set of nodes.
 */
public final class StructuralCausalModel {
  private final Graph dag;
  private final List<Variable> variables;
  private final Map<String, Integer> index;
  private final int[] order;
  private final int[][] parents;
  private final Mechanism[] mechanisms;
  private final int rows;
  private final List<String> ignoredColumns;

  private StructuralCausalModel(Graph dag, List<Variable> variables, int[][] parents,
      Mechanism[] mechanisms, int rows, List<String> ignoredColumns) {
    this.dag = dag;
    this.variables = List.copyOf(variables);
    this.index = new HashMap<>();
    for (int j = 0; j < variables.size(); j++) {
      index.put(variables.get(j).name(), j);
    }
    this.order = Graphs.topologicalOrder(dag);
    this.parents = parents;
    this.mechanisms = mechanisms;
    this.rows = rows;
    this.ignoredColumns = List.copyOf(ignoredColumns);
  }

  // ---------------------------------------------------------------- construction

  /** Fits the default model: linear-Gaussian continuous nodes, tables for discrete nodes. */
  public static StructuralCausalModel fit(Graph dag, Dataset data) {
    return builder(dag, data).fit();
  }

  /** A builder to choose how each node is fitted. */
  public static Builder builder(Graph dag, Dataset data) {
    return new Builder(dag, data);
  }

  /**
   * A model with given mechanisms (for simulation, teaching, or a model fitted elsewhere).
   *
   * @param variables one per graph node, in any order, names matching the graph
   * @param mechanisms one per node, keyed by name; its parents must be the node's parents in the
   *     graph, with the same types and levels as {@code variables}
   */
  public static StructuralCausalModel of(Graph dag, List<Variable> variables,
      Map<String, ? extends Mechanism> mechanisms) {
    Graph g = requireDag(dag);
    Map<String, Variable> byName = new HashMap<>();
    for (Variable v : variables) {
      byName.put(v.name(), v);
    }
    List<Variable> ordered = new ArrayList<>();
    for (String name : g.nodeNames()) {
      Variable v = byName.get(name);
      if (v == null) {
        throw new InvalidInputException("no variable is given for the graph's node '" + name
            + "'");
      }
      ordered.add(v);
    }
    if (byName.size() != g.size()) {
      Set<String> extra = new LinkedHashSet<>(byName.keySet());
      g.nodeNames().forEach(extra::remove);
      throw new InvalidInputException("variables " + extra + " are not nodes of the graph");
    }
    int p = g.size();
    int[][] par = new int[p][];
    Mechanism[] mech = new Mechanism[p];
    for (int j = 0; j < p; j++) {
      String name = g.name(j);
      Mechanism m = mechanisms.get(name);
      if (m == null) {
        throw new InvalidInputException("no mechanism is given for '" + name + "'");
      }
      Variable v = ordered.get(j);
      if (v.isCategorical() != (m instanceof CategoricalMechanism)) {
        throw new InvalidInputException("'" + name + "' is " + v.type() + " but its mechanism is "
            + (m instanceof CategoricalMechanism ? "categorical" : "additive (continuous)"));
      }
      if (m instanceof CategoricalMechanism c && !c.levels().equals(v.levels())) {
        throw new InvalidInputException("the mechanism of '" + name + "' has levels " + c.levels()
            + " but the variable has " + v.levels());
      }
      Set<String> graphParents = new HashSet<>(Graphs.names(g, g.parents(j)));
      if (!graphParents.equals(new HashSet<>(m.parents()))) {
        throw new InvalidInputException("the mechanism of '" + name + "' uses parents "
            + m.parents() + " but the graph gives it " + graphParents);
      }
      List<Variable> encParents = m.encoding().parents();
      par[j] = new int[encParents.size()];
      for (int k = 0; k < encParents.size(); k++) {
        int u = g.indexOf(encParents.get(k).name());
        if (!encParents.get(k).equals(ordered.get(u))) {
          throw new InvalidInputException("the mechanism of '" + name + "' takes parent "
              + encParents.get(k) + " but the model's variable is " + ordered.get(u));
        }
        par[j][k] = u;
      }
      mech[j] = m;
    }
    return new StructuralCausalModel(g, ordered, par, mech, 0, List.of());
  }

  /**
   * Checks that a graph can carry a structural causal model: a DAG (every edge {@code -->}, no
   * directed cycle) with no latent node. Returns it as is.
   *
   * @throws InvalidInputException naming what is wrong (the kind, an undirected or bidirected
   *     edge, the cycle, a latent node) and what to give instead
   */
  public static Graph requireDag(Graph g) {
    int[] latent = Graphs.latentNodes(g);
    if (latent.length > 0) {
      throw new InvalidInputException("the graph marks " + quoted(Graphs.names(g, latent))
          + " as latent (unobserved); a structural causal model is fitted from data, so every"
          + " node must be observed: remove the latent node(s), or give data for them");
    }
    List<Edge> undirected = new ArrayList<>();
    for (Edge e : g.edges()) {
      if (e.isDirected()) {
        continue;
      }
      if (g.isUndirected(e.from(), e.to())) {
        undirected.add(e);
        continue;
      }
      String what = g.kind() == GraphKind.PAG || g.kind() == GraphKind.MAG
          || g.kind() == GraphKind.ADMG ? "the graph is a " + g.kind() : "the graph";
      throw new InvalidInputException(what + " has the edge " + g.name(e.from()) + " "
          + e.symbol() + " " + g.name(e.to()) + ", which allows a hidden common cause; a"
          + " structural causal model needs a DAG over observed variables with every edge -->:"
          + " give a DAG (if hidden confounding is plausible, the effect may not be"
          + " identified: try 'causal4j identify')");
    }
    if (!undirected.isEmpty()) {
      String what = g.kind() == GraphKind.CPDAG ? "the graph is a CPDAG (it has undirected edges,"
          + " e.g. " + edgeText(g, undirected.get(0)) + ")" : "the graph has undirected edges"
          + " (e.g. " + edgeText(g, undirected.get(0)) + ")";
      String suggestion;
      try {
        suggestion = ConsistentExtension.of(g).map(d -> "; one DAG in its class orients "
            + orientations(g, d, undirected)).orElse("; no DAG extends it without adding a"
            + " v-structure");
      } catch (InvalidInputException e) {
        suggestion = "";
      }
      throw new InvalidInputException(what + "; a structural causal model needs one DAG: pick a"
          + " DAG in its class or give a DAG" + suggestion);
    }
    Graphs.findDirectedCycle(g).ifPresent(cycle -> {
      throw new InvalidInputException("the graph has the directed cycle "
          + Graphs.describeCycle(g, cycle) + "; a structural causal model needs a DAG: remove or"
          + " reverse an edge of the cycle");
    });
    return g.snapshot();
  }

  /**
   * Checks that every node of the graph is a column of the data, and returns the data's columns
   * that are not nodes (which a fit ignores).
   *
   * @throws InvalidInputException listing the nodes that are not columns, beside the columns that
   *     are not nodes (a typo shows up as one of each)
   */
  public static List<String> requireColumns(Graph g, Dataset data) {
    String where = data.source().map(s -> " of " + s).orElse("");
    List<String> missing = new ArrayList<>();
    for (String name : g.nodeNames()) {
      if (data.indexOf(name) < 0) {
        missing.add(name);
      }
    }
    List<String> ignored = new ArrayList<>();
    for (String name : data.names()) {
      if (g.indexOf(name) < 0) {
        ignored.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException("the graph's node" + (missing.size() == 1 ? " " : "s ")
          + quoted(missing) + (missing.size() == 1 ? " is not a column" : " are not columns")
          + where + (ignored.isEmpty() ? "" : " (the data's columns not in the graph: "
          + quoted(ignored.subList(0, Math.min(8, ignored.size())))
          + (ignored.size() > 8 ? ", …" : "") + ")")
          + "; names are case-sensitive: rename the nodes or the columns so they match");
    }
    return ignored;
  }

  private static String edgeText(Graph g, Edge e) {
    return g.name(e.from()) + " " + e.symbol() + " " + g.name(e.to());
  }

  private static String orientations(Graph g, Graph dag, List<Edge> undirected) {
    List<String> parts = new ArrayList<>();
    for (Edge e : undirected) {
      if (parts.size() == 6) {
        parts.add("…");
        break;
      }
      int a = e.from();
      int b = e.to();
      parts.add(dag.isDirected(a, b) ? g.name(a) + " --> " + g.name(b)
          : g.name(b) + " --> " + g.name(a));
    }
    return String.join(", ", parts);
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) {
      q.add("'" + n + "'");
    }
    return String.join(", ", q);
  }

  // ---------------------------------------------------------------- accessors

  /** The DAG. */
  public Graph graph() {
    return dag;
  }

  /** The nodes' variables, in the graph's node order. */
  public List<Variable> variables() {
    return variables;
  }

  /** Number of nodes. */
  public int size() {
    return variables.size();
  }

  /** The node names, in the graph's order. */
  public List<String> nodeNames() {
    return dag.nodeNames();
  }

  /**
   * The index of a node.
   *
   * @throws InvalidInputException naming the node and the ones that exist
   */
  public int index(String node) {
    Integer j = index.get(node);
    if (j == null) {
      throw new InvalidInputException("the model has no variable named '" + node + "'; its"
          + " variables are " + String.join(", ", nodeNames().subList(0, Math.min(12, size())))
          + (size() > 12 ? ", …" : "") + " (names are case-sensitive)");
    }
    return j;
  }

  public Variable variable(String node) {
    return variables.get(index(node));
  }

  public Mechanism mechanism(String node) {
    return mechanisms[index(node)];
  }

  public Mechanism mechanism(int node) {
    return mechanisms[node];
  }

  /** Node {@code j}'s parents, in its mechanism's parent order (a copy). */
  public int[] parents(int node) {
    return parents[node].clone();
  }

  /** The nodes in an order where parents come first (a copy). */
  public int[] topologicalOrder() {
    return order.clone();
  }

  /** Rows the model was fitted on; 0 for a model built from given mechanisms. */
  public int rows() {
    return rows;
  }

  /** Data columns that are not nodes of the graph, which the fit ignored. */
  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  /** One line per node: {@code name: mechanism}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < size(); j++) {
      sb.append(variables.get(j).name()).append(": ").append(mechanisms[j].describe())
          .append('\n');
    }
    return sb.toString();
  }

  /** The intervened nodes and their descendants. */
  public BitSet affectedBy(List<? extends Intervention> interventions) {
    int[] nodes = new int[interventions.size()];
    for (int k = 0; k < nodes.length; k++) {
      nodes[k] = index(interventions.get(k).node());
    }
    return Graphs.descendants(dag, nodes);
  }

  // ---------------------------------------------------------------- sampling

  /** {@code n} independent draws of the exogenous noise, node {@code j} from stream (seed, j). */
  public ExogenousNoise sampleNoise(int n, long seed) {
    if (n < 1) {
      throw new InvalidInputException("the number of samples must be at least 1, not " + n);
    }
    int p = size();
    double[][] values = new double[p][];
    for (int j = 0; j < p; j++) {
      UniformRandomProvider rng = stream(seed, j);
      double[] v = new double[n];
      if (mechanisms[j] instanceof AdditiveMechanism a) {
        a.noise().draw(rng, v);
      } else {
        for (int i = 0; i < n; i++) {
          v[i] = rng.nextDouble();
        }
      }
      values[j] = v;
    }
    return new ExogenousNoise(n, seed, values, new ExogenousNoise.Anchor[p]);
  }

  /** The random stream {@code s} of a seed; streams of one seed are independent in practice. */
  static UniformRandomProvider stream(long seed, long s) {
    // SplitMix64 finaliser over (seed, stream), then the provider's own SplitMix64 seeding.
    long z = seed + 0x9E3779B97F4A7C15L * (s + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return RandomSource.XO_RO_SHI_RO_128_PP.create(z ^ (z >>> 31));
  }

  /** {@code n} samples from the model as fitted (the observational distribution). */
  public Samples sample(int n, long seed) {
    return solve(sampleNoise(n, seed), List.of());
  }

  /** {@code n} samples under the interventions. */
  public Samples sample(List<? extends Intervention> interventions, int n, long seed) {
    return solve(sampleNoise(n, seed), interventions);
  }

  /** A Monte-Carlo summary of one node under the interventions. */
  public NodeSummary interventional(String node, List<? extends Intervention> interventions,
      int n, long seed) {
    int j = index(node);
    return sample(interventions, n, seed).summary(j);
  }

  /**
   * Every node with and without the interventions, from the same noise, with the change and its
   * Monte-Carlo standard error.
   */
  public InterventionComparison compare(List<? extends Intervention> interventions, int n,
      long seed) {
    ExogenousNoise noise = sampleNoise(n, seed);
    Samples obs = solve(noise, List.of());
    Samples intv = solve(noise, interventions);
    BitSet affected = affectedBy(interventions);
    List<NodeComparison> out = new ArrayList<>();
    for (int j = 0; j < size(); j++) {
      Variable v = variables.get(j);
      double[] a = obs.column(j);
      double[] b = intv.column(j);
      List<Double> change = new ArrayList<>();
      List<Double> se = new ArrayList<>();
      if (v.isCategorical()) {
        for (int k = 0; k < v.levelCount(); k++) {
          double[] d = new double[n];
          for (int i = 0; i < n; i++) {
            d[i] = ((int) b[i] == k ? 1 : 0) - ((int) a[i] == k ? 1 : 0);
          }
          addMeanAndError(d, change, se);
        }
      } else {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = b[i] - a[i];
        }
        addMeanAndError(d, change, se);
      }
      out.add(new NodeComparison(v.name(), obs.summary(j), intv.summary(j), change, se,
          affected.get(j)));
    }
    return new InterventionComparison(List.copyOf(interventions), n, seed, out);
  }

  private static void addMeanAndError(double[] d, List<Double> mean, List<Double> se) {
    int n = d.length;
    double m = 0;
    for (double x : d) {
      m += x;
    }
    m /= n;
    double ss = 0;
    for (double x : d) {
      ss += (x - m) * (x - m);
    }
    mean.add(m);
    se.add(n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0);
  }

  /**
   * Every node's value in every sample of {@code noise} under the interventions: ancestral
   * evaluation of the mechanisms, with intervened nodes' equations replaced. Stochastic
   * interventions on node {@code j} draw from stream (noise seed, size + j).
   *
   * @throws InvalidInputException for an unknown node, a node intervened on twice, or an
   *     intervention that does not fit the node's type (a shift of a categorical node, a level it
   *     does not have)
   */
  public Samples solve(ExogenousNoise noise, List<? extends Intervention> interventions) {
    int n = noise.samples();
    int p = size();
    Intervention[] on = resolve(interventions, n);
    double[][] cols = new double[p][];
    for (int j : order) {
      double[] col = new double[n];
      Intervention iv = on[j];
      if (iv instanceof Intervention.Set s) {
        java.util.Arrays.fill(col, s.value());
      } else if (iv instanceof Intervention.SetLevel s) {
        java.util.Arrays.fill(col, variables.get(j).levels().indexOf(s.level()));
      } else if (iv instanceof Intervention.SetPerSample s) {
        col = s.values();
      } else if (iv instanceof Intervention.Draw d) {
        ContinuousDistribution.Sampler sampler = d.distribution().createSampler(stream(noise.seed(), p + j));
        for (int i = 0; i < n; i++) {
          col[i] = sampler.sample();
        }
      } else if (iv instanceof Intervention.DrawLevels d) {
        List<String> levels = variables.get(j).levels();
        double[] probs = new double[levels.size()];
        d.probabilities().forEach((level, prob) -> probs[levels.indexOf(level)] = prob);
        UniformRandomProvider rng = stream(noise.seed(), p + j);
        for (int i = 0; i < n; i++) {
          col[i] = inverseCdf(probs, 0, probs.length, rng.nextDouble());
        }
      } else {
        natural(j, cols, noise, n, col);
        if (iv instanceof Intervention.Shift s) {
          for (int i = 0; i < n; i++) {
            col[i] += s.delta();
          }
        }
      }
      cols[j] = col;
    }
    return new Samples(variables, cols, n);
  }

  /** Node {@code j} computed by its own mechanism from its parents and noise. */
  private void natural(int j, double[][] cols, ExogenousNoise noise, int n, double[] out) {
    int[] ps = parents[j];
    double[][] pc = new double[ps.length][];
    for (int k = 0; k < ps.length; k++) {
      pc[k] = cols[ps[k]];
    }
    double[] u = noise.column(j);
    Mechanism m = mechanisms[j];
    if (m instanceof AdditiveMechanism a) {
      a.mean(pc, n, out);
      for (int i = 0; i < n; i++) {
        out[i] += u[i];
      }
    } else {
      CategoricalMechanism c = (CategoricalMechanism) m;
      int levels = c.levels().size();
      double[] probs = new double[n * levels];
      c.probabilities(pc, n, probs);
      for (int i = 0; i < n; i++) {
        out[i] = inverseCdf(probs, i * levels, levels, u[i]);
      }
    }
    ExogenousNoise.Anchor anchor = noise.anchorOrNull(j);
    if (anchor != null) {
      for (int i = 0; i < n; i++) {
        if (anchor.matches(pc, i)) {
          out[i] = anchor.value();
        }
      }
    }
  }

  /**
   * The level {@code k} with {@code F(k-1) ≤ u < F(k)}, {@code F} the cumulative distribution in
   * level order; rounding that leaves {@code u ≥ F(K-1)} gives the last level with positive
   * probability.
   */
  static int inverseCdf(double[] probs, int from, int levels, double u) {
    double cum = 0;
    int last = 0;
    for (int k = 0; k < levels; k++) {
      double pk = probs[from + k];
      if (pk > 0) {
        last = k;
      }
      cum += pk;
      if (u < cum) {
        return k;
      }
    }
    return last;
  }

  private Intervention[] resolve(List<? extends Intervention> interventions, int n) {
    Intervention[] on = new Intervention[size()];
    for (Intervention iv : interventions) {
      int j = index(iv.node());
      Variable v = variables.get(j);
      if (on[j] != null) {
        throw new InvalidInputException("'" + v.name() + "' is intervened on twice ("
            + on[j].describe() + " and " + iv.describe() + "); give one intervention per"
            + " variable");
      }
      check(iv, v, n);
      on[j] = iv;
    }
    return on;
  }

  private static void check(Intervention iv, Variable v, int n) {
    String name = v.name();
    if (iv instanceof Intervention.Set s && v.isCategorical()) {
      double c = s.value();
      if (c != Math.rint(c) || c < 0 || c >= v.levelCount()) {
        throw new InvalidInputException(iv.describe() + ": '" + name + "' is categorical and "
            + s.value() + " is not one of its level codes 0.." + (v.levelCount() - 1)
            + "; name a level: " + String.join(", ", v.levels()));
      }
    } else if (iv instanceof Intervention.SetLevel s) {
      if (!v.isCategorical()) {
        throw new InvalidInputException(iv.describe() + ": '" + name + "' is continuous; give a"
            + " number");
      }
      if (!v.levels().contains(s.level())) {
        throw new InvalidInputException(iv.describe() + ": '" + s.level() + "' is not a level of"
            + " '" + name + "'; its levels are " + String.join(", ", v.levels()));
      }
    } else if (iv instanceof Intervention.Shift) {
      if (v.isCategorical()) {
        throw new InvalidInputException(iv.describe() + ": '" + name + "' is categorical, and a"
            + " shift needs a continuous variable; set a level with do(" + name + " = level)");
      }
    } else if (iv instanceof Intervention.Draw) {
      if (v.isCategorical()) {
        throw new InvalidInputException(iv.describe() + ": '" + name + "' is categorical; draw"
            + " it from level probabilities instead");
      }
    } else if (iv instanceof Intervention.DrawLevels d) {
      if (!v.isCategorical()) {
        throw new InvalidInputException(iv.describe() + ": '" + name + "' is continuous; draw"
            + " it from a continuous distribution instead");
      }
      double sum = 0;
      for (Map.Entry<String, Double> e : d.probabilities().entrySet()) {
        if (!v.levels().contains(e.getKey())) {
          throw new InvalidInputException(iv.describe() + ": '" + e.getKey() + "' is not a level"
              + " of '" + name + "'; its levels are " + String.join(", ", v.levels()));
        }
        if (!(e.getValue() >= 0)) {
          throw new InvalidInputException(iv.describe() + ": probabilities must be >= 0");
        }
        sum += e.getValue();
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new InvalidInputException(iv.describe() + ": the probabilities sum to " + sum
            + ", not 1");
      }
    } else if (iv instanceof Intervention.SetPerSample s) {
      double[] values = s.values();
      if (values.length != n) {
        throw new InvalidInputException(iv.describe() + ": " + values.length + " values for "
            + n + " samples");
      }
      for (double x : values) {
        boolean ok = v.isCategorical() ? x == Math.rint(x) && x >= 0 && x < v.levelCount()
            : Double.isFinite(x);
        if (!ok) {
          throw new InvalidInputException(iv.describe() + ": " + x + " is not a valid value of '"
              + name + "'");
        }
      }
    }
  }

  // ---------------------------------------------------------------- fitting

  /**
   * Options for {@link StructuralCausalModel#fit}: how continuous and discrete nodes are fitted
   * (by default linear-Gaussian and tables with one pseudo-count), overrides per node, the folds
   * for out-of-fold residuals of learned regressions (default 5) and the seed for learners and
   * fold assignment (default 0).
   */
  public static final class Builder {
    private final Graph dag;
    private final Dataset data;
    private ContinuousFit continuous = ContinuousFit.linear();
    private DiscreteFit discrete = DiscreteFit.table();
    private final Map<String, ContinuousFit> continuousByNode = new HashMap<>();
    private final Map<String, DiscreteFit> discreteByNode = new HashMap<>();
    private int folds = 5;
    private long seed;

    private Builder(Graph dag, Dataset data) {
      this.dag = Objects.requireNonNull(dag);
      this.data = Objects.requireNonNull(data);
    }

    /** How continuous nodes are fitted. */
    public Builder continuous(ContinuousFit fit) {
      this.continuous = Objects.requireNonNull(fit);
      return this;
    }

    /** How discrete nodes are fitted. */
    public Builder discrete(DiscreteFit fit) {
      this.discrete = Objects.requireNonNull(fit);
      return this;
    }

    /** How one continuous node is fitted, overriding {@link #continuous}. */
    public Builder node(String name, ContinuousFit fit) {
      continuousByNode.put(name, Objects.requireNonNull(fit));
      return this;
    }

    /** How one discrete node is fitted, overriding {@link #discrete}. */
    public Builder node(String name, DiscreteFit fit) {
      discreteByNode.put(name, Objects.requireNonNull(fit));
      return this;
    }

    /** Folds for the out-of-fold residuals of learned regressions (at least 2). */
    public Builder folds(int folds) {
      if (folds < 2) {
        throw new InvalidInputException("cross-fitting needs at least 2 folds, not " + folds);
      }
      this.folds = folds;
      return this;
    }

    /** Seed for learners and fold assignment. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Fits every node's mechanism.
     *
     * @throws InvalidInputException if the graph is not a DAG of observed nodes, its names do not
     *     match the data's, a used column has missing values, or a mechanism cannot be fitted
     *     (too few rows, a constant or collinear parent, a discrete node with continuous parents
     *     and no classifier)
     */
    public StructuralCausalModel fit() {
      Graph g = requireDag(dag);
      String where = data.source().map(s -> " of " + s).orElse("");
      List<String> ignored = requireColumns(g, data);
      int p = g.size();
      int[] col = new int[p];
      List<Variable> vars = new ArrayList<>();
      for (int j = 0; j < p; j++) {
        col[j] = data.indexOf(g.name(j));
        if (data.missingCount(col[j]) > 0) {
          throw new InvalidInputException("column '" + g.name(j) + "'" + where + " has "
              + data.missingCount(col[j]) + " missing value(s) (first at data row "
              + (data.missingMask(col[j]).nextSetBit(0) + 1) + "); fitting a structural causal"
              + " model needs complete rows: drop them first (--missing listwise)");
        }
        vars.add(data.variable(col[j]));
      }
      for (String name : continuousByNode.keySet()) {
        requireNodeOfType(g, vars, name, false);
      }
      for (String name : discreteByNode.keySet()) {
        requireNodeOfType(g, vars, name, true);
      }
      int n = data.rows();
      int[][] par = new int[p][];
      Mechanism[] mech = new Mechanism[p];
      for (int j = 0; j < p; j++) {
        par[j] = g.parents(j);
        List<Variable> pv = new ArrayList<>();
        double[][] pc = new double[par[j].length][];
        for (int k = 0; k < par[j].length; k++) {
          pv.add(vars.get(par[j][k]));
          pc[k] = data.numeric(col[par[j][k]]);
        }
        ParentEncoding enc = new ParentEncoding(pv);
        Variable v = vars.get(j);
        String what = "the mechanism of '" + v.name() + "'";
        if (v.isCategorical()) {
          DiscreteFit fit = discreteByNode.getOrDefault(v.name(), discrete);
          if (fit instanceof DiscreteFit.TableOrLearned tl) {
            boolean allDiscrete = pv.stream().allMatch(Variable::isCategorical);
            fit = allDiscrete ? DiscreteFit.table(tl.pseudoCount())
                : DiscreteFit.learned(tl.learner());
          }
          int[] codes = data.codes(col[j]);
          if (fit instanceof DiscreteFit.Table t) {
            for (Variable parent : pv) {
              if (!parent.isCategorical()) {
                throw new InvalidInputException("'" + v.name() + "' is discrete and its parent '"
                    + parent.name() + "' is continuous: a conditional table needs discrete"
                    + " parents; give '" + v.name() + "' a classifier (--mechanism with a"
                    + " classifier, or DiscreteFit.learned), or discretise '" + parent.name()
                    + "'");
              }
            }
            int[][] parentCodes = new int[par[j].length][];
            for (int k = 0; k < par[j].length; k++) {
              parentCodes[k] = data.codes(col[par[j][k]]);
            }
            mech[j] = ConditionalTable.fit(pv, v, parentCodes, codes, t.pseudoCount());
          } else {
            ClassificationLearner learner = ((DiscreteFit.Learned) fit).learner();
            ClassProbabilities f = learner.fit(enc.encode(pc, n), codes.clone(), v.levelCount(),
                seed + j);
            mech[j] = new ClassifierMechanism(enc, v.levels(), f, learner.name());
          }
        } else {
          ContinuousFit fit = continuousByNode.getOrDefault(v.name(), continuous);
          double[] y = data.doubles(col[j]);
          double[][] x = enc.encode(pc, n);
          if (fit instanceof ContinuousFit.Linear lin) {
            LeastSquares.Fit ols = LeastSquares.fit(x, y, what, enc.featureNames());
            NoiseDistribution noise = lin.noise() == NoiseModel.GAUSSIAN
                ? new NoiseDistribution.Gaussian(Math.sqrt(ols.residualVariance()))
                : new NoiseDistribution.Empirical(ols.residuals());
            mech[j] = new LinearMechanism(enc, ols.intercept(), ols.coefficients(), noise);
          } else {
            RegressionLearner learner = ((ContinuousFit.Learned) fit).learner();
            mech[j] = learned(learner, enc, x, y, seed + j, what);
          }
        }
      }
      return new StructuralCausalModel(g, vars, par, mech, n, ignored);
    }

    private static void requireNodeOfType(Graph g, List<Variable> vars, String name,
        boolean categorical) {
      int j = g.indexOf(name);
      if (j < 0) {
        throw new InvalidInputException("a mechanism is chosen for '" + name + "', which is not a"
            + " node of the graph");
      }
      if (vars.get(j).isCategorical() != categorical) {
        throw new InvalidInputException("a " + (categorical ? "discrete" : "continuous")
            + " mechanism is chosen for '" + name + "', which is " + vars.get(j).type()
            .name().toLowerCase(java.util.Locale.ROOT) + " in the data");
      }
    }

    /** A learned regression with the empirical distribution of its out-of-fold residuals. */
    private RegressionMechanism learned(RegressionLearner learner, ParentEncoding enc,
        double[][] x, double[] y, long s, String what) {
      int n = y.length;
      int k = Math.min(folds, n);
      if (n < 2 * k) {
        throw new InvalidInputException(what + ": " + n + " rows are too few to cross-fit "
            + learner.name() + " over " + k + " folds");
      }
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      UniformRandomProvider rng = stream(s, -1);
      for (int i = n - 1; i > 0; i--) {
        int r = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[r];
        perm[r] = t;
      }
      int[] fold = new int[n];
      for (int i = 0; i < n; i++) {
        fold[perm[i]] = i % k;
      }
      double[] residuals = new double[n];
      for (int f = 0; f < k; f++) {
        int test = 0;
        for (int i = 0; i < n; i++) {
          if (fold[i] == f) {
            test++;
          }
        }
        double[][] xTrain = new double[n - test][];
        double[] yTrain = new double[n - test];
        double[][] xTest = new double[test][];
        int[] testRows = new int[test];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
          if (fold[i] == f) {
            xTest[b] = x[i];
            testRows[b++] = i;
          } else {
            xTrain[a] = x[i];
            yTrain[a++] = y[i];
          }
        }
        ConditionalMean m = learner.fit(xTrain, yTrain, s * 31 + f);
        double[] pred = new double[test];
        m.predict(xTest, pred);
        for (int t = 0; t < test; t++) {
          residuals[testRows[t]] = y[testRows[t]] - pred[t];
        }
      }
      ConditionalMean full = learner.fit(x, y.clone(), s);
      return new RegressionMechanism(enc, full, new NoiseDistribution.Empirical(residuals),
          learner.name());
    }
  }
}
