package dev.causal4j.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.VariableType;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static Simulation.Builder base() {
    return Simulation.builder().nodes(8).averageDegree(2.5).samples(500).seed(7);
  }

  private static void assertSameData(Dataset a, Dataset b) {
    assertThat(a.names()).isEqualTo(b.names());
    for (int j = 0; j < a.columns(); j++) {
      if (a.variable(j).isContinuous()) {
        // Arrays.equals on doubles compares bit patterns (NaN == NaN), i.e. bit for bit.
        assertThat(Arrays.equals(a.doubles(j), b.doubles(j))).as(a.variable(j).name()).isTrue();
      } else {
        assertThat(a.codes(j)).isEqualTo(b.codes(j));
      }
      assertThat(a.missingMask(j)).isEqualTo(b.missingMask(j));
    }
    assertThat(a.domain().isPresent()).isEqualTo(b.domain().isPresent());
    a.domain().ifPresent(d -> assertThat(d.labels()).isEqualTo(b.domain().get().labels()));
  }

  private static boolean differs(Dataset a, Dataset b) {
    for (int j = 0; j < Math.min(a.columns(), b.columns()); j++) {
      boolean same = a.variable(j).isContinuous() && b.variable(j).isContinuous()
          ? Arrays.equals(a.doubles(j), b.doubles(j))
          : !a.variable(j).isContinuous() && !b.variable(j).isContinuous()
              && Arrays.equals(a.codes(j), b.codes(j));
      if (!same) {
        return true;
      }
    }
    return a.columns() != b.columns();
  }

  @Test
  void sameSeedSameDataForEveryMechanismAndOption() {
    for (Mechanism m : Mechanism.values()) {
      Simulation spec = base().mechanism(m).nodes(12).averageDegree(3).latentConfounders(1).domains(3)
          .measurementError(0.2).missing(0.1, MissingMechanism.MAR).build();
      SimulatedData a = Simulator.simulate(spec);
      SimulatedData b = Simulator.simulate(spec);
      assertSameData(a.data(), b.data());
      assertThat(a.trueDag()).isEqualTo(b.trueDag());
      assertThat(a.changedNodes()).isEqualTo(b.changedNodes());
      SimulatedData other = Simulator.simulate(spec.toBuilder().seed(8).build());
      assertThat(differs(other.data(), a.data())).as(m.toString()).isTrue();
    }
  }

  /**
   * A fixed fingerprint of one simulation, so that any change in the order of random draws (which
   * would break "same seed, same files on any machine" across versions) fails here.
   */
  @Test
  void theStreamOfDrawsIsPinned() {
    SimulatedData d = Simulator.simulate(base().build());
    assertThat(d.trueDag().edgeCount()).isEqualTo(PINNED_EDGES);
    assertThat(d.data().doubles(0)[0]).isEqualTo(PINNED_FIRST_VALUE);
    assertThat(d.data().doubles(3)[499]).isEqualTo(PINNED_LAST_VALUE);
  }

  // Recorded from the first run of this implementation (change only with a note in the changelog:
  // files simulated by older versions would no longer be reproduced).
  private static final int PINNED_EDGES = 4;
  private static final double PINNED_FIRST_VALUE = 0.7740665957372742;
  private static final double PINNED_LAST_VALUE = -1.9554992526675536;

  @Test
  void changingTheSampleSizeKeepsTheGraphAndParameters() {
    Simulation small = base().samples(100).build();
    Simulation large = base().samples(1000).build();
    assertThat(Simulator.simulate(small).trueDag()).isEqualTo(Simulator.simulate(large).trueDag());
    SemModel a = Simulator.model(small);
    SemModel b = Simulator.model(large);
    for (int v = 0; v < 8; v++) {
      assertThat(a.params[v][0].continuous().weight[0]).isEqualTo(b.params[v][0].continuous().weight[0]);
    }
  }

  /**
   * Linear Gaussian: X = BᵀX + e, so Σ = (I − Bᵀ)⁻¹ Ω (I − B)⁻¹. Each sample covariance entry has
   * standard error √((σ_ii σ_jj + σ_ij²)/n); we allow 5 of them (36 entries, all well inside).
   */
  @Test
  void linearGaussianSampleCovarianceMatchesTheImpliedCovariance() {
    int n = 200_000;
    Simulation spec = base().samples(n).standardize(false).build();
    SemModel model = Simulator.model(spec);
    Dataset data = Simulator.simulate(spec).data();
    int p = 8;
    DMatrixRMaj b = new DMatrixRMaj(p, p);
    DMatrixRMaj omega = new DMatrixRMaj(p, p);
    for (int v = 0; v < p; v++) {
      SemModel.ContinuousParams q = model.params[v][0].continuous();
      for (int k = 0; k < q.continuousParents.length; k++) {
        b.set(q.continuousParents[k], v, q.weight[0][k]);
      }
      omega.set(v, v, q.noiseSd * q.noiseSd);
    }
    DMatrixRMaj a = CommonOps_DDRM.identity(p);
    CommonOps_DDRM.subtractEquals(a, CommonOps_DDRM.transpose(b, null));
    CommonOps_DDRM.invert(a);
    DMatrixRMaj aOmega = new DMatrixRMaj(p, p);
    CommonOps_DDRM.mult(a, omega, aOmega);
    DMatrixRMaj sigma = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransB(aOmega, a, sigma);
    double[] mean = new double[p];
    for (int j = 0; j < p; j++) {
      mean[j] = Arrays.stream(data.doubles(j)).average().orElseThrow();
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        double[] x = data.doubles(i);
        double[] y = data.doubles(j);
        for (int r = 0; r < n; r++) {
          s += (x[r] - mean[i]) * (y[r] - mean[j]);
        }
        s /= n - 1;
        double se = Math.sqrt((sigma.get(i, i) * sigma.get(j, j)
            + sigma.get(i, j) * sigma.get(i, j)) / n);
        assertThat(s).as("cov(%d,%d)", i, j).isCloseTo(sigma.get(i, j), within(5 * se));
      }
    }
  }

  /** Standardizing leaves every continuous column with mean 0 and variance 1 (to rounding). */
  @Test
  void standardizedColumnsHaveMeanZeroAndVarianceOne() {
    Dataset d = Simulator.simulate(base().mechanism(Mechanism.NONLINEAR_ADDITIVE)
        .measurementError(0.5).build()).data();
    for (int j = 0; j < d.columns(); j++) {
      double[] x = d.doubles(j);
      double m = Arrays.stream(x).average().orElseThrow();
      double v = Arrays.stream(x).map(t -> (t - m) * (t - m)).sum() / (x.length - 1);
      assertThat(m).isCloseTo(0, within(1e-12));
      assertThat(v).isCloseTo(1, within(1e-12));
    }
  }

  /**
   * Discrete: for every parent configuration seen at least 2000 times, each empirical conditional
   * frequency is within 5 binomial standard errors (plus 1e-9 for π = 0) of the drawn CPT entry.
   */
  @Test
  void discreteEmpiricalConditionalFrequenciesMatchTheDrawnTables() {
    int n = 200_000;
    Simulation spec = base().mechanism(Mechanism.DISCRETE_DIRICHLET).nodes(6).averageDegree(2)
        .samples(n).build();
    SemModel model = Simulator.model(spec);
    Dataset data = Simulator.simulate(spec).data();
    int checked = 0;
    for (int v = 0; v < 6; v++) {
      SemModel.DiscreteParams q = model.params[v][0].discrete();
      int configs = q.cpt.length;
      int[][] counts = new int[configs][3];
      for (int r = 0; r < n; r++) {
        int c = 0;
        for (int k = 0; k < q.discreteParents.length; k++) {
          c += data.codes(q.discreteParents[k])[r] * q.strides[k];
        }
        counts[c][data.codes(v)[r]]++;
      }
      for (int c = 0; c < configs; c++) {
        int total = Arrays.stream(counts[c]).sum();
        if (total < 2000) {
          continue;
        }
        for (int l = 0; l < 3; l++) {
          double pi = q.cpt[c][l];
          double se = Math.sqrt(pi * (1 - pi) / total);
          assertThat((double) counts[c][l] / total).isCloseTo(pi, within(5 * se + 1e-9));
          checked++;
        }
      }
      assertThat(Arrays.stream(q.cpt).mapToDouble(row -> Arrays.stream(row).sum()))
          .allSatisfy(s -> assertThat(s).isCloseTo(1, within(1e-12)));
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(data.variable(0).levels()).containsExactly("0", "1", "2");
  }

  /** Root-node noise has the shape asked for: skewness and excess kurtosis of each family. */
  @Test
  void nonGaussianNoiseHasTheRightShape() {
    double[][] expected = {{0, -1.2}, {0, 3}, {2, 6}}; // uniform, Laplace, exponential
    NoiseDistribution[] kinds = {NoiseDistribution.UNIFORM, NoiseDistribution.LAPLACE,
        NoiseDistribution.EXPONENTIAL};
    for (int k = 0; k < 3; k++) {
      Simulation spec = base().mechanism(Mechanism.LINEAR_NON_GAUSSIAN).noise(kinds[k])
          .averageDegree(0).nodes(1).samples(400_000).standardize(false).build();
      double[] x = Simulator.simulate(spec).data().doubles(0);
      double m = Arrays.stream(x).average().orElseThrow();
      double m2 = Arrays.stream(x).map(t -> Math.pow(t - m, 2)).average().orElseThrow();
      double m3 = Arrays.stream(x).map(t -> Math.pow(t - m, 3)).average().orElseThrow();
      double m4 = Arrays.stream(x).map(t -> Math.pow(t - m, 4)).average().orElseThrow();
      // Sampling sd of the exponential's kurtosis at n = 400k is about 0.1; allow 0.5.
      assertThat(m3 / Math.pow(m2, 1.5)).as(kinds[k] + " skewness").isCloseTo(expected[k][0], within(0.1));
      assertThat(m4 / (m2 * m2) - 3).as(kinds[k] + " kurtosis").isCloseTo(expected[k][1], within(0.5));
    }
  }

  @Test
  void latentVariablesAreLeftOutOfTheDataAndFlaggedInTheTruth() {
    SimulatedData d = Simulator.simulate(base().nodes(20).averageDegree(4).latentConfounders(3)
        .build());
    Graph truth = d.trueDag();
    assertThat(truth.size()).isEqualTo(20);
    int[] latent = Graphs.latentNodes(truth);
    assertThat(latent).hasSize(3);
    assertThat(d.data().columns()).isEqualTo(17);
    for (int v : latent) {
      assertThat(d.data().indexOf(truth.name(v))).isEqualTo(-1);
      assertThat(truth.children(v).length).isGreaterThanOrEqualTo(2);
    }
    assertThat(Graphs.isDag(truth)).isTrue();
  }

  @Test
  void domainsSplitTheRowsAndOnlyTheChangedNodesChange() {
    SimulatedData d = Simulator.simulate(base().nodes(10).samples(1001).domains(3).build());
    int[] labels = d.data().domain().orElseThrow().labels();
    assertThat(Arrays.stream(labels).filter(l -> l == 0).count()).isEqualTo(334);
    assertThat(Arrays.stream(labels).filter(l -> l == 2).count()).isEqualTo(333);
    assertThat(d.data().domain().get().levels()).containsExactly("1", "2", "3");
    assertThat(d.changedNodes()).hasSize(2); // a fifth of 10
    SemModel model = Simulator.model(base().nodes(10).samples(1001).domains(3).build());
    for (int v = 0; v < 10; v++) {
      boolean changed = d.changedNodes().contains(model.dag.name(v));
      assertThat(model.params[v][1] != model.params[v][0]).isEqualTo(changed);
    }
  }

  @Test
  void missingRatesAreAsAsked() {
    Dataset mcar = Simulator.simulate(base().samples(20_000)
        .missing(0.2, MissingMechanism.MCAR).build()).data();
    for (int j = 0; j < mcar.columns(); j++) {
      // Binomial sd √(0.16/20000) ≈ 0.0028; allow 0.015.
      assertThat(mcar.missingCount(j) / 20_000.0).isCloseTo(0.2, within(0.015));
    }
    Dataset mar = Simulator.simulate(base().samples(20_000)
        .missing(0.2, MissingMechanism.MAR).build()).data();
    int complete = 0;
    for (int j = 0; j < mar.columns(); j++) {
      if (mar.missingCount(j) == 0) {
        complete++;
      } else {
        assertThat(mar.missingCount(j) / 20_000.0).isCloseTo(0.2, within(0.015));
      }
    }
    assertThat(complete).isEqualTo(4);
  }

  /** The measurement error uses its own stream: the same seed without error gives the signal. */
  @Test
  void measurementErrorAddsNoiseOfTheAskedVariance() {
    Simulation clean = base().samples(100_000).standardize(false).build();
    Dataset x = Simulator.simulate(clean).data();
    Dataset y = Simulator.simulate(clean.toBuilder().measurementError(0.5).build()).data();
    for (int j = 0; j < x.columns(); j++) {
      double[] a = x.doubles(j);
      double[] b = y.doubles(j);
      double[] diff = new double[a.length];
      Arrays.setAll(diff, i -> b[i] - a[i]);
      // Ratio of variances: sd of the estimate ≈ √(2/n)·… ≈ 0.005; allow 0.03.
      assertThat(variance(diff) / variance(a)).isCloseTo(0.5, within(0.03));
    }
  }

  @Test
  void mixedDataHasBothKindsOfVariables() {
    Dataset d = Simulator.simulate(base().nodes(20).mechanism(
        Mechanism.MIXED_CONDITIONAL_GAUSSIAN).build()).data();
    long discrete = d.variables().stream().filter(v -> v.type() == VariableType.DISCRETE).count();
    assertThat(discrete).isBetween(3L, 17L);
    for (int j = 0; j < d.columns(); j++) {
      if (d.variable(j).isContinuous()) {
        assertThat(Arrays.stream(d.doubles(j)).allMatch(Double::isFinite)).isTrue();
      }
    }
  }

  @Test
  void badOptionsAreRefusedWithTheRange() {
    assertThatThrownBy(() -> Simulation.builder().nodes(0).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1; got 0");
    assertThatThrownBy(() -> Simulation.builder().nodes(5).averageDegree(7).build())
        .hasMessageContaining("between 0 and nodes − 1 = 4");
    assertThatThrownBy(() -> Simulation.builder().missing(0.7, MissingMechanism.MAR).build())
        .hasMessageContaining("at most 0.5");
    assertThatThrownBy(() -> Simulation.builder().nodes(1_000_000).samples(1000).averageDegree(1)
        .build()).hasMessageContaining("cells");
    assertThatThrownBy(() -> Simulation.builder().mechanism(Mechanism.LINEAR_NON_GAUSSIAN)
        .noise(NoiseDistribution.GAUSSIAN).build()).hasMessageContaining("non-Gaussian");
    assertThatThrownBy(() -> Simulator.simulate(base().nodes(4).averageDegree(0)
        .latentConfounders(1).build())).hasMessageContaining("two or more children");
  }

  private static double variance(double[] x) {
    double m = Arrays.stream(x).average().orElseThrow();
    return Arrays.stream(x).map(t -> (t - m) * (t - m)).sum() / (x.length - 1);
  }
}
