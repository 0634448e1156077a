package dev.causal4j.bench.suite;

import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/** How two graphs differ, for assertions that name what differs. */
final class GraphDifferences {
  private GraphDifferences() {}

  /** Pairs, by name, adjacent in exactly one of the graphs ({@code a+b} in a only, {@code a-b} in b only). */
  static List<String> adjacencies(Graph a, Graph b) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      for (int j = i + 1; j < a.size(); j++) {
        boolean inA = a.isAdjacent(i, j);
        boolean inB = b.isAdjacent(b.indexOf(a.name(i)), b.indexOf(a.name(j)));
        if (inA != inB) {
          out.add(a.name(i) + (inA ? "+" : "-") + a.name(j));
        }
      }
    }
    return out;
  }

  /** Pairs of node positions whose edges differ in adjacency or in a mark. */
  static int byPosition(Graph a, Graph b) {
    int d = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int j = i + 1; j < a.size(); j++) {
        if (a.endpoint(i, j) != b.endpoint(i, j) || a.endpoint(j, i) != b.endpoint(j, i)) {
          d++;
        }
      }
    }
    return d;
  }
}
