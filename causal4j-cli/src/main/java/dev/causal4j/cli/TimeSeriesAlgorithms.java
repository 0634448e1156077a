package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.timeseries.ConvergentCrossMapping;
import dev.causal4j.discovery.timeseries.Granger;
import dev.causal4j.discovery.timeseries.LaggedDesign;
import dev.causal4j.discovery.timeseries.LinkStatistics;
import dev.causal4j.discovery.timeseries.Pcmci;
import dev.causal4j.discovery.timeseries.PcmciPlus;
import dev.causal4j.discovery.timeseries.SvarFci;
import dev.causal4j.discovery.timeseries.TimeSeries;
import dev.causal4j.discovery.timeseries.TimeSeriesKnowledge;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import dev.causal4j.discovery.timeseries.VarLingam;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.graph.io.EdgeAnnotation;
import dev.causal4j.graph.io.LaggedGraphDot;
import dev.causal4j.graph.io.LaggedGraphJson;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.KnowledgeFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code discover}'s time-series algorithms: reads the data as a {@link TimeSeries} (rows in
 * time order, or by {@code --time}; one series per {@code --domain} level; gaps and missing values
 * as {@code --missing} says), runs pcmci, pcmci-plus, svar-fci, var-lingam, granger or
 * ccm, and writes
 * the lagged graph as text, JSON (each edge with its {@code "lag"}) or DOT.
 */
final class TimeSeriesAlgorithms {
  private TimeSeriesAlgorithms() {}

  /** Runs {@code c}'s time-series algorithm and returns the output text. */
  static String run(DiscoverCommand c, int threads) {
    String name = c.algorithm.label;
    TimeSeriesOptions o = c.timeSeries;
    if (o.maxLag == null) {
      throw new InvalidInputException(name + " needs --max-lag L, the largest lag to search in"
          + " time steps (e.g. --max-lag 3)");
    }
    if (c.truth != null || c.tests.test == TestOptions.Test.ORACLE) {
      throw new InvalidInputException("--test oracle and --truth are for the PC family; " + name
          + " learns from time-series data");
    }
    if (c.bootstrap != null) {
      throw new InvalidInputException("--bootstrap resamples rows independently, which breaks the"
          + " time order " + name + " relies on; drop --bootstrap");
    }
    if (c.format == DiscoverCommand.Format.TETRAD) {
      throw new InvalidInputException("Tetrad's text format has no lags; use --format json, dot"
          + " or text for " + name);
    }
    boolean testBased = c.algorithm == DiscoverCommand.Algorithm.PCMCI
        || c.algorithm == DiscoverCommand.Algorithm.PCMCI_PLUS
        || c.algorithm == DiscoverCommand.Algorithm.SVAR_FCI;
    if (!testBased && c.tests.test != null) {
      throw new InvalidInputException(name + " learns from the series directly and takes no"
          + " --test; drop --test " + c.tests.test.label + ", or use pcmci, pcmci-plus or"
          + " svar-fci");
    }
    if (c.scores.anyGiven()) {
      throw new InvalidInputException(name + " takes no score; drop " + c.scores.firstGiven()
          + ", or use a score-based algorithm such as fges");
    }
    String other = c.depth != null ? "--depth" : c.colliderRule != null ? "--collider-rule"
        : c.maxDegree != null ? "--max-degree" : c.faithfulnessAssumed ? "--faithfulness-assumed"
        : c.starts != null ? "--starts" : c.noBes ? "--no-bes" : c.subsample != null
        ? "--subsample" : null;
    if (other != null) {
      throw new InvalidInputException(other + " does not apply to " + name + "; drop it");
    }
    if (o.pruneIndirect && c.algorithm != DiscoverCommand.Algorithm.CCM) {
      throw new InvalidInputException("--prune-indirect is for ccm; drop it for " + name);
    }
    Dataset d = c.data.load();
    TimeSeries series = TimeSeries.of(d, c.data.missingPolicy());
    series.checkMaxLag(o.maxLag, "--max-lag");
    TimeSeriesKnowledge knowledge = c.knowledgeFile == null ? TimeSeriesKnowledge.empty()
        : TimeSeriesKnowledge.of(KnowledgeFile.read(c.knowledgeFile));
    String on = c.data.sql().map(q -> "SQL query").orElse(d.source().orElse("data")) + " ("
        + describe(series) + ")";
    TimeSeriesResult r;
    switch (c.algorithm) {
      case PCMCI, PCMCI_PLUS, SVAR_FCI -> {
        int depth = switch (c.algorithm) {
          case PCMCI -> Pcmci.designDepth(o.maxLag);
          case SVAR_FCI -> SvarFci.designDepth(o.maxLag);
          default -> PcmciPlus.designDepth(o.maxLag);
        };
        LaggedDesign design = LaggedDesign.of(series, depth);
        TestOptions.Test chosen = c.tests.chosen(design.dataset());
        IndependenceTest test = chosen == TestOptions.Test.FISHER_Z
            || chosen == TestOptions.Test.PAR_CORR ? design.parCorr(threads)
            : c.tests.build(chosen, design.dataset(), c.seed, threads);
        on += ", " + (chosen == TestOptions.Test.FISHER_Z ? "par-corr" : chosen.label);
        TimeSeriesResult found = switch (c.algorithm) {
          case PCMCI -> Pcmci.builder(test, series.names()).maxLag(o.maxLag).alpha(c.alpha)
              .knowledge(knowledge).threads(threads).build().search();
          case SVAR_FCI -> SvarFci.builder(test, series.names()).maxLag(o.maxLag).alpha(c.alpha)
              .knowledge(knowledge).threads(threads).build().search();
          default -> PcmciPlus.builder(test, series.names()).maxLag(o.maxLag).alpha(c.alpha)
              .knowledge(knowledge).threads(threads).build().search();
        };
        // The tests see only the lagged design: the series' own notes (masked gaps) go first.
        List<String> warnings = new ArrayList<>(series.notes());
        warnings.addAll(found.warnings());
        r = new TimeSeriesResult(found.annotated(), found.stats(), warnings,
            found.linkStatistics());
      }
      case VAR_LINGAM -> r = VarLingam.builder().maxLag(o.maxLag).alpha(c.alpha)
          .pruning(c.pruning).knowledge(knowledge).threads(threads).build().search(series);
      case CCM -> r = ConvergentCrossMapping.builder().maxLag(o.maxLag).alpha(c.alpha)
          .embeddingDimension(o.embeddingDimension).pruneIndirect(o.pruneIndirect)
          .knowledge(knowledge).seed(c.seed)
          .threads(threads).build().search(series);
      case GRANGER -> r = Granger.builder().maxLag(o.maxLag).alpha(c.alpha)
          .lagSelection(o.lagSelection).estimator(o.estimator).knowledge(knowledge)
          .threads(threads).build().search(series);
      default -> throw new IllegalStateException(name + " is not a time-series algorithm");
    }
    return switch (c.format) {
      case DOT -> LaggedGraphDot.timeSeries(r.annotated());
      case JSON -> json(r, c.seed);
      case TEXT -> text(r, on);
      case TETRAD -> throw new IllegalStateException("refused above");
    };
  }

