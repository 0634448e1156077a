package dev.causal4j.analyst.plan;

import dev.causal4j.analyst.profile.DataKind;
import dev.causal4j.data.Dataset;
import dev.causal4j.independence.ConditionalGaussianTest;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.GSquareTest;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.RcitTest;
import dev.causal4j.score.BdeuScore;
import dev.causal4j.score.ConditionalGaussianBicScore;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import dev.causal4j.stats.CovarianceStatistics;
import dev.causal4j.stats.TestwiseCovariance;

/**
 * The conditional-independence test or score a search runs with, built from the data it is given
 * (a bootstrap sample builds its own).
 */
public enum Statistic {
  FISHER_Z("fisher-z", Kind.TEST),
  G_SQUARE("g-square", Kind.TEST),
  CONDITIONAL_GAUSSIAN("cg", Kind.TEST),
  RCIT("rcit", Kind.TEST),
  BIC("bic", Kind.SCORE),
  BDEU("bdeu", Kind.SCORE),
  CONDITIONAL_GAUSSIAN_BIC("cg-bic", Kind.SCORE),
  /** The search reads the data itself (LiNGAM). */
  NONE("none", Kind.NONE);

  /** Whether a statistic is a test, a score or neither. */
  public enum Kind {
    TEST,
    SCORE,
    NONE
  }

  private final String label;
  private final Kind kind;

  Statistic(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  /** The kind of data this statistic is for. */
  public DataKind dataKind() {
    return switch (this) {
      case G_SQUARE, BDEU -> DataKind.DISCRETE;
      case CONDITIONAL_GAUSSIAN, CONDITIONAL_GAUSSIAN_BIC -> DataKind.MIXED;
      default -> DataKind.CONTINUOUS;
    };
  }

  /**
   * The score that goes with a test: BIC for Fisher Z, BDeu for G², the conditional-Gaussian BIC
   * for the conditional-Gaussian test (the same model, read as a likelihood).
   *
   * @throws IllegalStateException for a test without a likelihood (RCIT) or a non-test
   */
  public Statistic scoreOfTest() {
    return switch (this) {
      case FISHER_Z -> BIC;
      case G_SQUARE -> BDEU;
      case CONDITIONAL_GAUSSIAN -> CONDITIONAL_GAUSSIAN_BIC;
      default -> throw new IllegalStateException(label + " has no matching score");
    };
  }

  /** The test over every variable of {@code d}. */
  public IndependenceTest test(Dataset d, long seed, int threads) {
    return switch (this) {
      case FISHER_Z -> new FisherZTest(covariances(d, threads));
      case G_SQUARE -> new GSquareTest(ContingencyTables.of(d));
      case CONDITIONAL_GAUSSIAN -> new ConditionalGaussianTest(d);
      case RCIT -> new RcitTest(d, seed);
      default -> throw new IllegalStateException(label + " is not a test");
    };
  }

  /** The score over every variable of {@code d}, with the given penalty discount. */
  public Score score(Dataset d, double penaltyDiscount, int threads) {
    return switch (this) {
      case BIC -> new LinearGaussianBicScore(covariances(d, threads), penaltyDiscount);
      case BDEU -> new BdeuScore(ContingencyTables.of(d));
      case CONDITIONAL_GAUSSIAN_BIC -> new ConditionalGaussianBicScore(d, penaltyDiscount);
      default -> throw new IllegalStateException(label + " is not a score");
    };
  }

  private static CovarianceStatistics covariances(Dataset d, int threads) {
    return d.hasMissing() ? TestwiseCovariance.of(d) : CovarianceMatrix.of(d, threads);
  }
}
