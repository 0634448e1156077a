package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DatasetSummary;
import dev.causal4j.data.DatasetSummary.Flag;
import dev.causal4j.data.DatasetSummary.LevelCount;
import dev.causal4j.data.DatasetSummary.VariableSummary;
import dev.causal4j.data.ReadOptions;
import dev.causal4j.data.VariableType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code causal4j describe}: a user's first look at a data file, as causal4j will read it — one
 * line per variable (type, levels with counts or mean/sd/min/max, missing values, flags), the
 * shape, warnings, and the rule that decided the types.
 */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show how causal4j reads a data file: one line per variable (type, levels with counts or"
          + " mean/sd/min/max, missing values, flags such as constant), the shape, and warnings"
          + " about what would trouble a causal method.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  causal4j describe examples/sachs.csv",
      "  causal4j describe survey.csv --discrete grade --domain site \\",
      "      --ordinal 'size=small,medium,large'",
      "  causal4j describe --format json --sql \"SELECT * FROM 'visits.parquet'\"",
      "",
      "Types: " + DataReader.DETECTION_RULE
    })
public final class DescribeCommand implements Callable<Integer> {
  private static final int LEVELS_WIDTH = 72;
  private static final int MAX_NAME_WIDTH = 24;

  /** How the description is written. */
  enum Format {
    TEXT,
    JSON
  }

