package dev.causal4j.discovery.ges;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import dev.causal4j.score.BdeuScore;
import dev.causal4j.score.CachedScore;
import dev.causal4j.score.ConditionalGaussianBicScore;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.Locale;

/**
 * The scores GES and FGES are offered with, built from a dataset with the checks that turn a wrong
 * choice into a message naming the column and the score to use instead. Any other {@link Score}
 * can be given to {@link Fges#builder} directly.
 *
 * <p>Every family must be scored on the same rows for score differences to compare models, so
 * data with missing values are refused (drop incomplete rows first, e.g. {@code --missing
 * listwise}).
 */
public enum GesScore {
  /** The linear-Gaussian BIC with a penalty discount ({@link LinearGaussianBicScore}). */
  BIC("bic"),
  /** BDeu for categorical data ({@link BdeuScore}). */
  BDEU("bdeu"),
  /** The conditional-Gaussian BIC for mixed data ({@link ConditionalGaussianBicScore}). */
  CG_BIC("cg-bic");

  private final String label;

  GesScore(String label) {
    this.label = label;
  }

  /** The name on the command line. */
  public String label() {
    return label;
  }

  /**
   * The score's settings: the penalty discount {@code c} of the BICs (1 is the classical BIC;
   * larger values give sparser graphs), BDeu's equivalent sample size and structure prior
   * (expected number of parents; 0 for a uniform prior over parent sets), and the threads used to
   * compute the covariance.
   */
  public record Settings(
      double penaltyDiscount, double equivalentSampleSize, double structurePrior, int threads) {

    /**
     * Penalty discount 2 (Tetrad's default, and the benchmark setting: sparser than the
     * classical BIC, which on large graphs admits many weak false edges), equivalent sample size
     * 1, uniform structure prior, one thread.
     */
    public static Settings defaults() {
      return new Settings(2, 1, 0, 1);
    }

    public Settings withPenaltyDiscount(double c) {
      return new Settings(c, equivalentSampleSize, structurePrior, threads);
    }

    public Settings withThreads(int t) {
      return new Settings(penaltyDiscount, equivalentSampleSize, structurePrior, t);
    }
  }

  /** The score for the data's types: bic if all continuous, bdeu if all categorical, else cg-bic. */
  public static GesScore forData(Dataset data) {
    if (data.isAllContinuous()) {
      return BIC;
    }
    return data.isAllCategorical() ? BDEU : CG_BIC;
  }

  /**
   * The score with this command-line name.
   *
   * @throws InvalidInputException naming the choices
   */
  public static GesScore fromLabel(String label) {
    String v = label.trim().toLowerCase(Locale.ROOT);
    for (GesScore s : values()) {
      if (s.label.equals(v)) {
        return s;
      }
    }
    throw new InvalidInputException("'" + label + "' is not a score; use bic, bdeu or cg-bic");
  }

  /**
   * This score over all of the data's columns. The BIC reads a covariance computed once; BDeu and
   * the conditional-Gaussian BIC read rows for every family, so they come wrapped in a {@link
   * CachedScore}.
   *
   * @throws InvalidInputException if the data have missing values, or columns of a type the score
   *     cannot take (the message names the first such column and the score to use), or settings
   *     out of range
   */
  public Score build(Dataset data, Settings settings) {
    String in = data.source().map(s -> " in " + s).orElse("");
    for (int j = 0; j < data.columns(); j++) {
      if (data.missingCount(j) > 0) {
        throw new InvalidInputException(
            "column '" + data.variable(j).name() + "'" + in + " has " + data.missingCount(j)
                + " missing value(s); a score search compares families scored on the same rows,"
                + " so drop incomplete rows first (--missing listwise)");
      }
    }
    switch (this) {
      case BIC:
        for (Variable v : data.variables()) {
          if (!v.isContinuous()) {
            throw new InvalidInputException(
                "the linear BIC needs continuous variables, but '" + v.name() + "'" + in + " is "
                    + v.type().toString().toLowerCase(Locale.ROOT) + "; use --score "
                    + (data.isAllCategorical() ? "bdeu" : "cg-bic") + " (or --continuous "
                    + v.name() + " if its numbers are measurements)");
          }
        }
        return new LinearGaussianBicScore(
            CovarianceMatrix.of(data, settings.threads()), settings.penaltyDiscount());
      case BDEU:
        for (Variable v : data.variables()) {
          if (!v.isCategorical()) {
            throw new InvalidInputException(
                "bdeu needs categorical variables, but '" + v.name() + "'" + in + " is "
                    + "continuous; use --score " + (data.isAllContinuous() ? "bic" : "cg-bic")
                    + " (or --discrete " + v.name() + " if it takes a few values)");
          }
        }
        return new CachedScore(new BdeuScore(ContingencyTables.of(data),
            settings.equivalentSampleSize(), settings.structurePrior()));
      case CG_BIC:
        return new CachedScore(
            new ConditionalGaussianBicScore(data, settings.penaltyDiscount()));
      default:
        throw new IllegalStateException(name());
    }
  }
}
