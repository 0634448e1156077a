package dev.causal4j.discovery.fci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.Pag;
import dev.causal4j.independence.DSeparationOracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFCI with a d-separation oracle. Colombo et al. (2012, Def. 3.2, Thm 3.4) guarantee an
 * "RFCI-PAG": (i) every missing edge is a separation, (ii) every edge present joins variables
 * dependent given every subset of either one's neighbours, (iii) every tail and arrowhead is true
 * of ancestry in the underlying DAG. It can keep edges the true PAG lacks (pairs only a
 * Possible-D-SEP set separates) and then orient less. These tests check exactly that, and that it
 * is the true PAG whenever the skeletons agree.
 */
class RfciOracleTest {

  private static DiscoveryResult rfci(Graph dag, long seed) {
    return Rfci.builder(new DSeparationOracle(dag)).alpha(0.5).stable(seed % 3 != 0)
        .threads(seed % 2 == 0 ? 1 : 2).build().search();
  }

  @Test
  void isTheTruePagOnRandomGraphs() {
    // The 210 graphs of FciOracleTest: on each the skeleton search finds the MAG's skeleton,
    // and then the RFCI-PAG is the PAG.
    List<Graph> family = OracleGraphs.family(210);
    for (int i = 0; i < family.size(); i++) {
      Graph dag = family.get(i);
      DiscoveryResult r = rfci(dag, i);
      assertThat(r.graph()).as("graph %d:\n%s", i, dag).isEqualTo(Pag.ofDag(dag));
      assertThat(r.graph().kind()).isEqualTo(GraphKind.PAG);
      assertThat(r.stats().algorithm()).isEqualTo("rfci");
    }
  }

  @Test
  void isAnRfciPagWherePossibleDsepWouldBeNeeded() {
    int differ = 0;
    for (long seed = 0; seed < 40; seed++) {
      Graph dag = OracleGraphs.withPlantedGadget(seed);
      Graph truth = Pag.ofDag(dag);
      Graph mag = Mag.ofDag(dag);
      Graph out = rfci(dag, seed).graph();
      assertRfciPag(out, truth, mag, "seed " + seed);
      differ += out.equals(truth) ? 0 : 1;
    }
    // The gadget's X *-* Y survives in every one (see theGadgetKeepsItsSpuriousEdge).
    assertThat(differ).isEqualTo(40);
  }

  /** Properties (i) and (iii), agreement on shared edges, and equality if skeletons agree. */
  static void assertRfciPag(Graph out, Graph truth, Graph mag, String what) {
    boolean sameSkeleton = true;
    for (int a = 0; a < out.size(); a++) {
      for (int b = a + 1; b < out.size(); b++) {
        if (!out.isAdjacent(a, b)) {
          assertThat(truth.isAdjacent(a, b)).as("%s: %s, %s", what, out.name(a), out.name(b))
              .isFalse();
          continue;
        }
        sameSkeleton &= truth.isAdjacent(a, b);
        for (int[] e : new int[][] {{a, b}, {b, a}}) {
          Endpoint mark = out.endpoint(e[0], e[1]); // at e[1]
          boolean ancestor = Graphs.isAncestor(mag, e[1], e[0]);
          if (mark == Endpoint.TAIL) {
            assertThat(ancestor).as("%s: tail at %s", what, out.name(e[1])).isTrue();
          } else if (mark == Endpoint.ARROW) {
            assertThat(ancestor).as("%s: arrowhead at %s", what, out.name(e[1])).isFalse();
          }
          if (mark != Endpoint.CIRCLE && truth.isAdjacent(a, b)) {
            // Marks RFCI sets hold in every MAG of the class, so the PAG has them too.
            assertThat(truth.endpoint(e[0], e[1])).as("%s: mark at %s", what, out.name(e[1]))
                .isEqualTo(mark);
          }
        }
      }
    }
    if (sameSkeleton) {
      assertThat(out).as(what).isEqualTo(truth);
    }
  }

