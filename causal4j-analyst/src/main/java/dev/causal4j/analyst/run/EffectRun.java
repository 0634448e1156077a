package dev.causal4j.analyst.run;

import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.refute.Refutation;
import java.util.List;

/**
 * The effect of the treatment on the outcome, as the learned graph allows: how it is identified,
 * the estimates of two or more estimators (or, for a class that does not identify it, every
 * possible value), and what was not done.
 *
 * @param treatment the treatment
 * @param outcome the outcome
 * @param strategy how it is identified, as {@link dev.causal4j.effects.Strategy#label()} names it:
 *     {@code backdoor}, {@code front-door}, {@code iv}, {@code id}, {@code ida} or {@code none}
 * @param identification one sentence from the identifier
 * @param adjustmentSet what is adjusted for (empty when not adjustment)
 * @param assumptions what the identification rests on
 * @param estimates the estimates, one per estimator
 * @param possible for IDA: one estimate per candidate adjustment set (zero effects included as
 *     null estimate)
 * @param refutations the refutations and sensitivity analyses of the primary estimate (the
 *     first of {@code estimates}), and the robustness value of the regression estimate when
 *     regression adjustment is among the estimators; empty when none ran
 * @param refutation which estimate was refuted, with how many runs and which seed, or why
 *     nothing was refuted
 * @param warnings anything the reader must know
 */
public record EffectRun(
    String treatment,
    String outcome,
    String strategy,
    String identification,
    List<String> adjustmentSet,
    List<String> assumptions,
    List<EffectEstimate> estimates,
    List<PossibleEffect> possible,
    List<Refutation> refutations,
    String refutation,
    List<String> warnings) {

  public EffectRun {
    adjustmentSet = List.copyOf(adjustmentSet);
    assumptions = List.copyOf(assumptions);
    estimates = List.copyOf(estimates);
    possible = List.copyOf(possible);
    refutations = List.copyOf(refutations);
    warnings = List.copyOf(warnings);
  }

  /** One member of the equivalence class's possible effects: its set and estimate (or zero). */
  public record PossibleEffect(List<String> adjustmentSet, boolean zeroEffect,
      EffectEstimate estimate) {
    public PossibleEffect {
      adjustmentSet = List.copyOf(adjustmentSet);
    }
  }
}
