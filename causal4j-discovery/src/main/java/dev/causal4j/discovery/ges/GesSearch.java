package dev.causal4j.discovery.ges;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * One run of GES or FGES: the state and the moves. {@link Fges} is the public face (options,
 * result); this class does the work. See {@link Fges} for the algorithm and its sources.
 */
final class GesSearch implements AutoCloseable {
  /** Side of the target × source tiles of the first step's scores. */
  private static final int TILE = 64;
  /** Sources per parallel piece when every node is a candidate source. */
  private static final int SOURCE_CHUNK = 256;
  private final Score score;
  private final int p;
  private final Pdag g;
  private final BoundKnowledge knowledge;
  private final int maxDegree;
  private final int threads;
  /** Whether the forward phase now running considers only the pairs in {@link #effect}. */
  private boolean effectPairsOnly;
  private final ForkJoinPool pool;
  private final LongAdder evaluations = new LongAdder();
  private final ThreadLocal<Workspace> workspaces;

  /** Per node, the nodes it may gain an edge with under the faithfulness heuristic, ascending. */
  private int[][] effect;
  /** Per target node, the version of the moves into it now in the queue. */
  private int[] version;
  /** Per target node, its queued moves of the current version, ordered by source. */
  private Move[][] live;
  private final PriorityQueue<Move> queue = new PriorityQueue<>();
  private long pushes;
  private final int[] changed;
  private int changeStamp;
  /** Nodes whose incoming insertions the next forward phase must score again. */
  private final boolean[] dirty;
  /** Insertions {@code {x, y}} found invalid when the last forward phase ended. */
  private List<long[]> blocked = new ArrayList<>();
  /** Forward phase: per node, the set-aside insertions with a blocking path through it. */
  private List<Move>[] watchers;
  /** Forward phase: the insertions set aside so far. */
  private List<Move> everSetAside;
  /** The nodes the last move touched (edges changed, or adjacency changed nearby). */
  private int[] lastTouched = new int[0];
  private long inserts;
  private long deletes;
  private boolean degreeLimitHit;

  GesSearch(Score score, Pdag start, BoundKnowledge knowledge, int maxDegree, int threads) {
    this.score = score;
    this.p = score.variables().size();
    this.g = start;
    this.knowledge = knowledge == null || knowledge.isEmpty() ? null : knowledge;
    this.maxDegree = maxDegree < 0 ? Integer.MAX_VALUE : maxDegree;
    this.threads = threads;
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    this.changed = new int[p];
    this.dirty = new boolean[p];
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(p));
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  long evaluations() {
    return evaluations.sum();
  }

  long inserts() {
    return inserts;
  }

  long deletes() {
    return deletes;
  }

  boolean degreeLimitHit() {
    return degreeLimitHit;
  }

  Pdag graph() {
    return g;
  }

  // ---------------------------------------------------------------------------------------------
  // FGES

  /**
   * The forward phase with cached moves: every candidate move {@code x --> y} is scored once, and
   * again only when something it depends on changed; the best is taken from a queue. Returns
   * whether it inserted an edge.
   *
   * <p>A queued move carries the best gain over the sets {@code T} that pass the clique condition,
   * an upper bound of its gain over fully valid sets. When a move comes to the top and its set
   * fails the path condition (or, with knowledge, leads to a class the knowledge rules out), it is
   * set aside and the same move with its best valid set is queued instead. A set aside for the path
   * condition keeps the semi-directed path that blocked it; only a change to an edge of that path
   * can make the set valid, so the move is queued again (with its upper bound) when one of those
   * edges changes. Moves blocked by the knowledge return to the queue after every move made. So
   * the queue always holds, for every candidate, a key at least its true gain, and each step makes
   * the move with the largest gain among the valid ones, as GES does.
   */
  @SuppressWarnings("unchecked")
  boolean forwardCached(boolean effectPairsOnly) {
    this.effectPairsOnly = effectPairsOnly;
    version = new int[p];
    live = emptyLists();
    queue.clear();
    long before = inserts;
    if (effect == null) {
      initialPairs();
      int[] required = requiredEndpoints();
      if (required.length > 0) {
        refreshInserts(required);
      }
    } else {
      // A later round: when the last forward phase ended, no move improved the score; only moves
      // into nodes the backward phase touched, or set aside as invalid, can now.
      for (long[] b : blocked) {
        dirty[(int) b[1]] = true;
      }
      refreshInserts(marked(dirty));
    }
    Arrays.fill(dirty, false);
    watchers = new ArrayList[p];
    everSetAside = new ArrayList<>();
    List<Move> eachStep = new ArrayList<>();
    Move m;
    while ((m = queue.poll()) != null) {
      Parallel.checkCancelled();
      m.queued = false;
      Move upper = m.parent != null ? m.parent : m;
      if (upper.dead || upper.version != version[upper.y] || g.adjacent(upper.x, upper.y)
          || (m.parent != null && m.generation != upper.generation)) {
        continue;
      }
      if (g.degree(m.x) >= maxDegree || g.degree(m.y) >= maxDegree) {
        degreeLimitHit = true;
        continue;
      }
      Workspace w = workspaces.get();
      if (pathConditionHolds(m.x, m.y, m.set, w) && allowedByKnowledge(m, true)) {
        insert(m);
        wake(eachStep);
        continue;
      }
      setAsideInsert(upper, w, eachStep);
    }
    blocked = new ArrayList<>();
    for (Move a : everSetAside) {
      if (a.version == version[a.y] && !g.adjacent(a.x, a.y)) {
        blocked.add(new long[] {a.x, a.y});
      }
    }
    watchers = null;
    everSetAside = null;
    return inserts > before;
  }

