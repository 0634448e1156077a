package dev.causal4j.analyst.plan;

/**
 * Rough seconds for one search, one profile and one effect estimate on n rows and p variables,
 * from constants measured once on a 2-core machine (examples/sachs.csv and simulated data of
 * p = 10–100). The model is a formula of n and p only, never a timing of this run, so the same
 * data give the same plan on any machine and any number of threads; it errs towards
 * overestimating.
 */
public final class CostModel {
  /** Fixed cost of starting the work (class loading, JIT warm-up), seconds. */
  static final double OVERHEAD = 1.0;

  private CostModel() {}

  /** Seconds for one search with this algorithm and statistic. */
  public static double search(Algorithm a, Statistic s, int n, int p) {
    double pp = (double) p * p;
    double ppp = pp * p;
    double base = switch (s) {
      case FISHER_Z, BIC -> 2e-9 * n * pp + 1e-6 * ppp;
      case G_SQUARE, BDEU -> 2e-7 * n * pp;
      case CONDITIONAL_GAUSSIAN, CONDITIONAL_GAUSSIAN_BIC -> 1e-6 * n * pp;
      case RCIT -> 1e-5 * n * pp;
      case NONE -> 0;
    };
    return switch (a) {
      case PC_STABLE -> base;
      case BOSS -> 2 * base + 2e-6 * ppp;
      // Measured: 0.2 s at p = 100 and 1.0 s at p = 500 (n = 2,000, average degree 3, one
      // thread), near-linear in p on sparse graphs where BOSS grows with p².
      case FGES -> 2e-9 * n * pp + 1e-6 * n * p;
      case GFCI -> 4 * base + 2e-6 * ppp;
      case FCI -> 3 * base;
      case DIRECTLINGAM -> 3e-8 * n * ppp;
    };
  }

  /**
   * Seconds for PCMCI+ up to {@code maxLag}: its tests are those of a PC search over the lagged
   * design's p·(maxLag + 1) columns, on the n − maxLag rows with a full past.
   */
  public static double timeSeries(Statistic test, int n, int p, int maxLag) {
    return search(Algorithm.PC_STABLE, test, Math.max(1, n - maxLag), p * (maxLag + 1));
  }

  /** Seconds for the profile. */
  public static double profile(int n, int p) {
    int rows = Math.min(n, 2000);
    int k = Math.min(p, 20);
    return 0.2 + 2e-8 * rows * p * k * k + 1e-8 * rows * (double) p * p;
  }

  /** Seconds for identification and the estimators. */
  public static double effects(int n, int p) {
    return 2.0 + 5e-6 * n * p;
  }
}
