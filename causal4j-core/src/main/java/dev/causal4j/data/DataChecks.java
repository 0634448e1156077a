package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that methods make before they run, kept apart from reading because reading a constant
 * column is fine (describing it is useful) while testing or scoring one is not.
 */
public final class DataChecks {
  private DataChecks() {}

  /**
   * True when a variable takes at most one distinct value among its present rows (a column with
   * no present value counts as constant too).
   */
  public static boolean isConstant(Dataset data, int column) {
    int rows = data.rows();
    if (data.variable(column).isContinuous()) {
      double[] v = data.doubles(column);
      double first = Double.NaN;
      for (int i = 0; i < rows; i++) {
        if (data.isMissing(i, column)) {
          continue;
        }
        if (Double.isNaN(first)) {
          first = v[i];
        } else if (v[i] != first) {
          return false;
        }
      }
      return true;
    }
    int[] c = data.codes(column);
    int first = -1;
    for (int i = 0; i < rows; i++) {
      if (c[i] < 0) {
        continue;
      }
      if (first < 0) {
        first = c[i];
      } else if (c[i] != first) {
        return false;
      }
    }
    return true;
  }

  /** The names of the constant variables, in column order. */
  public static List<String> constantColumns(Dataset data) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < data.columns(); j++) {
      if (isConstant(data, j)) {
        names.add(data.variable(j).name());
      }
    }
    return names;
  }

  /**
   * Refuses constant variables, which no test or score can use (a constant has no variance, and
   * nothing can depend on it), naming them and how to leave them out.
   *
   * @throws InvalidInputException naming every constant column
   */
  public static void requireNoConstantColumns(Dataset data) {
    List<String> constant = constantColumns(data);
    if (constant.isEmpty()) {
      return;
    }
    String in = data.source().map(s -> " in " + s).orElse("");
    String drop = "--drop " + String.join(",", constant);
    if (constant.size() == 1) {
      String name = constant.get(0);
      throw new InvalidInputException(
          "column '" + name + "'" + in + " is constant (every value is "
              + firstValue(data, data.indexOf(name)) + "); a constant can neither cause nor"
              + " depend on anything: leave it out (" + drop + ")");
    }
    String list =
        constant.size() <= 10
            ? constant.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
            : constant.subList(0, 10).stream().map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", ")) + ", … (" + constant.size() + " in all)";
    throw new InvalidInputException(
        "columns " + list + in + " are constant; a constant can neither cause nor depend on"
            + " anything: leave them out (" + drop + ")");
  }

  private static String firstValue(Dataset data, int column) {
    for (int i = 0; i < data.rows(); i++) {
      if (!data.isMissing(i, column)) {
        Variable v = data.variable(column);
        return v.isContinuous()
            ? DataReader.formatNumber(data.doubles(column)[i])
            : v.levels().get(data.codes(column)[i]);
      }
    }
    return "missing";
  }
}
