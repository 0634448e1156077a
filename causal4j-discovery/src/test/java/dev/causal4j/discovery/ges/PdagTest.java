package dev.causal4j.discovery.ges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MeekRules;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Pdag#complete}'s local update against the definition: after a random valid Insert or
 * Delete (Chickering 2002, Theorems 15 and 17) on a CPDAG, the result must be the CPDAG of a
 * consistent extension of the graph the operator left ({@code Cpdag.of(ConsistentExtension.of(·))},
 * computed on the whole graph), and with knowledge, that CPDAG closed by {@link MeekRules} with the
 * knowledge. Also the set of changed nodes must cover every node whose edges changed.
 */
class PdagTest {
  private static final int SEQUENCES = 300;

  @Test
  void localCompletionEqualsTheCpdagOfAConsistentExtension() {
    int moves = 0;
    for (long seed = 0; seed < SEQUENCES; seed++) {
      moves += randomWalk(seed, null);
    }
    assertThat(moves).as("moves checked").isGreaterThan(SEQUENCES * 20);
  }

  @Test
  void localCompletionWithTiersEqualsMeekClosureWithKnowledge() {
    int moves = 0;
    for (long seed = 0; seed < SEQUENCES; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed + 1000);
      int p = 6 + rng.nextInt(10);
      List<String> names = RandomGraphs.defaultNames(p);
      Knowledge.Builder kb = Knowledge.builder();
      List<String> early = new ArrayList<>();
      List<String> late = new ArrayList<>();
      for (String n : names) {
        (rng.nextBoolean() ? early : late).add(n);
      }
      kb.tier(early.toArray(new String[0])).tier(late.toArray(new String[0]));
      moves += randomWalk(seed + 1000, kb.build().bind(names));
    }
    assertThat(moves).as("moves checked").isGreaterThan(SEQUENCES * 10);
  }

  /** Random valid moves from the empty graph, each checked; returns how many. */
  private static int randomWalk(long seed, BoundKnowledge knowledge) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    int p = knowledge != null ? knowledge.variables().size() : 5 + rng.nextInt(16);
    List<String> names = RandomGraphs.defaultNames(p);
    Pdag g = new Pdag(p);
    int[] changed = new int[p];
    int stamp = 0;
    int checked = 0;
    int steps = 40 + rng.nextInt(40);
    for (int s = 0; s < steps; s++) {
      boolean insert = g.edgeCount() == 0 || rng.nextDouble() < 0.7;
      int x = rng.nextInt(p);
      int y = rng.nextInt(p);
      if (x == y) {
        continue;
      }
      Graph before = g.toGraph(names).snapshot();
      int[] moveSet;
      if (insert) {
        moveSet = randomInsert(g, x, y, rng, knowledge);
        if (moveSet == null) {
          continue;
        }
        g.addDirected(x, y);
        for (int t : moveSet) {
          g.orient(t, y);
        }
      } else {
        moveSet = randomDelete(g, x, y, rng, knowledge);
        if (moveSet == null) {
          continue;
        }
        g.remove(x, y);
        for (int h : moveSet) {
          g.orient(y, h);
          if (g.isUndirected(x, h)) {
            g.orient(x, h);
          }
        }
      }
      MutableGraph left = g.toGraph(names);
      Optional<Graph> dag = ConsistentExtension.of(left);
      assertThat(dag).as("seed %d step %d: a valid move leaves an extendable graph", seed, s)
          .isPresent();
      MutableGraph expected = Cpdag.of(dag.get()).mutableCopy();
      if (knowledge != null) {
        MeekRules.apply(expected, knowledge);
      }
      g.complete(y, knowledge, changed, ++stamp);
      Graph after = g.toGraph(names);
      assertThat(after).as("seed %d step %d", seed, s).isEqualTo(expected.snapshot());
      // Every node whose incident edges differ from before the move is reported (or is a node
      // the move itself touched, which the search marks on its own).
      for (int v = 0; v < p; v++) {
        boolean same = true;
        for (int u = 0; u < p && same; u++) {
          same = u == v || before.endpoint(v, u) == after.endpoint(v, u)
              && before.endpoint(u, v) == after.endpoint(u, v);
        }
        boolean moveNode = v == x || v == y || contains(moveSet, v);
        if (!same && !moveNode) {
          assertThat(changed[v]).as("seed %d step %d: node %d changed", seed, s, v)
              .isEqualTo(stamp);
        }
      }
      checked++;
    }
    return checked;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** A random T making Insert(x, y, T) valid, or null. */
  private static int[] randomInsert(Pdag g, int x, int y, UniformRandomProvider rng,
      BoundKnowledge kn) {
    if (g.adjacent(x, y) || (kn != null && kn.isForbidden(x, y))) {
      return null;
    }
    int p = g.p;
    List<Integer> na = new ArrayList<>();
    List<Integer> t = new ArrayList<>();
    for (int z = 0; z < p; z++) {
      if (g.isUndirected(z, y)) {
        if (g.adjacent(z, x)) {
          na.add(z);
        } else if (rng.nextBoolean() && (kn == null || !kn.isForbidden(z, y))) {
          t.add(z);
        }
      }
    }
    List<Integer> all = new ArrayList<>(na);
    all.addAll(t);
    int[] set = all.stream().mapToInt(Integer::intValue).toArray();
    if (!g.isClique(set, set.length)) {
      return null;
    }
    if (g.semiDirectedPath(y, x, set, set.length, new int[p], 1, new int[p])) {
      return null;
    }
    return t.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A random H making Delete(x, y, H) valid, or null. */
  private static int[] randomDelete(Pdag g, int x, int y, UniformRandomProvider rng,
      BoundKnowledge kn) {
    if (!g.adjacent(x, y) || g.isDirected(y, x)) {
      return null;
    }
    List<Integer> h = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int z = 0; z < g.p; z++) {
      if (z != x && g.isUndirected(z, y) && g.adjacent(z, x)) {
        boolean may = kn == null || (!kn.isForbidden(y, z)
            && !(g.isUndirected(x, z) && kn.isForbidden(x, z)));
        (may && rng.nextBoolean() ? h : rest).add(z);
      }
    }
    int[] c = rest.stream().mapToInt(Integer::intValue).toArray();
    if (!g.isClique(c, c.length)) {
      return null;
    }
    return h.stream().mapToInt(Integer::intValue).toArray();
  }
}