  /**
   * Sets aside an insertion whose best set is not valid now: queues the move with its best valid
   * set (if one improves the score) and arranges for the move to be looked at again when the
   * validity of a better set can have changed.
   */
  private void setAsideInsert(Move upper, Workspace w, List<Move> eachStep) {
    upper.generation++;
    everSetAside.add(upper);
    if (upper.ranked == null) {
      // Every set that passes the clique condition, best first, scored once: while the move's
      // inputs stay the same, only their validity can change.
      w.memo.clear();
      List<Move> all = new ArrayList<>();
      evaluateInsert(upper.x, upper.y, w, false, all);
      all.sort(null);
      upper.ranked = all.toArray(new Move[0]);
    }
    boolean knowledgeBlocked = false;
    for (Move a : upper.ranked) {
      int n = blockingPath(a.x, a.y, a.set, w);
      if (n > 0) {
        for (int i = 0; i + 1 < n; i++) {
          watch(w.path[i], upper);
        }
        continue;
      }
      if (!allowedByKnowledge(a, true)) {
        knowledgeBlocked = true;
        continue;
      }
      Move child = new Move(a.bump, upper.x, upper.y, a.set, upper.version);
      child.parent = upper;
      child.generation = upper.generation;
      push(child);
      break;
    }
    if (knowledgeBlocked) {
      eachStep.add(upper);
    }
  }

  private void watch(int v, Move upper) {
    if (watchers[v] == null) {
      watchers[v] = new ArrayList<>(2);
    }
    watchers[v].add(upper);
  }

  /**
   * After a move: queues again the set-aside insertions whose blocking path has an edge at a node
   * the move changed, and the moves blocked by the knowledge.
   */
  private void wake(List<Move> eachStep) {
    for (int v : lastTouched) {
      List<Move> ws = watchers == null ? null : watchers[v];
      if (ws != null) {
        for (Move u : ws) {
          requeue(u);
        }
        watchers[v] = null;
      }
    }
    for (Move u : eachStep) {
      requeue(u);
    }
    eachStep.clear();
  }

  private void requeue(Move upper) {
    if (!upper.queued && !upper.dead && upper.version == version[upper.y]) {
      upper.queued = true;
      queue.add(upper);
    }
  }

  /**
   * The backward phase with cached moves; with knowledge, a deletion whose best set leads to a
   * class the knowledge rules out is set aside as in {@link #forwardCached} and returns to the
   * queue after every move. Returns whether it deleted an edge.
   */
  boolean backwardCached() {
    version = new int[p];
    live = emptyLists();
    queue.clear();
    long before = deletes;
    refreshDeletes(IntStream.range(0, p).toArray());
    List<Move> eachStep = new ArrayList<>();
    Move m;
    while ((m = queue.poll()) != null) {
      Parallel.checkCancelled();
      m.queued = false;
      Move upper = m.parent != null ? m.parent : m;
      if (upper.dead || upper.version != version[upper.y] || !g.adjacent(upper.x, upper.y)
          || g.isDirected(upper.y, upper.x)
          || (m.parent != null && m.generation != upper.generation)) {
        continue;
      }
      if (allowedByKnowledge(m, false)) {
        delete(m);
        wake(eachStep);
        continue;
      }
      upper.generation++;
      eachStep.add(upper);
      Workspace w = workspaces.get();
      if (upper.ranked == null) {
        List<Move> all = new ArrayList<>();
        evaluateDelete(upper.x, upper.y, w, false, all);
        all.sort(null);
        upper.ranked = all.toArray(new Move[0]);
      }
      for (Move a : upper.ranked) {
        if (allowedByKnowledge(a, false)) {
          Move child = new Move(a.bump, upper.x, upper.y, a.set, upper.version);
          child.parent = upper;
          child.generation = upper.generation;
          push(child);
          break;
        }
      }
    }
    return deletes > before;
  }

  private Move[][] emptyLists() {
    Move[][] l = new Move[p][];
    Arrays.fill(l, new Move[0]);
    return l;
  }

  private static int[] marked(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    int[] out = new int[n];
    n = 0;
    for (int v = 0; v < flags.length; v++) {
      if (flags[v]) {
        out[n++] = v;
      }
    }
    return out;
  }

  /**
   * Scores adding each edge to the empty graph, both directions of every pair, in parallel by
   * target; queues the improving ones and, under the faithfulness heuristic, records the pairs
   * worth considering.
   */
  private void initialPairs() {
    int[][] better = new int[p][];
    double[][] gains = new double[p][];
    // Tiles of TILE targets × TILE sources: a local score of y given x reads the covariance
    // entries of y and x, and scanning all sources for one target at a time touches a new row of
    // a p × p matrix at every call (at p = 10,000 the scan is then bound by memory latency, about
    // ten times slower than the arithmetic). Within a tile the entries read are few and reused.
    int blocks = (p + TILE - 1) / TILE;
    forEach(blocks, b -> {
      Workspace w = workspaces.get();
      int from = b * TILE;
      int to = Math.min(p, from + TILE);
      int[] one = w.sized(1);
      double[] empty = new double[to - from];
      int[][] xs = new int[to - from][8];
      double[][] ds = new double[to - from][8];
      int[] counts = new int[to - from];
      long made = 0;
      for (int y = from; y < to; y++) {
        empty[y - from] = score.localScore(y, w.sized(0));
        made++;
      }
      for (int x0 = 0; x0 < p; x0 += TILE) {
        int x1 = Math.min(p, x0 + TILE);
        for (int y = from; y < to; y++) {
          int i = y - from;
          for (int x = x0; x < x1; x++) {
            if (x == y || (knowledge != null && knowledge.isAdjacencyForbidden(x, y))) {
              continue;
            }
            one[0] = x;
            double d = score.localScore(y, one) - empty[i];
            made++;
            if (d > 0) {
              if (counts[i] == xs[i].length) {
                xs[i] = Arrays.copyOf(xs[i], 2 * counts[i]);
                ds[i] = Arrays.copyOf(ds[i], 2 * counts[i]);
              }
              xs[i][counts[i]] = x;
              ds[i][counts[i]++] = d;
            }
          }
        }
      }
      for (int y = from; y < to; y++) {
        better[y] = Arrays.copyOf(xs[y - from], counts[y - from]);
        gains[y] = Arrays.copyOf(ds[y - from], counts[y - from]);
      }
      evaluations.add(made);
    });
    for (int y = 0; y < p; y++) {
      List<Move> moves = new ArrayList<>();
      for (int i = 0; i < better[y].length; i++) {
        int x = better[y][i];
        if (!g.adjacent(x, y) && (knowledge == null || !knowledge.isForbidden(x, y))
            && g.degree(x) < maxDegree && g.degree(y) < maxDegree) {
          moves.add(new Move(gains[y][i], x, y, Workspace.NONE, 0));
        }
      }
      queueAll(y, moves.toArray(new Move[0]));
    }
    {
      // The pair is worth considering if either direction improves the score.
      int[] count = new int[p];
      for (int y = 0; y < p; y++) {
        for (int x : better[y]) {
          count[y]++;
          count[x]++;
        }
      }
      effect = new int[p][];
      for (int v = 0; v < p; v++) {
        effect[v] = new int[count[v]];
        count[v] = 0;
      }
      for (int y = 0; y < p; y++) {
        for (int x : better[y]) {
          effect[y][count[y]++] = x;
          effect[x][count[x]++] = y;
        }
      }
      for (int v = 0; v < p; v++) {
        int[] e = effect[v];
        Arrays.sort(e);
        int k = 0;
        for (int i = 0; i < e.length; i++) {
          if (i == 0 || e[i] != e[i - 1]) {
            e[k++] = e[i];
          }
        }
        effect[v] = Arrays.copyOf(e, k);
      }
    }
  }

