package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.graph.FciOrientation;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.IndependenceTest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFCI's check of unshielded triples (Colombo, Maathuis, Kalisch &amp; Richardson 2012, Lemma 3.1
 * and Algorithm 4.4). For each unshielded triple {@code a *-* b *-* c} with separating set {@code
 * S = sepset(a, c) ∖ {b}}, RFCI tests {@code a ⫫ b | S} and {@code c ⫫ b | S}: if both are
 * dependent the triple is confirmed, and it is a collider exactly when {@code b ∉ sepset(a, c)};
 * if one is independent, the skeleton kept a spurious edge (the separating set lies outside the
 * neighbours), so that edge goes, with a minimal separating set found within {@code S}, and the
 * triples it leaves unshielded are checked in turn.
 *
 * <p>The first round's tests depend only on the triple and the separating set of its ends, which
 * never changes, so they run in parallel up front; the triples are then processed in a fixed order
 * (by middle node, then ends), one at a time, so removals and the result do not depend on the
 * number of threads. As the lookup of R0 it answers "not a collider" for every triple that was not
 * confirmed.
 */
final class RfciTriples implements FciOrientation.SepsetLookup {
  private final MutableGraph g;
  private final Sepsets sepsets;
  private final IndependenceTest test;
  private final double alpha;
  private final FciKnowledge knowledge;
  private final int threads;
  private final int p;
  private final Set<Long> confirmed = new HashSet<>();
  private int removed;

  RfciTriples(MutableGraph g, Sepsets sepsets, IndependenceTest test, double alpha,
      FciKnowledge knowledge, int threads) {
    this.g = g;
    this.sepsets = sepsets;
    this.test = test;
    this.alpha = alpha;
    this.knowledge = knowledge;
    this.threads = threads;
    this.p = g.size();
  }

  /** Checks every unshielded triple of the graph. */
  void checkAll() {
    List<int[]> triples = new ArrayList<>();
    for (int b = 0; b < p; b++) {
      int[] nb = g.adjacentNodes(b);
      for (int i = 0; i < nb.length; i++) {
        for (int j = i + 1; j < nb.length; j++) {
          if (!g.isAdjacent(nb[i], nb[j])) {
            triples.add(new int[] {nb[i], b, nb[j]});
          }
        }
      }
    }
    int n = triples.size();
    byte[] independent = new byte[n];
    Parallel.forEach(threads, n, t -> {
      int[] tr = triples.get(t);
      int[] s = MinimalSepset.without(sepsets.get(tr[0], tr[2]), tr[1], tr[1]);
      independent[t] = (byte) ((independent(tr[0], tr[1], s) ? 1 : 0)
          | (independent(tr[2], tr[1], s) ? 2 : 0));
    });
    Deque<int[]> later = new ArrayDeque<>();
    for (int t = 0; t < n; t++) {
      process(triples.get(t), independent[t], later);
    }
    drain(later);
  }

  /**
   * After RFCI's R4 check removed the edge {@code u *-* v}: checks the triples {@code u *-* m
   * *-* v} that the removal left unshielded.
   */
  void checkAfterRemoval(int u, int v) {
    Deque<int[]> queue = new ArrayDeque<>();
    addOpened(u, v, queue);
    drain(queue);
  }

  /** Edges this check removed so far. */
  int removed() {
    return removed;
  }

  @Override
  public boolean isInSepset(int a, int b, int c) {
    return sepsets.contains(a, c, b) || !confirmed.contains(key(a, b, c));
  }

  private void drain(Deque<int[]> queue) {
    while (!queue.isEmpty()) {
      Parallel.checkCancelled();
      int[] tr = queue.poll();
      if (isUnshieldedTriple(tr)) {
        int[] s = MinimalSepset.without(sepsets.get(tr[0], tr[2]), tr[1], tr[1]);
        byte independent = (byte) ((independent(tr[0], tr[1], s) ? 1 : 0)
            | (independent(tr[2], tr[1], s) ? 2 : 0));
        process(tr, independent, queue);
      }
    }
  }

  /** One step of Algorithm 4.4 for a triple whose two tests are in {@code independent}. */
  private void process(int[] tr, byte independent, Deque<int[]> queue) {
    if (!isUnshieldedTriple(tr)) {
      return; // an earlier removal took one of its edges
    }
    if (independent == 0) {
      confirmed.add(key(tr[0], tr[1], tr[2]));
      return;
    }
    int[] s = MinimalSepset.without(sepsets.get(tr[0], tr[2]), tr[1], tr[1]);
    if ((independent & 1) != 0) {
      remove(tr[0], tr[1], s, queue);
    }
    if ((independent & 2) != 0) {
      remove(tr[2], tr[1], s, queue);
    }
  }

  /** Removes {@code r *-* b}, which {@code s} separates, with a minimal subset of {@code s}. */
  private void remove(int r, int b, int[] s, Deque<int[]> queue) {
    int[] minimal = MinimalSepset.find(test, alpha, r, b, s, s.length - 1);
    g.removeEdge(r, b);
    sepsets.put(r, b, minimal == null ? s : minimal);
    removed++;
    addOpened(r, b, queue);
  }

  private void addOpened(int u, int v, Deque<int[]> queue) {
    for (int m : g.adjacentNodes(u)) {
      if (g.isAdjacent(m, v)) {
        queue.add(new int[] {Math.min(u, v), m, Math.max(u, v)});
      }
    }
  }

  /**
   * True if {@code x ⫫ b | s}. A pair kept by a required edge counts as dependent, and so does
   * an empty {@code s}: the skeleton search tested every adjacent pair marginally.
   */
  private boolean independent(int x, int b, int[] s) {
    if (s.length == 0 || knowledge.isAdjacencyRequired(x, b)) {
      return false;
    }
    return test.pValue(x, b, s) > alpha;
  }

  private boolean isUnshieldedTriple(int[] tr) {
    return g.isAdjacent(tr[0], tr[1]) && g.isAdjacent(tr[1], tr[2]) && !g.isAdjacent(tr[0], tr[2]);
  }

  private long key(int a, int b, int c) {
    int lo = Math.min(a, c);
    int hi = Math.max(a, c);
    return ((long) lo * p + b) * p + hi;
  }
}
