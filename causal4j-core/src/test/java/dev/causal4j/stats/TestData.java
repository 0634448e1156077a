package dev.causal4j.stats;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.causal4j.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fixed reference data sets of this folder's {@code make_reference.py}, read as Datasets:
 * columns named in {@code discrete} become categorical with levels "0".."k−1" (k = max code + 1).
 */
public final class TestData {
  private TestData() {}

  public static Dataset load(String file, Set<String> discrete) {
    try (InputStream in = TestData.class.getResourceAsStream("/dev/causal4j/stats/" + file);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
      List<String> header = null;
      List<String[]> rows = new ArrayList<>();
      for (CsvRecord rec : csv) {
        if (header == null) {
          header = rec.getFields();
        } else {
          rows.add(rec.getFields().toArray(new String[0]));
        }
      }
      Dataset.Builder b = Dataset.builder(rows.size()).source(file);
      for (int j = 0; j < header.size(); j++) {
        String name = header.get(j);
        if (discrete.contains(name)) {
          int[] codes = new int[rows.size()];
          int max = 0;
          for (int r = 0; r < codes.length; r++) {
            codes[r] = Integer.parseInt(rows.get(r)[j]);
            max = Math.max(max, codes[r]);
          }
          List<String> levels = new ArrayList<>();
          for (int k = 0; k <= max; k++) {
            levels.add(Integer.toString(k));
          }
          b.addDiscrete(name, codes, levels);
        } else {
          double[] v = new double[rows.size()];
          for (int r = 0; r < v.length; r++) {
            v[r] = Double.parseDouble(rows.get(r)[j]);
          }
          b.addContinuous(name, v);
        }
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Dataset continuous() {
    return load("continuous.csv", Set.of());
  }

  public static Dataset discrete() {
    return load("discrete.csv", Set.of("G", "H", "K", "M"));
  }

  public static Dataset mixed() {
    return load("mixed.csv", Set.of("S1", "S2"));
  }

  public static Dataset kernel() {
    return load("kernel.csv", Set.of());
  }

  /** Parses "1 2 3" (or "-" / empty for none) into indices. */
  public static int[] indices(String s) {
    if (s == null || s.isBlank() || s.equals("-")) {
      return new int[0];
    }
    String[] parts = s.trim().split(" +");
    int[] out = new int[parts.length];
    for (int q = 0; q < parts.length; q++) {
      out[q] = Integer.parseInt(parts[q]);
    }
    return out;
  }
}
