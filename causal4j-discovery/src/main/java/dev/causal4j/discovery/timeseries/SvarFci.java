package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.discovery.fci.Fci;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A time-series FCI in the manner of SVAR-FCI (Malinsky &amp; Spirtes 2018, "Causal structure
 * learning from multivariate time series in settings with unmeasured confounding", PMLR 92):
 * lagged and contemporaneous links among observed series when hidden series may confound them,
 * as a time-series PAG whose links are {@code o->}, {@code -->}, {@code <->} (lagged: the later
 * end is always an arrowhead) or, at lag 0, also {@code o-o}. It assumes causal stationarity, no
 * selection bias and faithfulness, and learns the window {@code t − τmax .. t}.
 *
 * <ol>
 *   <li>FCI ({@link Fci}: PC-stable skeleton, Possible-D-SEP, Zhang's complete rules) on the
 *       {@code (τmax + 1)·p} lagged nodes of the window, with time order as background knowledge:
 *       one tier per lag, earliest first, so nothing later is an ancestor of anything earlier and
 *       every lagged edge gets an arrowhead at its later end.
 *   <li>Stationarity: the window PAG has one edge per <em>copy</em> of a link ({@code X_i(t−τ−s)
 *       *-* X_j(t−s)} for every shift {@code s} that keeps both ends in the window). A link is kept
 *       only if every copy is adjacent (a copy FCI separated gives a separating set among observed
 *       nodes, which by stationarity separates every copy in the infinite series), and gets at
 *       each end the tail or arrowhead that any copy has there: a PAG's invariant marks are
 *       statements about ancestry in the true graph, and ancestry is the same for every copy.
 * </ol>
 *
 * <p><b>Departures.</b> This is a sound simplification, not SVAR-FCI itself nor LPCMCI
 * (Gerhardus &amp; Runge 2020). SVAR-FCI removes and orients the copies of a link together
 * <em>during</em> the search; here they are combined once FCI has finished, so the search does
 * not profit from removals it could have shared, and orientations that only the sparser
 * stationarised skeleton would enable are not made. LPCMCI's default orientations, middle marks
 * and ancestral-information-based removal rounds (its gain in recall under autocorrelation) are
 * not implemented. With a d-separation oracle every link kept has every copy adjacent in the
 * window's MAG and every tail and arrowhead is true (tested against {@code Pag.ofDag} of the
 * unrolled window with hidden series and the hidden past); copies of one link that disagree on a
 * mark (only with finite samples) leave a circle there and are counted in the warnings.
 * Forbidden links of the {@link TimeSeriesKnowledge} are passed to FCI, on every copy, as
 * "{@code X_i(t−τ)} does not cause {@code X_j(t)}", FCI's reading of a forbidden edge.
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
    long start = System.nanoTime();
    Window w = Window.of(test, variables, designDepth(maxLag), NAME);
    int p = w.p;
    List<String> nodes = w.test.variables().subList(0, (maxLag + 1) * p);
    IndependenceTest windowTest = w.depth == maxLag ? w.test : new Restricted(w.test, nodes);
    DiscoveryResult fci = Fci.builder(windowTest).alpha(alpha).depth(maxConditions)
        .knowledge(windowKnowledge(nodes, p)).threads(threads).build().search();
    Graph pag = fci.graph();

    LaggedGraph.Builder out = LaggedGraph.builder(variables, maxLag).kind(GraphKind.PAG);
    int conflicts = 0;
    int removedByStationarity = 0;
    for (int lag = 0; lag <= maxLag; lag++) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          if ((lag == 0 && j <= i)) {
            continue;
          }
          Endpoint[] marks = new Endpoint[2];
          boolean all = true;
          boolean any = false;
          boolean conflict = false;
          for (int s = 0; s + lag <= maxLag; s++) {
            int a = (lag + s) * p + i;
            int b = s * p + j;
            Endpoint atA = pag.endpoint(b, a);
            if (atA == null) {
              all = false;
              continue;
            }
            any = true;
            conflict |= merge(marks, 0, atA);
            conflict |= merge(marks, 1, pag.endpoint(a, b));
          }
          if (!all) {
            removedByStationarity += any ? 1 : 0;
            continue;
          }
          conflicts += conflict ? 1 : 0;
          Endpoint atFrom = marks[0] == null ? Endpoint.CIRCLE : marks[0];
          Endpoint atTo = lag > 0 ? Endpoint.ARROW : marks[1] == null ? Endpoint.CIRCLE : marks[1];
          out.link(i, j, lag, atFrom, atTo);
        }
      }
    }
    List<String> warnings = new ArrayList<>(fci.warnings());
    if (conflicts > 0) {
      warnings.add(conflicts + " link(s) got different marks on different copies in the window"
          + " (an independence decision the data did not make consistently); those marks were"
          + " left as circles");
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("max_lag", Integer.toString(maxLag));
    params.put("alpha", Double.toString(alpha));
    params.put("max_conditions", maxConditions < 0 ? "unlimited"
        : Integer.toString(maxConditions));
    params.put("threads", Integer.toString(threads));
    params.put("links_removed_by_stationarity", Integer.toString(removedByStationarity));
    params.put("fci_edges_in_window", Integer.toString(pag.edgeCount()));
    SearchStats stats = new SearchStats(NAME, fci.stats().testsPerformed(), 0, elapsed, params);
    return new TimeSeriesResult(AnnotatedLaggedGraph.of(out.build()), stats, warnings,
        new LinkStatistics(p, maxLag, "none (a PAG search; no per-link statistic)"));
  }

  /** Merges one copy's mark into {@code marks[k]}; true on a tail/arrowhead disagreement. */
  private static boolean merge(Endpoint[] marks, int k, Endpoint mark) {
    if (mark == Endpoint.CIRCLE) {
      return false;
    }
    if (marks[k] == null) {
      marks[k] = mark;
      return false;
    }
    if (marks[k] != mark && marks[k] != Endpoint.CIRCLE) {
      marks[k] = Endpoint.CIRCLE;
      return true;
    }
    return false;
  }

  /** Tiers by time (earliest lag first) and every copy of each forbidden link. */
  private Knowledge windowKnowledge(List<String> nodes, int p) {
    Knowledge.Builder b = Knowledge.builder();
    for (int lag = maxLag; lag >= 0; lag--) {
      b.tier(nodes.subList(lag * p, (lag + 1) * p), Tier.WithinTier.ALLOWED);
    }
    TimeSeriesKnowledge.Bound bound = knowledge.bind(variables, maxLag);
    if (!bound.isEmpty()) {
      for (int lag = 0; lag <= maxLag; lag++) {
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            if ((lag > 0 || i != j) && bound.isForbidden(i, j, lag)) {
              for (int s = 0; s + lag <= maxLag; s++) {
                b.forbid(nodes.get((lag + s) * p + i), nodes.get(s * p + j));
              }
            }
          }
        }
      }
    }
    return b.build();
  }

  /** A test over a deeper design, seen through its first {@code nodes.size()} variables. */
  private record Restricted(IndependenceTest inner, List<String> variables)
      implements IndependenceTest {
    @Override
    public dev.causal4j.independence.TestResult test(int x, int y, int[] z) {
      return inner.test(x, y, z);
    }
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
