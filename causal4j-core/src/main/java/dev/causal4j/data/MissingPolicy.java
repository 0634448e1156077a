package dev.causal4j.data;

/**
 * What a method does with missing values. There is no default hidden in the code: the caller
 * states one, and the choice is reported with the result.
 */
public enum MissingPolicy {
  /** Refuse data that have any missing value, naming the first column that has one. */
  REFUSE,
  /** Drop every row with a missing value in any analysed variable, once, before the method runs. */
  LISTWISE_DELETION,
  /**
   * Each test or score uses the rows complete in the variables it touches (test-wise deletion,
   * Strobl et al. 2018); sample sizes then differ between tests.
   */
  TESTWISE_DELETION
}
