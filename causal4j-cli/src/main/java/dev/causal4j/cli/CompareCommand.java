package dev.causal4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.bench.metrics.Counts;
import dev.causal4j.bench.metrics.GraphComparison;
import dev.causal4j.bench.metrics.GraphMetrics;
import dev.causal4j.bench.metrics.Reference;
import dev.causal4j.bench.metrics.References;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.io.GraphFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j compare}: scores an estimated graph against a true one (adjacency and arrowhead
 * precision/recall/F1, SHD, and Causal-Copilot's optimistic directed F1 when the truth is a DAG).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score an estimated graph against the true graph.",
      "Graphs may be JSON, Tetrad text or edge lists. By default the estimate is scored against"
          + " the truth's CPDAG (its PAG when the truth has hidden variables); --reference dag"
          + " scores against the DAG itself. Time-series graphs (JSON with lags) are scored on"
          + " lagged links and on the summary graph."
    },
    footer = {
      "",
      "Example:",
      "  causal4j compare --truth sim1/truth.json --estimate pc.json",
      "  causal4j compare --truth truth.json --estimate est.txt --reference dag --format json"
    })
public final class CompareCommand implements Callable<Integer> {

  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;

  @Option(names = "--truth", required = true, paramLabel = "FILE",
      description = "The true graph (e.g. truth.json from 'causal4j simulate').")
  Path truthFile;

  @Option(names = "--estimate", required = true, paramLabel = "FILE",
      description = "The estimated graph.")
  Path estimateFile;

  @Option(names = "--reference", paramLabel = "cpdag|pag|dag", converter = ReferenceConverter.class,
      description = "What to score against (default: cpdag, or pag with hidden variables).")
  Reference reference;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class, description = "Output format (default: text).")
  Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (TimeSeriesCompare.isLagged(truthFile) || TimeSeriesCompare.isLagged(estimateFile)) {
      output.write(TimeSeriesCompare.run(this), spec.commandLine().getOut());
      return 0;
    }
    Graph truth = GraphFiles.read(truthFile);
    Graph estimate = GraphFiles.read(estimateFile);
    Reference ref = reference != null ? reference : References.defaultFor(truth);
    Graph refGraph = References.referenceFor(truth, ref);
    GraphComparison c = GraphMetrics.compare(refGraph, estimate);
    Optional<Counts> optimistic = truth.kind() == GraphKind.DAG
        ? Optional.of(GraphMetrics.optimisticDirected(truth, estimate)) : Optional.empty();
    String text = format == Format.JSON ? json(ref, refGraph, c, optimistic)
        : table(ref, refGraph, c, optimistic);
    output.write(text, spec.commandLine().getOut());
    return 0;
  }

  private String table(Reference ref, Graph refGraph, GraphComparison c, Optional<Counts> opt) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s scored against the %s of %s (%d nodes, %d edges)%n",
        estimateFile, ref, truthFile, refGraph.size(), refGraph.edgeCount()));
    sb.append(String.format(Locale.ROOT, "%-30s %6s %6s %6s %9s %7s %6s%n", "", "TP", "FP", "FN",
        "precision", "recall", "F1"));
    row(sb, "adjacency", c.adjacency());
    row(sb, "arrowhead", c.arrowhead());
    row(sb, "arrowhead (common edges)", c.arrowheadCommonEdges());
    opt.ifPresent(o -> row(sb, "optimistic directed (vs DAG)*", o));
    sb.append(String.format(Locale.ROOT, "SHD %d%n", c.shd()));
    opt.ifPresent(o -> sb.append("* Causal-Copilot's scoring: undirected, bidirected and circle"
        + " edges count as the true DAG's direction.\n"));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, Counts k) {
    sb.append(String.format(Locale.ROOT, "%-30s %6d %6d %6d %9s %7s %6s%n", name,
        k.truePositives(), k.falsePositives(), k.falseNegatives(), fmt(k.precision()),
        fmt(k.recall()), fmt(k.f1())));
  }

  private static String fmt(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
  }

  private String json(Reference ref, Graph refGraph, GraphComparison c, Optional<Counts> opt) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("truth", truthFile.toString());
    root.put("estimate", estimateFile.toString());
    root.put("reference", ref.name());
    root.put("nodes", refGraph.size());
    root.set("adjacency", counts(mapper, c.adjacency()));
    root.set("arrowhead", counts(mapper, c.arrowhead()));
    root.set("arrowhead_common_edges", counts(mapper, c.arrowheadCommonEdges()));
    root.put("shd", c.shd());
    opt.ifPresent(o -> root.set("optimistic_directed", counts(mapper, o)));
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode counts(ObjectMapper mapper, Counts k) {
    ObjectNode n = mapper.createObjectNode();
    n.put("tp", k.truePositives());
    n.put("fp", k.falsePositives());
    n.put("fn", k.falseNegatives());
    putRatio(n, "precision", k.precision());
    putRatio(n, "recall", k.recall());
    putRatio(n, "f1", k.f1());
    return n;
  }

  /** JSON has no NaN: an undefined ratio is null. */
  private static void putRatio(ObjectNode n, String key, double x) {
    if (Double.isNaN(x)) {
      n.putNull(key);
    } else {
      n.put(key, x);
    }
  }

  static final class ReferenceConverter implements picocli.CommandLine.ITypeConverter<Reference> {
    @Override
    public Reference convert(String value) {
      try {
        return Reference.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a reference; use cpdag, pag or dag");
      }
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use text or json");
      }
    }
  }
}
