package dev.causal4j.effects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The effect is not identified: {@link #reason()} says why in plain words.
 *
 * @param query the question
 * @param reason why, naming the graph features responsible
 * @param hedge the hedge that proves non-identifiability, when the ID algorithm found one
 * @param proven true if no method can identify the effect from the observed distribution under
 *     these assumptions (a hedge in a DAG, or a CPDAG that is not amenable); false if only the
 *     methods implemented here failed (say, a PAG that is not amenable, where other criteria may
 *     still succeed)
 * @param assumptions what the answer rests on
 */
public record NotIdentifiable(
    CausalQuery query,
    String reason,
    Optional<Hedge> hedge,
    boolean proven,
    List<String> assumptions)
    implements Identification {

  public NotIdentifiable {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(hedge, "hedge");
    assumptions = List.copyOf(assumptions);
  }

  @Override
  public Strategy strategy() {
    return Strategy.NONE;
  }

  @Override
  public boolean isIdentified() {
    return false;
  }

  @Override
  public Optional<Expression> estimand() {
    return Optional.empty();
  }

  @Override
  public String summary() {
    return query.describe() + " is not " + (proven ? "identifiable" : "identified") + ": "
        + reason;
  }
}
