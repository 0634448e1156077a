package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.counterfactual.CounterfactualResult;
import dev.causal4j.effects.counterfactual.Counterfactuals;
import dev.causal4j.effects.counterfactual.DiscreteCoupling;
import dev.causal4j.effects.counterfactual.NodeCounterfactual;
import dev.causal4j.effects.counterfactual.NoiseStatus;
import dev.causal4j.effects.scm.ContinuousFit;
import dev.causal4j.effects.scm.DiscreteFit;
import dev.causal4j.effects.scm.InterventionComparison;
import dev.causal4j.effects.scm.Intervention;
import dev.causal4j.effects.scm.NodeComparison;
import dev.causal4j.effects.scm.NodeSummary;
import dev.causal4j.effects.scm.NoiseModel;
import dev.causal4j.effects.scm.StructuralCausalModel;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j whatif}: fits a structural causal model to data on a given DAG and answers
 * "what if we set X?": the interventional distribution of every node beside the observational
 * one, or, for one observed unit ({@code --unit}), its counterfactual values, saying which are
 * points and which are distributions.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit a structural causal model to the data on a DAG and ask what would happen under an"
          + " intervention.",
      "Without --unit: every node's distribution (mean, sd, quantiles, or level probabilities)"
          + " under the intervention, beside the fitted model without it, and the change (both"
          + " from the same Monte-Carlo noise, so the change has little Monte-Carlo error).",
      "With --unit ROW: that row's counterfactual values by abduction, action and prediction."
          + " A continuous node's additive noise is recovered from the row, so its"
          + " counterfactual is a point when its parents' are; a discrete node's noise is not"
          + " identifiable from one row, so wherever its parents change it is reported as a"
          + " distribution, never as a point."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j whatif data.csv --graph dag.json --do smoking=yes",
      "  causal4j whatif data.csv --graph dag.json --do dose=2 --do diet=low --samples 50000",
      "  causal4j whatif data.csv --graph dag.json --shift income=+500 --format json",
      "  causal4j whatif data.csv --graph dag.json --do treatment=1 --unit 17",
      "",
      "The graph must be a DAG over columns of the data with no latent nodes (a CPDAG from"
          + " 'causal4j discover' must first be resolved to one DAG in its class). --do takes a"
          + " number for a continuous variable and a level name for a discrete one."
    })
public final class WhatifCommand implements Callable<Integer> {

  enum Format { TEXT, JSON }

  /** The --mechanism choices. */
  enum Mechanisms {
    LINEAR("linear");

    final String word;

    Mechanisms(String word) {
      this.word = word;
    }

    @Override
    public String toString() {
      return word;
    }
  }

  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Option(names = "--graph", required = true, paramLabel = "FILE",
      description = "The causal DAG (JSON, Tetrad text or an edge list) over the data's columns.")
  Path graphFile;

  @Option(names = "--do", paramLabel = "NAME=VALUE",
      description = "Set a variable: a number for a continuous one, a level for a discrete one."
          + " Repeat for several.")
  List<String> doSpecs = new ArrayList<>();

  @Option(names = "--shift", paramLabel = "NAME=DELTA",
      description = "Shift a continuous variable by DELTA from the value it would have taken"
          + " (e.g. --shift income=+500). Repeat for several.")
  List<String> shiftSpecs = new ArrayList<>();

