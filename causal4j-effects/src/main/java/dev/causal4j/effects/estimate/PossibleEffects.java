package dev.causal4j.effects.estimate;

import dev.causal4j.data.Dataset;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.identify.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IDA's answer as numbers (Maathuis, Kalisch &amp; Bühlmann 2009): when an equivalence class does
 * not identify the effect, one estimate per possible parent set of the treatment, each adjusting
 * for that set. The true effect is one of them (under the class's assumptions); a tight set still
 * answers questions such as "is the effect positive".
 *
 * @param identification the IDA identification
 * @param effects one per candidate parent set, in its order
 */
public record PossibleEffects(Ida identification, List<PossibleEffect> effects) {

  /**
   * One candidate.
   *
   * @param adjustmentSet the candidate parent set adjusted for
   * @param zeroEffect true if the outcome is among those parents, so the effect is 0 there
   * @param estimate the estimate adjusting for the set (empty when the effect is 0 by the graph)
   */
  public record PossibleEffect(List<String> adjustmentSet, boolean zeroEffect,
      Optional<EffectEstimate> estimate) {
    public PossibleEffect {
      adjustmentSet = List.copyOf(adjustmentSet);
    }

    /** The effect's value: the estimate, or 0. */
    public double value() {
      return estimate.map(EffectEstimate::estimate).orElse(0.0);
    }
  }

  public PossibleEffects {
    Objects.requireNonNull(identification, "identification");
    effects = List.copyOf(effects);
  }

  /**
   * Estimates the effect for each candidate set with the method {@code auto} (or the requested
   * one) would pick for that set.
   */
  public static PossibleEffects estimate(Dataset data, Ida ida, Estimand estimand,
      Optional<Method> method, EstimatorSettings settings) {
    List<PossibleEffect> out = new ArrayList<>();
    for (Ida.Candidate c : ida.candidates()) {
      if (c.zeroEffect()) {
        out.add(new PossibleEffect(c.adjustmentSet(), true, Optional.empty()));
        continue;
      }
      var assumed = Identifier.identify(dev.causal4j.effects.CausalQuery.withoutGraph(
          ida.query().treatments(), ida.query().outcomes(), c.adjustmentSet()));
      EstimationProblem p = new EstimationProblem(data, ida.query().treatment(),
          ida.query().outcome(), c.adjustmentSet(), List.of(), List.of(), estimand,
          ida.assumptions());
      EffectData d = EffectData.of(p);
      EstimatorSelection.Choice choice = EstimatorSelection.choose(method, assumed, d, settings);
      out.add(new PossibleEffect(c.adjustmentSet(), false,
          Optional.of(choice.estimator().estimate(p))));
    }
    return new PossibleEffects(ida, out);
  }

  /** The smallest possible effect. */
  public double min() {
    return effects.stream().mapToDouble(PossibleEffect::value).min().orElse(Double.NaN);
  }

  /** The largest possible effect. */
  public double max() {
    return effects.stream().mapToDouble(PossibleEffect::value).max().orElse(Double.NaN);
  }
}
