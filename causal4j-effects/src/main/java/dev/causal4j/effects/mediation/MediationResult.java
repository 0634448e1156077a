package dev.causal4j.effects.mediation;

import java.util.List;

/**
 * Natural direct and indirect effects (Pearl 2001; Robins &amp; Greenland 1992) of changing the
 * treatment from {@code t0} to {@code t1}, on the outcome's mean (its probability for a binary
 * outcome):
 *
 * <ul>
 *   <li>{@code total = E[Y(t1)] - E[Y(t0)]};
 *   <li>{@code naturalDirect} (pure) {@code = E[Y(t1, M(t0))] - E[Y(t0)]}: the treatment's
 *       effect with the mediators held at what they would have been untreated;
 *   <li>{@code naturalIndirect} (total) {@code = E[Y(t1)] - E[Y(t1, M(t0))]}: the effect of
 *       moving the mediators to what the treatment makes them, treatment held at {@code t1};
 *   <li>{@code totalDirect = E[Y(t1)] - E[Y(t0, M(t1))]} and {@code pureIndirect = E[Y(t0,
 *       M(t1))] - E[Y(t0)]}, the other decomposition. They differ from the first pair only when
 *       treatment and mediators interact.
 * </ul>
 *
 * {@code total = naturalDirect + naturalIndirect = totalDirect + pureIndirect}.
 *
 * @param n rows used
 * @param proportionMediated {@code naturalIndirect / total} (NaN when the total is 0)
 * @param adjustmentSet the covariates the estimate conditions on
 * @param interval how the standard errors and intervals were computed
 * @param assumptions the identification assumptions and what is known about each
 * @param notes anything else the reader must know
 */
public record MediationResult(MediationQuery query, MediationMethod method, int n,
    MediationEffect total, MediationEffect naturalDirect, MediationEffect naturalIndirect,
    MediationEffect totalDirect, MediationEffect pureIndirect, double proportionMediated,
    List<String> adjustmentSet, String interval, List<AssumptionCheck> assumptions,
    List<String> notes) {

  public MediationResult {
    adjustmentSet = List.copyOf(adjustmentSet);
    assumptions = List.copyOf(assumptions);
    notes = List.copyOf(notes);
  }
}
