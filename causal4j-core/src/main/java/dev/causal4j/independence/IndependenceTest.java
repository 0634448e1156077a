package dev.causal4j.independence;

import java.util.List;

/**
 * A test of conditional independence {@code x ⫫ y | z} between variables given by index (into
 * {@link #variables()}), with {@code z} a set of distinct indices different from {@code x} and
 * {@code y}.
 *
 * <p>Implementations are thread-safe and deterministic: the same question gives the same answer
 * on any thread, in any order, in any run (randomised tests fix their randomness by seed and by
 * the question asked, not by call order). A d-separation oracle over a known graph is an
 * independence test too, which is how every constraint-based search is proven exact.
 */
public interface IndependenceTest {

  /** The variables the indices refer to. */
  List<String> variables();

  /** Tests {@code x ⫫ y | z}. */
  TestResult test(int x, int y, int[] z);

  /** The p-value of {@link #test}; small values are evidence of dependence. */
  default double pValue(int x, int y, int[] z) {
    return test(x, y, z).pValue();
  }
}
