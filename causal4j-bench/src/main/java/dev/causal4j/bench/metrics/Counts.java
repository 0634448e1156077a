package dev.causal4j.bench.metrics;

/**
 * True positives, false positives and false negatives of one kind of graph feature, with the
 * precision, recall and F1 they give. A ratio with a zero denominator (no predictions, or nothing
 * to find) is {@code NaN}, shown as "n/a", rather than a made-up 0 or 1.
 */
public record Counts(int truePositives, int falsePositives, int falseNegatives) {
  public Counts {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /** TP / (TP + FP). */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN). */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** 2TP / (2TP + FP + FN), the harmonic mean of precision and recall. */
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  private static double ratio(int num, int den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }
}
