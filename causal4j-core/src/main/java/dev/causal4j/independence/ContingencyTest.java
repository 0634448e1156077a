package dev.causal4j.independence;

import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.StratifiedCounts;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * What G² and Pearson's χ² share: the tables of x by y in each stratum of z, expected counts
 * {@code E = (row total · column total) / stratum total}, and the degrees of freedom.
 *
 * <p><b>Degrees of freedom.</b> Each stratum contributes {@code (r − 1)(c − 1)}, where {@code r}
 * and {@code c} count only the rows and columns of its x-by-y table with a non-zero total; strata
 * without rows contribute nothing. This is the adjustment for structural zeros that Tetrad's
 * χ² and G² tests make (zero margins carry no information, so their cells are not counted):
 * without it a large conditioning set, whose strata are mostly empty or nearly so, gets far too
 * many degrees of freedom and the test almost never rejects. When the total is zero there is no evidence of
 * dependence and the p-value is 1.
 */
abstract class ContingencyTest implements IndependenceTest {
  private final ContingencyTables tables;
  private final ThreadLocal<StratifiedCounts> counters;

  ContingencyTest(ContingencyTables tables) {
    this.tables = tables;
    this.counters = ThreadLocal.withInitial(tables::newCounter);
  }

  @Override
  public List<String> variables() {
    return tables.variables();
  }

  /** The counts this test reads. */
  public ContingencyTables tables() {
    return tables;
  }

  /** The contribution of one cell with observed count {@code o > 0} or {@code o = 0}. */
  abstract double cell(int observed, double expected);

  @Override
  public TestResult test(int x, int y, int[] z) {
    Questions.check(tables.variables(), x, y, z);
    StratifiedCounts c = counters.get();
    c.tabulate(x, y, z);
    double statistic = 0;
    long dof = 0;
    while (c.nextStratum()) {
      int rows = 0;
      int cols = 0;
      for (int i = 0; i < c.rows(); i++) {
        if (c.rowTotal(i) > 0) {
          rows++;
        }
      }
      for (int j = 0; j < c.columns(); j++) {
        if (c.columnTotal(j) > 0) {
          cols++;
        }
      }
      if (rows < 2 || cols < 2) {
        continue;
      }
      dof += (long) (rows - 1) * (cols - 1);
      double total = c.total();
      for (int j = 0; j < c.columns(); j++) {
        int cj = c.columnTotal(j);
        if (cj == 0) {
          continue;
        }
        for (int i = 0; i < c.rows(); i++) {
          int ri = c.rowTotal(i);
          if (ri > 0) {
            statistic += cell(c.count(i, j), (double) ri * cj / total);
          }
        }
      }
    }
    if (dof == 0) {
      return new TestResult(0, 1, 0, c.usedRows());
    }
    double p = ChiSquaredDistribution.of(dof).survivalProbability(statistic);
    return new TestResult(statistic, p, dof, c.usedRows());
  }
}
