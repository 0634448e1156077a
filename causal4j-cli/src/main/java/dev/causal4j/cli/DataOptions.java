package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.Delimiter;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.data.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The data a command reads, and how: a picocli mixin shared by every command that takes data
 * ({@code describe}, {@code independence}, {@code discover}, {@code effect}, {@code analyze}).
 * It holds the first positional parameter, {@code FILE}, so a command that mixes it in takes its
 * own positional parameters from index 1 on.
 *
 * <pre>{@code
 * @Mixin DataOptions data;
 * ...
 * Dataset d = data.loadForAnalysis();   // applies --missing (refuse unless told otherwise)
 * }</pre>
 */
public final class DataOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description =
          "The data: delimited text with a header row (CSV, TSV, whitespace-separated, also"
              + " gzipped; the delimiter is sniffed) or a Parquet file.")
  Path file;

  @Option(
      names = "--sql",
      paramLabel = "QUERY",
      description =
          "Read the result of an SQL query run by an embedded DuckDB instead of FILE, e.g."
              + " \"SELECT * FROM read_csv('data.csv') WHERE site = 'A'\".")
  String sql;

  @Option(
      names = "--delimiter",
      paramLabel = "D",
      converter = DelimiterConverter.class,
      description = "comma, tab, semicolon, pipe or whitespace (default: sniffed).")
  Delimiter delimiter;

  @Option(
      names = "--missing-values",
      split = ",",
      paramLabel = "TOKEN",
      description =
          "Values read as missing, replacing the default NA,NaN,?,null (ignoring case; an empty"
              + " field is always missing). Example: --missing-values NA,-999")
  List<String> missingValues;

  @Option(
      names = "--max-levels",
      paramLabel = "K",
      defaultValue = "" + ReadOptions.DEFAULT_MAX_LEVELS,
      description =
          "A numeric column of integers with at most K distinct values is discrete"
              + " (default: ${DEFAULT-VALUE}).")
  int maxLevels;

  @Option(
      names = "--discrete",
      split = ",",
      paramLabel = "COLUMN",
      description = "Read these columns as discrete (categorical).")
  List<String> discrete = new ArrayList<>();

  @Option(
      names = "--continuous",
      split = ",",
      paramLabel = "COLUMN",
      description = "Read these columns as continuous; a value that is not a number is an error.")
  List<String> continuous = new ArrayList<>();

  @Option(
      names = "--ordinal",
      paramLabel = "COLUMN[=LEVELS]",
      description =
          "Read a column as ordinal: numeric levels in numeric order (--ordinal grade), or the"
              + " levels in the order given, lowest first (--ordinal 'size=small,medium,large'),"
              + " which text levels need. Repeat for several columns.")
  List<String> ordinal = new ArrayList<>();

  @Option(
      names = "--domain",
      paramLabel = "COLUMN",
      description = "The column naming each row's environment (site, regime); kept apart from the"
          + " variables.")
  String domain;

  @Option(
      names = "--time",
      paramLabel = "COLUMN",
      description = "The column holding each row's time stamp; kept apart from the variables.")
  String time;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "COLUMN",
      description = "Use only these variables, in this order.")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--drop",
      split = ",",
      paramLabel = "COLUMN",
      description = "Leave these columns out.")
  List<String> drop = new ArrayList<>();

  @Option(
      names = "--missing",
      paramLabel = "POLICY",
      defaultValue = "refuse",
      converter = MissingPolicyConverter.class,
      description =
          "What to do with missing values: refuse (the default: stop and say where they are),"
              + " listwise (drop every row with one) or testwise (each test uses the rows"
              + " complete in its variables).")
  MissingPolicy missing;

  /** The reading options these command-line options describe. */
  public ReadOptions readOptions() {
    ReadOptions.Builder b =
        ReadOptions.builder()
            .delimiter(delimiter)
            .maxLevels(maxLevels)
            .discrete(discrete)
            .continuous(continuous)
            .domain(domain)
            .time(time)
            .columns(columns)
            .drop(drop);
    if (missingValues != null) {
      b.missingTokens(missingValues);
    }
    for (String spec : ordinal) {
      int eq = spec.indexOf('=');
      if (eq < 0) {
        for (String name : spec.split(",")) {
          b.ordinal(name);
        }
      } else {
        String name = spec.substring(0, eq).trim();
        List<String> levels = Arrays.asList(spec.substring(eq + 1).split(",", -1));
        if (name.isEmpty() || levels.stream().anyMatch(l -> l.isBlank())) {
          throw new InvalidInputException(
              "--ordinal '" + spec + "' is not of the form COLUMN=LEVEL,LEVEL,…; write e.g."
                  + " --ordinal 'size=small,medium,large'");
        }
        b.ordinal(name, levels);
      }
    }
    return b.build();
  }

  /** The missing-value policy chosen with {@code --missing} (refuse unless told otherwise). */
  public MissingPolicy missingPolicy() {
    return missing;
  }

  /** The data file, if one was given. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The {@code --sql} query, if one was given. */
  public Optional<String> sql() {
    return Optional.ofNullable(sql);
  }

  /**
   * Reads the data with its missing values masked, not yet handled: for commands that look at the
   * data as it is ({@code describe}) or handle missing values themselves.
   *
   * @throws InvalidInputException for a problem with the options, the file or its contents
   */
  public Dataset load() {
    ReadOptions options = readOptions();
    if (sql != null && file != null) {
      throw new InvalidInputException(
          "both a FILE (" + file + ") and --sql were given; give one (a query can read the file:"
              + " --sql \"SELECT * FROM read_csv('" + file + "')\")");
    }
    if (sql != null) {
      return DataReader.query(sql, options);
    }
    if (file == null) {
      throw new InvalidInputException(
          "no data given; name a data FILE (e.g. examples/sachs.csv) or a query with"
              + " --sql \"SELECT …\"");
    }
    return DataReader.read(file, options);
  }

  /**
   * Reads the data and applies the {@code --missing} policy: with {@code refuse} any missing
   * value stops the command with a message naming the column and row, with {@code listwise} the
   * incomplete rows are dropped, with {@code testwise} the dataset keeps them for the method.
   */
  public Dataset loadForAnalysis() {
    return load().applyMissingPolicy(missing);
  }

  /** Turns {@code refuse}, {@code listwise}, {@code testwise} into a {@link MissingPolicy}. */
  static final class MissingPolicyConverter implements CommandLine.ITypeConverter<MissingPolicy> {
    @Override
    public MissingPolicy convert(String value) {
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "refuse":
          return MissingPolicy.REFUSE;
        case "listwise":
        case "listwise_deletion":
          return MissingPolicy.LISTWISE_DELETION;
        case "testwise":
        case "testwise_deletion":
          return MissingPolicy.TESTWISE_DELETION;
        default:
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is not a missing-value policy; use refuse, listwise or testwise");
      }
    }
  }

  /** Turns a delimiter name or character into a {@link Delimiter}. */
  static final class DelimiterConverter implements CommandLine.ITypeConverter<Delimiter> {
    @Override
    public Delimiter convert(String value) {
      try {
        return Delimiter.parse(value);
      } catch (InvalidInputException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
