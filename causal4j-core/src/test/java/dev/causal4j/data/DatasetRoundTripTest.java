package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link DatasetWriter} writes, {@link DataReader} reads back exactly. */
class DatasetRoundTripTest {

  @Test
  void everyKindOfColumnReadsBackBitForBit(@TempDir Path dir) {
    int n = 200;
    SplittableRandom rng = new SplittableRandom(20240611L);
    double[] x = new double[n];
    double[] y = new double[n];
    int[] g = new int[n];
    int[] size = new int[n];
    int[] env = new int[n];
    double[] t = new double[n];
    BitSet missingX = new BitSet();
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-300, 300));
      y[i] = rng.nextDouble() - 0.5;
      g[i] = i % 7 == 3 ? -1 : rng.nextInt(3);
      size[i] = rng.nextInt(3);
      env[i] = rng.nextInt(2);
      t[i] = i * 0.25;
      if (i % 11 == 5) {
        missingX.set(i);
      }
    }
    x[0] = -0.0;
    x[1] = Double.MIN_VALUE;
    x[2] = Double.MAX_VALUE;
    Dataset original = Dataset.builder(n)
        .addContinuous("x", x, missingX)
        .addContinuous("y", y)
        .addDiscrete("group", g, List.of("a, quoted", "b \"q\"", "c"))
        .addOrdinal("size", size, List.of("small", "medium", "large"))
        .domain(new DomainColumn("site", env, List.of("north", "south")))
        .time(new TimeColumn("t", t))
        .build();
    Path file = dir.resolve("round.csv");
    DatasetWriter.csv().write(original, file);
    Dataset back = DataReader.read(file, ReadOptions.builder()
        .ordinal("size", List.of("small", "medium", "large"))
        .domain("site")
        .time("t")
        .build());
    assertThat(back.names()).isEqualTo(original.names());
    assertThat(back.variables()).isEqualTo(original.variables());
    for (int j = 0; j < original.columns(); j++) {
      assertThat(back.missingMask(j)).isEqualTo(original.missingMask(j));
    }
    for (int i = 0; i < n; i++) {
      if (!missingX.get(i)) {
        assertThat(Double.doubleToRawLongBits(back.doubles(0)[i]))
            .as("row %d: %s", i, x[i])
            .isEqualTo(Double.doubleToRawLongBits(x[i]));
      }
    }
    assertThat(back.doubles(1)).isEqualTo(y);
    assertThat(back.codes(2)).isEqualTo(g);
    assertThat(back.codes(3)).isEqualTo(size);
    assertThat(back.domain().orElseThrow().labels()).isEqualTo(env);
    assertThat(back.domain().orElseThrow().levels()).containsExactly("north", "south");
    assertThat(back.time().orElseThrow().values()).isEqualTo(t);
  }

  @Test
  void aOneColumnFileWithMissingValuesReadsBack() throws IOException {
    BitSet m = new BitSet();
    m.set(1);
    Dataset original = Dataset.builder(3).addContinuous("x", new double[] {0.5, 0, 2.5}, m)
        .build();
    StringWriter out = new StringWriter();
    DatasetWriter.csv().write(original, out);
    Dataset back = DataReader.readText(out.toString(), "one.csv", ReadOptions.defaults());
    assertThat(back.rows()).isEqualTo(3);
    assertThat(back.isMissing(1, 0)).isTrue();
    assertThat(back.doubles(0)[2]).isEqualTo(2.5);
  }
}
