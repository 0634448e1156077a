package dev.causal4j.effects.identify;

import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.Separation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Criteria checked the slow, direct way, independently of the code under test: proper causal
 * paths by enumerating every directed path, separation by core's {@link Separation} on graphs
 * built here.
 */
final class Oracle {
  private Oracle() {}

  /** The adjustment criterion in a DAG with hidden nodes, from enumerated causal paths. */
  static final class Adjustment {
    final Graph dag;
    final BitSet x;
    final BitSet y;
    final BitSet forbidden = new BitSet();
    final Graph pbd;

    Adjustment(Graph dag, BitSet x, BitSet y) {
      this.dag = dag;
      this.x = x;
      this.y = y;
      BitSet onPaths = new BitSet();
      List<int[]> firstEdges = new ArrayList<>();
      for (int a = x.nextSetBit(0); a >= 0; a = x.nextSetBit(a + 1)) {
        List<Integer> path = new ArrayList<>(List.of(a));
        enumerate(path, onPaths, firstEdges);
      }
      forbidden.or(Graphs.descendants(dag, onPaths.stream().toArray()));
      forbidden.or(x);
      MutableGraph m = dag.mutableCopy();
      for (int[] e : firstEdges) {
        m.removeEdge(e[0], e[1]);
      }
      pbd = m.snapshot();
    }

    private void enumerate(List<Integer> path, BitSet onPaths, List<int[]> firstEdges) {
      int last = path.get(path.size() - 1);
      for (int c : dag.children(last)) {
        if (x.get(c)) {
          continue;
        }
        path.add(c);
        if (y.get(c)) {
          for (int i = 1; i < path.size(); i++) {
            onPaths.set(path.get(i));
          }
          firstEdges.add(new int[] {path.get(0), path.get(1)});
        }
        enumerate(path, onPaths, firstEdges);
        path.remove(path.size() - 1);
      }
    }

    boolean valid(BitSet z) {
      if (z.intersects(x) || z.intersects(y) || z.intersects(forbidden)) {
        return false;
      }
      for (int v = z.nextSetBit(0); v >= 0; v = z.nextSetBit(v + 1)) {
        if (dag.isLatent(v)) {
          return false;
        }
      }
      return separated(pbd, x, y, z);
    }

    /** Pearl's back-door criterion. */
    boolean backdoor(BitSet z) {
      if (z.intersects(Graphs.descendants(dag, x.stream().toArray()))) {
        return false;
      }
      MutableGraph m = dag.mutableCopy();
      for (int a = x.nextSetBit(0); a >= 0; a = x.nextSetBit(a + 1)) {
        for (int c : dag.children(a)) {
          m.removeEdge(a, c);
        }
      }
      return separated(m, x, y, z);
    }
  }

  static boolean separated(Graph g, BitSet a, BitSet b, BitSet z) {
    int[] zs = z.stream().toArray();
    for (int u = a.nextSetBit(0); u >= 0; u = a.nextSetBit(u + 1)) {
      for (int v = b.nextSetBit(0); v >= 0; v = b.nextSetBit(v + 1)) {
        if (!Separation.isSeparated(g, u, v, zs)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Every subset of the given nodes. */
  static List<BitSet> subsets(int[] nodes) {
    List<BitSet> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << nodes.length; mask++) {
      BitSet s = new BitSet();
      for (int i = 0; i < nodes.length; i++) {
        if ((mask >> i & 1) == 1) {
          s.set(nodes[i]);
        }
      }
      out.add(s);
    }
    return out;
  }

  /** The members of {@code sets} none of whose proper subsets is a member. */
  static List<BitSet> minimal(List<BitSet> sets) {
    List<BitSet> out = new ArrayList<>();
    for (BitSet s : sets) {
      boolean min = true;
      for (BitSet t : sets) {
        if (!t.equals(s) && isSubset(t, s)) {
          min = false;
          break;
        }
      }
      if (min) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean isSubset(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.andNot(b);
    return c.isEmpty();
  }

  /** Pearl's front-door criterion, conditional on {@code w}, for single or set x, y. */
  static boolean frontDoor(Graph dag, BitSet x, BitSet y, BitSet m, BitSet w) {
    if (m.isEmpty() || m.intersects(w) || m.intersects(x) || m.intersects(y) || w.intersects(x)
        || w.intersects(y)) {
      return false;
    }
    for (int v = 0; v < dag.size(); v++) {
      if ((m.get(v) || w.get(v)) && dag.isLatent(v)) {
        return false;
      }
    }
    BitSet deX = Graphs.descendants(dag, x.stream().toArray());
    if (w.intersects(deX)) {
      return false;
    }
    BitSet deM = Graphs.descendants(dag, m.stream().toArray());
    if (deM.intersects(x) || deM.intersects(w)) {
      return false;
    }
    // Every directed path from X to Y meets M: enumerate them.
    for (int a = x.nextSetBit(0); a >= 0; a = x.nextSetBit(a + 1)) {
      if (directedPathAvoiding(dag, a, y, m)) {
        return false;
      }
    }
    BitSet xw = (BitSet) x.clone();
    xw.or(w);
    return separated(withoutOut(dag, x), x, m, w) && separated(withoutOut(dag, m), m, y, xw);
  }

  private static boolean directedPathAvoiding(Graph dag, int from, BitSet to, BitSet avoid) {
    for (int c : dag.children(from)) {
      if (avoid.get(c)) {
        continue;
      }
      if (to.get(c) || directedPathAvoiding(dag, c, to, avoid)) {
        return true;
      }
    }
    return false;
  }

  static Graph withoutOut(Graph g, BitSet s) {
    MutableGraph m = g.mutableCopy();
    for (int a = s.nextSetBit(0); a >= 0; a = s.nextSetBit(a + 1)) {
      for (int c : g.children(a)) {
        m.removeEdge(a, c);
      }
    }
    return m.snapshot();
  }

  /** The instrument conditions of {@link InstrumentSearch}, checked directly. */
  static boolean instrument(Graph dag, int x, int y, int z, BitSet w) {
    BitSet deX = Graphs.descendants(dag, x);
    if (deX.get(z) || w.intersects(deX) || w.get(z) || w.get(y) || z == y) {
      return false;
    }
    BitSet outside = (BitSet) w.clone();
    outside.andNot(Graphs.ancestors(dag, x, y, z));
    if (!outside.isEmpty()) {
      return false;
    }
    if (dag.isLatent(z)) {
      return false;
    }
    for (int v = w.nextSetBit(0); v >= 0; v = w.nextSetBit(v + 1)) {
      if (dag.isLatent(v)) {
        return false;
      }
    }
    Adjustment a = new Adjustment(dag, bits(x), bits(y));
    return separated(a.pbd, bits(z), bits(y), w) && !separated(dag, bits(z), bits(x), w);
  }

  static BitSet bits(int... v) {
    BitSet s = new BitSet();
    for (int u : v) {
      s.set(u);
    }
    return s;
  }
}
