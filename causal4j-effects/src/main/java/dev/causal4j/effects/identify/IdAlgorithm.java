package dev.causal4j.effects.identify;

import dev.causal4j.effects.Expression;
import dev.causal4j.effects.Hedge;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ID algorithm of Shpitser &amp; Pearl (2006, "Identification of joint interventional
 * distributions in recursive semi-Markovian causal models", AAAI): for {@code P(y |
 * do(x))} in a DAG with hidden variables, an expression in the observed distribution, or a hedge
 * proving that none exists. The algorithm is sound and complete.
 *
 * <p>It works on the latent projection of the DAG onto its observed nodes (Verma &amp; Pearl
 * 1990): {@code a --> b} when a directed path from {@code a} to {@code b} has only hidden inner
 * nodes, {@code a <-> b} when a hidden node reaches both along such paths. Lines of the algorithm,
 * with {@code V} the current nodes and {@code P} the current distribution over them:
 *
 * <ol>
 *   <li>no intervention: {@code Σ_{v∖y} P};
 *   <li>drop non-ancestors of {@code Y}, summing them out of {@code P};
 *   <li>intervene also on the nodes that the intervention cuts off from {@code Y};
 *   <li>several C-components (bidirected-connected sets) of {@code G ∖ X}: the product of the
 *       effects on each, summed over what is neither treatment nor outcome;
 *   <li>{@code G} one C-component: fail with the hedge {@code (G, S)};
 *   <li>{@code S} a C-component of {@code G}: {@code Σ_{s∖y} Π P(v_i | v_π^(i−1))};
 *   <li>{@code S} inside a larger C-component {@code S'}: recurse into {@code S'} with {@code P}
 *       replaced by {@code Π_{V_i∈S'} P(v_i | v_π^(i−1))}.
 * </ol>
 *
 * The conditionals of a distribution that is not the observed one are written as quotients of its
 * marginals; {@link Simplifier} reduces them (usually to the factors themselves). Variables that
 * line 3 intervenes on stay free in the result: its value does not depend on them.
 */
final class IdAlgorithm {
  private final int n;
  private final String[] names;
  private final BitSet[] parents;
  private final BitSet[] spouses;
  private final int[] position;
  private final Simplifier simplifier;

  /** Thrown at line 5, unwinding the recursion. */
  static final class HedgeFound extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Hedge hedge;

    HedgeFound(Hedge hedge) {
      super(null, null, false, false);
      this.hedge = hedge;
    }
  }

  /** The latent projection of {@code dag} onto its observed nodes. */
  IdAlgorithm(Graph dag) {
    int[] observed = Graphs.observedNodes(dag);
    n = observed.length;
    int[] local = new int[dag.size()];
    java.util.Arrays.fill(local, -1);
    names = new String[n];
    for (int i = 0; i < n; i++) {
      local[observed[i]] = i;
      names[i] = dag.name(observed[i]);
    }
    parents = new BitSet[n];
    spouses = new BitSet[n];
    for (int i = 0; i < n; i++) {
      parents[i] = new BitSet(n);
      spouses[i] = new BitSet(n);
    }
    int[][] children = Sets.children(dag);
    for (int i = 0; i < n; i++) {
      for (int b : observedThroughLatents(dag, children, observed[i], local)) {
        parents[b].set(i);
      }
    }
    for (int u = 0; u < dag.size(); u++) {
      if (!dag.isLatent(u)) {
        continue;
      }
      int[] reached = observedThroughLatents(dag, children, u, local);
      for (int a : reached) {
        for (int b : reached) {
          if (a != b) {
            spouses[a].set(b);
          }
        }
      }
    }
    position = new int[n];
    int[] order = topologicalOrder();
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < n; i++) {
      position[order[i]] = i;
      rank.put(names[order[i]], i);
    }
    simplifier = new Simplifier(Comparator.comparingInt(rank::get));
  }

  /** Observed nodes reached from {@code start} along directed paths with hidden inner nodes. */
  private static int[] observedThroughLatents(Graph dag, int[][] children, int start,
      int[] local) {
    BitSet seen = new BitSet(dag.size());
    BitSet out = new BitSet();
    int[] stack = new int[dag.size()];
    int top = 0;
    stack[top++] = start;
    seen.set(start);
    while (top > 0) {
      int v = stack[--top];
      for (int c : children[v]) {
        if (seen.get(c)) {
          continue;
        }
        seen.set(c);
        if (dag.isLatent(c)) {
          stack[top++] = c;
        } else {
          out.set(local[c]);
        }
      }
    }
    return out.stream().toArray();
  }

  private int[] topologicalOrder() {
    int[] missing = new int[n];
    for (int v = 0; v < n; v++) {
      missing[v] = parents[v].cardinality();
    }
    int[] order = new int[n];
    int done = 0;
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int v = 0; v < n; v++) {
      if (missing[v] == 0) {
        ready.add(v);
      }
    }
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[done++] = v;
      for (int c = 0; c < n; c++) {
        if (parents[c].get(v) && --missing[c] == 0) {
          ready.add(c);
        }
      }
    }
    return order;
  }

  /** The index of an observed node in the projection, by name; -1 if none. */
  int indexOf(String name) {
    for (int i = 0; i < n; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code P(y | do(x))} as an expression, or {@link HedgeFound}.
   *
   * @param y outcome nodes (projection indices)
   * @param x treatment nodes (projection indices)
   */
  Expression identify(BitSet y, BitSet x) throws HedgeFound {
    BitSet all = new BitSet(n);
    all.set(0, n);
    return id(y, x, Distribution.observed(all, this), all);
  }

  /** The current distribution: the observed marginal over {@code vars}, or an expression. */
  private record Distribution(BitSet vars, Expression joint, boolean observed) {
    static Distribution observed(BitSet vars, IdAlgorithm a) {
      return new Distribution(vars, a.simplifier.probability(a.names(vars), List.of()), true);
    }
  }

  private Expression id(BitSet y, BitSet x, Distribution p, BitSet v) throws HedgeFound {
    // Line 1.
    if (x.isEmpty()) {
      return marginal(p, y).joint();
    }
    // Line 2.
    BitSet an = ancestors(y, v, new BitSet());
    if (!an.equals(v)) {
      return id(y, Sets.intersect(x, an), marginal(p, an), an);
    }
    // Line 3.
    BitSet w = Sets.minus(v, x);
    w.andNot(ancestors(y, v, x));
    if (!w.isEmpty()) {
      return id(y, Sets.union(x, w), p, v);
    }
    // Line 4.
    BitSet rest = Sets.minus(v, x);
    List<BitSet> parts = components(rest);
    if (parts.size() > 1) {
      List<Expression> factors = new ArrayList<>();
      for (BitSet s : parts) {
        factors.add(id(s, Sets.minus(v, s), p, v));
      }
      BitSet summed = Sets.minus(v, Sets.union(y, x));
      return simplifier.sum(names(summed), simplifier.product(factors));
    }
    BitSet s = parts.get(0);
    List<BitSet> whole = components(v);
    // Line 5.
    if (whole.size() == 1) {
      throw new HedgeFound(new Hedge(names(v), names(s)));
    }
    // Line 6.
    if (whole.contains(s)) {
      List<Expression> factors = new ArrayList<>();
      for (int vi : inOrder(s)) {
        factors.add(conditional(p, vi, predecessors(vi, v)));
      }
      return simplifier.sum(names(Sets.minus(s, y)), simplifier.product(factors));
    }
    // Line 7.
    BitSet larger = null;
    for (BitSet c : whole) {
      if (c.intersects(s)) {
        larger = c;
      }
    }
    List<Expression> factors = new ArrayList<>();
    for (int vi : inOrder(larger)) {
      factors.add(conditional(p, vi, predecessors(vi, v)));
    }
    Distribution next = new Distribution(larger, simplifier.product(factors), false);
    return id(y, Sets.intersect(x, larger), next, larger);
  }

  /** {@code Σ_{vars ∖ keep} P}. */
  private Distribution marginal(Distribution p, BitSet keep) {
    if (p.observed()) {
      return Distribution.observed(keep, this);
    }
    Expression joint = simplifier.sum(names(Sets.minus(p.vars(), keep)), p.joint());
    return new Distribution(keep, joint, false);
  }

  /** {@code P(v | given)} of the current distribution, {@code given} a subset of its variables. */
  private Expression conditional(Distribution p, int v, BitSet given) {
    if (p.observed()) {
      return simplifier.probability(List.of(names[v]), names(given));
    }
    BitSet upTo = Sets.union(given, Sets.of(v));
    Expression num = simplifier.sum(names(Sets.minus(p.vars(), upTo)), p.joint());
    Expression den = simplifier.sum(names(Sets.minus(p.vars(), given)), p.joint());
    return simplifier.quotient(num, den);
  }

  /**
   * The ancestors of {@code y} (included) within {@code v}, walking up through directed edges,
   * but not through the parents of nodes in {@code cut} (the graph with edges into {@code cut}
   * removed).
   */
  private BitSet ancestors(BitSet y, BitSet v, BitSet cut) {
    BitSet seen = Sets.intersect(y, v);
    ArrayList<Integer> stack = new ArrayList<>();
    seen.stream().forEach(stack::add);
    while (!stack.isEmpty()) {
      int a = stack.remove(stack.size() - 1);
      if (cut.get(a)) {
        continue;
      }
      for (int u = parents[a].nextSetBit(0); u >= 0; u = parents[a].nextSetBit(u + 1)) {
        if (v.get(u) && !seen.get(u)) {
          seen.set(u);
          stack.add(u);
        }
      }
    }
    return seen;
  }

  /** The C-components of the subgraph induced by {@code v}, by lowest node. */
  private List<BitSet> components(BitSet v) {
    List<BitSet> out = new ArrayList<>();
    BitSet left = (BitSet) v.clone();
    while (!left.isEmpty()) {
      int start = left.nextSetBit(0);
      BitSet c = new BitSet(n);
      c.set(start);
      ArrayList<Integer> stack = new ArrayList<>(List.of(start));
      while (!stack.isEmpty()) {
        int a = stack.remove(stack.size() - 1);
        for (int b = spouses[a].nextSetBit(0); b >= 0; b = spouses[a].nextSetBit(b + 1)) {
          if (v.get(b) && !c.get(b)) {
            c.set(b);
            stack.add(b);
          }
        }
      }
      out.add(c);
      left.andNot(c);
    }
    return out;
  }

  /** The nodes of {@code v} before {@code node} in the topological order. */
  private BitSet predecessors(int node, BitSet v) {
    BitSet out = new BitSet(n);
    for (int u = v.nextSetBit(0); u >= 0; u = v.nextSetBit(u + 1)) {
      if (position[u] < position[node]) {
        out.set(u);
      }
    }
    return out;
  }

  private int[] inOrder(BitSet s) {
    return s.stream().boxed().sorted(Comparator.comparingInt(u -> position[u]))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Names of the nodes, in topological order. */
  List<String> names(BitSet s) {
    List<String> out = new ArrayList<>();
    for (int u : inOrder(s)) {
      out.add(names[u]);
    }
    return out;
  }

  /** The projection's node name. */
  String name(int i) {
    return names[i];
  }
}
