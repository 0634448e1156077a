package dev.causal4j.effects;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link CausalQuery}: an estimand (how the causal effect is written in terms of
 * the observed distribution) and the assumptions it rests on, or the reason there is none. The
 * estimation step takes one of these and picks its estimator by its type, never by a string:
 *
 * <ul>
 *   <li>{@link BackdoorAdjustment}: adjust for a covariate set ({@code Σ_z P(y | x, z) P(z)});
 *   <li>{@link FrontDoor}: Pearl's front-door formula through mediators;
 *   <li>{@link IdExpression}: a general estimand from the ID algorithm;
 *   <li>{@link InstrumentalVariable}: instruments, identifying the effect in linear models;
 *   <li>{@link Ida}: no single estimand, but one adjustment set per member of the equivalence
 *       class, giving the set of possible effects;
 *   <li>{@link NotIdentifiable}: why not, with the hedge that proves it where there is one.
 * </ul>
 */
public sealed interface Identification
    permits BackdoorAdjustment, FrontDoor, IdExpression, InstrumentalVariable, Ida,
        NotIdentifiable {

  /** The question this answers. */
  CausalQuery query();

  /** How it was identified. */
  Strategy strategy();

  /**
   * True if the effect has one value determined by the observed distribution (under the listed
   * assumptions). False for {@link Ida} (a set of possible values) and {@link NotIdentifiable}.
   */
  boolean isIdentified();

  /** The assumptions the answer rests on, each a sentence in plain words. */
  List<String> assumptions();

  /** The estimand as an expression in the observed distribution, where it has one. */
  Optional<Expression> estimand();

  /** One sentence: what is identified and how (or why not). */
  String summary();
}
