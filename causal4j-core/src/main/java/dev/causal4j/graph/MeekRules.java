package dev.causal4j.graph;

import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Meek's orientation rules (Meek 1995, "Causal inference and causal explanation with background
 * knowledge", UAI), applied in place to a partially directed graph until none applies:
 *
 * <ul>
 *   <li>R1: {@code c --> a --- b}, {@code c} and {@code b} not adjacent: {@code a --> b}
 *       (else a new v-structure);
 *   <li>R2: {@code a --> c --> b} and {@code a --- b}: {@code a --> b} (else a cycle);
 *   <li>R3: {@code a --- c --> b}, {@code a --- d --> b}, {@code c} and {@code d} not adjacent,
 *       {@code a --- b}: {@code a --> b};
 *   <li>R4: {@code a --- k --> l --> b}, {@code k} and {@code b} not adjacent, {@code l} adjacent
 *       to {@code a} (by an edge of any kind), {@code a --- b}: {@code a --> b} (else {@code k -->
 *       a <-- b} would be a new v-structure, since {@code a --> k} would close a cycle).
 * </ul>
 *
 * <p>Background knowledge is applied first, as in Meek's §5: every undirected edge whose one
 * direction the knowledge forbids (explicitly, by tiers, or because the other direction is
 * required) is oriented the other way; then the rules run. Meek proves R1–R4 complete for
 * knowledge consistent with the graph, so the result is the maximally oriented graph, and since
 * knowledge only ever removes a direction from an undirected edge, no rule can afterwards make an
 * orientation the knowledge forbids. Knowledge the graph contradicts (a directed edge the
 * knowledge forbids, an adjacency whose both directions it forbids, a required edge whose nodes
 * are not adjacent) is reported as a {@link Conflict} and the edge is left as it is (an undirected
 * edge whose both directions are forbidden stays undirected: no rule orients it); nothing loops
 * and nothing throws, so a search on noisy data can go on and say what it could not honour.
 *
 * <p>Cost: rather than rescanning the graph until nothing changes, a work queue holds the
 * undirected edges whose rule premises may have changed. Orienting {@code x --> y} can only
 * complete a premise for undirected edges at {@code x} (R2), at {@code y} (R1–R4) and at the
 * children of {@code y} (R4), so only those are queued again; each check looks at the
 * neighbourhood of one edge. Adjacencies never change here.
 *
 * <p>Bidirected edges (from collider conflicts in PC) are allowed and count only as adjacencies;
 * circle marks are rejected. Deterministic: edges are queued in ascending order of their nodes.
 */
public final class MeekRules {
  private static final byte TAIL = (byte) Endpoint.TAIL.ordinal();
  private static final byte ARROW = (byte) Endpoint.ARROW.ordinal();

  private MeekRules() {}

  /** Which step oriented an edge. */
  public enum Rule {
    /** Background knowledge forbade the other direction. */
    KNOWLEDGE,
    R1,
    R2,
    R3,
    R4
  }

  /** The edge {@code from --> to} was oriented by {@code rule}. */
  public record Orientation(int from, int to, Rule rule) {}

  /**
   * Knowledge that the graph contradicts, about the pair {@code a}, {@code b}; the message names
   * the nodes and the knowledge.
   */
  public record Conflict(int a, int b, String message) {}

  /** What a run changed: the orientations in the order made, and the conflicts found. */
  public record Result(List<Orientation> orientations, List<Conflict> conflicts) {
    public Result {
      orientations = List.copyOf(orientations);
      conflicts = List.copyOf(conflicts);
    }

    public boolean hasConflicts() {
      return !conflicts.isEmpty();
    }
  }

  /**
   * Unshielded triples {@code a — b — c} whose collider status is unknown, such as the ambiguous
   * triples of conservative PC (Ramsey, Zhang &amp; Spirtes 2006). R1, R3 and R4 infer an
   * orientation from some triple being a non-collider; they do not fire on an ambiguous one.
   */
  @FunctionalInterface
  public interface AmbiguousTriples {
    /** No triple is ambiguous. */
    AmbiguousTriples NONE = (a, b, c) -> false;

    /** True if it is unknown whether {@code b} is a collider between {@code a} and {@code c}. */
    boolean isAmbiguous(int a, int b, int c);
  }

  /** Applies R1–R4 to closure. */
  public static Result apply(MutableGraph pdag) {
    return new Run(pdag, null, AmbiguousTriples.NONE).run();
  }

  /**
   * Applies the knowledge, then R1–R4 to closure.
   *
   * @throws IllegalArgumentException if the knowledge is bound to other variables than the
   *     graph's nodes, or the graph has circle marks
   */
  public static Result apply(MutableGraph pdag, BoundKnowledge knowledge) {
    return apply(pdag, knowledge, AmbiguousTriples.NONE);
  }

