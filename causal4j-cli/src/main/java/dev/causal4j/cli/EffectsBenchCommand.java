package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.simulate.ConfoundedTreatment;
import dev.causal4j.bench.suite.EffectsBenchmark;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.estimate.learner.Learner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code causal4j bench effects}: times effect estimators on generated data (true ATE 1). */
@Command(
    name = "effects",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time effect estimators on generated confounded, nonlinear data with a known ATE of 1:"
          + " seconds, peak Java heap, estimate and 95% interval per estimator.",
      "Run under the heap limit you want to check, e.g."
          + " java -Xmx4g -jar causal4j-cli/target/causal4j.jar bench effects"
    },
    footer = {
      "",
      "Examples:",
      "  causal4j bench effects                       # 1,000,000 rows x 20 covariates",
      "  causal4j bench effects --rows 100000 --estimators aipw,tmle,dml --format json"
    })
public final class EffectsBenchCommand implements Callable<Integer> {

  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
      description = "Rows to generate (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--covariates", paramLabel = "P", defaultValue = "20",
      description = "Covariates, at least 5 (default: ${DEFAULT-VALUE}).")
  int covariates;

  @Option(names = "--estimators", split = ",", paramLabel = "METHOD[,METHOD…]",
      defaultValue = "regression,ipw,aipw",
      description = "Estimators to time (default: ${DEFAULT-VALUE}); any of regression,"
          + " g-formula, ipw, aipw, tmle, matching, dml.")
  List<String> estimators;

  @Option(names = "--learner", paramLabel = "linear|forest|boosting", defaultValue = "boosting",
      description = "Nuisance learners of aipw, tmle, dml, g-formula (default:"
          + " ${DEFAULT-VALUE}).")
  String learner;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
      description = "Cross-fitting folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed for the data and the estimators (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Learner threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = EffectCommand.FormatConverter.class,
      description = "Output format (default: text).")
  EffectCommand.Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (rows < 100) {
      throw new InvalidInputException("--rows must be at least 100, not " + rows);
    }
    if (covariates < 5) {
      throw new InvalidInputException("--covariates must be at least 5 (the model uses five),"
          + " not " + covariates);
    }
    List<Method> methods = new ArrayList<>();
    for (String e : estimators) {
      Method m = Method.parse(e);
      if (m == Method.IV || m == Method.DML_IV || m == Method.FRONT_DOOR) {
        throw new InvalidInputException("--estimators: " + m.label() + " needs instruments or"
            + " mediators, which the benchmark's model has none of");
      }
      methods.add(m);
    }
    Learner l = null;
    for (Learner x : Learner.values()) {
      if (x.label().equalsIgnoreCase(learner.trim())) {
        l = x;
      }
    }
    if (l == null) {
      throw new InvalidInputException("--learner '" + learner + "' is not a learner; use"
          + " linear, forest or boosting");
    }
    int th = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (th < 1) {
      throw new InvalidInputException("--threads must be at least 1, not " + th);
    }
    EffectsBenchmark.Result r = EffectsBenchmark.run(new EffectsBenchmark.Config(rows,
        covariates, seed, methods, l, folds, th));
    output.write(format == EffectCommand.Format.JSON ? json(r) : text(r),
        spec.commandLine().getOut());
    return 0;
  }

  static String text(EffectsBenchmark.Result r) {
    EffectsBenchmark.Config c = r.config();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Effect estimators on %,d rows x %d covariates"
        + " (confounded, nonlinear; true ATE %.1f), seed %d, %d thread(s), max heap %,d MiB%n",
        c.rows(), c.covariates(), ConfoundedTreatment.ATE, c.seed(), c.threads(),
        Runtime.getRuntime().maxMemory() >> 20));
    sb.append(String.format(Locale.ROOT, "Data generated in %.1f s%n%n", r.generationSeconds()));
    sb.append(String.format(Locale.ROOT, "%-12s %-9s %9s %14s %9s %23s %7s%n", "estimator",
        "learner", "seconds", "peak heap MiB", "estimate", "95% interval", "covers"));
    for (EffectsBenchmark.Run run : r.runs()) {
      sb.append(String.format(Locale.ROOT, "%-12s %-9s %9.1f %14d %9.4f [%9.4f, %9.4f] %7s%n",
          run.method().label(), run.learner().label(), run.seconds(),
          run.peakHeapBytes() >> 20, run.estimate(), run.lower(), run.upper(),
          run.covers() ? "yes" : "no"));
    }
    if (r.peakResidentBytes() > 0) {
      sb.append(String.format(Locale.ROOT, "%nPeak resident memory of the process: %,d MiB"
          + " (heap, native learner memory and code)%n", r.peakResidentBytes() >> 20));
    }
    return sb.toString();
  }

  static String json(EffectsBenchmark.Result r) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    EffectsBenchmark.Config c = r.config();
    root.put("rows", c.rows());
    root.put("covariates", c.covariates());
    root.put("seed", c.seed());
    root.put("threads", c.threads());
    root.put("folds", c.folds());
    root.put("true_ate", ConfoundedTreatment.ATE);
    root.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    root.put("generation_seconds", r.generationSeconds());
    ArrayNode runs = root.putArray("runs");
    for (EffectsBenchmark.Run run : r.runs()) {
      runs.addObject().put("estimator", run.method().label())
          .put("learner", run.learner().label()).put("seconds", run.seconds())
          .put("peak_heap_bytes", run.peakHeapBytes()).put("estimate", run.estimate())
          .put("ci_lower", run.lower()).put("ci_upper", run.upper()).put("covers", run.covers());
    }
    root.put("peak_resident_bytes", r.peakResidentBytes());
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
