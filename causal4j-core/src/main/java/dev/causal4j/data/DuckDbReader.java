package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Runs a query in an embedded, in-memory DuckDB (opened for the query and closed after it) and
 * reads the result into column accumulators. Numeric SQL columns arrive as doubles; every other
 * column as text, which then goes through the same missing-value tokens and type detection as a
 * text file, so {@code read_csv} through SQL and the CSV reader agree.
 */
final class DuckDbReader {
  private DuckDbReader() {}

  /**
   * @param what how to name the source in messages ("the --sql query", a file name)
   * @param failure what to say when DuckDB refuses the query, before its own message
   */
  static Dataset query(String sql, String what, String failure, ReadOptions options) {
    MissingTokens tokens = new MissingTokens(options.missingTokens());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      int width = meta.getColumnCount();
      List<String> header = new ArrayList<>(width);
      boolean[] numeric = new boolean[width];
      for (int j = 0; j < width; j++) {
        header.add(meta.getColumnLabel(j + 1).trim());
        numeric[j] = isNumeric(meta.getColumnType(j + 1));
      }
      ColumnPlan plan = ColumnPlan.of(header, options, what, false);
      double[][] numbers = new double[width][];
      String[][] strings = new String[width][];
      BitSet[] nulls = new BitSet[width];
      int rows = 0;
      int capacity = 1024;
      for (int j = 0; j < width; j++) {
        if (plan.isUsed(j)) {
          if (numeric[j]) {
            numbers[j] = new double[capacity];
            nulls[j] = new BitSet();
          } else {
            strings[j] = new String[capacity];
          }
        }
      }
      while (rs.next()) {
        if (rows == capacity) {
          capacity = capacity + (capacity >> 1);
          for (int j = 0; j < width; j++) {
            if (numbers[j] != null) {
              numbers[j] = Arrays.copyOf(numbers[j], capacity);
            } else if (strings[j] != null) {
              strings[j] = Arrays.copyOf(strings[j], capacity);
            }
          }
        }
        for (int j = 0; j < width; j++) {
          if (numbers[j] != null) {
            // NULL is kept apart from a stored NaN, which follows the missing-value tokens.
            numbers[j][rows] = rs.getDouble(j + 1);
            if (rs.wasNull()) {
              nulls[j].set(rows);
            }
          } else if (strings[j] != null) {
            strings[j][rows] = rs.getString(j + 1);
          }
        }
        rows++;
      }
      if (rows == 0) {
        throw new InvalidInputException(what + " returned no rows; check the query or the file");
      }
      int n = rows;
      ColumnAccumulator[] acc = new ColumnAccumulator[width];
      for (int j = 0; j < width; j++) {
        if (!plan.isUsed(j)) {
          continue;
        }
        acc[j] = plan.accumulator(j, tokens, row -> "row " + (row + 1), n, false);
        feed(acc[j], numbers[j], nulls[j], strings[j], n);
        if (acc[j].needsTextPass()) {
          acc[j] = plan.accumulator(j, tokens, row -> "row " + (row + 1), n, true);
          feed(acc[j], numbers[j], nulls[j], strings[j], n);
        }
      }
      return plan.assemble(acc, n, null);
    } catch (SQLException e) {
      throw new InvalidInputException(
          failure + ": " + DelimitedTextReader.firstLine(e.getMessage()), e);
    }
  }

  private static void feed(
      ColumnAccumulator acc, double[] numbers, BitSet nulls, String[] strings, int n) {
    if (numbers != null) {
      for (int i = 0; i < n; i++) {
        if (nulls.get(i)) {
          acc.addMissing();
        } else {
          acc.addDouble(numbers[i]);
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      String s = strings[i];
      if (s == null) {
        acc.addMissing();
      } else {
        char[] c = s.toCharArray();
        acc.add(c, 0, c.length);
      }
    }
  }

  private static boolean isNumeric(int sqlType) {
    switch (sqlType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.FLOAT:
      case Types.REAL:
      case Types.DOUBLE:
      case Types.DECIMAL:
      case Types.NUMERIC:
        return true;
      default:
        return false;
    }
  }
}