  @Mixin DataOptions data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (a table for people, the default) or json (for programs).")
  Format format;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Dataset dataset = data.load();
    DatasetSummary summary = DatasetSummary.of(dataset);
    String source = data.sql().orElse(summary.source());
    String how = sourceFormat();
    String rule = DataReader.detectionRule(data.readOptions());
    String text =
        format == Format.JSON
            ? json(summary, source, how, rule)
            : text(summary, source, how, rule);
    output.write(text, spec.commandLine().getOut());
    return 0;
  }

  /** How the data was read: the format and, for text, the delimiter and whether it was sniffed. */
  private String sourceFormat() {
    if (data.sql().isPresent()) {
      return "SQL, run by DuckDB";
    }
    Path file = data.file().orElseThrow();
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
      return "Parquet, read by DuckDB";
    }
    ReadOptions options = data.readOptions();
    return options
        .delimiter()
        .map(d -> d.label() + "-separated text")
        .orElseGet(() -> DataReader.sniffDelimiter(file).label() + "-separated text, sniffed");
  }

  // ---- text ------------------------------------------------------------------------------------

  static String text(DatasetSummary s, String source, String how, String rule) {
    StringBuilder out = new StringBuilder();
    String title = source.replaceAll("\\s+", " ").strip();
    if (title.length() > 100) {
      title = title.substring(0, 99) + "…";
    }
    out.append(title.isEmpty() ? "data" : title).append("  (").append(how).append(")\n");
    out.append(s.rows()).append(s.rows() == 1 ? " row" : " rows").append(" × ")
        .append(s.columns()).append(s.columns() == 1 ? " variable: " : " variables: ")
        .append(typeCounts(s)).append('\n');
    if (s.missingCells() == 0) {
      out.append("missing values: none\n");
    } else {
      long withMissing = s.variables().stream().filter(v -> v.missing() > 0).count();
      out.append("missing values: ").append(s.missingCells()).append(" cells in ")
          .append(withMissing).append(withMissing == 1 ? " variable; " : " variables; ")
          .append(s.completeRows()).append(" of ").append(s.rows()).append(" rows complete\n");
    }
    if (s.domain() != null) {
      List<LevelCount> levels = s.domain().levels();
      out.append("domain: ").append(s.domain().name()).append(", ").append(levels.size())
          .append(levels.size() == 1 ? " environment: " : " environments: ")
          .append(levelList(levels, " · ")).append('\n');
    }
    if (s.time() != null) {
      out.append("time: ").append(s.time().name()).append(", ").append(number(s.time().min()))
          .append(" to ").append(number(s.time().max()))
          .append(s.time().nonDecreasing() ? ", rows in time order" : ", rows NOT in time order")
          .append(s.domain() != null ? " within each environment" : "")
          .append('\n');
    }
    out.append('\n');
    appendTable(out, s);
    if (!s.warnings().isEmpty()) {
      out.append("\nwarnings:\n");
      for (String w : s.warnings()) {
        out.append(wrap("  - ", "    ", w));
      }
    }
    out.append('\n').append(wrap("types: ", "       ", rule));
    return out.toString();
  }

  private static String typeCounts(DatasetSummary s) {
    List<String> parts = new ArrayList<>();
    if (s.continuous() > 0) {
      parts.add(s.continuous() + " continuous");
    }
    if (s.discrete() > 0) {
      parts.add(s.discrete() + " discrete");
    }
    if (s.ordinal() > 0) {
      parts.add(s.ordinal() + " ordinal");
    }
    return String.join(", ", parts);
  }

  private static void appendTable(StringBuilder out, DatasetSummary s) {
    List<VariableSummary> vars = s.variables();
    int n = vars.size();
    String[] mean = new String[n];
    String[] sd = new String[n];
    String[] min = new String[n];
    String[] max = new String[n];
    int wMean = 0;
    int wSd = 0;
    int wMin = 0;
    int wMax = 0;
    for (int j = 0; j < n; j++) {
      VariableSummary v = vars.get(j);
      if (v.type() == VariableType.CONTINUOUS) {
        mean[j] = number(v.mean());
        sd[j] = number(v.sd());
        min[j] = number(v.min());
        max[j] = number(v.max());
        wMean = Math.max(wMean, mean[j].length());
        wSd = Math.max(wSd, sd[j].length());
        wMin = Math.max(wMin, min[j].length());
        wMax = Math.max(wMax, max[j].length());
      }
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "variable", "type", "missing", "notes", "summary"});
    for (int j = 0; j < n; j++) {
      VariableSummary v = vars.get(j);
      String summary;
      if (v.type() == VariableType.CONTINUOUS) {
        summary = "mean " + padLeft(mean[j], wMean) + "  sd " + padLeft(sd[j], wSd) + "  min "
            + padLeft(min[j], wMin) + "  max " + padLeft(max[j], wMax);
      } else {
        summary = v.levels().size() + (v.levels().size() == 1 ? " level: " : " levels: ")
            + levelList(v.levels(), v.type() == VariableType.ORDINAL ? " < " : " · ");
      }
      rows.add(new String[] {
        Integer.toString(j + 1),
        abbreviate(v.name()),
        v.type().name().toLowerCase(Locale.ROOT),
        missing(v.missing(), s.rows()),
        notes(v),
        summary
      });
    }
    boolean anyNotes = vars.stream().anyMatch(v -> !v.flags().isEmpty());
    int[] width = new int[6];
    for (String[] r : rows) {
      for (int k = 0; k < r.length; k++) {
        width[k] = Math.max(width[k], r[k].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      line.append(padLeft(r[0], width[0])).append("  ").append(padRight(r[1], width[1]))
          .append("  ").append(padRight(r[2], width[2])).append("  ")
          .append(padLeft(r[3], width[3])).append("  ");
      if (anyNotes) {
        line.append(padRight(r[4], width[4])).append("  ");
      }
      line.append(r[5]);
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String missing(int count, int rows) {
    if (count == 0) {
      return "0";
    }
    double pct = 100.0 * count / rows;
    String p = pct < 0.1 ? "<0.1" : pct >= 99.95 && count < rows ? ">99.9"
        : String.format(Locale.ROOT, "%.1f", pct);
    return count + " (" + p + "%)";
  }

  private static String notes(VariableSummary v) {
    List<String> notes = new ArrayList<>();
    for (Flag f : v.flags()) {
      switch (f) {
        case CONSTANT:
          notes.add("constant");
          break;
        case NEARLY_CONSTANT:
          notes.add("nearly constant (" + percent(v.topShare()) + " one value)");
          break;
        case MOSTLY_MISSING:
          notes.add("mostly missing");
          break;
        case IDENTIFIER:
          notes.add("identifier-like");
          break;
        case MANY_LEVELS:
          notes.add("many levels");
          break;
        case UNUSED_LEVEL:
          notes.add("unused level");
          break;
        case DUPLICATE:
          notes.add("same as " + v.duplicateOf());
          break;
        default:
          throw new IllegalStateException(f.toString());
      }
    }
    return String.join(", ", notes);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /**
   * Levels with their counts, in level order, as many as fit in about {@value #LEVELS_WIDTH}
   * characters (always at least one), then how many more there are.
   */
  private static String levelList(List<LevelCount> levels, String separator) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < levels.size(); k++) {
      String item = abbreviate(levels.get(k).level()) + " " + levels.get(k).count();
      String more = separator + "… " + (levels.size() - k) + " more";
      if (k > 0 && sb.length() + separator.length() + item.length()
          + (k < levels.size() - 1 ? more.length() : 0) > LEVELS_WIDTH) {
        sb.append(more);
        break;
      }
      if (k > 0) {
        sb.append(separator);
      }
      sb.append(item);
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return oneLine.length() <= MAX_NAME_WIDTH
        ? oneLine
        : oneLine.substring(0, MAX_NAME_WIDTH - 1) + "…";
  }

  /** A number with four significant digits, integers as integers, very large or small in e-notation. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e7) {
      return Long.toString((long) v);
    }
    if (a >= 1e7 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String wrap(String first, String rest, String text) {
    StringBuilder sb = new StringBuilder();
    String prefix = first;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > 100) {
        sb.append(prefix).append(line).append('\n');
        prefix = rest;
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    sb.append(prefix).append(line).append('\n');
    return sb.toString();
  }

  // ---- json ------------------------------------------------------------------------------------

  static String json(DatasetSummary s, String source, String how, String rule) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("source", source);
    root.put("format", how);
    root.put("rows", s.rows());
    root.put("columns", s.columns());
    ObjectNode types = root.putObject("types");
    types.put("continuous", s.continuous());
    types.put("discrete", s.discrete());
    types.put("ordinal", s.ordinal());
    root.put("missingCells", s.missingCells());
    root.put("completeRows", s.completeRows());
    if (s.domain() == null) {
      root.putNull("domain");
    } else {
      ObjectNode d = root.putObject("domain");
      d.put("name", s.domain().name());
      levels(d.putArray("levels"), s.domain().levels());
    }
    if (s.time() == null) {
      root.putNull("time");
    } else {
      ObjectNode t = root.putObject("time");
      t.put("name", s.time().name());
      t.put("min", s.time().min());
      t.put("max", s.time().max());
      t.put("inTimeOrder", s.time().nonDecreasing());
    }
    ArrayNode vars = root.putArray("variables");
    for (VariableSummary v : s.variables()) {
      ObjectNode o = vars.addObject();
      o.put("name", v.name());
      o.put("type", v.type().name().toLowerCase(Locale.ROOT));
      o.put("missing", v.missing());
      o.put("distinct", v.distinct());
      if (v.type() == VariableType.CONTINUOUS) {
        putNumber(o, "mean", v.mean());
        putNumber(o, "sd", v.sd());
        putNumber(o, "min", v.min());
        putNumber(o, "max", v.max());
      } else {
        levels(o.putArray("levels"), v.levels());
      }
      ArrayNode flags = o.putArray("flags");
      v.flags().forEach(f -> flags.add(f.name().toLowerCase(Locale.ROOT)));
      if (v.duplicateOf() != null) {
        o.put("duplicateOf", v.duplicateOf());
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    s.warnings().forEach(warnings::add);
    root.put("detectionRule", rule);
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void levels(ArrayNode into, List<LevelCount> levels) {
    for (LevelCount l : levels) {
      into.addObject().put("level", l.level()).put("count", l.count());
    }
  }

  private static void putNumber(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) {
      o.putNull(name);
    } else {
      o.put(name, v);
    }
  }

  /** Accepts {@code text} and {@code json} in any case. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use text or json");
      }
    }
  }
}
