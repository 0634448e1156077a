package dev.causal4j.effects.estimate;

import dev.causal4j.InvalidInputException;
import dev.causal4j.effects.estimate.learner.Classifier;
import dev.causal4j.effects.estimate.learner.FeatureMatrix;
import dev.causal4j.effects.estimate.learner.LogisticRegression;
import dev.causal4j.effects.estimate.learner.RidgeRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Nearest-neighbour matching (Rosenbaum &amp; Rubin 1983 on the propensity score; Rubin 1980 on the
 * Mahalanobis distance). Each focal unit (the treated for the ATT, the controls for the ATC, both
 * for the ATE) gets its {@code M} nearest units of the other arm, whose mean outcome imputes its
 * missing potential outcome.
 *
 * <ul>
 *   <li>Propensity distance: {@code |logit e_i − logit e_j|}, the propensity fitted by the given
 *       classifier; a caliper is in standard deviations of the logit (Austin 2011 suggests 0.2).
 *   <li>Mahalanobis distance on the covariates (the inverse of their sample covariance; a
 *       pseudo-inverse when a covariate is redundant); a caliper is in that distance.
 *   <li>With replacement (the default) a unit can serve several focal units; without, matches are
 *       made greedily, focal units in order of decreasing propensity (propensity distance) or in a
 *       seeded random order (Mahalanobis).
 *   <li>Bias correction (Abadie &amp; Imbens 2011): each imputed outcome is adjusted by {@code
 *       μ̂(X_i) − μ̂(X_j)} from a least-squares fit in the matched arm.
 * </ul>
 *
 * <p>Standard error: Abadie &amp; Imbens (2006), for the population ATT {@code (1/N₁²) [Σ_treated
 * (Y_i − Ŷ_i(0) − τ)² + Σ_controls (K_j/M)(K_j/M − 1/M) σ̂²(X_j)]} and for the ATE {@code (1/N²)
 * [Σ_i (Ŷ_i(1) − Ŷ_i(0) − τ)² + Σ_i ((K_i/M)² + (2M − 1)K_i/M²) σ̂²(X_i)]}, with {@code K_j}
 * the number of times unit {@code j} is used and {@code σ̂²(X_j) = (Y_j − Y_l)²/2} from its
 * nearest neighbour {@code l} in its own arm. Departures: without replacement the same formulas
 * are used (each {@code K_j ≤ 1}, giving the matched-pairs variance); with propensity matching the
 * score is treated as known, which Abadie &amp; Imbens (2016) show can err either way for the ATT.
 *
 * @param distance propensity score or Mahalanobis
 * @param neighbours {@code M}, matches per focal unit
 * @param replacement match with replacement
 * @param caliper the largest distance allowed (see above); 0 for none
 * @param biasCorrection apply the Abadie–Imbens regression bias correction
 * @param propensity the propensity learner (propensity distance, and for the diagnostics)
 * @param seed seeds the matching order without replacement
 */
