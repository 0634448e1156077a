package dev.causal4j.data;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import dev.causal4j.InvalidInputException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads delimited text with FastCSV into column accumulators, in one pass (two when a column shows
 * text after numbers). Fields arrive as slices of FastCSV's buffer and are parsed there, so a
 * numeric cell costs no object.
 */
final class DelimitedTextReader {
  private final TextInput input;
  private final ReadOptions options;
  private final MissingTokens tokens;
  private final Delimiter delimiter;
  private final int capacity;
  private final boolean blanksAroundQuotes;
  private int[] lineOfRow = new int[16];

  /**
   * @param sample the start of the input: when it has blanks between a delimiter and a quote
   *     ({@code 1, "a, b"}), FastCSV's relaxed parser removes them; otherwise the strict parser,
   *     about twice as fast, reads the file
   */
  DelimitedTextReader(
      TextInput input, ReadOptions options, Delimiter delimiter, int capacity, String sample) {
    this.input = input;
    this.options = options;
    this.tokens = new MissingTokens(options.missingTokens());
    this.delimiter = delimiter;
    this.capacity = capacity;
    this.blanksAroundQuotes = delimiter != Delimiter.WHITESPACE && hasBlanksAroundQuotes(sample);
  }

  private boolean hasBlanksAroundQuotes(String sample) {
    char d = delimiter.character();
    for (int i = sample.indexOf('"'); i >= 0; i = sample.indexOf('"', i + 1)) {
      int before = i - 1;
      while (before >= 0 && (sample.charAt(before) == ' ' || sample.charAt(before) == '\t')) {
        before--;
      }
      if (before < i - 1 && (before < 0 || sample.charAt(before) == d
          || sample.charAt(before) == '\n')) {
        return true;
      }
      int after = i + 1;
      while (after < sample.length()
          && (sample.charAt(after) == ' ' || sample.charAt(after) == '\t')) {
        after++;
      }
      if (after > i + 1 && after < sample.length()
          && (sample.charAt(after) == d || sample.charAt(after) == '\r'
              || sample.charAt(after) == '\n')) {
        return true;
      }
    }
    return false;
  }

  Dataset read() {
    ColumnPlan[] plan = new ColumnPlan[1];
    ColumnAccumulator[][] columns = new ColumnAccumulator[1][];
    Handler first =
        parse(
            header -> {
              plan[0] = ColumnPlan.of(header, options, input.name(), true);
              ColumnAccumulator[] acc = new ColumnAccumulator[header.size()];
              for (int j = 0; j < acc.length; j++) {
                if (plan[0].isUsed(j)) {
                  acc[j] = plan[0].accumulator(j, tokens, this::locate, capacity, false);
                }
              }
              columns[0] = acc;
              return acc;
            },
            true);
    if (plan[0] == null) {
      throw new InvalidInputException(
          input.name() + " is empty; a data file needs a header row naming the columns and one"
              + " row per observation");
    }
    if (first.rows == 0) {
      throw new InvalidInputException(
          input.name() + " has a header but no data rows; add one row per observation below the"
              + " header");
    }
    ColumnAccumulator[] acc = columns[0];
    boolean[] again = new boolean[acc.length];
    boolean anyAgain = false;
    for (int j = 0; j < acc.length; j++) {
      if (acc[j] != null && acc[j].needsTextPass()) {
        again[j] = true;
        anyAgain = true;
      }
    }
    if (anyAgain) {
      parse(
          header -> {
            ColumnAccumulator[] second = new ColumnAccumulator[header.size()];
            for (int j = 0; j < second.length; j++) {
              if (again[j]) {
                second[j] = plan[0].accumulator(j, tokens, this::locate, first.rows, true);
                acc[j] = second[j];
              }
            }
            return second;
          },
          false);
    }
    return plan[0].assemble(acc, first.rows, delimiter);
  }

  private String locate(int row) {
    return "line " + lineOfRow[row] + " (data row " + (row + 1) + ")";
  }

