package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.effects.AdjustmentCriterion;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.Pag;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The generalized adjustment criterion on PAGs and MAGs. The oracle enumerates the MAGs of a
 * small PAG (every way to read its circles whose PAG is the same) and, for each MAG, a DAG with
 * hidden variables that it represents with as much confounding as it allows: a hidden common
 * parent for each {@code <->}, and one for each directed edge where adding it leaves the MAG
 * unchanged (the invisible edges). A set is valid for the PAG when it is an adjustment set in all
 * of these DAGs.
 */
class PagIdentificationTest {

  /** Every MAG whose PAG is {@code pag}. */
  static List<Graph> mags(Graph pag) {
    List<int[]> circles = new ArrayList<>(); // {edge index, 0 = mark at from, 1 = at to}
    List<Edge> edges = pag.edges();
    for (int i = 0; i < edges.size(); i++) {
      if (edges.get(i).atFrom() == Endpoint.CIRCLE) {
        circles.add(new int[] {i, 0});
      }
      if (edges.get(i).atTo() == Endpoint.CIRCLE) {
        circles.add(new int[] {i, 1});
      }
    }
    List<Graph> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << circles.size(); mask++) {
      Endpoint[][] marks = new Endpoint[edges.size()][];
      for (int i = 0; i < edges.size(); i++) {
        marks[i] = new Endpoint[] {edges.get(i).atFrom(), edges.get(i).atTo()};
      }
      for (int k = 0; k < circles.size(); k++) {
        int[] c = circles.get(k);
        marks[c[0]][c[1]] = (mask >> k & 1) == 1 ? Endpoint.ARROW : Endpoint.TAIL;
      }
      MutableGraph m = new MutableGraph(pag.nodeNames(), GraphKind.MAG);
      boolean ok = true;
      for (int i = 0; i < edges.size(); i++) {
        if (marks[i][0] == Endpoint.TAIL && marks[i][1] == Endpoint.TAIL) {
          ok = false;
        }
        m.setEdge(edges.get(i).from(), edges.get(i).to(), marks[i][0], marks[i][1]);
      }
      if (ok && Mag.isMag(m) && Pag.ofMag(m).equals(pag)) {
        out.add(m.snapshot());
      }
    }
    return out;
  }

  /** A DAG represented by the MAG, with every confounder the MAG allows. */
  static Graph mostConfounded(Graph mag) {
    List<String> names = new ArrayList<>(mag.nodeNames());
    List<int[]> pairs = new ArrayList<>();
    for (Edge e : mag.edges()) {
      pairs.add(new int[] {e.from(), e.to(), e.isDirected() ? 0 : 1});
    }
    MutableGraph d = new MutableGraph(names, GraphKind.DAG);
    for (Edge e : mag.edges()) {
      if (e.isDirected()) {
        d.addDirectedEdge(e.from(), e.to());
      }
    }
    Graph current = d.snapshot();
    for (int[] ab : pairs) {
      Graph next = withConfounder(current, ab[0], ab[1]);
      if (ab[2] == 1 || Mag.ofDag(next).equals(mag)) {
        current = next;
      }
    }
    assertThat(Mag.ofDag(current)).isEqualTo(mag);
    return current;
  }

  private static Graph withConfounder(Graph g, int a, int b) {
    List<String> names = new ArrayList<>(g.nodeNames());
    names.add("L" + names.size());
    MutableGraph m = new MutableGraph(names, GraphKind.DAG);
    for (int v = 0; v < g.size(); v++) {
      m.setLatent(v, g.isLatent(v));
    }
    for (Edge e : g.edges()) {
      m.addDirectedEdge(e.from(), e.to());
    }
    int l = g.size();
    m.setLatent(l, true);
    m.addDirectedEdge(l, a);
    m.addDirectedEdge(l, b);
    return m.snapshot();
  }

  @Test
  void generalizedAdjustmentAgreesWithEveryMagOfThePag() {
    int identified = 0;
    int notAmenable = 0;
    int pags = 0;
    for (long seed = 0; seed < 250; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(80_000 + seed);
      int p = 6 + rng.nextInt(2);
      Graph dag = RandomDagIdentificationTest.randomDag(p, 2 + rng.nextDouble(),
          1 + rng.nextInt(2), rng);
      Graph pag = Pag.ofDag(dag);
      long circleMarks = pag.edges().stream().mapToLong(e -> (e.atFrom() == Endpoint.CIRCLE ? 1
          : 0) + (e.atTo() == Endpoint.CIRCLE ? 1 : 0)).sum();
      if (circleMarks > 8) {
        continue; // 2^circles candidate MAGs: keep the brute force fast
      }
      List<Graph> mags = mags(pag);
      if (mags.isEmpty() || mags.size() > 64) {
        continue;
      }
      pags++;
      List<Graph> dags = mags.stream().map(PagIdentificationTest::mostConfounded).toList();
      int[] order = PermutationSampler.natural(pag.size());
      PermutationSampler.shuffle(rng, order);
      BitSet x = Oracle.bits(order[0]);
      BitSet y = Oracle.bits(order[1]);
      List<String> xs = Graphs.names(pag, order[0]);
      List<String> ys = Graphs.names(pag, order[1]);
      List<Oracle.Adjustment> oracles = dags.stream()
          .map(d -> new Oracle.Adjustment(d, x, y)).toList();
      // The generating DAG (its hidden nodes renumbered after the observed ones) must agree too.
      int[] candidates = java.util.stream.IntStream.range(0, pag.size())
          .filter(v -> !x.get(v) && !y.get(v)).toArray();
      List<BitSet> valid = new ArrayList<>();
      for (BitSet z : Oracle.subsets(candidates)) {
        boolean inAll = oracles.stream().allMatch(o -> o.valid(z));
        boolean claimed = AdjustmentSets.isValid(pag, xs, ys,
            Graphs.names(pag, z.stream().toArray()));
        assertThat(claimed).as("seed %d, Z = %s", seed, z).isEqualTo(inAll);
        if (claimed) {
          BitSet inDag = new BitSet();
          z.stream().forEach(v -> inDag.set(dag.requireIndex(pag.name(v))));
          assertThat(new Oracle.Adjustment(dag, Oracle.bits(dag.requireIndex(xs.get(0))),
              Oracle.bits(dag.requireIndex(ys.get(0)))).valid(inDag)).isTrue();
          valid.add(z);
        }
      }
      Identification id = Identifier.identify(CausalQuery.of(pag, xs.get(0), ys.get(0)));
      if (id instanceof BackdoorAdjustment b) {
        identified++;
        assertThat(valid).isNotEmpty();
        assertThat(b.criterion()).isEqualTo(AdjustmentCriterion.GENERALIZED_ADJUSTMENT);
        assertThat(b.optimalSet()).isEmpty();
        assertThat(valid).contains(RandomDagIdentificationTest.bits(pag, b.adjustmentSet()));
        assertThat(b.minimalSets().stream().map(m -> RandomDagIdentificationTest.bits(pag, m))
            .toList()).containsExactlyInAnyOrderElementsOf(Oracle.minimal(valid));
      } else if (id instanceof NotIdentifiable n) {
        assertThat(valid).as("seed %d", seed).isEmpty();
        assertThat(n.proven()).isFalse();
        if (n.reason().contains("not amenable")) {
          notAmenable++;
        }
      }
    }
    assertThat(pags).isGreaterThan(150);
    assertThat(identified).isGreaterThan(30);
    assertThat(notAmenable).isGreaterThan(30);
  }

  @Test
  void visibleEdgeOutOfTheTreatmentIsAmenable() {
    // A --> X <-- B, X --> Y: in the PAG A o-> X <-o B and X --> Y, which is visible because A
    // has an edge into X and is not adjacent to Y (Zhang 2008).
    Graph pag = Pag.ofDag(TestGraphs.dag("A --> X; B --> X; X --> Y"));
    assertThat(pag.isDirected(pag.requireIndex("X"), pag.requireIndex("Y"))).isTrue();
    BackdoorAdjustment b = (BackdoorAdjustment) Identifier.identify(
        CausalQuery.of(pag, "X", "Y"));
    assertThat(b.minimalSets()).containsExactly(List.of());
    assertThat(b.optimalSet()).isEmpty();
  }

  @Test
  void circleOutOfTheTreatmentIsNotAmenable() {
    Graph pag = Pag.ofDag(TestGraphs.dag("A --> X; X --> Y"));
    NotIdentifiable n = (NotIdentifiable) Identifier.identify(CausalQuery.of(pag, "X", "Y"));
    assertThat(n.proven()).isFalse();
    assertThat(n.reason()).contains("the PAG is not amenable relative to (X; Y)")
        .contains("the edge X o-o Y leaves the direction undetermined");
  }

  @Test
  void invisibleEdgeIsNotAmenable() {
    // A lone X --> Y in a MAG may hide a common cause of X and Y.
    Graph mag = TestGraphs.parse(GraphKind.MAG, "X --> Y");
    NotIdentifiable n = (NotIdentifiable) Identifier.identify(CausalQuery.of(mag, "X", "Y"));
    assertThat(n.reason()).contains("the edge X --> Y is not visible");
  }

  @Test
  void graphsThatAreNoPagAreRefused() {
    // A lone X o-> Y: the PAG of the MAG X --> Y is X o-o Y, so no MAG has this PAG.
    Graph bad = TestGraphs.parse(GraphKind.PAG, "X o-> Y");
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(bad, "X", "Y")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not the PAG of any MAG");
    // Labelled PAG with no circles: X --> Y alone is a MAG, but its PAG is X o-o Y.
    Graph arrowsOnly = TestGraphs.parse(GraphKind.PAG, "X --> Y");
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(arrowsOnly, "X", "Y")))
        .hasMessageContaining("not the PAG of any MAG");
    // X is an ancestor of Y and X <-> Y: not ancestral.
    Graph notAncestral = TestGraphs.parse(GraphKind.MAG, "X --> Z; Z --> Y; X <-> Y");
    assertThatThrownBy(() -> Identifier.identify(CausalQuery.of(notAncestral, "X", "Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a maximal ancestral graph");
  }
}