  private int[] requiredEndpoints() {
    boolean[] mark = new boolean[p];
    int n = 0;
    for (int v = 0; v < p; v++) {
      if (g.degree(v) > 0) {
        mark[v] = true;
        n++;
      }
    }
    int[] out = new int[n];
    n = 0;
    for (int v = 0; v < p; v++) {
      if (mark[v]) {
        out[n++] = v;
      }
    }
    return out;
  }

  private void insert(Move m) {
    int stamp = ++changeStamp;
    applyInsert(g, m, changed, stamp);
    inserts++;
    markCommonNeighbors(m.x, m.y, stamp);
    lastTouched = marked(changed, stamp);
    refreshInserts(lastTouched);
    refreshPairMoves(m.x, m.y, stamp, true);
  }

  private void delete(Move m) {
    int stamp = ++changeStamp;
    applyDelete(g, m, changed, stamp);
    deletes++;
    markCommonNeighbors(m.x, m.y, stamp);
    lastTouched = marked(changed, stamp);
    for (int t : lastTouched) {
      dirty[t] = true;
    }
    refreshDeletes(lastTouched);
    refreshPairMoves(m.x, m.y, stamp, false);
  }

  /**
   * Marks with {@code stamp} the common undirected neighbours of {@code x} and {@code y}, after a
   * move between them, so that every move into them is scored again. A move {@code a --> b} is
   * valid only if a set of {@code b}'s undirected neighbours is a clique ({@code NA ∪ T} for an
   * insertion, {@code NA \ H} for a deletion); when {@code x} and {@code y} are both among them,
   * the move that joined or parted them changed which sets are cliques, for every source {@code
   * a}. Without this, a deletion scored while {@code NA \ H} was a clique could be made after
   * another deletion broke the clique, leaving a graph that is no CPDAG, and an insertion could
   * miss a set {@code T} that became valid.
   */
  private void markCommonNeighbors(int x, int y, int stamp) {
    Workspace w = workspaces.get();
    int k = g.neighbors(x, Pdag.UNDIRECTED, w.listB);
    for (int i = 0; i < k; i++) {
      int b = w.listB[i];
      if (g.isUndirected(b, y)) {
        changed[b] = stamp;
      }
    }
  }

  /**
   * After a move between {@code x} and {@code y}: a move {@code a --> b} depends on {@code b}'s
   * parents and undirected neighbours, on which of those are adjacent to {@code a}, and on which
   * of those are adjacent to each other. The moves into nodes whose edges changed, and into the
   * common undirected neighbours of {@code x} and {@code y} ({@link #markCommonNeighbors}), were
   * scored again; of the moves into other nodes, only {@code x --> b} for the undirected
   * neighbours {@code b} of {@code y} and {@code y --> b} for those of {@code x} changed (the
   * adjacency of {@code x} and {@code y} did), so only these are scored again.
   */
  private void refreshPairMoves(int x, int y, int stamp, boolean forward) {
    Workspace w = workspaces.get();
    for (int side = 0; side < 2; side++) {
      int source = side == 0 ? x : y;
      int other = side == 0 ? y : x;
      int k = g.neighbors(other, Pdag.UNDIRECTED, w.listB);
      for (int i = 0; i < k; i++) {
        int b = w.listB[i];
        if (changed[b] == stamp || b == source) {
          continue;
        }
        if (forward) {
          if (!effectPairsOnly || Arrays.binarySearch(effect[b], source) >= 0) {
            replaceMove(b, source, addInsert(source, b, w));
          }
        } else if (g.adjacent(source, b) && !g.isDirected(b, source)) {
          replaceMove(b, source, evaluateDelete(source, b, w, false));
        }
        dirty[b] |= !forward;
      }
    }
  }

  /** Replaces the queued move {@code x --> y} (if any) by {@code m} (if it improves the score). */
  private void replaceMove(int y, int x, Move m) {
    Move[] l = live[y];
    int at = indexOfSource(l, x);
    if (at >= 0) {
      l[at].dead = true;
    }
    if (m != null && m.bump > 0) {
      m.version = version[y];
      push(m);
      if (at >= 0) {
        l[at] = m;
      } else {
        int ins = -at - 1;
        Move[] grown = new Move[l.length + 1];
        System.arraycopy(l, 0, grown, 0, ins);
        grown[ins] = m;
        System.arraycopy(l, ins, grown, ins + 1, l.length - ins);
        live[y] = grown;
      }
    } else if (at >= 0) {
      Move[] shrunk = new Move[l.length - 1];
      System.arraycopy(l, 0, shrunk, 0, at);
      System.arraycopy(l, at + 1, shrunk, at, l.length - at - 1);
      live[y] = shrunk;
    }
  }

