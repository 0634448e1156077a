/**
 * Nuisance learners behind two small interfaces, {@link
 * dev.causal4j.effects.estimate.learner.Regressor} and {@link
 * dev.causal4j.effects.estimate.learner.Classifier} (fit on a {@link
 * dev.causal4j.effects.estimate.learner.FeatureMatrix}, predict on primitive arrays): least
 * squares and ridge regression and penalised logistic regression (EJML), gradient boosting and
 * random forests (XGBoost). Estimators, CATE learners and SCM mechanisms all take these
 * interfaces, so a new learner plugs in everywhere at once.
 */
package dev.causal4j.effects.estimate.learner;
