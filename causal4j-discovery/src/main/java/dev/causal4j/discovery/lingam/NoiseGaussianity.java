package dev.causal4j.discovery.lingam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the estimated noise terms look Gaussian, the case where LiNGAM's answer is not
 * identified: a linear model tells cause from effect only through non-Gaussian noise, and among
 * variables whose noise is Gaussian any order fits equally well (Shimizu et al. 2006, §2; at
 * most one Gaussian noise term is allowed).
 *
 * <p>The rule: each variable's noise is estimated as its least-squares residual on every variable
 * before it in the estimated order, and tested with the Jarque–Bera test ({@code n/6·(S² +
 * (K − 3)²/4)}, χ² with 2 degrees of freedom; skewness {@code S}, kurtosis {@code K}). A noise
 * term "looks Gaussian" when the test does not reject at level {@value #LEVEL}. When two or more
 * look Gaussian the result carries a warning naming them. The test sees departures in skewness
 * and kurtosis only, the ones the entropy approximation measures too; at small n it has little
 * power, so a missing warning is no proof of identifiability.
 */
final class NoiseGaussianity {
  static final double LEVEL = 0.05;

  private NoiseGaussianity() {}

  /** Skewness and kurtosis of {@code e} (moments with divisor n, about the sample mean). */
  static double[] moments(double[] e) {
    int n = e.length;
    double mean = 0;
    for (double v : e) {
      mean += v;
    }
    mean /= n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : e) {
      double d = v - mean;
      double d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2)};
  }

  /** The Jarque–Bera p-value from skewness and kurtosis. */
  static double jarqueBeraPValue(double skewness, double kurtosis, int n) {
    double excess = kurtosis - 3;
    double jb = n / 6.0 * (skewness * skewness + excess * excess / 4);
    return Math.exp(-jb / 2);
  }

  /**
   * The warning for noise terms that look Gaussian, if two or more do.
   *
   * @param names variable names
   * @param moments per variable, {skewness, kurtosis} of its estimated noise
   */
  static Optional<String> warning(List<String> names, double[][] moments, int n) {
    List<String> gaussian = new ArrayList<>();
    for (int v = 0; v < names.size(); v++) {
      if (jarqueBeraPValue(moments[v][0], moments[v][1], n) > LEVEL) {
        gaussian.add(names.get(v));
      }
    }
    if (gaussian.size() < 2) {
      return Optional.empty();
    }
    String listed = String.join(", ", gaussian.subList(0, Math.min(10, gaussian.size())))
        + (gaussian.size() > 10 ? ", …" : "");
    String prefix = gaussian.size() == names.size()
        ? "no variable's estimated noise departs detectably from a Gaussian distribution"
        : String.format(Locale.ROOT, "the estimated noise of %d variables looks Gaussian (%s)",
            gaussian.size(), listed);
    return Optional.of(prefix + " (Jarque-Bera test, level " + LEVEL + "): LiNGAM tells cause"
        + " from effect only through non-Gaussian noise, so the directions among these variables"
        + " are not identified and may be wrong; a search that returns an equivalence class"
        + " (pc, fges) is the safer choice for them");
  }
}
