package dev.causal4j.effects.cate;

import dev.causal4j.InvalidInputException;
import java.util.Locale;

/** The CATE meta-learners, by the names users know them by ({@code --cate-learner}). */
public enum MetaLearner {
  /** One model of the outcome on covariates and treatment ({@link SLearner}). */
  S("s", "S-learner"),
  /** One outcome model per arm ({@link TLearner}). */
  T("t", "T-learner"),
  /** Imputed effects per arm, combined by the propensity ({@link XLearner}). */
  X("x", "X-learner"),
  /** Regression of the doubly robust pseudo-outcome ({@link DrLearner}). */
  DR("dr", "DR-learner"),
  /** Minimiser of the R-loss (Robinson residuals) ({@link RLearner}). */
  R("r", "R-learner");

  private final String label;
  private final String title;

  MetaLearner(String label, String title) {
    this.label = label;
    this.title = title;
  }

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** The name as papers write it, e.g. "DR-learner". */
  public String title() {
    return title;
  }

  /**
   * The meta-learner named {@code name} ({@code s}, {@code t}, {@code x}, {@code dr}, {@code r};
   * case and a trailing "-learner" ignored).
   *
   * @throws InvalidInputException for an unknown name
   */
  public static MetaLearner parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-learner", "");
    for (MetaLearner m : values()) {
      if (m.label.equals(n)) {
        return m;
      }
    }
    throw new InvalidInputException("'" + name + "' is not a CATE learner; use auto, s, t, x, dr"
        + " or r");
  }

  /** This meta-learner with the base learners, folds, clipping and seed of {@code s}. */
  public CateLearner learner(CateSettings s) {
    var outcome = s.nuisances().outcome();
    var propensity = s.nuisances().propensity();
    return switch (this) {
      case S -> new SLearner(outcome);
      case T -> new TLearner(outcome);
      case X -> new XLearner(outcome, s.effect(), propensity);
      case DR -> new DrLearner(outcome, propensity, s.effect(), s.folds(), s.clip(), s.seed());
      case R -> new RLearner(outcome, propensity, s.effect(), s.folds(), s.clip(), s.seed());
    };
  }
}
