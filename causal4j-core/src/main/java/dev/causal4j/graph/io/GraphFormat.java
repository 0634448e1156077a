package dev.causal4j.graph.io;

import java.util.Locale;
import java.util.Optional;

/** The graph file formats Causal4J reads and writes. */
public enum GraphFormat {
  /** {@link GraphJson}: Causal4J's own format, the only one that keeps kind, latents and annotations. */
  JSON,
  /** {@link TetradGraphText}: Tetrad's "Graph Nodes: / Graph Edges:" text. */
  TETRAD_TEXT,
  /** {@link EdgeListText}: {@code A --> B}, one edge per line. */
  EDGE_LIST,
  /** {@link DotWriter}: Graphviz, for pictures; written, never read. */
  DOT;

  /** True for the formats that can be read. */
  public boolean isReadable() {
    return this != DOT;
  }

  /**
   * The format a file name implies: {@code .json}; {@code .dot} or {@code .gv}; {@code .edges} or
   * {@code .edgelist}; {@code .tetrad}. Other extensions ({@code .txt} among them, which both
   * Tetrad text and edge lists use) imply none: readers then look at the content.
   */
  public static Optional<GraphFormat> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".dot") || name.endsWith(".gv")) {
      return Optional.of(DOT);
    }
    if (name.endsWith(".edges") || name.endsWith(".edgelist")) {
      return Optional.of(EDGE_LIST);
    }
    if (name.endsWith(".tetrad")) {
      return Optional.of(TETRAD_TEXT);
    }
    return Optional.empty();
  }

  /**
   * The format of a file's content: JSON if it starts with <code>{</code>, Tetrad text if a line
   * reads {@code Graph Nodes:}, DOT if it starts with {@code digraph}/{@code graph}, otherwise an
   * edge list.
   */
  public static GraphFormat detect(String content) {
    String t = content.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).stripLeading();
    }
    if (t.startsWith("{")) {
      return JSON;
    }
    if (t.startsWith("digraph") || t.startsWith("strict digraph")) {
      return DOT;
    }
    for (String line : (Iterable<String>) t.lines()::iterator) {
      if (line.trim().equals("Graph Nodes:")) {
        return TETRAD_TEXT;
      }
    }
    return EDGE_LIST;
  }
}
