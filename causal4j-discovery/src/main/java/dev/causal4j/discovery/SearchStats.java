package dev.causal4j.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a search did, for users and benchmarks: how many independence tests or score evaluations
 * it made, how long the search itself took (data loading and sufficient statistics excluded), and
 * the parameters it ran with, in the order they were set.
 *
 * @param algorithm the algorithm's name as the command line spells it, e.g. {@code pc-stable}
 * @param testsPerformed conditional-independence tests made (0 for score-based searches)
 * @param scoreEvaluations local-score evaluations made (0 for constraint-based searches)
 * @param elapsedMillis wall-clock milliseconds of the search alone
 * @param parameters every setting that shaped the result, as text
 */
public record SearchStats(
    String algorithm,
    long testsPerformed,
    long scoreEvaluations,
    long elapsedMillis,
    Map<String, String> parameters) {

  public SearchStats {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
