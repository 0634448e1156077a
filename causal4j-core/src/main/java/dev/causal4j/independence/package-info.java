/**
 * Conditional-independence tests {@code x ⫫ y | z}, each returning a statistic and a p-value:
 * {@link dev.causal4j.independence.FisherZTest} (from a covariance), {@link
 * dev.causal4j.independence.GSquareTest} and {@link dev.causal4j.independence.ChiSquareTest}
 * (from contingency tables), {@link dev.causal4j.independence.ConditionalGaussianTest} (mixed
 * data), {@link dev.causal4j.independence.KciTest}, {@link dev.causal4j.independence.RcitTest}
 * and {@link dev.causal4j.independence.RcotTest} (kernel tests, from rows), and the d-separation
 * oracle {@link dev.causal4j.independence.DSeparationOracle}. All are thread-safe and
 * deterministic; malformed questions and degenerate data raise {@link
 * dev.causal4j.InvalidInputException} with a one-line message.
 */
package dev.causal4j.independence;
