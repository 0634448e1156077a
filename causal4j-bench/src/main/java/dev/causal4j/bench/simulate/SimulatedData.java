package dev.causal4j.bench.simulate;

import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import java.util.List;

/**
 * What a simulation produced.
 *
 * @param data the observed data: hidden variables left out; a domain column when there are
 *     several domains
 * @param trueDag the DAG over every node, hidden ones flagged {@linkplain Graph#isLatent latent}
 * @param changedNodes the observed variables whose mechanism differs between domains (empty with
 *     one domain), ascending by node index
 * @param simulation the options that produced it
 */
public record SimulatedData(
    Dataset data, Graph trueDag, List<String> changedNodes, Simulation simulation) {
  public SimulatedData {
    changedNodes = List.copyOf(changedNodes);
  }
}
