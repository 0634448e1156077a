package dev.causal4j.effects.refute;

import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs a chosen set of refutations with their default rules, in {@link RefuterKind} order. */
public final class Refutations {
  private Refutations() {}

  /**
   * The refuter of a re-running kind with its default rule.
   *
   * @throws IllegalArgumentException for the E-value and the robustness value, which re-run
   *     nothing
   */
  public static Refuter refuter(RefuterKind kind, int runs, long seed) {
    return switch (kind) {
      case PLACEBO_TREATMENT -> PlaceboTreatment.of(runs, seed);
      case RANDOM_COMMON_CAUSE -> RandomCommonCause.of(runs, seed);
      case DATA_SUBSET -> DataSubset.of(runs, seed);
      case DUMMY_OUTCOME -> DummyOutcome.of(runs, seed);
      case BOOTSTRAP -> BootstrapStability.of(Math.max(runs, 2), seed);
      case E_VALUE, ROBUSTNESS_VALUE -> throw new IllegalArgumentException(kind.label()
          + " re-runs nothing");
    };
  }

  /**
   * Each requested refutation of {@code original}, the estimate {@code estimator} gave for
   * {@code problem}.
   *
   * @param runs runs of each re-running refuter (resamples for the bootstrap, at least 2)
   * @param seed seeds every refuter; the same seed gives the same refutations on any number of
   *     threads
   * @throws dev.causal4j.InvalidInputException if the robustness value is requested for an
   *     estimate that is not a least-squares one, or a refuter cannot run at all
   */
  public static List<Refutation> run(Set<RefuterKind> kinds, Estimator estimator,
      EstimationProblem problem, EffectEstimate original, int runs, long seed) {
    List<Refutation> out = new ArrayList<>();
    for (RefuterKind k : RefuterKind.values()) {
      if (!kinds.contains(k)) {
        continue;
      }
      out.add(switch (k) {
        case E_VALUE -> EValue.of(problem, original);
        case ROBUSTNESS_VALUE -> RobustnessValue.of(problem, original);
        default -> refuter(k, runs, seed).refute(estimator, problem, original);
      });
    }
    return out;
  }
}
