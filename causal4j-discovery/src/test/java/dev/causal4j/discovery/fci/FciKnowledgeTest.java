package dev.causal4j.discovery.fci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Mag;
import dev.causal4j.graph.Pag;
import dev.causal4j.independence.DSeparationOracle;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Background knowledge in FCI and RFCI, read as PAG marks are read (see the package
 * documentation): the invariants hold for any knowledge, and knowledge that is true of the
 * causal DAG only ever adds true marks to the true PAG.
 */
class FciKnowledgeTest {

  private static final List<BiFunction<IndependenceTest, Knowledge, DiscoveryResult>> SEARCHES =
      List.of(
          (t, k) -> Fci.builder(t).alpha(0.5).knowledge(k).build().search(),
          (t, k) -> Rfci.builder(t).alpha(0.5).knowledge(k).build().search());

  @Test
  void theEarlierVariableGetsNoArrowheadFromATier() {
    // A --> B with A in tier 1 and B in tier 2: "B cannot cause A" puts the arrowhead at B
    // (A *-> B); the tail at A is not implied (a hidden common cause would fit too), so the
    // edge is A o-> B. Without knowledge it is A o-o B.
    Graph dag = GraphText.parse("A --> B");
    Knowledge tiers = Knowledge.builder().tier("A").tier("B").build();
    for (var search : SEARCHES) {
      assertThat(search.apply(new DSeparationOracle(dag), Knowledge.empty()).graph())
          .isEqualTo(GraphText.parse("A o-o B"));
      assertThat(search.apply(new DSeparationOracle(dag), tiers).graph())
          .isEqualTo(GraphText.parse("A o-> B"));
      // A required edge is drawn as it is required.
      Knowledge required = Knowledge.builder().require("A", "B").build();
      assertThat(search.apply(new DSeparationOracle(dag), required).graph())
          .isEqualTo(GraphText.parse("A --> B"));
    }
  }

  @Test
  void forbiddenPairsGetTheirSeparatingSetOrAWarning() {
    // A --> B --> C, with A and C forbidden to be adjacent: they are removed before any test,
    // and the search still finds {B} separating them, so B is not made a collider.
    Graph chain = GraphText.parse("A --> B; B --> C");
    Knowledge apart = Knowledge.builder().forbid("A", "C").forbid("C", "A").build();
    // A --> B with A and B forbidden to be adjacent: no set separates them; they are drawn
    // apart as the knowledge says, with a warning.
    Graph edge = GraphText.parse("A --> B; C");
    Knowledge wrong = Knowledge.builder().forbid("A", "B").forbid("B", "A").build();
    for (var search : SEARCHES) {
      DiscoveryResult r = search.apply(new DSeparationOracle(chain), apart);
      assertThat(r.graph()).isEqualTo(GraphText.parse("A o-o B; B o-o C"));
      assertThat(r.warnings()).isEmpty();
      DiscoveryResult w = search.apply(new DSeparationOracle(edge), wrong);
      assertThat(w.graph().edgeCount()).isZero();
      assertThat(w.warnings()).singleElement().asString()
          .contains("1 pair(s) the knowledge forbids to be adjacent were dependent");
    }
  }

  @Test
  void knowledgeTrueOfTheDagOnlyAddsTrueMarks() {
    // 60 random graphs of the oracle family, each with tiers along its causal order, a few of
    // its true edges required, and a few true non-causes forbidden: the result has the true
    // PAG's skeleton, every mark the true PAG has, and only marks of the true MAG.
    List<Graph> family = OracleGraphs.family(60);
    for (int i = 0; i < family.size(); i++) {
      Graph dag = family.get(i);
      Graph truth = Pag.ofDag(dag);
      Graph mag = Mag.ofDag(dag);
      Knowledge k = trueKnowledge(dag, mag, RandomSource.SPLIT_MIX_64.create(100 + i));
      for (var search : SEARCHES) {
        DiscoveryResult r = search.apply(new DSeparationOracle(dag), k);
        Graph out = r.graph();
        assertThat(r.warnings()).isEmpty();
        assertInvariants(out, k.bind(out.nodeNames()));
        for (int a = 0; a < out.size(); a++) {
          for (int b = 0; b < out.size(); b++) {
            if (a == b) {
              continue;
            }
            assertThat(out.isAdjacent(a, b)).as("graph %d: %s - %s\n%s\nout %s\ntruth %s", i,
                out.name(a), out.name(b), k, out, truth).isEqualTo(truth.isAdjacent(a, b));
            if (!out.isAdjacent(a, b)) {
              continue;
            }
            Endpoint mark = out.endpoint(a, b);
            if (mark != Endpoint.CIRCLE) {
              assertThat(mark).as("graph %d, mark at %s on %s-%s\n%s", i, out.name(b),
                  out.name(a), out.name(b), k).isEqualTo(mag.endpoint(a, b));
            }
            if (truth.endpoint(a, b) != Endpoint.CIRCLE) {
              assertThat(mark).as("graph %d, mark at %s", i, out.name(b))
                  .isEqualTo(truth.endpoint(a, b));
            }
          }
        }
      }
    }
  }

