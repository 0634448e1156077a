/**
 * Heterogeneous (conditional average) treatment effects {@code τ(x) = E[Y(1) − Y(0) | X = x]} for
 * a binary treatment.
 *
 * <ul>
 *   <li>Meta-learners over any {@link dev.causal4j.effects.estimate.learner.Regressor} and {@link
 *       dev.causal4j.effects.estimate.learner.Classifier}: {@link
 *       dev.causal4j.effects.cate.SLearner}, {@link dev.causal4j.effects.cate.TLearner}, {@link
 *       dev.causal4j.effects.cate.XLearner} (Künzel et al. 2019), {@link
 *       dev.causal4j.effects.cate.DrLearner} (Kennedy 2023) and {@link
 *       dev.causal4j.effects.cate.RLearner} (Nie &amp; Wager 2021), the last two with cross-fitted
 *       nuisances; {@link dev.causal4j.effects.cate.MetaLearner} names them.
 *   <li>Model selection: {@link dev.causal4j.effects.cate.CateScorer} scores out-of-fold
 *       predictions by the DR-loss and the R-loss.
 *   <li>Calibration: {@link dev.causal4j.effects.cate.CausalIsotonicCalibration} (van der Laan,
 *       Ulloa-Pérez, Carone &amp; Luedtke 2023) on {@link
 *       dev.causal4j.effects.cate.IsotonicRegression} (pool-adjacent-violators).
 *   <li>{@link dev.causal4j.effects.cate.CateEstimator} puts them together: fold fits, scores, the
 *       choice with its reason, calibration; {@link dev.causal4j.effects.cate.CateEstimate} holds
 *       the per-unit effects, the ATE they imply and the loss table.
 * </ul>
 *
 * <p>No causal forest (Wager &amp; Athey 2018; Athey, Tibshirani &amp; Wager 2019): XGBoost, the
 * project's tree library, grows no honest causal trees (its splits minimise a loss on the outcome,
 * not the heterogeneity of the effect, and it has no honest sample splitting), and no maintained
 * Apache-2.0-compatible causal forest library exists for the JVM (grf is R/C++ under GPL-3;
 * EconML's forests are Python). The DR- and R-learners with {@link
 * dev.causal4j.effects.estimate.learner.RandomForest} base learners are the alternatives: like a
 * causal forest they regress an orthogonalised signal on the covariates with a forest, without its
 * honesty-based confidence intervals.
 *
 * <p>Every learner assumes no unmeasured confounding given the covariates and overlap; the CATE
 * is only as causal as the adjustment set it is conditioned on.
 */
package dev.causal4j.effects.cate;
