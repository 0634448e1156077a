package dev.causal4j.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Score equivalence (Chickering 1995): reversing a covered edge x → y (Pa(y) = Pa(x) ∪ {x})
 * gives a Markov-equivalent DAG, and every pair of equivalent DAGs is connected by such
 * reversals, so linear BIC and BDeu must give both the same total. A strong check: any slip in a
 * likelihood term, a parameter count or the BDeu hyper-parameters breaks it.
 */
class ScoreEquivalenceTest {

  /** parents[v] of a random DAG over p nodes in a random order, each edge with probability q. */
  private static int[][] randomDag(int p, double q, Random rnd) {
    List<Integer> order = new ArrayList<>();
    for (int v = 0; v < p; v++) {
      order.add(v);
    }
    java.util.Collections.shuffle(order, rnd);
    List<List<Integer>> pa = new ArrayList<>();
    for (int v = 0; v < p; v++) {
      pa.add(new ArrayList<>());
    }
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        if (rnd.nextDouble() < q) {
          pa.get(order.get(b)).add(order.get(a));
        }
      }
    }
    int[][] out = new int[p][];
    for (int v = 0; v < p; v++) {
      out[v] = pa.get(v).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return out;
  }

  private static double total(Score s, int[][] parents) {
    double t = 0;
    for (int v = 0; v < parents.length; v++) {
      t += s.localScore(v, parents[v]);
    }
    return t;
  }

  private static boolean contains(int[] a, int v) {
    return Arrays.stream(a).anyMatch(x -> x == v);
  }

  /** Reverses every covered edge in turn, checking the total after each reversal. */
  private static int checkCoveredReversals(Score s, int[][] dag, double tolerance) {
    double base = total(s, dag);
    int checked = 0;
    for (int y = 0; y < dag.length; y++) {
      for (int x : dag[y]) {
        int[] expected = Arrays.copyOf(dag[x], dag[x].length + 1);
        expected[dag[x].length] = x;
        Arrays.sort(expected);
        if (!Arrays.equals(expected, dag[y])) {
          continue;
        }
        int[][] rev = new int[dag.length][];
        for (int v = 0; v < dag.length; v++) {
          rev[v] = dag[v].clone();
        }
        rev[y] = Arrays.stream(dag[y]).filter(v -> v != x).toArray();
        int[] px = Arrays.copyOf(dag[x], dag[x].length + 1);
        px[dag[x].length] = y;
        Arrays.sort(px);
        rev[x] = px;
        assertThat(contains(rev[x], y)).isTrue();
        assertThat(total(s, rev)).isCloseTo(base, within(tolerance * Math.abs(base)));
        checked++;
      }
    }
    return checked;
  }

  @Test
  void linearBicIsScoreEquivalent() {
    Random rnd = new Random(11);
    int checked = 0;
    for (int trial = 0; trial < 10; trial++) {
      int p = 7;
      int n = 400;
      int[][] dag = randomDag(p, 0.5, rnd);
      double[][] cols = simulateLinear(dag, n, rnd);
      List<String> names = new ArrayList<>();
      for (int v = 0; v < p; v++) {
        names.add("X" + v);
      }
      CovarianceMatrix cov = CovarianceMatrix.of(Dataset.ofContinuous(names, cols), 1);
      checked += checkCoveredReversals(new LinearGaussianBicScore(cov, 2.0), dag, 1e-11);
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void bdeuIsScoreEquivalent() {
    Random rnd = new Random(12);
    int checked = 0;
    for (int trial = 0; trial < 10; trial++) {
      int p = 6;
      int n = 600;
      int[][] dag = randomDag(p, 0.5, rnd);
      int[] levels = new int[p];
      for (int v = 0; v < p; v++) {
        levels[v] = 2 + rnd.nextInt(3);
      }
      int[][] codes = simulateDiscrete(dag, levels, n, rnd);
      List<String> names = new ArrayList<>();
      for (int v = 0; v < p; v++) {
        names.add("X" + v);
      }
      ContingencyTables tables = ContingencyTables.of(names, codes, levels);
      checked += checkCoveredReversals(new BdeuScore(tables, 1.0 + trial, 1.0), dag, 1e-11);
    }
    assertThat(checked).isGreaterThan(10);
  }

  /** Topological simulation of x_v = Σ b·x_pa + e, coefficients in ±[0.3, 1]. */
  private static double[][] simulateLinear(int[][] dag, int n, Random rnd) {
    int p = dag.length;
    double[][] cols = new double[p][n];
    boolean[] done = new boolean[p];
    for (int round = 0; round < p; round++) {
      for (int v = 0; v < p; v++) {
        if (done[v] || !Arrays.stream(dag[v]).allMatch(u -> done[u])) {
          continue;
        }
        double[] coef = new double[dag[v].length];
        for (int k = 0; k < coef.length; k++) {
          coef[k] = (0.3 + 0.7 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
        }
        for (int r = 0; r < n; r++) {
          double s = rnd.nextGaussian();
          for (int k = 0; k < coef.length; k++) {
            s += coef[k] * cols[dag[v][k]][r];
          }
          cols[v][r] = s;
        }
        done[v] = true;
      }
    }
    return cols;
  }

  /** Topological simulation with a random conditional probability table per parent state. */
  private static int[][] simulateDiscrete(int[][] dag, int[] levels, int n, Random rnd) {
    int p = dag.length;
    int[][] codes = new int[p][n];
    boolean[] done = new boolean[p];
    for (int round = 0; round < p; round++) {
      for (int v = 0; v < p; v++) {
        if (done[v] || !Arrays.stream(dag[v]).allMatch(u -> done[u])) {
          continue;
        }
        int configs = 1;
        for (int u : dag[v]) {
          configs *= levels[u];
        }
        double[][] cpt = new double[configs][levels[v]];
        for (double[] row : cpt) {
          double sum = 0;
          for (int k = 0; k < row.length; k++) {
            row[k] = 0.05 + rnd.nextDouble();
            sum += row[k];
          }
          for (int k = 0; k < row.length; k++) {
            row[k] /= sum;
          }
        }
        for (int r = 0; r < n; r++) {
          int cfg = 0;
          for (int u : dag[v]) {
            cfg = cfg * levels[u] + codes[u][r];
          }
          double uni = rnd.nextDouble();
          int k = 0;
          while (k < levels[v] - 1 && (uni -= cpt[cfg][k]) > 0) {
            k++;
          }
          codes[v][r] = k;
        }
        done[v] = true;
      }
    }
    return codes;
  }

  @Test
  void scoreArgumentsAreChecked() {
    Random rnd = new Random(1);
    double[][] cols = simulateLinear(new int[][] {{}, {0}}, 50, rnd);
    CovarianceMatrix cov = CovarianceMatrix.of(Dataset.ofContinuous(List.of("a", "b"), cols), 1);
    assertThatThrownBy(() -> new LinearGaussianBicScore(cov, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("penalty discount");
    LinearGaussianBicScore s = new LinearGaussianBicScore(cov);
    assertThatThrownBy(() -> s.localScore(0, new int[] {0}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("its own parent");
    assertThatThrownBy(() -> s.localScore(0, new int[] {1, 1}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
    ContingencyTables t = ContingencyTables.of(
        List.of("a", "b"), new int[][] {{0, 1, 0}, {1, 1, 0}}, new int[] {2, 2});
    assertThatThrownBy(() -> new BdeuScore(t, -1, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("equivalent sample size");
    assertThatThrownBy(() -> new BdeuScore(t, 1, 5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("structure prior");
  }

  @Test
  void collinearParentsAreNamed() {
    Random rnd = new Random(2);
    int n = 40;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    for (int r = 0; r < n; r++) {
      a[r] = rnd.nextGaussian();
      b[r] = -a[r];
      c[r] = a[r] + rnd.nextGaussian();
    }
    Dataset d = Dataset.builder(n).source("x.csv")
        .addContinuous("a", a).addContinuous("b", b).addContinuous("c", c).build();
    LinearGaussianBicScore s = new LinearGaussianBicScore(CovarianceMatrix.of(d));
    assertThatThrownBy(() -> s.localScore(2, new int[] {0, 1}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("singular covariance in x.csv")
        .hasMessageContaining("'b' is a linear combination of 'a'");
    assertThatThrownBy(() -> s.localScore(1, new int[] {0}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'b' is a linear combination of its parents 'a'");
  }
}
