package dev.causal4j.graph.io;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tetrad's text graph format (what Tetrad's "Save Graph as text" writes and its text loader
 * reads), so that Tetrad users can bring graphs in and take them out:
 *
 * <pre>
 * Graph Nodes:
 * X1;X2;X3;(L1)
 *
 * Graph Edges:
 * 1. X1 --> X2
 * 2. X2 o-> X3
 * 3. L1 --> X3
 * </pre>
 *
 * <p>Nodes are separated by {@code ;} (Tetrad 7; older versions used {@code ,}, which is also
 * read); a latent node is written in parentheses. Edges are numbered from 1, one per line, as
 * {@code name mark-mark name}, ending at the first blank line.
 *
 * <p>Reading also accepts what Tetrad may append to an edge line: its edge properties ({@code dd},
 * {@code nl}, {@code pd}, {@code pl}) and bootstrap distributions ({@code [X1 --> X2]:0.8000;…}),
 * which are ignored, except {@code [edge]:p}, which becomes the edge's probability. Sections other
 * than nodes and edges ({@code Graph Attributes:}, {@code Ambiguous triples}, …) are skipped.
 * Selection nodes ({@code [S]}) have no counterpart in Causal4J and are refused.
 *
 * <p>The format has no graph kind: a graph read from it is {@link GraphKind#GENERAL} unless the
 * caller states one ({@link #readAnnotated(String, String, GraphKind)}). Writing drops edge
 * annotations: Tetrad's bootstrap notation carries a distribution over edge types, which a single
 * probability does not determine; use {@link GraphJson} to keep them.
 */
public final class TetradGraphText {
  private static final Pattern EDGE_LINE = Pattern.compile("^\\d+\\.\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)(.*)$");
  private static final Pattern EDGE_PROBABILITY = Pattern.compile("\\[edge\\]:\\s*([0-9.eE+-]+)");

  private TetradGraphText() {}

  /** Writes a graph the way Tetrad 7 does. */
  public static String write(Graph g) {
    StringBuilder sb = new StringBuilder(32 + 12 * g.size() + 24 * g.edgeCount());
    sb.append("Graph Nodes:\n");
    for (int v = 0; v < g.size(); v++) {
      String name = g.name(v);
      checkWritable(name);
      sb.append(v == 0 ? "" : ";");
      sb.append(g.isLatent(v) ? "(" + name + ")" : name);
    }
    sb.append("\n\nGraph Edges:\n");
    int k = 0;
    for (Edge e : g.edges()) {
      sb.append(++k).append(". ").append(g.name(e.from())).append(' ').append(e.symbol())
          .append(' ').append(g.name(e.to())).append('\n');
    }
    return sb.append('\n').toString();
  }

  private static void checkWritable(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || c == ';' || c == ',') {
        throw new InvalidInputException("node name '" + name + "' contains '" + c + "', which"
            + " Tetrad's text graph format cannot hold; rename the node or write JSON instead");
      }
    }
    if (name.startsWith("(") || name.startsWith("[")) {
      throw new InvalidInputException("node name '" + name + "' starts with a bracket, which"
          + " Tetrad's text graph format reads as a latent or selection mark; rename the node or"
          + " write JSON instead");
    }
  }

  public static Graph read(String text, String source) {
    return readAnnotated(text, source, GraphKind.GENERAL).graph();
  }

  /** Reads a graph, labelling it with {@code kind} (the format itself has none). */
  public static AnnotatedGraph readAnnotated(String text, String source, GraphKind kind) {
    GraphAssembler asm = new GraphAssembler(source);
    List<String> lines = text.lines().toList();
    boolean sawNodes = false;
    boolean sawEdges = false;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i).trim();
      if (line.equals("Graph Nodes:")) {
        if (sawNodes) {
          throw asm.error(i + 1, "a second 'Graph Nodes:' section; a file holds one graph");
        }
        sawNodes = true;
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          for (String token : lines.get(i).split("[,;]")) {
            node(asm, token.trim(), i + 1);
          }
          i++;
        }
      } else if (line.equals("Graph Edges:")) {
        if (!sawNodes) {
          throw asm.error(i + 1, "'Graph Edges:' comes before 'Graph Nodes:'; list the nodes first");
        }
        sawEdges = true;
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          edge(asm, lines.get(i).trim(), i + 1);
          i++;
        }
      } else {
        i++;
      }
    }
    if (!sawNodes) {
      throw asm.error(0, "no 'Graph Nodes:' line, so this is not a Tetrad text graph; save the"
          + " graph from Tetrad as text, or use JSON or an edge list");
    }
    if (!sawEdges) {
      throw asm.error(0, "no 'Graph Edges:' line; add it (followed by nothing for a graph without"
          + " edges)");
    }
    return asm.build(kind);
  }

  private static void node(GraphAssembler asm, String token, int line) {
    if (token.isEmpty()) {
      throw asm.error(line, "an empty node name (two separators in a row); remove the extra ';'");
    }
    if (token.startsWith("[") && token.endsWith("]")) {
      throw asm.error(line, "'" + token + "' is a selection node, which Causal4J does not model;"
          + " remove it or make it an ordinary node");
    }
    if (token.startsWith("(") && token.endsWith(")")) {
      asm.declareNode(token.substring(1, token.length() - 1).trim(), true, line);
    } else {
      asm.declareNode(token, false, line);
    }
  }

  private static void edge(GraphAssembler asm, String line, int lineNo) {
    Matcher m = EDGE_LINE.matcher(line);
    if (!m.matches()) {
      throw asm.error(lineNo, "'" + line + "' is not an edge line; write edges as '1. A --> B'");
    }
    String text = m.group(1) + " " + m.group(2) + " " + m.group(3);
    Endpoint[] marks = asm.parseSymbol(m.group(2), text, lineNo);
    int a = asm.requireNode(m.group(1), text, lineNo);
    int b = asm.requireNode(m.group(3), text, lineNo);
    int k = asm.addEdge(a, b, marks[0], marks[1], text, lineNo);
    Matcher pm = EDGE_PROBABILITY.matcher(m.group(4));
    if (pm.find()) {
      double p;
      try {
        p = Double.parseDouble(pm.group(1));
      } catch (NumberFormatException e) {
        throw asm.error(lineNo, "'[edge]:" + pm.group(1) + "' is not a probability");
      }
      if (!(p >= 0 && p <= 1)) {
        throw asm.error(lineNo, "edge probability " + pm.group(1) + " is not in [0, 1]");
      }
      asm.annotate(k, EdgeAnnotation.ofProbability(p));
    }
  }
}
