package dev.causal4j.effects.cate;

/**
 * Causal isotonic cross-calibration (van der Laan, Ulloa-Pérez, Carone &amp; Luedtke 2023, "Causal
 * isotonic calibration for heterogeneous treatment effects", ICML): an isotonic regression {@code
 * θ} of the doubly robust pseudo-outcomes on the pooled out-of-fold predictions of {@code K} fold
 * models {@code τ̂_k} (each fitted without its fold), so that among units with similar predicted
 * effects the average predicted effect matches the average effect the data show. A unit's
 * calibrated effect is the median over folds of {@code θ(τ̂_k(x))}, which uses all the data with
 * no separate calibration set. The map is monotone, so calibration keeps the learner's ranking of
 * units (up to ties).
 *
 * <p>The pseudo-outcomes come from nuisances cross-fitted over the same folds ({@link
 * CateScorer}). The isotonic fit is {@link IsotonicRegression}, equally weighted.
 */
public final class CausalIsotonicCalibration {
  private final IsotonicRegression map;

  private CausalIsotonicCalibration(IsotonicRegression map) {
    this.map = map;
  }

  /**
   * Fits the calibration map.
   *
   * @param outOfFold each unit's prediction by the fold model that did not see it
   * @param pseudoOutcomes each unit's doubly robust pseudo-outcome
   */
  public static CausalIsotonicCalibration fit(double[] outOfFold, double[] pseudoOutcomes) {
    return new CausalIsotonicCalibration(IsotonicRegression.fit(outOfFold, pseudoOutcomes, null));
  }

  /**
   * Calibrated effects: for each unit, the median over folds of the map applied to that fold
   * model's prediction.
   *
   * @param foldPredictions {@code foldPredictions[k][i]}: fold model {@code k}'s prediction for
   *     unit {@code i}
   */
  public double[] calibrate(double[][] foldPredictions) {
    int k = foldPredictions.length;
    int n = foldPredictions[0].length;
    double[] out = new double[n];
    double[] v = new double[k];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < k; f++) {
        v[f] = map.predict(foldPredictions[f][i]);
      }
      java.util.Arrays.sort(v);
      out[i] = k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    }
    return out;
  }

  /** The isotonic map from predicted to calibrated effects. */
  public IsotonicRegression map() {
    return map;
  }
}
