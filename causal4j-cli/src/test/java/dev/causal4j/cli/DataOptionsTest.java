package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Delimiter;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.data.ReadOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared data options, as another command would mix them in. */
class DataOptionsTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin DataOptions data;
  }

  private static DataOptions parse(String... args) {
    Probe p = new Probe();
    new CommandLine(p).parseArgs(args);
    return p.data;
  }

  @Test
  void optionsBecomeReadOptions() {
    DataOptions d = parse("data.csv", "--delimiter", "tab", "--missing-values", "NA,-999",
        "--max-levels", "5", "--discrete", "a,b", "--continuous", "c", "--ordinal", "g",
        "--ordinal", "size=small,medium,large", "--domain", "env", "--time", "t",
        "--columns", "a,b,c,g,size", "--drop", "z");
    ReadOptions o = d.readOptions();
    assertThat(o.delimiter()).contains(Delimiter.TAB);
    assertThat(o.missingTokens()).containsExactly("", "NA", "-999");
    assertThat(o.maxLevels()).isEqualTo(5);
    assertThat(o.discrete()).containsExactly("a", "b");
    assertThat(o.continuous()).containsExactly("c");
    assertThat(o.ordinal()).containsEntry("g", List.of())
        .containsEntry("size", List.of("small", "medium", "large"));
    assertThat(o.domain()).contains("env");
    assertThat(o.time()).contains("t");
    assertThat(o.columns()).containsExactly("a", "b", "c", "g", "size");
    assertThat(o.drop()).containsExactly("z");
    assertThat(d.file()).isPresent();
    assertThat(d.missingPolicy()).isEqualTo(MissingPolicy.REFUSE);
  }

  @Test
  void defaultsMatchTheReader() {
    ReadOptions o = parse("data.csv").readOptions();
    assertThat(o.missingTokens()).isEqualTo(ReadOptions.DEFAULT_MISSING_TOKENS);
    assertThat(o.maxLevels()).isEqualTo(ReadOptions.DEFAULT_MAX_LEVELS);
    assertThat(o.delimiter()).isEmpty();
  }

  @Test
  void theMissingPolicyIsAppliedOnlyWhenAskedFor() {
    String survey = DescribeCommandTest.resource("survey.csv");
    assertThat(parse(survey).load().rows()).isEqualTo(12);
    assertThatThrownBy(() -> parse(survey).loadForAnalysis())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'smoker'")
        .hasMessageContaining("--missing listwise");
    Dataset listwise = parse(survey, "--missing", "listwise").loadForAnalysis();
    assertThat(listwise.rows()).isEqualTo(10);
    assertThat(listwise.hasMissing()).isFalse();
    Dataset testwise = parse(survey, "--missing", "testwise").loadForAnalysis();
    assertThat(testwise.rows()).isEqualTo(12);
    assertThat(testwise.missingCount(testwise.require("income"))).isEqualTo(1);
  }

  @Test
  void aMalformedOrdinalSpecIsRefused() {
    assertThatThrownBy(() -> parse("x.csv", "--ordinal", "=a,b").readOptions())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("COLUMN=LEVEL,LEVEL");
    assertThatThrownBy(() -> parse("x.csv", "--ordinal", "s=a,,b").readOptions())
        .hasMessageContaining("COLUMN=LEVEL,LEVEL");
  }
}
