package dev.causal4j.data;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import dev.causal4j.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a {@link Dataset} as CSV (comma-separated, UTF-8, {@code \n} line ends, quoted only where
 * needed) so that it reads back exactly:
 *
 * <ul>
 *   <li>a header row of variable names, then one row per observation;
 *   <li>continuous values as {@link Double#toString(double)}, which parses back to the same
 *       {@code double} bit for bit (on Java 19+ it is also the shortest such string; on Java 17 it
 *       is occasionally a digit longer, never inexact);
 *   <li>discrete and ordinal values as their level names;
 *   <li>missing values as an empty field by default, or {@code NA} ({@link Missing}); a row that
 *       would otherwise be a blank line (one column, missing) is written as {@code ""};
 *   <li>the domain column, when the dataset has one, after the variables, as its level names
 *       (leave it out with {@link #withoutDomainColumn()}); the time column, when present, after
 *       that, as numbers.
 * </ul>
 *
 * <p>Level names that a CSV reader would take for a missing value ({@code ""}, {@code NA}, {@code
 * NaN}, {@code ?}, {@code null}, in any case) or that have leading or trailing spaces cannot be
 * written faithfully and are refused with a message naming the column.
 *
 * <p>Immutable; {@code DatasetWriter.csv().missingAs(Missing.NA).write(data, path)}.
 */
public final class DatasetWriter {
  private static final Set<String> MISSING_LOOKALIKES = Set.of("", "na", "nan", "?", "null");

  /** How a missing value is written. */
  public enum Missing {
    /** An empty field: {@code 1.5,,a}. */
    EMPTY(""),
    /** {@code NA}, as R writes it: {@code 1.5,NA,a}. */
    NA("NA");

    private final String token;

    Missing(String token) {
      this.token = token;
    }

    public String token() {
      return token;
    }
  }

  private final Missing missing;
  private final boolean domainColumn;

  private DatasetWriter(Missing missing, boolean domainColumn) {
    this.missing = missing;
    this.domainColumn = domainColumn;
  }

  /** Missing as empty fields, with the domain column when there is one. */
  public static DatasetWriter csv() {
    return new DatasetWriter(Missing.EMPTY, true);
  }

  public DatasetWriter missingAs(Missing marker) {
    return new DatasetWriter(Objects.requireNonNull(marker, "marker"), domainColumn);
  }

  public DatasetWriter withoutDomainColumn() {
    return new DatasetWriter(missing, false);
  }

  /** Writes the dataset to a file, replacing it if it exists. */
  public void write(Dataset data, Path file) {
    check(data);
    try (CsvWriter csv = builder(data).build(file, StandardCharsets.UTF_8)) {
      rows(data, csv);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the dataset to a character stream (not closed). */
  public void write(Dataset data, Writer out) throws IOException {
    check(data);
    CsvWriter csv = builder(data).build(out);
    try {
      rows(data, csv);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  private CsvWriter.CsvWriterBuilder builder(Dataset data) {
    int fields = fieldCount(data);
    QuoteStrategy quote = new QuoteStrategy() {
      @Override
      public boolean quoteEmpty(int lineNo, int fieldIdx) {
        return fields == 1; // else a missing value in a one-column file is a blank line
      }
    };
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).quoteStrategy(quote)
        .bufferSize(1 << 16);
  }

  private int fieldCount(Dataset data) {
    return data.columns() + (writesDomain(data) ? 1 : 0) + (data.time().isPresent() ? 1 : 0);
  }

  private boolean writesDomain(Dataset data) {
    return domainColumn && data.domain().isPresent();
  }

  private void check(Dataset data) {
    for (Variable v : data.variables()) {
      for (String level : v.levels()) {
        checkLevel(v.name(), level);
      }
    }
    if (writesDomain(data)) {
      DomainColumn d = data.domain().orElseThrow();
      for (String level : d.levels()) {
        checkLevel(d.name(), level);
      }
    }
  }

  private static void checkLevel(String column, String level) {
    if (MISSING_LOOKALIKES.contains(level.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException("column '" + column + "' has the level '" + level + "', which"
          + " reads back as a missing value; rename the level before writing");
    }
    if (!level.equals(level.strip())) {
      throw new InvalidInputException("column '" + column + "' has the level '" + level + "' with"
          + " leading or trailing spaces, which readers trim; rename the level before writing");
    }
  }

  private void rows(Dataset data, CsvWriter csv) {
    int p = data.columns();
    List<String> header = new ArrayList<>(data.names());
    DomainColumn domain = writesDomain(data) ? data.domain().orElseThrow() : null;
    TimeColumn time = data.time().orElse(null);
    if (domain != null) {
      header.add(domain.name());
    }
    if (time != null) {
      header.add(time.name());
    }
    csv.writeRecord(header);
    double[][] doubles = new double[p][];
    int[][] codes = new int[p][];
    String[][] levels = new String[p][];
    for (int j = 0; j < p; j++) {
      Variable v = data.variable(j);
      if (v.isContinuous()) {
        doubles[j] = data.doubles(j);
      } else {
        codes[j] = data.codes(j);
        levels[j] = v.levels().toArray(new String[0]);
      }
    }
    String na = missing.token();
    for (int i = 0; i < data.rows(); i++) {
      CsvWriter.CsvWriterRecord rec = csv.writeRecord();
      for (int j = 0; j < p; j++) {
        if (doubles[j] != null) {
          double x = doubles[j][i];
          rec.writeField(Double.isNaN(x) ? na : Double.toString(x));
        } else {
          int c = codes[j][i];
          rec.writeField(c < 0 ? na : levels[j][c]);
        }
      }
      if (domain != null) {
        rec.writeField(domain.levels().get(domain.labels()[i]));
      }
      if (time != null) {
        rec.writeField(Double.toString(time.values()[i]));
      }
      rec.endRecord();
    }
  }
}