public record Matching(
    Distance distance,
    int neighbours,
    boolean replacement,
    double caliper,
    boolean biasCorrection,
    Classifier propensity,
    long seed)
    implements Estimator {

  /** The distance matches are made on. */
  public enum Distance {
    /** The logit of the propensity score. */
    PROPENSITY("propensity score"),
    /** The Mahalanobis distance on the covariates. */
    MAHALANOBIS("Mahalanobis");

    private final String label;

    Distance(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Matching {
    Objects.requireNonNull(distance, "distance");
    Objects.requireNonNull(propensity, "propensity");
    if (neighbours < 1) {
      throw new InvalidInputException("matching needs at least one neighbour, not " + neighbours);
    }
    if (!(caliper >= 0) || Double.isInfinite(caliper)) {
      throw new InvalidInputException("the caliper must be a finite number ≥ 0, not " + caliper);
    }
  }

  /** One nearest neighbour on the logistic propensity score, with replacement, no caliper. */
  public static Matching propensityScore() {
    return new Matching(Distance.PROPENSITY, 1, true, 0, false, LogisticRegression.defaults(), 0);
  }

  /** One nearest neighbour on the Mahalanobis distance, with replacement, no caliper. */
  public static Matching mahalanobis() {
    return new Matching(Distance.MAHALANOBIS, 1, true, 0, false, LogisticRegression.defaults(),
        0);
  }

  @Override
  public Method method() {
    return Method.MATCHING;
  }

  @Override
  public EffectEstimate estimate(EstimationProblem problem) {
    EffectData d = EffectData.of(problem);
    int[] labels = d.treatmentLabels("matching");
    if (d.covariates().cols() == 0) {
      throw new InvalidInputException("matching needs covariates to match on; with none, use"
          + " --method regression (the difference in means)");
    }
    Estimand estimand = problem.estimand();
    int n = d.rows();
    double[] t = d.treatment();
    double[] y = d.outcome();
    double[] e = propensity.fit(d.covariates(), labels).probability(d.covariates());
    Propensities.checkOverlap(e, t, problem.treatment());
    // Coordinates whose Euclidean distance is the chosen distance.
    FeatureMatrix z;
    double limit;
    if (distance == Distance.PROPENSITY) {
      double[] logit = new double[n];
      for (int i = 0; i < n; i++) {
        double ei = Math.min(Math.max(e[i], 1e-12), 1 - 1e-12);
        logit[i] = Math.log(ei / (1 - ei));
      }
      z = new FeatureMatrix(logit, n, 1);
      limit = caliper == 0 ? Double.POSITIVE_INFINITY : caliper * sd(logit);
    } else {
      z = whiten(d.covariates());
      limit = caliper == 0 ? Double.POSITIVE_INFINITY : caliper;
      long work = (long) d.treatedCount() * (n - d.treatedCount());
      if (work > 4_000_000_000L) {
        throw new InvalidInputException("Mahalanobis matching compares every treated unit with"
            + " every control (" + work + " pairs here); use propensity-score matching for data"
            + " this large");
      }
    }
    int[] treated = d.arm(1);
    int[] control = d.arm(0);
    // matches[i]: the matched units of focal unit i (null: not focal or unmatched).
    int[][] matches = new int[n][];
    int unmatched = 0;
    if (estimand != Estimand.ATC) {
      unmatched += match(treated, control, z, e, limit, matches);
    }
    if (estimand != Estimand.ATT) {
      unmatched += match(control, treated, z, e, limit, matches);
    }
    double[] muHat0 = null;
    double[] muHat1 = null;
    if (biasCorrection) {
      muHat0 = armFit(d, control);
      muHat1 = armFit(d, treated);
    }
    double[] imputed = new double[n];
    double[] k = new double[n];
    int focal = 0;
    for (int i = 0; i < n; i++) {
      if (matches[i] == null) {
        continue;
      }
      focal++;
      double[] mu = t[i] == 1 ? muHat0 : muHat1;
      double s = 0;
      for (int j : matches[i]) {
        s += y[j] + (mu == null ? 0 : mu[i] - mu[j]);
        k[j] += 1.0 / matches[i].length;
      }
      imputed[i] = s / matches[i].length;
    }
    if (focal == 0) {
      throw new InvalidInputException("no unit found a match within the caliper " + caliper
          + "; widen the caliper");
    }
    // Unit-level effects of the focal units: Ŷ(1) − Ŷ(0).
    double tau = 0;
    double[] effect = new double[n];
    for (int i = 0; i < n; i++) {
      if (matches[i] != null) {
        effect[i] = t[i] == 1 ? y[i] - imputed[i] : imputed[i] - y[i];
        tau += effect[i];
      }
    }
    tau /= focal;
    double[] sigma2 = conditionalVariance(z, y, treated, control);
    double var = 0;
    for (int i = 0; i < n; i++) {
      if (matches[i] != null) {
        var += (effect[i] - tau) * (effect[i] - tau);
      }
      if (estimand == Estimand.ATE) {
        var += (k[i] * k[i] + (2.0 * neighbours - 1) * k[i] / neighbours) * sigma2[i];
      } else {
        var += (k[i] * k[i] - k[i] / neighbours) * sigma2[i];
      }
    }
    double se = Math.sqrt(var) / focal;

    List<String> warnings = new ArrayList<>(d.commonWarnings());
    if (unmatched > 0) {
      warnings.add(unmatched + " focal unit(s) found no match within the caliper and were"
          + " dropped; the estimate is for the matched units only.");
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = (matches[i] != null ? 1 : 0) + k[i];
    }
    List<Balance> balance = Balances.of(d.covariates(), d.covariateNames(), t, w);
    InverseProbabilityWeighting.warnImbalance(balance, warnings);
    PropensitySummary summary = Propensities.summary(e, t, 0);
    Propensities.warn(summary, warnings);
    EffectiveSampleSize ess = new EffectiveSampleSize(EffectiveSampleSize.kish(w, t, 1),
        EffectiveSampleSize.kish(w, t, 0));
    Diagnostics diag = new Diagnostics(Optional.of(summary), unmatched, Optional.of(ess),
        balance, OptionalDouble.empty(), warnings);
    String details = String.format(Locale.ROOT, "%d nearest neighbour%s on the %s, %s"
        + " replacement%s%s", neighbours, neighbours == 1 ? "" : "s", distance.label(),
        replacement ? "with" : "without",
        caliper > 0 ? String.format(Locale.ROOT, ", caliper %g%s", caliper,
            distance == Distance.PROPENSITY ? " SD of the logit" : "") : "",
        biasCorrection ? ", bias-corrected" : "")
        + (distance == Distance.PROPENSITY ? "; propensity: " + propensity.describe() : "");
    return Results.of(d, method(), estimand, tau, se, ConfidenceInterval.normal(tau, se,
        IntervalMethod.ANALYTIC, "Abadie–Imbens"), details, diag,
        List.of("Units close in " + distance.label() + " are comparable (no confounding"
            + " beyond the covariates matched on)."));
  }

  /**
   * Matches each focal unit to its nearest {@code neighbours} of the pool; returns how many focal
   * units got no match within {@code limit}.
   */
  private int match(int[] focal, int[] pool, FeatureMatrix z, double[] e, double limit,
      int[][] matches) {
    int[] order = focal.clone();
    if (!replacement) {
      if (distance == Distance.PROPENSITY) {
        order = IntStream.of(focal).boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -e[i]).thenComparingInt(i -> i))
            .mapToInt(Integer::intValue).toArray();
      } else {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = order.length - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int tmp = order[i];
          order[i] = order[j];
          order[j] = tmp;
        }
      }
    }
    boolean[] used = new boolean[z.rows()];
    int unmatched = 0;
    NearestNeighbours nn = new NearestNeighbours(z, pool);
    for (int i : order) {
      int[] m = nn.nearest(i, neighbours, limit, replacement ? null : used);
      if (m.length == 0) {
        unmatched++;
        continue;
      }
      if (!replacement) {
        for (int j : m) {
          used[j] = true;
        }
      }
      matches[i] = m;
    }
    // Without replacement a pool smaller than the focal arm leaves units unmatched, reported like
    // caliper drops.
    return unmatched;
  }

  /** {@code σ̂²(X_i) = (Y_i − Y_l)² / 2} with {@code l} the nearest unit of the same arm. */
  private static double[] conditionalVariance(FeatureMatrix z, double[] y, int[] treated,
      int[] control) {
    double[] s = new double[y.length];
    for (int[] arm : List.of(treated, control)) {
      if (arm.length < 2) {
        continue;
      }
      NearestNeighbours nn = new NearestNeighbours(z, arm);
      for (int i : arm) {
        int[] l = nn.nearestOther(i);
        double d = y[i] - y[l[0]];
        s[i] = d * d / 2;
      }
    }
    return s;
  }

  private static double[] armFit(EffectData d, int[] rows) {
    double[] ya = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      ya[i] = d.outcome()[rows[i]];
    }
    return RidgeRegression.ols().fit(d.covariates().selectRows(rows), ya)
        .predict(d.covariates());
  }

  private static double sd(double[] v) {
    double m = Results.mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }

  /**
   * Coordinates {@code X V Λ^{-1/2}} from the eigendecomposition of the covariance of {@code x},
   * so Euclidean distance is Mahalanobis distance; directions with no variance are dropped.
   */
  static FeatureMatrix whiten(FeatureMatrix x) {
    int n = x.rows();
    int p = x.cols();
    double[] v = x.values();
    double[] mean = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        mean[j] += v[i * p + j];
      }
    }
    for (int j = 0; j < p; j++) {
      mean[j] /= n;
    }
    DMatrixRMaj cov = new DMatrixRMaj(p, p);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < p; a++) {
        double da = v[i * p + a] - mean[a];
        for (int b = a; b < p; b++) {
          cov.data[a * p + b] += da * (v[i * p + b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        cov.data[a * p + b] /= n - 1;
        cov.data[b * p + a] = cov.data[a * p + b];
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigendecomposition of the covariate covariance failed");
    }
    double max = 0;
    for (int c = 0; c < p; c++) {
      max = Math.max(max, eig.getEigenvalue(c).getReal());
    }
    List<double[]> dirs = new ArrayList<>();
    for (int c = 0; c < p; c++) {
      double lambda = eig.getEigenvalue(c).getReal();
      if (lambda > 1e-10 * max) {
        DMatrixRMaj vec = eig.getEigenVector(c);
        double[] dir = new double[p];
        for (int a = 0; a < p; a++) {
          dir[a] = vec.get(a, 0) / Math.sqrt(lambda);
        }
        dirs.add(dir);
      }
    }
    int q = dirs.size();
    double[] out = new double[n * q];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < q; c++) {
        double[] dir = dirs.get(c);
        double s = 0;
        for (int a = 0; a < p; a++) {
          s += (v[i * p + a] - mean[a]) * dir[a];
        }
        out[i * q + c] = s;
      }
    }
    return new FeatureMatrix(out, n, q);
  }

  /**
   * Exact nearest neighbours among a pool: on a sorted array when there is one coordinate, by a
   * scan otherwise. Ties go to the lower row index, so results do not depend on the order of
   * computation.
   */
  static final class NearestNeighbours {
    private final FeatureMatrix z;
    private final int[] pool;
    private final double[] sortedKeys;

    NearestNeighbours(FeatureMatrix z, int[] pool) {
      this.z = z;
      if (z.cols() == 1) {
        Integer[] boxed = IntStream.of(pool).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> z.get(i, 0))
            .thenComparingInt(i -> i));
        this.pool = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        this.sortedKeys = new double[pool.length];
        for (int i = 0; i < pool.length; i++) {
          sortedKeys[i] = z.get(this.pool[i], 0);
        }
      } else {
        this.pool = pool;
        this.sortedKeys = null;
      }
    }

    private double dist(int i, int j) {
      int p = z.cols();
      double[] v = z.values();
      double s = 0;
      for (int c = 0; c < p; c++) {
        double d = v[i * p + c] - v[j * p + c];
        s += d * d;
      }
      return Math.sqrt(s);
    }

    /** The nearest unit of the pool other than {@code i} itself. */
    int[] nearestOther(int i) {
      return nearest(i, 1, Double.POSITIVE_INFINITY, null, i);
    }

    /** Up to {@code m} nearest pool units within {@code limit}, skipping {@code used} ones. */
    int[] nearest(int i, int m, double limit, boolean[] used) {
      return nearest(i, m, limit, used, -1);
    }

    /** As above, also skipping the unit {@code skip} (-1: none). */
    int[] nearest(int i, int m, double limit, boolean[] used, int skip) {
      if (sortedKeys != null) {
        return nearestSorted(i, m, limit, used, skip);
      }
      // Scan keeping the m best (m is small).
      int[] best = new int[m];
      double[] bestD = new double[m];
      Arrays.fill(bestD, Double.POSITIVE_INFINITY);
      Arrays.fill(best, -1);
      for (int j : pool) {
        if (used != null && used[j] || j == skip) {
          continue;
        }
        double dj = dist(i, j);
        if (dj > limit) {
          continue;
        }
        int at = m;
        while (at > 0 && (dj < bestD[at - 1] || dj == bestD[at - 1] && j < best[at - 1])) {
          at--;
        }
        if (at < m) {
          System.arraycopy(best, at, best, at + 1, m - at - 1);
          System.arraycopy(bestD, at, bestD, at + 1, m - at - 1);
          best[at] = j;
          bestD[at] = dj;
        }
      }
      return Arrays.stream(best).filter(j -> j >= 0).toArray();
    }

    private int[] nearestSorted(int i, int m, double limit, boolean[] used, int skip) {
      double key = z.get(i, 0);
      int hi = Arrays.binarySearch(sortedKeys, key);
      if (hi < 0) {
        hi = -hi - 1;
      }
      int lo = hi - 1;
      int[] out = new int[m];
      int c = 0;
      while (c < m) {
        while (lo >= 0 && (used != null && used[pool[lo]] || pool[lo] == skip)) {
          lo--;
        }
        while (hi < pool.length && (used != null && used[pool[hi]] || pool[hi] == skip)) {
          hi++;
        }
        double dl = lo >= 0 ? key - sortedKeys[lo] : Double.POSITIVE_INFINITY;
        double dh = hi < pool.length ? sortedKeys[hi] - key : Double.POSITIVE_INFINITY;
        if (Math.min(dl, dh) > limit) {
          break;
        }
        boolean takeLow = dl < dh || dl == dh && lo >= 0 && (hi >= pool.length
            || pool[lo] < pool[hi]);
        if (takeLow) {
          out[c++] = pool[lo--];
        } else {
          out[c++] = pool[hi++];
        }
      }
      return Arrays.copyOf(out, c);
    }
  }
}
