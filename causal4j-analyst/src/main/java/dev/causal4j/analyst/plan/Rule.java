package dev.causal4j.analyst.plan;

/**
 * One row of the {@link RuleTable}: when {@code condition} holds, run {@code algorithm} with
 * {@code statistic}, tuned as {@code tuning}; {@code reason} says why in words (placeholders
 * {@code {n}}, {@code {p}}, {@code {nonGaussian}}, {@code {nonlinear}}, {@code {hidden}} are
 * filled from the profile); {@code downgrade} names the row to fall back to when the time budget
 * cannot afford this one (null: none cheaper).
 */
public record Rule(
    String id,
    Condition condition,
    Algorithm algorithm,
    Statistic statistic,
    Tuning tuning,
    String reason,
    String downgrade) {}
