package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Collects one column's values as they are read and decides its type at the end, following the
 * rule in {@link DataReader}.
 *
 * <p>Numbers go straight into a {@code double[]}; strings are kept only once the column has shown
 * text, dictionary-encoded as they come. A column that shows text after it has already held
 * numbers cannot be rebuilt from the parsed doubles without changing the text ({@code 01} and
 * {@code 1} would merge), so it is marked {@link #needsTextPass()} and the reader reads that column
 * again as text.
 */
final class ColumnAccumulator {
  /** What the column becomes. */
  enum Role {
    VARIABLE,
    DOMAIN,
    TIME
  }

  /** The type the user asked for, or {@link #AUTO} for detection. */
  enum Kind {
    AUTO,
    CONTINUOUS,
    DISCRETE,
    ORDINAL
  }

  /**
   * Level order for categorical text: values that are numbers first, in numeric order, then the
   * rest alphabetically (ignoring case first, then by case). So {@code no < yes}, {@code 2 < 10}.
   */
  static final Comparator<String> NATURAL_ORDER =
      (a, b) -> {
        double x = NumberParser.parse(a);
        double y = NumberParser.parse(b);
        boolean xn = !Double.isNaN(x);
        boolean yn = !Double.isNaN(y);
        if (xn && yn) {
          int c = Double.compare(x + 0.0, y + 0.0);
          return c != 0 ? c : a.compareTo(b);
        }
        if (xn != yn) {
          return xn ? -1 : 1;
        }
        int c = a.compareToIgnoreCase(b);
        return c != 0 ? c : a.compareTo(b);
      };

  private final String name;
  private final Role role;
  private final Kind kind;
  private final List<String> givenLevels;
  private final int maxLevels;
  private final MissingTokens tokens;
  private final String source;
  private final IntFunction<String> locate;

  private int rows;
  private final BitSet missing = new BitSet();
  private int present;

  private double[] values;
  private boolean allIntegers = true;
  private int distinctCount;
  private double[] distinct;
  private int nonFiniteRow = -1;
  private String nonFiniteText;

  private boolean text;
  private int[] codes;
  private Map<String, Integer> dictionary;
  private List<String> dictionaryLevels;

  private boolean needsTextPass;

  /**
   * @param locate describes a row for messages ("line 7" or "row 7 of the query result")
   * @param forceText collect strings from the start (a second pass, or ordinal levels given)
   */
  ColumnAccumulator(
      String name,
      Role role,
      Kind kind,
      List<String> givenLevels,
      int maxLevels,
      MissingTokens tokens,
      String source,
      IntFunction<String> locate,
      int capacity,
      boolean forceText) {
    this.name = name;
    this.role = role;
    this.kind = kind;
    this.givenLevels = givenLevels;
    this.maxLevels = maxLevels;
    this.tokens = tokens;
    this.source = source;
    this.locate = locate;
    this.distinct = new double[Math.min(maxLevels + 1, 16)];
    int cap = Math.max(16, capacity);
    if (forceText || !givenLevels.isEmpty()) {
      startText(cap);
    } else {
      values = new double[cap];
    }
  }

  String name() {
    return name;
  }

  Role role() {
    return role;
  }

  /** True when the column showed text after numbers; its strings must be read in a second pass. */
  boolean needsTextPass() {
    return needsTextPass;
  }

  int rows() {
    return rows;
  }

  /** Adds one field, {@code buf[off, off+len)} as the parser saw it. */
  void add(char[] buf, int off, int len) {
    int end = off + len;
    while (off < end && buf[off] <= ' ') {
      off++;
    }
    while (end > off && buf[end - 1] <= ' ') {
      end--;
    }
    len = end - off;
    if (tokens.matches(buf, off, len)) {
      addMissing();
      return;
    }
    if (needsTextPass) {
      rows++;
      return;
    }
    if (text) {
      addText(new String(buf, off, len));
      return;
    }
    double v = NumberParser.parse(buf, off, len);
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      addNumber(v);
    } else if (Double.isInfinite(v) || NumberParser.isNonFinite(buf, off, len)) {
      addNonFinite(new String(buf, off, len));
    } else {
      textAmongNumbers(new String(buf, off, len));
    }
  }

  /** Adds a value from a typed (numeric) source such as a DuckDB column. */
  void addDouble(double v) {
    if (Double.isNaN(v) && tokens.includesNaN()) {
      addMissing();
    } else if (text) {
      addText(DataReader.formatNumber(v));
    } else if (Double.isNaN(v) || Double.isInfinite(v)) {
      addNonFinite(Double.toString(v));
    } else {
      addNumber(v);
    }
  }

  /** Adds a missing value (an SQL {@code NULL}, or a missing-value token). */
  void addMissing() {
    ensureCapacity();
    missing.set(rows);
    if (text) {
      codes[rows] = -1;
    } else if (values != null) {
      values[rows] = Double.NaN;
    }
    rows++;
  }

  private void addNumber(double v) {
    ensureCapacity();
    values[rows++] = v;
    present++;
    if (allIntegers && kind == Kind.AUTO && role == Role.VARIABLE) {
      if (v != Math.rint(v) || Math.abs(v) > 1e15) {
        allIntegers = false;
      } else if (distinctCount <= maxLevels) {
        noteDistinct(v + 0.0);
      }
    }
  }

  /** Keeps the distinct integers seen so far sorted, until there are more than maxLevels. */
  private void noteDistinct(double v) {
    int at = Arrays.binarySearch(distinct, 0, distinctCount, v);
    if (at >= 0) {
      return;
    }
    int insert = -at - 1;
    if (distinctCount == distinct.length) {
      distinct = Arrays.copyOf(distinct, Math.min(maxLevels + 1, distinct.length * 2));
    }
    System.arraycopy(distinct, insert, distinct, insert + 1, distinctCount - insert);
    distinct[insert] = v;
    distinctCount++;
  }

  private void addNonFinite(String token) {
    if (nonFiniteRow < 0) {
      nonFiniteRow = rows;
      nonFiniteText = token;
    }
    ensureCapacity();
    values[rows++] = Double.NaN;
    present++;
  }

  private void textAmongNumbers(String token) {
    if (kind == Kind.CONTINUOUS) {
      throw new InvalidInputException(
          "column '" + name + "'" + in() + " is read as continuous (--continuous) but has the"
              + " value '" + token + "' at " + locate.apply(rows) + "; correct or remove that"
              + " value, mark it as missing (--missing-values), or drop '" + name
              + "' from --continuous");
    }
    if (role == Role.TIME) {
      throw new InvalidInputException(
          "the time column '" + name + "'" + in() + " has the value '" + token + "' at "
              + locate.apply(rows) + "; time stamps must be numbers (e.g. 1, 2, 3 or seconds)");
    }
    if (present == 0) {
      // Only missing values so far: nothing is lost by switching to text now.
      int n = rows;
      values = null;
      startText(Math.max(16, n * 2));
      Arrays.fill(codes, 0, n, -1);
      addText(token);
    } else {
      needsTextPass = true;
      values = null;
      rows++;
    }
  }

  private void startText(int capacity) {
    text = true;
    codes = new int[capacity];
    dictionary = new HashMap<>();
    dictionaryLevels = new ArrayList<>();
  }

  private void addText(String token) {
    ensureCapacity();
    Integer code = dictionary.get(token);
    if (code == null) {
      code = dictionaryLevels.size();
      dictionary.put(token, code);
      dictionaryLevels.add(token);
    }
    codes[rows++] = code;
    present++;
  }

  private void ensureCapacity() {
    if (text) {
      if (rows == codes.length) {
        codes = Arrays.copyOf(codes, grow(codes.length));
      }
    } else if (values != null && rows == values.length) {
      values = Arrays.copyOf(values, grow(values.length));
    }
  }

  private static int grow(int length) {
    long n = (long) length + (length >> 1) + 16;
    if (n > Integer.MAX_VALUE - 16) {
      throw new InvalidInputException("more than " + length + " rows; causal4j reads at most"
          + " about 2 billion rows from one file");
    }
    return (int) n;
  }

  /** Adds this column, now complete with {@code n} rows, to the dataset being built. */
  void finishInto(Dataset.Builder builder, Delimiter delimiter) {
    checkComplete();
    if (text) {
      checkDecimalCommas(delimiter);
      if (!givenLevels.isEmpty()) {
        builder.addOrdinal(name, remapToGivenLevels(), givenLevels);
        return;
      }
      if (kind == Kind.CONTINUOUS) {
        throw new IllegalStateException("text in a continuous column was not rejected");
      }
      List<String> levels = new ArrayList<>(dictionaryLevels);
      if (kind == Kind.ORDINAL) {
        throw new InvalidInputException(
            "--ordinal " + name + ": the levels of '" + name + "'" + in() + " are text ("
                + abbreviate(sorted(levels)) + "), whose order causal4j cannot guess; give it,"
                + " lowest first, e.g. --ordinal '" + name + "=" + String.join(",", sorted(levels))
                + "'");
      }
      int[] c = remapToSortedLevels(levels);
      builder.addDiscrete(name, c, levels);
      return;
    }
    checkFinite();
    double[] v = trimmed(values);
    boolean categorical =
        kind == Kind.DISCRETE
            || kind == Kind.ORDINAL
            || (kind == Kind.AUTO && allIntegers && distinctCount <= maxLevels);
    if (!categorical) {
      builder.addContinuous(name, v, missing);
      return;
    }
    double[] levelValues = distinctSorted(v);
    List<String> levels = new ArrayList<>(levelValues.length);
    for (double x : levelValues) {
      levels.add(DataReader.formatNumber(x));
    }
    int[] c = new int[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = missing.get(i) ? -1 : Arrays.binarySearch(levelValues, v[i] + 0.0);
    }
    if (kind == Kind.ORDINAL) {
      builder.addOrdinal(name, c, levels);
    } else {
      builder.addDiscrete(name, c, levels);
    }
  }

  /** The environment labels of a domain column. */
  DomainColumn finishDomain(Delimiter delimiter) {
    checkComplete();
    checkNoneMissing("domain", "every row needs an environment");
    if (text) {
      checkDecimalCommas(delimiter);
      List<String> levels = new ArrayList<>(dictionaryLevels);
      int[] c = remapToSortedLevels(levels);
      return new DomainColumn(name, c, levels);
    }
    checkFinite();
    double[] v = trimmed(values);
    double[] levelValues = distinctSorted(v);
    List<String> levels = new ArrayList<>(levelValues.length);
    for (double x : levelValues) {
      levels.add(DataReader.formatNumber(x));
    }
    int[] c = new int[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = Arrays.binarySearch(levelValues, v[i] + 0.0);
    }
    return new DomainColumn(name, c, levels);
  }

  /** The time stamps of a time column. */
  TimeColumn finishTime() {
    checkComplete();
    checkNoneMissing("time", "every row needs a time stamp");
    checkFinite();
    return new TimeColumn(name, trimmed(values));
  }

  private void checkComplete() {
    if (needsTextPass) {
      throw new IllegalStateException("column '" + name + "' needs its text pass first");
    }
    if (present == 0) {
      throw new InvalidInputException(
          "column '" + name + "'" + in() + " has no values: all " + rows + " rows are missing;"
              + " drop it (--drop " + name + ") or check the missing-value tokens"
              + " (--missing-values)");
    }
  }

  private void checkNoneMissing(String what, String why) {
    int first = missing.nextSetBit(0);
    if (first >= 0) {
      throw new InvalidInputException(
          "the " + what + " column '" + name + "'" + in() + " has a missing value at "
              + locate.apply(first) + "; " + why + ": fill it in or remove the row");
    }
  }

  private void checkFinite() {
    if (nonFiniteRow >= 0) {
      throw new InvalidInputException(
          "column '" + name + "'" + in() + " has the value '" + nonFiniteText + "' at "
              + locate.apply(nonFiniteRow) + ", which is not a finite number; mark such values"
              + " as missing (" + tokens.optionWith(nonFiniteText) + ") or remove the row");
    }
  }

  /**
   * With a semicolon or tab delimiter, a column of numbers written with decimal commas would
   * otherwise become a discrete variable with one level per value: refuse it instead.
   */
  private void checkDecimalCommas(Delimiter delimiter) {
    if (delimiter == null || delimiter == Delimiter.COMMA) {
      return;
    }
    String example = null;
    for (String level : dictionaryLevels) {
      if (!level.matches("[+-]?[0-9]+(,[0-9]+)?")) {
        return;
      }
      if (example == null && level.indexOf(',') >= 0) {
        example = level;
      }
    }
    if (example != null) {
      throw new InvalidInputException(
          "column '" + name + "'" + in() + " holds numbers written with a decimal comma (e.g. '"
              + example + "'); causal4j reads decimal points: save the file with '.' as the"
              + " decimal separator");
    }
  }

  private int[] remapToSortedLevels(List<String> levels) {
    Integer[] order = new Integer[levels.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> NATURAL_ORDER.compare(levels.get(a), levels.get(b)));
    int[] newCode = new int[order.length];
    List<String> sortedLevels = new ArrayList<>(order.length);
    for (int k = 0; k < order.length; k++) {
      newCode[order[k]] = k;
      sortedLevels.add(levels.get(order[k]));
    }
    levels.clear();
    levels.addAll(sortedLevels);
    int[] c = new int[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = codes[i] < 0 ? -1 : newCode[codes[i]];
    }
    return c;
  }

  private int[] remapToGivenLevels() {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < givenLevels.size(); k++) {
      index.put(givenLevels.get(k), k);
    }
    int[] newCode = new int[dictionaryLevels.size()];
    for (int k = 0; k < newCode.length; k++) {
      Integer j = index.get(dictionaryLevels.get(k));
      if (j == null) {
        int firstRow = 0;
        while (codes[firstRow] != k) {
          firstRow++;
        }
        throw new InvalidInputException(
            "column '" + name + "'" + in() + " has the value '" + dictionaryLevels.get(k) + "' at "
                + locate.apply(firstRow) + ", which is not one of the levels given with --ordinal ("
                + abbreviate(givenLevels) + "); add it to the list or mark it as missing");
      }
      newCode[k] = j;
    }
    int[] c = new int[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = codes[i] < 0 ? -1 : newCode[codes[i]];
    }
    return c;
  }

  private double[] trimmed(double[] a) {
    return a.length == rows ? a : Arrays.copyOf(a, rows);
  }

  private double[] distinctSorted(double[] v) {
    double[] p = new double[present];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (!missing.get(i)) {
        p[k++] = v[i] + 0.0;
      }
    }
    Arrays.sort(p);
    int u = 0;
    for (int i = 0; i < p.length; i++) {
      if (i == 0 || p[i] != p[u - 1]) {
        p[u++] = p[i];
      }
    }
    return Arrays.copyOf(p, u);
  }

  private static List<String> sorted(List<String> levels) {
    List<String> s = new ArrayList<>(levels);
    s.sort(NATURAL_ORDER);
    return s;
  }

  private static String abbreviate(List<String> levels) {
    if (levels.size() <= 8) {
      return String.join(", ", levels);
    }
    return String.join(", ", levels.subList(0, 8)) + ", … (" + levels.size() + " in all)";
  }

  private String in() {
    return source == null ? "" : " in " + source;
  }
}
