package dev.causal4j.effects.refute;

import dev.causal4j.InvalidInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The refutations and sensitivity analyses, by the names used on the command line and in JSON. */
public enum RefuterKind {
  /** The treatment replaced by a random permutation of itself ({@link PlaceboTreatment}). */
  PLACEBO_TREATMENT("placebo"),
  /** An independent N(0,1) covariate added to the adjustment set ({@link RandomCommonCause}). */
  RANDOM_COMMON_CAUSE("random-common-cause"),
  /** The estimate on random subsets of the rows ({@link DataSubset}). */
  DATA_SUBSET("subset"),
  /** The outcome replaced by one independent of the treatment given the covariates
   * ({@link DummyOutcome}). */
  DUMMY_OUTCOME("dummy-outcome"),
  /** The estimate over bootstrap resamples ({@link BootstrapStability}). */
  BOOTSTRAP("bootstrap"),
  /** VanderWeele and Ding's E-value ({@link EValue}). */
  E_VALUE("e-value"),
  /** Cinelli and Hazlett's robustness value, for least-squares estimates ({@link
   * RobustnessValue}). */
  ROBUSTNESS_VALUE("robustness-value");

  private final String label;

  RefuterKind(String label) {
    this.label = label;
  }

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** True for the refuters that re-run the estimator on modified data. */
  public boolean reruns() {
    return this != E_VALUE && this != ROBUSTNESS_VALUE;
  }

  /**
   * The refuters named in a comma-separated list, or every one for {@code all}.
   *
   * @throws InvalidInputException for an unknown name, in one line listing the valid ones
   */
  public static Set<RefuterKind> parseList(String list) {
    Set<RefuterKind> out = EnumSet.noneOf(RefuterKind.class);
    for (String part : list.split(",")) {
      String l = part.trim().toLowerCase(Locale.ROOT);
      if (l.equals("all")) {
        out.addAll(EnumSet.allOf(RefuterKind.class));
        continue;
      }
      out.add(Stream.of(values()).filter(k -> k.label.equals(l)).findFirst()
          .orElseThrow(() -> new InvalidInputException("--refute: '" + part.trim() + "' is not a"
              + " refuter; use all or a comma-separated list of " + labels())));
    }
    return out;
  }

  /** Every label, comma-separated. */
  public static String labels() {
    return Stream.of(values()).map(RefuterKind::label).collect(Collectors.joining(", "));
  }
}
