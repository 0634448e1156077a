package dev.causal4j.discovery.lingam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** Random knowledge for a true DAG, and the invariants every LiNGAM result must satisfy. */
final class KnowledgeInvariants {
  private KnowledgeInvariants() {}

  /**
   * Knowledge consistent with {@code truth}: two or three tiers cut from a topological order,
   * about a third of the true edges required, and a few absent edges forbidden (in a random
   * direction). When {@code misleading}, one required edge is reversed instead (if the tiers
   * allow it), so the knowledge disagrees with the data.
   */
  static Knowledge random(Graph truth, UniformRandomProvider rng, boolean misleading) {
    int p = truth.size();
    int[] order = Graphs.topologicalOrder(truth);
    int tiers = 2 + rng.nextInt(2);
    int[] tierOf = new int[p];
    Arrays.fill(tierOf, -1);
    Knowledge.Builder b = Knowledge.builder();
    int cut1 = 1 + rng.nextInt(p - 1);
    int cut2 = tiers == 3 && cut1 < p - 1 ? cut1 + 1 + rng.nextInt(p - 1 - cut1) : p;
    int[][] blocks = {{0, cut1}, {cut1, cut2}, {cut2, p}};
    for (int t = 0; t < 3; t++) {
      List<String> vars = new ArrayList<>();
      for (int k = blocks[t][0]; k < blocks[t][1]; k++) {
        // Leave some variables out of every tier, so untiered variables are exercised too.
        if (rng.nextInt(4) > 0) {
          vars.add(truth.name(order[k]));
          tierOf[order[k]] = t;
        }
      }
      if (!vars.isEmpty()) {
        b.tier(vars.toArray(String[]::new));
      }
    }
    boolean reversed = false;
    for (var e : truth.edges()) {
      if (rng.nextInt(3) == 0) {
        if (misleading && !reversed && (tierOf[e.from()] < 0 || tierOf[e.to()] < 0
            || tierOf[e.from()] == tierOf[e.to()])) {
          b.require(truth.name(e.to()), truth.name(e.from()));
          reversed = true;
        } else {
          b.require(truth.name(e.from()), truth.name(e.to()));
        }
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (i != j && !truth.isAdjacent(i, j) && rng.nextInt(8) == 0) {
          b.forbid(truth.name(i), truth.name(j));
        }
      }
    }
    try {
      Knowledge k = b.build();
      new OrderConstraints(k.bind(truth.nodeNames()));
      return k;
    } catch (InvalidInputException e) {
      // The reversed edge closed a cycle with other required edges or the tiers: try again.
      return random(truth, rng, misleading);
    }
  }

  /** A forbidden edge never appears, a required one always does, no edge goes back a tier. */
  static void assertHonoured(LingamResult r, Knowledge knowledge, String context) {
    Graph g = r.graph();
    BoundKnowledge k = knowledge.bind(g.nodeNames());
    for (int a = 0; a < g.size(); a++) {
      for (int c = 0; c < g.size(); c++) {
        if (g.isDirected(a, c)) {
          assertThat(k.isForbidden(a, c)).as("%s: forbidden edge %s --> %s appears", context,
              g.name(a), g.name(c)).isFalse();
          int ta = k.tier(a);
          int tc = k.tier(c);
          assertThat(ta >= 0 && tc >= 0 && ta > tc).as("%s: %s --> %s goes back a tier",
              context, g.name(a), g.name(c)).isFalse();
        }
        if (k.isRequired(a, c)) {
          assertThat(g.isDirected(a, c)).as("%s: required edge %s --> %s missing", context,
              g.name(a), g.name(c)).isTrue();
          assertThat(r.strength(g.name(a), g.name(c))).isNotZero();
        }
      }
    }
    // The order itself respects the tiers and the required edges.
    List<String> order = r.causalOrder();
    for (int a = 0; a < g.size(); a++) {
      for (int c = 0; c < g.size(); c++) {
        boolean mustPrecede = k.isRequired(a, c)
            || (k.tier(a) >= 0 && k.tier(c) >= 0 && k.tier(a) < k.tier(c));
        if (mustPrecede) {
          assertThat(order.indexOf(g.name(a))).as("%s: %s must come before %s", context,
              g.name(a), g.name(c)).isLessThan(order.indexOf(g.name(c)));
        }
      }
    }
  }
}
