package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.IdExpression;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.effects.identify.Identifier;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j identify}: says whether a causal effect can be computed from observational data
 * given a causal graph, how (adjustment set, front-door, ID expression, instruments, IDA), and on
 * which assumptions, or why not.
 */
@Command(
    name = "identify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Decide whether the effect of a treatment on an outcome is identified by a causal graph,"
          + " and how.",
      "The graph may be a DAG (hidden variables as \"latent\" nodes or <-> edges), a CPDAG or a"
          + " PAG, as JSON, Tetrad text or an edge list. Prints the adjustment sets (optimal and"
          + " minimal), front-door sets, instruments or the ID algorithm's estimand, with the"
          + " assumptions behind them; when the effect is not identified, the reason (and for a"
          + " CPDAG, IDA's possible parent sets)."
    },
    footer = {
      "",
      "Examples:",
      "  causal4j identify --graph truth.json --treatment X3 --outcome X7",
      "  causal4j identify --graph cpdag.json --treatment smoking --outcome cancer --format json",
      "  causal4j identify --graph g.txt --treatment A,B --outcome Y --exclude income"
    })
public final class IdentifyCommand implements Callable<Integer> {

  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;

  @Option(names = "--graph", required = true, paramLabel = "FILE",
      description = "The causal graph (JSON, Tetrad text or edge list).")
  Path graphFile;

  @Option(names = "--treatment", required = true, split = ",", paramLabel = "NAME[,NAME…]",
      description = "The treatment(s): the variables intervened on.")
  List<String> treatments;

  @Option(names = "--outcome", required = true, split = ",", paramLabel = "NAME[,NAME…]",
      description = "The outcome(s).")
  List<String> outcomes;

  @Option(names = "--adjust-for", split = ",", paramLabel = "NAME[,NAME…]",
      description = "Covariates every adjustment set must contain.")
  List<String> required = new ArrayList<>();

  @Option(names = "--exclude", split = ",", paramLabel = "NAME[,NAME…]",
      description = "Variables not to use at all, as if unmeasured.")
  List<String> excluded = new ArrayList<>();

