package dev.causal4j.analyst.plan;

import java.util.function.Predicate;

/** A named test on the planner's input: the "when" column of a {@link Rule}. */
public record Condition(String description, Predicate<PlanInput> test) {

  public boolean holds(PlanInput in) {
    return test.test(in);
  }

  public Condition and(Condition other) {
    return new Condition(description + " and " + other.description,
        test.and(other.test));
  }

  public Condition not() {
    return new Condition("not (" + description + ")", test.negate());
  }
}