  @Test
  void theGadgetKeepsItsSpuriousEdge() {
    // OracleGraphs.possibleDsepGadget: only {A, B, C, E} separates X and Y. RFCI's triple checks
    // test X, Y given sepset(B, X) = {} (B --> Y) and sepset(E, Y) = {}: nothing, so X <-> Y
    // stays, as in FCI without Possible-D-SEP. Every mark is still true of ancestry: X <-> Y
    // says neither causes the other, and they do not; but A --> Y, B --> Y, C --> X and E --> X
    // keep a circle, which the true PAG resolves.
    Graph dag = OracleGraphs.possibleDsepGadget();
    DiscoveryResult r = Rfci.builder(new DSeparationOracle(dag)).alpha(0.5).build().search();
    assertThat(r.graph()).isEqualTo(GraphText.parse("GX <-> GY; GX <-> GA; GY <-> GC;"
        + " GA o-> GY; GB o-> GY; GB o-> GA; GC o-> GX; GE o-> GX; GE o-> GC"));
    assertRfciPag(r.graph(), Pag.ofDag(dag), Mag.ofDag(dag), "gadget");
  }

  @Test
  void tripleChecksRemoveAnEdgeTheSkeletonSearchKept() {
    // The gadget plus W, a child of Y, A, B, C and E. The skeleton search separates X and W by
    // {A, B, C, E} (all neighbours of W) but keeps X *-* Y. RFCI checks the unshielded triple
    // W *-* Y *-* X given sepset(W, X) = {A, B, C, E} (Lemma 3.1): X and Y are independent
    // there, so the edge goes, with that set (no smaller one separates), and the result is the
    // true PAG.
    MutableGraph g = OracleGraphs.possibleDsepGadget().mutableCopy();
    MutableGraph withW = new MutableGraph(
        java.util.stream.Stream.concat(g.nodeNames().stream(), java.util.stream.Stream.of("GW"))
            .toList());
    for (var e : g.edges()) {
      withW.setEdge(e.from(), e.to(), e.atFrom(), e.atTo());
    }
    for (int v = 0; v < g.size(); v++) {
      withW.setLatent(v, g.isLatent(v));
    }
    int w = withW.indexOf("GW");
    for (String parent : new String[] {"GY", "GA", "GB", "GC", "GE"}) {
      withW.addDirectedEdge(withW.indexOf(parent), w);
    }
    Graph dag = withW.snapshot();
    DiscoveryResult r = Rfci.builder(new DSeparationOracle(dag)).alpha(0.5).build().search();
    assertThat(r.graph()).isEqualTo(Pag.ofDag(dag));
    assertThat(r.stats().parameters()).containsEntry("edges_removed_by_triple_checks", "1")
        .containsEntry("edges_removed_by_path_checks", "0");
    Graph approx = Fci.builder(new DSeparationOracle(dag)).alpha(0.5).possibleDsep(false)
        .build().search().graph();
    assertThat(approx.isAdjacent(approx.indexOf("GX"), approx.indexOf("GY"))).isTrue();
  }

  @Test
  void pathChecksRemoveAnEdgeBeforeR4OrientsAlongIt() {
    // Scripted answers (Lemma 3.2, Algorithm 4.5). Skeleton: D ⫫ B and F ⫫ B marginally; F ⫫ A
    // and F ⫫ C given D (depth 1); D ⫫ C given {A, F} (depth 2); B ⫫ C only given {A, F}, which
    // the skeleton search never tries (F has left C's neighbours by depth 2, and B has one). So
    // the skeleton is F - D - A - B, A - C, B - C. R0: D *-> A <-* B (empty sepset); R1: A --> C;
    // R2: B o-> C. Then <D, A, B, C> discriminates B, and before R4 orients, RFCI tests each
    // consecutive pair given the subsets of sepset(D, C) = {A, F}: B, C are independent given
    // {A, F}, so B *-* C goes instead, with that set.
    List<String> names = List.of("A", "B", "C", "D", "F");
    ScriptedTest test = new ScriptedTest(names, "D B |", "F B |", "F A | D", "F C | D",
        "D C | A F", "B C | A F");
    DiscoveryResult r = Rfci.builder(test).alpha(0.5).build().search();
    assertThat(r.stats().parameters()).containsEntry("edges_removed_by_path_checks", "1")
        .containsEntry("edges_removed_by_triple_checks", "0");
    assertThat(test.asked()).contains("D A | F", "A B | F", "B C | A", "B C | F", "B C | A F");
    // Left: F o-o D o-> A <-o B and A --> C; with B, C apart, A is a non-collider between them
    // (A in their separating set), so R1 would need an arrowhead at A from C, which there is not.
    assertThat(r.graph()).isEqualTo(GraphText.parse("F o-o D; D o-> A; B o-> A; A --> C"));
  }
}
