package dev.causal4j.effects.counterfactual;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.scm.Intervention;
import java.util.List;

/**
 * A unit's counterfactual under interventions, node by node, with the assumptions it rests on.
 *
 * @param row the unit's row in the data (0-based)
 * @param interventions the hypothetical interventions
 * @param coupling the assumption used for discrete nodes
 * @param samples Monte-Carlo draws from the posterior of the unit's noise
 * @param seed the seed of those draws
 * @param nodes one entry per node, in the model's order
 * @param assumptions the assumptions, as sentences
 */
public record CounterfactualResult(int row, List<Intervention> interventions,
    DiscreteCoupling coupling, int samples, long seed, List<NodeCounterfactual> nodes,
    List<String> assumptions) {

  public CounterfactualResult {
    interventions = List.copyOf(interventions);
    nodes = List.copyOf(nodes);
    assumptions = List.copyOf(assumptions);
  }

  /** The entry for one node. */
  public NodeCounterfactual node(String name) {
    return nodes.stream().filter(n -> n.node().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidInputException("no node named '" + name + "'"));
  }

  /** The nodes whose noise abduction recovered. */
  public List<String> recoveredNodes() {
    return nodes.stream().filter(n -> n.noise() == NoiseStatus.RECOVERED)
        .map(NodeCounterfactual::node).toList();
  }

  /** True when every node's counterfactual is a point. */
  public boolean allPoints() {
    return nodes.stream().allMatch(NodeCounterfactual::point);
  }
}
