package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What to do with each column of a header: checks the names (none empty, none twice, every name
 * the options mention present), then gives each column its role, its requested type, or nothing
 * when it is left out.
 */
final class ColumnPlan {
  private final List<String> names;
  private final ReadOptions options;
  private final String source;
  private final int[] variableOrder;
  private final int domainColumn;
  private final int timeColumn;
  private final boolean[] used;

  private ColumnPlan(List<String> names, ReadOptions options, String source) {
    this.names = names;
    this.options = options;
    this.source = source;
    Map<String, Integer> position = new HashMap<>();
    for (int j = 0; j < names.size(); j++) {
      position.put(names.get(j), j);
    }
    used = new boolean[names.size()];
    domainColumn = options.domain().map(position::get).orElse(-1);
    timeColumn = options.time().map(position::get).orElse(-1);
    List<Integer> order = new ArrayList<>();
    if (options.columns().isEmpty()) {
      for (int j = 0; j < names.size(); j++) {
        if (j != domainColumn && j != timeColumn && !options.drop().contains(names.get(j))) {
          order.add(j);
        }
      }
    } else {
      for (String c : options.columns()) {
        int j = position.get(c);
        if (j != domainColumn && j != timeColumn && !options.drop().contains(c)) {
          order.add(j);
        }
      }
    }
    variableOrder = order.stream().mapToInt(Integer::intValue).toArray();
    for (int j : variableOrder) {
      used[j] = true;
    }
    if (domainColumn >= 0) {
      used[domainColumn] = true;
    }
    if (timeColumn >= 0) {
      used[timeColumn] = true;
    }
  }

  /**
   * Checks a header against the options.
   *
   * @param fromText true for a text file, whose first line could be data by mistake
   */
  static ColumnPlan of(List<String> header, ReadOptions options, String source, boolean fromText) {
    String in = source == null ? "" : " of " + source;
    if (header.isEmpty()) {
      throw new InvalidInputException("the header" + in + " has no column names");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < header.size(); j++) {
      String n = header.get(j);
      if (n.isEmpty()) {
        String hint = j == header.size() - 1 && j > 0
            ? " (a delimiter at the end of the header line?)"
            : "";
        throw new InvalidInputException(
            "column " + (j + 1) + " in the header" + in + " has no name" + hint
                + "; give every column a name");
      }
      Integer previous = seen.putIfAbsent(n, j);
      if (previous != null) {
        throw new InvalidInputException(
            "the column name '" + n + "' appears twice in the header" + in + " (columns "
                + (previous + 1) + " and " + (j + 1) + "); give every column a distinct name");
      }
    }
    if (fromText && looksNumeric(header)) {
      throw new InvalidInputException(
          "the first line" + in + " holds numbers (" + abbreviate(header)
              + "), not column names; causal4j needs a header row naming the columns: add one,"
              + " e.g. " + exampleHeader(header.size()));
    }
    for (Map.Entry<String, String> e : options.mentionedColumns().entrySet()) {
      if (!seen.containsKey(e.getKey())) {
        throw new InvalidInputException(unknownColumn(e.getKey(), e.getValue(), header, source));
      }
    }
    ColumnPlan plan = new ColumnPlan(header, options, source);
    if (plan.variableOrder.length == 0) {
      throw new InvalidInputException(
          "no variables are left" + (source == null ? "" : " in " + source)
              + " after taking out the columns chosen by --columns, --drop, --domain and --time;"
              + " keep at least one");
    }
    return plan;
  }

  int width() {
    return names.size();
  }

  /** Header positions of the variables, in the order they will have in the dataset. */
  int[] variableOrder() {
    return variableOrder;
  }

  int domainColumn() {
    return domainColumn;
  }

  int timeColumn() {
    return timeColumn;
  }

  boolean isUsed(int column) {
    return used[column];
  }

  /** A fresh accumulator for a used column. */
  ColumnAccumulator accumulator(
      int column, MissingTokens tokens, IntFunction<String> locate, int capacity, boolean text) {
    String name = names.get(column);
    ColumnAccumulator.Role role =
        column == domainColumn
            ? ColumnAccumulator.Role.DOMAIN
            : column == timeColumn ? ColumnAccumulator.Role.TIME : ColumnAccumulator.Role.VARIABLE;
    ColumnAccumulator.Kind kind = ColumnAccumulator.Kind.AUTO;
    List<String> levels = List.of();
    if (options.continuous().contains(name)) {
      kind = ColumnAccumulator.Kind.CONTINUOUS;
    } else if (options.discrete().contains(name)) {
      kind = ColumnAccumulator.Kind.DISCRETE;
    } else if (options.ordinal().containsKey(name)) {
      kind = ColumnAccumulator.Kind.ORDINAL;
      levels = options.ordinal().get(name);
    }
    return new ColumnAccumulator(
        name, role, kind, levels, options.maxLevels(), tokens, source, locate, capacity, text);
  }

  /** Builds the dataset from complete accumulators (indexed by header position). */
  Dataset assemble(ColumnAccumulator[] columns, int rows, Delimiter delimiter) {
    Dataset.Builder b = Dataset.builder(rows).source(source);
    for (int j : variableOrder) {
      columns[j].finishInto(b, delimiter);
    }
    if (domainColumn >= 0) {
      b.domain(columns[domainColumn].finishDomain(delimiter));
    }
    if (timeColumn >= 0) {
      b.time(columns[timeColumn].finishTime());
    }
    return b.build();
  }

  private static boolean looksNumeric(List<String> header) {
    for (String n : header) {
      if (Double.isNaN(NumberParser.parse(n))) {
        return false;
      }
    }
    return true;
  }

  private static String exampleHeader(int width) {
    StringBuilder sb = new StringBuilder();
    for (int j = 1; j <= Math.min(width, 3); j++) {
      sb.append(j > 1 ? "," : "").append('X').append(j);
    }
    if (width > 3) {
      sb.append(",…,X").append(width);
    }
    return sb.toString();
  }

  /**
   * The message for a column name that is not in the data, with the names that look like it: the
   * same but for case or blanks, containing it, or within a few edits of it.
   */
  static String unknownColumn(String name, String option, List<String> header, String source) {
    Set<String> close = new LinkedHashSet<>();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String h : header) {
      if (h.equalsIgnoreCase(name)) {
        close.add(h);
      }
    }
    for (String h : header) {
      String hl = h.toLowerCase(Locale.ROOT);
      int limit = Math.max(1, Math.min(3, name.length() / 3));
      if (editDistance(lower, hl, limit) <= limit
          || (lower.length() >= 3 && hl.contains(lower))
          || (hl.length() >= 3 && lower.contains(hl))) {
        close.add(h);
      }
      if (close.size() >= 5) {
        break;
      }
    }
    String in = source == null ? "" : " in " + source;
    String hint =
        close.isEmpty()
            ? "; the columns are " + abbreviate(header)
            : "; did you mean " + String.join(" or ", close.stream().map(s -> "'" + s + "'").toList())
                + "?";
    return option + " names '" + name + "', which is not a column" + in + hint
        + " (names are case-sensitive)";
  }

  /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
  static int editDistance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String abbreviate(List<String> names) {
    if (names.size() <= 12) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 12)) + ", … (" + names.size() + " in all)";
  }
}
