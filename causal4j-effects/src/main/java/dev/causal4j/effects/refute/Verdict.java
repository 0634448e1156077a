package dev.causal4j.effects.refute;

import java.util.Objects;

/**
 * Whether a refutation passed, and by which rule.
 *
 * @param passed true if the estimate survived the check
 * @param threshold the number the rule compares against (a significance level, a multiple of the
 *     standard error, a ratio, an E-value)
 * @param rule the rule in words, with the threshold, e.g. "passes when the placebo effect's 95%
 *     interval contains 0 (p &gt; 0.05)"
 */
public record Verdict(boolean passed, double threshold, String rule) {

  public Verdict {
    Objects.requireNonNull(rule, "rule");
  }

  /** {@code passes} or {@code fails}. */
  public String word() {
    return passed ? "passes" : "fails";
  }
}
