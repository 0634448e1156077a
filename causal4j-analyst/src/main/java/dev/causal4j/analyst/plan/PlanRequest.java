package dev.causal4j.analyst.plan;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.knowledge.Knowledge;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked for and told the analyst: an optional treatment and outcome, background
 * knowledge, whether hidden common causes are declared, a missing-value policy if the user chose
 * one (otherwise the planner chooses), the time budget, seed and threads.
 */
public record PlanRequest(
    Optional<String> treatment,
    Optional<String> outcome,
    Knowledge knowledge,
    boolean hiddenConfoundersDeclared,
    Optional<MissingPolicy> missingPolicy,
    Duration timeBudget,
    long seed,
    int threads) {

  public PlanRequest {
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(timeBudget, "timeBudget");
    Objects.requireNonNull(missingPolicy, "missingPolicy");
    if (treatment.isPresent() != outcome.isPresent()) {
      throw new InvalidInputException(treatment.isPresent()
          ? "--treatment needs --outcome: name the outcome whose change you want explained"
          : "--outcome needs --treatment: name the variable whose effect you want estimated");
    }
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new InvalidInputException("--time-budget must be positive, not " + timeBudget);
    }
    if (threads < 1) {
      throw new InvalidInputException("--threads must be at least 1, not " + threads);
    }
  }

  /** Discovery only: no effect, no knowledge, nothing hidden declared, 5 minutes, seed 0. */
  public static PlanRequest discoveryOnly(int threads) {
    return new PlanRequest(Optional.empty(), Optional.empty(), Knowledge.empty(), false,
        Optional.empty(), Duration.ofMinutes(5), 0, threads);
  }

  public boolean wantsEffect() {
    return treatment.isPresent();
  }
}
