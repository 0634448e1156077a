package dev.causal4j.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One tier of a temporal ordering: variables in a later tier cannot cause variables in an earlier
 * one.
 *
 * @param variables the variables of this tier, in the order given
 * @param withinTier whether edges between two variables of this tier are allowed
 */
public record Tier(List<String> variables, WithinTier withinTier) {

  public Tier {
    variables = List.copyOf(variables);
    Objects.requireNonNull(withinTier, "withinTier");
  }

  /** Whether two variables of the same tier may be joined. */
  public enum WithinTier {
    /** Edges within the tier are allowed, in either direction. */
    ALLOWED,
    /** No edge may join two variables of the tier (e.g. simultaneous, unrelated measurements). */
    FORBIDDEN
  }
}
