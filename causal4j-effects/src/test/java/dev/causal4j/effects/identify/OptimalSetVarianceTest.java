package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Identification;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The optimal set has the smallest asymptotic variance among the valid adjustment sets, in seeded
 * linear-Gaussian models on random DAGs. The variance is computed, not simulated: for OLS of
 * {@code Y} on {@code X} and {@code Z}, {@code n · Var(β̂_x) → σ_{yy·xz} / σ_{xx·z}} (the residual
 * variances from the population covariance {@code Σ = (I − Bᵀ)⁻¹ Ω (I − Bᵀ)⁻ᵀ}), the formula of
 * Henckel, Perković &amp; Maathuis (2022) compare. Every valid set (enumerated over all subsets) is
 * also checked to give the true total effect, the sum of path products.
 */
class OptimalSetVarianceTest {

  @Test
  void optimalSetHasTheSmallestAsymptoticVarianceAmongAllValidSets() {
    int compared = 0;
    int strictlyBetter = 0;
    for (long seed = 0; seed < 150; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(90_000 + seed);
      int p = 6 + rng.nextInt(4);
      Graph g = RandomDagIdentificationTest.randomDag(p, 2.5 + rng.nextDouble(),
          seed % 2 == 0 ? 0 : 1, rng);
      int[] observed = Graphs.observedNodes(g);
      int[] order = observed.clone();
      PermutationSampler.shuffle(rng, order);
      int x = order[0];
      int y = -1;
      BitSet de = Graphs.descendants(g, x);
      for (int i = 1; i < order.length; i++) {
        if (de.get(order[i])) {
          y = order[i];
          break;
        }
      }
      if (y < 0) {
        continue;
      }
      BackdoorAdjustment b = null;
      for (Identification i : Identifier.identifyAll(CausalQuery.of(g, g.name(x), g.name(y)))) {
        if (i instanceof BackdoorAdjustment ba) {
          b = ba;
        }
      }
      if (b == null || b.optimalSet().isEmpty()) {
        continue;
      }
      Sem sem = Sem.random(g, rng);
      DMatrixRMaj sigma = sem.sigma();
      double truth = sem.totalEffects().get(y, x);
      Oracle.Adjustment oracle = new Oracle.Adjustment(g, Oracle.bits(x), Oracle.bits(y));
      int outcome = y;
      int[] candidates = java.util.Arrays.stream(observed).filter(v -> v != x && v != outcome)
          .toArray();
      double best = Double.POSITIVE_INFINITY;
      List<Double> all = new ArrayList<>();
      for (BitSet z : Oracle.subsets(candidates)) {
        if (!oracle.valid(z)) {
          continue;
        }
        double[] fit = regression(sigma, x, y, z.stream().toArray());
        // Tolerance: a few matrix inversions of well-conditioned covariances.
        assertThat(fit[0]).as("seed %d, Z = %s", seed, z).isCloseTo(truth, within(1e-9));
        best = Math.min(best, fit[1]);
        all.add(fit[1]);
      }
      int[] o = b.optimalSet().get().stream().mapToInt(g::requireIndex).toArray();
      double optimal = regression(sigma, x, y, o)[1];
      assertThat(optimal).as("seed %d", seed).isLessThanOrEqualTo(best * (1 + 1e-9));
      compared++;
      if (all.stream().anyMatch(v -> v > optimal * (1 + 1e-6))) {
        strictlyBetter++;
      }
    }
    assertThat(compared).isGreaterThan(60);
    // The comparison has teeth: usually some valid set is clearly worse.
    assertThat(strictlyBetter).isGreaterThan(compared / 2);
  }

  /**
   * A random linear-Gaussian SEM on the DAG (hidden nodes included): {@code (I − Bᵀ)⁻¹}, whose
   * entry (y, x) is the total effect of x on y (the sum of path products), and the covariance.
   */
  record Sem(DMatrixRMaj totalEffects, DMatrixRMaj sigma) {
    static Sem random(Graph g, UniformRandomProvider rng) {
      int p = g.size();
      DMatrixRMaj a = CommonOps_DDRM.identity(p); // I − Bᵀ
      for (int v = 0; v < p; v++) {
        for (int u : g.parents(v)) {
          double b = (0.5 + rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
          a.set(v, u, -b);
        }
      }
      DMatrixRMaj inv = new DMatrixRMaj(p, p);
      CommonOps_DDRM.invert(a, inv);
      DMatrixRMaj omega = new DMatrixRMaj(p, p);
      for (int v = 0; v < p; v++) {
        omega.set(v, v, 0.5 + rng.nextDouble());
      }
      DMatrixRMaj tmp = new DMatrixRMaj(p, p);
      CommonOps_DDRM.mult(inv, omega, tmp);
      DMatrixRMaj sigma = new DMatrixRMaj(p, p);
      CommonOps_DDRM.multTransB(tmp, inv, sigma);
      return new Sem(inv, sigma);
    }
  }

  /**
   * OLS of y on (x, z) in the population: the coefficient of x and its asymptotic variance
   * factor σ_{yy·xz} / σ_{xx·z}.
   */
  private static double[] regression(DMatrixRMaj sigma, int x, int y, int[] z) {
    int[] xz = new int[z.length + 1];
    xz[0] = x;
    System.arraycopy(z, 0, xz, 1, z.length);
    DMatrixRMaj sxx = sub(sigma, xz, xz);
    DMatrixRMaj sxy = sub(sigma, xz, new int[] {y});
    DMatrixRMaj beta = new DMatrixRMaj(xz.length, 1);
    CommonOps_DDRM.solve(sxx, sxy, beta);
    double explained = 0;
    for (int i = 0; i < xz.length; i++) {
      explained += beta.get(i, 0) * sxy.get(i, 0);
    }
    double residualY = sigma.get(y, y) - explained;
    double residualX = sigma.get(x, x);
    if (z.length > 0) {
      DMatrixRMaj szz = sub(sigma, z, z);
      DMatrixRMaj szx = sub(sigma, z, new int[] {x});
      DMatrixRMaj gamma = new DMatrixRMaj(z.length, 1);
      CommonOps_DDRM.solve(szz, szx, gamma);
      for (int i = 0; i < z.length; i++) {
        residualX -= gamma.get(i, 0) * szx.get(i, 0);
      }
    }
    return new double[] {beta.get(0, 0), residualY / residualX};
  }

  private static DMatrixRMaj sub(DMatrixRMaj m, int[] rows, int[] cols) {
    DMatrixRMaj out = new DMatrixRMaj(rows.length, cols.length);
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        out.set(i, j, m.get(rows[i], cols[j]));
      }
    }
    return out;
  }
}
