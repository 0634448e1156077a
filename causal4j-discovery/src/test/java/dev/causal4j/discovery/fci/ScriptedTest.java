package dev.causal4j.discovery.fci;

import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An independence "test" that answers from a written list: {@code x ⫫ y | Z} exactly for the
 * listed facts, dependent otherwise, and records every question. For hand-worked examples of
 * single steps, whose facts need not come from a graph.
 */
final class ScriptedTest implements IndependenceTest {
  private final List<String> variables;
  private final Set<String> independences = new HashSet<>();
  private final List<String> asked = new ArrayList<>();

  /**
   * @param variables the variable names
   * @param facts independences written {@code "x y | z1 z2"} (order within the set free)
   */
  ScriptedTest(List<String> variables, String... facts) {
    this.variables = List.copyOf(variables);
    for (String f : facts) {
      String[] sides = f.split("\\|");
      String[] pair = sides[0].trim().split("\\s+");
      String[] z = sides.length > 1 && !sides[1].isBlank() ? sides[1].trim().split("\\s+")
          : new String[0];
      int[] zi = new int[z.length];
      for (int i = 0; i < z.length; i++) {
        zi[i] = index(z[i]);
      }
      independences.add(key(index(pair[0]), index(pair[1]), zi));
    }
  }

  private int index(String name) {
    int i = variables.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown variable " + name);
    }
    return i;
  }

  private static String key(int x, int y, int[] z) {
    int[] s = z.clone();
    Arrays.sort(s);
    return Math.min(x, y) + "," + Math.max(x, y) + "|" + Arrays.toString(s);
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  @Override
  public synchronized TestResult test(int x, int y, int[] z) {
    StringBuilder sb = new StringBuilder(variables.get(x)).append(' ').append(variables.get(y))
        .append(" |");
    int[] s = z.clone();
    Arrays.sort(s);
    for (int v : s) {
      sb.append(' ').append(variables.get(v));
    }
    asked.add(sb.toString());
    boolean independent = independences.contains(key(x, y, z));
    return new TestResult(Double.NaN, independent ? 1 : 0, Double.NaN, 0);
  }

  /** The questions asked so far, as {@code "x y | z…"} with the set in variable order. */
  synchronized List<String> asked() {
    return List.copyOf(asked);
  }
}
