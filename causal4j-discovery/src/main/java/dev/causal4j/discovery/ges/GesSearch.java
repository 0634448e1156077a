package dev.causal4j.discovery.ges;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.score.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private final PriorityQueue<Move> queue = new PriorityQueue<>();
  private long pushes;
  private final int[] changed;
  private int changeStamp;
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
   * again only when something it depends on changed; the best is taken from a queue.
   */
  void forwardCached(boolean effectPairsOnly) {
    this.effectPairsOnly = effectPairsOnly;
    version = new int[p];
    queue.clear();
    if (effect == null) {
      initialPairs();
      int[] required = requiredEndpoints();
      if (required.length > 0) {
        refreshInserts(required);
      }
    } else {
      refreshInserts(IntStream.range(0, p).toArray());
    }
    boolean moved = true;
    List<long[]> blocked = new ArrayList<>();
    while (moved) {
      moved = false;
      Move m;
      while ((m = queue.poll()) != null) {
        Parallel.checkCancelled();
        if (m.version != version[m.y] || g.adjacent(m.x, m.y)) {
          continue;
        }
        if (g.degree(m.x) >= maxDegree || g.degree(m.y) >= maxDegree) {
          degreeLimitHit = true;
          continue;
        }
        Workspace w = workspaces.get();
        if (!pathConditionHolds(m.x, m.y, m.set, w)) {
          // The chosen T leaves a semi-directed path from y to x (or, for a move already
          // restricted, a path appeared since): find the best T that does not.
          Move exact = evaluateInsert(m.x, m.y, w, true);
          blocked.add(new long[] {m.x, m.y, m.version});
          if (exact != null && exact.bump > 0) {
            exact.version = m.version;
            push(exact);
          }
          continue;
        }
        insert(m);
        moved = true;
      }
      // Moves set aside for the path condition may have become valid as the graph grew; look at
      // them again, so the phase ends only when no valid insertion improves the score.
      if (moved) {
        List<long[]> again = blocked;
        blocked = new ArrayList<>();
        for (long[] b : again) {
          int x = (int) b[0];
          int y = (int) b[1];
          if (b[2] == version[y] && !g.adjacent(x, y)) {
            Move up = evaluateInsert(x, y, workspaces.get(), false);
            if (up != null && up.bump > 0) {
              up.version = version[y];
              push(up);
            }
          }
        }
        moved = !queue.isEmpty();
      }
    }
  }

  /** The backward phase with cached moves. */
  void backwardCached() {
    version = new int[p];
    queue.clear();
    int[] all = IntStream.range(0, p).toArray();
    refreshDeletes(all);
    Move m;
    while ((m = queue.poll()) != null) {
      Parallel.checkCancelled();
      if (m.version != version[m.y] || !g.adjacent(m.x, m.y) || g.isDirected(m.y, m.x)) {
        continue;
      }
      delete(m);
    }
  }

  /**
   * Scores adding each edge to the empty graph, both directions of every pair, in parallel by
   * target; queues the improving ones and, under the faithfulness heuristic, records the pairs
   * worth considering.
   */
  private void initialPairs() {
    int[][] better = new int[p][];
    double[][] gains = new double[p][];
    forEach(p, y -> {
      Workspace w = workspaces.get();
      int[] one = w.sized(1);
      double empty = local(y, w.sized(0));
      int n = 0;
      int[] xs = w.listA;
      double[] ds = w.gains;
      for (int x = 0; x < p; x++) {
        if (x == y || (knowledge != null && knowledge.isAdjacencyForbidden(x, y))) {
          continue;
        }
        one[0] = x;
        double d = local(y, one) - empty;
        if (d > 0) {
          xs[n] = x;
          ds[n++] = d;
        }
      }
      better[y] = Arrays.copyOf(xs, n);
      gains[y] = Arrays.copyOf(ds, n);
    });
    for (int y = 0; y < p; y++) {
      for (int i = 0; i < better[y].length; i++) {
        int x = better[y][i];
        if (!g.adjacent(x, y) && (knowledge == null || !knowledge.isForbidden(x, y))
            && g.degree(x) < maxDegree && g.degree(y) < maxDegree) {
          push(new Move(gains[y][i], x, y, Workspace.NONE, 0));
        }
      }
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
    int x = m.x;
    int y = m.y;
    int stamp = ++changeStamp;
    g.addDirected(x, y);
    changed[x] = stamp;
    changed[y] = stamp;
    for (int t : m.set) {
      g.orient(t, y);
      changed[t] = stamp;
    }
    g.complete(y, knowledge, changed, stamp);
    inserts++;
    refreshInserts(targetsAfterMove(x, y, stamp));
  }

  private void delete(Move m) {
    int x = m.x;
    int y = m.y;
    int stamp = ++changeStamp;
    g.remove(x, y);
    changed[x] = stamp;
    changed[y] = stamp;
    for (int h : m.set) {
      g.orient(y, h);
      if (g.isUndirected(x, h)) {
        g.orient(x, h);
      }
      changed[h] = stamp;
    }
    g.complete(y, knowledge, changed, stamp);
    deletes++;
    refreshDeletes(targetsAfterMove(x, y, stamp));
  }

  /**
   * The nodes whose incoming moves must be scored again after a move between {@code x} and {@code
   * y}: a move {@code a --> b} depends on {@code b}'s parents and undirected neighbours and on which
   * of those are adjacent to {@code a}. So: every node whose edges changed, and the undirected
   * neighbours of {@code x} and of {@code y} (for them, the adjacency of {@code y}, resp. {@code x},
   * changed).
   */
  private int[] targetsAfterMove(int x, int y, int stamp) {
    Workspace w = workspaces.get();
    int[] buf = w.listB;
    int k = g.neighbors(x, Pdag.UNDIRECTED, buf);
    for (int i = 0; i < k; i++) {
      changed[buf[i]] = stamp;
    }
    k = g.neighbors(y, Pdag.UNDIRECTED, buf);
    for (int i = 0; i < k; i++) {
      changed[buf[i]] = stamp;
    }
    int n = 0;
    for (int v = 0; v < p; v++) {
      if (changed[v] == stamp) {
        n++;
      }
    }
    int[] out = new int[n];
    n = 0;
    for (int v = 0; v < p; v++) {
      if (changed[v] == stamp) {
        out[n++] = v;
      }
    }
    return out;
  }

  /** Scores again every candidate insertion into each target, in parallel, and queues them. */
  private void refreshInserts(int[] targets) {
    Move[][] slots = new Move[targets.length][];
    forEach(targets.length, i -> slots[i] = insertsInto(targets[i]));
    for (int i = 0; i < targets.length; i++) {
      int y = targets[i];
      int v = ++version[y];
      for (Move m : slots[i]) {
        m.version = v;
        push(m);
      }
    }
  }

  private void refreshDeletes(int[] targets) {
    Move[][] slots = new Move[targets.length][];
    forEach(targets.length, i -> slots[i] = deletesInto(targets[i]));
    for (int i = 0; i < targets.length; i++) {
      int y = targets[i];
      int v = ++version[y];
      for (Move m : slots[i]) {
        m.version = v;
        push(m);
      }
    }
  }

  private Move[] insertsInto(int y) {
    Workspace w = workspaces.get();
    List<Move> out = new ArrayList<>();
    if (g.degree(y) >= maxDegree) {
      return new Move[0];
    }
    if (effectPairsOnly) {
      for (int x : effect[y]) {
        addInsert(x, y, w, out);
      }
    } else {
      for (int x = 0; x < p; x++) {
        addInsert(x, y, w, out);
      }
    }
    return out.toArray(new Move[0]);
  }

  private void addInsert(int x, int y, Workspace w, List<Move> out) {
    if (x == y || g.adjacent(x, y) || g.degree(x) >= maxDegree) {
      return;
    }
    Move m = evaluateInsert(x, y, w, false);
    if (m != null && m.bump > 0) {
      out.add(m);
    }
  }

  private Move[] deletesInto(int y) {
    Workspace w = workspaces.get();
    List<Move> out = new ArrayList<>();
    int d = g.degree(y);
    for (int i = 0; i < d; i++) {
      int x = g.neighbor(y, i);
      byte k = g.kindAt(y, i);
      if (k == Pdag.CHILD) {
        continue;
      }
      Move m = evaluateDelete(x, y, w);
      if (m != null && m.bump > 0) {
        out.add(m);
      }
    }
    return out.toArray(new Move[0]);
  }

  private void push(Move m) {
    m.seq = pushes++;
    queue.add(m);
  }

  // ---------------------------------------------------------------------------------------------
  // GES: every move scored afresh at every step.

  /** The forward phase of GES: at each step, the best valid insertion over all pairs. */
  void forwardExhaustive() {
    while (true) {
      Parallel.checkCancelled();
      Move[] best = new Move[p];
      forEach(p, y -> {
        Workspace w = workspaces.get();
        Move b = null;
        if (g.degree(y) < maxDegree) {
          for (int x = 0; x < p; x++) {
            if (x != y && !g.adjacent(x, y) && g.degree(x) < maxDegree) {
              Move m = evaluateInsert(x, y, w, true);
              if (m != null && m.bump > 0 && (b == null || m.compareTo(b) < 0)) {
                b = m;
              }
            }
          }
        }
        best[y] = b;
      });
      Move top = bestOf(best);
      if (top == null) {
        return;
      }
      int stamp = ++changeStamp;
      g.addDirected(top.x, top.y);
      for (int t : top.set) {
        g.orient(t, top.y);
      }
      g.complete(top.y, knowledge, changed, stamp);
      inserts++;
    }
  }

  /** The backward phase of GES: at each step, the best valid deletion over all edges. */
  void backwardExhaustive() {
    while (true) {
      Parallel.checkCancelled();
      Move[] best = new Move[p];
      forEach(p, y -> {
        Move b = null;
        for (Move m : deletesInto(y)) {
          if (b == null || m.compareTo(b) < 0) {
            b = m;
          }
        }
        best[y] = b;
      });
      Move top = bestOf(best);
      if (top == null) {
        return;
      }
      int stamp = ++changeStamp;
      g.remove(top.x, top.y);
      for (int h : top.set) {
        g.orient(top.y, h);
        if (g.isUndirected(top.x, h)) {
          g.orient(top.x, h);
        }
      }
      g.complete(top.y, knowledge, changed, stamp);
      deletes++;
    }
  }

  private static Move bestOf(Move[] candidates) {
    Move top = null;
    for (Move m : candidates) {
      if (m != null && (top == null || m.compareTo(top) < 0)) {
        top = m;
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
   * every {@code t --> y}. With {@code exact}, also Chickering's path condition: every
   * semi-directed path from {@code y} to {@code x} meets {@code NA ∪ T}. Null if no {@code T} is
   * valid. Ties between sets go to the first in the enumeration order (see {@link #cliques}).
   */
  private Move evaluateInsert(int x, int y, Workspace w, boolean exact) {
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
      best = new Move(bump, x, y, Arrays.copyOfRange(t, to, to + tk), 0);
    }
    return best;
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
   * h} where {@code x --- h}) the knowledge allows. Null if the knowledge requires the edge or no
   * {@code H} is valid.
   */
  private Move evaluateDelete(int x, int y, Workspace w) {
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
      if (best == null || bump > best.bump) {
        int[] h = new int[na - ck];
        int hk = 0;
        for (int i = 0, j = 0; i < na; i++) {
          if (j < ck && comp[co + j] == w.na[i]) {
            j++;
          } else {
            h[hk++] = w.na[i];
          }
        }
        best = new Move(bump, x, y, h, 0);
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
   * {@code s(y | Pa ∪ NA ∪ T)}, remembered per target while one target's moves are scored: all
   * moves into {@code y} from nodes adjacent to none of its undirected neighbours share these
   * sets, so each is scored once instead of once per source.
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
    if (memo.target != y || memo.moves != inserts + deletes) {
      memo.clear(y, inserts + deletes);
    }
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
    /** The target and the number of moves made when the entries were scored. */
    int target = -1;
    long moves = -1;

    void clear(int newTarget, long movesNow) {
      if (size > 0) {
        Arrays.fill(used, false);
        size = 0;
      }
      target = newTarget;
      moves = movesNow;
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
