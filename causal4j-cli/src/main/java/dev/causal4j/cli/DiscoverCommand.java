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
import dev.causal4j.discovery.fci.Fci;
import dev.causal4j.discovery.fci.Gfci;
import dev.causal4j.discovery.fci.Rfci;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.discovery.lingam.DirectLingam;
import dev.causal4j.discovery.lingam.IcaLingam;
import dev.causal4j.discovery.lingam.LingamResult;
import dev.causal4j.discovery.lingam.Pruning;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.discovery.permutation.Boss;
import dev.causal4j.discovery.permutation.Grasp;
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
import dev.causal4j.score.Score;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
          + " cg for mixed); score-based ones a score (--score; by default bic, bdeu or cg-bic"
          + " likewise).",
      ""
    },
    footer = {
      "",
      "Algorithms:",
      "  pc          PC (Spirtes et al. 2000): order-dependent skeleton, then colliders and Meek's"
          + " rules",
      "  pc-stable   PC-stable (Colombo & Maathuis 2014): same, order-independent and parallel",
      "  cpc         conservative PC (Ramsey et al. 2006): leaves ambiguous triples unoriented",
      "  fges        fast greedy equivalence search (Ramsey et al. 2017): adds, then removes,"
          + " the edges that most improve the score",
      "  ges         greedy equivalence search (Chickering 2002): the same moves, every one"
          + " scored afresh (small problems)",
      "  boss        best order score search (Andrews et al. 2023): searches variable orders",
      "  grasp       greedy relaxations of the sparsest permutation (Lam et al. 2022)",
      "  fci         FCI with Zhang's complete rules (Spirtes et al. 1999; Zhang 2008): allows"
          + " hidden common causes",
      "  rfci        really fast FCI (Colombo et al. 2012): fewer tests, a slightly weaker PAG",
      "  gfci        GFCI (Ogarrio et al. 2016): FGES's graph refined by FCI's tests and rules;"
          + " takes --test and --score",
      "  directlingam  DirectLiNGAM (Shimizu et al. 2011): a DAG with connection strengths, for"
          + " linear data with non-Gaussian noise",
      "  icalingam   ICA-LiNGAM (Shimizu et al. 2006): the same model, found by FastICA",
      "Time series (rows in time order, or --time COLUMN; one series per --domain level):",
      "  pcmci       PCMCI (Runge et al. 2019): lagged links, condition selection then MCI tests",
      "  pcmci-plus  PCMCI+ (Runge 2020): lagged and contemporaneous links",
      "  svar-fci    SVAR-FCI (Malinsky & Spirtes 2018) without Possible-D-SEP: a time-series"
          + " PAG that allows hidden series (not LPCMCI)",
      "  var-lingam  VAR-LiNGAM (Hyvarinen et al. 2010): a structural VAR with non-Gaussian noise",
      "  granger     multivariate Granger causality: VAR order by --lag-selection, ols or lasso",
      "  ccm         convergent cross mapping (Sugihara et al. 2012): deterministic dynamics",
      "",
      "Output: a CPDAG for the PC family and the score searches (--> compelled, --- either"
          + " direction), a PAG for fci, rfci, gfci and svar-fci (o marks what the data leave open,"
          + " <-> a hidden common cause), a DAG with edge weights for LiNGAM, a time-series graph"
          + " (each link X(t-lag) to Y(t) with its lag) for the time-series algorithms. With"
          + " --bootstrap B each edge carries the fraction of B resampled runs that had it.",
      "",
      "Examples:",
      "  causal4j discover examples/sachs.csv",
      "  causal4j discover --algorithm pc-stable --alpha 0.001 --format json --out g.json data.csv",
      "  causal4j discover --bootstrap 100 --threshold 0.6 examples/sachs.csv",
      "  causal4j discover --knowledge tiers.txt --collider-rule max-p data.csv",
      "  causal4j discover --algorithm fges --penalty 4 --threads 8 data.csv",
      "  causal4j discover --algorithm boss --starts 5 --seed 1 data.csv",
      "  causal4j discover --algorithm gfci --alpha 0.01 --penalty 2 data.csv",
      "  causal4j discover --algorithm pc --test oracle --truth truth.json",
      "  causal4j discover --algorithm pcmci-plus --max-lag 3 --time t --format json series.csv"
    })
