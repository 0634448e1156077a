package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.IdExpression;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The generalized adjustment criterion and IDA on CPDAGs, against brute force: every DAG of the
 * class is enumerated (every orientation of the undirected edges whose CPDAG is the same), and a
 * set counts as valid for the class when it is an adjustment set in each of them.
 */
class CpdagIdentificationTest {

  /** Every DAG in the Markov equivalence class of a CPDAG. */
  static List<Graph> members(Graph cpdag) {
    List<Edge> undirected = new ArrayList<>();
    for (Edge e : cpdag.edges()) {
      if (!e.isDirected()) {
        undirected.add(e);
      }
    }
    List<Graph> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << undirected.size(); mask++) {
      MutableGraph d = cpdag.mutableCopy().setKind(GraphKind.DAG);
      for (int i = 0; i < undirected.size(); i++) {
        Edge e = undirected.get(i);
        if ((mask >> i & 1) == 1) {
          d.addDirectedEdge(e.from(), e.to());
        } else {
          d.addDirectedEdge(e.to(), e.from());
        }
      }
      if (Graphs.findDirectedCycle(d).isEmpty() && Cpdag.of(d).equals(cpdag)) {
        out.add(d.snapshot());
      }
    }
    return out;
  }

  @Test
  void generalizedAdjustmentAgreesWithEveryDagOfTheClass() {
    int identified = 0;
    int ida = 0;
    int checkedSets = 0;
    for (long seed = 0; seed < 300; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(70_000 + seed);
      int p = 5 + rng.nextInt(3);
      Graph dag = RandomDagIdentificationTest.randomDag(p, 2 + 1.5 * rng.nextDouble(), 0, rng);
      Graph cpdag = Cpdag.of(dag);
      List<Graph> members = members(cpdag);
      assertThat(members).contains(dag);
      int[] order = PermutationSampler.natural(p);
      PermutationSampler.shuffle(rng, order);
      boolean two = seed % 6 == 5;
      BitSet x = two ? Oracle.bits(order[0], order[1]) : Oracle.bits(order[0]);
      BitSet y = Oracle.bits(order[two ? 2 : 1]);
      List<String> xs = Graphs.names(cpdag, x.stream().toArray());
      List<String> ys = Graphs.names(cpdag, y.stream().toArray());
      List<Oracle.Adjustment> oracles = members.stream()
          .map(m -> new Oracle.Adjustment(m, x, y)).toList();
      int[] candidates = java.util.stream.IntStream.range(0, p)
          .filter(v -> !x.get(v) && !y.get(v)).toArray();
      List<BitSet> valid = new ArrayList<>();
      for (BitSet z : Oracle.subsets(candidates)) {
        boolean inAll = oracles.stream().allMatch(o -> o.valid(z));
        assertThat(AdjustmentSets.isValid(cpdag, xs, ys, Graphs.names(cpdag, z.stream().toArray())))
            .as("seed %d, Z = %s", seed, z).isEqualTo(inAll);
        checkedSets++;
        if (inAll) {
          valid.add(z);
        }
      }
      List<Identification> all = Identifier.identifyAll(
          CausalQuery.builder(cpdag).treatments(xs).outcomes(ys).build());
      assertThat(all).hasSize(1);
      Identification id = all.get(0);
      if (!valid.isEmpty()) {
        identified++;
        BackdoorAdjustment b = (BackdoorAdjustment) id;
        BitSet used = RandomDagIdentificationTest.bits(cpdag, b.adjustmentSet());
        assertThat(oracles).allMatch(o -> o.valid(used));
        b.optimalSet().ifPresent(o -> assertThat(valid)
            .contains(RandomDagIdentificationTest.bits(cpdag, o)));
        if (!two && oracles.stream().allMatch(o -> Oracle.isSubset(y, o.forbidden))) {
          // Henckel et al. (2022): in an amenable CPDAG O(X,Y) is valid when any set is.
          assertThat(b.optimalSet()).as("seed %d", seed).isPresent();
        }
        assertThat(b.minimalSets().stream()
            .map(m -> RandomDagIdentificationTest.bits(cpdag, m)).toList())
            .as("seed %d", seed).containsExactlyInAnyOrderElementsOf(Oracle.minimal(valid));
      } else if (id instanceof IdExpression e) {
        // No DAG of the class has a causal path from X to Y: the effect is zero.
        for (Graph m : members) {
          assertThat(Graphs.descendants(m, x.stream().toArray()).intersects(y)).isFalse();
        }
        assertThat(e.expression().toText()).isEqualTo("P(" + String.join(", ", ys) + ")");
      } else if (!two) {
        // One treatment: the class identifies the effect iff some set works in every DAG.
        ida++;
        assertThat(id).as("seed %d: %s in %s", seed, id.summary(),
            dev.causal4j.graph.io.EdgeListText.write(cpdag)).isInstanceOf(Ida.class);
        Ida i = (Ida) id;
        Set<BitSet> parentSets = new HashSet<>();
        for (Graph m : members) {
          parentSets.add(Oracle.bits(m.parents(order[0])));
        }
        Set<BitSet> listed = new HashSet<>();
        for (Ida.Candidate c : i.candidates()) {
          BitSet ps = RandomDagIdentificationTest.bits(cpdag, c.parents());
          listed.add(ps);
          assertThat(c.zeroEffect()).isEqualTo(ps.intersects(y));
        }
        assertThat(listed).as("seed %d", seed).isEqualTo(parentSets);
        assertThat(i.candidates()).hasSize(parentSets.size());
      } else {
        assertThat(id).isInstanceOf(NotIdentifiable.class);
      }
    }
    assertThat(identified).isGreaterThan(80);
    assertThat(ida).isGreaterThan(40);
    assertThat(checkedSets).isGreaterThan(5000);
  }

  @Test
  void undirectedEdgeOutOfTheTreatmentGivesIda() {
    // X --- Y: X may cause Y or Y may cause X. IDA: parents {} (effect by P(y | x)) or {Y}
    // (effect zero).
    Graph g = TestGraphs.parse(GraphKind.CPDAG, "X --- Y");
    Ida ida = (Ida) Identifier.identify(CausalQuery.of(g, "X", "Y"));
    assertThat(ida.candidates()).extracting(Ida.Candidate::parents)
        .containsExactly(List.of(), List.of("Y"));
    assertThat(ida.candidates()).extracting(Ida.Candidate::zeroEffect).containsExactly(false, true);
    assertThat(ida.reason()).contains("the edge X --- Y leaves the direction undetermined");
  }

  @Test
  void chainInACpdagHasThreePossibleParentSets() {
    // A --- X --- Y (unshielded): A and Y cannot both be parents of X (that would be a new
    // v-structure), so the parent sets are {}, {A}, {Y}.
    Graph g = TestGraphs.parse(GraphKind.CPDAG, "A --- X; X --- Y");
    Ida ida = (Ida) Identifier.identify(CausalQuery.of(g, "X", "Y"));
    assertThat(ida.candidates()).extracting(Ida.Candidate::parents)
        .containsExactly(List.of(), List.of("A"), List.of("Y"));
  }

  @Test
  void amenableCpdagIsIdentifiedByAdjustment() {
    // A --- X, X --> Y <-- C: X --> Y is compelled by the v-structure; A --- X does not start a
    // possibly causal path to Y, so the CPDAG is amenable; O = pa(Y) ∖ forb = {C}.
    Graph g = TestGraphs.parse(GraphKind.CPDAG, "A --- X; X --> Y; C --> Y");
    BackdoorAdjustment b = (BackdoorAdjustment) Identifier.identify(CausalQuery.of(g, "X", "Y"));
    assertThat(b.optimalSet()).contains(List.of("C"));
    assertThat(b.minimalSets()).containsExactly(List.of());
    assertThat(b.adjustmentSet()).containsExactly("C");
  }
}
