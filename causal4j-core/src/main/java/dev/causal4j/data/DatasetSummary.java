package dev.causal4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A first look at a dataset, as {@code causal4j describe} shows it: its shape, and per variable
 * the type, missing count, level counts or mean/sd/min/max, and flags for what will trouble a
 * causal method (constant columns, identifiers, identical columns, mostly missing columns).
 *
 * @param source where the data came from, or empty
 * @param rows number of rows
 * @param continuous number of continuous variables
 * @param discrete number of discrete variables
 * @param ordinal number of ordinal variables
 * @param missingCells missing values over all variables
 * @param completeRows rows with no missing value
 * @param domain the domain column's levels and counts, or null
 * @param time the time column's range, or null
 * @param variables one summary per variable, in column order
 * @param warnings sentences about what to fix or keep in mind, most important first
 */
public record DatasetSummary(
    String source,
    int rows,
    int continuous,
    int discrete,
    int ordinal,
    long missingCells,
    int completeRows,
    DomainSummary domain,
    TimeSummary time,
    List<VariableSummary> variables,
    List<String> warnings) {

  /** Share of the present values above which a variable is flagged nearly constant. */
  public static final double NEARLY_CONSTANT_SHARE = 0.99;

  /** Share of missing rows above which a variable is flagged mostly missing. */
  public static final double MOSTLY_MISSING_SHARE = 0.5;

  /** Level count above which a categorical variable is flagged as having many levels. */
  public static final int MANY_LEVELS = 20;

  public DatasetSummary {
    variables = List.copyOf(variables);
    warnings = List.copyOf(warnings);
  }

  /** Number of variables. */
  public int columns() {
    return variables.size();
  }

  /** What may trouble a method that uses a variable. */
  public enum Flag {
    /** At most one distinct present value. */
    CONSTANT,
    /** One value holds at least {@link #NEARLY_CONSTANT_SHARE} of the present rows. */
    NEARLY_CONSTANT,
    /** More than {@link #MOSTLY_MISSING_SHARE} of the rows are missing. */
    MOSTLY_MISSING,
    /** Categorical with a different level in (nearly) every row: an identifier, not a variable. */
    IDENTIFIER,
    /** Categorical with more than {@link #MANY_LEVELS} levels: contingency tables get sparse. */
    MANY_LEVELS,
    /** A declared level that no row takes. */
    UNUSED_LEVEL,
    /** The same values, row by row, as an earlier variable. */
    DUPLICATE
  }

  /** A categorical level and the number of rows that take it. */
  public record LevelCount(String level, int count) {}

  /**
   * One variable. For continuous variables {@code mean}, {@code sd} (with divisor n−1), {@code min}
   * and {@code max} are set and {@code levels} is empty; for categorical ones the four numbers are
   * {@code NaN} and {@code levels} holds every level in order with its count.
   *
   * @param distinct number of distinct present values
   * @param topShare share of the present rows taken by the most frequent value
   * @param duplicateOf the earlier variable with the same values, or null
   */
  public record VariableSummary(
      String name,
      VariableType type,
      int missing,
      double mean,
      double sd,
      double min,
      double max,
      List<LevelCount> levels,
      int distinct,
      double topShare,
      Set<Flag> flags,
      String duplicateOf) {
    public VariableSummary {
      levels = List.copyOf(levels);
      flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }
  }

  /** The domain (environment) column: its levels with their row counts. */
  public record DomainSummary(String name, List<LevelCount> levels) {
    public DomainSummary {
      levels = List.copyOf(levels);
    }
  }

  /**
   * The time column's range, and whether the rows are in time order (within each environment
   * when there is a domain column).
   */
  public record TimeSummary(String name, double min, double max, boolean nonDecreasing) {}

  /** Summarises a dataset (one pass per column, plus a sort per continuous column). */
  public static DatasetSummary of(Dataset data) {
    int n = data.rows();
    int p = data.columns();
    List<VariableSummary> vars = new ArrayList<>(p);
    int[] byType = new int[VariableType.values().length];
    long missingCells = 0;
    Map<Long, List<Integer>> byHash = new HashMap<>();
    for (int j = 0; j < p; j++) {
      Variable v = data.variable(j);
      byType[v.type().ordinal()]++;
      missingCells += data.missingCount(j);
      String duplicateOf = null;
      // Constant columns are flagged as such; that they equal each other adds nothing.
      if (!DataChecks.isConstant(data, j)) {
        List<Integer> same = byHash.computeIfAbsent(contentHash(data, j), k -> new ArrayList<>());
        for (int k : same) {
          if (sameContent(data, k, j)) {
            duplicateOf = data.variable(k).name();
            break;
          }
        }
        same.add(j);
      }
      vars.add(v.isContinuous() ? continuous(data, j, duplicateOf) : categorical(data, j,
          duplicateOf));
    }
    DomainSummary domain = data.domain().map(DatasetSummary::domain).orElse(null);
    TimeSummary time = data.time().map(t -> time(t, data.domain().orElse(null))).orElse(null);
    int complete = data.completeRows().length;
    List<String> warnings = warnings(data, vars, complete, time);
    return new DatasetSummary(
        data.source().orElse(""),
        n,
        byType[VariableType.CONTINUOUS.ordinal()],
        byType[VariableType.DISCRETE.ordinal()],
        byType[VariableType.ORDINAL.ordinal()],
        missingCells,
        complete,
        domain,
        time,
        vars,
        warnings);
  }

  private static VariableSummary continuous(Dataset data, int j, String duplicateOf) {
    double[] x = data.doubles(j);
    int n = data.rows();
    int missing = data.missingCount(j);
    double[] present = new double[n - missing];
    int k = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!data.isMissing(i, j)) {
        present[k++] = x[i];
        sum += x[i];
      }
    }
    double mean = sum / k;
    double ss = 0;
    for (double value : present) {
      double d = value - mean;
      ss += d * d;
    }
    double sd = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
    Arrays.sort(present);
    int distinct = 0;
    int run = 0;
    int topRun = 0;
    for (int i = 0; i < k; i++) {
      if (i == 0 || present[i] != present[i - 1]) {
        distinct++;
        run = 0;
      }
      run++;
      topRun = Math.max(topRun, run);
    }
    double topShare = k == 0 ? 1 : (double) topRun / k;
    Set<Flag> flags = flags(distinct, topShare, missing, data.rows(), duplicateOf);
    return new VariableSummary(
        data.variable(j).name(),
        VariableType.CONTINUOUS,
        missing,
        k == 0 ? Double.NaN : mean,
        sd,
        k == 0 ? Double.NaN : present[0],
        k == 0 ? Double.NaN : present[k - 1],
        List.of(),
        distinct,
        topShare,
        flags,
        duplicateOf);
  }

  private static VariableSummary categorical(Dataset data, int j, String duplicateOf) {
    Variable v = data.variable(j);
    int[] c = data.codes(j);
    int[] counts = new int[v.levelCount()];
    int present = 0;
    for (int code : c) {
      if (code >= 0) {
        counts[code]++;
        present++;
      }
    }
    List<LevelCount> levels = new ArrayList<>(counts.length);
    int distinct = 0;
    int top = 0;
    boolean unused = false;
    for (int k = 0; k < counts.length; k++) {
      levels.add(new LevelCount(v.levels().get(k), counts[k]));
      if (counts[k] > 0) {
        distinct++;
      } else {
        unused = true;
      }
      top = Math.max(top, counts[k]);
    }
    double topShare = present == 0 ? 1 : (double) top / present;
    int missing = data.missingCount(j);
    Set<Flag> flags = flags(distinct, topShare, missing, data.rows(), duplicateOf);
    if (distinct > MANY_LEVELS) {
      flags.add(distinct >= 0.9 * present ? Flag.IDENTIFIER : Flag.MANY_LEVELS);
    }
    if (unused) {
      flags.add(Flag.UNUSED_LEVEL);
    }
    return new VariableSummary(
        v.name(), v.type(), missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, levels,
        distinct, topShare, flags, duplicateOf);
  }

  private static Set<Flag> flags(
      int distinct, double topShare, int missing, int rows, String duplicateOf) {
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    if (distinct <= 1) {
      flags.add(Flag.CONSTANT);
    } else if (topShare >= NEARLY_CONSTANT_SHARE) {
      flags.add(Flag.NEARLY_CONSTANT);
    }
    if (missing > MOSTLY_MISSING_SHARE * rows) {
      flags.add(Flag.MOSTLY_MISSING);
    }
    if (duplicateOf != null) {
      flags.add(Flag.DUPLICATE);
    }
    return flags;
  }

  private static DomainSummary domain(DomainColumn d) {
    int[] counts = new int[d.levels().size()];
    for (int label : d.labels()) {
      counts[label]++;
    }
    List<LevelCount> levels = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      levels.add(new LevelCount(d.levels().get(k), counts[k]));
    }
    return new DomainSummary(d.name(), levels);
  }

  /** With a domain column, time order is checked within each environment (panel data). */
  private static TimeSummary time(TimeColumn t, DomainColumn domain) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : t.values()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    boolean ordered = TimeOrder.firstViolation(t, domain, false).isEmpty();
    return new TimeSummary(t.name(), min, max, ordered);
  }

  private static List<String> warnings(
      Dataset data, List<VariableSummary> vars, int complete, TimeSummary time) {
    List<String> w = new ArrayList<>();
    List<String> constant = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    List<String> nearlyConstant = new ArrayList<>();
    List<String> mostlyMissing = new ArrayList<>();
    List<String> manyLevels = new ArrayList<>();
    for (VariableSummary v : vars) {
      if (v.flags().contains(Flag.CONSTANT)) {
        constant.add(v.name());
      }
      if (v.flags().contains(Flag.IDENTIFIER)) {
        identifiers.add(v.name());
      }
      if (v.flags().contains(Flag.DUPLICATE)) {
        duplicates.add("'" + v.name() + "' = '" + v.duplicateOf() + "'");
      }
      if (v.flags().contains(Flag.NEARLY_CONSTANT)) {
        nearlyConstant.add(v.name());
      }
      if (v.flags().contains(Flag.MOSTLY_MISSING)) {
        mostlyMissing.add(v.name());
      }
      if (v.flags().contains(Flag.MANY_LEVELS)) {
        manyLevels.add(v.name());
      }
    }
    if (!constant.isEmpty()) {
      w.add("constant: " + list(constant) + "; no test or score can use a constant: leave it out"
          + " (--drop " + String.join(",", constant) + ")");
    }
    if (!identifiers.isEmpty()) {
      w.add("identifier-like (a different value in nearly every row): " + list(identifiers)
          + "; leave out (--drop " + String.join(",", identifiers) + "), or use as --domain if it"
          + " names environments");
    }
    if (!duplicates.isEmpty()) {
      w.add("identical columns: " + String.join(", ", duplicates) + "; their covariance is"
          + " singular: leave one of each pair out");
    }
    if (!nearlyConstant.isEmpty()) {
      w.add("nearly constant (one value in ≥ " + Math.round(NEARLY_CONSTANT_SHARE * 100)
          + "% of rows): " + list(nearlyConstant) + "; tests involving them have little power");
    }
    if (!mostlyMissing.isEmpty()) {
      w.add("mostly missing (over " + Math.round(MOSTLY_MISSING_SHARE * 100) + "% of rows): "
          + list(mostlyMissing));
    }
    if (!manyLevels.isEmpty()) {
      w.add("many levels (over " + MANY_LEVELS + "): " + list(manyLevels)
          + "; discrete tests need many rows per level: consider --continuous or merging levels");
    }
    if (data.hasMissing()) {
      w.add((data.rows() - complete) + " of " + data.rows() + " rows have a missing value;"
          + " methods need --missing listwise or --missing testwise");
    }
    if (data.rows() <= data.columns() && !vars.isEmpty()) {
      w.add(data.rows() + " rows for " + data.columns() + " variables: the covariance matrix is"
          + " singular; Gaussian tests conditioning on many variables will fail");
    }
    if (time != null && !time.nonDecreasing()) {
      w.add("the rows are not in the order of the time column '" + time.name() + "'"
          + (data.domain().isPresent() ? " within each environment" : ""));
    }
    return w;
  }

  private static String list(List<String> names) {
    if (names.size() <= 10) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 10)) + ", … (" + names.size() + " in all)";
  }

  private static long contentHash(Dataset data, int j) {
    long h = data.variable(j).isContinuous() ? 1 : 2;
    if (data.variable(j).isContinuous()) {
      double[] x = data.doubles(j);
      for (double v : x) {
        h = h * 31 + Double.doubleToLongBits(v + 0.0);
      }
    } else {
      h = h * 31 + data.variable(j).levels().hashCode();
      for (int c : data.codes(j)) {
        h = h * 31 + c;
      }
    }
    return h;
  }

  private static boolean sameContent(Dataset data, int a, int b) {
    Variable va = data.variable(a);
    Variable vb = data.variable(b);
    if (va.isContinuous() != vb.isContinuous()) {
      return false;
    }
    if (va.isContinuous()) {
      double[] x = data.doubles(a);
      double[] y = data.doubles(b);
      for (int i = 0; i < x.length; i++) {
        if (Double.doubleToLongBits(x[i] + 0.0) != Double.doubleToLongBits(y[i] + 0.0)) {
          return false;
        }
      }
      return true;
    }
    return va.levels().equals(vb.levels()) && Arrays.equals(data.codes(a), data.codes(b));
  }
}
