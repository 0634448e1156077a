package dev.causal4j.effects.bounds;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bounds on the probabilities of necessity (PN), sufficiency (PS) and necessity-and-sufficiency
 * (PNS) from observational data, experimental data, or both (Tian &amp; Pearl 2000,
 * "Probabilities of causation: bounds and identification", <i>Annals of Mathematics and Artificial
 * Intelligence</i> 28:287–313; Pearl 2009, <i>Causality</i>, ch. 9). Notation: {@code a =
 * P(y_x)}, {@code b = P(y_x')}, and the observational joint {@code P(x, y)}, … .
 *
 * <p><b>Both kinds of data</b>, no assumption (the sharp bounds of Tian &amp; Pearl's combined
 * theorem):
 *
 * <pre>
 *   max{0, a - b, P(y) - b, a - P(y)}  ≤ PNS ≤ min{a, 1 - b, P(x,y) + P(x',y'), a - b + P(x,y') + P(x',y)}
 *   max{0, (P(y) - b) / P(x,y)}         ≤ PN  ≤ min{1, (1 - b - P(x',y')) / P(x,y)}
 *   max{0, (a - P(y)) / P(x',y')}       ≤ PS  ≤ min{1, (a - P(x,y)) / P(x',y')}
 * </pre>
 *
 * The data must be compatible: {@code P(x,y) ≤ a ≤ 1 - P(x,y')} and {@code P(x',y) ≤ b ≤ 1 -
 * P(x',y')}; otherwise they cannot describe one population and an exception says which
 * inequality fails. Under monotonicity the three are identified: {@code PNS = a - b}, {@code PN =
 * (P(y) - b) / P(x,y)}, {@code PS = (a - P(y)) / P(x',y')}.
 *
 * <p><b>Exogeneity</b> (no confounding), with one kind of data standing in for the other ({@code
 * a = P(y|x)}, {@code b = P(y|x')}): {@code max{0, a - b} ≤ PNS ≤ min{a, 1 - b}}, {@code max{0, (a
 * - b)/a} ≤ PN ≤ min{1, (1 - b)/a}}, {@code max{0, (a - b)/(1 - b)} ≤ PS ≤ min{1, a/(1 - b)}};
 * with monotonicity too, {@code PN = (a - b)/a} (the excess risk ratio) and {@code PS = (a - b)/(1
 * - b)}.
 *
 * <p><b>Experimental data alone</b>, without exogeneity: PNS is bounded as above, but PN and PS
 * condition on the observational population, about which nothing is known, so only the trivial
 * bounds remain (except where a response type is impossible). <b>Observational data alone</b>,
 * without exogeneity: {@code 0 ≤ PNS ≤ P(x,y) + P(x',y')} and PN, PS only trivially bounded,
 * monotonicity or not. These last two cases are the linear programs' sharp answers; the test
 * checks every case against a linear program solved independently.
 */
public final class ProbabilitiesOfCausation {
  private static final double TOLERANCE = 1e-12;

  private ProbabilitiesOfCausation() {}

  /** Bounds from observational and experimental data on one population. */
  public static CausationBounds combined(ObservationalData obs, ExperimentalData exp,
      Set<CausationAssumption> assumptions) {
    Set<CausationAssumption> as = copy(assumptions);
    if (as.contains(CausationAssumption.EXOGENEITY)) {
      throw new InvalidInputException(String.format(Locale.ROOT, "with both experimental and"
          + " observational data exogeneity is testable, not an assumption: P(y|x) = %.4g vs"
          + " P(y_x) = %.4g, P(y|x') = %.4g vs P(y_x') = %.4g; drop the assumption",
          obs.outcomeGivenTreated(), exp.outcomeIfTreated(), obs.outcomeGivenUntreated(),
          exp.outcomeIfUntreated()));
    }
    double a = exp.outcomeIfTreated();
    double b = exp.outcomeIfUntreated();
    double pxy = obs.xy();
    double pxny = obs.xNotY();
    double pnxy = obs.notXY();
    double pnxny = obs.notXNotY();
    double py = obs.outcome();
    compatible(a, pxy, 1 - pxny, "P(y_x)", "P(x,y)", "1 - P(x,y')");
    compatible(b, pnxy, 1 - pnxny, "P(y_x')", "P(x',y)", "1 - P(x',y')");
    List<String> notes = new ArrayList<>();
    Interval pns = interval(max(0, a - b, py - b, a - py),
        min(a, 1 - b, pxy + pnxny, a - b + pxny + pnxy), "PNS");
    Optional<Interval> pn = pxy <= 0 ? Optional.empty()
        : Optional.of(interval(max(0, (py - b) / pxy), min(1, (1 - b - pnxny) / pxy), "PN"));
    Optional<Interval> ps = pnxny <= 0 ? Optional.empty()
        : Optional.of(interval(max(0, (a - py) / pnxny), min(1, (a - pxy) / pnxny), "PS"));
    notes.add("Tian & Pearl (2000) bounds from combined experimental and observational data:"
        + " sharp without further assumptions.");
    if (as.contains(CausationAssumption.MONOTONICITY)) {
      pns = identified(a - b, pns, "PNS");
      if (pn.isPresent()) {
        pn = Optional.of(identified((py - b) / pxy, pn.get(), "PN"));
      }
      if (ps.isPresent()) {
        ps = Optional.of(identified((a - py) / pnxny, ps.get(), "PS"));
      }
      notes.add("Monotonicity identifies them: PNS = P(y_x) - P(y_x'), PN = (P(y) - P(y_x'))"
          + " / P(x,y), PS = (P(y_x) - P(y)) / P(x',y').");
    }
    undefinedNotes(pn, ps, notes);
    return new CausationBounds(Evidence.COMBINED, as, pns, pn, ps, notes);
  }

  /** Bounds from a randomised experiment alone. */
  public static CausationBounds experimental(ExperimentalData exp,
      Set<CausationAssumption> assumptions) {
    Set<CausationAssumption> as = copy(assumptions);
    double a = exp.outcomeIfTreated();
    double b = exp.outcomeIfUntreated();
    if (as.contains(CausationAssumption.EXOGENEITY)) {
      return exogenous(a, b, Evidence.EXPERIMENTAL, as, "the experiment's P(y_x), P(y_x')");
    }
    boolean monotone = as.contains(CausationAssumption.MONOTONICITY);
    if (monotone && a < b - TOLERANCE) {
      throw monotonicityRefuted(a, b);
    }
    List<String> notes = new ArrayList<>();
    Interval pns = monotone ? point(a - b) : interval(Math.max(0, a - b), Math.min(a, 1 - b),
        "PNS");
    // Largest possible masses of the response types (y_x, y_x'): with monotonicity there is no
    // (0, 1) type and the others are fixed; without it each ranges over the Fréchet bounds.
    double m11 = monotone ? b : Math.min(a, b);
    double m10 = monotone ? a - b : Math.min(a, 1 - b);
    double m00 = monotone ? 1 - a : Math.min(1 - a, 1 - b);
    Optional<Interval> pn = a <= 0 ? Optional.empty()
        : Optional.of(new Interval(m11 > TOLERANCE ? 0 : 1, m10 > TOLERANCE ? 1 : 0));
    Optional<Interval> ps = 1 - b <= 0 ? Optional.empty()
        : Optional.of(new Interval(m00 > TOLERANCE ? 0 : 1, m10 > TOLERANCE ? 1 : 0));
    notes.add("Experimental data alone bound PNS (Tian & Pearl 2000); PN and PS condition on"
        + " who chose the treatment, which an experiment does not show: add observational data,"
        + " or assume exogeneity, to bound them.");
    undefinedNotes(pn, ps, notes);
    return new CausationBounds(Evidence.EXPERIMENTAL, as, pns, pn, ps, notes);
  }

  /** Bounds from observational data alone. */
  public static CausationBounds observational(ObservationalData obs,
      Set<CausationAssumption> assumptions) {
    Set<CausationAssumption> as = copy(assumptions);
    if (as.contains(CausationAssumption.EXOGENEITY)) {
      if (obs.treated() <= 0 || obs.treated() >= 1) {
        throw new InvalidInputException("exogeneity uses P(y|x) and P(y|x'), but the data have "
            + (obs.treated() <= 0 ? "no treated" : "no untreated") + " units");
      }
      return exogenous(obs.outcomeGivenTreated(), obs.outcomeGivenUntreated(),
          Evidence.OBSERVATIONAL, as, "P(y|x), P(y|x') from the observational data");
    }
    List<String> notes = new ArrayList<>();
    Interval pns = new Interval(0, Math.min(1, obs.xy() + obs.notXNotY()));
    Optional<Interval> pn = obs.xy() <= 0 ? Optional.empty() : Optional.of(new Interval(0, 1));
    Optional<Interval> ps = obs.notXNotY() <= 0 ? Optional.empty()
        : Optional.of(new Interval(0, 1));
    notes.add("Observational data alone, without exogeneity, say little: confounding could"
        + " explain any association (PNS ≤ P(x,y) + P(x',y'); PN and PS unbounded within [0, 1],"
        + " with or without monotonicity). Add experimental data or assume exogeneity.");
    undefinedNotes(pn, ps, notes);
    return new CausationBounds(Evidence.OBSERVATIONAL, as, pns, pn, ps, notes);
  }

  private static CausationBounds exogenous(double a, double b, Evidence evidence,
      Set<CausationAssumption> as, String source) {
    boolean monotone = as.contains(CausationAssumption.MONOTONICITY);
    if (monotone && a < b - TOLERANCE) {
      throw monotonicityRefuted(a, b);
    }
    List<String> notes = new ArrayList<>();
    notes.add("Exogeneity: " + source + " stand for both the causal effects and the"
        + " observational conditionals (Tian & Pearl 2000).");
    Interval pns;
    Optional<Interval> pn;
    Optional<Interval> ps;
    if (monotone) {
      pns = point(a - b);
      pn = a <= 0 ? Optional.empty() : Optional.of(point((a - b) / a));
      ps = 1 - b <= 0 ? Optional.empty() : Optional.of(point((a - b) / (1 - b)));
      notes.add("With monotonicity: PN = (P(y|x) - P(y|x')) / P(y|x) (the excess risk ratio),"
          + " PS = (P(y|x) - P(y|x')) / (1 - P(y|x')), PNS = P(y|x) - P(y|x').");
    } else {
      pns = interval(Math.max(0, a - b), Math.min(a, 1 - b), "PNS");
      pn = a <= 0 ? Optional.empty()
          : Optional.of(interval(Math.max(0, (a - b) / a), Math.min(1, (1 - b) / a), "PN"));
      ps = 1 - b <= 0 ? Optional.empty()
          : Optional.of(interval(Math.max(0, (a - b) / (1 - b)), Math.min(1, a / (1 - b)),
              "PS"));
    }
    undefinedNotes(pn, ps, notes);
    return new CausationBounds(evidence, as, pns, pn, ps, notes);
  }

  private static InvalidInputException monotonicityRefuted(double a, double b) {
    return new InvalidInputException(String.format(Locale.ROOT, "the data refute monotonicity:"
        + " the outcome is less likely with the treatment (%.4g) than without it (%.4g), so some"
        + " units must be prevented from it; drop the assumption (or swap the outcome's levels)",
        a, b));
  }

  private static void compatible(double v, double lo, double hi, String name, String loName,
      String hiName) {
    if (v < lo - TOLERANCE || v > hi + TOLERANCE) {
      throw new InvalidInputException(String.format(Locale.ROOT, "the experimental and"
          + " observational data cannot describe one population: %s = %.4g must lie between %s"
          + " = %.4g and %s = %.4g (Tian & Pearl 2000); check that they come from the same"
          + " population, and their sampling error", name, v, loName, lo, hiName, hi));
    }
  }

  private static Interval identified(double value, Interval bounds, String name) {
    if (value < bounds.lower() - 1e-9 || value > bounds.upper() + 1e-9) {
      throw new InvalidInputException(String.format(Locale.ROOT, "the data refute monotonicity:"
          + " it would make %s = %.4g, outside its assumption-free bounds %s; drop the"
          + " assumption", name, value, bounds));
    }
    return point(Math.min(bounds.upper(), Math.max(bounds.lower(), value)));
  }

  private static Interval point(double v) {
    double c = Math.min(1, Math.max(0, v));
    return new Interval(c, c);
  }

  private static Interval interval(double lo, double hi, String name) {
    double l = Math.max(0, lo);
    double h = Math.min(1, hi);
    if (l > h + 1e-9) {
      throw new InvalidInputException(String.format(Locale.ROOT, "the bounds on %s cross"
          + " (%.4g > %.4g): the data are inconsistent", name, l, h));
    }
    return new Interval(Math.min(l, h), h);
  }

  private static void undefinedNotes(Optional<Interval> pn, Optional<Interval> ps,
      List<String> notes) {
    if (pn.isEmpty()) {
      notes.add("PN is undefined: no unit can be treated and have the outcome.");
    }
    if (ps.isEmpty()) {
      notes.add("PS is undefined: no unit can be untreated and without the outcome.");
    }
  }

  private static Set<CausationAssumption> copy(Set<CausationAssumption> assumptions) {
    return assumptions.isEmpty() ? EnumSet.noneOf(CausationAssumption.class)
        : EnumSet.copyOf(assumptions);
  }

  private static double max(double... v) {
    double m = v[0];
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double min(double... v) {
    double m = v[0];
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }
}
