package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.AdjustmentCriterion;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.effects.estimate.Balance;
import dev.causal4j.effects.estimate.Diagnostics;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.EstimatorSelection;
import dev.causal4j.effects.estimate.EstimatorSettings;
import dev.causal4j.effects.estimate.Matching;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.estimate.PossibleEffects;
import dev.causal4j.effects.estimate.PropensitySummary;
import dev.causal4j.effects.estimate.learner.Learner;
import dev.causal4j.effects.identify.Identifier;
import dev.causal4j.effects.refute.RefuterKind;
import dev.causal4j.effects.refute.Refutation;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j effect}: estimates the average effect of a treatment on an outcome from data,
 * adjusting for covariates the user names or, with {@code --graph}, for what the graph says
 * (identifying first: adjustment set, front door, instruments, IDA for a class that does not
 * identify the effect, or the reason it cannot be estimated).
 */
@Command(
    name = "effect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Estimate the average causal effect of a treatment on an outcome.",
      "Adjusts for the --covariates you name (an assumption nothing checks), or identifies the"
          + " effect in a --graph first and adjusts for what it says (back door, front door,"
          + " instruments; for a CPDAG that does not identify it, every possible effect (IDA))."
          + " Prints the estimate, its 95% interval and how it was computed, what was adjusted"
          + " for and why, and the diagnostics that matter (overlap, balance, warnings)."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j effect lalonde.csv --treatment treat --outcome re78 --estimand att \\",
      "      --covariates age,educ,race,married,nodegree,re74,re75",
      "  causal4j effect data.csv --graph dag.json --treatment X --outcome Y --method aipw"
          + " --learner boosting",
      "  causal4j effect data.csv --treatment price --outcome sales --instrument cost"
          + " --covariates season --format json",
      "  causal4j effect ihdp.csv --treatment treatment --outcome y --covariates x1,x2,x3"
          + " --cate --learner boosting --cate-out cate.csv"
    })
public final class EffectCommand implements Callable<Integer> {

  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Option(names = "--treatment", required = true, paramLabel = "NAME",
      description = "The treatment column (binary, or numeric for regression, dml and iv).")
  String treatment;

  @Option(names = "--outcome", required = true, paramLabel = "NAME",
      description = "The outcome column.")
  String outcome;

  @Option(names = "--graph", paramLabel = "FILE",
      description = "A causal graph (DAG, CPDAG or PAG; JSON, Tetrad text or edge list) to"
          + " identify the effect in. Its node names must be the data's column names.")
  Path graphFile;