public final class DiscoverCommand implements Callable<Integer> {

  /** What an algorithm learns from; the options of its families apply to it. */
  enum Family {
    /** Conditional-independence tests (and so also an oracle): --test, --alpha, --depth. */
    TEST,
    /** A score of the data: --score and its settings. */
    SCORE,
    /** The data themselves (LiNGAM). */
    DATA,
    /** Time-ordered data: lagged graphs ({@link TimeSeriesAlgorithms}). */
    TIME_SERIES
  }

  /** The algorithms this command runs. */
  enum Algorithm {
    PC("pc", Family.TEST),
    PC_STABLE("pc-stable", Family.TEST),
    CPC("cpc", Family.TEST),
    FGES("fges", Family.SCORE),
    GES("ges", Family.SCORE),
    BOSS("boss", Family.SCORE),
    GRASP("grasp", Family.SCORE),
    FCI("fci", Family.TEST),
    RFCI("rfci", Family.TEST),
    GFCI("gfci", Family.TEST, Family.SCORE),
    DIRECTLINGAM("directlingam", Family.DATA),
    ICALINGAM("icalingam", Family.DATA),
    PCMCI("pcmci", Family.TIME_SERIES),
    PCMCI_PLUS("pcmci-plus", Family.TIME_SERIES),
    SVAR_FCI("svar-fci", Family.TIME_SERIES),
    VAR_LINGAM("var-lingam", Family.TIME_SERIES),
    GRANGER("granger", Family.TIME_SERIES),
    CCM("ccm", Family.TIME_SERIES);

    final String label;
    final EnumSet<Family> families;

    Algorithm(String label, Family family, Family... more) {
      this.label = label;
      this.families = EnumSet.of(family, more);
    }

    boolean uses(Family f) {
      return families.contains(f);
    }
  }

