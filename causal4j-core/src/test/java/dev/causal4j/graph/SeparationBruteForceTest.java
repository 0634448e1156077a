package dev.causal4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The linear-time walk of {@link Separation} / {@link SeparationIndex} against the definition:
 * enumerate every simple path between x and y and look for one that is open given z. On small
 * random graphs of three kinds, every pair x, y and every z of up to three other nodes.
 */
class SeparationBruteForceTest {

  private enum Kind {
    DAG,
    /** A DAG with some directed edges turned bidirected and bidirected edges added anywhere. */
    ADMG,
    /** As ADMG, but a bidirected edge only between nodes neither of which is an ancestor of the
     * other: ancestral graphs, the shape of MAGs. */
    ANCESTRAL
  }

  @Test
  void dagsAgreeWithPathEnumeration() {
    assertThat(checkMany(Kind.DAG, 400, 0)).isGreaterThan(100_000);
  }

  @Test
  void admgsAgreeWithPathEnumeration() {
    assertThat(checkMany(Kind.ADMG, 400, 1_000)).isGreaterThan(100_000);
  }

  @Test
  void ancestralGraphsAgreeWithPathEnumeration() {
    assertThat(checkMany(Kind.ANCESTRAL, 400, 2_000)).isGreaterThan(100_000);
  }

  /** Checks {@code graphs} random graphs; returns the number of (x, y, z) questions compared. */
  private static int checkMany(Kind kind, int graphs, long seedBase) {
    int questions = 0;
    int separated = 0;
    for (long seed = seedBase; seed < seedBase + graphs; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 3 + rng.nextInt(6); // 3..8 nodes
      double degree = Math.min(p - 1, 1 + 2.5 * rng.nextDouble());
      Graph g = randomGraph(kind, p, degree, rng);
      int[] counts = checkAll(g);
      questions += counts[0];
      separated += counts[1];
    }
    // Both answers must be common, or the comparison says little.
    assertThat(separated).isGreaterThan(questions / 20);
    assertThat(questions - separated).isGreaterThan(questions / 20);
    return questions;
  }

  static Graph randomGraph(Kind kind, int p, double degree, UniformRandomProvider rng) {
    Graph dag = RandomGraphs.erdosRenyiDag(p, degree, rng);
    if (kind == Kind.DAG) {
      return dag;
    }
    MutableGraph g = dag.mutableCopy();
    g.setKind(GraphKind.ADMG);
    boolean[][] anc = BruteForce.ancestorMatrix(dag);
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        boolean adjacent = g.isAdjacent(a, b);
        boolean allowed = kind == Kind.ADMG || (!anc[a][b] && !anc[b][a]);
        double chance = adjacent ? 0.25 : 0.2;
        if (allowed && rng.nextDouble() < chance) {
          g.addBidirectedEdge(a, b);
        }
      }
    }
    if (kind == Kind.ANCESTRAL) {
      // Turning a --> b into a <-> b can leave another directed path a --> … --> b: drop those.
      boolean[][] ancNow = BruteForce.ancestorMatrix(g);
      for (Edge e : g.edges()) {
        if (g.isBidirected(e.from(), e.to())
            && (ancNow[e.from()][e.to()] || ancNow[e.to()][e.from()])) {
          g.removeEdge(e.from(), e.to());
        }
      }
    }
    return g.snapshot();
  }

  /** Compares every question on one graph; returns {questions, separated}. */
  private static int[] checkAll(Graph g) {
    int p = g.size();
    boolean[][] anc = BruteForce.ancestorMatrix(g);
    SeparationIndex index = SeparationIndex.of(g);
    int questions = 0;
    int separated = 0;
    for (int x = 0; x < p; x++) {
      for (int y = x + 1; y < p; y++) {
        List<int[]> paths = BruteForce.simplePaths(g, x, y);
        int[] others = new int[p - 2];
        for (int v = 0, k = 0; v < p; v++) {
          if (v != x && v != y) {
            others[k++] = v;
          }
        }
        for (int[] z : BruteForce.subsets(others, 3)) {
          boolean[] inZ = new boolean[p];
          boolean[] ancestorOfZ = new boolean[p];
          for (int v : z) {
            inZ[v] = true;
            for (int u = 0; u < p; u++) {
              ancestorOfZ[u] |= anc[u][v];
            }
          }
          boolean open = false;
          for (int[] path : paths) {
            if (BruteForce.isOpen(g, path, inZ, ancestorOfZ)) {
              open = true;
              break;
            }
          }
          boolean sep = Separation.isSeparated(g, x, y, z);
          BitSet reach = index.reachable(x, z);
          if (sep == open || index.isSeparated(y, x, z) != sep || reach.get(y) == sep) {
            fail("%s%n%s and %s given %s: paths say %s, the walk says %s", g, g.name(x),
                g.name(y), Graphs.names(g, z), open ? "open" : "separated",
                sep ? "separated" : "open");
          }
          questions++;
          if (sep) {
            separated++;
          }
        }
      }
    }
    return new int[] {questions, separated};
  }
}
