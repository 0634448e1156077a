package dev.causal4j.analyst.explain;

import java.util.List;

/**
 * The analysis in plain words.
 *
 * @param headline one sentence: what was run and what it found
 * @param graph sentences about the edges, most certain first
 * @param effect sentences about the effect (empty without a treatment)
 * @param caveats what the reader must keep in mind
 */
public record Explanation(String headline, List<String> graph, List<String> effect,
    List<String> caveats) {
  public Explanation {
    graph = List.copyOf(graph);
    effect = List.copyOf(effect);
    caveats = List.copyOf(caveats);
  }
}
