package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.FciOrientation;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.independence.IndependenceTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SVAR-FCI (Malinsky &amp; Spirtes 2018, "Causal structure learning from multivariate time series
 * in settings with unmeasured confounding", PMLR 92), without its Possible-D-SEP step: lagged and
 * contemporaneous links among observed series when hidden series may confound them, as a
 * time-series PAG whose links are {@code o->}, {@code -->}, {@code <->} (lagged: the later end is
 * always an arrowhead, by time order) or, at lag 0, also {@code o-o}. It assumes causal
 * stationarity, no selection bias and faithfulness, and searches the window {@code t − τmax ..
 * t} of {@code (τmax + 1)·p} lagged nodes.
 *
 * <ol>
 *   <li><b>Skeleton with repeating edges.</b> The window graph is kept stationary: the pair
 *       {@code X_i(t−τ−s), X_j(t−s)} is adjacent for every shift {@code s} in the window or for
 *       none (one <em>link</em>, its copies). PC-stable over the window: at conditioning size
 *       {@code d}, every copy of every link is tested given {@code d}-subsets of either end's
 *       window neighbours (adjacencies frozen within a size); a link any copy of which is found
 *       independent is removed with all its copies, keeping the separating set and the copy it
 *       was found at.
 *   <li><b>Orientation.</b> Lagged edges get their arrowhead at the later end (time order, also
 *       given to the rules as a constraint: no tail at a later node). Then R0 and Zhang's complete
 *       rules ({@link FciOrientation}). "Is {@code b} in the separating set of {@code a, c}" is
 *       read on the copy that was separated, with {@code b} shifted by the same number of steps
 *       (a shifted {@code b} outside the window is not in the set).
 *   <li><b>Repeating marks.</b> A tail or arrowhead on one copy of a link is put on every copy (a
 *       mark is a statement about ancestry, the same for every copy), and the rules run again,
 *       until nothing changes. Copies that disagree (only with finite samples) keep their own
 *       marks there, and the link is reported with a circle and counted in the warnings.
 * </ol>
 *
 * <p>The link drawn for {@code X_i(t−τ) *-* X_j(t)} is the most recent copy, whose ends have the
 * most observed past.
 *
 * <p><b>Departures.</b> This is neither LPCMCI (Gerhardus &amp; Runge 2020), whose default
 * orientations, middle marks and ancestral removal rounds give it more recall under
 * autocorrelation, nor complete SVAR-FCI: the Possible-D-SEP step is left out, so a pair that only
 * non-neighbours separate stays adjacent (as in "FCI without Possible-D-SEP"), and in that case
 * orientations near it are read from a skeleton with an extra edge. With a d-separation oracle
 * every true link is found and, as tested on random SVARs with a hidden series, every tail and
 * arrowhead it draws is true of the unrolled graph (a tail: a cause; an arrowhead: not a cause).
 * Forbidden links of the {@link TimeSeriesKnowledge} are never drawn (at lag 0: when both
 * directions are forbidden; one forbidden direction alone is not used); the search does not
 * assume them absent (it has no separating set for them), so they are removed from the result
 * after orientation.
 */
public final class SvarFci {
  /** The algorithm's name as the command line spells it. */
  public static final String NAME = "svar-fci";

  private final IndependenceTest test;
  private final List<String> variables;
  private final int maxLag;
  private final double alpha;
  private final int maxConditions;
  private final TimeSeriesKnowledge knowledge;
  private final int threads;

  private SvarFci(Builder b) {
    this.test = b.test;
    this.variables = b.variables;
    this.maxLag = b.maxLag;
    this.alpha = b.alpha;
    this.maxConditions = b.maxConditions;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  /**
   * @param test a test over the lagged nodes of {@code variables} to depth {@code ≥ maxLag}
   * @param variables the variable names, in the design's order
   */
  public static Builder builder(IndependenceTest test, List<String> variables) {
    return new Builder(test, variables);
  }

  /** The design depth the search needs for a largest lag: the window itself, {@code maxLag}. */
  public static int designDepth(int maxLag) {
    return maxLag;
  }

  /** Runs the search. */
  public TimeSeriesResult search() {
    return new Run().run();
  }

  /** One run: links by class {@code (lag·p + from)·p + to}, their separating sets. */
  private final class Run {
    final Window w = Window.of(test, variables, designDepth(maxLag), NAME);
    final int p = w.p;
    final int nodes = (maxLag + 1) * p;
    final boolean[] alive = new boolean[(maxLag + 1) * p * p];
    final int[][] sepset = new int[alive.length][];
    final int[] sepShift = new int[alive.length];
    final List<String> warnings = new ArrayList<>();

    int lagOf(int node) {
      return node / p;
    }

    /** The link class of the window pair {@code (u, v)}. */
    int classOf(int u, int v) {
      int a = u;
      int b = v;
      if (lagOf(u) < lagOf(v) || (lagOf(u) == lagOf(v) && u % p > v % p)) {
        a = v;
        b = u;
      }
      return ((lagOf(a) - lagOf(b)) * p + a % p) * p + b % p;
    }

    boolean adjacent(int u, int v) {
      return u != v && alive[classOf(u, v)];
    }

    int[] neighbours(int u) {
      int[] out = new int[nodes];
      int m = 0;
      for (int v = 0; v < nodes; v++) {
        if (adjacent(u, v)) {
          out[m++] = v;
        }
      }
      return Arrays.copyOf(out, m);
    }

    TimeSeriesResult run() {
      long start = System.nanoTime();
      for (int lag = 0; lag <= maxLag; lag++) {
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            alive[(lag * p + i) * p + j] = lag > 0 || i < j;
          }
        }
      }
      int depthReached = skeleton();
      MutableGraph g = new MutableGraph(w.test.variables().subList(0, nodes), GraphKind.PAG);
      for (int u = 0; u < nodes; u++) {
        for (int v = u + 1; v < nodes; v++) {
          if (adjacent(u, v)) {
            g.addNondirectedEdge(u, v);
            if (lagOf(u) != lagOf(v)) {
              int later = lagOf(u) < lagOf(v) ? u : v;
              g.setEndpoint(later == u ? v : u, later, Endpoint.ARROW);
            }
          }
        }
      }
      FciOrientation.SepsetLookup lookup = this::inSepset;
      FciOrientation.Options options = FciOrientation.Options.defaults().withConstraints(
          (from, to, mark) -> mark != Endpoint.TAIL || lagOf(to) >= lagOf(from));
      FciOrientation.orient(g, lookup, options);
      int conflicts = 0;
      for (int round = 0; round < nodes * nodes; round++) {
        int[] changed = new int[1];
        conflicts = repeatMarks(g, changed);
        if (changed[0] == 0) {
          break;
        }
        FciOrientation.applyRules(g, lookup, options);
      }
      LaggedGraph.Builder out = LaggedGraph.builder(variables, maxLag).kind(GraphKind.PAG);
      TimeSeriesKnowledge.Bound bound = knowledge.bind(variables, maxLag);
      int forbiddenDropped = 0;
      for (int k = 0; k < alive.length; k++) {
        if (!alive[k]) {
          continue;
        }
        int lag = k / (p * p);
        int i = k / p % p;
        int j = k % p;
        if (bound.isLinkForbidden(i, j, lag)) {
          forbiddenDropped++;
          continue;
        }
        int a = lag * p + i;
        int b = j;
        Endpoint[] marks = merged(g, a, b, lag, new boolean[1]);
        out.link(i, j, lag, marks[0], lag > 0 ? Endpoint.ARROW : marks[1]);
      }
      if (conflicts > 0) {
        warnings.add(conflicts + " link(s) got a tail on one copy in the window and an arrowhead"
            + " on another (independence decisions the data did not make consistently); they"
            + " are drawn with a circle there");
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      Map<String, String> params = new LinkedHashMap<>();
      params.put("max_lag", Integer.toString(maxLag));
      params.put("alpha", Double.toString(alpha));
      params.put("max_conditions", maxConditions < 0 ? "unlimited"
          : Integer.toString(maxConditions));
      params.put("possible_dsep", "false");
      params.put("threads", Integer.toString(threads));
      params.put("depth_reached", Integer.toString(depthReached));
      params.put("forbidden_links_dropped", Integer.toString(forbiddenDropped));
      SearchStats stats = new SearchStats(NAME, w.testsMade(), 0, elapsed, params);
      return new TimeSeriesResult(AnnotatedLaggedGraph.of(out.build()), stats, warnings,
          new LinkStatistics(p, maxLag, "none (a PAG search keeps no per-link statistic)"));
    }

    /** PC-stable over link classes; returns the largest conditioning size tried. */
    int skeleton() {
      int reached = -1;
      for (int d = 0; maxConditions < 0 || d <= maxConditions; d++) {
        int[][] adj = new int[nodes][];
        for (int u = 0; u < nodes; u++) {
          adj[u] = neighbours(u);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < alive.length; k++) {
          if (alive[k]) {
            candidates.add(k);
          }
        }
        int n = candidates.size();
        int[][] found = new int[n][];
        int[] foundShift = new int[n];
        boolean[] tried = new boolean[n];
        int size = d;
        Parallel.forEach(threads, n, t -> {
          int k = candidates.get(t);
          int lag = k / (p * p);
          int i = k / p % p;
          int j = k % p;
          for (int s = 0; s + lag <= maxLag && found[t] == null; s++) {
            int a = (lag + s) * p + i;
            int b = s * p + j;
            for (int end = 0; end < 2 && found[t] == null; end++) {
              int x = end == 0 ? b : a;
              int y = end == 0 ? a : b;
              int[] pool = without(adj[x], y);
              if (pool.length < size) {
                continue;
              }
              tried[t] = true;
              int[] z = new int[size];
              Subsets sub = new Subsets(pool.length, size);
              while (sub.next()) {
                int[] idx = sub.indices();
                for (int m = 0; m < size; m++) {
                  z[m] = pool[idx[m]];
                }
                if (w.test(a, b, z).pValue() > alpha) {
                  found[t] = z.clone();
                  foundShift[t] = s;
                  break;
                }
              }
            }
          }
        });
        boolean any = false;
        for (int t = 0; t < n; t++) {
          any |= tried[t];
          if (found[t] != null) {
            int k = candidates.get(t);
            alive[k] = false;
            sepset[k] = found[t];
            sepShift[k] = foundShift[t];
          }
        }
        if (!any) {
          break;
        }
        reached = d;
      }
      return reached;
    }

    /** R0's and R4's question, read on the copy of {@code (a, c)} that was separated. */
    boolean inSepset(int a, int b, int c) {
      int k = classOf(a, c);
      int[] s = sepset[k];
      if (s == null) {
        return false;
      }
      int shift = sepShift[k] - Math.min(lagOf(a), lagOf(c));
      int lag = lagOf(b) + shift;
      if (lag < 0 || lag > maxLag) {
        return false;
      }
      int shifted = lag * p + b % p;
      for (int v : s) {
        if (v == shifted) {
          return true;
        }
      }
      return false;
    }

    /**
     * The marks of a link's copies merged: {@code [atFrom, atTo]}, a tail or arrowhead that some
     * copy has and none contradicts, else a circle; {@code conflict[0]} set if copies disagree.
     */
    Endpoint[] merged(MutableGraph g, int a0, int b0, int lag, boolean[] conflict) {
      Endpoint[] marks = {Endpoint.CIRCLE, Endpoint.CIRCLE};
      boolean[] clash = new boolean[2];
      for (int s = 0; s + lag <= maxLag; s++) {
        Endpoint[] here = {g.endpoint(b0 + s * p, a0 + s * p), g.endpoint(a0 + s * p, b0 + s * p)};
        for (int e = 0; e < 2; e++) {
          if (here[e] == Endpoint.CIRCLE || clash[e]) {
            continue;
          }
          if (marks[e] == Endpoint.CIRCLE) {
            marks[e] = here[e];
          } else if (marks[e] != here[e]) {
            marks[e] = Endpoint.CIRCLE;
            clash[e] = true;
          }
        }
      }
      conflict[0] = clash[0] || clash[1];
      return marks;
    }

    /**
     * Puts each link's merged marks on every copy still showing a circle there; returns the number
     * of links whose copies conflict and adds the number of marks set to {@code changed[0]}.
     */
    int repeatMarks(MutableGraph g, int[] changed) {
      int conflicts = 0;
      boolean[] conflict = new boolean[1];
      for (int k = 0; k < alive.length; k++) {
        if (!alive[k]) {
          continue;
        }
        int lag = k / (p * p);
        int a0 = lag * p + k / p % p;
        int b0 = k % p;
        Endpoint[] marks = merged(g, a0, b0, lag, conflict);
        conflicts += conflict[0] ? 1 : 0;
        for (int s = 0; s + lag <= maxLag; s++) {
          setIfCircle(g, b0 + s * p, a0 + s * p, marks[0], changed);
          setIfCircle(g, a0 + s * p, b0 + s * p, marks[1], changed);
        }
      }
      return conflicts;
    }

    void setIfCircle(MutableGraph g, int from, int to, Endpoint mark, int[] changed) {
      if (mark != Endpoint.CIRCLE && g.endpoint(from, to) == Endpoint.CIRCLE) {
        g.setEndpoint(from, to, mark);
        changed[0]++;
      }
    }
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

  /** Options of the search; defaults: τmax = 1, α = 0.01, no depth limit, all processors. */
  public static final class Builder {
    private final IndependenceTest test;
    private final List<String> variables;
    private int maxLag = 1;
    private double alpha = 0.01;
    private int maxConditions = -1;
    private TimeSeriesKnowledge knowledge = TimeSeriesKnowledge.empty();
    private int threads = Parallel.availableThreads();

    private Builder(IndependenceTest test, List<String> variables) {
      this.test = Objects.requireNonNull(test, "test");
      this.variables = List.copyOf(variables);
    }

    /** The largest lag searched, {@code τmax ≥ 1} (default 1): the window is {@code t−τmax..t}. */
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

    /** The largest conditioning set; −1 for none (default). */
    public Builder maxConditions(int maxConditions) {
      this.maxConditions = maxConditions < 0 ? -1 : maxConditions;
      return this;
    }

    /** Forbidden links, read as "does not cause" (see the class notes). */
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

    public SvarFci build() {
      return new SvarFci(this);
    }
  }
}
