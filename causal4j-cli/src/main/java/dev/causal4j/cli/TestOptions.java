package dev.causal4j.cli;

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
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.TestwiseCovariance;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --test} and the tests' own settings, shared by {@code independence} and {@code
 * discover}: which conditional-independence test to build from the data, with a default by data
 * type (continuous → fisher-z, categorical → g-square, mixed → cg).
 */
public final class TestOptions {

  /** The tests offered on the command line. */
  enum Test {
    FISHER_Z("fisher-z"),
    /** Fisher's z of the partial correlation by the name time-series work (Tigramite) uses. */
    PAR_CORR("par-corr"),
    G_SQUARE("g-square"),
    CHI_SQUARE("chi-square"),
    CG("cg"),
    KCI("kci"),
    RCIT("rcit"),
    RCOT("rcot"),
    /** d-separation in a known graph; {@code discover} takes the graph from {@code --truth}. */
    ORACLE("oracle");

    final String label;

    Test(String label) {
      this.label = label;
    }
  }

  @Option(
      names = "--test",
      paramLabel = "TEST",
      converter = TestConverter.class,
      description = "fisher-z (also called par-corr), g-square, chi-square, cg, kci, rcit, rcot or"
          + " oracle (default: by data type).")
  Test test;

  @Option(
      names = "--features",
      paramLabel = "N",
      description = "rcit/rcot: random features for each tested variable (default: 5).")
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

  /** The test asked for, or the default for the data's types. */
  Test chosen(Dataset d) {
    if (test != null) {
      return test;
    }
    if (d.isAllContinuous()) {
      return Test.FISHER_Z;
    }
    if (d.isAllCategorical()) {
      return Test.G_SQUARE;
    }
    return Test.CG;
  }

  /** Builds the test over all of {@code d}'s variables, checking it suits their types. */
  IndependenceTest build(Test chosen, Dataset d, long seed, int threads) {
    switch (chosen) {
      case FISHER_Z:
      case PAR_CORR:
        for (Variable v : d.variables()) {
          if (!v.isContinuous()) {
            throw new InvalidInputException(
                chosen.label + " needs continuous variables, but '" + v.name() + "'"
                    + d.source().map(s -> " in " + s).orElse("") + " is "
                    + v.type().toString().toLowerCase(Locale.ROOT) + "; use --test "
                    + (d.isAllCategorical() ? "g-square" : "cg") + " (or --continuous "
                    + v.name() + " if its numbers are measurements)");
          }
        }
        return new FisherZTest(
            d.hasMissing() ? TestwiseCovariance.of(d) : CovarianceMatrix.of(d, threads));
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
        return new RcitTest(d, seed, features == null ? RcitTest.DEFAULT_FEATURES_XY : features,
            givenFeatures == null ? RcitTest.DEFAULT_FEATURES_Z : givenFeatures);
      case RCOT:
        return new RcotTest(d, seed, features == null ? RcotTest.DEFAULT_FEATURES_XY : features,
            givenFeatures == null ? RcotTest.DEFAULT_FEATURES_Z : givenFeatures);
      case ORACLE:
        throw new InvalidInputException("--test oracle answers from a known graph rather than"
            + " data; use it with discover --truth FILE");
      default:
        throw new IllegalStateException(chosen.toString());
    }
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
          "'" + value + "' is not a test; use fisher-z (par-corr), g-square, chi-square, cg, kci,"
              + " rcit, rcot or oracle");
    }
  }

  static final class BandwidthConverter implements CommandLine.ITypeConverter<KciTest.Bandwidth> {
    @Override
    public KciTest.Bandwidth convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "empirical" -> KciTest.Bandwidth.EMPIRICAL;
        case "median" -> KciTest.Bandwidth.MEDIAN;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a kernel-width rule; use empirical or median");
      };
    }
  }
}
