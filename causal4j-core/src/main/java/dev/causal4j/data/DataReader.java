package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a data file or an SQL query into a {@link Dataset}.
 *
 * <h2>Sources</h2>
 *
 * <ul>
 *   <li><b>Delimited text</b> (any name not listed below, typically {@code .csv}, {@code .tsv},
 *       {@code .txt}; also gzip-compressed, {@code .csv.gz}), read with FastCSV: UTF-8 (a
 *       byte-order mark is skipped; UTF-16 with a byte-order mark is read too), LF or CRLF line
 *       ends, fields in double quotes (with {@code ""} for a quote) may hold delimiters and line
 *       breaks, blank lines are skipped, blanks around a field are removed (inside quotes too).
 *       The first line must name the columns. The delimiter is sniffed unless given: see {@link
 *       DelimiterSniffer} for the rule (comma, tab, semicolon, pipe, or runs of blanks as in
 *       causal-learn's and R's whitespace-separated files).
 *   <li><b>Parquet</b> (a name ending {@code .parquet}) and any <b>SQL query</b> ({@link #query}),
 *       through an embedded, in-memory DuckDB that is closed after the query; for example {@code
 *       SELECT * FROM read_csv('data.csv') WHERE site = 'A'}. Numeric SQL columns are read as
 *       numbers and every other column as text; note that DuckDB's own {@code read_csv} sniffs
 *       types too (a yes/no column becomes a boolean, read here as the levels false/true).
 * </ul>
 *
 * <h2>Types</h2>
 *
 * {@value #DETECTION_RULE}
 *
 * <p>Numeric levels are named by their value ({@code 1}, {@code 2.5}), so {@code 01} and {@code 1}
 * are the same level of a numeric column; a column that also holds text keeps every value's own
 * text.
 *
 * <h2>Missing values</h2>
 *
 * A field is missing when, after surrounding blanks are removed, it equals one of the missing-value
 * tokens ({@link ReadOptions#DEFAULT_MISSING_TOKENS} unless given), ignoring case. Missing values
 * are recorded in the dataset's mask and never dropped here; a method applies the caller's {@link
 * MissingPolicy}. A present value that is infinite ({@code Inf}, {@code -Infinity}, {@code 1e999})
 * or {@code NaN} when {@code NaN} is not a token is an error in a numeric column.
 *
 * <h2>Errors</h2>
 *
 * Every problem with the input is an {@link InvalidInputException} with a one-line message naming
 * the file, the line or row, the column and what to do: a missing or unreadable file, a directory,
 * an unsupported format, an empty file, a header without rows, a header of numbers, an empty or
 * repeated column name, a row with too few or too many fields, text in a column read as
 * continuous, an infinite value, a column with no values, a name in the options that is not a
 * column. A constant column is not a reading error: see {@link DataChecks}.
 *
 * <h2>Speed</h2>
 *
 * Numbers are parsed from FastCSV's buffer straight into one {@code double[]} per column; strings
 * are kept only for columns that turn out to hold text.
 */
public final class DataReader {
  /** The type-detection rule, as {@code causal4j describe} prints it. */
  public static final String DETECTION_RULE =
      "A column's type is decided by the first rule that applies:"
          + " (1) --continuous, --discrete or --ordinal names it;"
          + " (2) if every present value is a number: discrete when all are integers with at most"
          + " --max-levels distinct values (levels in numeric order), otherwise continuous;"
          + " (3) if any value is text: discrete, levels in natural order (numbers in numeric"
          + " order first, then text alphabetically)."
          + " Ordinal levels follow numeric order, or the order given as"
          + " --ordinal 'name=low,mid,high' (which text levels need).";

  /** The formats that can be read, for messages. */
  public static final String SUPPORTED_FORMATS =
      "delimited text (.csv, .tsv, .txt, also .csv.gz) and Parquet (.parquet),"
          + " or any table DuckDB can query with --sql";

  private static final Set<String> UNSUPPORTED_EXTENSIONS =
      Set.of(
          "xlsx", "xls", "xlsm", "xlsb", "ods", "numbers", "json", "jsonl", "ndjson", "feather",
          "arrow", "ipc", "orc", "avro", "sav", "dta", "sas7bdat", "xpt", "rds", "rda", "rdata",
          "h5", "hdf5", "pkl", "pickle", "npy", "npz", "mat", "zip", "7z", "bz2", "xz", "zst",
          "xml", "sqlite", "db", "duckdb", "pdf", "docx");

  private DataReader() {}

  /** Reads a file with the default options. */
  public static Dataset read(Path file) {
    return read(file, ReadOptions.defaults());
  }

  /**
   * Reads a delimited text file or, for a name ending {@code .parquet}, a Parquet file.
   *
   * @throws InvalidInputException for any problem with the file or its contents
   */
  public static Dataset read(Path file, ReadOptions options) {
    checkReadable(file);
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
      return DuckDbReader.query(
          "SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')",
          file.toString(),
          "cannot read " + file + " as Parquet",
          options);
    }
    String ext = extension(lower);
    if (UNSUPPORTED_EXTENSIONS.contains(ext)) {
      throw new InvalidInputException(
          file + ": ." + ext + " files cannot be read; causal4j reads " + SUPPORTED_FORMATS
              + ": save or export the data as CSV");
    }
    return readText(TextInput.of(file), options);
  }

  /**
   * Reads delimited text held in a string, as if it were a file called {@code sourceName} (which
   * is used only in messages).
   */
  public static Dataset readText(String text, String sourceName, ReadOptions options) {
    return readText(TextInput.ofString(text, sourceName), options);
  }

  /**
   * Runs an SQL query in an embedded DuckDB and reads its result: numeric SQL columns as numbers,
   * any other column as text, then the same type detection and missing-value tokens as for a
   * file ({@code NULL} is always missing).
   */
  public static Dataset query(String sql, ReadOptions options) {
    if (sql == null || sql.isBlank()) {
      throw new InvalidInputException(
          "the SQL query is empty; write one, e.g. SELECT * FROM read_csv('data.csv')");
    }
    return DuckDbReader.query(
        sql, "the SQL query", "the SQL query failed (check it; DuckDB says)", options);
  }

  /** The delimiter that reading {@code file} without an explicit one would use. */
  public static Delimiter sniffDelimiter(Path file) {
    checkReadable(file);
    TextInput in = TextInput.of(file);
    return DelimiterSniffer.sniff(sample(in));
  }

  /** The detection rule with the thresholds and tokens of these options filled in. */
  public static String detectionRule(ReadOptions options) {
    String tokens =
        options.missingTokens().stream()
            .map(t -> "\"" + t + "\"")
            .collect(Collectors.joining(", "));
    return DETECTION_RULE.replace("--max-levels", "--max-levels " + options.maxLevels())
        + " Missing values: fields equal to " + tokens
        + " (ignoring case and surrounding blanks); they are counted, never dropped.";
  }

  private static Dataset readText(TextInput in, ReadOptions options) {
    String sample = sample(in);
    if (sample.isBlank()) {
      throw new InvalidInputException(
          in.name() + " is empty; a data file needs a header row naming the columns and one row"
              + " per observation");
    }
    if (sample.indexOf('\0') >= 0) {
      throw new InvalidInputException(
          in.name() + " is not a text file; causal4j reads " + SUPPORTED_FORMATS);
    }
    Delimiter delimiter = options.delimiter().orElseGet(() -> DelimiterSniffer.sniff(sample));
    return new DelimitedTextReader(
            in, options, delimiter, estimateRows(sample, in.size()), sample)
        .read();
  }

  private static String sample(TextInput in) {
    try {
      return in.sample();
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read " + in.name() + ": " + DelimitedTextReader.firstLine(e.toString()), e);
    }
  }

  /** Rows to allocate for, from the length of the sampled lines and the size of the input. */
  static int estimateRows(String sample, long size) {
    int headerEnd = sample.indexOf('\n');
    int lastEnd = sample.lastIndexOf('\n');
    if (size < 0 || headerEnd < 0 || lastEnd <= headerEnd) {
      return 1024;
    }
    int lines = 0;
    for (int i = headerEnd + 1; i <= lastEnd; i++) {
      if (sample.charAt(i) == '\n') {
        lines++;
      }
    }
    double perLine = (double) (lastEnd - headerEnd) / lines;
    double estimate = (size - headerEnd - 1) / perLine;
    // Capped: a file whose first lines are unusually short must not reserve gigabytes up front.
    return (int) Math.min(Math.max(16, estimate * 1.05 + 16), 1 << 20);
  }

  private static void checkReadable(Path file) {
    if (!Files.exists(file)) {
      Path parent = file.toAbsolutePath().getParent();
      throw new InvalidInputException(
          "file not found: " + file + (file.isAbsolute() || parent == null ? "" : " (in " + parent
              + ")") + "; check the path and the spelling of the file name");
    }
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(
          file + " is a directory, not a data file; give the path of a file inside it");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(
          "cannot read " + file + ": permission denied; check the file's permissions");
    }
  }

  private static String extension(String lowerName) {
    String n = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  /**
   * A level name for a number: integers without a decimal point ({@code 3}, not {@code 3.0}),
   * others as {@link Double#toString}.
   */
  static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
