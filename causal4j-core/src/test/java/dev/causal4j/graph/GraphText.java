package dev.causal4j.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Graphs written as text for readable tests: {@code "A --> B; B --- C; C <-> D"}. */
final class GraphText {
  private GraphText() {}

  /** A graph over the named nodes (in the given order) with the listed edges. */
  static MutableGraph parse(List<String> nodes, String edges) {
    MutableGraph g = new MutableGraph(nodes);
    for (String part : edges.split(";")) {
      String s = part.trim();
      if (s.isEmpty()) {
        continue;
      }
      String[] t = s.split("\\s+");
      Endpoint[] marks = Edge.parseSymbol(t[1]);
      g.setEdge(g.requireIndex(t[0]), g.requireIndex(t[2]), marks[0], marks[1]);
    }
    return g;
  }

  /** As {@link #parse(List, String)}, with the nodes in order of first mention. */
  static MutableGraph parse(String edges) {
    Set<String> nodes = new LinkedHashSet<>();
    for (String part : edges.split(";")) {
      String[] t = part.trim().split("\\s+");
      if (t.length == 3) {
        nodes.add(t[0]);
        nodes.add(t[2]);
      }
    }
    return parse(new ArrayList<>(nodes), edges);
  }
}
