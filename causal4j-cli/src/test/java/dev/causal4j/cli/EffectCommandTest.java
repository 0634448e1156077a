package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectCommandTest {
  private static final String LALONDE = CommandRun.resource("lalonde_observational.csv");
  private static final String COVARIATES = "age,educ,race,married,nodegree,re74,re75";

  private static JsonNode json(CommandRun r) throws Exception {
    r.assertOk();
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * Writes {@code n} rows of a model with confounder {@code z}, treatment {@code x} (binary),
   * outcome {@code y = 2x + z + noise}, mediator {@code m} on the way from x to y (y also
   * depends on it), an instrument {@code w} and a continuous treatment {@code d}.
   */
  private static Path data(Path dir) throws Exception {
    Random r = new Random(11);
    StringBuilder sb = new StringBuilder("z,x,m,y,w,d,dose\n");
    for (int i = 0; i < 600; i++) {
      double z = r.nextGaussian();
      double w = r.nextGaussian();
      double x = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
      double m = 1.5 * x + r.nextGaussian();
      double y = 2 * m + z + r.nextGaussian();
      double d = w + z + r.nextGaussian();
      String dose = new String[] {"low", "mid", "high"}[r.nextInt(3)];
      sb.append(String.format(Locale.ROOT, "%.6f,%d,%.6f,%.6f,%.6f,%.6f,%s%n", z, (int) x, m, y,
          w, d, dose));
    }
    Path f = dir.resolve("model.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  private static Path file(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void textSaysTheEstimateWhatWasAdjustedForAndWhy() {
    CommandRun r = CommandRun.of("effect", LALONDE, "--treatment", "treat", "--outcome", "re78",
        "--estimand", "att", "--covariates", COVARIATES, "--threads", "1").assertOk();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("ATT of treat on re78: ")
        .contains("  Method:       aipw: cross-fitted AIPW, 5 folds")
        .contains("  Why:          binary treatment with covariates")
        .contains("  Adjusted for: age, educ, race, married, nodegree, re74, re75 (the covariates"
            + " given with\n")
        .contains("  Units:        614\n").contains("  Overlap:      propensity ")
        .contains("  Balance:      largest standardized difference")
        .contains("\nAssumptions:\n");
  }

  @Test
  void jsonHasTheIssuesFields() throws Exception {
    JsonNode j = json(CommandRun.of("effect", LALONDE, "--treatment", "treat", "--outcome",
        "re78", "--estimand", "att", "--covariates", COVARIATES, "--method", "matching",
        "--format", "json"));
    assertThat(j.get("estimand").asText()).isEqualTo("att");
    assertThat(j.get("method").asText()).isEqualTo("matching");
    assertThat(j.get("estimate").asDouble()).isCloseTo(1794.34, within(500.0));
    assertThat(j.get("stderr").asDouble()).isPositive();
    assertThat(j.get("ci")).hasSize(2);
    assertThat(j.get("ci").get(0).asDouble()).isLessThan(j.get("estimate").asDouble());
    assertThat(j.get("ci_method").asText()).isEqualTo("analytic");
    assertThat(j.get("n").asInt()).isEqualTo(614);
    assertThat(strings(j.get("adjustment_set"))).containsExactly("age", "educ", "race",
        "married", "nodegree", "re74", "re75");
    JsonNode d = j.get("diagnostics");
    assertThat(d.get("balance")).hasSize(8);
    assertThat(d.get("propensity").get("treated_range")).hasSize(2);
    assertThat(d.get("effective_sample_size").get("treated").asDouble()).isPositive();
    assertThat(j.get("refutations")).isEmpty();
    assertThat(j.get("why").asText()).isEqualTo("requested with --method matching.");
  }

  @Test
  void withoutCovariatesRegressionIsTheDifferenceInMeans() throws Exception {
    JsonNode j = json(CommandRun.of("effect", LALONDE, "--treatment", "treat", "--outcome",
        "re78", "--format", "json"));
    assertThat(j.get("method").asText()).isEqualTo("regression");
    assertThat(j.get("estimate").asDouble()).isCloseTo(-635.03, within(0.01));
    assertThat(j.get("adjustment_set")).isEmpty();
  }

  @Test
  void aGraphIsIdentifiedFirstAndSaysWhatItAdjustsFor(@TempDir Path dir) throws Exception {
    Path data = data(dir);
    Path g = file(dir, "g.txt", "# kind: DAG\nz --> x\nz --> y\nx --> m\nm --> y\n");
    JsonNode j = json(CommandRun.of("effect", data.toString(), "--graph", g.toString(),
        "--treatment", "x", "--outcome", "y", "--drop", "w,d,dose", "--format", "json"));
    assertThat(strings(j.get("adjustment_set"))).containsExactly("z");
    assertThat(j.get("identification").get("strategy").asText()).isEqualTo("backdoor");
    assertThat(j.get("identification").get("adjustment_reason").asText())
        .contains("optimal adjustment set");
    // Effect of x on y through m: 1.5 · 2 = 3.
    assertThat(j.get("estimate").asDouble()).isCloseTo(3.0, within(0.4));
    CommandRun text = CommandRun.of("effect", data.toString(), "--graph", g.toString(),
        "--treatment", "x", "--outcome", "y", "--drop", "w,d,dose");
    assertThat(text.assertOk().out()).contains("  Adjusted for: z (the graph's optimal adjustment"
        + " set");
  }

  @Test
  void frontDoorWhenTheConfounderIsHidden(@TempDir Path dir) throws Exception {
    Path data = data(dir);
    Path g = file(dir, "fd.txt", "# kind: DAG\nx --> m\nm --> y\n(U) --> x\n(U) --> y\n");
    JsonNode j = json(CommandRun.of("effect", data.toString(), "--graph", g.toString(),
        "--treatment", "x", "--outcome", "y", "--columns", "x,m,y", "--bootstrap", "50",
        "--format", "json"));
    assertThat(j.get("method").asText()).isEqualTo("front-door");
    assertThat(strings(j.get("mediators"))).containsExactly("m");
    assertThat(j.get("ci_method").asText()).isEqualTo("bootstrap");
    assertThat(j.get("why").asText()).contains("front-door criterion");
    // z is a confounder the front door does not need (it is not a parent of m): still 3.
    assertThat(j.get("estimate").asDouble()).isCloseTo(3.0, within(0.4));
  }

  @Test
  void instrumentsWithoutAGraph(@TempDir Path dir) throws Exception {
    Path data = data(dir);
    JsonNode j = json(CommandRun.of("effect", data.toString(), "--treatment", "d", "--outcome",
        "y", "--instrument", "w", "--format", "json"));
    assertThat(j.get("method").asText()).isEqualTo("iv");
    assertThat(strings(j.get("instruments"))).containsExactly("w");
    // y does not depend on d: the IV estimate is near 0 although d and y share z.
    assertThat(j.get("estimate").asDouble()).isCloseTo(0.0, within(0.4));
    assertThat(j.get("diagnostics").get("first_stage_f").asDouble()).isGreaterThan(10);
  }

  @Test
  void aCpdagThatDoesNotIdentifyTheEffectGivesEveryPossibleEffect(@TempDir Path dir)
      throws Exception {
    Path data = data(dir);
    Path g = file(dir, "cpdag.txt", "# kind: CPDAG\nz --- x\nx --- y\n");
    JsonNode j = json(CommandRun.of("effect", data.toString(), "--graph", g.toString(),
        "--treatment", "x", "--outcome", "y", "--columns", "z,x,y", "--format", "json"));
    assertThat(j.get("identified").asBoolean()).isFalse();
    assertThat(j.get("strategy").asText()).isEqualTo("ida");
    JsonNode effects = j.get("possible_effects");
    assertThat(effects).hasSize(3);
    assertThat(j.get("range")).hasSize(2);
    boolean zero = false;
    for (JsonNode e : effects) {
      zero |= e.get("zero_effect").asBoolean();
    }
    assertThat(zero).isTrue();
    CommandRun text = CommandRun.of("effect", data.toString(), "--graph", g.toString(),
        "--treatment", "x", "--outcome", "y", "--columns", "z,x,y");
    assertThat(text.assertOk().out()).contains("is not identified by the graph")
        .contains("Possible effects (IDA)").contains("adjusting for {z}: ");
  }

  @Test
  void writesToAFileOnlyWithForce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("effect.json");
    String[] args = {"effect", LALONDE, "--treatment", "treat", "--outcome", "re78",
        "--format", "json", "--out", out.toString()};
    CommandRun.of(args).assertOk();
    assertThat(new ObjectMapper().readTree(out.toFile()).get("method").asText())
        .isEqualTo("regression");
    CommandRun.of(args).assertUserError("already exists", "--force");
  }

  @Test
  void badInputGetsOneLineNamingTheProblem(@TempDir Path dir) throws Exception {
    Path data = data(dir);
    String f = data.toString();
    CommandRun.of("effect", f, "--treatment", "xx", "--outcome", "y")
        .assertUserError("--treatment", "no variable named 'xx'");
    CommandRun.of("effect", f, "--treatment", "x", "--outcome", "yy")
        .assertUserError("--outcome", "no variable named 'yy'");
    CommandRun.of("effect", f, "--treatment", "d", "--outcome", "y", "--covariates", "z",
        "--method", "aipw").assertUserError("'d'", "needs a binary treatment");
    CommandRun.of("effect", f, "--treatment", "dose", "--outcome", "y")
        .assertUserError("'dose' has 3 levels", "high, low, mid");
    CommandRun.of("effect", f, "--treatment", "x", "--outcome", "y", "--method", "magic")
        .assertUserError("'magic' is not an estimation method");
    CommandRun.of("effect", f, "--treatment", "x", "--outcome", "y", "--covariates", "z",
        "--method", "iv").assertUserError("--method iv needs an instrument");
    CommandRun.of("effect", f, "--treatment", "x", "--outcome", "y", "--estimand", "att",
        "--covariates", "z", "--instrument", "w").assertUserError("iv", "--estimand ate");
    CommandRun.of("effect", f, "--treatment", "d", "--outcome", "y", "--estimand", "att")
        .assertUserError("needs a binary treatment", "'d' is continuous");

    Path sep = file(dir, "separated.csv", "z,t,y\n-2,0,1\n-1.5,0,2\n-1,0,1.5\n-0.5,0,1\n"
        + "0.5,1,3\n1,1,4\n1.5,1,3.5\n2,1,5\n");
    CommandRun.of("effect", sep.toString(), "--treatment", "t", "--outcome", "y",
        "--covariates", "z", "--method", "ipw").assertUserError("no overlap", "'t'");

    Path names = file(dir, "names.txt", "# kind: DAG\nZ --> x\nZ --> y\nx --> y\n");
    CommandRun.of("effect", f, "--graph", names.toString(), "--treatment", "x", "--outcome",
        "y").assertUserError("names.txt", "node Z is not a column");
    Path cyclic = file(dir, "cyclic.txt", "# kind: DAG\nz --> x\nx --> y\ny --> z\n");
    CommandRun.of("effect", f, "--graph", cyclic.toString(), "--treatment", "x", "--outcome",
        "y").assertUserError("cyclic.txt", "directed cycle");
    Path bow = file(dir, "bow.txt", "# kind: DAG\nx --> y\n(U) --> x\n(U) --> y\n");
    CommandRun.of("effect", f, "--graph", bow.toString(), "--treatment", "x", "--outcome",
        "y").assertUserError("cannot estimate", "not identifiable", "hedge");
    CommandRun.of("effect", f, "--treatment", "x", "--outcome", "y", "--learner", "svm")
        .assertUserError("'svm' is not a learner");
    CommandRun.of("effect", f, "--treatment", "x", "--outcome", "y", "--folds", "0",
        "--covariates", "z").assertUserError("--folds must be at least 1");
  }
}
