package dev.causal4j.effects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identification by instrumental variables: instruments {@code Z} that move the treatment, reach
 * the outcome only through it, and share no hidden cause with the outcome, given the conditioning
 * set {@code W} (Brito &amp; Pearl 2002; van der Zander, Textor &amp; Liśkiewicz 2015). This
 * identifies the effect of one treatment on one outcome in a linear model: with one instrument,
 * {@code β = Cov(Y, Z | W) / Cov(X, Z | W)}; with several, two-stage least squares. It does not
 * identify the effect nonparametrically, which {@link #assumptions()} says.
 *
 * @param query the question (one treatment, one outcome)
 * @param instruments the instruments, each valid given {@link #conditioningSet()}
 * @param conditioningSet the covariates {@code W} to condition on (empty for plain instruments)
 * @param assumptions what the answer rests on
 */
public record InstrumentalVariable(
    CausalQuery query,
    List<String> instruments,
    List<String> conditioningSet,
    List<String> assumptions)
    implements Identification {

  public InstrumentalVariable {
    Objects.requireNonNull(query, "query");
    instruments = List.copyOf(instruments);
    conditioningSet = List.copyOf(conditioningSet);
    assumptions = List.copyOf(assumptions);
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("an instrumental-variable estimand needs an instrument");
    }
  }

  @Override
  public Strategy strategy() {
    return Strategy.IV;
  }

  @Override
  public boolean isIdentified() {
    return true;
  }

  /** Empty: the IV estimand is a ratio of (partial) covariances, not a probability expression. */
  @Override
  public Optional<Expression> estimand() {
    return Optional.empty();
  }

  /** The estimand as text, e.g. {@code Cov(Y, Z | W) / Cov(X, Z | W)}. */
  public String estimandText() {
    String x = query.treatment();
    String y = query.outcome();
    String w = conditioningSet.isEmpty() ? "" : " | " + String.join(", ", conditioningSet);
    if (instruments.size() == 1) {
      String z = instruments.get(0);
      return "Cov(" + y + ", " + z + w + ") / Cov(" + x + ", " + z + w + ")";
    }
    return "two-stage least squares of " + y + " on " + x + " with instruments "
        + String.join(", ", instruments)
        + (conditioningSet.isEmpty() ? "" : ", controlling for " + String.join(", ",
            conditioningSet));
  }

  @Override
  public String summary() {
    return query.describe() + " is identified in a linear model by the instrument"
        + (instruments.size() == 1 ? " " : "s ") + String.join(", ", instruments)
        + (conditioningSet.isEmpty() ? "" : " given {" + String.join(", ", conditioningSet) + "}");
  }
}
