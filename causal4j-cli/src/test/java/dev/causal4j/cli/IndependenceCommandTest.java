package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code causal4j independence} end to end: arguments in, exit status and stdout/stderr out. The
 * p-values are those that {@code make_reference.py} (in causal4j-core's test resources) computed
 * with numpy/scipy on the same files.
 */
class IndependenceCommandTest {


  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  static String resource(String name) {
    return CommandRun.resource(name);
  }

  static JsonNode json(CommandRun r) throws IOException {
    assertThat(r.status()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  /** A user error: status 1, one line on stderr naming the problem, no stack trace, no stdout. */
  static void assertUserError(CommandRun r, String... fragments) {
    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("causal4j independence: ").endsWith("\n");
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  @Test
  void continuousDataGetFisherZByDefault() {
    CommandRun r = run("independence", "--x", "A", "--y", "D", "--given", "B",
        resource("independence_continuous.csv"));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("A ⫫ D | B   (fisher-z, ")
        .contains("statistic  -0.0298286\n")
        .contains("p-value    0.976204\n")
        .contains("rows used  200\n")
        .contains("at alpha 0.05: no evidence against independence\n")
        .doesNotContain("dof");
  }

  @Test
  void jsonCarriesTheFullPrecision() throws IOException {
    JsonNode j = json(run("independence", "--x", "A", "--y", "E", "--given", "B,C,D",
        "--format", "json", resource("independence_continuous.csv")));
    assertThat(j.get("test").asText()).isEqualTo("fisher-z");
    assertThat(j.get("pValue").asDouble()).isCloseTo(0.9784662995918678, within(1e-9));
    assertThat(j.get("given").toString()).isEqualTo("[\"B\",\"C\",\"D\"]");
    assertThat(j.get("independent").asBoolean()).isTrue();
    assertThat(j.get("degreesOfFreedom").isNull()).isTrue();
    JsonNode dep = json(run("independence", "--x", "A", "--y", "B", "--format", "json",
        "--alpha", "0.01", resource("independence_continuous.csv")));
    assertThat(dep.get("pValue").asDouble()).isCloseTo(5.95562040004629e-33, within(1e-40));
    assertThat(dep.get("independent").asBoolean()).isFalse();
    assertThat(dep.get("alpha").asDouble()).isEqualTo(0.01);
  }

  @Test
  void categoricalDataGetGSquareByDefaultAndChiSquareOnRequest() throws IOException {
    JsonNode g = json(run("independence", "--x", "G", "--y", "K", "--given", "H",
        "--format", "json", resource("independence_discrete.csv")));
    assertThat(g.get("test").asText()).isEqualTo("g-square");
    assertThat(g.get("statistic").asDouble()).isCloseTo(4.415510357273407, within(1e-9));
    assertThat(g.get("degreesOfFreedom").asDouble()).isEqualTo(8);
    assertThat(g.get("pValue").asDouble()).isCloseTo(0.8178253108782922, within(1e-9));
    JsonNode c = json(run("independence", "--x", "H", "--y", "K", "--given", "G",
        "--test", "chi-square", "--format", "json", resource("independence_discrete.csv")));
    assertThat(c.get("pValue").asDouble()).isCloseTo(1.0501930161866776e-06, within(1e-12));
    CommandRun text = run("independence", "--x", "G", "--y", "H",
        resource("independence_discrete.csv"));
    assertThat(text.out()).contains("(g-square, ").contains("dof        2\n");
  }

  @Test
  void mixedDataGetTheConditionalGaussianTest() throws IOException {
    JsonNode j = json(run("independence", "--x", "U", "--y", "S2", "--given", "V",
        "--format", "json", resource("independence_mixed.csv")));
    assertThat(j.get("test").asText()).isEqualTo("cg");
    assertThat(j.get("pValue").asDouble()).isCloseTo(0.237080132305637, within(1e-8));
    assertThat(j.get("degreesOfFreedom").asDouble()).isEqualTo(3);
  }

  @Test
  void kernelTestsRunAndRandomFeatureTestsRepeatWithTheSeed() throws IOException {
    JsonNode k = json(run("independence", "--x", "A", "--y", "B", "--test", "kci",
        "--format", "json", resource("independence_continuous.csv")));
    assertThat(k.get("pValue").asDouble()).isLessThan(1e-6);
    String[] args = {"independence", "--x", "A", "--y", "D", "--given", "B", "--test", "rcot",
        "--seed", "3", "--format", "json", resource("independence_continuous.csv")};
    JsonNode first = json(run(args));
    JsonNode again = json(run(args));
    assertThat(again.get("pValue").asDouble()).isEqualTo(first.get("pValue").asDouble());
    assertThat(first.get("seed").asLong()).isEqualTo(3);
    JsonNode rcit = json(run("independence", "--x", "A", "--y", "B", "--test", "rcit",
        "--features", "4", "--given-features", "20", "--given", "C", "--format", "json",
        resource("independence_continuous.csv")));
    assertThat(rcit.get("pValue").asDouble()).isLessThan(0.01);
  }

  @Test
  void writesToAFileWithOut(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("r.json");
    CommandRun r = run("independence", "--x", "A", "--y", "B", "--format", "json", "--out",
        out.toString(), resource("independence_continuous.csv"));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"pValue\"");
  }

  @Test
  void helpShowsAnExample() {
    CommandRun r = run("independence", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Examples:").contains("causal4j independence --x")
        .contains("fisher-z").contains("--given");
  }

  @Test
  void badQuestionsAreUserErrors() {
    String data = resource("independence_continuous.csv");
    assertUserError(run("independence", "--x", "A", "--y", "A", data), "both 'A'");
    assertUserError(run("independence", "--x", "A", "--y", "B", "--given", "C,A", data),
        "'A' is both tested and in --given");
    assertUserError(run("independence", "--x", "A", "--y", "B", "--given", "C,C", data),
        "'C' appears twice");
    assertUserError(run("independence", "--x", "A", "--y", "Nope", data), "'Nope'",
        "the variables are A, B, C, D, E");
    assertUserError(run("independence", "--x", "A", "--y", "B", "--alpha", "1.5", data),
        "--alpha");
    // Option errors go through picocli's handler: status 1, the message and a pointer to --help.
    CommandRun badTest = run("independence", "--x", "A", "--y", "B", "--test", "pearson", data);
    assertThat(badTest.status()).isEqualTo(1);
    assertThat(badTest.out()).isEmpty();
    assertThat(badTest.err()).contains("'pearson' is not a test; use fisher-z")
        .contains("--help").doesNotContain("\tat ");
    CommandRun missingY = run("independence", "--x", "A", data);
    assertThat(missingY.status()).isEqualTo(1);
    assertThat(missingY.err()).contains("--y");
  }

  @Test
  void theWrongTestForTheDataSaysWhichToUse() {
    assertUserError(run("independence", "--x", "G", "--y", "H", "--test", "fisher-z",
        resource("independence_discrete.csv")),
        "fisher-z needs continuous variables", "'G'", "independence_discrete.csv",
        "--test g-square");
    assertUserError(run("independence", "--x", "A", "--y", "B", "--test", "g-square",
        resource("independence_continuous.csv")),
        "g-square needs categorical variables", "'A'", "--test fisher-z");
  }

  @Test
  void constantColumnSingularCovarianceAndTooFewRowsAreNamed() {
    String data = resource("independence_collinear.csv");
    assertUserError(run("independence", "--x", "A", "--y", "K", data),
        "'K'", "independence_collinear.csv", "constant", "drop the column");
    assertUserError(run("independence", "--x", "C", "--y", "D", "--given", "A,B", data),
        "singular covariance", "independence_collinear.csv",
        "'C' is a linear combination of 'A', 'B'", "drop one of them");
    assertUserError(run("independence", "--x", "A", "--y", "D", "--given", "B,C", "--sql",
        "SELECT * FROM read_csv('" + data + "') LIMIT 5"),
        "Fisher Z given 2 variable(s) needs at least 6 rows", "but has 5");
  }

  @Test
  void missingValuesAreRefusedUnlessAPolicyIsChosen(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("gaps.csv");
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int r = 0; r < 30; r++) {
      sb.append(r * 0.5 + Math.sin(r)).append(',')
          .append(r == 7 ? "NA" : Double.toString(r * 0.25 + Math.cos(r))).append('\n');
    }
    Files.writeString(f, sb.toString());
    assertUserError(run("independence", "--x", "a", "--y", "b", f.toString()),
        "'b'", "data row 8", "--missing");
    CommandRun tw = run("independence", "--x", "a", "--y", "b", "--missing", "testwise",
        f.toString());
    assertThat(tw.status()).as(tw.err()).isZero();
    assertThat(tw.out()).contains("rows used  29\n");
    Path inf = dir.resolve("inf.csv");
    Files.writeString(inf, "a,b\n1.5,2.5\n2.5,Inf\n3.5,1.5\n");
    assertUserError(run("independence", "--x", "a", "--y", "b", inf.toString()),
        "'b'", "'Inf'", "data row 2");
  }
}