  @Option(names = "--unit", paramLabel = "ROW",
      description = "Counterfactuals for this data row (1 = the first row after the header).")
  Integer unit;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
      description = "Monte-Carlo samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed for the Monte-Carlo noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--mechanism", paramLabel = "KIND", defaultValue = "linear",
      converter = MechanismConverter.class,
      description = "How continuous nodes depend on their parents: linear (least squares;"
          + " discrete parents as level indicators). Discrete nodes with discrete parents use"
          + " conditional probability tables. (default: ${DEFAULT-VALUE})")
  Mechanisms mechanism;

  @Option(names = "--noise", paramLabel = "gaussian|empirical", defaultValue = "gaussian",
      converter = NoiseConverter.class,
      description = "Noise of linear mechanisms: Gaussian, or the residuals themselves"
          + " (default: ${DEFAULT-VALUE}).")
  NoiseModel noise;

  @Option(names = "--coupling", paramLabel = "independent|monotone",
      defaultValue = "independent", converter = CouplingConverter.class,
      description = "With --unit: what a discrete node's response at parent values the unit did"
          + " not have is assumed to be: independent of its observed response, or"
          + " rank-preserving (monotone). Data cannot decide it (default: ${DEFAULT-VALUE}).")
  DiscreteCoupling coupling;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class, description = "Output format (default: text).")
  Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (doSpecs.isEmpty() && shiftSpecs.isEmpty()) {
      throw new InvalidInputException("no intervention given; name one with --do NAME=VALUE or"
          + " --shift NAME=DELTA");
    }
    if (samples < 1) {
      throw new InvalidInputException("--samples must be at least 1, not " + samples);
    }
    Graph graph = GraphFiles.read(graphFile);
    try {
      StructuralCausalModel.requireDag(graph);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(graphFile + ": " + e.getMessage(), e);
    }
    Dataset raw = data.load();
    List<String> ignored = StructuralCausalModel.requireColumns(graph, raw);
    if (data.missingPolicy() == MissingPolicy.TESTWISE_DELETION) {
      throw new InvalidInputException("--missing testwise does not apply to whatif: a"
          + " structural causal model is fitted on complete rows; use --missing listwise");
    }
    Dataset used = raw.selectColumns(graph.nodeNames()).applyMissingPolicy(data.missingPolicy());
    StructuralCausalModel scm = StructuralCausalModel.builder(graph, used)
        .continuous(ContinuousFit.linear(noise)).discrete(DiscreteFit.table()).seed(seed).fit();
    List<Intervention> interventions = interventions(scm);
    List<String> warnings = extrapolations(interventions, used);
    String where = raw.source().orElse("the data");
    String text;
    if (unit == null) {
      InterventionComparison c = scm.compare(interventions, samples, seed);
      text = format == Format.JSON ? comparisonJson(scm, c, ignored, used, warnings)
          : comparisonText(scm, c, ignored, where, warnings);
    } else {
      if (unit < 1 || unit > raw.rows()) {
        throw new InvalidInputException("--unit " + unit + " is out of range: " + where
            + " has " + raw.rows() + " data rows (1.." + raw.rows() + ")");
      }
      CounterfactualResult r = Counterfactuals.of(scm, raw, unit - 1, interventions,
          new Counterfactuals.Options(samples, seed, coupling));
      text = format == Format.JSON ? counterfactualJson(scm, r, ignored, warnings)
          : counterfactualText(scm, r, ignored, where, warnings);
    }
    output.write(text, spec.commandLine().getOut());
    return 0;
  }

  /** Parses --do and --shift against the fitted model's variables. */
  private List<Intervention> interventions(StructuralCausalModel scm) {
    List<Intervention> out = new ArrayList<>();
    for (String s : doSpecs) {
      String[] nv = split("--do", s);
      Variable v = variable(scm, "--do", s, nv[0]);
      if (v.isCategorical()) {
        if (!v.levels().contains(nv[1])) {
          throw new InvalidInputException("--do " + s + ": '" + nv[1] + "' is not a level of '"
              + v.name() + "'; its levels are " + String.join(", ", v.levels()));
        }
        out.add(Intervention.setLevel(v.name(), nv[1]));
      } else {
        out.add(Intervention.set(v.name(), number("--do", s, nv[1])));
      }
    }
    for (String s : shiftSpecs) {
      String[] nv = split("--shift", s);
      Variable v = variable(scm, "--shift", s, nv[0]);
      if (v.isCategorical()) {
        throw new InvalidInputException("--shift " + s + ": '" + v.name() + "' is discrete, and"
            + " a shift needs a continuous variable; set a level with --do " + v.name()
            + "=LEVEL");
      }
      out.add(Intervention.shift(v.name(), number("--shift", s, nv[1])));
    }
    List<String> seen = new ArrayList<>();
    for (Intervention iv : out) {
      if (seen.contains(iv.node())) {
        throw new InvalidInputException("'" + iv.node() + "' is intervened on twice; give one"
            + " --do or --shift per variable");
      }
      seen.add(iv.node());
    }
    return out;
  }

  /** A value set outside the range the data show: the mechanisms extrapolate there. */
  private static List<String> extrapolations(List<Intervention> interventions, Dataset used) {
    List<String> out = new ArrayList<>();
    for (Intervention iv : interventions) {
      if (iv instanceof Intervention.Set s) {
        double[] x = used.doubles(used.indexOf(s.node()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        if (s.value() < lo || s.value() > hi) {
          out.add(s.describe() + " is outside the range of " + s.node() + " in the data ["
              + Text.num(lo) + ", " + Text.num(hi) + "]: the answer extrapolates the fitted"
              + " mechanisms beyond the data");
        }
      }
    }
    return out;
  }

  private static String[] split(String option, String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new InvalidInputException(option + " '" + spec + "' is not NAME=VALUE; write e.g. "
          + option + " X=1");
    }
    return new String[] {spec.substring(0, eq).trim(), spec.substring(eq + 1).trim()};
  }

  private static Variable variable(StructuralCausalModel scm, String option, String spec,
      String name) {
    try {
      return scm.variable(name);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(option + " " + spec + ": " + e.getMessage(), e);
    }
  }

  private static double number(String option, String spec, String value) {
    try {
      double v = Double.parseDouble(value);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new InvalidInputException(option + " " + spec + ": '" + value + "' is not a finite"
        + " number");
  }

  // ------------------------------------------------------------------ text

  private String modelText(StructuralCausalModel scm, String where) {
    return "Model: a structural causal model on the DAG in " + graphFile + ", fitted to "
        + scm.rows() + " rows of " + where + ": " + mechanismsText() + ".";
  }

  private String mechanismsText() {
    return "continuous nodes linear in their parents with "
        + (noise == NoiseModel.GAUSSIAN ? "Gaussian noise" : "empirical (residual) noise")
        + ", discrete nodes by conditional probability tables";
  }

  private static String describe(List<Intervention> interventions) {
    List<String> parts = new ArrayList<>();
    for (Intervention iv : interventions) {
      parts.add(iv.describe());
    }
    return String.join(", ", parts);
  }

  private String comparisonText(StructuralCausalModel scm, InterventionComparison c,
      List<String> ignored, String where, List<String> warnings) {
    StringBuilder sb = new StringBuilder();
    sb.append("What if ").append(describe(c.interventions())).append("?\n\n");
    Text.wrap(sb, "", "", modelText(scm, where) + " " + c.samples() + " Monte-Carlo samples,"
        + " seed " + c.seed() + ". \"obs\": the fitted model without the intervention; \"int\":"
        + " with it, from the same noise; each change is ± its Monte-Carlo standard error.");
    List<String> unaffected = new ArrayList<>();
    Text.Table num = new Text.Table("node", "obs mean", "obs sd", "obs 5%", "obs 95%",
        "int mean", "int sd", "int 5%", "int 95%", "change");
    Text.Table lev = new Text.Table("node", "level", "obs", "int", "change");
    for (NodeComparison n : c.nodes()) {
      if (!n.affected()) {
        unaffected.add(n.node());
        continue;
      }
      String label = n.node() + c.interventions().stream()
          .filter(iv -> iv.node().equals(n.node())).findFirst()
          .map(iv -> iv instanceof Intervention.Shift ? " [shifted]" : " [set]").orElse("");
      if (n.observational() instanceof NodeSummary.Numeric o) {
        NodeSummary.Numeric i = (NodeSummary.Numeric) n.interventional();
        num.row(label, Text.num(o.mean()), Text.num(o.sd()), Text.num(o.quantiles().get(0)),
            Text.num(o.quantiles().get(4)), Text.num(i.mean()), Text.num(i.sd()),
            Text.num(i.quantiles().get(0)), Text.num(i.quantiles().get(4)),
            Text.change(n.change().get(0), n.changeStandardError().get(0)));
      } else {
        NodeSummary.Levels o = (NodeSummary.Levels) n.observational();
        NodeSummary.Levels i = (NodeSummary.Levels) n.interventional();
        for (int k = 0; k < o.levels().size(); k++) {
          lev.row(k == 0 ? label : "", o.levels().get(k), Text.prob(o.probabilities().get(k)),
              Text.prob(i.probabilities().get(k)),
              Text.change(n.change().get(k), n.changeStandardError().get(k)));
        }
      }
    }
    if (!num.isEmpty()) {
      sb.append("\nContinuous nodes:\n");
      num.appendTo(sb, "  ");
    }
    if (!lev.isEmpty()) {
      sb.append("\nDiscrete nodes (level probabilities):\n");
      lev.appendTo(sb, "  ");
    }
    if (!unaffected.isEmpty()) {
      sb.append('\n');
      Text.wrap(sb, "", "", "Unaffected (not descendants of the intervened variables, so their"
          + " distributions do not change): " + String.join(", ", unaffected) + ".");
    }
    appendWarnings(sb, warnings);
    appendIgnored(sb, ignored);
    return sb.toString();
  }

  private String counterfactualText(StructuralCausalModel scm, CounterfactualResult r,
      List<String> ignored, String where, List<String> warnings) {
    StringBuilder sb = new StringBuilder();
    sb.append("Counterfactual for data row ").append(r.row() + 1).append(" under ")
        .append(describe(r.interventions())).append(":\n\n");
    Text.wrap(sb, "", "", modelText(scm, where) + " Abduction, action, prediction (Pearl 2009,"
        + " §7.1); distributions from " + r.samples() + " Monte-Carlo draws, seed " + r.seed()
        + ".");
    Text.Table t = new Text.Table("node", "observed", "would have been", "point?");
    List<String> points = new ArrayList<>();
    List<String> distributions = new ArrayList<>();
    for (NodeCounterfactual n : r.nodes()) {
      Variable v = scm.variable(n.node());
      String cf;
      if (n.point()) {
        double x = n.value().getAsDouble();
        cf = v.isCategorical() ? v.levels().get((int) x) : Text.num(x);
        points.add(n.node());
      } else {
        cf = distribution(n.distribution());
        distributions.add(n.node());
      }
      t.row(n.node(), v.isCategorical() ? n.observedText() : Text.num(n.observed()), cf,
          n.point() ? "point" : "distribution");
    }
    sb.append('\n');
    t.appendTo(sb, "  ");
    sb.append('\n');
    if (!points.isEmpty()) {
      Text.wrap(sb, "", "", "Points (exact, given the model): " + String.join(", ", points)
          + ".");
    }
    if (!distributions.isEmpty()) {
      Text.wrap(sb, "", "", "Distributions, not points (the unit's noise is not identified for"
          + " them or an ancestor): " + String.join(", ", distributions) + ".");
    }
    sb.append("\nWhy:\n");
    for (NodeCounterfactual n : r.nodes()) {
      Text.wrap(sb, "  " + n.node() + ": ", "    ", n.explanation() + ".");
    }
    sb.append("\nAssumptions:\n");
    for (String a : r.assumptions()) {
      Text.wrap(sb, "  - ", "    ", a);
    }
    appendWarnings(sb, warnings);
    appendIgnored(sb, ignored);
    return sb.toString();
  }

  private static String distribution(NodeSummary s) {
    if (s instanceof NodeSummary.Numeric n) {
      return "mean " + Text.num(n.mean()) + ", sd " + Text.num(n.sd()) + ", 90% in ["
          + Text.num(n.quantiles().get(0)) + ", " + Text.num(n.quantiles().get(4)) + "]";
    }
    NodeSummary.Levels l = (NodeSummary.Levels) s;
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < l.levels().size(); k++) {
      parts.add("P(" + l.levels().get(k) + ") " + Text.prob(l.probabilities().get(k)));
    }
    return String.join(", ", parts);
  }

  private static void appendWarnings(StringBuilder sb, List<String> warnings) {
    for (String w : warnings) {
      sb.append('\n');
      Text.wrap(sb, "Warning: ", "  ", w + ".");
    }
  }

  private static void appendIgnored(StringBuilder sb, List<String> ignored) {
    if (!ignored.isEmpty()) {
      sb.append('\n');
      Text.wrap(sb, "", "", "Ignored columns (not in the graph): " + String.join(", ", ignored)
          + ".");
    }
  }

  // ------------------------------------------------------------------ JSON

  private ObjectNode header(ObjectMapper mapper, StructuralCausalModel scm, String mode,
      List<Intervention> interventions, List<String> ignored, List<String> warnings) {
    ObjectNode root = mapper.createObjectNode();
    root.put("mode", mode);
    ArrayNode ivs = root.putArray("interventions");
    interventions.forEach(iv -> ivs.add(iv.describe()));
    root.put("samples", samples);
    root.put("seed", seed);
    root.put("rows", scm.rows());
    root.put("mechanism", mechanism.word);
    root.put("noise", noise.name().toLowerCase(Locale.ROOT));
    ObjectNode mech = root.putObject("mechanisms");
    for (String name : scm.nodeNames()) {
      mech.put(name, scm.mechanism(name).describe());
    }
    ArrayNode ign = root.putArray("ignored_columns");
    ignored.forEach(ign::add);
    ArrayNode warn = root.putArray("warnings");
    warnings.forEach(warn::add);
    return root;
  }

  private String comparisonJson(StructuralCausalModel scm, InterventionComparison c,
      List<String> ignored, Dataset used, List<String> warnings) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = header(mapper, scm, "interventional", c.interventions(), ignored,
        warnings);
    List<String> intervened = c.interventions().stream().map(Intervention::node).toList();
    ArrayNode nodes = root.putArray("nodes");
    for (NodeComparison n : c.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("name", n.node());
      Variable v = scm.variable(n.node());
      o.put("type", v.type().name().toLowerCase(Locale.ROOT));
      o.put("intervened", intervened.contains(n.node()));
      o.put("affected", n.affected());
      int col = used.indexOf(n.node());
      summary(o.putObject("data"), v.isCategorical()
          ? NodeSummary.Levels.of(n.node(), v.levels(), used.numeric(col))
          : NodeSummary.Numeric.of(n.node(), used.doubles(col)));
      summary(o.putObject("observational"), n.observational());
      summary(o.putObject("interventional"), n.interventional());
      ObjectNode ch = o.putObject("change");
      if (v.isCategorical()) {
        for (int k = 0; k < v.levelCount(); k++) {
          ObjectNode l = ch.putObject(v.levels().get(k));
          l.put("probability", n.change().get(k));
          l.put("se", n.changeStandardError().get(k));
        }
      } else {
        ch.put("mean", n.change().get(0));
        ch.put("se", n.changeStandardError().get(0));
      }
    }
    return write(mapper, root);
  }

  private static void summary(ObjectNode o, NodeSummary s) {
    if (s instanceof NodeSummary.Numeric n) {
      o.put("mean", n.mean());
      o.put("se", n.standardError());
      o.put("sd", n.sd());
      o.put("min", n.min());
      o.put("max", n.max());
      ObjectNode q = o.putObject("quantiles");
      for (int k = 0; k < n.quantiles().size(); k++) {
        q.put(String.format(Locale.ROOT, "%.2f", NodeSummary.Numeric.PROBABILITIES.get(k)),
            n.quantiles().get(k));
      }
    } else {
      NodeSummary.Levels l = (NodeSummary.Levels) s;
      ObjectNode p = o.putObject("probabilities");
      ObjectNode se = o.putObject("se");
      for (int k = 0; k < l.levels().size(); k++) {
        p.put(l.levels().get(k), l.probabilities().get(k));
        se.put(l.levels().get(k), l.standardErrors().get(k));
      }
    }
  }

  private String counterfactualJson(StructuralCausalModel scm, CounterfactualResult r,
      List<String> ignored, List<String> warnings) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = header(mapper, scm, "counterfactual", r.interventions(), ignored,
        warnings);
    root.put("unit", r.row() + 1);
    root.put("coupling", r.coupling().name().toLowerCase(Locale.ROOT));
    ArrayNode nodes = root.putArray("nodes");
    for (NodeCounterfactual n : r.nodes()) {
      ObjectNode o = nodes.addObject();
      Variable v = scm.variable(n.node());
      o.put("name", n.node());
      o.put("type", v.type().name().toLowerCase(Locale.ROOT));
      if (v.isCategorical()) {
        o.put("observed", n.observedText());
      } else {
        o.put("observed", n.observed());
      }
      o.put("noise", n.noise().name().toLowerCase(Locale.ROOT));
      if (n.noise() == NoiseStatus.RECOVERED) {
        o.put("recovered_noise", n.recoveredNoise().getAsDouble());
      }
      o.put("point", n.point());
      if (n.point()) {
        double x = n.value().getAsDouble();
        if (v.isCategorical()) {
          o.put("value", v.levels().get((int) x));
        } else {
          o.put("value", x);
        }
      } else {
        summary(o.putObject("distribution"), n.distribution());
      }
      o.put("explanation", n.explanation());
    }
    ArrayNode as = root.putArray("assumptions");
    r.assumptions().forEach(as::add);
    return write(mapper, root);
  }

  private static String write(ObjectMapper mapper, ObjectNode root) {
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ converters

  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use text or json");
      }
    }
  }

  static final class MechanismConverter implements CommandLine.ITypeConverter<Mechanisms> {
    @Override
    public Mechanisms convert(String value) {
      for (Mechanisms m : Mechanisms.values()) {
        if (m.word.equalsIgnoreCase(value)) {
          return m;
        }
      }
      List<String> words = new ArrayList<>();
      for (Mechanisms m : Mechanisms.values()) {
        words.add(m.word);
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not a mechanism; use "
          + String.join(" or ", words));
    }
  }

  static final class NoiseConverter implements CommandLine.ITypeConverter<NoiseModel> {
    @Override
    public NoiseModel convert(String value) {
      try {
        return NoiseModel.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a noise model; use gaussian or empirical");
      }
    }
  }

  static final class CouplingConverter implements CommandLine.ITypeConverter<DiscreteCoupling> {
    @Override
    public DiscreteCoupling convert(String value) {
      try {
        return DiscreteCoupling.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a coupling; use independent or monotone");
      }
    }
  }
}
