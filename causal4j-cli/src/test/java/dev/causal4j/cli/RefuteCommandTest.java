package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code causal4j effect --refute}: text lines, JSON records and bad input. */
class RefuteCommandTest {
  private static final String LALONDE = CommandRun.resource("lalonde_observational.csv");
  private static final String COVARIATES = "age,educ,race,married,nodegree,re74,re75";

  private static CommandRun effect(String... extra) {
    List<String> args = new ArrayList<>(List.of("effect", LALONDE, "--treatment", "treat",
        "--outcome", "re78", "--estimand", "att", "--covariates", COVARIATES, "--threads", "1"));
    args.addAll(List.of(extra));
    return CommandRun.of(args.toArray(new String[0]));
  }

  @Test
  void textPrintsOneLinePerRefutationWithItsVerdict() {
    CommandRun r = effect("--refute", "all", "--refute-runs", "5").assertOk();
    String out = r.out();
    assertThat(out).contains("\nRefutations:\n");
    String block = out.substring(out.indexOf("\nRefutations:\n") + 14);
    List<String> lines = block.lines().toList();
    assertThat(lines).hasSize(7);
    String[] names = {"placebo:", "random-common-cause:", "subset:", "dummy-outcome:",
        "bootstrap:", "e-value:", "robustness-value:"};
    for (int i = 0; i < names.length; i++) {
      assertThat(lines.get(i)).startsWith("  " + names[i]);
    }
    for (int i = 0; i < 6; i++) {
      assertThat(lines.get(i)).containsPattern(": (passes|fails)$");
    }
    // aipw, the method auto chose, has no robustness value; "all" says so instead of failing.
    assertThat(lines.get(6)).contains("not run: it needs --method regression");
    assertThat(lines.get(0)).contains("placebo-treatment effect over 5 run(s)");
  }

  @Test
  void jsonFillsRefutationsWithTypedRecords() throws Exception {
    CommandRun r = effect("--method", "regression", "--refute", "all", "--refute-runs", "5",
        "--format", "json").assertOk();
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode refs = j.get("refutations");
    assertThat(refs).hasSize(7);
    List<String> names = new ArrayList<>();
    refs.forEach(n -> names.add(n.get("name").asText()));
    assertThat(names).containsExactly("placebo", "random-common-cause", "subset",
        "dummy-outcome", "bootstrap", "e-value", "robustness-value");
    for (JsonNode n : refs) {
      assertThat(n.get("original_estimate").asDouble()).isEqualTo(j.get("estimate").asDouble());
      assertThat(n.get("verdict").asText()).isIn("passes", "fails");
      assertThat(n.get("passed").isBoolean()).isTrue();
      assertThat(n.get("rule").asText()).startsWith("passes when");
      assertThat(n.has("threshold")).isTrue();
      assertThat(n.get("summary").asText()).endsWith(n.get("verdict").asText()
          + (n.has("note") ? " (" + n.get("note").asText() + ")" : ""));
    }
    JsonNode placebo = refs.get(0);
    assertThat(placebo.get("values")).hasSize(5);
    assertThat(placebo.get("runs").asInt()).isEqualTo(5);
    assertThat(placebo.get("p_value").asDouble()).isBetween(0.0, 1.0);
    assertThat(placebo.get("interval")).hasSize(2);
    assertThat(placebo.get("threshold").asDouble()).isEqualTo(0.05);
    JsonNode ev = refs.get(5);
    assertThat(ev.get("e_value").asDouble()).isGreaterThanOrEqualTo(1);
    assertThat(ev.get("risk_ratio_ci")).hasSize(2);
    JsonNode rv = refs.get(6);
    assertThat(rv.get("dof").asInt()).isEqualTo(614 - 10);
    assertThat(rv.get("rv_q").asDouble()).isBetween(0.0, 1.0);
    // 8 encoded covariates (race has three levels) at 1x, 2x and 3x, less impossible multiples.
    assertThat(rv.get("benchmarks").size()).isBetween(8, 24);
    assertThat(rv.get("benchmarks").get(0).get("covariate").asText()).isEqualTo("age");
    assertThat(rv.get("note").asText()).contains("interactions");
  }

  @Test
  void withoutRefuteTheArrayIsEmptyAndTheTextHasNoSection() throws Exception {
    CommandRun r = effect("--method", "regression", "--format", "json").assertOk();
    assertThat(new ObjectMapper().readTree(r.out()).get("refutations")).isEmpty();
    assertThat(effect("--method", "regression").assertOk().out()).doesNotContain("Refutations");
  }

  @Test
  void sameSeedSameRefutationsOnAnyNumberOfThreads() {
    CommandRun one = effect("--refute", "placebo,subset,bootstrap", "--refute-runs", "4",
        "--seed", "3", "--format", "json").assertOk();
    List<String> args = new ArrayList<>(List.of("effect", LALONDE, "--treatment", "treat",
        "--outcome", "re78", "--estimand", "att", "--covariates", COVARIATES, "--threads", "2",
        "--refute", "placebo,subset,bootstrap", "--refute-runs", "4", "--seed", "3", "--format",
        "json"));
    CommandRun two = CommandRun.of(args.toArray(new String[0])).assertOk();
    assertThat(two.out()).isEqualTo(one.out());
  }

  @Test
  void refutationNeedsOneIdentifiedEffect(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("chain.csv");
    StringBuilder sb = new StringBuilder("z,x,y\n");
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 200; i++) {
      double z = r.nextGaussian();
      double x = z + r.nextGaussian();
      sb.append(z).append(',').append(x).append(',').append(x + r.nextGaussian()).append('\n');
    }
    Files.writeString(data, sb.toString());
    Path g = dir.resolve("cpdag.txt");
    Files.writeString(g, "# kind: CPDAG\nz --- x\nx --- y\n");
    CommandRun.of("effect", data.toString(), "--graph", g.toString(), "--treatment", "x",
        "--outcome", "y", "--refute", "placebo").assertUserError("--refute needs one identified"
            + " effect", "(IDA)");
  }

  @Test
  void badInputGetsOneLine() {
    effect("--refute", "placebo,sham").assertUserError("--refute: 'sham' is not a refuter; use"
        + " all or a comma-separated list of placebo, random-common-cause, subset,"
        + " dummy-outcome, bootstrap, e-value, robustness-value");
    effect("--refute", "robustness-value", "--method", "matching").assertUserError(
        "--refute robustness-value needs --method regression", "this estimate is matching");
    effect("--refute", "robustness-value").assertUserError("needs --method regression",
        "this estimate is aipw");
    effect("--refute", "placebo", "--refute-runs", "0")
        .assertUserError("--refute-runs must be at least 1, not 0");
    effect("--refute", "bootstrap", "--refute-runs", "1")
        .assertUserError("bootstrap needs --refute-runs of at least 2");
  }
}
