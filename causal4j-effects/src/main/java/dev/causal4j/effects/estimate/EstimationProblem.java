package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.IdExpression;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.NotIdentifiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to estimate, from which data: the treatment and outcome columns, the estimand, and the
 * roles of other columns as the identification step gave them: covariates to adjust for,
 * instruments, front-door mediators. Build one from an {@link Identification} with {@link #of},
 * or directly when the roles are known.
 *
 * @param data the data; every named column must be in it
 * @param treatment the treatment column
 * @param outcome the outcome column
 * @param covariates covariates to adjust for (for IV: to condition on; for the front door:
 *     pre-treatment covariates)
 * @param instruments instruments (IV estimators)
 * @param mediators front-door mediators
 * @param estimand which average effect
 * @param assumptions what the identification rests on, carried into the estimate
 */
public record EstimationProblem(
    Dataset data,
    String treatment,
    String outcome,
    List<String> covariates,
    List<String> instruments,
    List<String> mediators,
    Estimand estimand,
    List<String> assumptions) {

  public EstimationProblem {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(estimand, "estimand");
    covariates = List.copyOf(covariates);
    instruments = List.copyOf(instruments);
    mediators = List.copyOf(mediators);
    assumptions = List.copyOf(assumptions);
    data.require(treatment);
    data.require(outcome);
    if (treatment.equals(outcome)) {
      throw new InvalidInputException("'" + treatment + "' is both the treatment and the outcome");
    }
    List<String> seen = new ArrayList<>(List.of(treatment, outcome));
    for (List<String> role : List.of(covariates, instruments, mediators)) {
      for (String c : role) {
        data.require(c);
        if (seen.contains(c)) {
          throw new InvalidInputException("'" + c + "' is given two roles (treatment, outcome,"
              + " covariate, instrument or mediator); give each column one");
        }
        seen.add(c);
      }
    }
  }

  /** Adjusting for {@code covariates} (none for a plain comparison of means). */
  public static EstimationProblem adjustment(Dataset data, String treatment, String outcome,
      List<String> covariates, Estimand estimand) {
    return new EstimationProblem(data, treatment, outcome, covariates, List.of(), List.of(),
        estimand, List.of());
  }

  /**
   * The problem an identification poses: its adjustment set, front-door mediators and covariates,
   * or instruments and conditioning set.
   *
   * @throws InvalidInputException if the identification gives no single estimand (IDA, not
   *     identifiable, an ID expression), with the reason
   */
  public static EstimationProblem of(Dataset data, Identification id, Estimand estimand) {
    String t = single(id.query().treatments(), "treatment");
    String y = single(id.query().outcomes(), "outcome");
    if (id instanceof BackdoorAdjustment b) {
      return new EstimationProblem(data, t, y, b.adjustmentSet(), List.of(), List.of(), estimand,
          b.assumptions());
    }
    if (id instanceof FrontDoor f) {
      return new EstimationProblem(data, t, y, f.covariates(), List.of(), f.mediators(), estimand,
          f.assumptions());
    }
    if (id instanceof InstrumentalVariable iv) {
      return new EstimationProblem(data, t, y, iv.conditioningSet(), iv.instruments(), List.of(),
          estimand, iv.assumptions());
    }
    if (id instanceof NotIdentifiable n) {
      throw new InvalidInputException(n.summary());
    }
    if (id instanceof Ida) {
      throw new InvalidInputException(id.summary() + "; estimate each candidate set (IDA) instead"
          + " of a single effect");
    }
    if (id instanceof IdExpression) {
      throw new InvalidInputException(id.summary() + ", whose estimand "
          + id.estimand().map(e -> e.toText()).orElse("") + " is neither an adjustment, a"
          + " front-door nor an IV formula; no estimator for general ID expressions exists yet");
    }
    throw new IllegalStateException(id.getClass().getName());
  }

  private static String single(List<String> names, String role) {
    if (names.size() != 1) {
      throw new InvalidInputException("effect estimation takes one " + role + ", not "
          + names.size() + " (" + String.join(", ", names) + "); estimate them one at a time");
    }
    return names.get(0);
  }
}
