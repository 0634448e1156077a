package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files: formats, type detection, missing values, roles, and every kind of bad input. */
class DataReaderTest {

  static Path resource(String name) {
    try {
      return Path.of(DataReaderTest.class.getResource("reader/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static Dataset read(String name) {
    return DataReader.read(resource(name));
  }

  private static Dataset read(String name, ReadOptions options) {
    return DataReader.read(resource(name), options);
  }

  private static List<String> levels(Dataset d, String name) {
    return d.variable(d.require(name)).levels();
  }

  private static VariableType type(Dataset d, String name) {
    return d.variable(d.require(name)).type();
  }

  // ---- formats -------------------------------------------------------------------------------

  @Test
  void detectsTypesOfAMixedTable() {
    Dataset d = read("mixed.csv");
    assertThat(d.rows()).isEqualTo(12);
    assertThat(d.names()).containsExactly("x", "treat", "grade", "city", "z");
    assertThat(type(d, "x")).isEqualTo(VariableType.CONTINUOUS);
    assertThat(d.doubles(0)).startsWith(1.5, -2.25, 3, 0.5);
    assertThat(d.doubles(0)[5]).isEqualTo(1e-3);
    // yes/no text: discrete, levels sorted, so no = 0 and yes = 1.
    assertThat(type(d, "treat")).isEqualTo(VariableType.DISCRETE);
    assertThat(levels(d, "treat")).containsExactly("no", "yes");
    assertThat(d.codes(1)).startsWith(1, 0, 0, 1);
    // three distinct integers (at most 10): discrete, levels in numeric order.
    assertThat(type(d, "grade")).isEqualTo(VariableType.DISCRETE);
    assertThat(levels(d, "grade")).containsExactly("1", "2", "3");
    assertThat(levels(d, "city")).containsExactly("Lyon", "Paris", "Saint-Denis, Réunion");
    // twelve distinct integers (more than 10): continuous.
    assertThat(type(d, "z")).isEqualTo(VariableType.CONTINUOUS);
    assertThat(d.source()).contains(resource("mixed.csv").toString());
  }

  @Test
  void missingValuesAreMaskedNeverDropped() {
    Dataset d = read("mixed.csv");
    assertThat(d.rows()).isEqualTo(12);
    assertThat(d.isMissing(4, d.require("x"))).isTrue();
    assertThat(d.isMissing(4, d.require("city"))).isTrue();
    assertThat(d.missingCount(d.require("x"))).isEqualTo(1);
    assertThat(d.completeRows()).hasSize(11);
  }

  @Test
  void sniffsEveryDelimiterAndReadsTheSameTable() {
    for (String file : List.of("semicolon.csv", "pipe.txt", "tab.tsv", "whitespace.txt")) {
      Dataset d = read(file);
      assertThat(d.names()).as(file).containsExactly("a", "b");
      assertThat(d.rows()).as(file).isEqualTo(3);
      assertThat(d.doubles(0)).as(file).containsExactly(1.5, 2, -3.25);
      assertThat(levels(d, "b")).as(file).containsExactly("x", "y");
      assertThat(d.codes(1)).as(file).containsExactly(0, 1, 0);
    }
    assertThat(DataReader.sniffDelimiter(resource("semicolon.csv"))).isEqualTo(Delimiter.SEMICOLON);
    assertThat(DataReader.sniffDelimiter(resource("pipe.txt"))).isEqualTo(Delimiter.PIPE);
    assertThat(DataReader.sniffDelimiter(resource("tab.tsv"))).isEqualTo(Delimiter.TAB);
    assertThat(DataReader.sniffDelimiter(resource("whitespace.txt")))
        .isEqualTo(Delimiter.WHITESPACE);
    assertThat(DataReader.sniffDelimiter(resource("mixed.csv"))).isEqualTo(Delimiter.COMMA);
  }

  @Test
  void anExplicitDelimiterOverridesSniffing() {
    // Read with commas, the semicolon file has one column named "a;b".
    Dataset d = read("semicolon.csv", ReadOptions.builder().delimiter(Delimiter.COMMA).build());
    assertThat(d.names()).containsExactly("a;b");
  }

  @Test
  void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() {
    Dataset d = read("quoted.csv");
    assertThat(d.names()).containsExactly("id", "note, with comma", "v");
    assertThat(d.rows()).isEqualTo(4);
    assertThat(levels(d, "note, with comma"))
        .containsExactlyInAnyOrder("plain", "say \"hi\"", "two\nlines", "a, b");
    assertThat(d.doubles(2)).containsExactly(0.5, 1.5, 2.5, 3.5);
  }

  @Test
  void readsQuotedFieldsWithBlanksAroundThem() {
    Dataset d = read("blanks_around_quotes.csv");
    assertThat(d.names()).containsExactly("a", "note");
    assertThat(levels(d, "note")).containsExactly("x, y", "z");
  }

  @Test
  void readsAByteOrderMarkCrlfAndTrailingEmptyLines() {
    Dataset d = read("bom_crlf.csv");
    assertThat(d.names()).containsExactly("a", "b");
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.doubles(1)).containsExactly(2.5, 4.5, 6.5);
    assertThat(levels(d, "a")).containsExactly("1", "3", "5");
  }

  @Test
  void skipsBlankLinesButKeepsAnEmptyFirstField() {
    Dataset d = read("blank_lines.csv");
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.isMissing(1, 0)).isTrue();
    assertThat(levels(d, "b")).containsExactly("2", "4", "6");
  }

  @Test
  void readsASingleColumn() {
    Dataset d = read("single_column.csv");
    assertThat(d.names()).containsExactly("x");
    assertThat(d.doubles(0)).containsExactly(1.5, 2.5, 3.5);
  }

  @Test
  void readsGzipCompressedText(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("mixed.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(resource("mixed.csv")));
    }
    Dataset d = DataReader.read(gz);
    assertThat(d.rows()).isEqualTo(12);
    assertThat(levels(d, "treat")).containsExactly("no", "yes");
  }

  @Test
  void readsTextFromAString() {
    Dataset d =
        DataReader.readText("a,b\n1,x\n2,y\n", "inline", ReadOptions.defaults());
    assertThat(d.names()).containsExactly("a", "b");
    assertThat(d.source()).contains("inline");
  }

  @Test
  void readsUtf16WithAByteOrderMark(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("unicode.txt");
    byte[] body = "größe\tx\n1.5\tä\n2.5\tö\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] all = new byte[body.length + 2];
    all[0] = (byte) 0xFF;
    all[1] = (byte) 0xFE;
    System.arraycopy(body, 0, all, 2, body.length);
    Files.write(f, all);
    Dataset d = DataReader.read(f);
    assertThat(d.names()).containsExactly("größe", "x");
    assertThat(levels(d, "x")).containsExactly("ä", "ö");
  }

  // ---- missing values ------------------------------------------------------------------------

  @Test
  void defaultMissingTokensIgnoreCaseAndBlanks() {
    Dataset d = read("missing.csv");
    assertThat(d.rows()).isEqualTo(9);
    int x = d.require("x");
    assertThat(d.missingCount(x)).isEqualTo(7);
    assertThat(d.isMissing(0, x)).isFalse();
    assertThat(d.isMissing(8, x)).isFalse();
    assertThat(d.doubles(x)[8]).isEqualTo(2.5);
    int g = d.require("g");
    assertThat(levels(d, "g")).containsExactly("a", "b", "c");
    assertThat(d.missingCount(g)).isEqualTo(2);
  }

  @Test
  void missingTokensAreConfigurable() {
    Dataset d = read("custom_missing.csv", ReadOptions.builder()
        .missingTokens(List.of("-999")).build());
    assertThat(d.isMissing(1, 0)).isTrue();
    assertThat(d.isMissing(0, 1)).isTrue();
    assertThat(d.doubles(0)[2]).isEqualTo(3.5);
    // Without the token, -999 is an ordinary number.
    Dataset plain = read("custom_missing.csv");
    assertThat(plain.hasMissing()).isFalse();
  }

  @Test
  void aNumberThatIsAlsoATokenInTheListIsMissingAndInfinityCanBeMadeMissing() {
    Dataset d = read("inf.csv", ReadOptions.builder()
        .missingTokens(List.of("NA", "-Inf")).build());
    assertThat(d.isMissing(1, 0)).isTrue();
  }

  // ---- type detection and overrides ----------------------------------------------------------

  @Test
  void aColumnWithTextAfterNumbersKeepsEachValuesOwnText() {
    Dataset d = read("late_text.csv");
    assertThat(type(d, "code")).isEqualTo(VariableType.DISCRETE);
    // "01" and "1" stay two levels: the column was read again as text.
    assertThat(levels(d, "code")).containsExactly("01", "1", "2", "x");
    assertThat(d.codes(0)).containsExactly(0, 1, 2, 3, 1);
    assertThat(d.doubles(1)).containsExactly(1.5, 2.5, 3.5, 4.5, 5.5);
  }

  @Test
  void maxLevelsMovesTheDiscreteThreshold() {
    Dataset d = read("mixed.csv", ReadOptions.builder().maxLevels(2).build());
    assertThat(type(d, "grade")).isEqualTo(VariableType.CONTINUOUS);
    Dataset wide = read("mixed.csv", ReadOptions.builder().maxLevels(12).build());
    assertThat(type(wide, "z")).isEqualTo(VariableType.DISCRETE);
    assertThat(levels(wide, "z")).hasSize(12).startsWith("10", "11");
  }

  @Test
  void manyIntegerLevelsAreOrderedNumerically() {
    StringBuilder text = new StringBuilder("k\n");
    for (int i = 0; i < 40; i++) {
      text.append((i * 7) % 20 - 5).append('\n');
    }
    Dataset d = DataReader.readText(text.toString(), "k.csv",
        ReadOptions.builder().maxLevels(100).build());
    assertThat(levels(d, "k")).hasSize(20).startsWith("-5", "-4").endsWith("13", "14");
    Dataset c = DataReader.readText(text.toString(), "k.csv",
        ReadOptions.builder().maxLevels(19).build());
    assertThat(type(c, "k")).isEqualTo(VariableType.CONTINUOUS);
  }

  @Test
  void overridesForceTypes() {
    Dataset d = read("mixed.csv", ReadOptions.builder()
        .continuous("grade").discrete("x").build());
    assertThat(type(d, "grade")).isEqualTo(VariableType.CONTINUOUS);
    assertThat(d.doubles(d.require("grade"))).startsWith(1, 2, 3);
    assertThat(type(d, "x")).isEqualTo(VariableType.DISCRETE);
    assertThat(levels(d, "x"))
        .containsExactly("-2.25", "-1", "-0.5", "0", "0.001", "0.5", "1.5", "2", "3", "4.75",
            "7.125");
    assertThat(d.isMissing(4, d.require("x"))).isTrue();
  }

  @Test
  void ordinalLevelsFollowTheGivenOrderOrNumericOrder() {
    Dataset d = read("ordinal.csv", ReadOptions.builder()
        .ordinal("size", List.of("small", "medium", "large"))
        .ordinal("grade")
        .build());
    assertThat(type(d, "size")).isEqualTo(VariableType.ORDINAL);
    assertThat(levels(d, "size")).containsExactly("small", "medium", "large");
    assertThat(d.codes(0)).containsExactly(0, 2, 1, 0, 2);
    assertThat(type(d, "grade")).isEqualTo(VariableType.ORDINAL);
    assertThat(levels(d, "grade")).containsExactly("1", "2", "3", "5");
  }

  @Test
  void ordinalLevelsMayIncludeOnesThatNoRowTakes() {
    Dataset d = read("ordinal.csv", ReadOptions.builder()
        .ordinal("size", List.of("tiny", "small", "medium", "large")).build());
    assertThat(levels(d, "size")).hasSize(4);
    assertThat(d.codes(0)).containsExactly(1, 3, 2, 1, 3);
  }

  @Test
  void textOrdinalWithoutAnOrderIsRefused() {
    assertThatThrownBy(() -> read("ordinal.csv", ReadOptions.builder().ordinal("size").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--ordinal 'size=large,medium,small'")
        .hasMessageContaining("lowest first");
  }

  @Test
  void aValueOutsideTheGivenOrdinalLevelsIsRefused() {
    assertThatThrownBy(() -> read("ordinal.csv", ReadOptions.builder()
            .ordinal("size", List.of("small", "large")).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'medium'")
        .hasMessageContaining("line 4")
        .hasMessageContaining("small, large");
  }

  // ---- roles and selection -------------------------------------------------------------------

  @Test
  void domainAndTimeColumnsAreTakenOutOfTheVariables() {
    Dataset d = read("domain_time.csv", ReadOptions.builder().domain("site").time("t").build());
    assertThat(d.names()).containsExactly("x", "y");
    DomainColumn site = d.domain().orElseThrow();
    assertThat(site.name()).isEqualTo("site");
    assertThat(site.levels()).containsExactly("A", "B", "C");
    assertThat(site.labels()).containsExactly(1, 0, 1, 0, 2);
    TimeColumn t = d.time().orElseThrow();
    assertThat(t.values()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void columnsAndDropSelectVariables() {
    Dataset d = read("mixed.csv", ReadOptions.builder().columns(List.of("z", "x")).build());
    assertThat(d.names()).containsExactly("z", "x");
    Dataset e = read("mixed.csv", ReadOptions.builder().drop(List.of("city", "treat")).build());
    assertThat(e.names()).containsExactly("x", "grade", "z");
  }

  @Test
  void aMissingDomainLabelIsRefused() {
    assertThatThrownBy(() -> read("mixed.csv", ReadOptions.builder().domain("city").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("domain column 'city'")
        .hasMessageContaining("line 6");
  }

  @Test
  void aTextTimeStampIsRefused() {
    assertThatThrownBy(() -> read("mixed.csv", ReadOptions.builder().time("treat").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("time column 'treat'")
        .hasMessageContaining("'yes'")
        .hasMessageContaining("line 2");
  }

  @Test
  void unknownColumnNamesAreRefusedWithCloseMatches() {
    assertThatThrownBy(() -> read("mixed.csv", ReadOptions.builder().discrete("Treat").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--discrete names 'Treat'")
        .hasMessageContaining("did you mean 'treat'?");
    assertThatThrownBy(() -> read("mixed.csv", ReadOptions.builder().domain("cty").build()))
        .hasMessageContaining("did you mean 'city'?");
    assertThatThrownBy(() -> read("mixed.csv", ReadOptions.builder().drop(List.of("qqq")).build()))
        .hasMessageContaining("the columns are x, treat, grade, city, z");
  }

  @Test
  void contradictoryOptionsAreRefused() {
    assertThatThrownBy(() -> ReadOptions.builder().discrete("a").continuous("a").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'a' is in both --discrete and --continuous");
    assertThatThrownBy(() -> ReadOptions.builder().domain("a").drop(List.of("a")).build())
        .hasMessageContaining("--drop and in --domain");
    assertThatThrownBy(() -> ReadOptions.builder().maxLevels(0).build())
        .hasMessageContaining("--max-levels");
  }

  // ---- DuckDB: Parquet and SQL ---------------------------------------------------------------

  @Test
  void readsParquetAndSqlQueriesThroughDuckDb(@TempDir Path dir) throws SQLException {
    Path csv = resource("mixed.csv");
    Path parquet = dir.resolve("mixed.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('" + csv + "', nullstr = ['NA', '?'],"
              + " types = {'treat': 'VARCHAR'})) TO '" + parquet + "' (FORMAT PARQUET)");
    }
    Dataset fromCsv = read("mixed.csv");
    Dataset fromParquet = DataReader.read(parquet);
    assertThat(fromParquet.names()).isEqualTo(fromCsv.names());
    assertThat(fromParquet.rows()).isEqualTo(12);
    for (int j = 0; j < fromCsv.columns(); j++) {
      assertThat(fromParquet.variable(j)).isEqualTo(fromCsv.variable(j));
      assertThat(fromParquet.missingMask(j)).isEqualTo(fromCsv.missingMask(j));
    }
    assertThat(fromParquet.doubles(0)).usingComparatorWithPrecision(0.0)
        .containsExactly(fromCsv.doubles(0));
    Dataset selected = DataReader.query(
        "SELECT x, city FROM read_csv('" + csv + "') WHERE treat = 'yes'",
        ReadOptions.defaults());
    assertThat(selected.rows()).isEqualTo(6);
    assertThat(selected.names()).containsExactly("x", "city");
  }

  @Test
  void sqlTypesAreDetectedLikeText() {
    Dataset d = DataReader.query(
        "SELECT * FROM (VALUES (1, 0.5, 'a', true, NULL), (2, 1.5, 'NA', false, 3.0),"
            + " (1, 2.5, 'b', true, 4.0)) t(k, x, s, flag, y)",
        ReadOptions.defaults());
    assertThat(d.names()).containsExactly("k", "x", "s", "flag", "y");
    assertThat(type(d, "k")).isEqualTo(VariableType.DISCRETE);
    assertThat(levels(d, "k")).containsExactly("1", "2");
    assertThat(type(d, "x")).isEqualTo(VariableType.CONTINUOUS);
    assertThat(levels(d, "s")).containsExactly("a", "b");
    assertThat(d.isMissing(1, d.require("s"))).isTrue();
    assertThat(levels(d, "flag")).containsExactly("false", "true");
    assertThat(d.isMissing(0, d.require("y"))).isTrue();
  }

  @Test
  void aFailingQueryNamesTheProblem() {
    assertThatThrownBy(() -> DataReader.query("SELEKT 1", ReadOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("the SQL query failed (check it; DuckDB says): ")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> DataReader.query("SELECT 1 AS a WHERE false", ReadOptions.defaults()))
        .hasMessageContaining("returned no rows");
    assertThatThrownBy(() -> DataReader.query(
            "SELECT 1 AS a, 2 AS a", ReadOptions.defaults()))
        .hasMessageContaining("appears twice");
  }

  @Test
  void aBrokenParquetFileIsNamed(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.parquet");
    Files.writeString(bad, "not parquet");
    assertThatThrownBy(() -> DataReader.read(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cannot read " + bad + " as Parquet: ")
        .hasMessageNotContaining("\n");
  }

  // ---- bad input -----------------------------------------------------------------------------

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> DataReader.read(Path.of("no/such/data.csv")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("file not found: no/such/data.csv")
        .hasMessageContaining("check the path");
  }

  @Test
  void aDirectoryIsNotAFile(@TempDir Path dir) {
    assertThatThrownBy(() -> DataReader.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void unsupportedFormatsSayWhatIsSupported() {
    assertThatThrownBy(() -> read("data.xlsx"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(".xlsx files cannot be read")
        .hasMessageContaining(".csv")
        .hasMessageContaining(".parquet");
    assertThatThrownBy(() -> read("binary.dat"))
        .hasMessageContaining("is not a text file");
    assertThatThrownBy(() -> read("latin1.csv"))
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("line 3")
        .hasMessageContaining("save it as UTF-8");
  }

  @Test
  void emptyFilesAndHeadersWithoutRowsAreRefused() {
    assertThatThrownBy(() -> read("empty.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty.csv is empty");
    assertThatThrownBy(() -> read("blank.csv")).hasMessageContaining("blank.csv is empty");
    assertThatThrownBy(() -> read("header_only.csv"))
        .hasMessageContaining("header_only.csv has a header but no data rows");
  }

  @Test
  void raggedRowsNameTheLineAndTheFieldCounts() {
    assertThatThrownBy(() -> read("ragged_short.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 3 of")
        .hasMessageContaining("has 2 fields but the header has 3")
        .hasMessageContaining("NA");
    assertThatThrownBy(() -> read("ragged_long.csv"))
        .hasMessageContaining("line 4 of")
        .hasMessageContaining("has 4 fields but the header has 3")
        .hasMessageContaining("quote values");
  }

  @Test
  void badHeadersAreRefused() {
    assertThatThrownBy(() -> read("duplicate_names.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'a' appears twice")
        .hasMessageContaining("columns 1 and 3");
    assertThatThrownBy(() -> read("empty_name.csv"))
        .hasMessageContaining("column 2 in the header")
        .hasMessageContaining("has no name");
    assertThatThrownBy(() -> read("trailing_delimiter.csv"))
        .hasMessageContaining("column 3")
        .hasMessageContaining("a delimiter at the end of the header line?");
    assertThatThrownBy(() -> read("numeric_header.csv"))
        .hasMessageContaining("holds numbers (1.5, 2.5), not column names")
        .hasMessageContaining("add one");
  }

  @Test
  void textInAContinuousColumnNamesTheValue() {
    // Detected: the column becomes discrete.
    assertThat(type(read("text_in_number.csv"), "x")).isEqualTo(VariableType.DISCRETE);
    assertThatThrownBy(() -> read("text_in_number.csv",
            ReadOptions.builder().continuous("x").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'x'")
        .hasMessageContaining("text_in_number.csv")
        .hasMessageContaining("'abc'")
        .hasMessageContaining("line 4 (data row 3)")
        .hasMessageContaining("--continuous");
  }

  @Test
  void infinityAndUnmarkedNanAreRefused() {
    assertThatThrownBy(() -> read("inf.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'x'")
        .hasMessageContaining("'-Inf'")
        .hasMessageContaining("line 3")
        .hasMessageContaining("mark such values as missing (--missing-values NA,NaN,?,null,-Inf)");
    assertThatThrownBy(() -> read("nan.csv", ReadOptions.builder()
            .missingTokens(List.of("NA")).build()))
        .hasMessageContaining("'NaN'")
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> DataReader.readText("x\n1\n1e999\n", "huge.csv",
            ReadOptions.defaults()))
        .hasMessageContaining("'1e999'");
  }

  @Test
  void aColumnWithoutValuesIsRefused() {
    assertThatThrownBy(() -> read("all_missing.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'y'")
        .hasMessageContaining("all 3 rows are missing")
        .hasMessageContaining("--drop y");
    assertThat(read("all_missing.csv", ReadOptions.builder().drop(List.of("y")).build()).names())
        .containsExactly("x", "z");
  }

  @Test
  void unclosedQuotesAndDecimalCommasAreRefused() {
    assertThatThrownBy(() -> read("unclosed_quote.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unclosed_quote.csv");
    assertThatThrownBy(() -> read("decimal_comma.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("decimal comma")
        .hasMessageContaining("'1,5'");
  }

  @Test
  void everyMessageIsOneLine() {
    for (String f : List.of("empty.csv", "header_only.csv", "ragged_short.csv",
        "duplicate_names.csv", "inf.csv", "all_missing.csv", "numeric_header.csv", "data.xlsx",
        "latin1.csv", "unclosed_quote.csv", "decimal_comma.csv")) {
      assertThatThrownBy(() -> read(f)).as(f)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageNotContaining("\n")
          .hasMessageContaining(f);
    }
  }

  @Test
  void aConstantColumnReadsButIsFlaggedByDataChecks() {
    Dataset d = read("constant.csv");
    assertThat(DataChecks.constantColumns(d)).containsExactly("c", "k");
    assertThat(DataChecks.isConstant(d, 0)).isFalse();
    assertThatThrownBy(() -> DataChecks.requireNoConstantColumns(d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("columns 'c', 'k'")
        .hasMessageContaining("constant.csv")
        .hasMessageContaining("--drop c,k");
    Dataset one = d.selectColumns(List.of("x", "c"));
    assertThatThrownBy(() -> DataChecks.requireNoConstantColumns(one))
        .hasMessageContaining("column 'c'")
        .hasMessageContaining("every value is 7");
    DataChecks.requireNoConstantColumns(d.selectColumns(List.of("x")));
  }

  @Test
  void theDetectionRuleNamesTheThresholdAndTokens() {
    String rule = DataReader.detectionRule(ReadOptions.builder().maxLevels(7).build());
    assertThat(rule).contains("--max-levels 7").contains("\"NA\"").contains("numeric order");
  }
}
