package dev.causal4j.discovery.fci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.RandomGraphs;
import dev.causal4j.independence.DSeparationOracle;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.independence.TestResult;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Options, bad input and cancellation for FCI and RFCI. */
class FciInputTest {

  private static final IndependenceTest ORACLE =
      new DSeparationOracle(GraphText.parse("A --> B; B --> C"));

  @Test
  void optionsAreCheckedWithMessagesThatNameThem() {
    assertThatThrownBy(() -> Fci.builder(ORACLE).alpha(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha")
        .hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> Rfci.builder(ORACLE).alpha(Double.NaN))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha");
    assertThatThrownBy(() -> Fci.builder(ORACLE).threads(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--threads");
    assertThatThrownBy(() -> Rfci.builder(ORACLE).maxDiscriminatingPathLength(2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--max-discriminating-path-length must be at least 3");
    assertThatThrownBy(() -> Fci.builder(null)).isInstanceOf(NullPointerException.class);
    // Negative limits mean "none", as for PC's depth.
    DiscoveryResult r = Fci.builder(ORACLE).depth(-5).possibleDsepMaxPathLength(-2)
        .maxDiscriminatingPathLength(-1).build().search();
    assertThat(r.stats().parameters()).containsEntry("depth", "unlimited")
        .containsEntry("possible_dsep_max_path_length", "unlimited")
        .containsEntry("max_discriminating_path_length", "unlimited")
        .containsEntry("rule_set", "complete");
  }

  @Test
  void knowledgeNamingUnknownVariablesIsRejected() {
    Knowledge k = Knowledge.builder().tier("A", "Bee").build();
    for (Supplier<DiscoveryResult> s : List.<Supplier<DiscoveryResult>>of(
        () -> Fci.builder(ORACLE).knowledge(k).build().search(),
        () -> Rfci.builder(ORACLE).knowledge(k).build().search())) {
      assertThatThrownBy(s::get).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'Bee'").hasMessageContaining("not in the data");
    }
  }

  @Test
  void tooFewRowsForTheConditioningSetsIsAClearError() {
    // Six rows of eight related variables, α = 0.99 so that almost every pair stays: Fisher Z
    // runs out of degrees of freedom at the first conditioning set of size 3, and says so.
    Graph dag = RandomGraphs.erdosRenyiDag(8, 5, RandomSource.SPLIT_MIX_64.create(1));
    Dataset six = FciDataTest.linearGaussian(dag, 6, 2);
    IndependenceTest z = new FisherZTest(CovarianceMatrix.of(six, 1));
    assertThatThrownBy(() -> Fci.builder(z).alpha(0.99).build().search())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows");
    // A depth limit the rows allow works.
    assertThat(Fci.builder(z).alpha(0.99).depth(1).build().search().graph().size()).isEqualTo(8);
  }

  @Test
  void anInterruptedSearchStopsPromptly() throws Exception {
    // A test that never finds independence on 40 variables: the skeleton search alone would run
    // for ages, and one edge at depth 10 takes 10⁸ tests. Interrupted after 200 ms, each search
    // must throw CancellationException within two seconds, on one thread and on two, and leave
    // no worker thread behind.
    AtomicLong calls = new AtomicLong();
    IndependenceTest never = new IndependenceTest() {
      private final List<String> names = RandomGraphs.defaultNames(40);

      @Override
      public List<String> variables() {
        return names;
      }

      @Override
      public TestResult test(int x, int y, int[] z) {
        calls.incrementAndGet();
        return new TestResult(Double.NaN, 0, Double.NaN, 0);
      }
    };
    for (int threads : new int[] {1, 2}) {
      for (Supplier<DiscoveryResult> s : List.<Supplier<DiscoveryResult>>of(
          () -> Fci.builder(never).threads(threads).build().search(),
          () -> Rfci.builder(never).threads(threads).build().search())) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
          try {
            s.get();
          } catch (Throwable t) {
            thrown.set(t);
          }
        });
        worker.start();
        Thread.sleep(200);
        assertThat(worker.isAlive()).isTrue();
        long start = System.nanoTime();
        worker.interrupt();
        worker.join(2_000);
        assertThat(worker.isAlive()).as("still running 2 s after the interrupt").isFalse();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
      }
    }
    // No worker thread goes on testing after the search has stopped (one may finish the call
    // it was in when the interrupt came; give it 100 ms).
    Thread.sleep(100);
    long before = calls.get();
    Thread.sleep(300);
    assertThat(calls.get()).isEqualTo(before);
  }
}
