package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.independence.ChiSquareTest;
import dev.causal4j.independence.ConditionalGaussianTest;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.GSquareTest;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.KciTest;
import dev.causal4j.independence.RcitTest;
import dev.causal4j.independence.RcotTest;
import dev.causal4j.independence.TestResult;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestwiseCovariance;
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

  /** The tests this command offers. */
  enum Test {
    FISHER_Z("fisher-z"),
    G_SQUARE("g-square"),
    CHI_SQUARE("chi-square"),
    CG("cg"),
    KCI("kci"),
    RCIT("rcit"),
    RCOT("rcot");

    final String label;

    Test(String label) {
      this.label = label;
    }
  }

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
      names = "--test",
      paramLabel = "TEST",
      converter = TestConverter.class,
      description = "fisher-z, g-square, chi-square, cg, kci, rcit or rcot (default: by data type).")
  Test test;

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
      names = "--features",
      paramLabel = "N",
      description = "rcit/rcot: random features for X and for Y (default: 5).")
  Integer features;

  @Option(
      names = "--given-features",
      paramLabel = "N",
      description = "rcit/rcot: random features for the conditioning set (default: 100).")
  Integer givenFeatures;

  @Option(
      names = "--kernel-width",
      paramLabel = "RULE",
      defaultValue = "empirical",
      converter = BandwidthConverter.class,
      description = "kci: empirical (causal-learn's default) or median (the median heuristic).")
  KciTest.Bandwidth bandwidth;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (for people, the default) or json (for programs).")
  Format format;

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
    Test chosen = test != null ? test : defaultTest(d);
    IndependenceTest t = build(chosen, d);
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

  /** fisher-z for continuous variables, g-square for categorical ones, cg for a mix. */
  static Test defaultTest(Dataset d) {
    if (d.isAllContinuous()) {
      return Test.FISHER_Z;
    }
    if (d.isAllCategorical()) {
      return Test.G_SQUARE;
    }
    return Test.CG;
  }

  private IndependenceTest build(Test chosen, Dataset d) {
    switch (chosen) {
      case FISHER_Z:
        for (Variable v : d.variables()) {
          if (!v.isContinuous()) {
            throw new InvalidInputException(
                "fisher-z needs continuous variables, but '" + v.name() + "'"
                    + d.source().map(s -> " in " + s).orElse("") + " is "
                    + v.type().toString().toLowerCase(Locale.ROOT) + "; use --test "
                    + (d.isAllCategorical() ? "g-square" : "cg") + " (or --continuous "
                    + v.name() + " if its numbers are measurements)");
          }
        }
        return new FisherZTest(d.hasMissing() ? TestwiseCovariance.of(d) : CovarianceMatrix.of(d));
      case G_SQUARE:
      case CHI_SQUARE:
        for (Variable v : d.variables()) {
          if (!v.isCategorical()) {
            throw new InvalidInputException(
                chosen.label + " needs categorical variables, but '" + v.name() + "'"
                    + d.source().map(s -> " in " + s).orElse("") + " is continuous; use --test "
                    + (d.isAllContinuous() ? "fisher-z" : "cg") + " (or --discrete " + v.name()
                    + " if it takes a few values)");
          }
        }
        ContingencyTables tables = ContingencyTables.of(d);
        return chosen == Test.G_SQUARE ? new GSquareTest(tables) : new ChiSquareTest(tables);
      case CG:
        return new ConditionalGaussianTest(d);
      case KCI:
        return new KciTest(d, bandwidth);
      case RCIT:
        return new RcitTest(d, seed, featuresXy(RcitTest.DEFAULT_FEATURES_XY),
            featuresZ(RcitTest.DEFAULT_FEATURES_Z));
      case RCOT:
        return new RcotTest(d, seed, featuresXy(RcotTest.DEFAULT_FEATURES_XY),
            featuresZ(RcotTest.DEFAULT_FEATURES_Z));
      default:
        throw new IllegalStateException(chosen.toString());
    }
  }

  private int featuresXy(int fallback) {
    return features == null ? fallback : features;
  }

  private int featuresZ(int fallback) {
    return givenFeatures == null ? fallback : givenFeatures;
  }

  private String question() {
    return x + " ⫫ " + y + (given.isEmpty() ? "" : " | " + String.join(", ", given));
  }

  private String text(Test chosen, TestResult r, String source) {
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

  private String json(Test chosen, TestResult r, String source) {
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
    if (chosen == Test.RCIT || chosen == Test.RCOT) {
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

  static final class TestConverter implements CommandLine.ITypeConverter<Test> {
    @Override
    public Test convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (Test t : Test.values()) {
        if (t.label.equals(v)) {
          return t;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a test; use fisher-z, g-square, chi-square, cg, kci, rcit or"
              + " rcot");
    }
  }

  static final class BandwidthConverter implements CommandLine.ITypeConverter<KciTest.Bandwidth> {
    @Override
    public KciTest.Bandwidth convert(String value) {
      try {
        return KciTest.Bandwidth.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a kernel-width rule; use empirical or median");
      }
    }
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
