package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.TimeSeriesCpdag;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import dev.causal4j.graph.io.LaggedGraphJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --model svar|lorenz96|logistic} and {@code discover} on time series. */
class TimeSeriesCommandTest {

  static Path simulate(Path dir, String... extra) {
    Path out = dir.resolve("sim");
    String[] base = {"simulate", "--out", out.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CommandRun r = CommandRun.of(args).assertOk();
    assertThat(r.err()).startsWith("simulate: wrote ");
    return out;
  }

  @Test
  void pcmciPlusRecoversASimulatedSvarFromTheFilesSimulateWrites(@TempDir Path dir)
      throws Exception {
    Path sim = simulate(dir, "--model", "svar", "--nodes", "4", "--max-lag", "2", "--samples",
        "3000", "--seed", "3");
    assertThat(Files.readAllLines(sim.resolve("data.csv")).get(0)).isEqualTo("X1,X2,X3,X4,t");
    AnnotatedLaggedGraph truth = LaggedGraphJson.read(sim.resolve("truth.json"));
    assertThat(truth.graph().maxLag()).isEqualTo(2);
    CommandRun r = CommandRun.of("discover", "--algorithm", "pcmci-plus", "--max-lag", "2",
        "--alpha", "0.001", "--time", "t", "--threads", "2", "--format", "json",
        sim.resolve("data.csv").toString()).assertOk();
    AnnotatedLaggedGraph found = LaggedGraphJson.read(r.out(), "stdout");
    // Seed 3 at n = 3,000: every link and every orientation the data can show.
    assertThat(found.graph()).isEqualTo(TimeSeriesCpdag.of(truth.graph()));
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("stats").get("algorithm").asText()).isEqualTo("pcmci-plus");
    assertThat(j.get("edges").get(0).has("lag")).isTrue();
    // compare scores it: every row exact.
    Path estimate = dir.resolve("estimate.json");
    Files.writeString(estimate, r.out());
    CommandRun cmp = CommandRun.of("compare", "--truth", sim.resolve("truth.json").toString(),
        "--estimate", estimate.toString()).assertOk();
    assertThat(cmp.out()).contains("scored against the time-series CPDAG")
        .containsPattern("lagged links +\\d+ +0 +0 +1.000 +1.000 +1.000")
        .containsPattern("summary directed +\\d+ +0 +0 +1.000");
    JsonNode cj = new ObjectMapper().readTree(CommandRun.of("compare", "--truth",
        sim.resolve("truth.json").toString(), "--estimate", estimate.toString(), "--reference",
        "dag", "--format", "json").assertOk().out());
    assertThat(cj.get("reference").asText()).isEqualTo("DAG");
    assertThat(cj.get("links").get("f1").asDouble()).isEqualTo(1.0);
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "X1 --> X2\n");
    CommandRun.of("compare", "--truth", sim.resolve("truth.json").toString(), "--estimate",
        plain.toString()).assertUserError("is not a time-series graph, but the other file is");
    // The same search as text, with the summary graph.
    CommandRun text = CommandRun.of("discover", "--algorithm", "pcmci-plus", "--max-lag", "2",
        "--alpha", "0.001", "--time", "t", "--test", "par-corr",
        sim.resolve("data.csv").toString()).assertOk();
    assertThat(text.out()).contains("pcmci-plus on ").contains("(1 series of 3,000 time points ×"
        + " 4 variables), par-corr, max lag 2").contains("X1(t-1) --> X1(t)")
        .contains("summary graph");
  }

  @Test
  void varLingamGrangerAndPcmciRunOnTheCommandLine(@TempDir Path dir) throws Exception {
    Path sim = simulate(dir, "--model", "svar-laplace", "--nodes", "3", "--max-lag", "1",
        "--samples", "2000", "--seed", "5", "--series", "2");
    assertThat(Files.readAllLines(sim.resolve("data.csv")).get(0)).isEqualTo("X1,X2,X3,series,t");
    String data = sim.resolve("data.csv").toString();
    CommandRun lingam = CommandRun.of("discover", "--algorithm", "var-lingam", "--max-lag", "1",
        "--time", "t", "--domain", "series", data).assertOk();
    assertThat(lingam.out()).contains("var-lingam on ").contains("2 series, 4,000 time points in"
        + " all").contains("weight ");
    CommandRun granger = CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "3",
        "--lag-selection", "aic", "--time", "t", "--domain", "series", "--format", "json", data)
        .assertOk();
    JsonNode j = new ObjectMapper().readTree(granger.out());
    assertThat(j.get("stats").get("parameters").get("lag_selection").asText()).isEqualTo("aic");
    CommandRun lasso = CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "2",
        "--estimator", "lasso", "--time", "t", "--domain", "series", data).assertOk();
    // The true X1(t−1) → X2(t) (−0.22), which the knowledge below forbids.
    assertThat(lasso.out()).contains("granger on ").contains("X1(t-1) --> X2(t)");
    CommandRun dot = CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "1",
        "--time", "t", "--domain", "series", "--format", "dot", data).assertOk();
    assertThat(dot.out()).startsWith("digraph");
    // A nonlinear test on the lagged design, and knowledge that forbids every X1 → X2 link.
    CommandRun rcit = CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "1",
        "--test", "rcit", "--time", "t", "--domain", "series", data).assertOk();
    assertThat(rcit.out()).contains(", rcit, max lag 1").contains("X1(t-1) --> X1(t)");
    Path k = dir.resolve("knowledge.txt");
    Files.writeString(k, "forbiddirect\nX1 X2\n");
    for (String algorithm : List.of("pcmci-plus", "var-lingam", "granger")) {
      String out = CommandRun.of("discover", "--algorithm", algorithm, "--max-lag", "1",
          "--knowledge", k.toString(), "--time", "t", "--domain", "series", data).assertOk()
          .out();
      assertThat(out).doesNotContain("X1(t-1) --> X2(t)").doesNotContain("X1(t)   --> X2(t)")
          .doesNotContain("X2(t)   <-- X1(t)");
    }
  }

  @Test
  void svarFciDrawsATimeSeriesPagWithHiddenSeries(@TempDir Path dir) throws Exception {
    Path sim = simulate(dir, "--model", "svar", "--nodes", "5", "--latent", "1", "--max-lag", "1",
        "--samples", "2000", "--seed", "4");
    String data = sim.resolve("data.csv").toString();
    CommandRun r = CommandRun.of("discover", "--algorithm", "svar-fci", "--max-lag", "1",
        "--time", "t", "--threads", "2", "--format", "json", data).assertOk();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("stats").get("algorithm").asText()).isEqualTo("svar-fci");
    assertThat(j.get("stats").get("parameters").get("possible_dsep").asText()).isEqualTo("false");
    AnnotatedLaggedGraph found = LaggedGraphJson.read(r.out(), "stdout");
    assertThat(found.graph().kind()).isEqualTo(GraphKind.PAG);
    assertThat(found.graph().linkCount()).isPositive();
    // Lagged links always carry an arrowhead at the later end.
    for (LaggedGraph.Link l : found.graph().links()) {
      if (l.lag() > 0) {
        assertThat(l.atTo()).isEqualTo(Endpoint.ARROW);
      }
    }
    CommandRun text = CommandRun.of("discover", "--algorithm", "svar-fci", "--max-lag", "1",
        "--time", "t", data).assertOk();
    assertThat(text.out()).contains("svar-fci on ").contains("max lag 1");
    CommandRun.of("discover", "--algorithm", "svar-fci", "--time", "t", data)
        .assertUserError("svar-fci needs --max-lag L");
  }

  @Test
  void ccmPrunesTheIndirectLinkOfAChainOfMaps(@TempDir Path dir) throws Exception {
    // Coupled logistic maps x -> y -> z (coupling 0.3), as in CcmPruningTest.
    StringBuilder csv = new StringBuilder("x,y,z\n");
    double x = 0.4;
    double y = 0.2;
    double z = 0.3;
    for (int t = 0; t < 1000; t++) {
      csv.append(x).append(',').append(y).append(',').append(z).append('\n');
      double nx = x * (3.8 - 3.8 * x);
      double ny = y * (3.5 - 3.5 * y - 0.3 * x);
      double nz = z * (3.7 - 3.7 * z - 0.3 * y);
      x = nx;
      y = ny;
      z = nz;
    }
    Path data = dir.resolve("chain.csv");
    Files.writeString(data, csv);
    String plain = CommandRun.of("discover", "--algorithm", "ccm", "--max-lag", "3",
        data.toString()).assertOk().out();
    assertThat(plain).contains("x(t-3) --> z(t)");
    String pruned = CommandRun.of("discover", "--algorithm", "ccm", "--max-lag", "3",
        "--prune-indirect", data.toString()).assertOk().out();
    assertThat(pruned).contains("x(t-1) --> y(t)").contains("y(t-1) --> z(t)")
        .contains("DAG with 2 links").doesNotContain("x --> z");
    CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "3", "--prune-indirect",
        data.toString()).assertUserError("--prune-indirect is for ccm");
  }

  @Test
  void lorenzAndLogisticWriteTheirTrueGraphs(@TempDir Path dir) throws Exception {
    Path lorenz = dir.resolve("lorenz");
    CommandRun.of("simulate", "--model", "lorenz96", "--nodes", "6", "--samples", "300",
        "--out", lorenz.toString()).assertOk();
    LaggedGraph g = LaggedGraphJson.read(lorenz.resolve("truth.json")).graph();
    // x_{i−2}, x_{i−1}, x_i and x_{i+1} at lag 1 cause x_i: four links into each of 6 series.
    assertThat(g.linkCount()).isEqualTo(24);
    Path logistic = dir.resolve("logistic");
    CommandRun r = CommandRun.of("simulate", "--model", "logistic", "--nodes", "4", "--samples",
        "300", "--seed", "2", "--out", logistic.toString()).assertOk();
    assertThat(r.err()).contains("1 series × 300 time points, 4 variables");
    assertThat(Files.readAllLines(logistic.resolve("data.csv"))).hasSize(301);
    // Cross mapping on the deterministic maps, every link scored against the true couplings.
    CommandRun ccm = CommandRun.of("discover", "--algorithm", "ccm", "--max-lag", "1",
        "--embedding-dimension", "2", "--time", "t", "--format", "json",
        logistic.resolve("data.csv").toString()).assertOk();
    LaggedGraph truth = LaggedGraphJson.read(logistic.resolve("truth.json")).graph();
    LaggedGraph found = LaggedGraphJson.read(ccm.out(), "stdout").graph();
    assertThat(found.linkCount()).isPositive();
    for (LaggedGraph.Link l : found.links()) {
      assertThat(truth.hasLink(l.from(), l.to(), 1)).as(l.toString()).isTrue();
    }
  }

  static String write(Path dir, String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, List.of(lines));
    return f.toString();
  }

  /** {@code n} rows of two seeded Gaussian series with time stamps 0, 1, …. */
  static String[] rows(int n) {
    Random rng = new Random(1);
    String[] out = new String[n + 1];
    out[0] = "t,A,B";
    for (int t = 0; t < n; t++) {
      out[t + 1] = t + "," + rng.nextGaussian() + "," + rng.nextGaussian();
    }
    return out;
  }

  @Test
  void badTimeSeriesInputGetsOneLineMessages(@TempDir Path dir) throws Exception {
    String[] ok = rows(40);
    String good = write(dir, "good.csv", ok);
    // Unsorted and repeated time stamps.
    String[] unsorted = ok.clone();
    unsorted[5] = ok[6];
    unsorted[6] = ok[5];
    CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2", "--time", "t",
        write(dir, "unsorted.csv", unsorted)).assertUserError("not in time order", "data row 6",
        "sort the rows by time");
    String[] repeated = ok.clone();
    repeated[6] = "4" + ok[6].substring(1);
    CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "2", "--time", "t",
        write(dir, "repeated.csv", repeated)).assertUserError("repeats the stamp 4",
        "data rows 5 and 6");
    // A lag beyond a third of the series.
    CommandRun.of("discover", "--algorithm", "pcmci-plus", "--max-lag", "14", "--time", "t", good)
        .assertUserError("--max-lag 14 is more than a third of the series", "40 time points",
            "--max-lag 13 or less");
    // A constant series.
    String[] constant = ok.clone();
    for (int t = 1; t < constant.length; t++) {
      constant[t] = constant[t].substring(0, constant[t].lastIndexOf(',')) + ",1.5";
    }
    CommandRun.of("discover", "--algorithm", "var-lingam", "--max-lag", "1", "--time", "t",
        write(dir, "constant.csv", constant)).assertUserError("'B'", "constant");
    // A gap: refused by default, masked with --missing listwise (and the output says so).
    String[] gap = new String[ok.length - 3];
    gap[0] = ok[0];
    for (int i = 1, k = 1; i < ok.length; i++) {
      if (i < 11 || i > 13) {
        gap[k++] = ok[i];
      }
    }
    String gapped = write(dir, "gap.csv", gap);
    CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2", "--time", "t", gapped)
        .assertUserError("jumps from 9 to 13", "--missing listwise");
    CommandRun masked = CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2",
        "--time", "t", "--missing", "listwise", gapped).assertOk();
    assertThat(masked.out()).contains("3 masked").contains("note: ").contains("masked");
    // Options that do not fit.
    CommandRun.of("discover", "--algorithm", "pcmci", "--time", "t", good)
        .assertUserError("pcmci needs --max-lag L");
    CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "2", "--test", "rcit",
        "--time", "t", good).assertUserError("granger learns from the series directly and takes no --test");
    CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2", "--bootstrap", "10",
        "--time", "t", good).assertUserError("--bootstrap", "time order");
    CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2", "--format", "tetrad",
        "--time", "t", good).assertUserError("no lags");
    CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2", "--depth", "2",
        "--time", "t", good).assertUserError("--depth does not apply to pcmci");
    CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "2", "--starts", "3",
        "--time", "t", good).assertUserError("--starts does not apply to granger");
    CommandRun.of("discover", "--algorithm", "pcmci", "--max-lag", "2", "--score", "bic",
        "--time", "t", good).assertUserError("pcmci takes no score");
    CommandRun.of("discover", "--algorithm", "pc-stable", "--max-lag", "2", good)
        .assertUserError("--max-lag is for the time-series algorithms");
    CommandRun.of("discover", "--algorithm", "granger", "--max-lag", "2", "--estimator", "ridge",
        "--time", "t", good).assertUserError("'ridge' is not a Granger estimator");
    CommandRun.of("simulate", "--model", "linear-gaussian", "--series", "2", "--out",
        dir.resolve("x").toString()).assertUserError("--series is for the time-series models");
    CommandRun.of("simulate", "--model", "lorenz96", "--domains", "2", "--out",
        dir.resolve("y").toString()).assertUserError("lorenz96 is a time-series model");
  }
}
