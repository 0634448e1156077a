package dev.causal4j.discovery.permutation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which orders the knowledge allows: {@code a} must precede {@code b} when {@code a} is in an
 * earlier tier than {@code b}, or {@code a --> b} is required. Every order a permutation search
 * visits satisfies these, so a later-tier variable is never a candidate parent of an earlier-tier
 * one and a required parent is always among its child's predecessors.
 *
 * <p>Because visited orders are always valid, checking the direct constraints of a move is
 * enough: a chain {@code a < b < c} of constraints puts {@code b} between {@code a} and {@code c},
 * so moving {@code c} in front of {@code a} must pass {@code b} first.
 */
final class OrderConstraints {
  private final BoundKnowledge knowledge;
  private final boolean empty;
  private final int p;

  OrderConstraints(BoundKnowledge knowledge, int p) {
    this.knowledge = knowledge;
    this.empty = knowledge.isEmpty();
    this.p = p;
  }

  boolean isEmpty() {
    return empty;
  }

  /** True if {@code a} must come before {@code b}. */
  boolean mustPrecede(int a, int b) {
    if (empty) {
      return false;
    }
    int ta = knowledge.tier(a);
    int tb = knowledge.tier(b);
    return (ta >= 0 && tb >= 0 && ta < tb) || knowledge.isRequired(a, b);
  }

  /**
   * Per variable {@code y}, the variables {@code u} for which only the forbidden edge {@code u -->
   * y} is ruled out, not {@code y --> u}, and no constraint orders the two: while {@code u}
   * precedes {@code y}, no edge can carry a dependence between them, so only reordering the pair
   * can. Ascending; empty arrays for most variables.
   */
  int[][] oneWayForbidden() {
    int[][] out = new int[p][0];
    if (empty) {
      return out;
    }
    List<String> names = knowledge.variables();
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int v = 0; v < p; v++) {
      index.put(names.get(v), v);
    }
    for (dev.causal4j.knowledge.KnowledgeEdge e : knowledge.knowledge().forbiddenEdges()) {
      int u = index.get(e.from());
      int y = index.get(e.to());
      if (!knowledge.isForbidden(y, u) && !mustPrecede(u, y) && !mustPrecede(y, u)
          && java.util.Arrays.binarySearch(out[y], u) < 0) {
        int[] l = java.util.Arrays.copyOf(out[y], out[y].length + 1);
        l[l.length - 1] = u;
        java.util.Arrays.sort(l);
        out[y] = l;
      }
    }
    return out;
  }

  /**
   * The valid order closest to {@code preferred}: a topological sort of the constraints that
   * always takes the available variable that comes first in {@code preferred}.
   */
  int[] validOrder(int[] preferred) {
    if (empty) {
      return preferred.clone();
    }
    int[] rank = new int[p];
    for (int i = 0; i < p; i++) {
      rank[preferred[i]] = i;
    }
    // A variable is ready when its required parents are placed and every variable of the
    // earlier tiers is placed.
    List<dev.causal4j.knowledge.Tier> tiers = knowledge.knowledge().tiers();
    int[] tierLeft = new int[tiers.size()];
    int[] waiting = new int[p];
    for (int v = 0; v < p; v++) {
      int t = knowledge.tier(v);
      if (t >= 0) {
        tierLeft[t]++;
      }
      waiting[v] = knowledge.requiredParents(v).length;
    }
    int[] firstOpenTier = {0};
    PriorityQueue<Integer> ready = new PriorityQueue<>((x, y) -> Integer.compare(rank[x], rank[y]));
    boolean[] queued = new boolean[p];
    Runnable advance = () -> {
      while (firstOpenTier[0] < tierLeft.length && tierLeft[firstOpenTier[0]] == 0) {
        firstOpenTier[0]++;
      }
    };
    advance.run();
    for (int v = 0; v < p; v++) {
      if (isReady(v, waiting, firstOpenTier[0])) {
        ready.add(v);
        queued[v] = true;
      }
    }
    int[] order = new int[p];
    int done = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[done++] = v;
      for (int c : knowledge.requiredChildren(v)) {
        waiting[c]--;
      }
      int t = knowledge.tier(v);
      int before = firstOpenTier[0];
      if (t >= 0) {
        tierLeft[t]--;
        advance.run();
      }
      // Few variables become ready per step; a scan keeps this simple and it runs once a start.
      if (firstOpenTier[0] != before || knowledge.requiredChildren(v).length > 0) {
        for (int u = 0; u < p; u++) {
          if (!queued[u] && isReady(u, waiting, firstOpenTier[0])) {
            ready.add(u);
            queued[u] = true;
          }
        }
      }
    }
    if (done < p) {
      // Knowledge.build() rejects required cycles and required edges against the tiers.
      throw new InvalidInputException(
          "the knowledge allows no order of the variables; check its tiers and required edges");
    }
    return order;
  }

  private boolean isReady(int v, int[] waiting, int firstOpenTier) {
    int t = knowledge.tier(v);
    return waiting[v] == 0 && (t < 0 || t <= firstOpenTier);
  }

  /**
   * Checks that {@code order} is a permutation of {@code 0..p-1} that the knowledge allows.
   *
   * @throws InvalidInputException naming the first problem
   */
  void checkOrder(int[] order, List<String> names) {
    if (order.length != p) {
      throw new InvalidInputException(
          "the order names " + order.length + " variables, but the score has " + p);
    }
    int[] position = new int[p];
    java.util.Arrays.fill(position, -1);
    for (int i = 0; i < p; i++) {
      int v = order[i];
      if (position[v] >= 0) {
        throw new InvalidInputException(
            "the order names '" + names.get(v) + "' twice; name every variable once");
      }
      position[v] = i;
    }
    if (empty) {
      return;
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        if (mustPrecede(order[i], order[j])) {
          throw new InvalidInputException(
              "the order puts '" + names.get(order[j]) + "' before '" + names.get(order[i])
                  + "', which the knowledge forbids (" + why(order[i], order[j]) + ")");
        }
      }
    }
  }

  private String why(int a, int b) {
    return knowledge.isRequired(a, b)
        ? names(a) + " --> " + names(b) + " is required"
        : names(a) + " is in an earlier tier than " + names(b);
  }

  private String names(int v) {
    return knowledge.variables().get(v);
  }
}