  /** One pass over the input; {@code onHeader} returns the accumulator for each header column. */
  private Handler parse(
      Function<List<String>, ColumnAccumulator[]> onHeader,
      boolean recordLines) {
    Handler handler = new Handler(onHeader, recordLines);
    try (Reader raw = input.open();
        Reader reader = delimiter == Delimiter.WHITESPACE ? new TabsToSpaces(raw) : raw;
        CsvReader<Void> csv =
            CsvReader.builder()
                .fieldSeparator(delimiter.character())
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .trimWhitespacesAroundQuotes(blanksAroundQuotes)
                .build(handler, reader)) {
      // Every record is consumed by the handler, so one call runs through the whole input.
      csv.iterator().hasNext();
    } catch (CsvParseException e) {
      if (e.getCause() instanceof InvalidInputException) {
        throw (InvalidInputException) e.getCause();
      }
      if (e.getCause() instanceof UncheckedIOException) {
        throw ioProblem(e.getCause().getCause(), handler.line);
      }
      throw new InvalidInputException(
          "cannot parse " + input.name() + " near line " + handler.line + ": "
              + firstLine(e.getMessage()) + "; check for an unclosed or stray quote (\")", e);
    } catch (UncheckedIOException e) {
      throw ioProblem(e.getCause(), handler.line);
    } catch (IOException e) {
      throw ioProblem(e, handler.line);
    }
    return handler;
  }

  private InvalidInputException ioProblem(Throwable e, long line) {
    if (e instanceof CharacterCodingException) {
      return input.notUtf8((CharacterCodingException) e);
    }
    return new InvalidInputException(
        "cannot read " + input.name() + ": " + (e == null ? "I/O error" : firstLine(e.toString())),
        e);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Receives FastCSV's fields and routes them to the column accumulators. */
  private final class Handler extends CsvCallbackHandler<Void> {
    private final Function<List<String>, ColumnAccumulator[]> onHeader;
    private final boolean recordLines;
    private final boolean whitespace = delimiter == Delimiter.WHITESPACE;
    private List<String> header = new ArrayList<>();
    private ColumnAccumulator[] byField;
    private int width;
    private int field;
    private long line;
    private boolean empty;
    private boolean blankFirstField;
    private int rows;

    Handler(
        Function<List<String>, ColumnAccumulator[]> onHeader,
        boolean recordLines) {
      this.onHeader = onHeader;
      this.recordLines = recordLines;
    }

    @Override
    protected RecordType getRecordType() {
      return empty ? RecordType.EMPTY : RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
      return field;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      line = startingLineNumber;
      field = 0;
      empty = false;
      blankFirstField = false;
      if (recordLines && byField != null) {
        if (rows == lineOfRow.length) {
          lineOfRow = Arrays.copyOf(lineOfRow, lineOfRow.length * 2);
        }
        lineOfRow[rows] = (int) Math.min(Integer.MAX_VALUE, startingLineNumber);
      }
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
      if (whitespace && len == 0 && !quoted) {
        return;
      }
      if (byField == null) {
        header.add(new String(buf, offset, len).trim());
      } else if (field == 0 && !quoted && isBlank(buf, offset, len)) {
        // Held back: if no other field follows, this is a blank line, which is skipped.
        blankFirstField = true;
      } else if (field < width) {
        if (field == 1 && blankFirstField && byField[0] != null) {
          byField[0].addMissing();
        }
        ColumnAccumulator acc = byField[field];
        if (acc != null) {
          acc.add(buf, offset, len);
        }
      }
      field++;
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
      throw new IllegalStateException("comments are not enabled");
    }

    @Override
    protected void setEmpty() {
      empty = true;
    }

    @Override
    protected Void buildRecord() {
      if (empty || field == 0 || (field == 1 && blankFirstField)) {
        return null;
      }
      if (byField == null) {
        width = header.size();
        byField = onHeader.apply(header);
        header = null;
        return null;
      }
      if (field != width) {
        String fix =
            field < width
                ? "every row needs one value per column (write NA for a missing value)"
                : "quote values that contain the delimiter, and remove any delimiter at the end"
                    + " of the line";
        throw new InvalidInputException(
            "line " + line + " of " + input.name() + " has " + field
                + (field == 1 ? " field" : " fields") + " but the header has " + width + " ("
                + delimiter.label() + "-separated); " + fix);
      }
      rows++;
      return null;
    }
  }

  private static boolean isBlank(char[] buf, int offset, int len) {
    for (int i = offset; i < offset + len; i++) {
      if (buf[i] > ' ') {
        return false;
      }
    }
    return true;
  }

  /** For whitespace-separated text: a tab separates fields just as a space does. */
  private static final class TabsToSpaces extends FilterReader {
    TabsToSpaces(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      return c == '\t' ? ' ' : c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = super.read(cbuf, off, len);
      for (int i = off; i < off + Math.max(n, 0); i++) {
        if (cbuf[i] == '\t') {
          cbuf[i] = ' ';
        }
      }
      return n;
    }
  }
}