  /** Position of the move from {@code x} in a list ordered by source, or {@code -(insertion) − 1}. */
  private static int indexOfSource(Move[] l, int x) {
    int lo = 0;
    int hi = l.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Integer.compare(l[mid].x, x);
      if (c == 0) {
        return mid;
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -lo - 1;
  }

  /** {@code Insert(x, y, T)} on {@code h}, then its CPDAG; marks the nodes it changed. */
  private static void applyInsert(Pdag h, Move m, int[] changed, int stamp) {
    h.addDirected(m.x, m.y);
    changed[m.x] = stamp;
    changed[m.y] = stamp;
    for (int t : m.set) {
      h.orient(t, m.y);
      changed[t] = stamp;
    }
    h.complete(m.y, null, changed, stamp);
  }

  /** {@code Delete(x, y, H)} on {@code h}, then its CPDAG; marks the nodes it changed. */
  private static void applyDelete(Pdag h, Move m, int[] changed, int stamp) {
    h.remove(m.x, m.y);
    changed[m.x] = stamp;
    changed[m.y] = stamp;
    for (int z : m.set) {
      h.orient(m.y, z);
      if (h.isUndirected(m.x, z)) {
        h.orient(m.x, z);
      }
      changed[z] = stamp;
    }
    h.complete(m.y, null, changed, stamp);
  }

  /**
   * True if the class the move leads to has a DAG that the knowledge allows (always, without
   * knowledge). The search state is the plain CPDAG of a class; the knowledge selects which
   * classes may be visited: those where closing the CPDAG under the knowledge (Meek 1995) orients
   * no compelled edge against it and yields a graph whose consistent extensions are in the class.
   * Checked when a move is about to be made, on a copy of the graph.
   */
  private boolean allowedByKnowledge(Move m, boolean insert) {
    if (knowledge == null) {
      return true;
    }
    Pdag trial = g.copy();
    int[] scratch = new int[p];
    if (insert) {
      applyInsert(trial, m, scratch, 1);
    } else {
      applyDelete(trial, m, scratch, 1);
    }
    return classAllows(trial, knowledge, score.variables());
  }

  /** True if the class of CPDAG {@code cpdag} has a DAG the knowledge allows. */
  static boolean classAllows(Pdag cpdag, BoundKnowledge knowledge, List<String> names) {
    Pdag closed = cpdag.copy();
    closed.closeWithKnowledge(knowledge);
    for (int v = 0; v < closed.p; v++) {
      for (int i = 0; i < closed.degree(v); i++) {
        if (closed.kindAt(v, i) == Pdag.CHILD && knowledge.isForbidden(v, closed.neighbor(v, i))) {
          return false;
        }
      }
    }
    Optional<Graph> dag = ConsistentExtension.of(closed.toGraph(names));
    return dag.isPresent() && Cpdag.of(dag.get()).equals(cpdag.toGraph(names));
  }

  /** The nodes marked with {@code stamp}, ascending. */
  private static int[] marked(int[] marks, int stamp) {
    int n = 0;
    for (int v : marks) {
      n += v == stamp ? 1 : 0;
    }
    int[] out = new int[n];
    n = 0;
    for (int v = 0; v < marks.length; v++) {
      if (marks[v] == stamp) {
        out[n++] = v;
      }
    }
    return out;
  }

  /** Scores again every candidate insertion into each target, in parallel, and queues them. */
  private void refreshInserts(int[] targets) {
    if (!effectPairsOnly) {
      refreshInsertsFromAll(targets);
      return;
    }
    Move[][] slots = new Move[targets.length][];
    forEach(targets.length, i -> slots[i] = insertsInto(targets[i]));
    for (int i = 0; i < targets.length; i++) {
      queueAll(targets[i], slots[i]);
    }
  }

  /** Queues a target's freshly scored moves (ordered by source) in place of its earlier ones. */
  private void queueAll(int y, Move[] moves) {
    int v = ++version[y];
    for (Move m : moves) {
      m.version = v;
      push(m);
    }
    live[y] = moves;
  }

  /**
   * {@link #refreshInserts} when every node is a candidate source: the sources are the outer loop,
   * split into chunks scored in parallel, and all targets of the step are scored against each
   * source in turn, so the covariance entries of a source are read while they are in cache (with
   * the targets outermost, every call reads a new row of a p × p matrix, and at p = 10,000 the
   * scan is bound by memory latency). A source adjacent to none of a target's undirected
   * neighbours ("far") sees the same conditioning sets as every other far source, whose base
   * scores are computed once per target; the few others are scored one by one. The moves and
   * their gains are exactly those {@link #insertsInto} would give.
   */
  private void refreshInsertsFromAll(int[] targets) {
    int nt = targets.length;
    FarPlan[] plans = new FarPlan[nt];
    forEach(nt, i -> plans[i] = farPlan(targets[i]));
    int chunks = (p + SOURCE_CHUNK - 1) / SOURCE_CHUNK;
    Move[][][] found = new Move[chunks][][];
    forEach(chunks, c -> {
      Workspace w = workspaces.get();
      List<List<Move>> lists = new ArrayList<>(nt);
      for (int i = 0; i < nt; i++) {
        lists.add(new ArrayList<>());
      }
      int x1 = Math.min(p, (c + 1) * SOURCE_CHUNK);
      for (int x = c * SOURCE_CHUNK; x < x1; x++) {
        if (g.degree(x) >= maxDegree) {
          continue;
        }
        for (int i = 0; i < nt; i++) {
          FarPlan plan = plans[i];
          int y = plan.y;
          if (plan.full || x == y || g.adjacent(x, y)) {
            continue;
          }
          Move m;
          if (Arrays.binarySearch(plan.near, x) >= 0) {
            w.memo.clear();
            m = evaluateInsert(x, y, w, false);
          } else {
            m = plan.evaluateFar(x, w);
          }
          if (m != null && m.bump > 0) {
            lists.get(i).add(m);
          }
        }
      }
      Move[][] out = new Move[nt][];
      for (int i = 0; i < nt; i++) {
        out[i] = lists.get(i).toArray(new Move[0]);
      }
      found[c] = out;
    });
    for (int i = 0; i < nt; i++) {
      int count = 0;
      for (int c = 0; c < chunks; c++) {
        count += found[c][i].length;
      }
      Move[] all = new Move[count];
      count = 0;
      for (int c = 0; c < chunks; c++) {
        System.arraycopy(found[c][i], 0, all, count, found[c][i].length);
        count += found[c][i].length;
      }
      queueAll(targets[i], all);
    }
  }

  private FarPlan farPlan(int y) {
    Workspace w = workspaces.get();
    FarPlan plan = new FarPlan(y);
    if (g.degree(y) >= maxDegree) {
      plan.full = true;
      return plan;
    }
    int nu = g.neighbors(y, Pdag.UNDIRECTED, w.u);
    int nt = 0;
    int nearCount = 0;
    for (int i = 0; i < nu; i++) {
      int z = w.u[i];
      if (knowledge == null || !knowledge.isForbidden(z, y)) {
        w.t0[nt++] = z;
      }
      nearCount += g.degree(z);
    }
    int[] near = new int[nearCount];
    int k = 0;
    for (int i = 0; i < nu; i++) {
      int z = w.u[i];
      for (int j = 0; j < g.degree(z); j++) {
        near[k++] = g.neighbor(z, j);
      }
    }
    Arrays.sort(near);
    plan.near = near;
    int npa = g.neighbors(y, Pdag.PARENT, w.pa);
    plan.pa = Arrays.copyOf(w.pa, npa);
    int count = cliques(w.t0, nt, w.na, 0, w);
    plan.offsets = new int[count + 1];
    for (int c = 0; c < count; c++) {
      plan.offsets[c + 1] = plan.offsets[c] + w.subsetSize(c);
    }
    plan.sets = Arrays.copyOf(w.pool, plan.offsets[count]);
    plan.base = new double[count];
    for (int c = 0; c < count; c++) {
      int tk = plan.offsets[c + 1] - plan.offsets[c];
      int ks = w.composeSorted(plan.pa, npa, w.na, 0, plan.sets, plan.offsets[c], tk, -1);
      plan.base[c] = local(y, w.sized(ks, w.set));
    }
    return plan;
  }

  /**
   * A target's parents and the sets {@code T} (cliques of its undirected neighbours) with their
   * base scores {@code s(y | Pa ∪ T)}: what every source adjacent to none of its undirected
   * neighbours is scored against.
   */
  private final class FarPlan {
    final int y;
    boolean full;
    int[] near = Workspace.NONE;
    int[] pa;
    int[] sets;
    int[] offsets;
    double[] base;

    FarPlan(int y) {
      this.y = y;
    }

    /** As {@link #evaluateInsert} for a source {@code x} adjacent to none of them. */
    Move evaluateFar(int x, Workspace w) {
      if (knowledge != null && knowledge.isForbidden(x, y)) {
        return null;
      }
      int bestC = -1;
      double bestBump = 0;
      for (int c = 0; c < base.length; c++) {
        int tk = offsets[c + 1] - offsets[c];
        int kx = w.composeSorted(pa, pa.length, w.na, 0, sets, offsets[c], tk, x);
        double bump = local(y, w.sized(kx, w.set)) - base[c];
        if (bestC < 0 || bump > bestBump) {
          bestC = c;
          bestBump = bump;
        }
      }
      return bestC < 0 ? null : new Move(bestBump, x, y,
          Arrays.copyOfRange(sets, offsets[bestC], offsets[bestC + 1]), 0);
    }
  }

  private void refreshDeletes(int[] targets) {
    Move[][] slots = new Move[targets.length][];
    forEach(targets.length, i -> slots[i] = deletesInto(targets[i], false));
    for (int i = 0; i < targets.length; i++) {
      queueAll(targets[i], slots[i]);
    }
  }

  /** The improving insertions into {@code y} from the pairs the heuristic keeps. */
  private Move[] insertsInto(int y) {
    Workspace w = workspaces.get();
    w.memo.clear();
    List<Move> out = new ArrayList<>();
    if (g.degree(y) >= maxDegree) {
      return new Move[0];
    }
    for (int x : effect[y]) {
      Move m = addInsert(x, y, w);
      if (m != null) {
        out.add(m);
      }
    }
    return out.toArray(new Move[0]);
  }

  /** The best insertion {@code x --> y} if it may be made and improves the score, else null. */
  private Move addInsert(int x, int y, Workspace w) {
    if (x == y || g.adjacent(x, y) || g.degree(x) >= maxDegree || g.degree(y) >= maxDegree) {
      return null;
    }
    w.memo.clear();
    Move m = evaluateInsert(x, y, w, false);
    return m != null && m.bump > 0 ? m : null;
  }

  private Move[] deletesInto(int y, boolean exact) {
    Workspace w = workspaces.get();
    List<Move> out = new ArrayList<>();
    int d = g.degree(y);
    for (int i = 0; i < d; i++) {
      int x = g.neighbor(y, i);
      byte k = g.kindAt(y, i);
      if (k == Pdag.CHILD) {
        continue;
      }
      Move m = evaluateDelete(x, y, w, exact);
      if (m != null && m.bump > 0) {
        out.add(m);
      }
    }
    return out.toArray(new Move[0]);
  }

  private void push(Move m) {
    m.seq = pushes++;
    m.queued = true;
    queue.add(m);
  }

  // ---------------------------------------------------------------------------------------------
  // GES: every move scored afresh at every step.

  /**
   * The forward phase of GES: at each step, the best valid insertion over all pairs. Returns
   * whether it inserted an edge.
   */
  boolean forwardExhaustive() {
    long before = inserts;
    while (true) {
      Parallel.checkCancelled();
      Move[][] byTarget = new Move[p][];
      forEach(p, y -> {
        Workspace w = workspaces.get();
        w.memo.clear();
        List<Move> found = new ArrayList<>();
        if (g.degree(y) < maxDegree) {
          for (int x = 0; x < p; x++) {
            if (x != y && !g.adjacent(x, y) && g.degree(x) < maxDegree) {
              Move m = evaluateInsert(x, y, w, true);
              if (m != null && m.bump > 0) {
                found.add(m);
              }
            }
          }
        }
        byTarget[y] = found.toArray(new Move[0]);
      });
      Move top = best(byTarget);
      if (top == null) {
        return inserts > before;
      }
      applyInsert(g, top, changed, ++changeStamp);
      inserts++;
    }
  }

  /**
   * The backward phase of GES: at each step, the best valid deletion over all edges. Returns
   * whether it deleted an edge.
   */
  boolean backwardExhaustive() {
    long before = deletes;
    while (true) {
      Parallel.checkCancelled();
      Move[][] byTarget = new Move[p][];
      forEach(p, y -> byTarget[y] = deletesInto(y, true));
      Move top = best(byTarget);
      if (top == null) {
        return deletes > before;
      }
      applyDelete(g, top, changed, ++changeStamp);
      deletes++;
    }
  }

  /** The best of the moves, or null. */
  private static Move best(Move[][] byTarget) {
    Move top = null;
    for (Move[] ms : byTarget) {
      for (Move m : ms) {
        if (top == null || m.compareTo(top) < 0) {
          top = m;
        }
      }
    }
    return top;
  }

  // ---------------------------------------------------------------------------------------------
  // Operators (Chickering 2002, §4.2 and Theorems 15 and 17)

  /**
   * The best {@code Insert(x, y, T)}: {@code T} ranges over the undirected neighbours of {@code y}
   * not adjacent to {@code x}, such that {@code NA ∪ T} is a clique ({@code NA}: the undirected
   * neighbours of {@code y} adjacent to {@code x}) and the knowledge allows {@code x --> y} and
   * every {@code t --> y} (these are compelled: {@code t --> y <-- x} is a v-structure). With
   * {@code exact}, also Chickering's path condition (every semi-directed path from {@code y} to
   * {@code x} meets {@code NA ∪ T}) and, with knowledge, that the class it leads to has a DAG the
   * knowledge allows. Null if no {@code T} is valid. Ties between sets go to the first in the
   * enumeration order (see {@link #cliques}).
   */
  private Move evaluateInsert(int x, int y, Workspace w, boolean exact) {
    return evaluateInsert(x, y, w, exact, null);
  }

  /** As above; with a {@code sink}, adds every improving set's move to it (no validity checks). */
  private Move evaluateInsert(int x, int y, Workspace w, boolean exact, List<Move> sink) {
    if (knowledge != null && knowledge.isForbidden(x, y)) {
      return null;
    }
    int nu = g.neighbors(y, Pdag.UNDIRECTED, w.u);
    int na = 0;
    int nt = 0;
    for (int i = 0; i < nu; i++) {
      int z = w.u[i];
      if (g.adjacent(z, x)) {
        w.na[na++] = z;
      } else if (knowledge == null || !knowledge.isForbidden(z, y)) {
        w.t0[nt++] = z;
      }
    }
    if (!g.isClique(w.na, na)) {
      return null;
    }
    int npa = g.neighbors(y, Pdag.PARENT, w.pa);
    Move best = null;
    int[] chosen = w.chosen;
    int count = cliques(w.t0, nt, w.na, na, w);
    int[] t = w.pool;
    for (int c = 0; c < count; c++) {
      int tk = w.subsetSize(c);
      int to = w.subsetOffset(c);
      // S = Pa ∪ NA ∪ T; the move's gain is s(y | S ∪ {x}) − s(y | S).
      int ks = w.composeSorted(w.pa, npa, w.na, na, t, to, tk, -1);
      double without = memoLocal(y, w, ks, na, to, tk, nu);
      int kx = w.composeSorted(w.pa, npa, w.na, na, t, to, tk, x);
      double bump = local(y, w.sized(kx, w.set)) - without;
      if (sink != null) {
        if (bump > 0) {
          sink.add(new Move(bump, x, y, Arrays.copyOfRange(t, to, to + tk), 0));
        }
        continue;
      }
      if (best != null && !(bump > best.bump)) {
        continue;
      }
      if (exact) {
        System.arraycopy(w.na, 0, chosen, 0, na);
        System.arraycopy(t, to, chosen, na, tk);
        if (g.semiDirectedPath(y, x, chosen, na + tk, w.visited, w.nextVisitStamp(), w.work)) {
          continue;
        }
      }
      Move candidate = new Move(bump, x, y, Arrays.copyOfRange(t, to, to + tk), 0);
      if (exact && !allowedByKnowledge(candidate, true)) {
        continue;
      }
      best = candidate;
    }
    return best;
  }

  /**
   * The nodes of a semi-directed path from {@code y} to {@code x} avoiding {@code NA ∪ T} (into
   * {@code w.path}), or 0 if there is none (Chickering's path condition holds).
   */
  private int blockingPath(int x, int y, int[] t, Workspace w) {
    int nu = g.neighbors(y, Pdag.UNDIRECTED, w.u);
    int k = 0;
    for (int i = 0; i < nu; i++) {
      if (g.adjacent(w.u[i], x)) {
        w.chosen[k++] = w.u[i];
      }
    }
    for (int z : t) {
      w.chosen[k++] = z;
    }
    return g.semiDirectedPath(y, x, w.chosen, k, w.visited, w.nextVisitStamp(), w.work, w.pred,
        w.path);
  }

  /** Chickering's path condition for {@code Insert(x, y, T)} as the graph is now. */
  private boolean pathConditionHolds(int x, int y, int[] t, Workspace w) {
    int nu = g.neighbors(y, Pdag.UNDIRECTED, w.u);
    int k = 0;
    for (int i = 0; i < nu; i++) {
      if (g.adjacent(w.u[i], x)) {
        w.chosen[k++] = w.u[i];
      }
    }
    for (int z : t) {
      w.chosen[k++] = z;
    }
    return !g.semiDirectedPath(y, x, w.chosen, k, w.visited, w.nextVisitStamp(), w.work);
  }

  /**
   * The best {@code Delete(x, y, H)} for {@code x --> y} or {@code x --- y}: {@code H} ranges over
   * subsets of {@code NA} (the undirected neighbours of {@code y} adjacent to {@code x}) whose
   * complement {@code NA \ H} is a clique, and whose orientations {@code y --> h} (and {@code x -->
   * h} where {@code x --- h}) the knowledge allows (compelled: {@code x --> h <-- y} becomes a
   * v-structure). With {@code exact} and knowledge, also that the class it leads to has a DAG the
   * knowledge allows. Null if the knowledge requires the edge or no {@code H} is valid.
   */
  private Move evaluateDelete(int x, int y, Workspace w, boolean exact) {
    return evaluateDelete(x, y, w, exact, null);
  }

  /** As above; with a {@code sink}, adds every improving set's move to it (no knowledge checks). */
  private Move evaluateDelete(int x, int y, Workspace w, boolean exact, List<Move> sink) {
    if (knowledge != null && knowledge.isAdjacencyRequired(x, y)) {
      return null;
    }
    int nu = g.neighbors(y, Pdag.UNDIRECTED, w.u);
    int na = 0;
    int nFixed = 0;
    for (int i = 0; i < nu; i++) {
      int z = w.u[i];
      if (z != x && g.adjacent(z, x)) {
        // z may go in H only if the knowledge allows y --> z (and x --> z for x --- z).
        boolean mayOrient = knowledge == null
            || (!knowledge.isForbidden(y, z)
                && !(g.isUndirected(x, z) && knowledge.isForbidden(x, z)));
        if (mayOrient) {
          w.na[na++] = z;
        } else {
          w.t0[nFixed++] = z;
        }
      }
    }
    // Nodes that may not join H stay in the complement, which must be a clique with them.
    if (!g.isClique(w.t0, nFixed)) {
      return null;
    }
    int npa = 0;
    int d = g.degree(y);
    for (int i = 0; i < d; i++) {
      if (g.kindAt(y, i) == Pdag.PARENT && g.neighbor(y, i) != x) {
        w.pa[npa++] = g.neighbor(y, i);
      }
    }
    Move best = null;
    int count = cliques(w.na, na, w.t0, nFixed, w);
    int[] comp = w.pool;
    for (int c = 0; c < count; c++) {
      int ck = w.subsetSize(c);
      int co = w.subsetOffset(c);
      // Complement C = fixed ∪ chosen; H = NA \ C. Gain: s(y | Pa ∪ C) − s(y | Pa ∪ C ∪ {x}).
      int ks = w.composeSorted(w.pa, npa, w.t0, nFixed, comp, co, ck, -1);
      double without = local(y, w.sized(ks, w.set));
      int kx = w.composeSorted(w.pa, npa, w.t0, nFixed, comp, co, ck, x);
      double bump = without - local(y, w.sized(kx, w.set));
      if (sink != null ? bump > 0 : best == null || bump > best.bump) {
        int[] h = new int[na - ck];
        int hk = 0;
        for (int i = 0, j = 0; i < na; i++) {
          if (j < ck && comp[co + j] == w.na[i]) {
            j++;
          } else {
            h[hk++] = w.na[i];
          }
        }
        Move candidate = new Move(bump, x, y, h, 0);
        if (sink != null) {
          sink.add(candidate);
        } else if (!exact || allowedByKnowledge(candidate, false)) {
          best = candidate;
        }
      }
    }
    return best;
  }

  /**
   * Lists in {@code w} every subset {@code T} of {@code cand[0..n)} such that {@code base ∪ T} is a
   * clique, in depth-first lexicographic order (the empty set first, then {@code {c0}, {c0, c1},
   * …, {c1}, …}); returns how many. {@code base} must itself be a clique.
   */
  private int cliques(int[] cand, int n, int[] base, int nb, Workspace w) {
    w.resetSubsets();
    int[] stack = w.stack;
    w.addSubset(stack, 0);
    extend(cand, n, base, nb, 0, 0, w);
    return w.subsetCount;
  }

  private void extend(int[] cand, int n, int[] base, int nb, int from, int depth, Workspace w) {
    int[] stack = w.stack;
    for (int i = from; i < n; i++) {
      int c = cand[i];
      boolean ok = true;
      for (int j = 0; j < nb && ok; j++) {
        ok = g.adjacent(c, base[j]);
      }
      for (int j = 0; j < depth && ok; j++) {
        ok = g.adjacent(c, stack[j]);
      }
      if (ok) {
        stack[depth] = c;
        w.addSubset(stack, depth + 1);
        extend(cand, n, base, nb, i + 1, depth + 1, w);
      }
    }
  }

  /**
   * {@code s(y | Pa ∪ NA ∪ T)}, remembered while one target's moves are scored (callers clear the
   * memo before each target): all moves into {@code y} from nodes adjacent to none of its
   * undirected neighbours share these sets, so each is scored once instead of once per source.
   */
  private double memoLocal(int y, Workspace w, int ks, int nna, int to, int tk, int nu) {
    if (nu > 62) {
      return local(y, w.sized(ks, w.set));
    }
    long key = 0;
    for (int i = 0; i < nna; i++) {
      key |= 1L << indexIn(w.u, nu, w.na[i]);
    }
    for (int i = 0; i < tk; i++) {
      key |= 1L << indexIn(w.u, nu, w.pool[to + i]);
    }
    SubsetMemo memo = w.memo;
    double v = memo.get(key);
    if (Double.isNaN(v)) {
      v = local(y, w.sized(ks, w.set));
      memo.put(key, v);
    }
    return v;
  }

  private static int indexIn(int[] a, int n, int v) {
    return Arrays.binarySearch(a, 0, n, v);
  }

  private double local(int y, int[] parents) {
    evaluations.increment();
    double s = score.localScore(y, parents);
    if (Double.isNaN(s)) {
      throw new IllegalStateException("the score of '" + score.variables().get(y)
          + "' given " + parents.length + " parent(s) is not a number");
    }
    return s;
  }

  /** Runs {@code body} for {@code 0..n-1} on the search's threads (inline when there is one). */
  private void forEach(int n, IntConsumer body) {
    if (pool == null || n < 2) {
      for (int i = 0; i < n; i++) {
        Parallel.checkCancelled();
        body.accept(i);
      }
      return;
    }
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the search was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * A scored move: {@code Insert(x, y, set)} forwards, {@code Delete(x, y, set)} backwards. Ordered
   * best first: larger gain, then smaller {@code x}, then smaller {@code y}, then earlier queued.
   */
  static final class Move implements Comparable<Move> {
    final double bump;
    final int x;
    final int y;
    final int[] set;
    int version;
    long seq;
    /** Once set aside: the move with each improving set, best first. */
    Move[] ranked;
    /** For a move queued in place of a set-aside one: that move (its upper bound); else null. */
    Move parent;
    /** Set-aside count of the upper-bound move; a replacement is current only if it matches. */
    int generation;
    /** True while in the queue (so a move woken twice is queued once). */
    boolean queued;
    /** Replaced by a fresh score of the same move. */
    boolean dead;

    Move(double bump, int x, int y, int[] set, int version) {
      this.bump = bump;
      this.x = x;
      this.y = y;
      this.set = set;
      this.version = version;
    }

    @Override
    public int compareTo(Move o) {
      int c = Double.compare(o.bump, bump);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(x, o.x);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(y, o.y);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** Per-thread scratch: no allocation per score evaluation. */
  static final class Workspace {
    static final int[] NONE = new int[0];

    final int[] u;
    final int[] na;
    final int[] t0;
    final int[] pa;
    final int[] chosen;
    final int[] stack;
    int[] set;
    final int[] listA;
    final int[] listB;
    final double[] gains;
    final int[] visited;
    int visitStamp;
    final int[] work;
    final int[] pred;
    final int[] path;
    final SubsetMemo memo = new SubsetMemo();
    private int[][] bySize = new int[8][];
    /** The enumerated subsets, packed one after another. */
    int[] pool = new int[64];
    private int[] offsets = new int[17];
    int subsetCount;
    private int poolSize;

    Workspace(int p) {
      u = new int[p];
      na = new int[p];
      t0 = new int[p];
      pa = new int[p];
      chosen = new int[p];
      stack = new int[p];
      set = new int[16];
      listA = new int[p];
      listB = new int[p];
      gains = new double[p];
      visited = new int[p];
      work = new int[p];
      pred = new int[p];
      path = new int[p + 1];
    }

    /** An array of exactly {@code k} elements, reused (its contents are the caller's). */
    int[] sized(int k) {
      if (k >= bySize.length) {
        bySize = Arrays.copyOf(bySize, 2 * k + 1);
      }
      int[] a = bySize[k];
      if (a == null) {
        a = new int[k];
        bySize[k] = a;
      }
      return a;
    }

    /** The first {@code k} elements of {@code src} in an exactly sized reused array. */
    int[] sized(int k, int[] src) {
      int[] a = sized(k);
      System.arraycopy(src, 0, a, 0, k);
      return a;
    }

    /**
     * Writes the sorted union of three disjoint lists (and {@code extra} unless negative) into
     * {@code set}; returns its size. Parent sets are always passed in ascending order, so a score
     * never sees one set in two orders (which could round differently).
     */
    int composeSorted(int[] a, int na, int[] b, int nb, int[] c, int co, int nc, int extra) {
      int k = na + nb + nc + (extra >= 0 ? 1 : 0);
      if (set.length < k) {
        set = new int[Math.max(k, 2 * set.length)];
      }
      System.arraycopy(a, 0, set, 0, na);
      System.arraycopy(b, 0, set, na, nb);
      System.arraycopy(c, co, set, na + nb, nc);
      if (extra >= 0) {
        set[k - 1] = extra;
      }
      for (int i = 1; i < k; i++) {
        int v = set[i];
        int j = i - 1;
        while (j >= 0 && set[j] > v) {
          set[j + 1] = set[j];
          j--;
        }
        set[j + 1] = v;
      }
      return k;
    }

    void resetSubsets() {
      subsetCount = 0;
      poolSize = 0;
    }

    void addSubset(int[] elems, int k) {
      if (subsetCount + 1 >= offsets.length) {
        offsets = Arrays.copyOf(offsets, 2 * offsets.length);
      }
      if (poolSize + k > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolSize + k));
      }
      offsets[subsetCount] = poolSize;
      System.arraycopy(elems, 0, pool, poolSize, k);
      poolSize += k;
      subsetCount++;
      offsets[subsetCount] = poolSize;
    }

    int subsetSize(int c) {
      return offsets[c + 1] - offsets[c];
    }

    /** Where subset {@code c} starts in {@link #pool}. */
    int subsetOffset(int c) {
      return offsets[c];
    }

    /** A fresh stamp for {@link #visited}; wraps by clearing the array. */
    int nextVisitStamp() {
      if (visitStamp == Integer.MAX_VALUE) {
        Arrays.fill(visited, 0);
        visitStamp = 0;
      }
      return ++visitStamp;
    }
  }

  /** A small open-addressing map from subset bit masks to scores, cleared per target. */
  static final class SubsetMemo {
    private long[] keys = new long[64];
    private double[] values = new double[64];
    private boolean[] used = new boolean[64];
    private int size;

    void clear() {
      if (size > 0) {
        Arrays.fill(used, false);
        size = 0;
      }
    }

    double get(long key) {
      int mask = keys.length - 1;
      for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
      }
      return Double.NaN;
    }

    void put(long key, double v) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = mix(key) & mask;
      while (used[i]) {
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
      values[i] = v;
      size++;
    }

    private void grow() {
      long[] ok = keys;
      double[] ov = values;
      boolean[] ou = used;
      keys = new long[ok.length * 2];
      values = new double[ok.length * 2];
      used = new boolean[ok.length * 2];
      size = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ou[i]) {
          put(ok[i], ov[i]);
        }
      }
    }

    private static int mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
