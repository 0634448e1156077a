package dev.causal4j.bench.analyst;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.plan.Algorithm;
import dev.causal4j.analyst.plan.Statistic;
import dev.causal4j.analyst.profile.DataKind;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A single algorithm run with fixed, textbook settings, the analyst's competitors in {@code bench
 * analyst}: α = 0.01 for tests, penalty discount 1 for scores. The test or score follows the data
 * (Fisher Z / BIC for continuous, G² / BDeu for discrete, conditional Gaussian for mixed), as a
 * user who knows only that much would choose. Missing values: Fisher Z uses each test's complete
 * rows (test-wise); the others see the rows complete in every column (a BIC over pairwise
 * covariances scored F1 below 0.1, and FGES did not finish on one such data set).
 */
public enum FixedMethod {
  PC_STABLE("pc-stable", Algorithm.PC_STABLE, 0.01, true),
  BOSS("boss", Algorithm.BOSS, 1.0, false),
  FGES("fges", Algorithm.FGES, 1.0, false),
  DIRECTLINGAM("directlingam", Algorithm.DIRECTLINGAM, 0, false),
  FCI("fci", Algorithm.FCI, 0.01, true),
  GFCI("gfci", Algorithm.GFCI, 0.01, true);

  /** The fixed methods {@code bench analyst} runs unless told otherwise. */
  public static final List<FixedMethod> DEFAULT = List.of(PC_STABLE, BOSS, FGES, DIRECTLINGAM,
      FCI);

  private final String label;
  private final Algorithm algorithm;
  private final double parameter;
  private final boolean test;

  FixedMethod(String label, Algorithm algorithm, double parameter, boolean test) {
    this.label = label;
    this.algorithm = algorithm;
    this.parameter = parameter;
    this.test = test;
  }

  public String label() {
    return label;
  }

  /** The statistic for data of this kind, or empty if the method cannot read such data. */
  public Optional<Statistic> statistic(DataKind kind) {
    if (this == DIRECTLINGAM) {
      return kind == DataKind.CONTINUOUS ? Optional.of(Statistic.NONE) : Optional.empty();
    }
    return Optional.of(switch (kind) {
      case CONTINUOUS -> test ? Statistic.FISHER_Z : Statistic.BIC;
      case DISCRETE -> test ? Statistic.G_SQUARE : Statistic.BDEU;
      case MIXED -> test ? Statistic.CONDITIONAL_GAUSSIAN : Statistic.CONDITIONAL_GAUSSIAN_BIC;
    });
  }

  /** Runs on {@code data}, or empty if the method cannot read data of this kind. */
  public Optional<DiscoveryResult> run(Dataset data, long seed, int threads) {
    DataKind kind = data.isAllContinuous() ? DataKind.CONTINUOUS
        : data.isAllCategorical() ? DataKind.DISCRETE : DataKind.MIXED;
    Optional<Statistic> s = statistic(kind);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Dataset d = data;
    boolean testwise = s.get() == Statistic.FISHER_Z;
    if (d.hasMissing() && !testwise) {
      d = d.applyMissingPolicy(MissingPolicy.LISTWISE_DELETION);
    }
    return Optional.of(algorithm.search(d, s.get(), parameter, Knowledge.empty(), seed,
        threads));
  }

  /**
   * The methods in a comma-separated list.
   *
   * @throws InvalidInputException for an unknown name, listing the known ones
   */
  public static List<FixedMethod> parse(String list) {
    List<FixedMethod> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String l = part.trim().toLowerCase(Locale.ROOT);
      out.add(Stream.of(values()).filter(m -> m.label.equals(l)).findFirst()
          .orElseThrow(() -> new InvalidInputException("--algorithms: '" + part.trim() + "' is"
              + " not one of " + Stream.of(values()).map(FixedMethod::label)
                  .collect(Collectors.joining(", ")))));
    }
    return List.copyOf(out);
  }
}
