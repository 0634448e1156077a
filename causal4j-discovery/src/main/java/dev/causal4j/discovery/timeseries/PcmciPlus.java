package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.MeekRules;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * PCMCI+ (Runge 2020, "Discovering contemporaneous and lagged causal relations in autocorrelated
 * nonlinear time series datasets", UAI): lagged links and contemporaneous ones, the latter up to
 * Markov equivalence, under causal sufficiency, faithfulness and stationarity. Four phases:
 *
 * <ol>
 *   <li><b>Lagged condition selection</b>: PC1 on lagged candidates only, at {@code α} ({@link
 *       ParentSelection}), giving {@code B⁻(X_j)}, a superset of the lagged parents.
 *   <li><b>Skeleton with MCI tests</b>: starting from the links of {@code B⁻} and every
 *       contemporaneous pair, test {@code X_i(t−τ) ⫫ X_j(t) | S, B⁻(X_j), B⁻(X_i) shifted by τ}
 *       for subsets {@code S} of {@code X_j}'s contemporaneous adjacencies of growing size, as in
 *       PC-stable (adjacencies frozen within a size, sorted by their weakest test so far); links
 *       found independent are removed with their separating set.
 *   <li><b>Collider orientation</b> for unshielded triples {@code X_i(t−τ) *-- X_k(t) --- X_j(t)}:
 *       the majority rule (default; collider if {@code X_k} is in under half of the separating
 *       sets among all subsets of the adjacencies, ambiguous at exactly half or with none), the
 *       conservative rule, or PC's rule from the stored separating set; an edge that two
 *       colliders orient both ways is marked a conflict, written {@code <->} (Tigramite's
 *       {@code x-x}).
 *   <li><b>Rule orientation</b>: Meek's rules ({@link MeekRules}) on the lagged-node window, where
 *       lagged links are fixed by time order, skipping ambiguous triples.
 * </ol>
 *
 * <p>With majority or conservative colliders and conflicts marked, the result does not depend on
 * the variables' order (Runge 2020, Thm. 3); every phase runs in parallel with results written
 * per slot, so it does not depend on the thread count either. The test is any {@link
 * IndependenceTest} over a {@link LaggedDesign} of depth {@code ≥ 2·τmax}.
 *
 * <p><b>Departures.</b> Meek's four rules are applied where the paper lists R1–R3: R4 can fire
 * only with background knowledge and keeps the orientation complete when knowledge is given.
 * Candidates are ranked by absolute test statistic, as in {@link Pcmci}. A collider orientation
 * that the knowledge forbids is not made (and reported), as in {@code Pc}.
 */
public final class PcmciPlus {
  /** The algorithm's name as the command line spells it. */
  public static final String NAME = "pcmci-plus";

  /** How unshielded triples are judged in the collider phase. */
  public enum ColliderRule {
    /** Collider iff the middle node is in fewer than half the separating subsets (default). */
    MAJORITY,
    /** Collider iff in none, non-collider iff in all, otherwise ambiguous. */
    CONSERVATIVE,
    /** Collider iff not in the separating set the skeleton phase stored (PC's rule). */
    SEPSETS
  }

  private final IndependenceTest test;
  private final List<String> variables;
  private final int maxLag;
  private final double alpha;
  private final ColliderRule colliderRule;
  private final int maxConditions;
  private final int maxConditionsX;
  private final int maxConditionsY;
  private final boolean resetLaggedLinks;
  private final TimeSeriesKnowledge knowledge;
  private final int threads;

  private PcmciPlus(Builder b) {
    this.test = b.test;
    this.variables = b.variables;
    this.maxLag = b.maxLag;
    this.alpha = b.alpha;
    this.colliderRule = b.colliderRule;
    this.maxConditions = b.maxConditions;
    this.maxConditionsX = b.maxConditionsX;
    this.maxConditionsY = b.maxConditionsY;
    this.resetLaggedLinks = b.resetLaggedLinks;
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

  /** The design depth PCMCI+ needs for a largest lag: {@code 2·maxLag}. */
  public static int designDepth(int maxLag) {
    return 2 * maxLag;
  }

  /** Runs the search. */
  public TimeSeriesResult search() {
    return new Run().run();
  }

  /** One run's state: links by (lag, from, to), their test records, separating sets. */
  private final class Run {
    final Window w = Window.of(test, variables, designDepth(maxLag), NAME);
    final int p = w.p;
    final TimeSeriesKnowledge.Bound bound = knowledge.bind(variables, maxLag);
    final boolean[] link = new boolean[(maxLag + 1) * p * p];
    final double[] valMin = new double[link.length];
    final double[] pMax = new double[link.length];
    final double[] statAtPMax = new double[link.length];
    final Map<Integer, int[]> sepsets = new HashMap<>();
    final List<String> warnings = new ArrayList<>();
    int[][] lagged;

    int slot(int lag, int from, int to) {
      return (lag * p + from) * p + to;
    }

    TimeSeriesResult run() {
      long start = System.nanoTime();
      Arrays.fill(valMin, Double.POSITIVE_INFINITY);
      Arrays.fill(pMax, Double.NaN);
      Arrays.fill(statAtPMax, Double.NaN);
      ParentSelection.Parents[] selected = ParentSelection.selectAll(w, maxLag, alpha,
          maxConditions, 1, bound, threads);
      lagged = new int[p][];
      for (int j = 0; j < p; j++) {
        lagged[j] = selected[j].nodes();
        if (!resetLaggedLinks) {
          for (int node : lagged[j]) {
            link[slot(node / p, node % p, j)] = true;
          }
        } else {
          for (int i = 0; i < p; i++) {
            for (int lag = 1; lag <= maxLag; lag++) {
              link[slot(lag, i, j)] = !bound.isForbidden(i, j, lag);
            }
          }
        }
        for (int i = 0; i < p; i++) {
          if (i != j && !bound.isLinkForbidden(i, j, 0)) {
            link[slot(0, i, j)] = true;
          }
        }
      }
      int depthReached = skeleton();
      byte[] state = colliders();
      MutableGraph window = orient(state);
      LaggedGraph g = LaggedGraph.fromWindow(window, variables, maxLag);
      LinkStatistics ls = new LinkStatistics(p, maxLag, "MCI test statistic at the largest"
          + " p-value");
      for (LaggedGraph.Link l : g.links()) {
        int k = slot(l.lag(), l.from(), l.to());
        if (l.lag() == 0) {
          int r = slot(0, l.to(), l.from());
          boolean other = !(pMax[k] >= pMax[r]) && !Double.isNaN(pMax[r]);
          ls.set(l.from(), l.to(), 0, other ? pMax[r] : pMax[k],
              other ? statAtPMax[r] : statAtPMax[k]);
        } else {
          ls.set(l.from(), l.to(), l.lag(), pMax[k], statAtPMax[k]);
        }
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      Map<String, String> params = new LinkedHashMap<>();
      params.put("max_lag", Integer.toString(maxLag));
      params.put("alpha", Double.toString(alpha));
      params.put("collider_rule", colliderRule.name().toLowerCase(Locale.ROOT));
      params.put("max_conditions", maxConditions < 0 ? "unlimited"
          : Integer.toString(maxConditions));
      params.put("max_conditions_x", maxConditionsX < 0 ? "unlimited"
          : Integer.toString(maxConditionsX));
      params.put("max_conditions_y", maxConditionsY < 0 ? "unlimited"
          : Integer.toString(maxConditionsY));
      params.put("reset_lagged_links", Boolean.toString(resetLaggedLinks));
      params.put("threads", Integer.toString(threads));
      params.put("depth_reached", Integer.toString(depthReached));
      SearchStats stats = new SearchStats(NAME, w.testsMade(), 0, elapsed, params);
      return new TimeSeriesResult(AnnotatedLaggedGraph.of(g), stats, warnings, ls);
    }

    /** Contemporaneous neighbours of {@code j}, strongest first (ties by index). */
    int[] contemporaneous(int j) {
      List<Integer> adj = new ArrayList<>();
      for (int k = 0; k < p; k++) {
        if (k != j && link[slot(0, k, j)]) {
          adj.add(k);
        }
      }
      adj.sort((a, b) -> {
        int c = Double.compare(valMin[slot(0, b, j)], valMin[slot(0, a, j)]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      return adj.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] without(int[] a, int drop) {
      int[] out = new int[a.length];
      int m = 0;
      for (int v : a) {
        if (v != drop) {
          out[m++] = v;
        }
      }
      return Arrays.copyOf(out, m);
    }

    /** Phase 2; returns the largest conditioning size tried. */
    int skeleton() {
      int reached = -1;
      for (int d = 0; maxConditions < 0 || d <= maxConditions; d++) {
        int[][] adj = new int[p][];
        for (int j = 0; j < p; j++) {
          adj[j] = contemporaneous(j);
        }
        List<int[]> pairs = new ArrayList<>(); // {i, j, lag}
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            for (int lag = 0; lag <= maxLag; lag++) {
              if (link[slot(lag, i, j)]) {
                int available = lag == 0 ? without(adj[j], i).length : adj[j].length;
                if (available >= d) {
                  pairs.add(new int[] {i, j, lag});
                }
              }
            }
          }
        }
        if (pairs.isEmpty()) {
          break;
        }
        reached = d;
        int n = pairs.size();
        double[] vMin = new double[n];
        double[] pM = new double[n];
        double[] sM = new double[n];
        int[][] sep = new int[n][];
        int size = d;
        Parallel.forEach(threads, n, t -> {
          int i = pairs.get(t)[0];
          int j = pairs.get(t)[1];
          int lag = pairs.get(t)[2];
          int[] cand = lag == 0 ? without(adj[j], i) : adj[j];
          vMin[t] = Double.POSITIVE_INFINITY;
          pM[t] = Double.NaN;
          sM[t] = Double.NaN;
          Subsets subsets = new Subsets(cand.length, size);
          int[] s = new int[size];
          while (subsets.next()) {
            int[] idx = subsets.indices();
            for (int q = 0; q < size; q++) {
              s[q] = w.node(cand[idx[q]], 0);
            }
            int[] z = MciConditions.of(w, i, lag, j, s, lagged, maxConditionsY, maxConditionsX);
            TestResult r = w.test(w.node(i, lag), w.node(j, 0), z);
            vMin[t] = Math.min(vMin[t], Window.strength(r));
            if (!(r.pValue() <= pM[t])) {
              pM[t] = r.pValue();
              sM[t] = r.statistic();
            }
            if (r.pValue() > alpha) {
              sep[t] = s.clone();
              break;
            }
          }
        });
        for (int t = 0; t < n; t++) {
          int i = pairs.get(t)[0];
          int j = pairs.get(t)[1];
          int lag = pairs.get(t)[2];
          int k = slot(lag, i, j);
          if (!link[k]) {
            continue; // its other reading at lag 0 removed it already
          }
          valMin[k] = Math.min(valMin[k], vMin[t]);
          if (!(pM[t] <= pMax[k])) {
            pMax[k] = pM[t];
            statAtPMax[k] = sM[t];
          }
          if (sep[t] != null) {
            link[k] = false;
            sepsets.put(k, sep[t]);
            if (lag == 0) {
              link[slot(0, j, i)] = false;
              sepsets.put(slot(0, j, i), sep[t]);
            }
          }
        }
      }
      return reached;
    }

    /** Ambiguous triples (window nodes a, b, c), both ways round, for Meek's rules. */
    final Set<Long> ambiguous = new HashSet<>();

    /**
     * Phase 3. Returns the contemporaneous state by ordered pair {@code (a, b)}: 1 for {@code a
     * --> b}, 2 (in both slots) for a conflict, 0 in both slots for an unoriented link.
     */
    byte[] colliders() {
      int[][] adj = new int[p][];
      for (int j = 0; j < p; j++) {
        adj[j] = contemporaneous(j);
        Arrays.sort(adj[j]);
      }
      List<int[]> triples = new ArrayList<>(); // {i, lag, k, j}
      for (int j = 0; j < p; j++) {
        for (int k : adj[j]) {
          for (int i = 0; i < p; i++) {
            for (int lag = 0; lag <= maxLag; lag++) {
              if (!link[slot(lag, i, k)] || (lag == 0 && i == j)) {
                continue;
              }
              if (!link[slot(lag, i, j)]) {
                triples.add(new int[] {i, lag, k, j});
              }
            }
          }
        }
      }
      int n = triples.size();
      byte[] verdict = new byte[n]; // 1 collider, 0 not, -1 ambiguous
      Parallel.forEach(threads, n, t -> {
        int[] tr = triples.get(t);
        verdict[t] = judge(tr[0], tr[1], tr[2], tr[3], adj);
      });
      byte[] state = new byte[p * p]; // by (a, b) at lag 0: 1 = a --> b, 2 = conflict
      for (int t = 0; t < n; t++) {
        int[] tr = triples.get(t);
        int i = tr[0];
        int lag = tr[1];
        int k = tr[2];
        int j = tr[3];
        if (verdict[t] < 0) {
          int a = w.node(i, lag);
          ambiguous.add(tripleKey(a, k, j));
          ambiguous.add(tripleKey(j, k, a));
        } else if (verdict[t] == 1) {
          orientCollider(state, j, k);
          if (lag == 0) {
            orientCollider(state, i, k);
          }
        }
      }
      return state;
    }

    long tripleKey(int a, int b, int c) {
      long m = (long) p * (maxLag + 1);
      return (a * m + b) * m + c;
    }

    void orientCollider(byte[] state, int from, int to) {
      if (state[from * p + to] != 0 || state[to * p + from] == 2) {
        return; // already so, or already a conflict
      }
      if (state[to * p + from] == 1) {
        state[to * p + from] = 2;
        state[from * p + to] = 2;
        warnings.add("colliders orient " + variables.get(from) + " --- " + variables.get(to)
            + " both ways; the link is written <-> (a conflict between the tests)");
        return;
      }
      if (bound.isForbidden(from, to, 0)) {
        warnings.add("the collider " + variables.get(from) + " --> " + variables.get(to)
            + " <-- … was not oriented because the knowledge forbids " + variables.get(from)
            + " --> " + variables.get(to));
        return;
      }
      state[from * p + to] = 1;
    }

    byte judge(int i, int lag, int k, int j, int[][] adj) {
      if (colliderRule == ColliderRule.SEPSETS) {
        int[] s = sepsets.get(slot(lag, i, j));
        if (s == null) {
          return 1; // removed in phase 1 given lagged nodes only: k was not needed
        }
        for (int v : s) {
          if (v == w.node(k, 0)) {
            return 0;
          }
        }
        return 1;
      }
      List<int[]> subsets = new ArrayList<>();
      Set<List<Integer>> seen = new HashSet<>();
      addSubsets(lag == 0 ? without(adj[j], i) : adj[j], subsets, seen);
      if (lag == 0) {
        addSubsets(without(adj[i], j), subsets, seen);
      }
      int separating = 0;
      int withK = 0;
      for (int[] s : subsets) {
        int[] z = MciConditions.of(w, i, lag, j, s, lagged, maxConditionsY, maxConditionsX);
        TestResult r = w.test(w.node(i, lag), w.node(j, 0), z);
        if (r.pValue() > alpha) {
          separating++;
          for (int v : s) {
            if (v == w.node(k, 0)) {
              withK++;
              break;
            }
          }
        }
      }
      if (separating == 0) {
        return -1;
      }
      if (colliderRule == ColliderRule.CONSERVATIVE) {
        return withK == 0 ? (byte) 1 : withK == separating ? (byte) 0 : (byte) -1;
      }
      return 2 * withK < separating ? (byte) 1 : 2 * withK > separating ? (byte) 0 : (byte) -1;
    }

    /** Every subset of {@code set} (as lag-0 window nodes, ascending), each once. */
    void addSubsets(int[] set, List<int[]> out, Set<List<Integer>> seen) {
      int m = set.length;
      for (int size = 0; size <= m; size++) {
        Subsets s = new Subsets(m, size);
        while (s.next()) {
          int[] idx = s.indices();
          int[] sub = new int[size];
          List<Integer> key = new ArrayList<>(size);
          for (int q = 0; q < size; q++) {
            sub[q] = w.node(set[idx[q]], 0);
          }
          Arrays.sort(sub);
          for (int v : sub) {
            key.add(v);
          }
          if (seen.add(key)) {
            out.add(sub);
          }
        }
      }
    }

    /** Phase 4: the window graph with the colliders, then Meek's rules. */
    MutableGraph orient(byte[] state) {
      List<String> names = new ArrayList<>();
      for (int lag = 0; lag <= maxLag; lag++) {
        for (String v : variables) {
          names.add(LaggedGraph.nodeName(v, lag));
        }
      }
      MutableGraph g = new MutableGraph(names, GraphKind.CPDAG);
      for (int lag = 1; lag <= maxLag; lag++) {
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            if (link[slot(lag, i, j)]) {
              g.addDirectedEdge(w.node(i, lag), j);
            }
          }
        }
      }
      boolean conflicts = false;
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          if (!link[slot(0, a, b)]) {
            continue;
          }
          if (state[a * p + b] == 2) {
            g.addBidirectedEdge(a, b);
            conflicts = true;
          } else if (state[a * p + b] == 1) {
            g.addDirectedEdge(a, b);
          } else if (state[b * p + a] == 1) {
            g.addDirectedEdge(b, a);
          } else {
            g.addUndirectedEdge(a, b);
          }
        }
      }
      MeekRules.Result meek = MeekRules.apply(g,
          bound.contemporaneous(variables).bind(names),
          (a, b, c) -> ambiguous.contains(tripleKey(a, b, c)));
      for (MeekRules.Conflict c : meek.conflicts()) {
        warnings.add(c.message());
      }
      if (conflicts) {
        g.setKind(GraphKind.GENERAL);
      }
      return g;
    }
  }

  /** Options of PCMCI+; every one has the paper's or Tigramite's default. */
  public static final class Builder {
    private final IndependenceTest test;
    private final List<String> variables;
    private int maxLag = 1;
    private double alpha = 0.01;
    private ColliderRule colliderRule = ColliderRule.MAJORITY;
    private int maxConditions = -1;
    private int maxConditionsX = -1;
    private int maxConditionsY = -1;
    private boolean resetLaggedLinks;
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

    /** Significance level of every test (default 0.01). */
    public Builder alpha(double alpha) {
      this.alpha = Pcmci.checkLevel(alpha, "alpha");
      return this;
    }

    /** How unshielded triples are judged (default majority). */
    public Builder colliderRule(ColliderRule colliderRule) {
      this.colliderRule = Objects.requireNonNull(colliderRule, "colliderRule");
      return this;
    }

    /** The largest conditioning set in phases 1 and 2; −1 for none (default). */
    public Builder maxConditions(int maxConditions) {
      this.maxConditions = maxConditions;
      return this;
    }

    /** How many of the cause's lagged conditions the MCI tests use; −1 for all (default). */
    public Builder maxConditionsX(int maxConditionsX) {
      this.maxConditionsX = maxConditionsX;
      return this;
    }

    /** How many of the effect's lagged conditions the MCI tests use; −1 for all (default). */
    public Builder maxConditionsY(int maxConditionsY) {
      this.maxConditionsY = maxConditionsY;
      return this;
    }

    /**
     * Test every allowed lagged link again in phase 2, not only those phase 1 kept (more power for
     * lagged links, more tests; default off, as in Tigramite).
     */
    public Builder resetLaggedLinks(boolean resetLaggedLinks) {
      this.resetLaggedLinks = resetLaggedLinks;
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

    public PcmciPlus build() {
      return new PcmciPlus(this);
    }
  }
}
