package dev.causal4j.score;

import dev.causal4j.InvalidInputException;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.StratifiedCounts;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The BDeu score of a discrete Bayesian network (Buntine 1991; Heckerman, Geiger &amp; Chickering
 * 1995): the log marginal likelihood under a Dirichlet prior with equivalent sample size {@code
 * α} spread uniformly over the cells, plus a structure prior. For a node with {@code r} states and
 * parents with {@code q} configurations,
 *
 * <pre>
 *   score = Σ_j [ lnΓ(α/q) − lnΓ(α/q + N_j) + Σ_k ( lnΓ(α/(rq) + N_jk) − lnΓ(α/(rq)) ) ]
 *           + |Pa|·ln(e/(p−1)) + (p−1−|Pa|)·ln(1 − e/(p−1)),
 * </pre>
 *
 * the second line being the log prior of a parent set when each of the other {@code p − 1}
 * variables is a parent independently with probability {@code e/(p−1)} ({@code e} the expected
 * number of parents, as in Tetrad's BDeu). Configurations with no rows contribute zero and are
 * skipped, so the cost is {@code O(n)} however large {@code q} is. Markov-equivalent DAGs get equal
 * totals (the score is likelihood-equivalent and the structure prior depends only on the number of
 * edges).
 *
 * <p><b>Assumptions.</b> Categorical variables; i.i.d. multinomial rows; complete data (rows with
 * a missing code in the family are left out of that family's counts, which breaks score
 * equivalence, so prefer listwise deletion with a score).
 *
 * <p>Thread-safe (per-thread counting buffers).
 */
public final class BdeuScore implements Score {
  private final ContingencyTables tables;
  private final double ess;
  private final double structurePrior;
  private final ThreadLocal<StratifiedCounts> counters;

  /**
   * @param equivalentSampleSize {@code α > 0}; 1 is common, larger values favour denser graphs
   * @param structurePrior the expected number of parents {@code e}, in {@code (0, p−1)}; or 0 for
   *     a uniform prior over parent sets
   */
  public BdeuScore(ContingencyTables tables, double equivalentSampleSize, double structurePrior) {
    if (!(equivalentSampleSize > 0) || Double.isInfinite(equivalentSampleSize)) {
      throw new InvalidInputException(
          "the equivalent sample size must be a positive number, not " + equivalentSampleSize);
    }
    int p = tables.variables().size();
    if (!(structurePrior >= 0) || (structurePrior > 0 && structurePrior >= p - 1)) {
      throw new InvalidInputException(
          "the structure prior (expected number of parents) must be 0 (uniform) or in (0, "
              + (p - 1) + "), not " + structurePrior);
    }
    this.tables = tables;
    this.ess = equivalentSampleSize;
    this.structurePrior = structurePrior;
    this.counters = ThreadLocal.withInitial(tables::newCounter);
  }

  /** BDeu with equivalent sample size 1 and a uniform structure prior. */
  public BdeuScore(ContingencyTables tables) {
    this(tables, 1.0, 0.0);
  }

  @Override
  public List<String> variables() {
    return tables.variables();
  }

  public double equivalentSampleSize() {
    return ess;
  }

  public double structurePrior() {
    return structurePrior;
  }

  @Override
  public double localScore(int node, int[] parents) {
    Families.check(tables.variables(), node, parents);
    int r = tables.levels(node);
    double q = 1;
    for (int pa : parents) {
      q *= tables.levels(pa);
    }
    double aj = ess / q;
    double ajk = aj / r;
    double lgAj = LogGamma.value(aj);
    double lgAjk = LogGamma.value(ajk);
    StratifiedCounts c = counters.get();
    c.tabulate(node, parents, parents.length);
    double score = 0;
    while (c.nextStratum()) {
      score += lgAj - LogGamma.value(aj + c.total());
      for (int k = 0; k < r; k++) {
        int nk = c.count(k, 0);
        if (nk > 0) {
          score += LogGamma.value(ajk + nk) - lgAjk;
        }
      }
    }
    return score + structurePriorTerm(parents.length);
  }

  private double structurePriorTerm(int parentCount) {
    if (structurePrior == 0) {
      return 0;
    }
    int others = tables.variables().size() - 1;
    double prob = structurePrior / others;
    return parentCount * Math.log(prob) + (others - parentCount) * Math.log1p(-prob);
  }
}
