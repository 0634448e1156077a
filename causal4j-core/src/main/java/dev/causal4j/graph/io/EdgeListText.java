package dev.causal4j.graph.io;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import java.util.List;
import java.util.Locale;

/**
 * The plainest graph file: one edge per line, {@code A --> B}, easy to write by hand.
 *
 * <pre>
 * # kind: CPDAG
 * A --> B
 * B --- C
 * (L) --> C
 * D
 * </pre>
 *
 * <ul>
 *   <li>Fields are separated by white space, so node names cannot contain any.
 *   <li>Edge symbols: {@code -->}, {@code <--}, {@code ---}, {@code <->}, {@code o->}, {@code
 *       <-o}, {@code o-o}.
 *   <li>A line holding a single name declares a node without edges (isolated nodes would
 *       otherwise be lost); the writer lists them after the edges.
 *   <li>A latent node is written in parentheses, {@code (L)}, wherever it appears.
 *   <li>{@code #} starts a comment, to the end of the line. One comment is read: {@code # kind:
 *       CPDAG} labels the graph (a {@link GraphKind} name); without it the graph is {@code
 *       GENERAL}. The writer puts that line first.
 *   <li>Nodes are numbered in the order they first appear. Edge annotations are not written; use
 *       {@link GraphJson} to keep them.
 * </ul>
 */
public final class EdgeListText {
  private EdgeListText() {}

  public static String write(Graph g) {
    StringBuilder sb = new StringBuilder(32 + 24 * g.edgeCount() + 8 * g.size());
    sb.append("# kind: ").append(g.kind().name()).append('\n');
    boolean[] written = new boolean[g.size()];
    // The reader numbers nodes by first appearance, so node order may change on a round trip;
    // graphs compare equal regardless of node order.
    for (Edge e : g.edges()) {
      sb.append(token(g, e.from())).append(' ').append(e.symbol()).append(' ')
          .append(token(g, e.to())).append('\n');
      written[e.from()] = true;
      written[e.to()] = true;
    }
    for (int v = 0; v < g.size(); v++) {
      if (!written[v]) {
        sb.append(token(g, v)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String token(Graph g, int v) {
    String name = g.name(v);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || c == '#') {
        throw new InvalidInputException("node name '" + name + "' contains '" + c + "', which an"
            + " edge list cannot hold; rename the node or write JSON instead");
      }
    }
    if (name.startsWith("(")) {
      throw new InvalidInputException("node name '" + name + "' starts with '(', which an edge"
          + " list reads as a latent mark; rename the node or write JSON instead");
    }
    return g.isLatent(v) ? "(" + name + ")" : name;
  }

  public static Graph read(String text, String source) {
    return readAnnotated(text, source).graph();
  }

  /** Reads an edge list (annotations are always empty; the type matches the other readers). */
  public static AnnotatedGraph readAnnotated(String text, String source) {
    GraphAssembler asm = new GraphAssembler(source);
    GraphKind kind = GraphKind.GENERAL;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      int hash = line.indexOf('#');
      if (hash >= 0) {
        String comment = line.substring(hash + 1).trim();
        if (comment.regionMatches(true, 0, "kind:", 0, 5)) {
          String k = comment.substring(5).trim();
          try {
            kind = GraphKind.valueOf(k.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw asm.error(lineNo, "unknown kind '" + k + "'; use DAG, CPDAG, MAG, PAG, ADMG or"
                + " GENERAL");
          }
        }
        line = line.substring(0, hash);
      }
      String[] f = line.trim().split("\\s+");
      if (f.length == 1 && f[0].isEmpty()) {
        continue;
      }
      if (f.length == 1) {
        nodeToken(asm, f[0], lineNo);
      } else if (f.length == 3) {
        String text3 = f[0] + " " + f[1] + " " + f[2];
        Endpoint[] marks = asm.parseSymbol(f[1], text3, lineNo);
        int a = nodeToken(asm, f[0], lineNo);
        int b = nodeToken(asm, f[2], lineNo);
        asm.addEdge(a, b, marks[0], marks[1], text3, lineNo);
      } else {
        throw asm.error(lineNo, "'" + line.trim() + "' is neither an edge 'A --> B' nor a single"
            + " node name; node names cannot contain spaces");
      }
    }
    return asm.build(kind);
  }

  private static int nodeToken(GraphAssembler asm, String token, int line) {
    boolean latent = token.length() > 2 && token.startsWith("(") && token.endsWith(")");
    return asm.nodeSeen(latent ? token.substring(1, token.length() - 1) : token, latent, line);
  }
}
