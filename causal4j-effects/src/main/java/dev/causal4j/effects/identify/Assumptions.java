package dev.causal4j.effects.identify;

import java.util.List;

/** The assumptions behind each kind of answer, as sentences a user can check or dispute. */
final class Assumptions {
  private Assumptions() {}

  static String set(List<String> names) {
    return "{" + String.join(", ", names) + "}";
  }

  static final String DAG = "The causal graph is right: no arrow is missing from it, and every"
      + " hidden common cause of two variables is drawn (as a latent node or a <-> edge).";

  static final String CPDAG = "The CPDAG is the true Markov equivalence class: the data come from"
      + " one of its DAGs, with no hidden common causes and no selection bias.";

  static final String PAG = "The PAG is the true equivalence class of the causal graph over the"
      + " observed variables: hidden common causes are allowed, selection bias is not.";

  static final String CONSISTENCY = "Consistency and no interference: a unit's outcome depends only"
      + " on its own treatment, and the observed outcome is the one under the treatment received.";

  static String positivity(List<String> strata) {
    return strata.isEmpty()
        ? "Positivity: every treatment value of interest occurs in the data."
        : "Positivity: every treatment value of interest occurs within every stratum of "
            + set(strata) + ".";
  }

  static String adjustment(List<String> z, boolean classWide) {
    return "Given " + (z.isEmpty() ? "nothing" : set(z)) + ", treatment is as good as randomly"
        + " assigned: the set blocks every non-causal path from treatment to outcome and holds no"
        + " variable the treatment affects on the way to the outcome (the "
        + (classWide ? "generalized adjustment criterion, in every graph of the class" :
            "adjustment criterion") + ").";
  }

  static String assumedAdjustment(List<String> z) {
    return "No causal graph was given: adjusting for " + (z.isEmpty() ? "nothing" : set(z))
        + " is assumed to remove all confounding, and nothing here checks it.";
  }

  static String frontDoor(List<String> m, List<String> w) {
    String given = w.isEmpty() ? "" : " given " + set(w);
    return set(m) + " carries every causal path from treatment to outcome; nothing confounds"
        + " treatment and " + set(m) + given + "; and treatment" + (w.isEmpty() ? "" : " with "
        + set(w)) + " blocks every back-door path from " + set(m) + " to the outcome (the "
        + (w.isEmpty() ? "" : "conditional ") + "front-door criterion).";
  }

  static final String ID = "Every conditional probability in the expression is defined:"
      + " positivity of the conditioning events.";

  static final String IV_LINEAR = "Linearity: the effect of the treatment on the outcome is"
      + " linear and the same for every unit; without it, instruments identify at most a local"
      + " average effect or bounds.";

  static String ivExclusion(List<String> z, List<String> w) {
    return set(z) + " affect" + (z.size() == 1 ? "s" : "") + " the outcome only through the"
        + " treatment and share" + (z.size() == 1 ? "s" : "") + " no hidden cause with it"
        + (w.isEmpty() ? "" : " given " + set(w)) + " (exclusion and independence).";
  }

  static String ivRelevance(List<String> z, List<String> w) {
    return "Relevance: " + set(z) + " must move the treatment" + (w.isEmpty() ? "" : " given "
        + set(w)) + "; check the first-stage strength in the data (weak instruments bias the"
        + " estimate).";
  }

  static final String IDA = "The true effect is one of the listed possible effects, one per"
      + " possible parent set of the treatment; which one the data cannot say.";

  static final String ZERO_EFFECT = "There is no directed path from the treatment to the outcome,"
      + " so the graph says the effect is zero.";
}
