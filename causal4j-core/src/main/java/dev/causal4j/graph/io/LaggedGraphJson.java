package dev.causal4j.graph.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The graph file of a time-series graph ({@link LaggedGraph}): {@link GraphJson}'s document with
 * a {@code "max_lag"} and a {@code "lag"} on every edge.
 *
 * <pre>{@code
 * {
 *   "kind": "CPDAG",
 *   "max_lag": 2,
 *   "nodes": ["X1", "X2", "X3"],
 *   "edges": [
 *     {"from": "X1", "to": "X1", "edge": "-->", "lag": 1},
 *     {"from": "X1", "to": "X2", "edge": "-->", "lag": 2, "weight": 0.41},
 *     {"from": "X2", "to": "X3", "edge": "---", "lag": 0}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code nodes} are the variables (not lagged nodes). An edge joins {@code from} at time {@code
 * t − lag} to {@code to} at time {@code t}: lag 0 is contemporaneous ({@code -->}, or {@code ---}
 * / {@code o-o} when unoriented), and a lagged edge may join a variable to itself
 * (autodependence); one pair may be joined at several lags. {@code edge} is read from {@code
 * from}'s side; a lagged edge must have its arrowhead at {@code to} (the later end). {@code
 * max_lag} (optional: the largest edge lag when absent) is the largest lag the graph speaks about,
 * so a true graph can say "no links beyond lag 3" even when it has none at lag 3. {@code kind},
 * {@code latent} (hidden series), {@code weight} and {@code probability} are as in {@link
 * GraphJson}; {@code stats}, {@code warnings} and {@code resampling}, which {@code causal4j
 * discover} writes beside a graph, are skipped.
 *
 * <p>The reader is strict: an unknown field, an edge without a lag, a lag out of range, a node not
 * listed, a duplicate link, a contemporaneous self-link or a mark the kind cannot have is an
 * {@link InvalidInputException} naming the file, the line and the fix.
 */
public final class LaggedGraphJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private LaggedGraphJson() {}

  /** Writes a graph without annotations. */
  public static String write(LaggedGraph graph) {
    return write(AnnotatedLaggedGraph.of(graph));
  }

  /** Writes a graph with its link annotations, one node list per line and one edge per line. */
  public static String write(AnnotatedLaggedGraph annotated) {
    LaggedGraph g = annotated.graph();
    StringBuilder sb = new StringBuilder(96 + 16 * g.size() + 64 * g.linkCount());
    sb.append("{\n  \"kind\": \"").append(g.kind().name()).append("\",\n  \"max_lag\": ")
        .append(g.maxLag()).append(",\n  ");
    GraphJson.appendNodes(sb, g.size(), g::variable, g::isLatent);
    sb.append(",\n  \"edges\": [");
    List<LaggedGraph.Link> links = g.links();
    for (int i = 0; i < links.size(); i++) {
      LaggedGraph.Link l = links.get(i);
      sb.append(i == 0 ? "\n    {\"from\": " : ",\n    {\"from\": ");
      GraphJson.quote(sb, g.variable(l.from()));
      sb.append(", \"to\": ");
      GraphJson.quote(sb, g.variable(l.to()));
      sb.append(", \"edge\": \"").append(l.symbol()).append("\", \"lag\": ").append(l.lag());
      EdgeAnnotation a = annotated.annotation(l);
      if (a.probability().isPresent()) {
        sb.append(", \"probability\": ").append(a.probability().getAsDouble());
      }
      if (a.weight().isPresent()) {
        sb.append(", \"weight\": ").append(a.weight().getAsDouble());
      }
      sb.append('}');
    }
    sb.append(links.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return sb.toString();
  }

  /** Reads a graph file from disk ({@code .json}). */
  public static AnnotatedLaggedGraph read(Path file) {
    String text = GraphFiles.readText(file);
    return read(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString());
  }

  /**
   * True if the text looks like a time-series graph file: a JSON object with a top-level {@code
   * "max_lag"}, or whose edges all carry a {@code "lag"} and that {@link GraphJson} cannot hold (a
   * self-link or two links between one pair). Cheap enough to decide which reader to use.
   */
  public static boolean isLaggedGraph(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean allLagged = true;
      boolean anyEdge = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("max_lag")) {
          return true;
        }
        if (field.equals("edges") && p.currentToken() == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            anyEdge = true;
            boolean lagged = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              lagged |= p.currentName().equals("lag");
              p.nextToken();
              p.skipChildren();
            }
            allLagged &= lagged;
          }
        } else {
          p.skipChildren();
        }
      }
      return anyEdge && allLagged;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads a time-series graph.
   *
   * @param source the file name (or other origin) used in messages
   */
  public static AnnotatedLaggedGraph read(String json, String source) {
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

  private static final class RawEdge {
    String from;
    String to;
    String symbol;
    Integer lag;
    OptionalDouble probability = OptionalDouble.empty();
    OptionalDouble weight = OptionalDouble.empty();
    int line;
  }

  private static final class Reader {
    private final JsonParser p;
    private final String source;

    Reader(JsonParser p, String source) {
      this.p = p;
      this.source = source;
    }

    InvalidInputException error(int line, String problem) {
      return new InvalidInputException((line > 0 ? source + ", line " + line : source) + ": "
          + problem);
    }

    InvalidInputException error(String problem) {
      return error(p.currentTokenLocation().getLineNr(), problem);
    }

    AnnotatedLaggedGraph document() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error("a time-series graph file must be a JSON object {\"kind\": …, \"max_lag\": …,"
            + " \"nodes\": […], \"edges\": […]}");
      }
      GraphKind kind = GraphKind.GENERAL;
      Integer maxLag = null;
      int maxLagLine = 0;
      List<String> nodes = null;
      List<String> latent = new ArrayList<>();
      List<RawEdge> edges = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "kind" -> {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
              throw error("\"kind\" must be a string such as \"DAG\", \"CPDAG\" or \"PAG\"");
            }
            try {
              kind = GraphKind.valueOf(p.getText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw error("unknown kind \"" + p.getText() + "\"; use DAG, CPDAG, MAG, PAG, ADMG"
                  + " or GENERAL");
            }
          }
          case "max_lag" -> {
            maxLagLine = p.currentTokenLocation().getLineNr();
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0
                || p.getLongValue() > 10_000) {
              throw error("\"max_lag\" must be a whole number from 0 to 10000; found "
                  + p.getText());
            }
            maxLag = p.getIntValue();
          }
          case "nodes" -> nodes = strings("nodes");
          case "latent" -> latent = strings("latent");
          case "edges" -> edges = edges();
          case "stats", "warnings", "resampling" -> p.skipChildren();
          default -> throw error("unknown field \"" + field + "\"; a time-series graph has"
              + " \"kind\", \"max_lag\", \"nodes\", \"latent\" and \"edges\"");
        }
      }
      if (p.nextToken() != null) {
        throw error("unexpected content after the graph object; a file holds one graph");
      }
      if (nodes == null) {
        throw error(0, "no \"nodes\" list; add \"nodes\": [\"X1\", \"X2\", …] (the variables)");
      }
      if (edges == null) {
        throw error(0, "no \"edges\" list; add \"edges\": [] for a graph without links");
      }
      int largest = 0;
      for (RawEdge e : edges) {
        largest = Math.max(largest, e.lag);
      }
      if (maxLag == null) {
        maxLag = largest;
      } else if (largest > maxLag) {
        for (RawEdge e : edges) {
          if (e.lag > maxLag) {
            throw error(e.line, "the edge has lag " + e.lag + ", beyond \"max_lag\": " + maxLag
                + (maxLagLine > 0 ? " (line " + maxLagLine + ")" : "") + "; raise max_lag or fix"
                + " the lag");
          }
        }
      }
      Map<String, Integer> index = new HashMap<>();
      for (int v = 0; v < nodes.size(); v++) {
        if (nodes.get(v).isEmpty()) {
          throw error(0, "a node has an empty name; give every variable a name");
        }
        if (index.put(nodes.get(v), v) != null) {
          throw error(0, "node '" + nodes.get(v) + "' is listed twice; list each variable once");
        }
      }
      LaggedGraph.Builder b;
      try {
        b = LaggedGraph.builder(nodes, maxLag).kind(kind);
      } catch (InvalidInputException e) {
        throw error(0, e.getMessage());
      }
      for (String name : latent) {
        Integer v = index.get(name);
        if (v == null) {
          throw error(0, "latent node '" + name + "' is not among the nodes; add it to \"nodes\""
              + " or remove it from \"latent\"");
        }
        b.latent(v, true);
      }
      Set<Long> seen = new HashSet<>();
      List<long[]> annotations = new ArrayList<>();
      List<RawEdge> annotated = new ArrayList<>();
      int pp = nodes.size();
      for (RawEdge e : edges) {
        String text = e.from + " " + e.symbol + " " + e.to + " (lag " + e.lag + ")";
        int a = node(index, e.from, text, e.line);
        int c = node(index, e.to, text, e.line);
        Endpoint[] marks;
        try {
          marks = Edge.parseSymbol(e.symbol);
        } catch (InvalidInputException ex) {
          throw error(e.line, "edge '" + text + "' has the unknown edge symbol '" + e.symbol
              + "'; use one of -->, <--, ---, <->, o->, <-o, o-o");
        }
        if (e.lag == 0 && a == c) {
          throw error(e.line, "edge '" + text + "' joins '" + e.from + "' to itself at lag 0; a"
              + " variable can depend on its own past (lag ≥ 1) but not on its present");
        }
        if (e.lag > 0 && marks[1] != Endpoint.ARROW) {
          throw error(e.line, "edge '" + text + "' has no arrowhead at '" + e.to + "', the later"
              + " end (time t; '" + e.from + "' is at t − " + e.lag + "); nothing causes its own"
              + " past: write it with '>' at \"to\", e.g. -->");
        }
        long key = e.lag == 0
            ? ((long) Math.min(a, c) * pp + Math.max(a, c))
            : ((long) e.lag * pp + a) * pp + c;
        if (!seen.add(key)) {
          throw error(e.line, "a second edge joins '" + e.from + "' and '" + e.to + "' at lag "
              + e.lag + "; keep one edge per pair and lag");
        }
        b.link(a, c, e.lag, marks[0], marks[1]);
        if (e.probability.isPresent() || e.weight.isPresent()) {
          annotations.add(new long[] {a, c, e.lag});
          annotated.add(e);
        }
      }
      LaggedGraph g;
      try {
        g = b.build();
      } catch (InvalidInputException ex) {
        throw error(0, ex.getMessage());
      }
      AnnotatedLaggedGraph.Builder ab = AnnotatedLaggedGraph.builder(g);
      for (int i = 0; i < annotations.size(); i++) {
        long[] k = annotations.get(i);
        RawEdge e = annotated.get(i);
        EdgeAnnotation ann = EdgeAnnotation.NONE;
        if (e.probability.isPresent()) {
          ann = ann.withProbability(e.probability.getAsDouble());
        }
        if (e.weight.isPresent()) {
          ann = ann.withWeight(e.weight.getAsDouble());
        }
        ab.annotate((int) k[0], (int) k[1], (int) k[2], ann);
      }
      return ab.build();
    }

    private int node(Map<String, Integer> index, String name, String edgeText, int line) {
      Integer v = index.get(name);
      if (v == null) {
        throw error(line, "edge '" + edgeText + "' names '" + name + "', which is not in the node"
            + " list; nodes are variables (give the lag in \"lag\", not in the name), and names"
            + " are case-sensitive");
      }
      return v;
    }

    List<String> strings(String field) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error("\"" + field + "\" must be a list of names, e.g. [\"X1\", \"X2\"]");
      }
      List<String> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw error("\"" + field + "\" must hold only names in quotes; found " + p.getText());
        }
        out.add(p.getText());
      }
      return out;
    }

    List<RawEdge> edges() throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error("\"edges\" must be a list of {\"from\": …, \"to\": …, \"edge\": …, \"lag\": …}"
            + " objects");
      }
      List<RawEdge> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw error("each edge must be an object {\"from\": \"X1\", \"to\": \"X2\", \"edge\":"
              + " \"-->\", \"lag\": 1}; found " + p.getText());
        }
        RawEdge e = new RawEdge();
        e.line = p.currentTokenLocation().getLineNr();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "from" -> e.from = string(field);
            case "to" -> e.to = string(field);
            case "edge" -> e.symbol = string(field);
            case "lag" -> {
              if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0
                  || p.getLongValue() > 10_000) {
                throw error("\"lag\" must be a whole number from 0 to 10000; found "
                    + p.getText());
              }
              e.lag = p.getIntValue();
            }
            case "probability" -> {
              if (!p.currentToken().isNumeric() || !(p.getDoubleValue() >= 0
                  && p.getDoubleValue() <= 1)) {
                throw error("\"probability\" must be a number in [0, 1]; found " + p.getText());
              }
              e.probability = OptionalDouble.of(p.getDoubleValue());
            }
            case "weight" -> {
              if (!p.currentToken().isNumeric()) {
                throw error("\"weight\" must be a number; found " + p.getText());
              }
              e.weight = OptionalDouble.of(p.getDoubleValue());
            }
            default -> throw error("unknown edge field \"" + field + "\"; an edge has \"from\","
                + " \"to\", \"edge\", \"lag\" and optionally \"probability\" and \"weight\"");
          }
        }
        if (e.from == null || e.to == null || e.symbol == null) {
          throw error(e.line, "an edge needs \"from\", \"to\", \"edge\" and \"lag\", e.g."
              + " {\"from\": \"X1\", \"to\": \"X2\", \"edge\": \"-->\", \"lag\": 1}");
        }
        if (e.lag == null) {
          throw error(e.line, "the edge " + e.from + " " + e.symbol + " " + e.to + " has no"
              + " \"lag\"; every edge of a time-series graph needs one (0 = contemporaneous)");
        }
        out.add(e);
      }
      return out;
    }

    String string(String field) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw error("edge field \"" + field + "\" must be a string; found " + p.getText());
      }
      return p.getText();
    }
  }
}
