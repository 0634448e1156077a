package dev.causal4j.effects.refute;

/**
 * The result of one refutation or sensitivity analysis of an effect estimate: what was checked,
 * the original estimate, a verdict with its rule, and a sentence a person can read ("estimate
 * moved 3% (0.04 SE) with a random common cause: passes"). The implementations carry the numbers
 * of their kind: {@link RerunRefutation} for checks that re-run the estimator on modified data,
 * {@link EValue} and {@link RobustnessValue} for sensitivity to unmeasured confounding.
 */
public sealed interface Refutation permits RerunRefutation, EValue, RobustnessValue {

  /** Which check. */
  RefuterKind kind();

  /** The estimate being checked. */
  double originalEstimate();

  /** Pass or fail, and the rule. */
  Verdict verdict();

  /** One sentence with the numbers and the verdict. */
  String summary();
}
