package dev.causal4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.ConfidenceInterval;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.refute.EValue;
import dev.causal4j.effects.refute.RefuterKind;
import dev.causal4j.effects.refute.Refutation;
import dev.causal4j.effects.refute.Refutations;
import dev.causal4j.effects.refute.RerunRefutation;
import dev.causal4j.effects.refute.RobustnessValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code --refute} options of {@code causal4j effect}, and how refutations are printed: one
 * line per refutation in text, typed records in the JSON's {@code "refutations"} array.
 */
final class RefuteOptions {

  @Option(names = "--refute", paramLabel = "all|NAME[,NAME…]",
      description = "Refute the estimate: all, or any of placebo, random-common-cause, subset,"
          + " dummy-outcome, bootstrap, e-value, robustness-value (regression only). Prints one"
          + " line per refutation with its verdict.")
  String refute;

  @Option(names = "--refute-runs", paramLabel = "N", defaultValue = "20",
      description = "Runs of each re-running refuter (permutations, draws, subsets, bootstrap"
          + " resamples) (default: ${DEFAULT-VALUE}).")
  int runs;

  /** Whether any refutation was asked for. */
  boolean requested() {
    return refute != null;
  }

  /**
   * The refuters asked for, checked before anything is estimated.
   *
   * @throws InvalidInputException for an unknown name, too few runs, or the robustness value
   *     named for a method other than regression
   */
  Set<RefuterKind> kinds(Method method) {
    Set<RefuterKind> kinds = check();
    if (method != Method.REGRESSION && kinds.contains(RefuterKind.ROBUSTNESS_VALUE)) {
      if (!named(RefuterKind.ROBUSTNESS_VALUE)) {
        // "all" means every refutation that applies to the method.
        kinds.remove(RefuterKind.ROBUSTNESS_VALUE);
      } else {
        throw new InvalidInputException("--refute robustness-value needs --method regression:"
            + " the Cinelli-Hazlett robustness value is defined for least-squares estimates,"
            + " and this estimate is " + method.label());
      }
    }
    return kinds;
  }

  /**
   * The refuters named, checked without knowing the method: names and run counts.
   *
   * @throws InvalidInputException for an unknown name or too few runs
   */
  Set<RefuterKind> check() {
    if (refute == null) {
      return EnumSet.noneOf(RefuterKind.class);
    }
    Set<RefuterKind> kinds = RefuterKind.parseList(refute);
    if (runs < 1) {
      throw new InvalidInputException("--refute-runs must be at least 1, not " + runs);
    }
    if (kinds.contains(RefuterKind.BOOTSTRAP) && runs < 2) {
      throw new InvalidInputException("--refute bootstrap needs --refute-runs of at least 2,"
          + " not " + runs);
    }
    return kinds;
  }

  private boolean named(RefuterKind k) {
    for (String part : refute.split(",")) {
      if (part.trim().equalsIgnoreCase(k.label())) {
        return true;
      }
    }
    return false;
  }

  /** The refutations of {@code original}, or none if none were asked for. */
  List<Refutation> run(Set<RefuterKind> kinds, Estimator estimator, EstimationProblem problem,
      EffectEstimate original, long seed) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    return Refutations.run(kinds, estimator, problem, original, runs, seed);
  }

  /** One line per refutation, under a heading; empty if there are none. */
  static String text(List<Refutation> refutations, boolean robustnessSkipped) {
    if (refutations.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nRefutations:\n");
    for (Refutation r : refutations) {
      sb.append(String.format(Locale.ROOT, "  %-20s %s%n", r.kind().label() + ":", r.summary()));
    }
    if (robustnessSkipped) {
      sb.append(String.format(Locale.ROOT, "  %-20s %s%n", "robustness-value:", "not run:"
          + " it needs --method regression"));
    }
    return sb.toString();
  }

  /** The refutations as JSON records, into {@code array}. */
  static void json(ArrayNode array, List<Refutation> refutations) {
    for (Refutation r : refutations) {
      ObjectNode o = array.addObject();
      o.put("name", r.kind().label());
      o.put("original_estimate", r.originalEstimate());
      o.put("passed", r.verdict().passed());
      o.put("verdict", r.verdict().word());
      o.put("threshold", r.verdict().threshold());
      o.put("rule", r.verdict().rule());
      o.put("summary", r.summary());
      if (r instanceof RerunRefutation rr) {
        o.put("new_effect", rr.newEffect());
        o.put("runs", rr.runs());
        o.put("failed_runs", rr.failedRuns());
        rr.pValue().ifPresent(p -> o.put("p_value", p));
        rr.interval().ifPresent(ci -> interval(o, ci));
        ArrayNode values = o.putArray("values");
        for (double v : rr.values()) {
          values.add(v);
        }
      } else if (r instanceof EValue e) {
        o.put("risk_ratio", e.riskRatio());
        o.putArray("risk_ratio_ci").add(e.riskRatioLower()).add(e.riskRatioUpper());
        o.put("e_value", e.point());
        o.put("e_value_ci", e.bound());
        o.put("conversion", e.conversion());
      } else if (r instanceof RobustnessValue v) {
        o.put("coefficient", v.coefficient());
        o.put("stderr", v.standardError());
        o.put("t", v.tStatistic());
        o.put("dof", v.dof());
        o.put("partial_r2_yd_x", v.partialR2());
        o.put("q", v.q());
        o.put("alpha", v.alpha());
        o.put("rv_q", v.rv());
        o.put("rv_q_alpha", v.rvAlpha());
        ArrayNode b = o.putArray("benchmarks");
        for (RobustnessValue.Benchmark x : v.benchmarks()) {
          ObjectNode bo = b.addObject();
          bo.put("covariate", x.covariate());
          bo.put("k", x.k());
          bo.put("r2dz_x", x.r2dz());
          bo.put("r2yz_dx", x.r2yz());
          bo.put("adjusted_estimate", x.adjustedEstimate());
          bo.put("adjusted_stderr", x.adjustedStandardError());
          bo.putArray("adjusted_ci").add(x.lower()).add(x.upper());
        }
        if (!v.note().isEmpty()) {
          o.put("note", v.note());
        }
      }
    }
  }

  private static void interval(ObjectNode o, ConfidenceInterval ci) {
    o.putArray("interval").add(ci.lower()).add(ci.upper());
    o.put("interval_detail", ci.detail());
  }

  /** True if {@code all} dropped the robustness value because the method is not regression. */
  boolean robustnessSkipped(Method method) {
    return refute != null && method != Method.REGRESSION && !named(RefuterKind.ROBUSTNESS_VALUE)
        && RefuterKind.parseList(refute).contains(RefuterKind.ROBUSTNESS_VALUE);
  }
}
