package dev.causal4j.effects.bounds;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sharp bounds on the probabilities of causation for a binary treatment and outcome (Pearl 1999;
 * Tian &amp; Pearl 2000):
 *
 * <ul>
 *   <li>{@code PNS = P(y_x, y'_x')}: the probability that the treatment is necessary and
 *       sufficient for the outcome (a random unit would have the outcome if treated and not
 *       otherwise);
 *   <li>{@code PN = P(y'_x' | x, y)}: among the treated with the outcome, the probability that
 *       the treatment was necessary (the outcome would not have occurred without it): the "but
 *       for" probability of legal causation;
 *   <li>{@code PS = P(y_x | x', y')}: among the untreated without the outcome, the probability
 *       that the treatment would have been sufficient to produce it.
 * </ul>
 *
 * @param pn absent when no unit with {@code x} and {@code y} can exist (it conditions on them)
 * @param ps absent when no unit with {@code x'} and {@code y'} can exist
 * @param notes the formulas used and anything the reader must know (sentences)
 */
public record CausationBounds(Evidence evidence, Set<CausationAssumption> assumptions,
    Interval pns, Optional<Interval> pn, Optional<Interval> ps, List<String> notes) {

  public CausationBounds {
    assumptions = Set.copyOf(assumptions);
    notes = List.copyOf(notes);
  }
}
