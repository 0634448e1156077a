package dev.causal4j.effects;

/** How an effect was identified, or that it was not. */
public enum Strategy {
  /** Adjustment for a set of covariates (the back-door or generalized adjustment criterion). */
  BACKDOOR("backdoor"),
  /** Pearl's front-door formula through a set of mediators, possibly conditional. */
  FRONT_DOOR("front-door"),
  /** Instrumental variables (identifies the effect in linear models). */
  IV("iv"),
  /** The ID algorithm's estimand expression. */
  ID("id"),
  /** IDA: a set of possible effects, one per member of an equivalence class. */
  IDA("ida"),
  /** Not identified. */
  NONE("none");

  private final String label;

  Strategy(String label) {
    this.label = label;
  }

  /** The lower-case name used in JSON output: {@code backdoor}, {@code front-door}, … */
  public String label() {
    return label;
  }
}
