package dev.causal4j.analyst.run;

import dev.causal4j.analyst.plan.Tuning;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.resampling.ResamplingResult;
import java.util.List;

/**
 * What discovery produced: the tuning (each candidate with its criterion value), the search on
 * all the data with the chosen setting, and the bootstrap ensemble with edge probabilities.
 *
 * @param tuning the candidates tried and the one chosen
 * @param full the search on all the (prepared) data
 * @param bootstrap the resampled searches
 * @param rows rows the searches used (after missing-value handling)
 */
public record DiscoveryRun(TuningResult tuning, DiscoveryResult full, ResamplingResult bootstrap,
    int rows) {

  /**
   * How the free setting was chosen.
   *
   * @param criterion the criterion
   * @param parameter {@code alpha}, {@code penalty} or {@code none}
   * @param chosen the value used (NaN when the search tunes itself)
   * @param candidates each value tried with its criterion value (BIC-type score: larger is
   *     better; instability: smaller is better)
   * @param note how the choice was made, in words
   */
  public record TuningResult(Tuning.Criterion criterion, String parameter, double chosen,
      List<Candidate> candidates, String note) {
    public TuningResult {
      candidates = List.copyOf(candidates);
    }
  }

  /** One candidate value and its criterion value (NaN when it could not be scored). */
  public record Candidate(double value, double criterionValue) {}
}
