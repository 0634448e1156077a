package dev.causal4j.effects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identification by the ID algorithm (Shpitser &amp; Pearl 2006): an estimand expression for
 * {@code P(y | do(x))} in the observed distribution, for cases no adjustment or front-door set
 * covers (the "napkin", several treatments with treatment-dependent confounding).
 *
 * @param query the question
 * @param expression the estimand; its free variables are the treatments, the outcomes and
 *     {@link #arbitraryVariables()}
 * @param arbitraryVariables variables the algorithm intervened on without changing the answer: the
 *     expression has the same value for every value of them (pick any, or average over their
 *     observed distribution)
 * @param assumptions what the answer rests on
 */
public record IdExpression(
    CausalQuery query,
    Expression expression,
    List<String> arbitraryVariables,
    List<String> assumptions)
    implements Identification {

  public IdExpression {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(expression, "expression");
    arbitraryVariables = List.copyOf(arbitraryVariables);
    assumptions = List.copyOf(assumptions);
  }

  @Override
  public Strategy strategy() {
    return Strategy.ID;
  }

  @Override
  public boolean isIdentified() {
    return true;
  }

  @Override
  public Optional<Expression> estimand() {
    return Optional.of(expression);
  }

  @Override
  public String summary() {
    return query.describe() + " is identified by the ID algorithm (no adjustment or front-door set"
        + " needed)";
  }
}
