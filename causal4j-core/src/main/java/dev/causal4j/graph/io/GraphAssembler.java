package dev.causal4j.graph.io;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the nodes and edges a reader finds and checks them as they come, so that every format
 * reports the same problems the same way: "{@code <source>, line L: <problem>; <fix>}".
 */
final class GraphAssembler {
  private final String source;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final List<Boolean> latent = new ArrayList<>();
  private final List<int[]> edges = new ArrayList<>(); // {a, b, markAtA, markAtB, line}
  private final List<EdgeAnnotation> annotations = new ArrayList<>();
  private final Map<Long, Integer> edgeLineByPair = new HashMap<>();

  GraphAssembler(String source) {
    this.source = source;
  }

  /** The prefix of every message: the source and, when known (line > 0), the line. */
  String at(int line) {
    return line > 0 ? source + ", line " + line : source;
  }

  InvalidInputException error(int line, String problem) {
    return new InvalidInputException(at(line) + ": " + problem);
  }

  /** Declares a node; a second declaration of the same name is an error. */
  void declareNode(String name, boolean isLatent, int line) {
    checkName(name, line);
    if (index.containsKey(name)) {
      throw error(line, "node '" + name + "' is listed twice; list each node once");
    }
    addNode(name, isLatent);
  }

  /** A node met in an edge line (edge lists have no node section): declared on first sight. */
  int nodeSeen(String name, boolean isLatent, int line) {
    checkName(name, line);
    Integer v = index.get(name);
    if (v == null) {
      return addNode(name, isLatent);
    }
    if (latent.get(v) != isLatent) {
      throw error(line, "node '" + name + "' is written both as latent '(" + name + ")' and as"
          + " observed '" + name + "'; write it the same way everywhere");
    }
    return v;
  }

  private int addNode(String name, boolean isLatent) {
    int v = names.size();
    names.add(name);
    latent.add(isLatent);
    index.put(name, v);
    return v;
  }

  private void checkName(String name, int line) {
    if (name.isEmpty()) {
      throw error(line, "a node has an empty name; give every node a name");
    }
  }

  boolean hasNode(String name) {
    return index.containsKey(name);
  }

  /** Marks an already declared node latent. */
  void markLatent(String name, int line) {
    Integer v = index.get(name);
    if (v == null) {
      throw error(line, "latent node '" + name + "' is not among the nodes; add it to the node"
          + " list or remove it from the latent list");
    }
    if (latent.get(v)) {
      throw error(line, "latent node '" + name + "' is listed twice; list it once");
    }
    latent.set(v, true);
  }

  /** Index of a declared node, or an error naming the edge and the fix. */
  int requireNode(String name, String edgeText, int line) {
    Integer v = index.get(name);
    if (v == null) {
      throw error(line, "edge '" + edgeText + "' names node '" + name + "', which is not in the"
          + " node list; add it there or fix the name (names are case-sensitive)");
    }
    return v;
  }

  /** Parses an edge symbol such as {@code -->}, or reports it with the symbols allowed. */
  Endpoint[] parseSymbol(String symbol, String edgeText, int line) {
    try {
      return Edge.parseSymbol(symbol);
    } catch (InvalidInputException e) {
      throw error(line, "edge '" + edgeText + "' has the unknown edge symbol '" + symbol
          + "'; use one of -->, <--, ---, <->, o->, <-o, o-o");
    }
  }

  /** Adds the edge {@code a symbol b}; returns its ordinal for annotations. */
  int addEdge(int a, int b, Endpoint atA, Endpoint atB, String edgeText, int line) {
    if (a == b) {
      throw error(line, "edge '" + edgeText + "' joins '" + names.get(a) + "' to itself; remove the"
          + " self-loop (graphs here have none)");
    }
    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    Integer earlier = edgeLineByPair.putIfAbsent(key, line);
    if (earlier != null) {
      throw error(line, "a second edge joins '" + names.get(a) + "' and '" + names.get(b) + "'"
          + (earlier > 0 ? " (the first is on line " + earlier + ")" : "")
          + "; keep one edge per pair of nodes");
    }
    edges.add(new int[] {a, b, atA.ordinal(), atB.ordinal(), line});
    annotations.add(EdgeAnnotation.NONE);
    return edges.size() - 1;
  }

  void annotate(int edgeOrdinal, EdgeAnnotation annotation) {
    annotations.set(edgeOrdinal, annotation);
  }

  /** Builds the graph and checks that its marks fit the kind it claims. */
  AnnotatedGraph build(GraphKind kind) {
    MutableGraph g = new MutableGraph(names, kind);
    for (int v = 0; v < names.size(); v++) {
      g.setLatent(v, latent.get(v));
    }
    Endpoint[] marks = Endpoint.values();
    for (int[] e : edges) {
      g.setEdge(e[0], e[1], marks[e[2]], marks[e[3]]);
    }
    for (int[] e : edges) {
      checkKind(kind, e[0], e[1], marks[e[2]], marks[e[3]], e[4]);
    }
    if (kind == GraphKind.DAG || kind == GraphKind.MAG || kind == GraphKind.ADMG) {
      Graphs.findDirectedCycle(g).ifPresent(cycle -> {
        throw error(0, "the graph is labelled " + kind + " but has the directed cycle "
            + Graphs.describeCycle(g, cycle) + "; remove or reverse an edge, or label it GENERAL");
      });
    }
    Graph snap = g.snapshot();
    AnnotatedGraph.Builder b = AnnotatedGraph.builder(snap);
    for (int i = 0; i < edges.size(); i++) {
      if (!annotations.get(i).isEmpty()) {
        b.annotate(edges.get(i)[0], edges.get(i)[1], annotations.get(i));
      }
    }
    return b.build();
  }

  private void checkKind(GraphKind kind, int a, int b, Endpoint atA, Endpoint atB, int line) {
    boolean directed = (atA == Endpoint.TAIL && atB == Endpoint.ARROW)
        || (atA == Endpoint.ARROW && atB == Endpoint.TAIL);
    boolean ok = switch (kind) {
      case DAG -> directed;
      case CPDAG -> directed || (atA == Endpoint.TAIL && atB == Endpoint.TAIL);
      case MAG, ADMG -> directed || (atA == Endpoint.ARROW && atB == Endpoint.ARROW);
      case PAG, GENERAL -> true;
    };
    if (!ok) {
      String text = names.get(a) + " " + new Edge(a, b, atA, atB).symbol() + " " + names.get(b);
      throw error(line, "the graph is labelled " + kind + " but has the edge '" + text + "', which a "
          + kind + " cannot have; fix the edge or change the kind (e.g. to "
          + (kind == GraphKind.DAG ? "CPDAG, PAG or " : "PAG or ") + "GENERAL)");
    }
  }
}
