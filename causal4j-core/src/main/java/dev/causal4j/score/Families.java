package dev.causal4j.score;

import dev.causal4j.InvalidInputException;
import java.util.List;

/** Checks that a family (node, parents) is well formed, with messages in variable names. */
final class Families {
  private Families() {}

  static void check(List<String> names, int node, int[] parents) {
    int p = names.size();
    if (node < 0 || node >= p) {
      throw new InvalidInputException("node index " + node + " is not among the " + p + " variables");
    }
    for (int a = 0; a < parents.length; a++) {
      int v = parents[a];
      if (v < 0 || v >= p) {
        throw new InvalidInputException(
            "parent index " + v + " is not among the " + p + " variables");
      }
      if (v == node) {
        throw new InvalidInputException("'" + names.get(v) + "' cannot be its own parent");
      }
      for (int b = 0; b < a; b++) {
        if (parents[b] == v) {
          throw new InvalidInputException(
              "'" + names.get(v) + "' appears twice among the parents of '" + names.get(node) + "'");
        }
      }
    }
  }

  static String in(String source) {
    return source == null || source.isEmpty() ? "" : " in " + source;
  }
}
