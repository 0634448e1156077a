package dev.causal4j.graph;

import static dev.causal4j.graph.TestGraphs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class MagTest {

  // ---- hand-worked examples -----------------------------------------------------------------

  @Test
  void aDagWithoutHiddenNodesIsItsOwnMag() {
    Graph dag = parse(GraphKind.DAG, "A --> B; B --> C; A --> C; D --> C");
    Graph mag = Mag.ofDag(dag);
    assertThat(mag).isEqualTo(dag);
    assertThat(mag.kind()).isEqualTo(GraphKind.MAG);
  }

  @Test
  void aHiddenCommonCauseBecomesABidirectedEdge() {
    // Spirtes, Glymour & Scheines (2000), ch. 6: A --> B <-- L --> C <-- D with L hidden.
    Graph dag = parse("A --> B; L --> B; L --> C; D --> C", "L");
    Graph mag = Mag.ofDag(dag);
    assertThat(mag).isEqualTo(parse("A --> B; B <-> C; D --> C"));
    assertThat(mag.nodeNames()).containsExactly("A", "B", "C", "D");
  }

  @Test
  void theMStructureKeepsItsEndsApart() {
    // X <-- U1 --> M <-- U2 --> Y, U1 and U2 hidden: M is a collider, X and Y stay non-adjacent.
    Graph dag = parse("U1 --> X; U1 --> M; U2 --> M; U2 --> Y", "U1", "U2");
    assertThat(Mag.ofDag(dag)).isEqualTo(parse("X <-> M; M <-> Y"));
  }

  @Test
  void anInducingPathThroughAnObservedColliderMakesAnEdgeWithNoCounterpartInTheDag() {
    // A --> B <-- L --> C with B --> D --> C. A and C are d-connected given every set of observed
    // nodes: {} opens A-B-D-C, anything with B opens A-B-L-C. The path A, B, L, C is inducing
    // (B is an observed collider and an ancestor of C; L is hidden), so the MAG has A --> C
    // (A is an ancestor of C). B and C get B --> C for the same reason.
    Graph dag = parse("A --> B; L --> B; L --> C; B --> D; D --> C", "L");
    Graph mag = Mag.ofDag(dag);
    assertThat(mag).isEqualTo(parse("A --> B; B --> C; B --> D; D --> C; A --> C"));
    assertThat(Mag.isMag(mag)).isTrue();
  }

  @Test
  void aHiddenMediatorIsProjectedToADirectedEdge() {
    // A --> L --> B with L hidden: A is an ancestor of B, so A --> B.
    Graph dag = parse("A --> L; L --> B; C --> B", "L");
    assertThat(Mag.ofDag(dag)).isEqualTo(parse("A --> B; C --> B"));
  }

  @Test
  void ancestralAndMaximalChecks() {
    // A --> B --> C with A <-> C: A is an ancestor of C, so the bidirected edge breaks ancestry.
    assertThat(Mag.isAncestral(parse("A --> B; B --> C; A <-> C"))).isFalse();
    assertThat(Mag.isAncestral(parse("A --> B; B --> C; C --> A"))).isFalse();
    assertThat(Mag.isAncestral(parse("A o-> B"))).isFalse();
    // An undirected edge may not meet an arrowhead (Richardson & Spirtes 2002, Def. 3.7 (iii)).
    assertThat(Mag.isAncestral(parse("A --- B; B <-> C"))).isFalse();
    assertThat(Mag.isAncestral(parse("A --- B; B --> C"))).isTrue();
    // A <-> B <-> C <-> D with C --> A and B --> D is ancestral, but A, B, C, D is an inducing
    // path (B and C are colliders, B an ancestor of D, C of A), so A and D cannot be separated:
    // not maximal.
    Graph notMaximal = parse("A <-> B; B <-> C; C <-> D; C --> A; B --> D");
    assertThat(Mag.isAncestral(notMaximal)).isTrue();
    assertThat(Mag.isMaximal(notMaximal)).isFalse();
    assertThat(Mag.hasInducingPath(notMaximal, 0, 3)).isTrue();
    assertThat(TestGraphs.inducingPathByPaths(notMaximal, 0, 3)).isTrue();
    for (int[] z : BruteForce.subsets(new int[] {1, 2}, 2)) {
      assertThat(TestGraphs.separatedByPaths(notMaximal, 0, 3, z)).isFalse();
    }
    assertThat(Mag.isMag(parse("A --> B; B <-> C; D --> C"))).isTrue();
    assertThat(Mag.isMag(parse("A --> B; B <-> C", "C"))).isFalse();
  }

  @Test
  void rejectsWhatIsNotADag() {
    assertThatThrownBy(() -> Mag.ofDag(parse("A --> B; B --> C; C --> A")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Mag.ofDag needs a DAG")
        .hasMessageContaining("directed cycle");
    assertThatThrownBy(() -> Mag.ofDag(parse("A --> B; B <-> C")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("B <-> C");
    assertThatThrownBy(() -> Mag.hasInducingPath(parse("A --> B; B --> C; A <-> C"), 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not ancestral");
  }

  // ---- properties on random DAGs with hidden confounders ------------------------------------

  @Test
  void adjacenciesAreTheInducingPathsFoundByEnumeration() {
    for (long seed = 0; seed < 300; seed++) {
      Graph dag = TestGraphs.randomDagWithLatents(seed, 6 + (int) (seed % 6), 2 + seed % 3,
          1 + (int) (seed % 4));
      Graph mag = Mag.ofDag(dag);
      int[] obs = Graphs.observedNodes(dag);
      for (int i = 0; i < obs.length; i++) {
        for (int j = i + 1; j < obs.length; j++) {
          assertThat(mag.isAdjacent(i, j))
              .as("seed %d: %s and %s", seed, mag.name(i), mag.name(j))
              .isEqualTo(TestGraphs.inducingPathByPaths(dag, obs[i], obs[j]));
          if (mag.isAdjacent(i, j)) {
            assertThat(mag.endpoint(j, i) == Endpoint.TAIL)
                .isEqualTo(Graphs.isAncestor(dag, obs[i], obs[j]));
            assertThat(mag.endpoint(i, j) == Endpoint.TAIL)
                .isEqualTo(Graphs.isAncestor(dag, obs[j], obs[i]));
          }
        }
      }
    }
  }

  @Test
  void theMagIsAncestralMaximalAndKeepsTheDagsSeparations() {
    int checked = 0;
    List<String> mismatches = new java.util.ArrayList<>();
    for (long seed = 0; seed < 300; seed++) {
      int p = 10 + (int) (seed % 21);
      double degree = new double[] {2, 3, 4}[(int) (seed % 3)];
      Graph dag = TestGraphs.randomDagWithLatents(seed, p, degree, 1 + p / 6);
      Graph mag = Mag.ofDag(dag);
      SeparationIndex magSep = SeparationIndex.of(mag);
      SeparationIndex dagSep = SeparationIndex.of(dag);
      assertThat(Mag.isMag(mag)).as("seed %d", seed).isTrue();
      assertThat(TestGraphs.ancestralByDefinition(mag)).isTrue();
      int[] obs = Graphs.observedNodes(dag);
      UniformRandomProvider rng = TestGraphs.rng(seed);
      // Every pair with a few random conditioning sets of observed nodes (sizes 0-3), plus the
      // set of the pair's other observed ancestors, which separates every non-adjacent pair.
      for (int i = 0; i < obs.length; i++) {
        for (int j = i + 1; j < obs.length; j++) {
          for (int trial = 0; trial < 4; trial++) {
            BitSet zMag = new BitSet();
            int size = trial;
            while (zMag.cardinality() < Math.min(size, obs.length - 2)) {
              int k = rng.nextInt(obs.length);
              if (k != i && k != j) {
                zMag.set(k);
              }
            }
            int[] z = zMag.stream().toArray();
            int[] zDag = zMag.stream().map(k -> obs[k]).toArray();
            if (magSep.isSeparated(i, j, z) != dagSep.isSeparated(obs[i], obs[j], zDag)) {
              mismatches.add("seed " + seed + ": " + mag.name(i) + " _||_ " + mag.name(j) + " | "
                  + Graphs.names(mag, z));
            }
            checked++;
          }
          if (!mag.isAdjacent(i, j)) {
            BitSet an = Graphs.ancestors(mag, i, j);
            an.clear(i);
            an.clear(j);
            assertThat(magSep.isSeparated(i, j, an.stream().toArray())).isTrue();
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(checked).isGreaterThan(50_000);
  }

  @Test
  void separationsOfSmallMagsMatchTheDagForEverySmallConditioningSet() {
    for (long seed = 0; seed < 120; seed++) {
      Graph dag = TestGraphs.randomDagWithLatents(seed, 8 + (int) (seed % 4), 2 + seed % 3, 2);
      Graph mag = Mag.ofDag(dag);
      SeparationIndex magSep = SeparationIndex.of(mag);
      SeparationIndex dagSep = SeparationIndex.of(dag);
      int[] obs = Graphs.observedNodes(dag);
      for (int i = 0; i < obs.length; i++) {
        for (int j = i + 1; j < obs.length; j++) {
          for (int[] zMag : BruteForce.subsets(TestGraphs.others(obs.length, i, j), 3)) {
            int[] zDag = java.util.Arrays.stream(zMag).map(k -> obs[k]).toArray();
            if (magSep.isSeparated(i, j, zMag) != dagSep.isSeparated(obs[i], obs[j], zDag)) {
              throw new AssertionError("seed " + seed + ": " + mag.name(i) + " _||_ " + mag.name(j)
                  + " | " + Graphs.names(mag, zMag) + " differs between the MAG and the DAG");
            }
          }
        }
      }
    }
  }

  @Test
  void separationOnMixedGraphsAgreesWithPathEnumeration() {
    // The separation walk against the definition, on MAGs with bidirected edges.
    for (long seed = 0; seed < 60; seed++) {
      Graph mag = Mag.ofDag(TestGraphs.randomDagWithLatents(seed, 9, 2 + seed % 3, 2));
      SeparationIndex magSep = SeparationIndex.of(mag);
      int n = mag.size();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          for (int[] z : BruteForce.subsets(TestGraphs.others(n, i, j), 2)) {
            assertThat(magSep.isSeparated(i, j, z))
                .as("seed %d, %s _||_ %s | %s", seed, mag.name(i), mag.name(j),
                    Graphs.names(mag, z))
                .isEqualTo(TestGraphs.separatedByPaths(mag, i, j, z));
          }
        }
      }
    }
  }

  @Test
  void maximalityAgreesWithSearchingEverySeparatingSet() {
    // Deleting an edge a-b of a MAG keeps it ancestral and keeps every other separation (fewer
    // paths, fewer ancestors), so the result is maximal iff a and b have some separating set
    // (searched exhaustively by path enumeration); no separating set means an inducing path.
    int notMaximal = 0;
    int maximal = 0;
    for (long seed = 0; seed < 200; seed++) {
      Graph mag = Mag.ofDag(TestGraphs.randomDagWithLatents(seed, 9, 2 + seed % 3, 3));
      int n = mag.size();
      for (Edge drop : mag.edges()) {
        MutableGraph g = mag.mutableCopy();
        int a = drop.from();
        int b = drop.to();
        g.removeEdge(a, b);
        boolean separable = false;
        for (int[] z : BruteForce.subsets(TestGraphs.others(n, a, b), n)) {
          if (TestGraphs.separatedByPaths(g, a, b, z)) {
            separable = true;
            break;
          }
        }
        assertThat(Mag.isAncestral(g)).isTrue();
        assertThat(Mag.isMaximal(g)).as("seed %d without %s", seed, drop).isEqualTo(separable);
        assertThat(Mag.hasInducingPath(g, a, b)).isEqualTo(!separable);
        assertThat(TestGraphs.inducingPathByPaths(g, a, b)).isEqualTo(!separable);
        if (separable) {
          maximal++;
        } else {
          notMaximal++;
        }
      }
    }
    assertThat(notMaximal).isGreaterThan(20);
    assertThat(maximal).isGreaterThan(20);
  }
}
