package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.ges.GesScore;
import dev.causal4j.score.CachedScore;
import dev.causal4j.score.Score;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --score} and the scores' own settings, for the score-based searches of {@code discover}
 * (fges, ges, boss, grasp, gfci): which score to build from the data, with a default by data type
 * (continuous → bic, categorical → bdeu, mixed → cg-bic).
 */
public final class ScoreOptions {

  @Option(
      names = "--score",
      paramLabel = "SCORE",
      converter = ScoreConverter.class,
      description = "Score searches: bic (linear-Gaussian), bdeu (categorical) or cg-bic"
          + " (conditional-Gaussian, mixed); default: by data type.")
  GesScore score;

  @Option(
      names = "--penalty",
      paramLabel = "C",
      description = "bic, cg-bic: penalty discount, multiplying the BIC's complexity penalty"
          + " (default: 2; 1 is the classical BIC, larger values give sparser graphs).")
  Double penalty;

  @Option(
      names = "--sample-prior",
      paramLabel = "A",
      description = "bdeu: equivalent sample size (default: 1; larger values favour denser"
          + " graphs).")
  Double samplePrior;

  @Option(
      names = "--structure-prior",
      paramLabel = "E",
      description = "bdeu: expected number of parents of a node; 0 (default) for a uniform prior"
          + " over parent sets.")
  Double structurePrior;

  /** Whether any score option was given (to refuse them for searches that take no score). */
  boolean anyGiven() {
    return score != null || penalty != null || samplePrior != null || structurePrior != null;
  }

  /** The option that was given, for a message; {@code null} if none. */
  String firstGiven() {
    return score != null ? "--score " + score.label()
        : penalty != null ? "--penalty"
        : samplePrior != null ? "--sample-prior"
        : structurePrior != null ? "--structure-prior" : null;
  }

  /** The score asked for, or the default for the data's types. */
  GesScore chosen(Dataset d) {
    return score != null ? score : GesScore.forData(d);
  }

  /**
   * Builds the chosen score over all of {@code d}'s variables, checking it suits their types and
   * that the settings given belong to it. BDeu and the conditional-Gaussian BIC come in a {@link
   * CachedScore} for GES's repeated questions unless {@code cached} is false: BOSS and GRaSP keep
   * their own caches (grow-shrink trees), where a second cache only costs memory.
   */
  Score build(Dataset d, int threads, boolean cached) {
    GesScore chosen = chosen(d);
    GesScore.Settings defaults = GesScore.Settings.defaults();
    if (chosen == GesScore.BDEU && penalty != null) {
      throw new InvalidInputException("--penalty is the BIC's penalty discount; bdeu has none (its"
          + " settings are --sample-prior and --structure-prior)");
    }
    if (chosen != GesScore.BDEU && (samplePrior != null || structurePrior != null)) {
      throw new InvalidInputException((samplePrior != null ? "--sample-prior" : "--structure-prior")
          + " is a bdeu setting, but the score is " + chosen.label() + " (use --penalty to make"
          + " it sparser or denser)");
    }
    GesScore.Settings settings = new GesScore.Settings(
        penalty != null ? penalty : defaults.penaltyDiscount(),
        samplePrior != null ? samplePrior : defaults.equivalentSampleSize(),
        structurePrior != null ? structurePrior : defaults.structurePrior(), threads);
    Score s = chosen.build(d, settings);
    return !cached && s instanceof CachedScore c ? c.delegate() : s;
  }

  static final class ScoreConverter implements CommandLine.ITypeConverter<GesScore> {
    @Override
    public GesScore convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      for (GesScore s : GesScore.values()) {
        if (s.label().equals(v)) {
          return s;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a score; use bic, bdeu or cg-bic");
    }
  }
}
