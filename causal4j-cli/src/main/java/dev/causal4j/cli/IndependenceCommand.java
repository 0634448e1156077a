package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j independence}: one conditional-independence test, {@code x ⫫ y | z}, on a data
 * file, printing the statistic and the p-value, so a user can check a single claim.
 */
@Command(
    name = "independence",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Test whether X and Y are independent given the variables in --given, and print the test's"
          + " statistic and p-value. Without --test the test follows the data: fisher-z for"
          + " continuous variables, g-square for categorical ones, cg when they are mixed.",
      ""
    },
    footer = {
      "",
      "Tests:",
      "  fisher-z    partial correlation (linear-Gaussian data)",
      "  g-square    likelihood-ratio test of categorical data, degrees of freedom adjusted for"
          + " empty cells",
      "  chi-square  Pearson's test of categorical data, same adjustment",
      "  cg          conditional-Gaussian likelihood ratio (mixed continuous and categorical)",
      "  kci         kernel test for any dependence (O(n³): slow beyond about 1,000 rows)",
      "  rcit, rcot  random-feature approximations of kci (linear in n; seeded by --seed)",
      "",
      "Examples:",
      "  causal4j independence --x praf --y pmek examples/sachs.csv",
      "  causal4j independence --x PIP3 --y praf --given PIP2,plcg --test fisher-z \\",
      "      --format json examples/sachs.csv",
      "  causal4j independence --x smoke --y dysp --given bronc --test g-square asia.csv"
    })
public final class IndependenceCommand implements Callable<Integer> {

  /** How the result is written. */
  enum Format {
    TEXT,
    JSON
  }

  @Option(names = "--x", required = true, paramLabel = "X", description = "The first variable.")
  String x;

  @Option(names = "--y", required = true, paramLabel = "Y", description = "The second variable.")
  String y;

  @Option(
      names = "--given",
      split = ",",
      paramLabel = "Z",
      description = "The conditioning variables, comma-separated (default: none).")
  List<String> given = new ArrayList<>();

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "Significance level for the verdict line (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "0",
      description = "Seed of rcit's and rcot's random features (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (for people, the default) or json (for programs).")
  Format format;

  @Mixin TestOptions tests;

  @Mixin DataOptions data;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!(alpha > 0 && alpha < 1)) {
      throw new InvalidInputException("--alpha must be between 0 and 1, not " + alpha);
    }
    checkVariableNames();
    Dataset all = data.loadForAnalysis();
    List<String> names = new ArrayList<>();
    names.add(x);
    names.add(y);
    names.addAll(given);
    Dataset d = all.selectColumns(names);
    TestOptions.Test chosen = tests.chosen(d);
    IndependenceTest t = tests.build(chosen, d, seed, 1);
    int[] z = new int[given.size()];
    for (int q = 0; q < z.length; q++) {
      z[q] = q + 2;
    }
    TestResult r = t.test(0, 1, z);
    String source = data.sql().map(q -> "SQL query").orElse(d.source().orElse(""));
    String text = format == Format.JSON ? json(chosen, r, source) : text(chosen, r, source);
    output.write(text, spec.commandLine().getOut());
    return 0;
  }

  private void checkVariableNames() {
    if (x.equals(y)) {
      throw new InvalidInputException(
          "--x and --y are both '" + x + "'; test two different variables");
    }
    Set<String> seen = new HashSet<>();
    for (String g : given) {
      if (g.isBlank()) {
        throw new InvalidInputException("--given has an empty name; list variables like C,D");
      }
      if (g.equals(x) || g.equals(y)) {
        throw new InvalidInputException(
            "'" + g + "' is both tested and in --given; remove it from --given");
      }
      if (!seen.add(g)) {
        throw new InvalidInputException("'" + g + "' appears twice in --given; list it once");
      }
    }
  }

  private String question() {
    return x + " ⫫ " + y + (given.isEmpty() ? "" : " | " + String.join(", ", given));
  }

  private String text(TestOptions.Test chosen, TestResult r, String source) {
    StringBuilder out = new StringBuilder();
    out.append(question()).append("   (").append(chosen.label)
        .append(source.isEmpty() ? "" : ", " + source).append(")\n");
    out.append(String.format(Locale.ROOT, "statistic  %.6g%n", r.statistic()));
    out.append(String.format(Locale.ROOT, "p-value    %.6g%n", r.pValue()));
    if (!Double.isNaN(r.degreesOfFreedom())) {
      out.append(String.format(Locale.ROOT, "dof        %s%n", number(r.degreesOfFreedom())));
    }
    out.append("rows used  ").append(r.sampleSize()).append('\n');
    out.append(String.format(Locale.ROOT, "at alpha %s: %s%n", number(alpha),
        r.pValue() < alpha
            ? "dependent (independence rejected)"
            : "no evidence against independence"));
    return out.toString();
  }

  private String json(TestOptions.Test chosen, TestResult r, String source) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("x", x);
    o.put("y", y);
    o.set("given", mapper.valueToTree(given));
    o.put("test", chosen.label);
    o.put("statistic", r.statistic());
    o.put("pValue", r.pValue());
    if (Double.isNaN(r.degreesOfFreedom())) {
      o.putNull("degreesOfFreedom");
    } else {
      o.put("degreesOfFreedom", r.degreesOfFreedom());
    }
    o.put("sampleSize", r.sampleSize());
    o.put("alpha", alpha);
    o.put("independent", r.pValue() >= alpha);
    if (chosen == TestOptions.Test.RCIT || chosen == TestOptions.Test.RCOT) {
      o.put("seed", seed);
    }
    o.put("source", source);
    try {
      return mapper.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String number(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }





  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use text or json");
      }
    }
  }
}
