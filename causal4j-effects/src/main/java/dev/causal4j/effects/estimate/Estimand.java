package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import java.util.Locale;

/**
 * Which average causal effect is estimated. For a binary treatment {@code T} with potential
 * outcomes {@code Y(1)}, {@code Y(0)}: the average over everyone, over the treated or over the
 * untreated. For a continuous treatment the estimators that allow one report the effect of a unit
 * increase ({@link #ATE}), under the linear or partially linear model they state.
 */
public enum Estimand {
  /** Average treatment effect {@code E[Y(1) − Y(0)]}. */
  ATE("ate", "average treatment effect"),
  /** Average treatment effect on the treated {@code E[Y(1) − Y(0) | T = 1]}. */
  ATT("att", "average treatment effect on the treated"),
  /** Average treatment effect on the untreated (controls) {@code E[Y(1) − Y(0) | T = 0]}. */
  ATC("atc", "average treatment effect on the controls");

  private final String label;
  private final String description;

  Estimand(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** The estimand in words. */
  public String description() {
    return description;
  }

  /**
   * The estimand by its label, ignoring case.
   *
   * @throws InvalidInputException naming the labels that exist
   */
  public static Estimand parse(String label) {
    for (Estimand e : values()) {
      if (e.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new InvalidInputException("'" + label + "' is not an estimand; use ate, att or atc");
  }
}
