package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeSeriesBenchCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void timesPcmciPlusOverAGridOfSizesAndLags() throws Exception {
    CommandRun r = CommandRun.of("bench", "timeseries", "--variables", "4,6", "--max-lag", "1,2",
        "--samples", "1000", "--threads", "1", "--format", "json").assertOk();
    JsonNode runs = JSON.readTree(r.out()).get("runs");
    assertThat(runs).hasSize(4);
    assertThat(runs.get(3).get("variables").asInt()).isEqualTo(6);
    assertThat(runs.get(3).get("max_lag").asInt()).isEqualTo(2);
    for (JsonNode run : runs) {
      assertThat(run.get("seconds").asDouble()).isPositive();
      assertThat(run.get("tests").asLong()).isPositive();
      // Small SVARs at n = 1,000 with coefficients of at least 0.2: nearly every link is found.
      assertThat(run.get("link_f1").asDouble()).isGreaterThan(0.8);
    }
    CommandRun text = CommandRun.of("bench", "timeseries", "--variables", "5", "--max-lag", "1",
        "--samples", "500", "--threads", "1").assertOk();
    assertThat(text.out()).contains("PCMCI+ with ParCorr").contains("link F1");
  }

  /** The directed pairs (from, to), from ≠ to, of a graph file's edges (contemporaneous both). */
  static Set<String> pairs(JsonNode graph, boolean directedOnly) {
    Set<String> out = new HashSet<>();
    for (JsonNode e : graph.get("edges")) {
      String a = e.get("from").asText();
      String b = e.get("to").asText();
      String mark = e.get("edge").asText();
      if (a.equals(b)) {
        continue;
      }
      if (!directedOnly) {
        out.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
      } else if (mark.equals("-->")) {
        out.add(a + " " + b);
      } else if (mark.equals("<--")) {
        out.add(b + " " + a);
      }
    }
    return out;
  }

  @Test
  void scoresTheAlgorithmsOnBenchmarkFoldersAsDiscoverDoes() throws Exception {
    String dir = CommandRun.resource("time_series");
    CommandRun r = CommandRun.of("bench", "timeseries", "--data", dir, "--algorithms",
        "pcmci-plus,granger", "--threads", "1", "--format", "json").assertOk();
    JsonNode scores = JSON.readTree(r.out()).get("scores");
    assertThat(scores).hasSize(2);
    // The pooled counts equal those of discover's own graphs on each file, scored here by hand
    // against the network's true edges.
    Path net = Path.of(dir, "fmri_feedbacks", "Network1_amp");
    Set<String> trueDirected = new HashSet<>();
    Set<String> trueAdjacent = new HashSet<>();
    List<String> lines = Files.readAllLines(net.resolve("Network1_amp_true_edges.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      trueDirected.add(f[0] + " " + f[1]);
      trueAdjacent.add(f[0].compareTo(f[1]) < 0 ? f[0] + " " + f[1] : f[1] + " " + f[0]);
    }
    int k = 0;
    for (String algorithm : List.of("pcmci-plus", "granger")) {
      int[] adj = new int[3];
      int[] dirs = new int[3];
      for (String sim : List.of("sim-01", "sim-02")) {
        JsonNode g = JSON.readTree(CommandRun.of("discover", "--algorithm", algorithm,
            "--max-lag", "1", "--threads", "1", "--format", "json",
            net.resolve(sim + ".Network1_amp.tsv").toString()).assertOk().out());
        count(adj, trueAdjacent, pairs(g, false));
        count(dirs, trueDirected, pairs(g, true));
      }
      JsonNode s = scores.get(k++);
      assertThat(s.get("dataset").asText()).isEqualTo("fmri-Network1_amp");
      assertThat(s.get("algorithm").asText()).isEqualTo(algorithm);
      assertThat(s.get("files").asInt()).isEqualTo(2);
      assertThat(s.has("lagged")).isFalse();
      assertCounts(s.get("summary_adjacency"), adj);
      assertCounts(s.get("summary_directed"), dirs);
    }
  }

  static void count(int[] sum, Set<String> truth, Set<String> found) {
    for (String f : found) {
      sum[truth.contains(f) ? 0 : 1]++;
    }
    for (String t : truth) {
      sum[2] += found.contains(t) ? 0 : 1;
    }
  }

  static void assertCounts(JsonNode c, int[] expected) {
    assertThat(new int[] {c.get("tp").asInt(), c.get("fp").asInt(), c.get("fn").asInt()})
        .containsExactly(expected);
  }

  @Test
  void badOptions() {
    CommandRun.of("bench", "timeseries", "--data", CommandRun.resource("time_series"),
        "--algorithms", "lpcmci").assertUserError("'lpcmci' is not a time-series algorithm");
    CommandRun.of("bench", "timeseries", "--data", CommandRun.resource("README.md")
        .replace("README.md", "")).assertUserError("has none of netsim/, lorenz96/ or"
        + " fmri_feedbacks/");
    CommandRun.of("bench", "timeseries", "--variables", "1").assertUserError(
        "--variables must be at least 2");
    CommandRun.of("bench", "timeseries", "--samples", "10").assertUserError(
        "--samples must be at least 50");
  }
}
