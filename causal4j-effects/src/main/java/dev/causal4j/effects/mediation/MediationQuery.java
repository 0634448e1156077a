package dev.causal4j.effects.mediation;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mediation question: how much of the effect of {@code treatment} on {@code outcome} goes
 * through the {@code mediators} (jointly), for a change of treatment given by the contrast.
 *
 * @param covariates the adjustment set; empty means "none" without a graph, and "derive it from
 *     the graph" with one
 * @param contrast the treatment values compared; empty means the default (0 → 1, or the first
 *     level → the second)
 */
public record MediationQuery(String treatment, List<String> mediators, String outcome,
    List<String> covariates, Optional<TreatmentContrast> contrast) {

  public MediationQuery {
    Objects.requireNonNull(treatment);
    Objects.requireNonNull(outcome);
    mediators = List.copyOf(mediators);
    covariates = List.copyOf(covariates);
    Objects.requireNonNull(contrast);
    if (mediators.isEmpty()) {
      throw new InvalidInputException("a mediation analysis needs at least one mediator");
    }
    List<String> all = new ArrayList<>();
    all.add(treatment);
    all.addAll(mediators);
    all.add(outcome);
    all.addAll(covariates);
    if (new LinkedHashSet<>(all).size() != all.size()) {
      throw new InvalidInputException("the treatment '" + treatment + "', mediators " + mediators
          + ", outcome '" + outcome + "' and covariates " + covariates + " must be distinct"
          + " variables");
    }
  }

  /** Treatment, mediators and outcome; no covariates, default contrast. */
  public static MediationQuery of(String treatment, List<String> mediators, String outcome) {
    return new MediationQuery(treatment, mediators, outcome, List.of(), Optional.empty());
  }

  /** The same query adjusting for {@code covariates}. */
  public MediationQuery withCovariates(List<String> covariates) {
    return new MediationQuery(treatment, mediators, outcome, covariates, contrast);
  }

  /** The same query for another contrast. */
  public MediationQuery withContrast(TreatmentContrast contrast) {
    return new MediationQuery(treatment, mediators, outcome, covariates,
        Optional.of(contrast));
  }
}
