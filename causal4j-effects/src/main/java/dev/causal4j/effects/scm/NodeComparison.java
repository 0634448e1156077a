package dev.causal4j.effects.scm;

import java.util.List;

/**
 * One node's distribution without and with an intervention, from the same exogenous noise (common
 * random numbers), so the change carries little Monte-Carlo error.
 *
 * @param observational the node in the model as fitted
 * @param interventional the node under the intervention
 * @param change the interventional minus the observational mean (one entry), or, for a
 *     categorical node, the change in each level's probability
 * @param changeStandardError the Monte-Carlo standard error of each change, from the paired
 *     per-sample differences
 * @param affected whether the node is an intervened node or one of their descendants (a node that
 *     is not cannot change, and its change is exactly 0)
 */
public record NodeComparison(String node, NodeSummary observational,
    NodeSummary interventional, List<Double> change, List<Double> changeStandardError,
    boolean affected) {

  public NodeComparison {
    change = List.copyOf(change);
    changeStandardError = List.copyOf(changeStandardError);
  }
}
