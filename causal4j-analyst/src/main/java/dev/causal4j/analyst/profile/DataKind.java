package dev.causal4j.analyst.profile;

/** The variables' types taken together: what family of tests and scores fits them. */
public enum DataKind {
  CONTINUOUS,
  DISCRETE,
  MIXED
}
