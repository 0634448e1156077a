package dev.causal4j.score;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.stats.ConditionalGaussianLikelihood;
import dev.causal4j.stats.ConditionalGaussianLikelihood.Fit;
import java.util.List;

/**
 * The conditional-Gaussian BIC score for mixed continuous and discrete data (Andrews, Ramsey &amp;
 * Cooper 2018): {@code 2·ℓ(node | Pa) − c·d·ln n}, where {@code ℓ(node | Pa) = ℓ(node ∪ Pa) −
 * ℓ(Pa)} is the difference of joint CG log-likelihoods, {@code d} the matching difference of
 * parameter counts, and {@code c} a penalty discount (1 is the paper's BIC). See {@link
 * ConditionalGaussianLikelihood} for the model and the choices made for empty and small cells.
 *
 * <p>Unlike linear BIC and BDeu the CG score is not score-equivalent in general (a discrete child
 * of a continuous parent is modelled through the parent's per-cell Gaussians), as the paper notes.
 *
 * <p><b>Assumptions.</b> The CG model; i.i.d. rows; rows missing a value in the family are left
 * out of that family (so prefer listwise deletion with a score). Reads rows: {@code O(n·k²)} per
 * local score; wrap it in a {@link CachedScore} for searches.
 *
 * <p>Thread-safe.
 */
public final class ConditionalGaussianBicScore implements Score {
  private final ConditionalGaussianLikelihood likelihood;
  private final double penaltyDiscount;

  public ConditionalGaussianBicScore(Dataset data, double penaltyDiscount) {
    this(ConditionalGaussianLikelihood.of(data), penaltyDiscount);
  }

  /**
   * @param penaltyDiscount {@code c > 0}; 1 is the classical BIC
   */
  public ConditionalGaussianBicScore(
      ConditionalGaussianLikelihood likelihood, double penaltyDiscount) {
    if (!(penaltyDiscount > 0) || Double.isInfinite(penaltyDiscount)) {
      throw new InvalidInputException(
          "the penalty discount must be a positive number, not " + penaltyDiscount);
    }
    this.likelihood = likelihood;
    this.penaltyDiscount = penaltyDiscount;
  }

  @Override
  public List<String> variables() {
    return likelihood.variables();
  }

  public double penaltyDiscount() {
    return penaltyDiscount;
  }

  @Override
  public double localScore(int node, int[] parents) {
    Families.check(likelihood.variables(), node, parents);
    Fit fit = likelihood.conditional(node, parents);
    if (fit.rows() == 0) {
      throw new InvalidInputException(
          "no row has values for '" + likelihood.variables().get(node) + "' and all its parents"
              + Families.in(likelihood.source()) + "; drop the sparsest columns");
    }
    return 2 * fit.logLikelihood() - penaltyDiscount * fit.degreesOfFreedom() * Math.log(fit.rows());
  }
}
