package dev.causal4j.bench.simulate;

import dev.causal4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A confounded, nonlinear model with a binary treatment and a known average effect, for checking
 * effect estimators: covariates {@code X_1..X_p ~ N(0, 1)} independent ({@code p ≥ 5}),
 *
 * <pre>
 * logit P(T = 1 | X) = 0.6 X₁ − 0.4 X₂ + 0.3 X₁X₃ + 0.4 sin(2 X₄)
 * Y = 1 + sin(1.5 X₁) + 0.5 X₂² + 0.5 X₃X₄ + T · (1 + 0.5 X₅) + ε,   ε ~ N(0, 1)
 * </pre>
 *
 * {@code X₁} and {@code X₂} confound (they drive both treatment and outcome, nonlinearly), the
 * effect varies with {@code X₅}, which is independent of the treatment, so the ATE and the ATT are
 * both exactly 1; covariates beyond the fifth are noise. Propensities stay within about
 * [0.05, 0.95] for all but a few units, so overlap holds.
 */
public final class ConfoundedTreatment {
  /** The true average treatment effect (and effect on the treated). */
  public static final double ATE = 1.0;

  private ConfoundedTreatment() {}

  /** Column names: {@code x1..xp}, then {@code t}, then {@code y}. */
  public static List<String> names(int p) {
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= p; j++) {
      names.add("x" + j);
    }
    names.add("t");
    names.add("y");
    return names;
  }

  /** The covariate names {@code x1..xp}. */
  public static List<String> covariates(int p) {
    return names(p).subList(0, p);
  }

  /** {@code n} rows with {@code p} covariates, from the seed. */
  public static Dataset sample(int n, int p, long seed) {
    if (p < 5) {
      throw new IllegalArgumentException("the model needs at least 5 covariates, not " + p);
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] cols = new double[p + 2][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        cols[j][i] = normal.sample();
      }
      double x1 = cols[0][i];
      double x2 = cols[1][i];
      double x3 = cols[2][i];
      double x4 = cols[3][i];
      double x5 = cols[4][i];
      double eta = 0.6 * x1 - 0.4 * x2 + 0.3 * x1 * x3 + 0.4 * Math.sin(2 * x4);
      double e = 1 / (1 + Math.exp(-eta));
      double t = rng.nextDouble() < e ? 1 : 0;
      double y = 1 + Math.sin(1.5 * x1) + 0.5 * x2 * x2 + 0.5 * x3 * x4
          + t * (1 + 0.5 * x5) + normal.sample();
      cols[p][i] = t;
      cols[p + 1][i] = y;
    }
    return Dataset.ofContinuous(names(p), cols);
  }
}
