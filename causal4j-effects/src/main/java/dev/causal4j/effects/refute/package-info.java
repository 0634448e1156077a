/**
 * Refutation and sensitivity analysis of effect estimates: checks that try to break an estimate
 * and measures of how strong an unmeasured confounder would have to be to explain it away. Each
 * returns a {@link dev.causal4j.effects.refute.Refutation}: the numbers, a {@link
 * dev.causal4j.effects.refute.Verdict} with the rule and threshold it applied, and a sentence a
 * person can read.
 *
 * <ul>
 *   <li>Re-running the estimator on modified data ({@link dev.causal4j.effects.refute.Refuter}):
 *       {@link dev.causal4j.effects.refute.PlaceboTreatment} (the effect of a permuted treatment
 *       should be 0), {@link dev.causal4j.effects.refute.DummyOutcome} (the effect on an outcome
 *       independent of the treatment given the covariates should be 0), {@link
 *       dev.causal4j.effects.refute.RandomCommonCause} and {@link
 *       dev.causal4j.effects.refute.DataSubset} (the estimate should not move), {@link
 *       dev.causal4j.effects.refute.BootstrapStability} (the estimate's spread over resamples
 *       should match its reported standard error).
 *   <li>Sensitivity to unmeasured confounding: {@link dev.causal4j.effects.refute.EValue}
 *       (VanderWeele &amp; Ding 2017) for any estimate, {@link
 *       dev.causal4j.effects.refute.RobustnessValue} (Cinelli &amp; Hazlett 2020) for
 *       least-squares ones.
 * </ul>
 *
 * <p>{@link dev.causal4j.effects.refute.Refutations#run} runs a chosen set. Re-running refuters
 * are seeded: run {@code r} draws from its own generator, so results do not depend on the number
 * of threads.
 */
package dev.causal4j.effects.refute;
