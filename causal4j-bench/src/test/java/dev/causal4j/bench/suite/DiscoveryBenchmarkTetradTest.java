package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The benchmark with Tetrad beside Causal4J (skipped where Tetrad's runner is not built). */
class DiscoveryBenchmarkTetradTest {

  @Test
  void bothToolsRunOnTheSameDataAndTheOriginalPcSharesTetradsSkeleton() {
    TetradProcess.Location where = TetradProcess.locate();
    assumeTrue(where.available(), () -> "Tetrad: not available: " + where.reason());
    DiscoveryBenchmarkResult r = DiscoveryBenchmark.builder().sizes(20).samples(500)
        .repeats(2).warmups(1).threads(1).seed(2).tetradHeap("1g")
        .algorithms(BenchmarkAlgorithms.parse("pc,pc-stable")).build().run();
    assertThat(r.tetrad()).isEqualTo("7.6.6");
    DiscoveryBenchmarkResult.Row pc = r.rows().get(0);
    assertThat(pc.tetradSide().searchMillis()).hasSize(2);
    assertThat(pc.tetradSide().setupMillis()).isPositive();
    assertThat(pc.difference().sameSkeleton()).isTrue();
    assertThat(pc.tetradSide().accuracy().adjacency())
        .isEqualTo(pc.causal4j().accuracy().adjacency());
    assertThat(pc.speedUp()).isPositive();
    assertThat(r.table()).contains("Tetrad: 7.6.6").contains("(same skeleton)");
    assertThat(r.toJson()).contains("\"tetrad\" : {").contains("\"difference\"");
  }
}
