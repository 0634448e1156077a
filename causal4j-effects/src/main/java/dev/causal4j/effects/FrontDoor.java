package dev.causal4j.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identification by Pearl's front-door criterion through {@link #mediators()} {@code M}, or by
 * the conditional front-door criterion given pre-treatment {@link #covariates()} {@code W}:
 *
 * <pre>
 * P(y | do(x)) = Σ_w P(w) Σ_m P(m | x, w) Σ_x' P(y | x', m, w) P(x' | w)
 * </pre>
 *
 * (without {@code W}: {@code Σ_m P(m | x) Σ_x' P(y | x', m) P(x')}). Holds when {@code M}
 * intercepts every directed path from the treatments to the outcomes, {@code W} (no descendant of
 * a treatment) blocks every back-door path from the treatments to {@code M}, and the treatments
 * with {@code W} block every back-door path from {@code M} to the outcomes.
 */
public record FrontDoor(
    CausalQuery query, List<String> mediators, List<String> covariates, List<String> assumptions)
    implements Identification {

  public FrontDoor {
    Objects.requireNonNull(query, "query");
    mediators = List.copyOf(mediators);
    covariates = List.copyOf(covariates);
    assumptions = List.copyOf(assumptions);
    if (mediators.isEmpty()) {
      throw new IllegalArgumentException("a front-door set has at least one mediator");
    }
  }

  @Override
  public Strategy strategy() {
    return Strategy.FRONT_DOOR;
  }

  @Override
  public boolean isIdentified() {
    return true;
  }

  @Override
  public Optional<Expression> estimand() {
    List<String> x = query.treatments();
    List<String> y = query.outcomes();
    List<String> xm = new ArrayList<>(x);
    xm.addAll(mediators);
    xm.addAll(covariates);
    List<String> mGiven = new ArrayList<>(x);
    mGiven.addAll(covariates);
    // The treatments are summed over inside (bound) while fixed outside; the printer primes the
    // bound ones.
    Expression inner = new Expression.Sum(x, new Expression.Product(List.of(
        new Expression.Probability(y, xm), new Expression.Probability(x, covariates))));
    Expression m = new Expression.Sum(mediators, new Expression.Product(List.of(
        new Expression.Probability(mediators, mGiven), inner)));
    if (covariates.isEmpty()) {
      return Optional.of(m);
    }
    return Optional.of(new Expression.Sum(covariates, new Expression.Product(List.of(
        new Expression.Probability(covariates, List.of()), m))));
  }

  @Override
  public String summary() {
    return query.describe() + " is identified by the "
        + (covariates.isEmpty() ? "" : "conditional ") + "front-door criterion through {"
        + String.join(", ", mediators) + "}"
        + (covariates.isEmpty() ? "" : " given {" + String.join(", ", covariates) + "}");
  }
}