  /**
   * Applies the knowledge, then R1–R4 to closure without inferring anything from the ambiguous
   * triples.
   */
  public static Result apply(
      MutableGraph pdag, BoundKnowledge knowledge, AmbiguousTriples ambiguous) {
    if (!knowledge.variables().equals(pdag.nodeNames())) {
      throw new IllegalArgumentException(
          "the knowledge is bound to other variables than the graph's nodes");
    }
    return new Run(pdag, knowledge.isEmpty() ? null : knowledge, ambiguous).run();
  }

  /** Applies the knowledge, given over the graph's node names, then R1–R4 to closure. */
  public static Result apply(MutableGraph pdag, Knowledge knowledge) {
    return apply(pdag, knowledge.bind(pdag.nodeNames()));
  }

  /** One application: the graph in flat arrays, kept in step with the graph as edges turn. */
  private static final class Run {
    final MutableGraph g;
    final BoundKnowledge knowledge;
    final AmbiguousTriples ambiguous;
    final int p;
    /** Node v's neighbours are {@code nbr[start[v] .. start[v+1])}, ascending. */
    final int[] start;
    final int[] nbr;
    /** Mark at the neighbour's end of each slot. */
    final byte[] mark;
    /** The slot of the same edge seen from the other end. */
    final int[] rev;
    /** Ring buffer of queued slots (each edge by its slot at its lower-index end). */
    final int[] queue;
    final boolean[] queued;
    /** Edges whose both directions the knowledge forbids: reported, then left undirected. */
    final boolean[] frozen;
    int head;
    int count;
    final int[] scratch;
    final List<Orientation> orientations = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();

    Run(MutableGraph g, BoundKnowledge knowledge, AmbiguousTriples ambiguous) {
      this.g = g;
      this.knowledge = knowledge;
      this.ambiguous = ambiguous;
      this.p = g.size();
      start = new int[p + 1];
      int maxDegree = 0;
      for (int v = 0; v < p; v++) {
        start[v + 1] = start[v] + g.degree[v];
        maxDegree = Math.max(maxDegree, g.degree[v]);
      }
      int slots = start[p];
      nbr = new int[slots];
      mark = new byte[slots];
      rev = new int[slots];
      for (int v = 0; v < p; v++) {
        System.arraycopy(g.neighbors[v], 0, nbr, start[v], g.degree[v]);
        System.arraycopy(g.marks[v], 0, mark, start[v], g.degree[v]);
      }
      for (int v = 0; v < p; v++) {
        for (int e = start[v]; e < start[v + 1]; e++) {
          int w = nbr[e];
          if (v < w) {
            int f = slot(w, v);
            rev[e] = f;
            rev[f] = e;
            if (mark[e] == Endpoint.CIRCLE.ordinal() || mark[f] == Endpoint.CIRCLE.ordinal()) {
              throw new IllegalArgumentException(
                  "Meek's rules apply to partially directed graphs; the edge between '"
                      + g.name(v) + "' and '" + g.name(w) + "' has a circle mark");
            }
          }
        }
      }
      queue = new int[Math.max(1, slots / 2)];
      queued = new boolean[slots];
      frozen = new boolean[slots];
      scratch = new int[maxDegree];
    }

    Result run() {
      if (knowledge != null) {
        applyKnowledge();
      }
      for (int v = 0; v < p; v++) {
        for (int e = start[v]; e < start[v + 1]; e++) {
          if (v < nbr[e] && isUndirected(e) && !frozen[e]) {
            enqueue(e);
          }
        }
      }
      while (count > 0) {
        int e = queue[head];
        head = (head + 1) % queue.length;
        count--;
        queued[e] = false;
        if (!isUndirected(e) || frozen[e]) {
          continue;
        }
        int a = nbr[rev[e]];
        int b = nbr[e];
        Rule r = firing(a, b);
        if (r != null) {
          orient(e, r);
        } else if ((r = firing(b, a)) != null) {
          orient(rev[e], r);
        }
      }
      return new Result(orientations, conflicts);
    }