  @Test
  void invariantsHoldForAnyKnowledge() {
    // Knowledge drawn without looking at the graph (often false of it): every variable in one
    // of three tiers along a random order, some edges along that order required, some pairs
    // forbidden either way. A forbidden adjacency never appears, a required edge always does
    // (as -->), a later-tier node never gets a tail towards an earlier one, and so no directed
    // path runs from a later tier to an earlier one.
    List<Graph> family = OracleGraphs.family(30);
    for (int i = 0; i < family.size(); i++) {
      Graph dag = family.get(i);
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(200 + i);
      List<String> names = new DSeparationOracle(dag).variables();
      Knowledge k = arbitraryKnowledge(names, rng);
      for (var search : SEARCHES) {
        Graph out = search.apply(new DSeparationOracle(dag), k).graph();
        assertInvariants(out, k.bind(out.nodeNames()));
      }
    }
  }

  static void assertInvariants(Graph out, BoundKnowledge k) {
    for (int a = 0; a < out.size(); a++) {
      for (int b = 0; b < out.size(); b++) {
        if (a == b) {
          continue;
        }
        if (k.isAdjacencyForbidden(a, b)) {
          assertThat(out.isAdjacent(a, b)).as("forbidden %s - %s", out.name(a), out.name(b))
              .isFalse();
        }
        if (k.isRequired(a, b)) {
          assertThat(out.isDirected(a, b)).as("required %s --> %s", out.name(a), out.name(b))
              .isTrue();
        }
        if (out.isAdjacent(a, b) && k.isForbidden(b, a)) {
          assertThat(out.endpoint(a, b)).as("%s cannot cause %s", out.name(b), out.name(a))
              .isEqualTo(Endpoint.ARROW);
        }
        if (k.tier(a) >= 0 && k.tier(b) > k.tier(a) && k.tier(b) >= 0) {
          assertThat(Graphs.isAncestor(out, b, a)).as("%s (later) --> … --> %s", out.name(b),
              out.name(a)).isFalse();
        }
      }
    }
  }

  /**
   * Tiers along the DAG's causal order, true edges required, true non-causes forbidden; a pair
   * ends up forbidden both ways (so never adjacent) only if the MAG does not join it.
   */
  static Knowledge trueKnowledge(Graph dag, Graph mag, UniformRandomProvider rng) {
    int[] observed = Graphs.observedNodes(dag);
    List<Integer> order = new ArrayList<>();
    for (int v : Graphs.topologicalOrder(dag)) {
      if (!dag.isLatent(v)) {
        order.add(v);
      }
    }
    Knowledge.Builder b = Knowledge.builder();
    int tiers = 2 + rng.nextInt(3);
    int per = (order.size() + tiers - 1) / tiers;
    for (int t = 0; t < tiers; t++) {
      List<String> tier = new ArrayList<>();
      for (int i = t * per; i < Math.min(order.size(), (t + 1) * per); i++) {
        if (rng.nextInt(4) != 0) { // some variables left out of every tier
          tier.add(dag.name(order.get(i)));
        }
      }
      b.tier(tier, dev.causal4j.knowledge.Tier.WithinTier.ALLOWED);
    }
    for (int k = 0; k < 3; k++) {
      int v = observed[rng.nextInt(observed.length)];
      for (int u : dag.parents(v)) {
        if (!dag.isLatent(u)) {
          b.require(dag.name(u), dag.name(v));
          break;
        }
      }
    }
    List<String> forbidden = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      int a = observed[rng.nextInt(observed.length)];
      int c = observed[rng.nextInt(observed.length)];
      if (a != c && !Graphs.isAncestor(dag, a, c)) {
        forbidden.add(dag.name(a) + " " + dag.name(c));
      }
    }
    // Keep a forbidden a --> c only if it leaves the pair adjacent-able when the MAG joins it.
    for (String f : forbidden) {
      String[] ac = f.split(" ");
      Knowledge sofar = b.build();
      BoundKnowledge bound = sofar.bind(mag.nodeNames());
      int a = mag.indexOf(ac[0]);
      int c = mag.indexOf(ac[1]);
      if (!mag.isAdjacent(a, c) || !bound.isForbidden(c, a)) {
        b.forbid(ac[0], ac[1]);
      }
    }
    return b.build();
  }

  /** Knowledge drawn without looking at the graph. */
  static Knowledge arbitraryKnowledge(List<String> names, UniformRandomProvider rng) {
    int[] order = PermutationSampler.natural(names.size());
    PermutationSampler.shuffle(rng, order);
    Knowledge.Builder b = Knowledge.builder();
    int per = (order.length + 2) / 3;
    for (int t = 0; t < 3; t++) {
      List<String> tier = new ArrayList<>();
      for (int i = t * per; i < Math.min(order.length, (t + 1) * per); i++) {
        tier.add(names.get(order[i]));
      }
      b.tier(tier, dev.causal4j.knowledge.Tier.WithinTier.ALLOWED);
    }
    List<String> required = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      int i = rng.nextInt(order.length);
      int j = rng.nextInt(order.length);
      if (i < j) {
        b.require(names.get(order[i]), names.get(order[j]));
        required.add(names.get(order[i]) + ">" + names.get(order[j]));
      }
    }
    for (int k = 0; k < 5; k++) {
      String x = names.get(rng.nextInt(names.size()));
      String y = names.get(rng.nextInt(names.size()));
      if (!x.equals(y) && !required.contains(x + ">" + y)) {
        b.forbid(x, y);
        if (rng.nextBoolean() && !required.contains(y + ">" + x)) {
          b.forbid(y, x);
        }
      }
    }
    return b.build();
  }
}
