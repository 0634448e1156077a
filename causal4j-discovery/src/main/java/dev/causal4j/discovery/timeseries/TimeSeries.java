package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.DataChecks;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DomainColumn;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.data.TimeColumn;
import dev.causal4j.data.TimeOrder;
import dev.causal4j.data.Variable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Time-ordered data for the time-series searches: one or more independent series of the same
 * variables (several subjects, sites or runs: a panel), each in time order, with missing samples
 * masked. The series are treated as one sample of one stationary process: lagged samples are
 * formed within each series and never across two.
 *
 * <p><b>From a {@link Dataset}</b> ({@link #of}):
 *
 * <ul>
 *   <li>With a domain column, each environment is one series (its rows in file order); without,
 *       the whole file is one series.
 *   <li>With a time column, the rows of each series must be in strictly increasing time: a step
 *       back or a repeated stamp is refused naming both rows. The sampling step is the smallest
 *       difference between consecutive stamps; a larger difference that is a whole multiple of it
 *       is a <em>gap</em>, whose missing time points are inserted as masked samples; any other
 *       difference (irregular sampling) is refused. Without a time column, rows are taken to be
 *       consecutive time points.
 *   <li>Missing values (and gaps) follow the caller's {@link MissingPolicy}: {@code REFUSE} stops
 *       with a message naming the column or the gap; {@code LISTWISE_DELETION} masks them: every
 *       lagged sample that touches a masked time point, in any variable, is left out of the
 *       searches' tests (rows are never deleted, which would join the series across the hole);
 *       {@code TESTWISE_DELETION} leaves them in the lagged design, so each test drops only the
 *       samples missing in the variables it uses.
 *   <li>Constant variables are refused: they can neither cause nor depend on anything.
 * </ul>
 *
 * <p>Immutable. The columns are stored series after series, gaps filled with missing values.
 */
public final class TimeSeries {
  /** Gaps may add at most this many missing time points per observed one before it looks wrong. */
  private static final int MAX_GAP_RATIO = 1;

  private final Dataset data;
  private final int[] seriesStart;
  private final List<String> seriesNames;
  private final MissingPolicy missingPolicy;
  private final int maskedTimePoints;
  private final List<String> notes;

  private TimeSeries(Dataset data, int[] seriesStart, List<String> seriesNames,
      MissingPolicy missingPolicy, int maskedTimePoints, List<String> notes) {
    this.data = data;
    this.seriesStart = seriesStart;
    this.seriesNames = List.copyOf(seriesNames);
    this.missingPolicy = missingPolicy;
    this.maskedTimePoints = maskedTimePoints;
    this.notes = List.copyOf(notes);
  }

  /** One complete series from a dataset's rows in order ({@link MissingPolicy#REFUSE}). */
  public static TimeSeries of(Dataset data) {
    return of(data, MissingPolicy.REFUSE);
  }

  /**
   * The series of a dataset; see the class description.
   *
   * @throws InvalidInputException for rows out of time order, repeated time stamps, irregular
   *     sampling, missing values or gaps under {@code REFUSE}, constant variables, or too few rows
   */
  public static TimeSeries of(Dataset data, MissingPolicy policy) {
    String in = data.source().map(s -> " in " + s).orElse("");
    if (data.columns() == 0) {
      throw new InvalidInputException("the data" + in + " have no variables");
    }
    DataChecks.requireNoConstantColumns(data);
    DomainColumn domain = data.domain().orElse(null);
    TimeColumn time = data.time().orElse(null);
    int n = data.rows();
    int envs = domain == null ? 1 : domain.levels().size();
    List<String> names = new ArrayList<>();
    if (domain == null) {
      names.add("series");
    } else {
      names.addAll(domain.levels());
    }
    // Rows of each series, in file order.
    int[] count = new int[envs];
    for (int r = 0; r < n; r++) {
      count[domain == null ? 0 : domain.labels()[r]]++;
    }
    int[][] rows = new int[envs][];
    for (int s = 0; s < envs; s++) {
      rows[s] = new int[count[s]];
    }
    int[] fill = new int[envs];
    for (int r = 0; r < n; r++) {
      int s = domain == null ? 0 : domain.labels()[r];
      rows[s][fill[s]++] = r;
    }
    List<String> notes = new ArrayList<>();
    // Time order, then the sampling step and the gaps.
    int[][] gapsBefore = new int[envs][];
    int inserted = 0;
    String firstGap = null;
    int firstGapPoints = 0;
    if (time != null) {
      Optional<TimeOrder.Violation> bad = TimeOrder.firstViolation(time, domain, true);
      if (bad.isPresent()) {
        TimeOrder.Violation v = bad.get();
        String series = domain == null ? "" : " of " + domain.name() + " '"
            + domain.levels().get(domain.labels()[v.row()]) + "'";
        throw new InvalidInputException(v.isDuplicate()
            ? "the time column '" + time.name() + "'" + in + " repeats the stamp "
                + number(v.value()) + " at data rows " + (v.previousRow() + 1) + " and "
                + (v.row() + 1) + series + "; each time point must appear once per series (if the"
                + " rows belong to different series, name the series column with --domain)"
            : "the rows" + in + " are not in time order: data row " + (v.row() + 1) + series
                + " has " + time.name() + " = " + number(v.value()) + ", earlier than "
                + number(v.previous()) + " at data row " + (v.previousRow() + 1)
                + "; sort the rows by time" + (domain == null ? "" : " within each series"));
      }
      double[] t = time.values();
      double step = Double.POSITIVE_INFINITY;
      for (int[] r : rows) {
        for (int k = 1; k < r.length; k++) {
          step = Math.min(step, t[r[k]] - t[r[k - 1]]);
        }
      }
      for (int s = 0; s < envs; s++) {
        gapsBefore[s] = new int[rows[s].length];
        for (int k = 1; k < rows[s].length; k++) {
          double d = t[rows[s][k]] - t[rows[s][k - 1]];
          double steps = d / step;
          long whole = Math.round(steps);
          if (Math.abs(steps - whole) > 1e-6 * Math.max(1, steps)) {
            throw new InvalidInputException("the time column '" + time.name() + "'" + in
                + " is not sampled regularly: it steps from " + number(t[rows[s][k - 1]]) + " to "
                + number(t[rows[s][k]]) + " at data row " + (rows[s][k] + 1) + ", which is not a"
                + " whole number of sampling steps (" + number(step) + "); resample the series"
                + " to a regular grid first");
          }
          if (whole > 1) {
            if (whole - 1 > (long) MAX_GAP_RATIO * n) {
              throw new InvalidInputException("the time column '" + time.name() + "'" + in
                  + " jumps from " + number(t[rows[s][k - 1]]) + " to " + number(t[rows[s][k]])
                  + " at data row " + (rows[s][k] + 1) + ", " + (whole - 1) + " missing time"
                  + " points for " + n + " rows; check that '" + time.name() + "' is the time"
                  + " stamp and the sampling step is " + number(step));
            }
            gapsBefore[s][k] = (int) (whole - 1);
            inserted += (int) (whole - 1);
            if (firstGap == null) {
              firstGapPoints = (int) (whole - 1);
              firstGap = "the time column '" + time.name() + "'" + in + " jumps from "
                  + number(t[rows[s][k - 1]]) + " to " + number(t[rows[s][k]]) + " at data row "
                  + (rows[s][k] + 1) + (domain == null ? "" : " (" + domain.name() + " '"
                  + names.get(s) + "')") + ", leaving " + (whole - 1) + " time point"
                  + (whole == 2 ? "" : "s") + " without data (sampling step " + number(step)
                  + ")";
            }
          }
        }
      }
      if (inserted > (long) MAX_GAP_RATIO * n) {
        throw new InvalidInputException("the time column '" + time.name() + "'" + in + " leaves "
            + inserted + " time points missing for " + n + " rows; check that it is the time stamp"
            + " and that the series are sampled on one grid");
      }
    } else {
      for (int s = 0; s < envs; s++) {
        gapsBefore[s] = new int[rows[s].length];
      }
    }
    if (policy == MissingPolicy.REFUSE) {
      if (firstGap != null) {
        throw new InvalidInputException(firstGap + "; add --missing listwise to mask the missing"
            + " time points (samples that touch them are left out), or fill them in");
      }
      for (int j = 0; j < data.columns(); j++) {
        if (data.missingCount(j) > 0) {
          throw new InvalidInputException("column '" + data.variable(j).name() + "'" + in
              + " has " + data.missingCount(j) + " missing value(s) (first at data row "
              + (data.missingMask(j).nextSetBit(0) + 1) + "); in a time series they are masked,"
              + " not deleted: add --missing listwise (a lagged sample touching one is left out)"
              + " or --missing testwise (each test leaves out only what it needs)");
        }
      }
    }
    if (inserted > 0) {
      notes.add(firstGap + (inserted > firstGapPoints ? "; " + inserted + " time points are"
          + " missing in all" : "") + "; they were masked");
    }
    // Assemble the columns series after series with the gaps as missing rows.
    int total = n + inserted;
    int[] start = new int[envs + 1];
    int[] source = new int[total]; // data row of each time point, or -1 in a gap
    int at = 0;
    for (int s = 0; s < envs; s++) {
      start[s] = at;
      for (int k = 0; k < rows[s].length; k++) {
        for (int g = 0; g < gapsBefore[s][k]; g++) {
          source[at++] = -1;
        }
        source[at++] = rows[s][k];
      }
    }
    start[envs] = at;
    Dataset.Builder b = Dataset.builder(total).source(data.source().orElse(null));
    for (int j = 0; j < data.columns(); j++) {
      Variable v = data.variable(j);
      BitSet missing = new BitSet(total);
      if (v.isContinuous()) {
        double[] src = data.doubles(j);
        double[] dst = new double[total];
        for (int r = 0; r < total; r++) {
          if (source[r] < 0 || data.isMissing(source[r], j)) {
            missing.set(r);
          } else {
            dst[r] = src[source[r]];
          }
        }
        b.addContinuous(v.name(), dst, missing);
      } else {
        int[] src = data.codes(j);
        int[] dst = new int[total];
        for (int r = 0; r < total; r++) {
          dst[r] = source[r] < 0 ? -1 : src[source[r]];
        }
        if (v.type() == dev.causal4j.data.VariableType.ORDINAL) {
          b.addOrdinal(v.name(), dst, v.levels());
        } else {
          b.addDiscrete(v.name(), dst, v.levels());
        }
      }
    }
    return new TimeSeries(b.build(), start, names, policy, inserted, notes);
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }

  /** The variables, with their types. */
  public List<Variable> variables() {
    return data.variables();
  }

  /** The variable names. */
  public List<String> names() {
    return data.names();
  }

  /** Number of variables. */
  public int size() {
    return data.columns();
  }

  /** Number of independent series. */
  public int seriesCount() {
    return seriesStart.length - 1;
  }

  /** The series' names: the environments of the domain column, or {@code "series"} for one. */
  public List<String> seriesNames() {
    return seriesNames;
  }

  /** Time points of series {@code s}, masked ones included. */
  public int seriesLength(int s) {
    return seriesStart[s + 1] - seriesStart[s];
  }

  /** Index of series {@code s}'s first time point in the stored columns. */
  int seriesStart(int s) {
    return seriesStart[s];
  }

  /** Time points of every series together, masked ones included. */
  public int length() {
    return data.rows();
  }

  /** The time points the gaps added (each masked in every variable). */
  public int maskedTimePoints() {
    return maskedTimePoints;
  }

  /** How missing values and gaps are handled. */
  public MissingPolicy missingPolicy() {
    return missingPolicy;
  }

  /** The stored columns: every series after the other, gaps as missing rows. */
  public Dataset data() {
    return data;
  }

  /** What a user should know about how the data were read (gaps masked), in plain words. */
  public List<String> notes() {
    return notes;
  }

  /** Where the data came from, for messages. */
  public Optional<String> source() {
    return data.source();
  }

  /**
   * Refuses a largest lag beyond a third of any series: with fewer than two samples per lagged
   * variable and lag, estimates mean little, and lagged samples would overlap most of the series.
   *
   * @throws InvalidInputException naming the shortest series and the largest usable lag
   */
  public void checkMaxLag(int maxLag, String option) {
    if (maxLag < 1) {
      throw new InvalidInputException(option + " must be at least 1; got " + maxLag);
    }
    for (int s = 0; s < seriesCount(); s++) {
      int len = seriesLength(s);
      if (3L * maxLag > len) {
        throw new InvalidInputException(option + " " + maxLag + " is more than a third of "
            + (seriesCount() == 1 ? "the series" : "series '" + seriesNames.get(s) + "'")
            + source().map(x -> " in " + x).orElse("") + " (" + len + " time points); use "
            + option + " " + Math.max(1, len / 3) + " or less, or longer series");
      }
    }
  }

  @Override
  public String toString() {
    return "TimeSeries[" + seriesCount() + " series, " + length() + " time points × " + size()
        + " variables" + (maskedTimePoints > 0 ? ", " + maskedTimePoints + " masked" : "") + "]";
  }
}
