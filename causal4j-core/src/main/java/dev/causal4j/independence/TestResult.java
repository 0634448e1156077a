package dev.causal4j.independence;

/**
 * The outcome of one conditional-independence test.
 *
 * @param statistic the test statistic (e.g. Fisher's z times √(n−|z|−3), G², χ²); {@code NaN}
 *     for an oracle
 * @param pValue the p-value in [0, 1]; an oracle answers 1 (independent) or 0 (dependent)
 * @param degreesOfFreedom degrees of freedom of the reference distribution, or {@code NaN} where
 *     there is none
 * @param sampleSize rows used by the test (fewer than the dataset's under test-wise deletion); 0
 *     for an oracle
 */
public record TestResult(
    double statistic, double pValue, double degreesOfFreedom, int sampleSize) {}
