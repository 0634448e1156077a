package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.DataChecks;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.discovery.resampling.EdgeFrequencies;
import dev.causal4j.discovery.resampling.Resampling;
import dev.causal4j.discovery.resampling.ResamplingResult;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.AnnotatedGraph;
import dev.causal4j.graph.io.EdgeAnnotation;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import dev.causal4j.independence.DSeparationOracle;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.knowledge.KnowledgeFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j discover}: learn a causal graph from a data file with a chosen algorithm, and
 * write it as text, JSON, DOT or Tetrad text; optionally bootstrap it for edge probabilities.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Learn a causal graph from data. Constraint-based algorithms take a conditional-independence"
          + " test (--test; by default fisher-z for continuous data, g-square for categorical,"
          + " cg for mixed).",
      ""
    },
    footer = {
      "",
      "Algorithms:",
      "  pc          PC (Spirtes et al. 2000): order-dependent skeleton, then colliders and Meek's"
          + " rules",
      "  pc-stable   PC-stable (Colombo & Maathuis 2014): same, order-independent and parallel",
      "  cpc         conservative PC (Ramsey et al. 2006): leaves ambiguous triples unoriented",
      "",
      "Output: a CPDAG for the PC family (--> compelled, --- either direction). With --bootstrap B"
          + " each edge carries the fraction of B resampled runs that had it.",
      "",
      "Examples:",
      "  causal4j discover examples/sachs.csv",
      "  causal4j discover --algorithm pc-stable --alpha 0.001 --format json --out g.json data.csv",
      "  causal4j discover --bootstrap 100 --threshold 0.6 examples/sachs.csv",
      "  causal4j discover --knowledge tiers.txt --collider-rule max-p data.csv",
      "  causal4j discover --algorithm pc --test oracle --truth truth.json"
    })
public final class DiscoverCommand implements Callable<Integer> {

  /** The algorithms this command runs. */
  enum Algorithm {
    PC("pc"),
    PC_STABLE("pc-stable"),
    CPC("cpc");

    final String label;

    Algorithm(String label) {
      this.label = label;
    }
  }

  /** How the result is written. */
  enum Format {
    TEXT,
    JSON,
    DOT,
    TETRAD
  }

  @Option(
      names = "--algorithm",
      paramLabel = "NAME",
      defaultValue = "pc-stable",
      converter = AlgorithmConverter.class,
      description = "pc, pc-stable or cpc (default: ${DEFAULT-VALUE}).")
  Algorithm algorithm;

  @Mixin TestOptions tests;

