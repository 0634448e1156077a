package dev.causal4j.bench.suite;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset written where Tetrad's runner can read it: a header, then plain numbers, one row per
 * line; continuous values in Java's shortest round-trip form (so Tetrad reads exactly the doubles
 * Causal4J holds) and discrete values as Causal4J's codes {@code 0..k-1}.
 *
 * @param file the CSV file
 * @param names the column names, in order
 * @param discrete true if every column is discrete (codes), false if every column is continuous
 * @param levels the number of levels of each discrete column (empty for continuous data)
 */
public record TetradData(Path file, List<String> names, boolean discrete, List<Integer> levels) {

  public TetradData {
    names = List.copyOf(names);
    levels = List.copyOf(levels);
  }

  /**
   * Writes {@code data} to {@code file}.
   *
   * @throws InvalidInputException if the data mix continuous and discrete columns, or have missing
   *     values, which the runner does not take
   */
  public static TetradData write(Dataset data, Path file) {
    boolean discrete = data.isAllCategorical();
    if (!discrete && !data.isAllContinuous()) {
      throw new InvalidInputException(
          "Tetrad comparisons take all-continuous or all-discrete data; "
              + data.source().orElse("the data") + " mixes the two");
    }
    if (data.hasMissing()) {
      throw new InvalidInputException("Tetrad comparisons take complete data; "
          + data.source().orElse("the data") + " has missing values");
    }
    for (String name : data.names()) {
      if (!name.matches("[^\\s,;()\\[\\]]+")) {
        throw new InvalidInputException("column name '" + name + "' cannot be written in Tetrad's"
            + " graph text (it holds a blank, a comma, a semicolon or a bracket); rename it");
      }
    }
    int p = data.columns();
    int n = data.rows();
    List<Integer> levels = new ArrayList<>();
    double[][] x = new double[discrete ? 0 : p][];
    int[][] c = new int[discrete ? p : 0][];
    for (int j = 0; j < p; j++) {
      if (discrete) {
        c[j] = data.codes(j);
        levels.add(data.variable(j).levelCount());
      } else {
        x[j] = data.doubles(j);
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", data.names()));
      w.write('\n');
      StringBuilder line = new StringBuilder(p * 20);
      for (int i = 0; i < n; i++) {
        line.setLength(0);
        for (int j = 0; j < p; j++) {
          if (j > 0) {
            line.append(',');
          }
          if (discrete) {
            line.append(c[j][i]);
          } else {
            line.append(x[j][i]);
          }
        }
        w.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + " for Tetrad", e);
    }
    return new TetradData(file, data.names(), discrete, levels);
  }
}
