package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.metrics.Counts;
import dev.causal4j.bench.metrics.LaggedGraphComparison;
import dev.causal4j.bench.metrics.LaggedGraphMetrics;
import dev.causal4j.bench.metrics.Reference;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.TimeSeriesCpdag;
import dev.causal4j.graph.io.LaggedGraphJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code compare} for time-series graphs (JSON with a {@code "lag"} on every edge): precision,
 * recall and F1 on lagged links, with and without the orientation of contemporaneous links, and
 * on the summary graph ({@link LaggedGraphMetrics}). The truth is a time-series DAG, scored by
 * default through its time-series CPDAG, or as it is with {@code --reference dag}.
 */
final class TimeSeriesCompare {
  private TimeSeriesCompare() {}

  /** True if {@code file} holds a time-series graph; false for anything else, unreadable too. */
  static boolean isLagged(Path file) {
    try {
      return Files.isRegularFile(file) && LaggedGraphJson.isLaggedGraph(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Scores {@code c}'s estimate against its truth; both must be time-series graphs. */
  static String run(CompareCommand c) {
    for (Path f : new Path[] {c.truthFile, c.estimateFile}) {
      if (!isLagged(f)) {
        throw new InvalidInputException(f + " is not a time-series graph, but the other file is;"
            + " compare a time-series graph with a time-series graph (JSON with a \"lag\" on"
            + " every edge, as discover writes for pcmci and the other time-series algorithms)");
      }
    }
    LaggedGraph truth = LaggedGraphJson.read(c.truthFile).graph();
    LaggedGraph estimate = LaggedGraphJson.read(c.estimateFile).graph();
    Reference ref = c.reference == null ? Reference.CPDAG : c.reference;
    boolean hidden = false;
    for (int v = 0; v < truth.size(); v++) {
      hidden |= truth.isLatent(v);
    }
    if (ref == Reference.PAG || ref == Reference.CPDAG && hidden && c.reference != null) {
      throw new InvalidInputException("--reference " + ref.name().toLowerCase(Locale.ROOT)
          + " is not available for time-series graphs"
          + (hidden ? " with hidden series" : "") + "; use --reference dag");
    }
    if (hidden) {
      ref = Reference.DAG;
    }
    LaggedGraph reference = ref == Reference.CPDAG && truth.kind() == GraphKind.DAG
        ? TimeSeriesCpdag.of(truth) : truth.observedPart();
    LaggedGraphComparison cmp = LaggedGraphMetrics.compare(reference, estimate);
    String refName = ref == Reference.CPDAG ? "time-series CPDAG" : "observed time-series DAG";
    if (c.format == CompareCommand.Format.JSON) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("truth", c.truthFile.toString());
      root.put("estimate", c.estimateFile.toString());
      root.put("reference", hidden ? "DAG (observed part; the truth has hidden series)"
          : ref.name());
      root.put("variables", reference.size());
      counts(root.putObject("links"), cmp.links());
      counts(root.putObject("oriented_links"), cmp.orientedLinks());
      counts(root.putObject("summary_adjacency"), cmp.summaryAdjacency());
      counts(root.putObject("summary_directed"), cmp.summaryDirected());
      try {
        return mapper.writeValueAsString(root) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s scored against the %s of %s (%d variables, %d"
        + " links%s)%n", c.estimateFile, refName, c.truthFile, reference.size(),
        reference.linkCount(), hidden ? "; hidden series left out" : ""));
    sb.append(String.format(Locale.ROOT, "%-34s %6s %6s %6s %9s %7s %6s%n", "", "TP", "FP", "FN",
        "precision", "recall", "F1"));
    row(sb, "lagged links", cmp.links());
    row(sb, "lagged links, oriented at lag 0", cmp.orientedLinks());
    row(sb, "summary adjacency", cmp.summaryAdjacency());
    row(sb, "summary directed", cmp.summaryDirected());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, Counts k) {
    sb.append(String.format(Locale.ROOT, "%-34s %6d %6d %6d %9s %7s %6s%n", name,
        k.truePositives(), k.falsePositives(), k.falseNegatives(), fmt(k.precision()),
        fmt(k.recall()), fmt(k.f1())));
  }

  private static String fmt(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
  }

  private static void counts(ObjectNode n, Counts k) {
    n.put("tp", k.truePositives()).put("fp", k.falsePositives()).put("fn", k.falseNegatives());
    for (String key : new String[] {"precision", "recall", "f1"}) {
      double x = key.equals("precision") ? k.precision() : key.equals("recall") ? k.recall()
          : k.f1();
      if (Double.isNaN(x)) {
        n.putNull(key);
      } else {
        n.put(key, x);
      }
    }
  }
}
