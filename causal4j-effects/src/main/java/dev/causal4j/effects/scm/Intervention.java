package dev.causal4j.effects.scm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * An intervention on one node: its structural equation is replaced, the rest of the model kept.
 * Several interventions (on distinct nodes) apply together.
 *
 * <ul>
 *   <li>{@link Set} / {@link SetLevel}: the hard intervention {@code do(X = x)}.
 *   <li>{@link Shift}: {@code X := f(parents) + U + δ}, the value {@code X} would have taken,
 *       moved by {@code δ} (a modified treatment policy; continuous nodes only).
 *   <li>{@link Draw} / {@link DrawLevels}: the stochastic intervention {@code X ~ D}, drawn
 *       independently of everything else.
 *   <li>{@link SetPerSample}: {@code X := x_i} in sample {@code i}: sets each sample (or unit)
 *       to its own value, as nested counterfactuals such as {@code Y(t, M(t'))} need.
 * </ul>
 */
public sealed interface Intervention {

  /** The node intervened on. */
  String node();

  /** How the intervention reads, e.g. {@code do(X = 1)}. */
  String describe();

  /** {@code do(node = value)}; for a categorical node the value is a level code. */
  record Set(String node, double value) implements Intervention {
    public Set {
      Objects.requireNonNull(node);
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("do(" + node + " = " + value + "): not finite");
      }
    }

    @Override
    public String describe() {
      return "do(" + node + " = " + number(value) + ")";
    }
  }

  /** {@code do(node = level)} for a categorical node. */
  record SetLevel(String node, String level) implements Intervention {
    public SetLevel {
      Objects.requireNonNull(node);
      Objects.requireNonNull(level);
    }

    @Override
    public String describe() {
      return "do(" + node + " = " + level + ")";
    }
  }

  /** {@code node := (its natural value) + delta}, for a continuous node. */
  record Shift(String node, double delta) implements Intervention {
    public Shift {
      Objects.requireNonNull(node);
      if (!Double.isFinite(delta)) {
        throw new IllegalArgumentException("shift of " + node + " by " + delta + ": not finite");
      }
    }

    @Override
    public String describe() {
      return node + " := " + node + (delta < 0 ? " - " : " + ") + number(Math.abs(delta));
    }
  }

  /** {@code node ~ distribution}, independently of everything else, for a continuous node. */
  record Draw(String node, ContinuousDistribution distribution) implements Intervention {
    public Draw {
      Objects.requireNonNull(node);
      Objects.requireNonNull(distribution);
    }

    @Override
    public String describe() {
      return node + " ~ " + distribution.getClass().getSimpleName().replace("Distribution", "")
          + "(mean " + number(distribution.getMean()) + ", variance "
          + number(distribution.getVariance()) + ")";
    }
  }

  /** {@code node ~ Categorical(probabilities)} for a categorical node, by level name. */
  record DrawLevels(String node, Map<String, Double> probabilities) implements Intervention {
    public DrawLevels {
      Objects.requireNonNull(node);
      probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    @Override
    public String describe() {
      List<String> parts = new ArrayList<>();
      probabilities.forEach((k, v) -> parts.add(k + ": " + number(v)));
      return node + " ~ Categorical(" + String.join(", ", parts) + ")";
    }
  }

  /**
   * {@code node := values[i]} in sample {@code i}; for a categorical node the values are codes.
   * The array is copied.
   */
  record SetPerSample(String node, double[] values) implements Intervention {
    public SetPerSample {
      Objects.requireNonNull(node);
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public String describe() {
      return "do(" + node + " = a value per sample)";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SetPerSample s && s.node.equals(node) && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
      return node.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "SetPerSample[" + node + ", " + values.length + " values]";
    }
  }

  static Set set(String node, double value) {
    return new Set(node, value);
  }

  static SetLevel setLevel(String node, String level) {
    return new SetLevel(node, level);
  }

  static Shift shift(String node, double delta) {
    return new Shift(node, delta);
  }

  static Draw draw(String node, ContinuousDistribution distribution) {
    return new Draw(node, distribution);
  }

  /** Several interventions, read as one: {@code do(X = 1, Z = 0)}. */
  static String describe(List<? extends Intervention> interventions) {
    if (interventions.isEmpty()) {
      return "no intervention";
    }
    List<String> parts = new ArrayList<>();
    for (Intervention i : interventions) {
      parts.add(i.describe());
    }
    return String.join(", ", parts);
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+($|e)", "$1");
  }
}
