package dev.causal4j.independence;

import dev.causal4j.InvalidInputException;
import java.util.List;

/** Checks that a question {@code x ⫫ y | z} is well posed, with messages in variable names. */
final class Questions {
  private Questions() {}

  static void check(List<String> names, int x, int y, int[] z) {
    int p = names.size();
    checkIndex(names, x, "x");
    checkIndex(names, y, "y");
    if (x == y) {
      throw new InvalidInputException(
          "x and y are both '" + names.get(x) + "'; test two different variables");
    }
    for (int a = 0; a < z.length; a++) {
      int v = z[a];
      if (v < 0 || v >= p) {
        throw new InvalidInputException(
            "conditioning variable index " + v + " is not among the " + p + " variables");
      }
      if (v == x || v == y) {
        throw new InvalidInputException(
            "'" + names.get(v) + "' is both tested and in the conditioning set; remove it from"
                + " the conditioning set");
      }
      for (int b = 0; b < a; b++) {
        if (z[b] == v) {
          throw new InvalidInputException(
              "'" + names.get(v) + "' appears twice in the conditioning set; list it once");
        }
      }
    }
  }

  private static void checkIndex(List<String> names, int v, String role) {
    if (v < 0 || v >= names.size()) {
      throw new InvalidInputException(
          role + " index " + v + " is not among the " + names.size() + " variables");
    }
  }

  static String in(String source) {
    return source == null || source.isEmpty() ? "" : " in " + source;
  }

  static String quoted(List<String> names, int[] vars, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int q = from; q < to; q++) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(names.get(vars[q])).append('\'');
    }
    return sb.toString();
  }
}
