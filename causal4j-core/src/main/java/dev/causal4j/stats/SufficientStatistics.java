package dev.causal4j.stats;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.util.List;

/**
 * What a test or a score needs from the data, computed once: a covariance matrix and the sample
 * size for Gaussian methods ({@link CovarianceStatistics}), the category codes to count
 * contingency tables from for discrete ones ({@link ContingencyTables}). Tests and scores are
 * built from these, not from rows, so the same search runs unchanged on a covariance merged from
 * Spark partitions or from per-site summaries ({@link CovarianceMatrix#merge}).
 *
 * <p>Methods that truly need rows (kernel tests, the conditional-Gaussian likelihood for mixed
 * data) are built from a {@link Dataset} instead, and say so.
 */
public interface SufficientStatistics {

  /** The variables the indices refer to, in column order. */
  List<String> variables();

  /**
   * The number of rows summarised. Under test-wise deletion a single test may use fewer; the
   * test reports how many in its result.
   */
  int sampleSize();

  /**
   * The statistics a Gaussian or a discrete method needs from {@code data}: a {@link
   * CovarianceMatrix} when every variable is continuous and nothing is missing, a {@link
   * TestwiseCovariance} when some continuous value is missing (the caller chose test-wise
   * deletion by leaving them in), {@link ContingencyTables} when every variable is categorical.
   *
   * @throws InvalidInputException for mixed data, which needs row-level methods (the
   *     conditional-Gaussian test and score)
   */
  static SufficientStatistics of(Dataset data) {
    if (data.isAllContinuous()) {
      return data.hasMissing() ? TestwiseCovariance.of(data) : CovarianceMatrix.of(data);
    }
    if (data.isAllCategorical()) {
      return ContingencyTables.of(data);
    }
    throw new InvalidInputException(
        "the data" + data.source().map(s -> " in " + s).orElse("")
            + " mix continuous and categorical columns, which no covariance or contingency table"
            + " summarises; use the conditional-Gaussian test or score (cg) for mixed data");
  }
}
