package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.Parallel;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the tests a search makes through it, from any number of threads, and makes every test
 * a point where an interrupted search stops ({@link Parallel#checkCancelled}): the skeleton
 * search can spend millions of tests on one edge, and worker threads must not keep running
 * after the search was cancelled.
 */
final class CountingTest implements IndependenceTest {
  private final IndependenceTest test;
  private final LongAdder count = new LongAdder();

  CountingTest(IndependenceTest test) {
    this.test = test;
  }

  @Override
  public List<String> variables() {
    return test.variables();
  }

  @Override
  public TestResult test(int x, int y, int[] z) {
    Parallel.checkCancelled();
    count.increment();
    return test.test(x, y, z);
  }

  @Override
  public double pValue(int x, int y, int[] z) {
    Parallel.checkCancelled();
    count.increment();
    return test.pValue(x, y, z);
  }

  long count() {
    return count.sum();
  }
}
