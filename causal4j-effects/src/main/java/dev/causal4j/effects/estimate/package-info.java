/**
 * Estimation of average causal effects: from an {@link dev.causal4j.effects.Identification} (or
 * a user's covariates) to an {@link dev.causal4j.effects.estimate.EffectEstimate}.
 *
 * <p>The pieces, in the order an analysis uses them:
 *
 * <ul>
 *   <li>{@link dev.causal4j.effects.estimate.EstimationProblem}: data, treatment, outcome,
 *       {@link dev.causal4j.effects.estimate.Estimand}, and the roles identification gave other
 *       columns (covariates, instruments, mediators); {@link
 *       dev.causal4j.effects.estimate.EffectData} is its numeric form.
 *   <li>{@link dev.causal4j.effects.estimate.Estimator}: one class per method ({@link
 *       dev.causal4j.effects.estimate.RegressionAdjustment}, {@link
 *       dev.causal4j.effects.estimate.GFormula}, {@link
 *       dev.causal4j.effects.estimate.InverseProbabilityWeighting}, {@link
 *       dev.causal4j.effects.estimate.AugmentedIpw}, {@link dev.causal4j.effects.estimate.Tmle},
 *       {@link dev.causal4j.effects.estimate.Matching}, {@link
 *       dev.causal4j.effects.estimate.DoubleMl}, {@link
 *       dev.causal4j.effects.estimate.TwoStageLeastSquares}, {@link
 *       dev.causal4j.effects.estimate.DmlIv}, {@link
 *       dev.causal4j.effects.estimate.FrontDoorEstimator}), each citing its paper and stating
 *       how its interval is computed.
 *   <li>{@link dev.causal4j.effects.estimate.EstimatorSelection}: {@code --method auto}, with the
 *       reason for the choice; {@link dev.causal4j.effects.estimate.PossibleEffects} for IDA.
 *   <li>{@link dev.causal4j.effects.estimate.CrossFitting}: cross-fitted nuisance values, for
 *       these estimators and for CATE learners built on them.
 * </ul>
 *
 * <p>Nuisance models come from {@link dev.causal4j.effects.estimate.learner}.
 */
package dev.causal4j.effects.estimate;
