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

/** {@code causal4j describe} end to end: arguments in, exit status and stdout/stderr out. */
class DescribeCommandTest {


  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  static String resource(String name) {
    return CommandRun.resource(name);
  }

  /** A user error: status 1, one line on stderr naming the problem, no stack trace, no stdout. */
  static void assertUserError(CommandRun r, String... fragments) {
    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("causal4j describe: ").endsWith("\n");
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  @Test
  void describesAContinuousFile() {
    CommandRun r = run("describe", resource("sachs_head.csv"));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("sachs_head.csv  (comma-separated text, sniffed)")
        .contains("60 rows × 11 variables: 11 continuous")
        .contains("missing values: none")
        .contains("types: A column's type is decided by");
    // numpy on the same 60 rows: praf mean 57.4567, sd (ddof=1) 29.7927, min 16.4, max 181.
    assertThat(r.out()).containsPattern(
        "\\n 1 +praf +continuous +0 +mean 57\\.46 +sd 29\\.79 +min +16\\.4 +max +181\\n");
  }

  @Test
  void describesMixedDataWithRolesMissingValuesAndFlags() {
    CommandRun r = run("describe", resource("survey.csv"), "--domain", "site", "--time", "t",
        "--ordinal", "size=small,medium,large");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("12 rows × 5 variables: 2 continuous, 2 discrete, 1 ordinal")
        .contains("missing values: 2 cells in 2 variables; 10 of 12 rows complete")
        .contains("domain: site, 3 environments: A 4 · B 4 · C 4")
        .contains("time: t, 1 to 12, rows in time order")
        .contains("3 levels: small 4 < medium 4 < large 4")
        .contains("2 levels: no 7 · yes 4")
        .containsPattern("flag +discrete +0 +constant +1 level: 1 12")
        .containsPattern("income +continuous +1 \\(8\\.3%\\) .*mean 57000 +sd 11250")
        .contains("warnings:")
        .contains("constant: flag")
        .contains("--missing listwise or --missing testwise");
  }

  @Test
  void writesJsonForPrograms() throws IOException {
    CommandRun r = run("describe", resource("survey.csv"), "--domain", "site", "--time", "t",
        "--format", "json", "--ordinal", "size=small,medium,large");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("rows").asInt()).isEqualTo(12);
    assertThat(j.get("columns").asInt()).isEqualTo(5);
    assertThat(j.get("types").get("ordinal").asInt()).isEqualTo(1);
    assertThat(j.get("missingCells").asInt()).isEqualTo(2);
    assertThat(j.get("completeRows").asInt()).isEqualTo(10);
    assertThat(j.get("domain").get("name").asText()).isEqualTo("site");
    assertThat(j.get("domain").get("levels")).hasSize(3);
    assertThat(j.get("time").get("max").asDouble()).isEqualTo(12);
    JsonNode income = j.get("variables").get(3);
    assertThat(income.get("name").asText()).isEqualTo("income");
    assertThat(income.get("type").asText()).isEqualTo("continuous");
    assertThat(income.get("missing").asInt()).isEqualTo(1);
    // numpy: mean and sd (ddof=1) of the 11 present incomes.
    assertThat(income.get("mean").asDouble()).isCloseTo(57000.204545454544, within(1e-9));
    assertThat(income.get("sd").asDouble()).isCloseTo(11251.57767038593, within(1e-9));
    JsonNode size = j.get("variables").get(1);
    assertThat(size.get("type").asText()).isEqualTo("ordinal");
    assertThat(size.get("levels").get(2).get("level").asText()).isEqualTo("large");
    assertThat(size.get("levels").get(2).get("count").asInt()).isEqualTo(4);
    JsonNode flag = j.get("variables").get(4);
    assertThat(flag.get("flags").get(0).asText()).isEqualTo("constant");
    assertThat(j.get("warnings").size()).isGreaterThan(0);
    assertThat(j.get("detectionRule").asText()).contains("--max-levels 10");
  }

  @Test
  void readsAnSqlQuery() {
    String csv = resource("survey.csv").replace("'", "''");
    CommandRun r = run("describe", "--sql",
        "SELECT age, income FROM read_csv('" + csv + "') WHERE site = 'A'");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("SELECT age, income FROM read_csv(").contains("(SQL, run by DuckDB)")
        .contains("4 rows × 2 variables");
  }

  @Test
  void writesToAFileAndNeverOverwritesWithoutForce(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sachs.txt");
    CommandRun first = run("describe", resource("sachs_head.csv"), "--out", out.toString());
    assertThat(first.status()).isZero();
    assertThat(first.out()).isEmpty();
    assertThat(Files.readString(out)).contains("60 rows × 11 variables");
    CommandRun second = run("describe", resource("sachs_head.csv"), "--out", out.toString());
    assertUserError(second, "already exists", "--force");
    CommandRun forced = run("describe", resource("survey.csv"), "--out", out.toString(), "--force");
    assertThat(forced.status()).isZero();
    assertThat(Files.readString(out)).contains("survey.csv");
  }

  @Test
  void helpShowsAnExample() {
    CommandRun r = run("describe", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("Usage: causal4j describe")
        .contains("causal4j describe examples/sachs.csv")
        .contains("--missing-values")
        .contains("--ordinal")
        .contains("Types: A column's type");
    assertThat(run("--help").out()).contains("describe");
  }

  @Test
  void badInputIsOneLineOnStderrWithStatusOne(@TempDir Path dir) throws IOException {
    assertUserError(run("describe", dir.resolve("nothing.csv").toString()),
        "file not found", "nothing.csv");
    assertUserError(run("describe", resource("ragged.csv")),
        "line 3 of", "ragged.csv", "has 2 fields but the header has 3");
    assertUserError(run("describe", resource("survey.csv"), "--discrete", "Size"),
        "--discrete names 'Size'", "did you mean 'size'");
    assertUserError(run("describe", resource("survey.csv"), "--continuous", "size"),
        "column 'size'", "'small'", "line 2");
    assertUserError(run("describe", resource("survey.csv"), "--ordinal", "size"),
        "--ordinal 'size=large,medium,small'");
    assertUserError(run("describe", dir.toString()), "is a directory");
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    assertUserError(run("describe", empty.toString()), "empty.csv is empty");
    Path xlsx = Files.writeString(dir.resolve("book.xlsx"), "PK");
    assertUserError(run("describe", xlsx.toString()), ".xlsx files cannot be read", ".csv");
    assertUserError(run("describe"), "no data given");
    assertUserError(run("describe", resource("survey.csv"), "--sql", "SELECT 1"),
        "both a FILE");
    assertUserError(run("describe", "--sql", "SELEKT 1"), "the SQL query failed");
  }

  @Test
  void badOptionValuesSayWhatIsAllowed() {
    CommandRun r = run("describe", resource("survey.csv"), "--missing", "pairwise");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("use refuse, listwise or testwise").doesNotContain("\tat ");
    r = run("describe", resource("survey.csv"), "--format", "xml");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("use text or json");
    r = run("describe", resource("survey.csv"), "--delimiter", "colon");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("comma, tab, semicolon, pipe or whitespace");
  }
}
