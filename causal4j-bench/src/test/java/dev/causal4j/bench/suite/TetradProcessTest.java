package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TetradProcessTest {

  @Test
  void aRunnerFileNamingAMissingJdkIsReportedNotUsed(@TempDir Path dir) throws Exception {
    Path props = dir.resolve("runner.properties");
    Files.writeString(props, "java=" + dir.resolve("no-jdk/bin/java") + "\nclasspath=x\n");
    String before = System.getProperty(TetradProcess.PROPERTY);
    try {
      System.setProperty(TetradProcess.PROPERTY, props.toString());
      TetradProcess.Location where = TetradProcess.locate();
      assertThat(where.available()).isFalse();
      assertThat(where.reason()).contains("no-jdk").contains("JDK 21+");
      Files.writeString(props, "classpath=x\n");
      assertThat(TetradProcess.locate().reason()).contains("lacks 'java'");
    } finally {
      if (before == null) {
        System.clearProperty(TetradProcess.PROPERTY);
      } else {
        System.setProperty(TetradProcess.PROPERTY, before);
      }
    }
  }

  @Test
  void tetradsErrorsComeBackAsMessagesAndTheRunnerGoesOn(@TempDir Path dir) {
    TetradProcess.Location where = TetradProcess.locate();
    assumeTrue(where.available(), () -> "Tetrad: not available: " + where.reason());
    TetradData missing = new TetradData(dir.resolve("absent.csv"), List.of("a"), false, List.of());
    try (TetradProcess t = TetradProcess.start(where.runner().orElseThrow(), "512m", 1)) {
      assertThatThrownBy(() -> t.run(TetradJob.builder(TetradAlgorithm.PC, missing).build()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("absent.csv");
      // The same process still answers.
      assertThatThrownBy(() -> t.run(TetradJob.builder(TetradAlgorithm.FGES, missing).build()))
          .hasMessageContaining("Tetrad failed on fges");
    }
  }
}