  private static String describe(TimeSeries s) {
    String points = String.format(Locale.ROOT, "%,d time points", s.length());
    return (s.seriesCount() == 1 ? "1 series of " + points
        : s.seriesCount() + " series, " + points + " in all") + " × " + s.size() + " variables"
        + (s.maskedTimePoints() > 0 ? ", " + s.maskedTimePoints() + " masked" : "");
  }

  /** {@code X(t-2)}, {@code X(t)}: the node at a lag, as the text output writes it. */
  private static String node(String variable, int lag) {
    return variable + (lag == 0 ? "(t)" : "(t-" + lag + ")");
  }

  static String text(TimeSeriesResult r, String on) {
    AnnotatedLaggedGraph annotated = r.annotated();
    LaggedGraph g = annotated.graph();
    LinkStatistics ls = r.linkStatistics();
    StringBuilder sb = new StringBuilder();
    sb.append(r.stats().algorithm()).append(" on ").append(on).append(", max lag ")
        .append(r.stats().parameters().getOrDefault("max_lag", Integer.toString(g.maxLag())))
        .append('\n');
    sb.append("time-series ").append(g.kind()).append(" with ").append(g.linkCount())
        .append(g.linkCount() == 1 ? " link" : " links").append(g.linkCount() == 0 ? "\n"
            : " (X(t-2) is X two steps before t):\n");
    int fromWidth = 0;
    for (LaggedGraph.Link l : g.links()) {
      fromWidth = Math.max(fromWidth, node(g.variable(l.from()), l.lag()).length());
    }
    int toWidth = 0;
    for (LaggedGraph.Link l : g.links()) {
      toWidth = Math.max(toWidth, node(g.variable(l.to()), 0).length());
    }
    for (LaggedGraph.Link l : g.links()) {
      String from = node(g.variable(l.from()), l.lag());
      sb.append("  ").append(from).append(" ".repeat(fromWidth - from.length())).append(' ')
          .append(l.symbol()).append(' ');
      String to = node(g.variable(l.to()), 0);
      sb.append(to);
      StringBuilder extra = new StringBuilder();
      EdgeAnnotation a = annotated.annotation(l);
      if (a.weight().isPresent()) {
        extra.append(String.format(Locale.ROOT, "  weight %+.3f", a.weight().getAsDouble()));
      }
      double p = ls.pValue(l.from(), l.to(), l.lag());
      if (!Double.isNaN(p)) {
        extra.append(String.format(Locale.ROOT, "  p %.2g", p));
      }
      if (extra.length() > 0) {
        sb.append(" ".repeat(toWidth - to.length())).append(extra);
      }
      sb.append('\n');
    }
    List<LaggedGraph.SummaryArc> summary = g.summary();
    if (!summary.isEmpty()) {
      sb.append("summary graph (between variables, at the lags listed):\n");
      for (LaggedGraph.SummaryArc a : summary) {
        sb.append("  ").append(g.variable(a.from())).append(' ').append(a.symbol()).append(' ')
            .append(g.variable(a.to())).append("  lag")
            .append(a.lags().size() == 1 ? " " : "s ")
            .append(a.lags().stream().map(String::valueOf).collect(Collectors.joining(", ")))
            .append('\n');
      }
    }
    long tests = r.stats().testsPerformed();
    sb.append(tests > 0 ? String.format(Locale.ROOT, "%,d tests in ", tests) : "search took ")
        .append(r.stats().elapsedMillis()).append(" ms\n");
    for (String w : r.warnings()) {
      sb.append("note: ").append(w).append('\n');
    }
    return sb.toString();
  }

  static String json(TimeSeriesResult r, long seed) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(LaggedGraphJson.write(r.annotated()));
      ObjectNode stats = root.putObject("stats");
      stats.put("algorithm", r.stats().algorithm());
      stats.put("tests", r.stats().testsPerformed());
      stats.put("score_evaluations", r.stats().scoreEvaluations());
      stats.put("elapsed_ms", r.stats().elapsedMillis());
      ObjectNode params = stats.putObject("parameters");
      for (Map.Entry<String, String> e : r.stats().parameters().entrySet()) {
        params.put(e.getKey(), e.getValue());
      }
      params.put("seed", Long.toString(seed));
      ArrayNode warnings = root.putArray("warnings");
      r.warnings().forEach(warnings::add);
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
