package dev.causal4j.discovery.fci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The graph searches behind the Possible-D-SEP step, against brute force over simple paths. */
class PossibleDsepTest {

  /** A random skeleton of 9 nodes with random arrowheads, as R0 could leave it. */
  private static MutableGraph randomMarkedSkeleton(long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    Graph dag = RandomGraphs.erdosRenyiDag(9, 2 + seed % 3, rng);
    MutableGraph g = new MutableGraph(dag.nodeNames());
    for (var e : dag.edges()) {
      g.setEdge(e.from(), e.to(), rng.nextInt(3) == 0 ? Endpoint.ARROW : Endpoint.CIRCLE,
          rng.nextInt(3) == 0 ? Endpoint.ARROW : Endpoint.CIRCLE);
    }
    return g;
  }

  @Test
  void blocksHoldExactlyTheNodesOnPathsBetweenAnEdgesEnds() {
    for (long seed = 0; seed < 60; seed++) {
      MutableGraph g = randomMarkedSkeleton(seed);
      int[][] adj = new int[g.size()][];
      for (int v = 0; v < g.size(); v++) {
        adj[v] = g.adjacentNodes(v);
      }
      Blocks blocks = Blocks.of(adj);
      for (int x = 0; x < g.size(); x++) {
        for (int y : adj[x]) {
          BitSet onPaths = new BitSet();
          paths(g, x, y, new int[g.size()], 0, onPaths);
          int[] expected = onPaths.stream().toArray();
          assertThat(blocks.nodesOfEdge(x, y)).as("seed %d, %d-%d", seed, x, y)
              .containsExactly(expected);
        }
      }
    }
  }

  @Test
  void possibleDsepContainsEveryNodeALegalPathReaches() {
    // The search runs over walks, so it may find more than the paths of the definition (which
    // costs tests, never correctness); it must never find less.
    for (long seed = 0; seed < 60; seed++) {
      MutableGraph g = randomMarkedSkeleton(seed);
      int[][] pds = PossibleDsep.sets(g, -1, 1);
      for (int x = 0; x < g.size(); x++) {
        BitSet legal = new BitSet();
        for (int y = 0; y < g.size(); y++) {
          if (y != x && legalPathExists(g, x, y)) {
            legal.set(y);
          }
        }
        for (int v : legal.stream().toArray()) {
          assertThat(Arrays.binarySearch(pds[x], v)).as("seed %d, pds(%d) has %d", seed, x, v)
              .isGreaterThanOrEqualTo(0);
        }
        assertThat(pds[x]).doesNotContain(x);
      }
      // A path-length limit of 1 leaves the neighbours.
      int[][] near = PossibleDsep.sets(g, 1, 1);
      for (int x = 0; x < g.size(); x++) {
        assertThat(near[x]).containsExactly(g.adjacentNodes(x));
      }
    }
  }

  /** Collects into {@code on} every node of every simple path from {@code v} to {@code target}. */
  private static void paths(Graph g, int v, int target, int[] path, int len, BitSet on) {
    path[len] = v;
    if (v == target) {
      for (int i = 0; i <= len; i++) {
        on.set(path[i]);
      }
      return;
    }
    for (int w : g.adjacentNodes(v)) {
      boolean used = false;
      for (int i = 0; i <= len; i++) {
        used |= path[i] == w;
      }
      if (!used) {
        paths(g, w, target, path, len + 1, on);
      }
    }
  }

  /**
   * True if a simple path from {@code x} to {@code y} has every inner node a collider or in a
   * triangle with its two path neighbours (Colombo et al. 2012, Def. 3.3).
   */
  private static boolean legalPathExists(Graph g, int x, int y) {
    return legal(g, new int[g.size()], 0, x, y);
  }

  private static boolean legal(Graph g, int[] path, int len, int v, int y) {
    path[len] = v;
    if (len >= 2) {
      int a = path[len - 2];
      int b = path[len - 1];
      boolean collider = g.endpoint(a, b) == Endpoint.ARROW && g.endpoint(v, b) == Endpoint.ARROW;
      if (!collider && !g.isAdjacent(a, v)) {
        return false;
      }
    }
    if (v == y) {
      return true;
    }
    for (int w : g.adjacentNodes(v)) {
      boolean used = false;
      for (int i = 0; i <= len; i++) {
        used |= path[i] == w;
      }
      if (!used && legal(g, path, len + 1, w, y)) {
        return true;
      }
    }
    return false;
  }
}
