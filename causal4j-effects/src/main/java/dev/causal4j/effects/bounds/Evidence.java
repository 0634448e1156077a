package dev.causal4j.effects.bounds;

/** Which data the bounds use. */
public enum Evidence {
  /** The joint {@code P(X, Y)} from a population where treatment was chosen, not assigned. */
  OBSERVATIONAL,
  /** {@code P(y_x)} and {@code P(y_x')} from a randomised experiment. */
  EXPERIMENTAL,
  /** Both, taken to describe the same population. */
  COMBINED
}