    private void applyKnowledge() {
      for (int a = 0; a < p; a++) {
        for (int e = start[a]; e < start[a + 1]; e++) {
          int b = nbr[e];
          if (a > b) {
            continue;
          }
          boolean abForbidden = knowledge.isForbidden(a, b);
          boolean baForbidden = knowledge.isForbidden(b, a);
          if (isUndirected(e)) {
            if (abForbidden && baForbidden) {
              frozen[e] = true;
              conflicts.add(new Conflict(a, b, "the graph joins " + g.name(a) + " and " + g.name(b)
                  + " but the knowledge forbids both directions ("
                  + knowledge.whyForbidden(a, b) + "; " + knowledge.whyForbidden(b, a) + ")"));
            } else if (baForbidden) {
              orient(e, Rule.KNOWLEDGE);
            } else if (abForbidden) {
              orient(rev[e], Rule.KNOWLEDGE);
            }
          } else if (isDirected(e) && abForbidden) {
            conflicts.add(directedConflict(a, b));
          } else if (isDirected(rev[e]) && baForbidden) {
            conflicts.add(directedConflict(b, a));
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b : knowledge.requiredChildren(a)) {
          if (slot(a, b) < 0) {
            conflicts.add(new Conflict(a, b, "the knowledge requires " + g.name(a) + " --> "
                + g.name(b) + " but the graph does not join them"));
          }
        }
      }
    }

    private Conflict directedConflict(int from, int to) {
      return new Conflict(from, to, "the graph has " + g.name(from) + " --> " + g.name(to)
          + ", which the knowledge forbids (" + knowledge.whyForbidden(from, to) + ")");
    }

    /** The rule that orients {@code a --> b} (an undirected edge), or null. */
    private Rule firing(int a, int b) {
      // R1: c --> a, c not adjacent to b.
      for (int f = start[a]; f < start[a + 1]; f++) {
        int c = nbr[f];
        if (c != b && isDirected(rev[f]) && slot(c, b) < 0 && !ambiguous.isAmbiguous(c, a, b)) {
          return Rule.R1;
        }
      }
      // R2: a --> c --> b.
      for (int f = start[a]; f < start[a + 1]; f++) {
        if (isDirected(f)) {
          int s = slot(nbr[f], b);
          if (s >= 0 && isDirected(s)) {
            return Rule.R2;
          }
        }
      }
      // R3: two non-adjacent c, d with a --- c --> b and a --- d --> b.
      int n = 0;
      for (int f = start[a]; f < start[a + 1]; f++) {
        int c = nbr[f];
        if (c != b && isUndirected(f)) {
          int s = slot(c, b);
          if (s >= 0 && isDirected(s)) {
            for (int i = 0; i < n; i++) {
              if (slot(scratch[i], c) < 0 && !ambiguous.isAmbiguous(scratch[i], a, c)) {
                return Rule.R3;
              }
            }
            scratch[n++] = c;
          }
        }
      }
      // R4: a --- k --> l --> b, k not adjacent to b, l adjacent to a.
      for (int f = start[a]; f < start[a + 1]; f++) {
        int l = nbr[f];
        if (l == b) {
          continue;
        }
        int s = slot(l, b);
        if (s < 0 || !isDirected(s)) {
          continue;
        }
        for (int h = start[l]; h < start[l + 1]; h++) {
          int k = nbr[h];
          if (k != a && isDirected(rev[h])) {
            int ak = slot(a, k);
            if (ak >= 0 && isUndirected(ak) && slot(k, b) < 0
                && !ambiguous.isAmbiguous(k, a, b)) {
              return Rule.R4;
            }
          }
        }
      }
      return null;
    }

    /** Orients the edge of slot {@code e} (at node a, for neighbour b) as {@code a --> b}. */
    private void orient(int e, Rule rule) {
      int a = nbr[rev[e]];
      int b = nbr[e];
      mark[e] = ARROW;
      g.setEndpoint(a, b, Endpoint.ARROW);
      orientations.add(new Orientation(a, b, rule));
      enqueueUndirectedAt(a);
      enqueueUndirectedAt(b);
      for (int f = start[b]; f < start[b + 1]; f++) {
        if (isDirected(f)) {
          enqueueUndirectedAt(nbr[f]);
        }
      }
    }

    private void enqueueUndirectedAt(int v) {
      for (int e = start[v]; e < start[v + 1]; e++) {
        if (isUndirected(e)) {
          enqueue(v < nbr[e] ? e : rev[e]);
        }
      }
    }

    private void enqueue(int e) {
      if (!queued[e]) {
        queued[e] = true;
        queue[(head + count) % queue.length] = e;
        count++;
      }
    }

    /** The slot of {@code w} among {@code v}'s neighbours, or negative. */
    private int slot(int v, int w) {
      int k = Arrays.binarySearch(nbr, start[v], start[v + 1], w);
      return k >= 0 ? k : -1;
    }

    private boolean isUndirected(int e) {
      return mark[e] == TAIL && mark[rev[e]] == TAIL;
    }

    /** True if slot {@code e} (at a, for b) is {@code a --> b}. */
    private boolean isDirected(int e) {
      return mark[e] == ARROW && mark[rev[e]] == TAIL;
    }
  }
}
