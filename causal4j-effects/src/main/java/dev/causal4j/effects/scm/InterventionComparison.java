package dev.causal4j.effects.scm;

import java.util.List;

/**
 * Every node's distribution with and without a set of interventions, by Monte Carlo from a
 * fitted structural causal model.
 *
 * @param interventions what was done
 * @param samples the Monte-Carlo sample size
 * @param seed the seed that fixed the noise
 * @param nodes one comparison per node, in the model's order
 */
public record InterventionComparison(List<Intervention> interventions, int samples, long seed,
    List<NodeComparison> nodes) {

  public InterventionComparison {
    interventions = List.copyOf(interventions);
    nodes = List.copyOf(nodes);
  }

  /** The comparison for one node. */
  public NodeComparison node(String name) {
    return nodes.stream().filter(c -> c.node().equals(name)).findFirst()
        .orElseThrow(() -> new dev.causal4j.InvalidInputException("no node named '" + name
            + "'"));
  }
}
