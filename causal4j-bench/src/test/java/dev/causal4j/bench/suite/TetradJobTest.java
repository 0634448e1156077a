package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.discovery.pc.Pc;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TetradJobTest {
  private static final TetradData CONTINUOUS =
      new TetradData(Path.of("/data/x.csv"), List.of("a", "b"), false, List.of());

  @Test
  void aJobIsOneLineOfKeyValuePairsInTheRunnersWords() {
    String line = TetradJob.builder(TetradAlgorithm.PC, CONTINUOUS).alpha(0.05).stable(false)
        .conflictRule(Pc.ConflictRule.OVERWRITE).depth(-3).warmups(2).repeats(3).build()
        .toLine();
    assertThat(line).doesNotContain("\n");
    assertThat(Arrays.asList(line.split("\t"))).containsExactly("algorithm=pc",
        "data=/data/x.csv", "type=continuous", "alpha=0.05", "stable=false",
        "conflict-rule=overwrite-existing", "depth=-1", "warmups=2", "repeats=3");
  }

  @Test
  void discreteJobsCarryTheLevelCountsAndScoresTheirPriors() {
    TetradData discrete = new TetradData(Path.of("/d.csv"), List.of("a", "b"), true, List.of(2, 4));
    String line = TetradJob.builder(TetradAlgorithm.FGES, discrete).score(TetradJob.Score.BDEU)
        .bdeuPriors(1, 1).threads(2).build().toLine();
    assertThat(Arrays.asList(line.split("\t"))).contains("type=discrete", "levels=2,4",
        "score=bdeu", "sample-prior=1.0", "structure-prior=1.0", "threads=2");
  }

  @Test
  void nonsenseSettingsAreRefused() {
    TetradJob.Builder b = TetradJob.builder(TetradAlgorithm.BOSS, CONTINUOUS);
    assertThatThrownBy(() -> b.repeats(0)).hasMessageContaining("repeats");
    assertThatThrownBy(() -> b.warmups(-1)).hasMessageContaining("warmups");
    assertThatThrownBy(() -> b.penaltyDiscount(Double.NaN)).hasMessageContaining("finite");
  }
}
