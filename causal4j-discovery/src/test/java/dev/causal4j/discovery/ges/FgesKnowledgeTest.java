package dev.causal4j.discovery.ges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.RandomKnowledge;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.KnowledgeEdge;
import dev.causal4j.score.Score;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Knowledge is honoured inside the search: on random data with random knowledge (tiers, forbidden
 * and required edges), a forbidden orientation never appears (so no edge goes against the tier
 * order), an undirected edge is never left where the knowledge forbids one of its directions,
 * and every required edge is in the result with its direction. FGES and exhaustive GES, which
 * make the same moves, return the same graph with knowledge too.
 */
class FgesKnowledgeTest {

  @Test
  void randomKnowledgeIsNeverViolated() {
    int requiredChecked = 0;
    int forbiddenPairs = 0;
    for (long seed = 0; seed < 50; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 8 + (int) (seed % 13);
      Graph dag = RandomGraphs.erdosRenyiDag(p, 3, rng);
      Score score = LinearData.bic(dag.nodeNames(), LinearData.simulate(dag, 500, rng), 1);
      Knowledge knowledge = RandomKnowledge.of(dag.nodeNames(), rng);
      BoundKnowledge bound = knowledge.bind(dag.nodeNames());
      Graph fges = null;
      for (Fges.Variant variant : Fges.Variant.values()) {
        for (boolean faithful : new boolean[] {false, true}) {
          // Exhaustive GES checks the knowledge for every candidate move: kept to small graphs.
          if (variant == Fges.Variant.GES && (faithful || p > 14)) {
            continue;
          }
          DiscoveryResult r = Fges.builder(score).variant(variant).faithfulnessAssumed(faithful)
              .knowledge(knowledge).threads(1 + (int) (seed % 2)).build().search();
          Graph g = r.graph();
          for (Edge e : g.edges()) {
            String what = "seed " + seed + " " + variant + ": " + g.name(e.from()) + " "
                + e.symbol() + " " + g.name(e.to());
            if (e.isDirected()) {
              assertThat(bound.isForbidden(e.from(), e.to())).as(what).isFalse();
            } else {
              assertThat(bound.isForbidden(e.from(), e.to()) || bound.isForbidden(e.to(), e.from()))
                  .as(what).isFalse();
            }
          }
          for (KnowledgeEdge req : knowledge.requiredEdges()) {
            assertThat(g.isDirected(g.indexOf(req.from()), g.indexOf(req.to())))
                .as("seed %d: required %s", seed, req).isTrue();
            requiredChecked++;
          }
          assertThat(r.stats().parameters()).containsEntry("knowledge", "given");
          if (variant == Fges.Variant.FGES && !faithful) {
            fges = g;
          } else if (variant == Fges.Variant.GES) {
            assertThat(g).as("seed %d: GES equals FGES", seed).isEqualTo(fges);
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          forbiddenPairs += bound.isForbidden(a, b) || bound.isForbidden(b, a) ? 1 : 0;
        }
      }
    }
    assertThat(requiredChecked).isGreaterThan(100);
    assertThat(forbiddenPairs).isGreaterThan(800);
  }
}
