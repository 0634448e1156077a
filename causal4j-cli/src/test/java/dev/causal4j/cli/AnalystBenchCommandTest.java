package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalystBenchCommandTest {

  @Test
  void printsBothF1sBesideCopilotsFigureForATinyGrid() {
    CommandRun r = CommandRun.of("bench", "analyst", "--scenarios", "p10,hidden", "--seeds",
        "1", "--algorithms", "pc-stable,boss").assertOk();
    assertThat(r.out()).contains("scenario           copilot       analyst     pc-stable"
        + "          boss").contains("mean strict").contains("Mean seconds per run");
    // p10 carries Copilot's published 0.90; hidden is ours and has none.
    assertThat(r.out()).containsPattern("p10 +0\\.90 +\\d\\.\\d\\d / \\d\\.\\d\\d")
        .containsPattern("hidden +- +\\d\\.\\d\\d / \\d\\.\\d\\d");
    // The analyst's choice is named by its rule.
    assertThat(r.out()).containsPattern("p10 .*linear-gaussian: boss/bic|p10 .*: ");
  }

  @Test
  void badOptions() {
    CommandRun.of("bench", "analyst", "--scenarios", "p7").assertUserError("'p7' is not a"
        + " scenario", "p10", "discrete-mixed");
    CommandRun.of("bench", "analyst", "--algorithms", "magic").assertUserError("'magic' is not"
        + " one of", "pc-stable");
    CommandRun.of("bench", "analyst", "--seeds", "0").assertUserError("--seeds must be at"
        + " least 1");
  }
}