  @Option(names = "--max-minimal-sets", paramLabel = "N", defaultValue = "16",
      description = "List at most N minimal adjustment sets (default: ${DEFAULT-VALUE}).")
  int maxMinimalSets;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class, description = "Output format (default: text).")
  Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (maxMinimalSets < 1) {
      throw new InvalidInputException("--max-minimal-sets must be at least 1, not "
          + maxMinimalSets);
    }
    Graph graph = GraphFiles.read(graphFile);
    List<Identification> all;
    try {
      CausalQuery query = CausalQuery.builder(graph).treatments(treatments).outcomes(outcomes)
          .adjustFor(required).exclude(excluded).build();
      all = Identifier.identifyAll(query, new Identifier.Options(maxMinimalSets));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(graphFile + ": " + e.getMessage(), e);
    }
    String text = format == Format.JSON ? json(all) : text(all);
    output.write(text, spec.commandLine().getOut());
    return 0;
  }

  private static <T extends Identification> Optional<T> find(List<Identification> all,
      Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  private static String set(List<String> names) {
    return "{" + String.join(", ", names) + "}";
  }

  static String text(List<Identification> all) {
    Identification chosen = all.get(0);
    StringBuilder sb = new StringBuilder();
    String head = chosen instanceof NotIdentifiable n
        ? chosen.query().describe() + " is not " + (n.proven() ? "identifiable" : "identified")
        : chosen.summary();
    sb.append(head).append(".\n\n");
    if (chosen instanceof BackdoorAdjustment b) {
      String why = b.optimalSet().isPresent()
          ? "  (the optimal set: smallest asymptotic variance among valid sets)"
          : "";
      row(sb, "Adjust for", set(b.adjustmentSet()) + why);
      b.optimalSet().filter(o -> !o.equals(b.adjustmentSet()))
          .ifPresent(o -> row(sb, "Optimal set", set(o)));
      if (!b.minimalSets().isEmpty()) {
        List<String> ms = b.minimalSets().stream().map(IdentifyCommand::set).toList();
        row(sb, "Minimal sets", String.join(", ", ms)
            + (b.minimalSetsTruncated() ? ", … (more exist)" : ""));
      }
    } else if (chosen instanceof FrontDoor f) {
      row(sb, "Mediators", set(f.mediators()));
      if (!f.covariates().isEmpty()) {
        row(sb, "Covariates", set(f.covariates()));
      }
    } else if (chosen instanceof InstrumentalVariable iv) {
      row(sb, "Instruments", set(iv.instruments()));
      if (!iv.conditioningSet().isEmpty()) {
        row(sb, "Given", set(iv.conditioningSet()));
      }
      row(sb, "Estimand", iv.estimandText());
    } else if (chosen instanceof Ida ida) {
      row(sb, "Why", ida.reason());
      sb.append("  IDA: adjust for the parents of ").append(String.join(", ",
          chosen.query().treatments())).append(" in each possible DAG of the class:\n");
      for (Ida.Candidate c : ida.candidates()) {
        sb.append("    ").append(set(c.parents()));
        if (c.zeroEffect()) {
          sb.append("  (effect zero: an outcome is a parent of the treatment)");
        }
        sb.append('\n');
      }
    } else if (chosen instanceof NotIdentifiable n) {
      row(sb, "Why", n.reason());
      row(sb, "Proven", n.proven() ? "yes: no method can identify it under these assumptions"
          : "no: only the methods implemented here failed");
    }
    chosen.estimand().ifPresent(e -> row(sb, "Estimand", e.toText()));
    if (chosen instanceof IdExpression id && !id.arbitraryVariables().isEmpty()) {
      row(sb, "Any value of", set(id.arbitraryVariables()) + " (the estimand is the same for"
          + " every value)");
    }
    for (Identification other : all.subList(1, all.size())) {
      row(sb, "Also", alternative(other));
    }
    sb.append("\nAssumptions:\n");
    for (String a : chosen.assumptions()) {
      wrap(sb, "  - ", "    ", a);
    }
    return sb.toString();
  }

  /** Lines of at most {@link #WIDTH} characters, breaking at spaces. */
  private static void wrap(StringBuilder sb, String first, String rest, String text) {
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

  private static final int WIDTH = 100;

  private static String alternative(Identification i) {
    if (i instanceof FrontDoor f) {
      return "front-door through " + set(f.mediators())
          + (f.covariates().isEmpty() ? "" : " given " + set(f.covariates()));
    }
    if (i instanceof IdExpression id) {
      return "ID algorithm: " + id.expression().toText();
    }
    if (i instanceof InstrumentalVariable iv) {
      return "instrument" + (iv.instruments().size() == 1 ? " " : "s ") + set(iv.instruments())
          + (iv.conditioningSet().isEmpty() ? "" : " given " + set(iv.conditioningSet()))
          + " (linear model): " + iv.estimandText();
    }
    return i.summary();
  }

  private static void row(StringBuilder sb, String label, String value) {
    wrap(sb, String.format(Locale.ROOT, "  %-13s ", label + ":"), " ".repeat(16), value);
  }

  static String json(List<Identification> all) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    Identification chosen = all.get(0);
    root.put("query", chosen.query().describe());
    strings(root.putArray("treatments"), chosen.query().treatments());
    strings(root.putArray("outcomes"), chosen.query().outcomes());
    root.put("identified", chosen.isIdentified());
    root.put("strategy", chosen.strategy().label());
    find(all, BackdoorAdjustment.class).ifPresent(b -> {
      ObjectNode sets = root.putObject("adjustment_sets");
      b.optimalSet().ifPresent(o -> strings(sets.putArray("optimal"), o));
      ArrayNode minimal = sets.putArray("minimal");
      b.minimalSets().forEach(m -> strings(minimal.addArray(), m));
      if (b.minimalSetsTruncated()) {
        sets.put("minimal_truncated", true);
      }
      strings(sets.putArray("used"), b.adjustmentSet());
      root.put("criterion", b.criterion().name().toLowerCase(Locale.ROOT));
    });
    find(all, FrontDoor.class).ifPresent(f -> {
      strings(root.putArray("front_door"), f.mediators());
      if (!f.covariates().isEmpty()) {
        strings(root.putArray("front_door_covariates"), f.covariates());
      }
    });
    find(all, InstrumentalVariable.class).ifPresent(iv -> {
      strings(root.putArray("instruments"), iv.instruments());
      if (!iv.conditioningSet().isEmpty()) {
        strings(root.putArray("instrument_covariates"), iv.conditioningSet());
      }
      root.put("iv_estimand", iv.estimandText());
    });
    if (chosen.estimand().isPresent()) {
      root.put("expression", chosen.estimand().get().toText());
    } else if (chosen instanceof InstrumentalVariable iv) {
      root.put("expression", iv.estimandText());
    }
    if (chosen instanceof IdExpression id && !id.arbitraryVariables().isEmpty()) {
      strings(root.putArray("arbitrary_variables"), id.arbitraryVariables());
    }
    if (chosen instanceof Ida ida) {
      root.put("reason", ida.reason());
      ArrayNode list = root.putArray("ida");
      for (Ida.Candidate c : ida.candidates()) {
        ObjectNode n = list.addObject();
        strings(n.putArray("parents"), c.parents());
        n.put("zero_effect", c.zeroEffect());
      }
    }
    if (chosen instanceof NotIdentifiable n) {
      root.put("reason", n.reason());
      root.put("proven", n.proven());
      n.hedge().ifPresent(h -> {
        ObjectNode hedge = root.putObject("hedge");
        strings(hedge.putArray("F"), h.forest());
        strings(hedge.putArray("F_prime"), h.subforest());
      });
    }
    strings(root.putArray("assumptions"), chosen.assumptions());
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
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
