package dev.causal4j.effects.identify;

import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.SeparationIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/** Node sets as {@link BitSet}s over a graph's indices, and the walks identification needs. */
final class Sets {
  private Sets() {}

  static BitSet of(int... nodes) {
    BitSet s = new BitSet();
    for (int v : nodes) {
      s.set(v);
    }
    return s;
  }

  static BitSet of(Graph g, Collection<String> names) {
    BitSet s = new BitSet(g.size());
    for (String n : names) {
      s.set(g.requireIndex(n));
    }
    return s;
  }

  static int[] array(BitSet s) {
    return s.stream().toArray();
  }

  static BitSet union(BitSet a, BitSet b) {
    BitSet s = (BitSet) a.clone();
    s.or(b);
    return s;
  }

  static BitSet minus(BitSet a, BitSet b) {
    BitSet s = (BitSet) a.clone();
    s.andNot(b);
    return s;
  }

  static BitSet intersect(BitSet a, BitSet b) {
    BitSet s = (BitSet) a.clone();
    s.and(b);
    return s;
  }

  /** The names of the nodes in {@code s}, in index order. */
  static List<String> names(Graph g, BitSet s) {
    List<String> out = new ArrayList<>(s.cardinality());
    for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(v + 1)) {
      out.add(g.name(v));
    }
    return out;
  }

  /** {@code {A, B}} for messages. */
  static String braces(Graph g, BitSet s) {
    return "{" + String.join(", ", names(g, s)) + "}";
  }

  /** Parents through directed edges {@code u --> v}, per node. */
  static int[][] parents(Graph g) {
    int[][] out = new int[g.size()][];
    for (int v = 0; v < g.size(); v++) {
      out[v] = g.parents(v);
    }
    return out;
  }

  /** Children through directed edges {@code v --> u}, per node. */
  static int[][] children(Graph g) {
    int[][] out = new int[g.size()][];
    for (int v = 0; v < g.size(); v++) {
      out[v] = g.children(v);
    }
    return out;
  }

  /**
   * The nodes reachable from {@code start} (included) along {@code next}, never entering a node
   * of {@code blocked} (start nodes are kept even if blocked).
   */
  static BitSet reach(int[][] next, BitSet start, BitSet blocked) {
    BitSet seen = (BitSet) start.clone();
    int[] stack = new int[next.length];
    int top = 0;
    for (int v = start.nextSetBit(0); v >= 0; v = start.nextSetBit(v + 1)) {
      stack[top++] = v;
    }
    while (top > 0) {
      int v = stack[--top];
      for (int u : next[v]) {
        if (!seen.get(u) && !blocked.get(u)) {
          seen.set(u);
          stack[top++] = u;
        }
      }
    }
    return seen;
  }

  /** A copy of {@code g} without the directed edges out of the nodes in {@code s}. */
  static Graph withoutEdgesOutOf(Graph g, BitSet s) {
    MutableGraph m = g.mutableCopy();
    for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(v + 1)) {
      for (int c : g.children(v)) {
        m.removeEdge(v, c);
      }
    }
    return m.snapshot();
  }

  /** A copy of {@code g} without the edges {@code a --> b} from {@code from} into {@code to}. */
  static Graph withoutDirectedEdges(Graph g, BitSet from, BitSet to) {
    MutableGraph m = g.mutableCopy();
    for (int v = from.nextSetBit(0); v >= 0; v = from.nextSetBit(v + 1)) {
      for (int c : g.children(v)) {
        if (to.get(c)) {
          m.removeEdge(v, c);
        }
      }
    }
    return m.snapshot();
  }

  /**
   * The nodes d-connected to some node of {@code from} given {@code given} (the nodes of {@code
   * from} themselves only if connected to another one).
   */
  static BitSet connected(SeparationIndex index, BitSet from, BitSet given) {
    int[] z = array(given);
    BitSet out = new BitSet(index.size());
    for (int v = from.nextSetBit(0); v >= 0; v = from.nextSetBit(v + 1)) {
      out.or(index.reachable(v, z));
    }
    return out;
  }

  /** True if the edge between {@code a} and {@code b} has an arrowhead at {@code a}. */
  static boolean arrowAt(Graph g, int a, int b) {
    return g.endpoint(b, a) == Endpoint.ARROW;
  }
}
