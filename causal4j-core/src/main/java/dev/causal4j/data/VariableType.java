package dev.causal4j.data;

/** The measurement level of a variable, which decides which tests and scores apply to it. */
public enum VariableType {
  /** Real-valued; stored as {@code double}. */
  CONTINUOUS,
  /** Categorical with unordered levels; stored as {@code int} codes {@code 0..k-1}. */
  DISCRETE,
  /** Categorical with ordered levels; stored as {@code int} codes {@code 0..k-1} in level order. */
  ORDINAL;

  /** True for the two categorical kinds, which are stored as codes. */
  public boolean isCategorical() {
    return this != CONTINUOUS;
  }
}
