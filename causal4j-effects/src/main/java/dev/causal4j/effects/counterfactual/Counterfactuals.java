package dev.causal4j.effects.counterfactual;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.scm.AdditiveMechanism;
import dev.causal4j.effects.scm.CategoricalMechanism;
import dev.causal4j.effects.scm.ExogenousNoise;
import dev.causal4j.effects.scm.Intervention;
import dev.causal4j.effects.scm.Mechanism;
import dev.causal4j.effects.scm.NodeSummary;
import dev.causal4j.effects.scm.Samples;
import dev.causal4j.effects.scm.StructuralCausalModel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Counterfactuals for an observed unit by abduction, action and prediction (Pearl 2009,
 * <i>Causality</i>, §7.1, Theorem 7.1.7): (1) abduction: the posterior of the unit's exogenous
 * noise given everything observed about it; (2) action: replace the intervened nodes' equations;
 * (3) prediction: solve the modified model with that noise.
 *
 * <p>For a continuous node with additive noise, abduction is exact: {@code u = x - f(parents)}
 * (given the model), and if its parents' counterfactuals are points, so is its own. For a
 * discrete node, one observation shows only the response at the observed parents; wherever the
 * counterfactual parents differ, the answer is a distribution over the responses the {@link
 * DiscreteCoupling} allows, drawn by Monte Carlo, and it is reported as one: {@link
 * NodeCounterfactual#point()} is false and no point value is given. A discrete node whose
 * parents' counterfactuals equal their observed values keeps its observed level.
 *
 * <p>Departure from the textbook: the posterior is represented by draws ({@code samples} of
 * them) rather than in closed form, so mixed models (a continuous node downstream of a discrete
 * one) get Monte-Carlo distributions with the same machinery.
 */
public final class Counterfactuals {
  private Counterfactuals() {}

  /**
   * Options.
   *
   * @param samples draws from the posterior of the unit's noise (at least 1)
   * @param seed fixes the draws
   * @param coupling the assumption for discrete nodes
   */
  public record Options(int samples, long seed, DiscreteCoupling coupling) {
    public Options {
      if (samples < 1) {
        throw new InvalidInputException("the number of samples must be at least 1, not "
            + samples);
      }
      java.util.Objects.requireNonNull(coupling);
    }

    /** 10,000 draws, seed 0, {@link DiscreteCoupling#INDEPENDENT}. */
    public static Options defaults() {
      return new Options(10_000, 0, DiscreteCoupling.INDEPENDENT);
    }
  }

  /**
   * The counterfactual of data row {@code row} (0-based) under the interventions.
   *
   * @throws InvalidInputException if the row is out of range or has a missing value in a model
   *     variable, the data lack a model variable or have a level the model does not know, or an
   *     intervention is invalid
   */
  public static CounterfactualResult of(StructuralCausalModel scm, Dataset data, int row,
      List<? extends Intervention> interventions, Options options) {
    double[] unit = observedUnit(scm, data, row);
    ExogenousNoise noise = abduct(scm, unit, options.samples(), options.seed(),
        options.coupling());
    Samples cf = scm.solve(noise, interventions);
    return describe(scm, unit, row, interventions, noise, cf, options);
  }

  /**
   * The unit's values in the model's node order (level codes of the model for categorical
   * nodes), from a data row matched by column name and level label.
   */
  public static double[] observedUnit(StructuralCausalModel scm, Dataset data, int row) {
    if (row < 0 || row >= data.rows()) {
      throw new InvalidInputException("row " + (row + 1) + " is out of range: the data"
          + data.source().map(s -> " in " + s).orElse("") + " have " + data.rows()
          + " rows (1.." + data.rows() + ")");
    }
    List<Variable> vars = scm.variables();
    double[] unit = new double[vars.size()];
    for (int j = 0; j < vars.size(); j++) {
      Variable v = vars.get(j);
      int c = data.require(v.name());
      Variable dv = data.variable(c);
      if (data.isMissing(row, c)) {
        throw new InvalidInputException("data row " + (row + 1) + " has no value for '"
            + v.name() + "'; a counterfactual needs every variable of the unit observed");
      }
      if (v.isCategorical() != dv.isCategorical()) {
        throw new InvalidInputException("'" + v.name() + "' is " + type(v) + " in the model but "
            + type(dv) + " in the data");
      }
      if (v.isCategorical()) {
        String label = dv.levels().get(data.codes(c)[row]);
        int code = v.levels().indexOf(label);
        if (code < 0) {
          throw new InvalidInputException("data row " + (row + 1) + " has '" + v.name() + "' = "
              + label + ", a level the model does not know (" + String.join(", ", v.levels())
              + ")");
        }
        unit[j] = code;
      } else {
        unit[j] = data.doubles(c)[row];
      }
    }
    return unit;
  }

  private static String type(Variable v) {
    return v.type().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Draws from the posterior of one unit's noise given all its values ({@code unit}, in the
   * model's node order): every node is anchored at its observation; a continuous node's noise is
   * the recovered residual; a discrete node's uniform is drawn as the coupling says.
   */
  public static ExogenousNoise abduct(StructuralCausalModel scm, double[] unit, int samples,
      long seed, DiscreteCoupling coupling) {
    ExogenousNoise noise = scm.sampleNoise(samples, seed);
    for (int j = 0; j < scm.size(); j++) {
      int[] ps = scm.parents(j);
      double[] parentValues = new double[ps.length];
      double[][] pc = new double[ps.length][];
      for (int k = 0; k < ps.length; k++) {
        parentValues[k] = unit[ps[k]];
        pc[k] = new double[] {unit[ps[k]]};
      }
      ExogenousNoise.Anchor anchor = new ExogenousNoise.Anchor(parentValues, unit[j]);
      Mechanism m = scm.mechanism(j);
      double[] u;
      if (m instanceof AdditiveMechanism a) {
        u = new double[samples];
        java.util.Arrays.fill(u, residual(a, pc, unit[j]));
      } else {
        u = noise.values(j);
        if (coupling == DiscreteCoupling.MONOTONE) {
          double[] interval = interval((CategoricalMechanism) m, pc, (int) unit[j]);
          for (int i = 0; i < samples; i++) {
            u[i] = interval[0] + (interval[1] - interval[0]) * u[i];
          }
        }
      }
      noise = noise.with(j, u, anchor);
    }
    return noise;
  }

  private static double residual(AdditiveMechanism a, double[][] parentColumns, double observed) {
    double[] mean = new double[1];
    a.mean(parentColumns, 1, mean);
    return observed - mean[0];
  }

  /** {@code [F(level - 1), F(level))} at the observed parents. */
  private static double[] interval(CategoricalMechanism m, double[][] parentColumns, int level) {
    int kLevels = m.levels().size();
    double[] p = new double[kLevels];
    m.probabilities(parentColumns, 1, p);
    double lo = 0;
    for (int k = 0; k < level; k++) {
      lo += p[k];
    }
    return new double[] {lo, Math.min(1, lo + p[level])};
  }

  private static CounterfactualResult describe(StructuralCausalModel scm, double[] unit, int row,
      List<? extends Intervention> interventions, ExogenousNoise noise, Samples cf,
      Options options) {
    int p = scm.size();
    Intervention[] on = new Intervention[p];
    for (Intervention iv : interventions) {
      on[scm.index(iv.node())] = iv;
    }
    BitSet affected = scm.affectedBy(interventions);
    boolean[] point = new boolean[p];
    double[] pointValue = new double[p];
    NodeCounterfactual[] out = new NodeCounterfactual[p];
    for (int j : scm.topologicalOrder()) {
      Variable v = scm.variables().get(j);
      Mechanism m = scm.mechanism(j);
      Intervention iv = on[j];
      double[] values = cf.values(v.name());
      boolean parentsPoint = true;
      boolean parentsUnchanged = true;
      for (int u : scm.parents(j)) {
        parentsPoint &= point[u];
        parentsUnchanged &= point[u]
            && Double.doubleToLongBits(pointValue[u]) == Double.doubleToLongBits(unit[u]);
      }
      NoiseStatus status;
      String why;
      OptionalDouble recovered = OptionalDouble.empty();
      if (iv instanceof Intervention.Set || iv instanceof Intervention.SetLevel) {
        status = NoiseStatus.NOT_NEEDED;
        point[j] = true;
        why = "set by " + iv.describe();
      } else if (iv instanceof Intervention.Draw || iv instanceof Intervention.DrawLevels
          || iv instanceof Intervention.SetPerSample) {
        status = NoiseStatus.NOT_NEEDED;
        point[j] = false;
        why = "drawn by " + iv.describe() + ": a distribution";
      } else if (m instanceof AdditiveMechanism) {
        status = NoiseStatus.RECOVERED;
        recovered = OptionalDouble.of(noise.values(j)[0]);
        point[j] = parentsPoint;
        String u = String.format(Locale.ROOT, "u = %.4g", recovered.getAsDouble());
        if (!affected.get(j)) {
          why = "not a descendant of the intervention: the observed value stands";
        } else if (point[j]) {
          why = "additive noise recovered (" + u + ") and every parent is a point: a point"
              + " counterfactual" + (iv == null ? "" : ", then " + iv.describe());
        } else {
          why = "additive noise recovered (" + u + "), but a parent's counterfactual is a"
              + " distribution, so this is one too";
        }
      } else {
        status = NoiseStatus.NOT_IDENTIFIABLE;
        point[j] = parentsUnchanged;
        if (!affected.get(j)) {
          why = "not a descendant of the intervention: the observed value stands";
        } else if (point[j]) {
          why = "its parents keep their observed values, so the observed level stands";
        } else {
          why = "discrete: one observation does not identify this unit's response at other"
              + " parent values; a distribution over the responses allowed by the "
              + options.coupling().name().toLowerCase(Locale.ROOT) + " coupling, not a point";
        }
      }
      if (point[j]) {
        pointValue[j] = values[0];
        for (double x : values) {
          if (Double.doubleToLongBits(x) != Double.doubleToLongBits(values[0])) {
            throw new IllegalStateException("the counterfactual of '" + v.name() + "' should be"
                + " a point but varies across draws");
          }
        }
      }
      String observedText = v.isCategorical() ? v.levels().get((int) unit[j])
          : String.format(Locale.ROOT, "%.6g", unit[j]).replaceAll("\\.?0+($|e)", "$1");
      NodeSummary dist = cf.summary(v.name());
      out[j] = new NodeCounterfactual(v.name(), unit[j], observedText, status, recovered,
          point[j], point[j] ? OptionalDouble.of(pointValue[j]) : OptionalDouble.empty(), dist,
          why);
    }
    return new CounterfactualResult(row, List.copyOf(interventions), options.coupling(),
        options.samples(), options.seed(), List.of(out), assumptions(scm, options.coupling()));
  }

  private static List<String> assumptions(StructuralCausalModel scm, DiscreteCoupling coupling) {
    List<String> a = new ArrayList<>();
    a.add("The fitted structural causal model is the true one: its DAG, and each node's"
        + " mechanism and noise distribution.");
    a.add("The noises are mutually independent (no hidden common causes).");
    boolean anyAdditive = false;
    boolean anyCategorical = false;
    for (int j = 0; j < scm.size(); j++) {
      anyAdditive |= scm.mechanism(j) instanceof AdditiveMechanism;
      anyCategorical |= scm.mechanism(j) instanceof CategoricalMechanism;
    }
    if (anyAdditive) {
      a.add("Each continuous node's noise is additive and independent of its parents, so the"
          + " unit's noise is its observed value minus the mechanism's prediction.");
    }
    if (anyCategorical) {
      a.add(coupling == DiscreteCoupling.INDEPENDENT
          ? "Discrete nodes: a unit's response at parent values it was not observed at is"
              + " unknown and drawn from P(node | those parents), independently of its observed"
              + " response (the independent coupling; data cannot test it)."
          : "Discrete nodes: responses are rank-preserving across parent values (the monotone"
              + " coupling; for a binary node, no unit responds against the direction of the"
              + " average effect); data cannot test it.");
    }
    return a;
  }
}
