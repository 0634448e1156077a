package dev.causal4j.graph.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Causal4J's own graph file: JSON of the form
 *
 * <pre>{@code
 * {
 *   "kind": "CPDAG",
 *   "nodes": ["A", "B", "C", "L"],
 *   "latent": ["L"],
 *   "edges": [
 *     {"from": "A", "to": "B", "edge": "-->"},
 *     {"from": "B", "to": "C", "edge": "---", "probability": 0.82},
 *     {"from": "L", "to": "C", "edge": "-->", "lag": 1}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code kind} is a {@link GraphKind} name (optional; {@code GENERAL} when absent). {@code edge}
 * is read from {@code from}'s side: {@code -->}, {@code ---}, {@code <->}, {@code o->}, {@code
 * o-o} (and {@code <--}, {@code <-o}, which the writer never produces: it writes every edge in
 * {@link Edge#canonical() canonical} form). {@code latent} (optional) lists hidden nodes of a true
 * graph. Per edge, {@code weight} (an estimated coefficient from the tail's node to the head's, as
 * LiNGAM gives), {@code probability} (in [0, 1], from resampling) and {@code lag} (an integer ≥
 * 0, for time series) are optional and survive a round trip through {@link AnnotatedGraph}.
 *
 * <p>What {@code causal4j discover --format json} writes adds {@code stats}, {@code warnings} and
 * {@code resampling} beside the graph; the reader skips those three, so a search result can be
 * given wherever a graph is expected.
 *
 * <p>A time-series graph (with {@code "max_lag"} and a lag on every edge, possibly several edges
 * per pair and self-links) is {@link LaggedGraphJson}'s; this reader refuses it with a message
 * saying so.
 *
 * <p>The reader is strict otherwise: an unknown field, a malformed document (reported with line and column),
 * an unknown edge symbol, an edge naming a node not in {@code nodes}, a duplicate node, a
 * self-loop, two edges between the same pair, or a mark the kind cannot have (an undirected edge
 * in a DAG) is an {@link InvalidInputException} naming the file, the line and the fix.
 */
public final class GraphJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private GraphJson() {}

  /** Writes a graph (no annotations). */
  public static String write(Graph graph) {
    return write(AnnotatedGraph.of(graph));
  }

  /** Writes a graph with its edge annotations. One node list per line, one edge per line. */
  public static String write(AnnotatedGraph annotated) {
    Graph g = annotated.graph();
    StringBuilder sb = new StringBuilder(64 + 16 * g.size() + 48 * g.edgeCount());
    sb.append("{\n  \"kind\": \"").append(g.kind().name()).append("\",\n  ");
    appendNodes(sb, g.size(), g::name, g::isLatent);
    sb.append(",\n  \"edges\": [");
    List<Edge> edges = g.edges();
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      sb.append(i == 0 ? "\n    {\"from\": " : ",\n    {\"from\": ");
      quote(sb, g.name(e.from()));
      sb.append(", \"to\": ");
      quote(sb, g.name(e.to()));
      sb.append(", \"edge\": \"").append(e.symbol()).append('"');
      EdgeAnnotation a = annotated.annotation(e.from(), e.to());
      if (a.probability().isPresent()) {
        sb.append(", \"probability\": ").append(a.probability().getAsDouble());
      }
      if (a.lag().isPresent()) {
        sb.append(", \"lag\": ").append(a.lag().getAsInt());
      }
      if (a.weight().isPresent()) {
        sb.append(", \"weight\": ").append(a.weight().getAsDouble());
      }
      sb.append('}');
    }
    sb.append(edges.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return sb.toString();
  }

  /**
   * Appends {@code "nodes": […]} and, when some nodes are hidden, {@code ,\n  "latent": […]}: the
   * node part shared by this format and {@link LaggedGraphJson}.
   */
  static void appendNodes(StringBuilder sb, int size, IntFunction<String> name,
      IntPredicate latent) {
    sb.append("\"nodes\": [");
    for (int v = 0; v < size; v++) {
      sb.append(v == 0 ? "" : ", ");
      quote(sb, name.apply(v));
    }
    sb.append(']');
    boolean anyLatent = false;
    for (int v = 0; v < size; v++) {
      if (latent.test(v)) {
        sb.append(anyLatent ? ", " : ",\n  \"latent\": [");
        quote(sb, name.apply(v));
        anyLatent = true;
      }
    }
    if (anyLatent) {
      sb.append(']');
    }
  }

  /** Appends {@code s} as a JSON string. */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }

  /** Reads a graph; annotations, if any, are dropped. */
  public static Graph read(String json, String source) {
    return readAnnotated(json, source).graph();
  }

  /**
   * Reads a graph with its edge annotations.
   *
   * @param source the file name (or other origin) used in error messages
   */
  public static AnnotatedGraph readAnnotated(String json, String source) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return new Reader(p, source).document();
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? source
          : source + ", line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InvalidInputException(where + ": malformed JSON (" + e.getOriginalMessage()
          + "); fix the syntax, e.g. a missing comma, quote or bracket", e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private static final class Reader {
    private final JsonParser p;
    private final GraphAssembler asm;
    private final String source;

    Reader(JsonParser p, String source) {
      this.p = p;
      this.source = source;
      this.asm = new GraphAssembler(source);
    }

    int line() {
      return p.currentTokenLocation().getLineNr();
    }

    InvalidInputException error(String problem) {
      return asm.error(line(), problem);
    }

    AnnotatedGraph document() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error("a graph file must be a JSON object {\"kind\": …, \"nodes\": […], \"edges\":"
            + " […]}; see the format in the documentation of GraphJson");
      }
      GraphKind kind = GraphKind.GENERAL;
      boolean sawNodes = false;
      boolean sawEdges = false;
      List<String> latentNames = new ArrayList<>();
      List<Integer> latentLines = new ArrayList<>();
      List<RawEdge> rawEdges = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "kind" -> kind = kind();
          case "nodes" -> {
            sawNodes = true;
            for (String[] n : strings("nodes")) {
              asm.declareNode(n[0], false, Integer.parseInt(n[1]));
            }
          }
          case "latent" -> {
            for (String[] n : strings("latent")) {
              latentNames.add(n[0]);
              latentLines.add(Integer.parseInt(n[1]));
            }
          }
          case "edges" -> {
            sawEdges = true;
            edges(rawEdges);
          }
          case "stats", "warnings", "resampling" -> p.skipChildren();
          case "max_lag" -> throw error("this is a time-series graph (it has \"max_lag\" and lagged"
              + " edges), which an ordinary graph cannot hold; give it where a time-series graph is"
              + " expected (it is read by LaggedGraphJson)");
          default -> throw error("unknown field \"" + field + "\"; a graph has \"kind\", \"nodes\","
              + " \"latent\" and \"edges\"");
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw error("expected a field name or '}'");
      }
      if (p.nextToken() != null) {
        throw error("unexpected content after the graph object; a file holds one graph");
      }
      if (!sawNodes) {
        throw asm.error(0, "no \"nodes\" list; add \"nodes\": [\"A\", \"B\", …]");
      }
      if (!sawEdges) {
        throw asm.error(0, "no \"edges\" list; add \"edges\": [] for a graph without edges");
      }
      for (int i = 0; i < latentNames.size(); i++) {
        asm.markLatent(latentNames.get(i), latentLines.get(i));
      }
      for (RawEdge e : rawEdges) {
        String text = e.from + " " + e.symbol + " " + e.to;
        int a = asm.requireNode(e.from, text, e.line);
        int b = asm.requireNode(e.to, text, e.line);
        Endpoint[] marks = asm.parseSymbol(e.symbol, text, e.line);
        int k = asm.addEdge(a, b, marks[0], marks[1], text, e.line);
        if (e.annotation != null) {
          asm.annotate(k, e.annotation);
        }
      }
      return asm.build(kind);
    }

    GraphKind kind() throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw error("\"kind\" must be a string, one of " + kinds());
      }
      try {
        return GraphKind.valueOf(p.getText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error("unknown kind \"" + p.getText() + "\"; use one of " + kinds());
      }
    }

    private String kinds() {
      StringBuilder sb = new StringBuilder();
      for (GraphKind k : GraphKind.values()) {
        sb.append(sb.length() == 0 ? "" : ", ").append(k.name());
      }
      return sb.toString();
    }

    /** A JSON array of strings, each with its line. */
    List<String[]> strings(String field) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error("\"" + field + "\" must be a list of names, e.g. [\"A\", \"B\"]");
      }
      List<String[]> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw error("\"" + field + "\" must hold only names in quotes; found " + p.getText());
        }
        out.add(new String[] {p.getText(), Integer.toString(line())});
      }
      return out;
    }

    void edges(List<RawEdge> out) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error("\"edges\" must be a list of {\"from\": …, \"to\": …, \"edge\": …} objects");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw error("each edge must be an object {\"from\": \"A\", \"to\": \"B\", \"edge\":"
              + " \"-->\"}; found " + p.getText());
        }
        RawEdge e = new RawEdge();
        e.line = line();
        OptionalDouble prob = OptionalDouble.empty();
        OptionalInt lag = OptionalInt.empty();
        OptionalDouble weight = OptionalDouble.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "from" -> e.from = edgeString(field);
            case "to" -> e.to = edgeString(field);
            case "edge" -> e.symbol = edgeString(field);
            case "probability" -> {
              if (!p.currentToken().isNumeric()) {
                throw error("\"probability\" must be a number in [0, 1]; found " + p.getText());
              }
              double v = p.getDoubleValue();
              if (!(v >= 0 && v <= 1)) {
                throw error("\"probability\" must be in [0, 1]; found " + p.getText());
              }
              prob = OptionalDouble.of(v);
            }
            case "lag" -> {
              if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0
                  || p.getLongValue() > Integer.MAX_VALUE) {
                throw error("\"lag\" must be a whole number ≥ 0; found " + p.getText());
              }
              lag = OptionalInt.of(p.getIntValue());
            }
            case "weight" -> {
              if (!p.currentToken().isNumeric()) {
                throw error("\"weight\" must be a number; found " + p.getText());
              }
              weight = OptionalDouble.of(p.getDoubleValue());
            }
            default -> throw error("unknown edge field \"" + field + "\"; an edge has \"from\","
                + " \"to\", \"edge\" and optionally \"probability\", \"lag\" and \"weight\"");
          }
        }
        if (e.from == null || e.to == null || e.symbol == null) {
          throw asm.error(e.line, "an edge needs \"from\", \"to\" and \"edge\", e.g. {\"from\":"
              + " \"A\", \"to\": \"B\", \"edge\": \"-->\"}");
        }
        if (prob.isPresent() || lag.isPresent() || weight.isPresent()) {
          e.annotation = new EdgeAnnotation(prob, lag, weight);
        }
        out.add(e);
      }
    }

    String edgeString(String field) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw error("edge field \"" + field + "\" must be a string; found " + p.getText());
      }
      return p.getText();
    }

    @Override
    public String toString() {
      return "GraphJson reader of " + source;
    }
  }

  private static final class RawEdge {
    String from;
    String to;
    String symbol;
    int line;
    EdgeAnnotation annotation;
  }
}
