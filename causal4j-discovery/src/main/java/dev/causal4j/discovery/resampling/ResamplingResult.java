package dev.causal4j.discovery.resampling;

import java.util.List;

/**
 * What {@link Resampling} found.
 *
 * @param ensemble the ensemble graph, each edge annotated with the fraction of runs that had it
 * @param pairs edge frequencies of every pair adjacent in at least one run, ordered by pair
 * @param samples the number of resampled searches asked for
 * @param succeeded how many of them ran (the frequencies are over these)
 * @param elapsedMillis wall-clock time of all runs together
 * @param warnings plain-language notes (failed runs)
 */
public record ResamplingResult(
    dev.causal4j.graph.io.AnnotatedGraph ensemble,
    List<EdgeFrequencies> pairs,
    int samples,
    int succeeded,
    long elapsedMillis,
    List<String> warnings) {
  public ResamplingResult {
    pairs = List.copyOf(pairs);
    warnings = List.copyOf(warnings);
  }
}