  @Option(
      names = "--truth",
      paramLabel = "FILE",
      description = "With --test oracle: the true graph (JSON, Tetrad text or edge list); its"
          + " \"latent\" nodes are hidden from the search. No data file is needed.")
  Path truth;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.01",
      description = "Significance level of the tests (default: ${DEFAULT-VALUE}); smaller values"
          + " give sparser graphs, and large p calls for smaller values.")
  double alpha;

  @Option(
      names = "--depth",
      paramLabel = "D",
      defaultValue = "-1",
      description = "Largest conditioning set tried; -1 for no limit (default).")
  int depth;

  @Option(
      names = "--collider-rule",
      paramLabel = "RULE",
      converter = ColliderRuleConverter.class,
      description = "sepsets (PC's rule), conservative (cpc's) or max-p (Ramsey 2016);"
          + " default: conservative for cpc, sepsets otherwise.")
  Pc.ColliderRule colliderRule;

  @Option(
      names = "--conflict-rule",
      paramLabel = "RULE",
      defaultValue = "prioritize-existing",
      converter = ConflictRuleConverter.class,
      description = "When colliders disagree: prioritize-existing (default), orient-bidirected or"
          + " overwrite.")
  Pc.ConflictRule conflictRule;

  @Option(
      names = "--knowledge",
      paramLabel = "FILE",
      description = "Background knowledge: tiers, required and forbidden edges (Tetrad's text"
          + " format or JSON; see the README).")
  Path knowledgeFile;

  @Option(
      names = "--bootstrap",
      paramLabel = "B",
      description = "Run the search on B bootstrap samples and report edge probabilities.")
  Integer bootstrap;

  @Option(
      names = "--subsample",
      paramLabel = "F",
      description = "With --bootstrap: draw a fraction F of the rows without replacement instead.")
  Double subsample;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      defaultValue = "0.5",
      description = "With --bootstrap: keep pairs adjacent in at least this fraction of the runs"
          + " (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all processors); the result does not depend on it.")
  Integer threads;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "0",
      description = "Seed for bootstrap samples and randomised tests (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (default), json, dot or tetrad.")
  Format format;

  @Mixin DataOptions data;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int nThreads = threads == null ? Parallel.availableThreads() : threads;
    if (nThreads < 1) {
      throw new InvalidInputException("--threads must be at least 1; got " + nThreads);
    }
    AtomicBoolean finished = new AtomicBoolean();
    Thread onInterrupt = new Thread(() -> {
      if (!finished.get()) {
        System.err.println("causal4j discover: cancelled; nothing was written");
      }
    });
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      String text = run(nThreads);
      output.write(text, spec.commandLine().getOut());
      return 0;
    } finally {
      finished.set(true);
    }
  }

  private String run(int nThreads) {
    Knowledge knowledge = knowledgeFile == null ? Knowledge.empty()
        : KnowledgeFile.read(knowledgeFile);
    if (tests.test == TestOptions.Test.ORACLE) {
      if (truth == null) {
        throw new InvalidInputException("--test oracle needs the true graph: add --truth FILE");
      }
      if (bootstrap != null) {
        throw new InvalidInputException("--bootstrap resamples data; an oracle has none to"
            + " resample, so drop --bootstrap");
      }
      Graph trueGraph = GraphFiles.read(truth);
      DiscoveryResult r = search(new DSeparationOracle(trueGraph), knowledge, nThreads);
      return render(AnnotatedGraph.of(r.graph()), r, null, "d-separation in " + truth);
    }
    if (truth != null) {
      throw new InvalidInputException(
          "--truth is only used with --test oracle; compare a result with the truth using"
              + " causal4j compare --truth " + truth + " --estimate RESULT");
    }
    Dataset d = data.loadForAnalysis();
    if (d.rows() < 2) {
      throw new InvalidInputException(d.source().orElse("the data") + " has " + d.rows()
          + " row(s); discovery needs many more (hundreds at least)");
    }
    DataChecks.requireNoConstantColumns(d);
    TestOptions.Test chosen = tests.chosen(d);
    String source = data.sql().map(q -> "SQL query").orElse(d.source().orElse("data"));
    String on = source + " (" + d.rows() + " rows × " + d.columns() + " variables), "
        + chosen.label;
    if (bootstrap == null) {
      if (subsample != null) {
        throw new InvalidInputException("--subsample sets how --bootstrap draws its samples; add"
            + " --bootstrap B");
      }
      DiscoveryResult r = search(tests.build(chosen, d, seed, nThreads), knowledge, nThreads);
      return render(AnnotatedGraph.of(r.graph()), r, null, on);
    }
    Function<Dataset, DiscoveryResult> once =
        sample -> search(tests.build(chosen, sample, seed, 1), knowledge, 1);
    Resampling.Builder rb = Resampling.builder(once).samples(bootstrap).threshold(threshold)
        .seed(seed).threads(nThreads);
    if (subsample != null) {
      rb.method(Resampling.Method.SUBSAMPLE).subsampleFraction(subsample);
    }
    ResamplingResult rr = rb.build().run(d);
    DiscoveryResult full = search(tests.build(chosen, d, seed, nThreads), knowledge, nThreads);
    return render(rr.ensemble(), full, rr, on);
  }

  private DiscoveryResult search(IndependenceTest test, Knowledge knowledge, int nThreads) {
    Pc.ColliderRule rule = colliderRule != null ? colliderRule
        : algorithm == Algorithm.CPC ? Pc.ColliderRule.CONSERVATIVE : Pc.ColliderRule.SEPSETS;
    return Pc.builder(test).alpha(alpha).depth(depth).stable(algorithm != Algorithm.PC)
        .colliderRule(rule).conflictRule(conflictRule).knowledge(knowledge).threads(nThreads)
        .build().search();
  }

  /**
   * The result in the chosen format. With resampling, the graph is the ensemble (with edge
   * probabilities) and {@code full} is the search on all the data, whose stats are reported.
   */
  private String render(AnnotatedGraph graph, DiscoveryResult full, ResamplingResult rr,
      String on) {
    return switch (format) {
      case DOT -> GraphFiles.format(graph, GraphFormat.DOT);
      case TETRAD -> GraphFiles.format(graph, GraphFormat.TETRAD_TEXT);
      case JSON -> json(graph, full, rr);
      case TEXT -> text(graph, full, rr, on);
    };
  }

  private String text(AnnotatedGraph annotated, DiscoveryResult full, ResamplingResult rr,
      String on) {
    Graph g = annotated.graph();
    StringBuilder sb = new StringBuilder();
    sb.append(full.stats().algorithm()).append(" on ").append(on).append('\n');
    sb.append(g.kind()).append(" with ").append(g.edgeCount()).append(" edge")
        .append(g.edgeCount() == 1 ? "" : "s").append(rr == null ? ""
            : String.format(Locale.ROOT, " (ensemble of %d bootstrap runs, threshold %s)",
                rr.succeeded(), number(threshold)))
        .append(":\n");
    int fromWidth = 0;
    int toWidth = 0;
    for (Edge e : g.edges()) {
      fromWidth = Math.max(fromWidth, g.name(e.from()).length());
      toWidth = Math.max(toWidth, g.name(e.to()).length());
    }
    for (Edge e : g.edges()) {
      sb.append("  ").append(pad(g.name(e.from()), fromWidth)).append(' ').append(e.symbol())
          .append(' ');
      EdgeAnnotation a = annotated.annotation(e.from(), e.to());
      if (a.probability().isPresent()) {
        sb.append(pad(g.name(e.to()), toWidth))
            .append(String.format(Locale.ROOT, "  %.2f", a.probability().getAsDouble()));
      } else {
        sb.append(g.name(e.to()));
      }
      sb.append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%s tests in %d ms", grouped(full.stats().testsPerformed()),
        full.stats().elapsedMillis()));
    String depthReached = full.stats().parameters().get("depth_reached");
    if (depthReached != null) {
      sb.append(" (largest conditioning set ").append(depthReached).append(')');
    }
    sb.append('\n');
    for (String w : full.warnings()) {
      sb.append("note: ").append(w).append('\n');
    }
    if (rr != null) {
      for (String w : rr.warnings()) {
        sb.append("note: ").append(w).append('\n');
      }
    }
    return sb.toString();
  }

  private String json(AnnotatedGraph graph, DiscoveryResult full, ResamplingResult rr) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(GraphFiles.format(graph, GraphFormat.JSON));
      ObjectNode stats = root.putObject("stats");
      stats.put("algorithm", full.stats().algorithm());
      stats.put("tests", full.stats().testsPerformed());
      stats.put("score_evaluations", full.stats().scoreEvaluations());
      stats.put("elapsed_ms", full.stats().elapsedMillis());
      ObjectNode params = stats.putObject("parameters");
      for (Map.Entry<String, String> e : full.stats().parameters().entrySet()) {
        params.put(e.getKey(), e.getValue());
      }
      if (tests.test != TestOptions.Test.ORACLE) {
        params.put("seed", Long.toString(seed));
      }
      ArrayNode warnings = root.putArray("warnings");
      full.warnings().forEach(warnings::add);
      if (rr != null) {
        rr.warnings().forEach(warnings::add);
        ObjectNode res = root.putObject("resampling");
        res.put("method", subsample == null ? "bootstrap" : "subsample");
        res.put("samples", rr.samples());
        res.put("succeeded", rr.succeeded());
        if (subsample != null) {
          res.put("fraction", subsample);
        }
        res.put("threshold", threshold);
        res.put("elapsed_ms", rr.elapsedMillis());
        ArrayNode pairs = res.putArray("pairs");
        Graph g = graph.graph();
        for (EdgeFrequencies f : rr.pairs()) {
          ObjectNode o = pairs.addObject();
          o.put("a", g.name(f.a()));
          o.put("b", g.name(f.b()));
          o.put("adjacent", f.adjacency());
          ObjectNode by = o.putObject("edges");
          f.bySymbol().forEach(by::put);
        }
      }
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String number(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static final class AlgorithmConverter implements CommandLine.ITypeConverter<Algorithm> {
    @Override
    public Algorithm convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (Algorithm a : Algorithm.values()) {
        if (a.label.equals(v)) {
          return a;
        }
      }
      StringBuilder names = new StringBuilder();
      for (Algorithm a : Algorithm.values()) {
        names.append(names.length() == 0 ? "" : ", ").append(a.label);
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an algorithm; use one of " + names);
    }
  }

  static final class ColliderRuleConverter implements CommandLine.ITypeConverter<Pc.ColliderRule> {
    @Override
    public Pc.ColliderRule convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "sepsets" -> Pc.ColliderRule.SEPSETS;
        case "conservative" -> Pc.ColliderRule.CONSERVATIVE;
        case "max-p" -> Pc.ColliderRule.MAX_P;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a collider rule; use sepsets, conservative or max-p");
      };
    }
  }

  static final class ConflictRuleConverter implements CommandLine.ITypeConverter<Pc.ConflictRule> {
    @Override
    public Pc.ConflictRule convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "prioritize-existing" -> Pc.ConflictRule.PRIORITIZE_EXISTING;
        case "orient-bidirected" -> Pc.ConflictRule.ORIENT_BIDIRECTED;
        case "overwrite" -> Pc.ConflictRule.OVERWRITE;
        default -> throw new CommandLine.TypeConversionException("'" + value
            + "' is not a conflict rule; use prioritize-existing, orient-bidirected or overwrite");
      };
    }
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an output format; use text, json, dot or tetrad");
      }
    }
  }
}
