package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.causal4j.InvalidInputException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {

  private static final double[] TRICKY = {
    0.1, -0.0, 0.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 1.0 / 3,
    2.82879384806159E17, 123456789012345678.0, 1e23, 5e-324, -7.0
  };

  private static Dataset sample() {
    int n = TRICKY.length;
    double[] x = TRICKY.clone();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextDouble() * Math.pow(10, rng.nextInt(40) - 20) * (rng.nextBoolean() ? 1 : -1);
    }
    BitSet yMissing = new BitSet();
    yMissing.set(2);
    yMissing.set(n - 1);
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = i % 4 - 1; // -1 (missing), 0, 1, 2
    }
    int[] o = new int[n];
    int[] dom = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i % 2;
      dom[i] = i < n / 2 ? 0 : 1;
    }
    return Dataset.builder(n)
        .addContinuous("x", x)
        .addContinuous("y with space", y, yMissing)
        .addDiscrete("c", c, List.of("a,b", "say \"hi\"", "héllo"))
        .addOrdinal("o", o, List.of("low", "high"))
        .domain(new DomainColumn("site", dom, List.of("north", "south")))
        .build();
  }

  /** Parses the file independently (FastCSV's reader), checking every field against the data. */
  private static void assertReadsBack(Path file, Dataset d, String missingToken) throws Exception {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      List<CsvRecord> records = reader.stream().toList();
      assertThat(records).hasSize(d.rows() + 1);
      assertThat(records.get(0).getFields()).containsExactly("x", "y with space", "c", "o", "site");
      for (int i = 0; i < d.rows(); i++) {
        List<String> f = records.get(i + 1).getFields();
        for (int j = 0; j < 2; j++) {
          if (d.isMissing(i, j)) {
            assertThat(f.get(j)).isEqualTo(missingToken);
          } else {
            // Bit-for-bit: compare the raw bits, so -0.0 and 0.0 differ.
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(f.get(j))))
                .as("row %d column %d: %s", i, j, f.get(j))
                .isEqualTo(Double.doubleToRawLongBits(d.doubles(j)[i]));
          }
        }
        int code = d.codes(2)[i];
        assertThat(f.get(2)).isEqualTo(code < 0 ? missingToken : d.variable(2).levels().get(code));
        assertThat(f.get(3)).isEqualTo(d.variable(3).levels().get(d.codes(3)[i]));
        assertThat(f.get(4)).isEqualTo(i < d.rows() / 2 ? "north" : "south");
      }
    }
  }

  @Test
  void valuesLevelsMissingAndDomainReadBackExactly(@TempDir Path dir) throws Exception {
    Dataset d = sample();
    Path empty = dir.resolve("empty.csv");
    DatasetWriter.csv().write(d, empty);
    assertReadsBack(empty, d, "");
    Path na = dir.resolve("na.csv");
    DatasetWriter.csv().missingAs(DatasetWriter.Missing.NA).write(d, na);
    assertReadsBack(na, d, "NA");
    // Quoting only where needed, and the documented layout.
    List<String> lines = Files.readAllLines(empty);
    assertThat(lines.get(0)).isEqualTo("x,y with space,c,o,site");
    assertThat(lines.get(1)).startsWith("0.1,").endsWith(",,low,north"); // c is missing in row 1
    assertThat(lines.get(2)).endsWith(",\"a,b\",high,north");
    assertThat(lines.get(3)).isEqualTo("0.0,,\"say \"\"hi\"\"\",low,north"); // y missing in row 3
  }

  @Test
  void theDomainColumnCanBeLeftOutAndAOneColumnMissingRowIsNotBlank() throws Exception {
    Dataset d = Dataset.builder(3).addContinuous("x", new double[] {1, 2, 3}, bits(1))
        .domain(new DomainColumn("env", new int[] {0, 0, 1}, List.of("e1", "e2"))).build();
    StringWriter out = new StringWriter();
    DatasetWriter.csv().withoutDomainColumn().write(d, out);
    assertThat(out.toString()).isEqualTo("x\n1.0\n\"\"\n3.0\n");
    StringWriter withDomain = new StringWriter();
    DatasetWriter.csv().write(d, withDomain);
    assertThat(withDomain.toString()).isEqualTo("x,env\n1.0,e1\n,e1\n3.0,e2\n");
  }

  @Test
  void levelsThatWouldReadBackAsMissingAreRefused() {
    Dataset d = Dataset.builder(1).addDiscrete("c", new int[] {0}, List.of("NA", "b")).build();
    assertThatThrownBy(() -> DatasetWriter.csv().write(d, new StringWriter()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("column 'c' has the level 'NA', which reads back as a missing value; rename the"
            + " level before writing");
  }

  private static BitSet bits(int... rows) {
    BitSet b = new BitSet();
    for (int r : rows) {
      b.set(r);
    }
    return b;
  }
}
