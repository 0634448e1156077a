package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.cate.CateEstimate;
import dev.causal4j.effects.cate.CateEstimator;
import dev.causal4j.effects.cate.CateSettings;
import dev.causal4j.effects.cate.MetaLearner;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.learner.Learner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IhdpCateTest {

  static List<String> covariates() {
    List<String> c = new ArrayList<>();
    for (int j = 1; j <= 25; j++) {
      c.add("x" + j);
    }
    return c;
  }

  static Dataset replication(int r) throws Exception {
    return DataReader.read(Path.of(IhdpCateTest.class.getResource("ihdp/ihdp_npci_" + r + ".csv")
        .toURI()));
  }

  /** Mean absolute ATE error and mean √PEHE per learner over the replications. */
  record Errors(double ateError, double rootPehe) {}

  static Map<String, double[]> sweep(List<Learner> families, int replications) throws Exception {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (int r = 1; r <= replications; r++) {
      Dataset d = replication(r);
      double[] mu0 = d.doubles(d.require("mu0"));
      double[] mu1 = d.doubles(d.require("mu1"));
      EstimationProblem p = EstimationProblem.adjustment(d, "treatment", "y_factual",
          covariates(), Estimand.ATE);
      for (Learner f : families) {
        long t0 = System.nanoTime();
        CateEstimate e = CateEstimator.auto(CateSettings.of(f, r, 1)).estimate(p);
        double secs = (System.nanoTime() - t0) / 1e9;
        for (CateEstimate.Candidate c : e.candidates()) {
          add(sums, f.label() + " " + c.learner().label(), c.cate(), mu0, mu1);
          add(sums, f.label() + " " + c.learner().label() + " +cal", c.calibrated().get(), mu0,
              mu1);
        }
        add(sums, f.label() + " auto(" + e.learner().label() + ")", e.cate(), mu0, mu1);
        System.out.printf(Locale.ROOT, "rep %d %s: %.1f s, chose %s%n", r, f.label(), secs,
            e.learner().label());
      }
    }
    return sums;
  }

  static void add(Map<String, double[]> sums, String key, double[] tau, double[] mu0,
      double[] mu1) {
    double ate = 0;
    double trueAte = 0;
    double pehe = 0;
    for (int i = 0; i < tau.length; i++) {
      double t = mu1[i] - mu0[i];
      ate += tau[i];
      trueAte += t;
      pehe += (tau[i] - t) * (tau[i] - t);
    }
    int n = tau.length;
    double[] s = sums.computeIfAbsent(key.replaceAll("auto\\(.*\\)", "auto"),
        k -> new double[3]);
    s[0] += Math.abs(ate / n - trueAte / n);
    s[1] += Math.sqrt(pehe / n);
    s[2]++;
  }

  @Test
  void explore() throws Exception {
    int reps = Integer.getInteger("ihdp.replications", 2);
    List<Learner> fam = new ArrayList<>();
    for (String s : System.getProperty("ihdp.families", "linear").split(",")) {
      for (Learner l : Learner.values()) {
        if (l.label().equals(s)) {
          fam.add(l);
        }
      }
    }
    Map<String, double[]> sums = sweep(fam, reps);
    sums.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-24s ATE err %.3f  sqrtPEHE %.3f%n",
        k, v[0] / v[2], v[1] / v[2]));
    assertThat(sums).isNotEmpty();
  }
}