  @Option(names = "--covariates", split = ",", paramLabel = "NAME[,NAME…]",
      description = "Covariates to adjust for. Without --graph they are assumed to remove all"
          + " confounding; with --graph every adjustment set must contain them.")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--estimand", paramLabel = "ate|att|atc", defaultValue = "ate",
      description = "Average effect over everyone (ate), the treated (att) or the controls (atc)"
          + " (default: ${DEFAULT-VALUE}).")
  String estimand;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
      description = "auto, regression, g-formula, ipw, aipw, tmle, matching, dml, iv, dml-iv or"
          + " front-door (default: auto, which says why it chose).")
  String method;

  @Option(names = "--instrument", split = ",", paramLabel = "NAME[,NAME…]",
      description = "Instrument(s) for iv or dml-iv (without --graph; a graph finds its own).")
  List<String> instruments = new ArrayList<>();

  @Option(names = "--learner", paramLabel = "linear|forest|boosting", defaultValue = "linear",
      description = "Nuisance learner family: least squares and logistic regression, random"
          + " forests or gradient boosting (XGBoost) (default: ${DEFAULT-VALUE}).")
  String learner;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
      description = "Cross-fitting folds for aipw, tmle, dml, dml-iv (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--splits", paramLabel = "S", defaultValue = "1",
      description = "aipw, tmle: repeat cross-fitting on S fold splits and report the median,"
          + " so the answer depends less on one random split (default: ${DEFAULT-VALUE}).")
  int splits;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
      description = "Bootstrap resamples for g-formula and front-door intervals"
          + " (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--trim", paramLabel = "A", defaultValue = "0",
      description = "ipw: drop units with propensity outside [A, 1-A] (default: none).")
  double trim;

  @Option(names = "--distance", paramLabel = "propensity|mahalanobis",
      defaultValue = "propensity",
      description = "matching: the distance to match on (default: ${DEFAULT-VALUE}).")
  String distance;

  @Option(names = "--caliper", paramLabel = "C", defaultValue = "0",
      description = "matching: largest distance allowed, in SDs of the logit propensity (or in"
          + " Mahalanobis distance) (default: none).")
  double caliper;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed for folds, resamples and learners (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads for the learners (default: the number of cores); results do not"
          + " depend on it.")
  Integer threads;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class, description = "Output format (default: text).")
  Format format;

  @Mixin RefuteOptions refute;

  @Mixin OutputOptions output;

  @Mixin CateOptions cate;

  @Override
  public Integer call() {
    Estimand est = Estimand.parse(estimand);
    Optional<Method> requested = "auto".equalsIgnoreCase(method.trim()) ? Optional.empty()
        : Optional.of(Method.parse(method));
    Learner l = parseLearner(learner);
    Matching.Distance dist = switch (distance.trim().toLowerCase(Locale.ROOT)) {
      case "propensity" -> Matching.Distance.PROPENSITY;
      case "mahalanobis" -> Matching.Distance.MAHALANOBIS;
      default -> throw new InvalidInputException("--distance '" + distance + "' is not a"
          + " matching distance; use propensity or mahalanobis");
    };
    if (!(trim >= 0 && trim < 0.5)) {
      throw new InvalidInputException("--trim must be in [0, 0.5), not " + trim);
    }
    EstimatorSettings settings = new EstimatorSettings(l, folds, bootstrap, seed,
        threads == null ? Runtime.getRuntime().availableProcessors() : threads, trim, dist,
        caliper, splits);
    refute.check();
    Dataset d = data.loadForAnalysis();
    requireColumn(d, treatment, "--treatment");
    requireColumn(d, outcome, "--outcome");
    for (String c : covariates) {
      requireColumn(d, c, "--covariates");
    }
    for (String z : instruments) {
      requireColumn(d, z, "--instrument");
    }
    Identification id = identify(d, requested);
    CateOptions.Run cateRun = cate.run(data, d, id, settings);
    if (id instanceof Ida ida) {
      if (refute.requested()) {
        throw new InvalidInputException("--refute needs one identified effect, but the graph"
            + " leaves a set of possible effects (IDA); drop --refute, or give covariates");
      }
      PossibleEffects pe = PossibleEffects.estimate(d, ida, est, requested, settings);
      output.write(format == Format.JSON ? idaJson(pe) : idaText(pe),
          spec.commandLine().getOut());
      return 0;
    }
    EstimationProblem problem = EstimationProblem.of(d, id, est);
    EstimatorSelection.Choice choice = EstimatorSelection.choose(requested, id,
        EffectData.of(problem), settings);
    Method m = choice.estimator().method();
    Set<RefuterKind> kinds = refute.kinds(m);
    EffectEstimate r = choice.estimator().estimate(problem);
    List<Refutation> refutations = refute.run(kinds, choice.estimator(), problem, r, seed);
    String body = format == Format.JSON ? json(r, choice.reason(), id, refutations)
        : text(r, choice.reason(), id) + RefuteOptions.text(refutations,
            refute.robustnessSkipped(m));
    output.write(cate.append(body, cateRun, format == Format.JSON, output.force),
        spec.commandLine().getOut());
    return 0;
  }

  private static Learner parseLearner(String name) {
    for (Learner l : Learner.values()) {
      if (l.label().equalsIgnoreCase(name.trim())) {
        return l;
      }
    }
    throw new InvalidInputException("--learner '" + name + "' is not a learner; use linear,"
        + " forest or boosting");
  }

  private static void requireColumn(Dataset d, String name, String option) {
    if (d.indexOf(name) < 0) {
      try {
        d.require(name);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(option + ": " + e.getMessage(), e);
      }
    }
  }

  /** The identification to estimate: from the graph, or the user's covariates or instruments. */
  private Identification identify(Dataset d, Optional<Method> requested) {
    if (graphFile == null) {
      CausalQuery q;
      try {
        q = CausalQuery.withoutGraph(List.of(treatment), List.of(outcome), covariates);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--covariates: " + e.getMessage(), e);
      }
      if (!instruments.isEmpty()) {
        for (String z : instruments) {
          if (z.equals(treatment) || z.equals(outcome) || covariates.contains(z)) {
            throw new InvalidInputException("--instrument '" + z + "' is also the treatment,"
                + " the outcome or a covariate; an instrument has one role");
          }
        }
        return new InstrumentalVariable(q, instruments, covariates, List.of(
            "The instruments move the treatment (relevance).",
            "The instruments affect the outcome only through the treatment, and share no"
                + " cause with it beyond the covariates (exclusion, exogeneity): assumed, not"
                + " checked without a graph."));
      }
      if (requested.isPresent() && requested.get() == Method.FRONT_DOOR) {
        throw new InvalidInputException("--method front-door needs mediators, which come from a"
            + " graph: give --graph");
      }
      return Identifier.identify(q);
    }
    if (!instruments.isEmpty()) {
      throw new InvalidInputException("--instrument is for data without a graph; with --graph"
          + " the instruments come from the graph (drop --instrument)");
    }
    Graph g = GraphFiles.read(graphFile);
    List<String> missing = new ArrayList<>();
    for (int v = 0; v < g.size(); v++) {
      if (!g.isLatent(v) && d.indexOf(g.nodeNames().get(v)) < 0) {
        missing.add(g.nodeNames().get(v));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(graphFile + ": the graph's node"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing.subList(0,
              Math.min(8, missing.size()))) + (missing.size() > 8 ? ", …" : "")
          + (missing.size() == 1 ? " is not a column" : " are not columns") + " of the data;"
          + " name the nodes as the columns are named, or mark unmeasured nodes as latent");
    }
    List<Identification> all;
    try {
      CausalQuery q = CausalQuery.builder(g).treatment(treatment).outcome(outcome)
          .adjustFor(covariates).build();
      all = Identifier.identifyAll(q);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(graphFile + ": " + e.getMessage(), e);
    }
    Identification first = all.get(0);
    if (first instanceof NotIdentifiable n) {
      throw new InvalidInputException("cannot estimate: " + n.summary());
    }
    if (requested.isEmpty() || first instanceof Ida) {
      return first;
    }
    Class<? extends Identification> needed = EstimatorSelection.needs(requested.get());
    return all.stream().filter(needed::isInstance).findFirst().orElseThrow(() ->
        new InvalidInputException("--method " + requested.get().label() + " needs "
            + (needed == FrontDoor.class ? "a front-door set"
                : needed == InstrumentalVariable.class ? "an instrument"
                : "an adjustment set") + ", which the graph does not give: " + first.summary()
            + "; use --method auto"));
  }

  // ---------------------------------------------------------------- text

  static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.1f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1 || a == 0) {
      return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String set(List<String> names) {
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }

  /** Why the estimate adjusts for what it does, from the identification. */
  static String why(Identification id) {
    if (id instanceof BackdoorAdjustment b) {
      if (b.criterion() == AdjustmentCriterion.ASSUMED) {
        return b.adjustmentSet().isEmpty()
            ? "no covariates given, so treatment is taken as randomly assigned"
            : "the covariates given with --covariates, assumed to remove all confounding;"
                + " nothing checks this without a graph";
      }
      if (b.adjustmentSet().isEmpty()) {
        return "the graph shows no confounding path between treatment and outcome";
      }
      boolean optimal = b.optimalSet().map(o -> o.equals(b.adjustmentSet())).orElse(false);
      return optimal ? "the graph's optimal adjustment set: it blocks every back-door path and"
          + " gives the smallest variance among valid sets"
          : "a valid adjustment set of the graph: it blocks every non-causal path";
    }
    if (id instanceof FrontDoor f) {
      return "front door through " + set(f.mediators()) + ", which carries the whole effect;"
          + (f.covariates().isEmpty() ? "" : " given " + set(f.covariates()) + ";")
          + " treatment and outcome may share hidden causes";
    }
    if (id instanceof InstrumentalVariable iv) {
      return "instrument" + (iv.instruments().size() == 1 ? " " : "s ") + set(iv.instruments())
          + (iv.conditioningSet().isEmpty() ? "" : " given " + set(iv.conditioningSet()));
    }
    return id.summary();
  }

  static String text(EffectEstimate r, String reason, Identification id) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s of %s on %s: %s  (95%% CI %s to %s; SE %s)%n",
        r.estimand().label().toUpperCase(Locale.ROOT), r.treatment(), r.outcome(),
        num(r.estimate()), num(r.interval().lower()), num(r.interval().upper()),
        num(r.standardError())));
    sb.append('\n');
    row(sb, "Method", r.method().label() + ": " + r.details());
    row(sb, "Why", reason);
    row(sb, "Interval", r.interval().method().label() + " (" + r.interval().detail() + ")");
    if (!r.instruments().isEmpty() || !r.mediators().isEmpty()) {
      row(sb, "Identified by", why(id));
      if (!r.adjustmentSet().isEmpty()) {
        row(sb, "Covariates", set(r.adjustmentSet()));
      }
    } else {
      row(sb, "Adjusted for", set(r.adjustmentSet()) + " (" + why(id) + ")");
    }
    row(sb, "Units", String.valueOf(r.n()));
    Diagnostics g = r.diagnostics();
    g.propensity().ifPresent(p -> row(sb, "Overlap", overlap(p)));
    g.effectiveSampleSize().ifPresent(e -> row(sb, "Effective n", String.format(Locale.ROOT,
        "treated %.1f, controls %.1f (Kish, under the weights)", e.treated(), e.control())));
    if (!g.balance().isEmpty()) {
      row(sb, "Balance", balance(g.balance()));
    }
    g.firstStageF().ifPresent(f -> row(sb, "First stage", String.format(Locale.ROOT,
        "F = %.2f%s", f, f < 10 ? " (weak: below 10)" : "")));
    if (g.trimmed() > 0) {
      row(sb, "Dropped", g.trimmed() + " unit(s) (trimming or no match)");
    }
    if (!g.warnings().isEmpty()) {
      sb.append("\nWarnings:\n");
      for (String w : g.warnings()) {
        wrap(sb, "  - ", "    ", w);
      }
    }
    sb.append("\nAssumptions:\n");
    for (String a : r.assumptions()) {
      wrap(sb, "  - ", "    ", a);
    }
    return sb.toString();
  }

  private static String overlap(PropensitySummary p) {
    double[] t = p.treatedRange();
    double[] c = p.controlRange();
    return String.format(Locale.ROOT, "propensity %s–%s (treated %s–%s, controls %s–%s); %d"
        + " outside common support, %d below 0.01 or above 0.99", num(p.min()), num(p.max()),
        num(t[0]), num(t[1]), num(c[0]), num(c[1]), p.outsideCommonSupport(), p.extreme());
  }

  private static String balance(List<Balance> balance) {
    Balance worstBefore = balance.stream()
        .max(Comparator.comparingDouble(b -> Math.abs(b.before()))).orElseThrow();
    Balance worstAfter = balance.stream()
        .max(Comparator.comparingDouble(b -> Math.abs(b.after()))).orElseThrow();
    long bad = balance.stream().filter(b -> Math.abs(b.after()) >= Balance.THRESHOLD).count();
    return String.format(Locale.ROOT, "largest standardized difference %.2f (%s) before, %.2f"
        + " (%s) after; %d of %d covariates at 0.1 or more after", Math.abs(worstBefore.before()),
        worstBefore.covariate(), Math.abs(worstAfter.after()), worstAfter.covariate(), bad,
        balance.size());
  }

  private static final int WIDTH = 100;

  static void row(StringBuilder sb, String label, String value) {
    wrap(sb, String.format(Locale.ROOT, "  %-13s ", label + ":"), " ".repeat(16), value);
  }

  static void wrap(StringBuilder sb, String first, String rest, String text) {
    String indent = first;
    String left = text;
    while (indent.length() + left.length() > WIDTH) {
      int cut = left.lastIndexOf(' ', WIDTH - indent.length());
      if (cut <= 0) {
        break;
      }
      sb.append(indent).append(left, 0, cut).append('\n');
      left = left.substring(cut + 1);
      indent = rest;
    }
    sb.append(indent).append(left).append('\n');
  }

  static String idaText(PossibleEffects pe) {
    Ida ida = pe.identification();
    StringBuilder sb = new StringBuilder();
    sb.append(ida.query().describe()).append(" is not identified by the graph: ")
        .append(ida.reason()).append('\n');
    sb.append(String.format(Locale.ROOT, "Possible effects (IDA): %s to %s, one per possible"
        + " parent set of %s:%n%n", num(pe.min()), num(pe.max()), ida.query().treatment()));
    for (PossibleEffects.PossibleEffect e : pe.effects()) {
      String head = "  adjusting for {" + String.join(", ", e.adjustmentSet()) + "}: ";
      if (e.estimate().isEmpty()) {
        sb.append(head).append("0 (the outcome is a parent of the treatment here)\n");
      } else {
        EffectEstimate r = e.estimate().get();
        sb.append(head).append(String.format(Locale.ROOT, "%s  (95%% CI %s to %s; %s)%n",
            num(r.estimate()), num(r.interval().lower()), num(r.interval().upper()),
            r.method().label()));
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- json

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String json(EffectEstimate r, String reason, Identification id,
      List<Refutation> refutations) {
    ObjectNode root = MAPPER.createObjectNode();
    fill(root, r);
    root.put("why", reason);
    ObjectNode ident = root.putObject("identification");
    ident.put("strategy", id.strategy().label());
    ident.put("summary", id.summary());
    ident.put("adjustment_reason", why(id));
    RefuteOptions.json(root.putArray("refutations"), refutations);
    return write(root);
  }

  private static void fill(ObjectNode root, EffectEstimate r) {
    root.put("treatment", r.treatment());
    root.put("outcome", r.outcome());
    root.put("estimand", r.estimand().label());
    root.put("method", r.method().label());
    root.put("estimate", r.estimate());
    root.put("stderr", r.standardError());
    ArrayNode ci = root.putArray("ci");
    ci.add(r.interval().lower());
    ci.add(r.interval().upper());
    root.put("ci_method", r.interval().method().label());
    root.put("ci_detail", r.interval().detail());
    root.put("n", r.n());
    strings(root.putArray("adjustment_set"), r.adjustmentSet());
    if (!r.instruments().isEmpty()) {
      strings(root.putArray("instruments"), r.instruments());
    }
    if (!r.mediators().isEmpty()) {
      strings(root.putArray("mediators"), r.mediators());
    }
    root.put("details", r.details());
    Diagnostics g = r.diagnostics();
    ObjectNode diag = root.putObject("diagnostics");
    g.propensity().ifPresent(p -> {
      ObjectNode o = diag.putObject("propensity");
      o.put("min", p.min());
      o.put("max", p.max());
      o.putArray("treated_range").add(p.treatedRange()[0]).add(p.treatedRange()[1]);
      o.putArray("control_range").add(p.controlRange()[0]).add(p.controlRange()[1]);
      o.put("outside_common_support", p.outsideCommonSupport());
      o.put("extreme", p.extreme());
      o.put("clipped", p.clipped());
    });
    diag.put("trimmed", g.trimmed());
    g.effectiveSampleSize().ifPresent(e -> {
      ObjectNode o = diag.putObject("effective_sample_size");
      o.put("treated", e.treated());
      o.put("control", e.control());
    });
    if (!g.balance().isEmpty()) {
      ArrayNode b = diag.putArray("balance");
      for (Balance x : g.balance()) {
        b.addObject().put("covariate", x.covariate()).put("smd_before", x.before())
            .put("smd_after", x.after());
      }
    }
    g.firstStageF().ifPresent(f -> diag.put("first_stage_f", f));
    strings(diag.putArray("warnings"), g.warnings());
    strings(root.putArray("assumptions"), r.assumptions());
  }

  static String idaJson(PossibleEffects pe) {
    Ida ida = pe.identification();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("treatment", ida.query().treatment());
    root.put("outcome", ida.query().outcome());
    root.put("identified", false);
    root.put("strategy", ida.strategy().label());
    root.put("reason", ida.reason());
    root.putArray("range").add(pe.min()).add(pe.max());
    ArrayNode list = root.putArray("possible_effects");
    for (PossibleEffects.PossibleEffect e : pe.effects()) {
      ObjectNode o = list.addObject();
      strings(o.putArray("adjustment_set"), e.adjustmentSet());
      o.put("zero_effect", e.zeroEffect());
      if (e.estimate().isPresent()) {
        fill(o, e.estimate().get());
      } else {
        o.put("estimate", 0.0);
      }
    }
    strings(root.putArray("assumptions"), ida.assumptions());
    root.putArray("refutations");
    return write(root);
  }

  private static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

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
}