  /** A search's result with what the output shows beside the graph (weights, a causal order). */
  record Outcome(DiscoveryResult result, AnnotatedGraph graph, List<String> order) {}

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
      description = "pc, pc-stable, cpc, fges, ges, boss, grasp, fci, rfci, gfci, directlingam"
          + " or icalingam; for time series pcmci, pcmci-plus, svar-fci, var-lingam, granger or"
          + " ccm"
          + " (default: ${DEFAULT-VALUE}).")
  Algorithm algorithm;

  @Mixin TestOptions tests;

  @Mixin ScoreOptions scores;

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
      description = "Test-based algorithms: largest conditioning set tried; -1 for no limit"
          + " (default). grasp: how many score-neutral tucks deep it searches (default: 3).")
  Integer depth;

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
      names = "--max-degree",
      paramLabel = "K",
      description = "fges, ges, gfci: the most neighbours a node may get in FGES's graph; -1 for"
          + " no limit (default).")
  Integer maxDegree;

  @Option(
      names = "--faithfulness-assumed",
      description = "fges, gfci: consider only pairs whose one-edge graph improves the score"
          + " (faster on large graphs; misses edges whose effects cancel).")
  boolean faithfulnessAssumed;

  @Option(
      names = "--starts",
      paramLabel = "N",
      description = "boss, grasp: starting orders, the first the data's column order, the others"
          + " random from --seed; the best result is kept (default: 1).")
  Integer starts;

  @Option(
      names = "--no-bes",
      description = "boss: skip the final backward equivalence search (faster; the paper's"
          + " guarantee needs it).")
  boolean noBes;

  @Option(
      names = "--pruning",
      paramLabel = "RULE",
      defaultValue = "adaptive-lasso",
      converter = PruningConverter.class,
      description = "LiNGAM: how weak edges are pruned: adaptive-lasso (BIC; default) or wald"
          + " (coefficient tests at --alpha).")
  Pruning pruning;

  @Option(
      names = "--ica-approach",
      paramLabel = "A",
      defaultValue = "symmetric",
      converter = IcaApproachConverter.class,
      description = "icalingam: FastICA's symmetric (default) or deflation approach.")
  IcaLingam.Approach icaApproach;

  @Option(
      names = "--max-iterations",
      paramLabel = "N",
      defaultValue = "1000",
      description = "icalingam: FastICA's iteration limit (default: ${DEFAULT-VALUE}).")
  int maxIterations;

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
      description = "Seed for bootstrap samples, randomised tests and the random starting"
          + " orders of boss and grasp (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (default), json, dot or tetrad.")
  Format format;

  @Mixin TimeSeriesOptions timeSeries;

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
    if (algorithm.uses(Family.TIME_SERIES)) {
      return TimeSeriesAlgorithms.run(this, nThreads);
    }
    if (timeSeries.maxLag != null) {
      throw new InvalidInputException("--max-lag is for the time-series algorithms (pcmci,"
          + " pcmci-plus, svar-fci, var-lingam, granger, ccm); drop it for " + algorithm.label);
    }
    Knowledge knowledge = knowledgeFile == null ? Knowledge.empty()
        : KnowledgeFile.read(knowledgeFile);
    checkOptionsApply();
    if (tests.test == TestOptions.Test.ORACLE) {
      if (algorithm.uses(Family.SCORE)) {
        throw new InvalidInputException(algorithm.label + " scores data, which an oracle does not"
            + " have; use --test oracle with a test-based algorithm such as pc-stable");
      }
      if (truth == null) {
        throw new InvalidInputException("--test oracle needs the true graph: add --truth FILE");
      }
      if (bootstrap != null) {
        throw new InvalidInputException("--bootstrap resamples data; an oracle has none to"
            + " resample, so drop --bootstrap");
      }
      Graph trueGraph = GraphFiles.read(truth);
      Outcome o = testSearch(new DSeparationOracle(trueGraph), knowledge, nThreads);
      return render(o, null, "d-separation in " + truth);
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
    String source = data.sql().map(q -> "SQL query").orElse(d.source().orElse("data"));
    String on = source + " (" + d.rows() + " rows × " + d.columns() + " variables)"
        + (algorithm.uses(Family.TEST) ? ", " + tests.chosen(d).label : "")
        + (algorithm.uses(Family.SCORE) ? ", " + scores.chosen(d).label() : "");
    Outcome full = search(d, knowledge, nThreads);
    if (bootstrap == null) {
      if (subsample != null) {
        throw new InvalidInputException("--subsample sets how --bootstrap draws its samples; add"
            + " --bootstrap B");
      }
      return render(full, null, on);
    }
    Function<Dataset, DiscoveryResult> once = sample -> search(sample, knowledge, 1).result();
    Resampling.Builder rb = Resampling.builder(once).samples(bootstrap).threshold(threshold)
        .seed(seed).threads(nThreads);
    if (subsample != null) {
      rb.method(Resampling.Method.SUBSAMPLE).subsampleFraction(subsample);
    }
    ResamplingResult rr = rb.build().run(d);
    return render(new Outcome(full.result(), rr.ensemble(), full.order()), rr, on);
  }

  /**
   * Refuses options of a family the algorithm does not belong to, and search options of other
   * algorithms, rather than ignoring them.
   */
  private void checkOptionsApply() {
    if (!algorithm.uses(Family.TEST) && tests.test != null) {
      throw new InvalidInputException(algorithm.label + " takes no --test; drop --test "
          + tests.test.label + ", or use a test-based algorithm such as pc-stable");
    }
    if (!algorithm.uses(Family.SCORE) && scores.anyGiven()) {
      throw new InvalidInputException(algorithm.label + " takes no score; drop "
          + scores.firstGiven() + ", or use a score-based algorithm such as fges");
    }
    if (depth != null && !algorithm.uses(Family.TEST) && algorithm != Algorithm.GRASP) {
      throw new InvalidInputException("--depth applies to test-based algorithms and grasp, not"
          + " to " + algorithm.label);
    }
    boolean usesFges = algorithm == Algorithm.FGES || algorithm == Algorithm.GES
        || algorithm == Algorithm.GFCI;
    if (maxDegree != null && !usesFges) {
      throw new InvalidInputException("--max-degree applies to fges, ges and gfci, not to "
          + algorithm.label);
    }
    if (faithfulnessAssumed && algorithm != Algorithm.FGES && algorithm != Algorithm.GFCI) {
      throw new InvalidInputException("--faithfulness-assumed is an fges heuristic; "
          + algorithm.label + " does not use it");
    }
    if (starts != null && algorithm != Algorithm.BOSS && algorithm != Algorithm.GRASP) {
      throw new InvalidInputException("--starts applies to boss and grasp, not to "
          + algorithm.label);
    }
    if (noBes && algorithm != Algorithm.BOSS) {
      throw new InvalidInputException("--no-bes applies to boss, not to " + algorithm.label);
    }
  }

  /** Runs the chosen algorithm on data. */
  private Outcome search(Dataset d, Knowledge knowledge, int nThreads) {
    if (algorithm.uses(Family.SCORE)) {
      return scoreSearch(d, knowledge, nThreads);
    }
    if (algorithm.uses(Family.TEST)) {
      return testSearch(tests.build(tests.chosen(d), d, seed, nThreads), knowledge, nThreads);
    }
    return lingam(d, knowledge, nThreads);
  }

  private Outcome testSearch(IndependenceTest test, Knowledge knowledge, int nThreads) {
    int maxDepth = depth == null ? -1 : depth;
    if (algorithm == Algorithm.FCI || algorithm == Algorithm.RFCI) {
      DiscoveryResult r = algorithm == Algorithm.FCI
          ? Fci.builder(test).alpha(alpha).depth(maxDepth).knowledge(knowledge).threads(nThreads)
              .build().search()
          : Rfci.builder(test).alpha(alpha).depth(maxDepth).knowledge(knowledge)
              .threads(nThreads).build().search();
      return new Outcome(r, AnnotatedGraph.of(r.graph()), List.of());
    }
    Pc.ColliderRule rule = colliderRule != null ? colliderRule
        : algorithm == Algorithm.CPC ? Pc.ColliderRule.CONSERVATIVE : Pc.ColliderRule.SEPSETS;
    DiscoveryResult r = Pc.builder(test).alpha(alpha).depth(maxDepth)
        .stable(algorithm != Algorithm.PC).colliderRule(rule).conflictRule(conflictRule)
        .knowledge(knowledge).threads(nThreads).build().search();
    return new Outcome(r, AnnotatedGraph.of(r.graph()), List.of());
  }

  private Outcome scoreSearch(Dataset d, Knowledge knowledge, int nThreads) {
    boolean permutation = algorithm == Algorithm.BOSS || algorithm == Algorithm.GRASP;
    Score score = scores.build(d, nThreads, !permutation);
    int nStarts = starts == null ? 1 : starts;
    DiscoveryResult r = switch (algorithm) {
      case FGES, GES -> Fges.builder(score)
          .variant(algorithm == Algorithm.GES ? Fges.Variant.GES : Fges.Variant.FGES)
          .faithfulnessAssumed(faithfulnessAssumed).maxDegree(maxDegree == null ? -1 : maxDegree)
          .knowledge(knowledge).threads(nThreads).build().search();
      case BOSS -> Boss.builder(score).starts(nStarts).seed(seed).bes(!noBes)
          .knowledge(knowledge).threads(nThreads).build().search();
      case GRASP -> Grasp.builder(score).depth(depth == null ? 3 : depth).starts(nStarts)
          .seed(seed).knowledge(knowledge).build().search();
      case GFCI -> Gfci.builder(tests.build(tests.chosen(d), d, seed, nThreads), score)
          .alpha(alpha).depth(depth == null ? -1 : depth).faithfulnessAssumed(faithfulnessAssumed)
          .maxDegree(maxDegree == null ? -1 : maxDegree).knowledge(knowledge).threads(nThreads)
          .build().search();
      default -> throw new IllegalStateException(algorithm.label);
    };
    return new Outcome(r, AnnotatedGraph.of(r.graph()), List.of());
  }

  private Outcome lingam(Dataset d, Knowledge knowledge, int nThreads) {
    LingamResult r = algorithm == Algorithm.DIRECTLINGAM
        ? DirectLingam.builder().knowledge(knowledge).pruning(pruning).alpha(alpha)
            .threads(nThreads).build().search(d)
        : IcaLingam.builder().knowledge(knowledge).pruning(pruning).alpha(alpha)
            .approach(icaApproach).seed(seed).maxIterations(maxIterations).threads(nThreads)
            .build().search(d);
    Graph g = r.graph();
    AnnotatedGraph.Builder annotated = AnnotatedGraph.builder(g);
    for (Edge e : g.edges()) {
      annotated.weight(e.from(), e.to(), r.strength(g.name(e.from()), g.name(e.to())));
    }
    return new Outcome(r.result(), annotated.build(), r.causalOrder());
  }

  /**
   * The result in the chosen format. With resampling, the graph is the ensemble (with edge
   * probabilities) and {@code full} is the search on all the data, whose stats are reported.
   */
  private String render(Outcome o, ResamplingResult rr, String on) {
    return switch (format) {
      case DOT -> GraphFiles.format(o.graph(), GraphFormat.DOT);
      case TETRAD -> GraphFiles.format(o.graph(), GraphFormat.TETRAD_TEXT);
      case JSON -> json(o, rr);
      case TEXT -> text(o, rr, on);
    };
  }

  private String text(Outcome o, ResamplingResult rr, String on) {
    AnnotatedGraph annotated = o.graph();
    DiscoveryResult full = o.result();
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
      if (a.probability().isEmpty() && a.weight().isEmpty()) {
        sb.append(g.name(e.to())).append('\n');
        continue;
      }
      sb.append(pad(g.name(e.to()), toWidth));
      if (a.weight().isPresent()) {
        sb.append(String.format(Locale.ROOT, "  weight %+.3f", a.weight().getAsDouble()));
      }
      if (a.probability().isPresent()) {
        sb.append(String.format(Locale.ROOT, "  %.2f", a.probability().getAsDouble()));
      }
      sb.append('\n');
    }
    if (!o.order().isEmpty()) {
      sb.append("causal order: ").append(String.join(", ", o.order())).append('\n');
    }
    long tests = full.stats().testsPerformed();
    long evaluations = full.stats().scoreEvaluations();
    if (tests > 0) {
      sb.append(grouped(tests)).append(tests == 1 ? " test" : " tests");
    }
    if (evaluations > 0) {
      sb.append(tests > 0 ? " and " : "").append(grouped(evaluations))
          .append(evaluations == 1 ? " score evaluation" : " score evaluations");
    }
    sb.append(tests > 0 || evaluations > 0 ? " in " : "search took ")
        .append(full.stats().elapsedMillis()).append(" ms");
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

  private String json(Outcome o, ResamplingResult rr) {
    AnnotatedGraph graph = o.graph();
    DiscoveryResult full = o.result();
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
      if (!o.order().isEmpty()) {
        o.order().forEach(stats.putArray("causal_order")::add);
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
          ObjectNode pair = pairs.addObject();
          pair.put("a", g.name(f.a()));
          pair.put("b", g.name(f.b()));
          pair.put("adjacent", f.adjacency());
          ObjectNode by = pair.putObject("edges");
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

  static final class PruningConverter implements CommandLine.ITypeConverter<Pruning> {
    @Override
    public Pruning convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "adaptive-lasso" -> Pruning.ADAPTIVE_LASSO;
        case "wald" -> Pruning.WALD;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a pruning rule; use adaptive-lasso or wald");
      };
    }
  }

  static final class IcaApproachConverter implements CommandLine.ITypeConverter<IcaLingam.Approach> {
    @Override
    public IcaLingam.Approach convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "symmetric" -> IcaLingam.Approach.SYMMETRIC;
        case "deflation" -> IcaLingam.Approach.DEFLATION;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a FastICA approach; use symmetric or deflation");
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
