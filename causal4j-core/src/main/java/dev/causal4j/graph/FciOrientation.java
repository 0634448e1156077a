package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The orientation phase of FCI: turns the circles of a skeleton into the arrowheads and tails
 * that every MAG of its Markov equivalence class shares, using the rules of Zhang (2008), "On the
 * completeness of orientation rules for causal discovery in the presence of latent confounders
 * and selection bias", Artificial Intelligence 172: 1873–1896.
 *
 * <ul>
 *   <li>R0 ({@link #orientUnshieldedColliders}): {@code a *-* b *-* c} with {@code a}, {@code c}
 *       not adjacent becomes {@code a *-> b <-* c} when {@code b} is not in their separating set.
 *   <li>R1–R4 ({@link #applyRules}): propagation of arrowheads and tails away from colliders,
 *       cycles ruled out by ancestry, and discriminating paths (R4, the only rule besides R0 that
 *       reads separating sets).
 *   <li>R8–R10: the tail rules for {@code o->} edges.
 * </ul>
 *
 * <p>With R0–R4 the result has every invariant arrowhead (Ali, Richardson &amp; Spirtes 2005,
 * as used by Zhang 2008); R8–R10 add every invariant tail when there is no selection bias. Zhang's
 * R5–R7 are not implemented: they orient undirected edges {@code ---}, which only selection
 * variables create, and Causal4J's MAGs have none. Given a correct skeleton and separating sets
 * (a d-separation oracle), {@code orient} returns the PAG exactly; {@link Pag#ofMag} uses it with
 * the MAG as the oracle, and the tests compare that with whole equivalence classes enumerated by
 * brute force.
 *
 * <p>Choices the paper leaves open, which only matter when separating sets conflict (finite
 * samples) or background knowledge is given: a rule only ever turns circles into tails or
 * arrowheads; where it would change a mark already set, or where the {@link
 * OrientationConstraints} forbid a mark, that instance of the rule is skipped, so conflicting
 * separating sets give {@code <->} edges (as in FCI) but never flip a mark.
 *
 * <p>The order is fixed, so the same input gives the same output: R0 over triples by middle node,
 * then end nodes, ascending; then the local rules R1, R2, R3, R8 from a FIFO work queue of nodes
 * whose neighbourhood changed (all nodes at first); when it is empty, one pass of R4 over edges
 * {@code b o-* c} by {@code c}, {@code b}, {@code a}; when that changes nothing, one pass of R9
 * and R10 over edges {@code a o-> c} by {@code c}, {@code a}; repeated until nothing changes. R4
 * uses a shortest discriminating path (breadth-first, lowest index first). The uncovered
 * potentially directed paths of R9 and R10 are simple paths, found depth-first among the states
 * from which an uncovered walk still reaches the goal (a linear-time bound that cuts nothing off).
 * R10's paths to the parents of {@code c} must not pass through {@code c}: that never orients
 * more than the paper's rule and, by the brute-force tests, loses nothing.
 *
 * <p>A {@link DiscriminatingPathCheck} in the options sees each R4 orientation before it is
 * made and may stop the rules there; RFCI uses it to test the path's edges (its modified R4) and
 * remove spurious ones between runs of the rules.
 *
 * <p>Not thread-safe on one graph; separate graphs may be oriented concurrently.
 */
public final class FciOrientation {
  private FciOrientation() {}

  /** The orientation rules, numbered as in Zhang (2008). */
  public enum Rule {
    /** Unshielded colliders. */
    R0,
    /** Away from a collider: {@code a *-> b o-* c}, {@code a}, {@code c} non-adjacent. */
    R1,
    /** Away from a cycle: {@code a --> b *-> c} or {@code a *-> b --> c}, with {@code a *-o c}. */
    R2,
    /** Double triangle. */
    R3,
    /** Discriminating path. */
    R4,
    /** {@code a --> b --> c} or {@code a --o b --> c} with {@code a o-> c}. */
    R8,
    /** An uncovered potentially directed path for {@code a o-> c}. */
    R9,
    /** Two uncovered potentially directed paths into the parents of {@code c}. */
    R10
  }

  /** Which rules {@link #applyRules} applies besides R0. */
  public enum RuleSet {
    /**
     * R1–R4 only: every invariant arrowhead, but circles may remain where the class has a common
     * tail (FCI as it was before Zhang's tail rules).
     */
    ARROWHEAD_COMPLETE,
    /** R1–R4 and R8–R10: the complete rule set for classes without selection bias. */
    COMPLETE
  }

  /**
   * One mark set by a rule: {@code mark} at {@code to}'s end of the edge between {@code from} and
   * {@code to}. The list of these is the trace of why each edge got its marks.
   */
  public record Orientation(Rule rule, int from, int to, Endpoint mark) {}

  /** The separating sets found by the adjacency search, as R0 and R4 need them. */
  @FunctionalInterface
  public interface SepsetLookup {
    /**
     * True if {@code b} is in the separating set recorded for the non-adjacent {@code a} and
     * {@code c} (so {@code a *-* b *-* c} is not a collider). Called with {@code a < c} or {@code
     * a > c} alike; symmetric answers are expected.
     */
    boolean isInSepset(int a, int b, int c);
  }

  /**
   * Where background knowledge plugs in: the rules ask before setting a mark, and a forbidden mark
   * is not set. Knowledge that demands marks (a required edge, tiers) is applied by the caller to
   * the graph before {@link #applyRules}; the rules keep marks that are already set.
   */
  @FunctionalInterface
  public interface OrientationConstraints {
    /** No background knowledge: every mark is allowed. */
    OrientationConstraints NONE = (from, to, mark) -> true;

    /** True if {@code mark} may be put at {@code to}'s end of the edge between the two nodes. */
    boolean allows(int from, int to, Endpoint mark);
  }

  /**
   * A last check before R4 orients along a discriminating path, for searches that test more than
   * the separating sets there. RFCI (Colombo, Maathuis, Kalisch &amp; Richardson 2012, Lemma 3.2)
   * orients along a shortest discriminating path only after confirming that each pair of
   * consecutive nodes on it is dependent given every subset of the separating set of its ends;
   * where a pair is not, it removes that edge instead, and the rules continue on the smaller
   * graph.
   */
  @FunctionalInterface
  public interface DiscriminatingPathCheck {
    /** No check: R4 orients as in FCI. */
    DiscriminatingPathCheck NONE = path -> true;

    /**
     * Called when R4 is about to orient, with the nodes of the shortest discriminating path
     * {@code <t, .., a, b, c>} for {@code b} (a new array, {@code t} first, {@code c} last).
     *
     * @return true to orient; false to stop: R4 sets nothing and {@link #applyRules} returns at
     *     once, so the caller may change the graph's adjacencies (which the rules may not) and
     *     apply the rules again
     */
    boolean proceed(int[] path);
  }

  /**
   * Options of the orientation phase.
   *
   * @param ruleSet which rules run after R0
   * @param maxDiscriminatingPathLength the most edges a discriminating path used by R4 may have
   *     (at least 3), or −1 for no limit; a limit trades completeness for time on dense graphs
   * @param constraints background knowledge, or {@link OrientationConstraints#NONE}
   * @param pathCheck asked before each R4 orientation, or {@link DiscriminatingPathCheck#NONE}
   */
  public record Options(RuleSet ruleSet, int maxDiscriminatingPathLength,
      OrientationConstraints constraints, DiscriminatingPathCheck pathCheck) {
    public Options {
      Objects.requireNonNull(ruleSet, "ruleSet");
      Objects.requireNonNull(constraints, "constraints");
      Objects.requireNonNull(pathCheck, "pathCheck");
      if (maxDiscriminatingPathLength != -1 && maxDiscriminatingPathLength < 3) {
        throw new InvalidInputException("the maximum discriminating path length must be at least 3"
            + " edges, or -1 for no limit; got " + maxDiscriminatingPathLength);
      }
    }

    /** Options without a discriminating-path check. */
    public Options(RuleSet ruleSet, int maxDiscriminatingPathLength,
        OrientationConstraints constraints) {
      this(ruleSet, maxDiscriminatingPathLength, constraints, DiscriminatingPathCheck.NONE);
    }

    /** The complete rule set, no path-length limit, no background knowledge, no path check. */
    public static Options defaults() {
      return new Options(RuleSet.COMPLETE, -1, OrientationConstraints.NONE);
    }

    public Options withRuleSet(RuleSet ruleSet) {
      return new Options(ruleSet, maxDiscriminatingPathLength, constraints, pathCheck);
    }

    public Options withMaxDiscriminatingPathLength(int edges) {
      return new Options(ruleSet, edges, constraints, pathCheck);
    }

    public Options withConstraints(OrientationConstraints constraints) {
      return new Options(ruleSet, maxDiscriminatingPathLength, constraints, pathCheck);
    }

    public Options withPathCheck(DiscriminatingPathCheck pathCheck) {
      return new Options(ruleSet, maxDiscriminatingPathLength, constraints, pathCheck);
    }
  }

  /**
   * R0 then the rules to closure: {@link #orientUnshieldedColliders} followed by {@link
   * #applyRules}.
   *
   * @return the marks set, in the order they were set
   */
  public static List<Orientation> orient(MutableGraph graph, SepsetLookup sepsets,
      Options options) {
    Run run = new Run(graph, sepsets, options);
    run.r0();
    run.closure();
    return run.trace();
  }

  /** {@link #orient(MutableGraph, SepsetLookup, Options)} with {@link Options#defaults()}. */
  public static List<Orientation> orient(MutableGraph graph, SepsetLookup sepsets) {
    return orient(graph, sepsets, Options.defaults());
  }

  /**
   * R0: for every unshielded triple {@code a *-* b *-* c} (visited by {@code b}, then {@code a <
   * c}, ascending) whose middle node is not in the separating set of {@code a} and {@code c}, puts
   * arrowheads at {@code b} on both edges. Where triples disagree this can make {@code <->}
   * edges, as FCI does. Other marks are not touched; FCI's Possible-D-SEP step reads the graph
   * after this step alone.
   *
   * @return the marks set
   */
  public static List<Orientation> orientUnshieldedColliders(MutableGraph graph,
      SepsetLookup sepsets, Options options) {
    Run run = new Run(graph, sepsets, options);
    run.r0();
    return run.trace();
  }

  /**
   * Applies R1–R4 (and R8–R10 under {@link RuleSet#COMPLETE}) until none applies, or until the
   * {@link Options#pathCheck() path check} says stop. Expects the colliders of R0 already
   * oriented and every other undetermined mark a circle.
   *
   * @return the marks set
   */
  public static List<Orientation> applyRules(MutableGraph graph, SepsetLookup sepsets,
      Options options) {
    Run run = new Run(graph, sepsets, options);
    run.closure();
    return run.trace();
  }

  /** One orientation pass over one graph: its scratch arrays, work queue and trace. */
  private static final class Run {
    private static final Endpoint TAIL = Endpoint.TAIL;
    private static final Endpoint ARROW = Endpoint.ARROW;
    private static final Endpoint CIRCLE = Endpoint.CIRCLE;
    /** Bits of cached reachability sets kept at once in a pass of R9/R10 (8 MiB). */
    private static final long CACHE_BITS = 1L << 26;

    private final MutableGraph g;
    private final SepsetLookup sepsets;
    private final Options options;
    private final int p;
    private final List<Orientation> trace = new ArrayList<>();
    /** Adjacency never changes while orienting; only marks do. */
    private final int[][] adj;
    /** State "arrived at v from u" of a walk is offset[v] + (position of u in adj[v]). */
    private final int[] offset;
    // Work queue of nodes whose neighbourhood changed.
    private final int[] queue;
    private final boolean[] queued;
    private int head;
    private int size;
    // Scratch for local rules: marks at b and at the neighbour, per neighbour of b.
    private final Endpoint[] atB;
    private final Endpoint[] atU;
    // Scratch for path searches.
    private final int[] stamp;
    private int round;
    private final int[] depth;
    /** The node after each one on the shortest discriminating path being searched (towards a). */
    private final int[] towardA;
    private final int[] bfs;
    private final int[] path;
    private final int[] nextIndex;
    private final int[] stateQueue;
    private final int[] stateNode;
    private final Map<Integer, BitSet> reachCache = new HashMap<>();
    private long cachedBits;
    /** Set when the path check said stop: no rule runs any more. */
    private boolean halted;

    Run(MutableGraph g, SepsetLookup sepsets, Options options) {
      this.g = Objects.requireNonNull(g, "graph");
      this.sepsets = Objects.requireNonNull(sepsets, "sepsets");
      this.options = Objects.requireNonNull(options, "options");
      this.p = g.size();
      this.adj = new int[p][];
      this.offset = new int[p + 1];
      int maxDegree = 0;
      for (int v = 0; v < p; v++) {
        adj[v] = g.adjacentNodes(v);
        offset[v + 1] = offset[v] + adj[v].length;
        maxDegree = Math.max(maxDegree, adj[v].length);
      }
      this.queue = new int[p];
      this.queued = new boolean[p];
      this.atB = new Endpoint[maxDegree];
      this.atU = new Endpoint[maxDegree];
      this.stamp = new int[p];
      this.depth = new int[p];
      this.towardA = new int[p];
      this.bfs = new int[p];
      this.path = new int[p + 1];
      this.nextIndex = new int[p + 1];
      this.stateQueue = new int[offset[p]];
      this.stateNode = new int[offset[p]];
      for (int v = 0; v < p; v++) {
        Arrays.fill(stateNode, offset[v], offset[v + 1], v);
      }
    }

    List<Orientation> trace() {
      return Collections.unmodifiableList(trace);
    }

    // ---- marks -------------------------------------------------------------------------------

    private Endpoint mark(int from, int to) {
      return g.endpoint(from, to);
    }

    /**
     * True if {@code m} may stand at {@code to} on the edge {@code from}–{@code to}: it is there
     * already, or a circle is there and the constraints allow {@code m}.
     */
    private boolean settable(int from, int to, Endpoint m) {
      Endpoint now = mark(from, to);
      return now == m || (now == CIRCLE && options.constraints().allows(from, to, m));
    }

    private boolean set(Rule rule, int from, int to, Endpoint m) {
      if (mark(from, to) == m) {
        return false;
      }
      g.setEndpoint(from, to, m);
      trace.add(new Orientation(rule, from, to, m));
      touched(from);
      touched(to);
      return true;
    }

    /** Every local rule instance that reads an edge at {@code v} is centred at v or a neighbour. */
    private void touched(int v) {
      enqueue(v);
      for (int u : adj[v]) {
        enqueue(u);
      }
    }

    private void enqueue(int v) {
      if (!queued[v]) {
        queued[v] = true;
        queue[(head + size) % p] = v;
        size++;
      }
    }

    private int poll() {
      int v = queue[head];
      head = (head + 1) % p;
      size--;
      queued[v] = false;
      return v;
    }

    private boolean isParent(int a, int b) {
      return mark(a, b) == ARROW && mark(b, a) == TAIL;
    }

    /** The edge is not into {@code from} and not out of {@code to}. */
    private boolean isPotentiallyDirected(int from, int to) {
      return mark(to, from) != ARROW && mark(from, to) != TAIL;
    }

    // ---- R0 ----------------------------------------------------------------------------------

    void r0() {
      for (int b = 0; b < p; b++) {
        for (int i = 0; i < adj[b].length; i++) {
          for (int j = i + 1; j < adj[b].length; j++) {
            int a = adj[b][i];
            int c = adj[b][j];
            if (!g.isAdjacent(a, c) && !sepsets.isInSepset(a, b, c)
                && settable(a, b, ARROW) && settable(c, b, ARROW)) {
              set(Rule.R0, a, b, ARROW);
              set(Rule.R0, c, b, ARROW);
            }
          }
        }
      }
    }

    // ---- closure -----------------------------------------------------------------------------

    void closure() {
      boolean tails = options.ruleSet() == RuleSet.COMPLETE;
      for (int v = 0; v < p; v++) {
        enqueue(v);
      }
      while (true) {
        while (size > 0) {
          localRules(poll(), tails);
        }
        if (r4()) {
          continue;
        }
        if (halted) {
          return;
        }
        if (tails && r9r10()) {
          continue;
        }
        return;
      }
    }

    /**
     * R1, R2, R3 and (with tails) R8, each with {@code b} as the middle node. The marks on b's
     * edges are read once into {@link #atB}/{@link #atU} and kept current as rules change them.
     */
    private void localRules(int b, boolean tails) {
      int[] nb = adj[b];
      int d = nb.length;
      for (int i = 0; i < d; i++) {
        atB[i] = mark(nb[i], b);
        atU[i] = mark(b, nb[i]);
      }
      // R1: a *-> b o-* c, a and c not adjacent  ==>  b --> c
      for (int j = 0; j < d; j++) {
        if (atB[j] != CIRCLE) {
          continue;
        }
        int c = nb[j];
        for (int i = 0; i < d; i++) {
          if (i != j && atB[i] == ARROW && !g.isAdjacent(nb[i], c)) {
            if (settable(c, b, TAIL) && settable(b, c, ARROW)) {
              set(Rule.R1, c, b, TAIL);
              set(Rule.R1, b, c, ARROW);
              atB[j] = TAIL;
              atU[j] = ARROW;
            }
            break;
          }
        }
      }
      // R2: a --> b *-> c or a *-> b --> c, and a *-o c  ==>  a *-> c
      for (int i = 0; i < d; i++) {
        if (atB[i] != ARROW) {
          continue;
        }
        boolean aIsParent = atU[i] == TAIL;
        for (int j = 0; j < d; j++) {
          if (j == i || atU[j] != ARROW || !(aIsParent || atB[j] == TAIL)) {
            continue;
          }
          int a = nb[i];
          int c = nb[j];
          if (mark(a, c) == CIRCLE && settable(a, c, ARROW)) {
            set(Rule.R2, a, c, ARROW);
          }
        }
      }
      // R3: a *-> b <-* c, a *-o t o-* c, a and c not adjacent, t *-o b  ==>  t *-> b
      for (int k = 0; k < d; k++) {
        if (atB[k] != CIRCLE) {
          continue;
        }
        int t = nb[k];
        if (r3Holds(b, t, nb, d) && settable(t, b, ARROW)) {
          set(Rule.R3, t, b, ARROW);
          atB[k] = ARROW;
        }
      }
      if (!tails) {
        return;
      }
      // R8: a --> b --> c or a --o b --> c, and a o-> c  ==>  a --> c
      for (int i = 0; i < d; i++) {
        if (atU[i] != TAIL || atB[i] == TAIL) {
          continue;
        }
        int a = nb[i];
        for (int j = 0; j < d; j++) {
          if (j == i || atB[j] != TAIL || atU[j] != ARROW) {
            continue;
          }
          int c = nb[j];
          if (mark(c, a) == CIRCLE && mark(a, c) == ARROW && settable(c, a, TAIL)) {
            set(Rule.R8, c, a, TAIL);
          }
        }
      }
    }

    private boolean r3Holds(int b, int t, int[] nb, int d) {
      for (int i = 0; i < d; i++) {
        int a = nb[i];
        if (atB[i] != ARROW || mark(a, t) != CIRCLE) {
          continue;
        }
        for (int j = i + 1; j < d; j++) {
          int c = nb[j];
          if (atB[j] == ARROW && mark(c, t) == CIRCLE && !g.isAdjacent(a, c)) {
            return true;
          }
        }
      }
      return false;
    }

    // ---- R4 ----------------------------------------------------------------------------------

    /**
     * R4 over every candidate {@code <.., a, b, c>}: {@code b o-* c}, {@code a --> c}, {@code b
     * *-> a}. If a discriminating path {@code <t, .., a, b, c>} exists, {@code b --> c} when b is
     * in the separating set of t and c, else {@code a <-> b <-> c}; each orientation first passes
     * the path check, and a "stop" from it ends the pass (and the run).
     */
    private boolean r4() {
      boolean changed = false;
      for (int c = 0; c < p; c++) {
        for (int b : adj[c]) {
          for (int a : adj[b]) {
            if (mark(c, b) != CIRCLE) {
              break; // an earlier a settled b's mark
            }
            if (a == c || !g.isAdjacent(a, c) || !isParent(a, c) || mark(b, a) != ARROW) {
              continue;
            }
            int t = discriminatingPathStart(a, b, c);
            if (t < 0) {
              continue;
            }
            boolean nonCollider = sepsets.isInSepset(t, b, c);
            boolean orientable = nonCollider
                ? settable(c, b, TAIL) && settable(b, c, ARROW)
                : settable(a, b, ARROW) && settable(c, b, ARROW) && settable(b, c, ARROW);
            if (!orientable) {
              continue;
            }
            if (options.pathCheck() != DiscriminatingPathCheck.NONE
                && !options.pathCheck().proceed(discriminatingPath(t, b, c))) {
              halted = true;
              return changed;
            }
            if (nonCollider) {
              changed |= set(Rule.R4, c, b, TAIL);
              changed |= set(Rule.R4, b, c, ARROW);
            } else {
              changed |= set(Rule.R4, a, b, ARROW);
              changed |= set(Rule.R4, c, b, ARROW);
              changed |= set(Rule.R4, b, c, ARROW);
            }
          }
        }
      }
      return changed;
    }

    /** The path {@code <t, .., a, b, c>} the last {@link #discriminatingPathStart} found. */
    private int[] discriminatingPath(int t, int b, int c) {
      int inner = 0;
      for (int v = towardA[t]; v != b; v = towardA[v]) {
        inner++;
      }
      int[] out = new int[inner + 3];
      out[0] = t;
      int k = 1;
      for (int v = towardA[t]; v != b; v = towardA[v]) {
        out[k++] = v;
      }
      out[k++] = b;
      out[k] = c;
      return out;
    }

    /**
     * The far end {@code t} of a shortest discriminating path {@code <t, .., a, b, c>} for {@code
     * b}: every node strictly between {@code t} and {@code b} is a collider on the path and a
     * parent of {@code c}, and {@code t} is not adjacent to {@code c}. Breadth-first from {@code a}
     * backwards; −1 if none within the length limit.
     */
    private int discriminatingPathStart(int a, int b, int c) {
      int max = options.maxDiscriminatingPathLength();
      int r = nextRound();
      stamp[b] = r;
      stamp[c] = r;
      stamp[a] = r;
      depth[a] = 1; // colliders from a node to a, inclusive; the path then has depth + 2 edges
      towardA[a] = b;
      int qh = 0;
      int qt = 0;
      bfs[qt++] = a;
      while (qh < qt) {
        int d = bfs[qh++];
        if (max >= 0 && depth[d] + 2 > max) {
          continue; // a start attached to d would make the path too long
        }
        for (int e : adj[d]) {
          if (stamp[e] == r || mark(e, d) != ARROW) {
            continue;
          }
          if (!g.isAdjacent(e, c)) {
            towardA[e] = d;
            return e;
          }
          if (mark(d, e) == ARROW && isParent(e, c)) {
            stamp[e] = r;
            depth[e] = depth[d] + 1;
            towardA[e] = d;
            bfs[qt++] = e;
          }
        }
      }
      return -1;
    }

    private int nextRound() {
      if (++round == Integer.MAX_VALUE) {
        Arrays.fill(stamp, 0);
        round = 1;
      }
      return round;
    }

    // ---- R9, R10 -----------------------------------------------------------------------------

    /**
     * R9 and R10 for every {@code a o-> c}, visited by {@code c}, then {@code a}, ascending.
     *
     * <p>R9: an uncovered potentially directed (p.d.) path {@code <a, m, .., c>} with {@code m}
     * not adjacent to {@code c}. R10: {@code m --> .. --> b --> c <-- d <-- .. <-- w}, i.e.
     * uncovered p.d. paths from {@code a} to two parents {@code b}, {@code d} of {@code c}, whose
     * second nodes {@code m}, {@code w} differ and are not adjacent. Either makes {@code a --> c}.
     */
    private boolean r9r10() {
      boolean changed = false;
      reachCache.clear();
      cachedBits = 0;
      for (int c = 0; c < p; c++) {
        int[] parents = null;
        for (int a : adj[c]) {
          if (mark(c, a) != CIRCLE || mark(a, c) != ARROW || !settable(c, a, TAIL)) {
            continue;
          }
          if (r9Holds(a, c)) {
            changed |= set(Rule.R9, c, a, TAIL);
            continue;
          }
          if (parents == null) {
            parents = g.parents(c);
          }
          if (parents.length >= 2 && r10Holds(a, c, parents)) {
            changed |= set(Rule.R10, c, a, TAIL);
          }
        }
      }
      reachCache.clear();
      return changed;
    }

    private boolean r9Holds(int a, int c) {
      for (int m : adj[a]) {
        if (m != c && !g.isAdjacent(m, c) && isPotentiallyDirected(a, m)
            && uncoveredPdPath(a, m, c, -1)) {
          return true;
        }
      }
      return false;
    }

    private static final byte NO = 0;
    private static final byte WALK = 1; // an uncovered p.d. walk exists; no path sought yet
    private static final byte YES = 2;

    /**
     * R10's pattern: two non-adjacent first steps {@code m = firsts[i]}, {@code w = firsts[j]}
     * from {@code a} whose uncovered p.d. paths reach two different parents of {@code c}. Decided
     * first with walks (a cheap necessary condition), then with paths only for the pairs of first
     * steps that pass, each step's row of paths sought once.
     */
    private boolean r10Holds(int a, int c, int[] parents) {
      int[] firsts = adj[a];
      byte[][] reach = new byte[firsts.length][];
      for (int i = 0; i < firsts.length; i++) {
        int m = firsts[i];
        if (m == c || !isPotentiallyDirected(a, m)) {
          continue;
        }
        byte[] row = new byte[parents.length];
        int s = state(a, m);
        boolean any = false;
        for (int k = 0; k < parents.length; k++) {
          row[k] = m == parents[k] ? YES : canReach(parents[k]).get(s) ? WALK : NO;
          any |= row[k] != NO;
        }
        reach[i] = any ? row : null;
      }
      boolean[] exact = new boolean[firsts.length];
      for (int i = 0; i < firsts.length; i++) {
        for (int j = i + 1; j < firsts.length; j++) {
          if (reach[i] == null || reach[j] == null || g.isAdjacent(firsts[i], firsts[j])
              || !distinctEnds(reach[i], reach[j])) {
            continue;
          }
          for (int x : new int[] {i, j}) {
            if (!exact[x]) {
              exact[x] = true;
              for (int k = 0; k < parents.length; k++) {
                if (reach[x][k] == WALK) {
                  reach[x][k] = uncoveredPdPath(a, firsts[x], parents[k], c) ? YES : NO;
                }
              }
            }
          }
          if (distinctEnds(reach[i], reach[j])) {
            return true;
          }
        }
      }
      return false;
    }

    /** True if some k, l with k != l have rowI[k] and rowJ[l] not NO. */
    private static boolean distinctEnds(byte[] rowI, byte[] rowJ) {
      int onlyI = -1;
      int countI = 0;
      for (int k = 0; k < rowI.length; k++) {
        if (rowI[k] != NO) {
          countI++;
          onlyI = k;
        }
      }
      if (countI == 0) {
        return false;
      }
      for (int l = 0; l < rowJ.length; l++) {
        if (rowJ[l] != NO && (countI > 1 || l != onlyI)) {
          return true;
        }
      }
      return false;
    }

    private int state(int u, int v) {
      return offset[v] + Arrays.binarySearch(adj[v], u);
    }

    /**
     * True if an uncovered p.d. path {@code <a, m, .., target>} exists (its first edge given,
     * every consecutive triple unshielded) avoiding {@code avoid} (−1 for none). Depth-first over
     * simple paths, stepping only into walk states from which {@code target} can still be reached
     * (see {@link #canReach}); that bound never cuts off a path, and keeps the search from
     * wandering through regions with no way on.
     */
    private boolean uncoveredPdPath(int a, int m, int target, int avoid) {
      BitSet live = canReach(target);
      if (!live.get(state(a, m))) {
        return false;
      }
      int r = nextRound();
      stamp[a] = r;
      stamp[m] = r;
      if (avoid >= 0) {
        stamp[avoid] = r;
      }
      path[0] = a;
      path[1] = m;
      nextIndex[1] = 0;
      int top = 1;
      while (top >= 1) {
        int cur = path[top];
        if (nextIndex[top] == adj[cur].length) {
          if (top > 1) {
            stamp[cur] = 0;
          }
          top--;
          continue;
        }
        int w = adj[cur][nextIndex[top]++];
        if (stamp[w] == r || g.isAdjacent(path[top - 1], w) || !isPotentiallyDirected(cur, w)) {
          continue;
        }
        if (w == target) {
          return true;
        }
        if (!live.get(state(cur, w))) {
          continue;
        }
        stamp[w] = r;
        path[++top] = w;
        nextIndex[top] = 0;
      }
      return false;
    }

    /**
     * The walk states "at v, arrived from u" from which an uncovered p.d. walk reaches {@code
     * target}, by one backward breadth-first search over states (linear in the number of
     * consecutive edge pairs). Every uncovered p.d. path is such a walk, so a path search may skip
     * the other states. Marks only ever turn from circles into tails or arrowheads, which can end
     * potential directedness but never start it, so a set computed earlier in a pass stays a
     * superset and may be reused.
     */
    private BitSet canReach(int target) {
      BitSet cached = reachCache.get(target);
      if (cached != null) {
        return cached;
      }
      BitSet live = new BitSet(offset[p]);
      int qt = 0;
      for (int v : adj[target]) {
        if (isPotentiallyDirected(v, target)) {
          int s = state(v, target);
          live.set(s);
          stateQueue[qt++] = s;
        }
      }
      int qh = 0;
      while (qh < qt) {
        int s = stateQueue[qh++];
        int w = stateNode[s];
        int v = adj[w][s - offset[w]];
        if (v == target) {
          continue; // a walk ends when it reaches the target
        }
        // s is "at w, arrived from v"; its predecessors are "at v, arrived from u".
        for (int u : adj[v]) {
          if (u == w || g.isAdjacent(u, w) || !isPotentiallyDirected(u, v)) {
            continue;
          }
          int t = state(u, v);
          if (!live.get(t)) {
            live.set(t);
            stateQueue[qt++] = t;
          }
        }
      }
      if (cachedBits + offset[p] > CACHE_BITS) {
        reachCache.clear();
        cachedBits = 0;
      }
      reachCache.put(target, live);
      cachedBits += offset[p];
      return live;
    }
  }
}
