package dev.causal4j.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TetradDataTest {

  @Test
  void continuousValuesAreWrittenSoTheyReadBackBitForBit(@TempDir Path dir) throws Exception {
    double[] x = {0.1, -1e-300, Math.PI, 12345.678901234567, Double.MIN_VALUE};
    double[] y = {1, 2, 3, 4, 5};
    TetradData d = TetradData.write(
        Dataset.ofContinuous(List.of("x", "y"), new double[][] {x, y}), dir.resolve("c.csv"));
    assertThat(d.discrete()).isFalse();
    assertThat(d.levels()).isEmpty();
    List<String> lines = Files.readAllLines(d.file());
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("x,y");
    for (int i = 0; i < x.length; i++) {
      String[] f = lines.get(i + 1).split(",");
      assertThat(Double.doubleToLongBits(Double.parseDouble(f[0])))
          .isEqualTo(Double.doubleToLongBits(x[i]));
      assertThat(Double.parseDouble(f[1])).isEqualTo(y[i]);
    }
  }

  @Test
  void discreteValuesAreWrittenAsCodesWithTheirLevelCounts(@TempDir Path dir) throws Exception {
    Dataset data = Dataset.builder(3)
        .addDiscrete("a", new int[] {0, 2, 1}, List.of("lo", "mid", "hi"))
        .addDiscrete("b", new int[] {1, 0, 0}, List.of("no", "yes", "maybe"))
        .build();
    TetradData d = TetradData.write(data, dir.resolve("d.csv"));
    assertThat(d.discrete()).isTrue();
    assertThat(d.levels()).containsExactly(3, 3);
    assertThat(Files.readAllLines(d.file())).containsExactly("a,b", "0,1", "2,0", "1,0");
  }

  @Test
  void mixedDataMissingValuesAndUnwritableNamesAreRefused(@TempDir Path dir) {
    Dataset mixed = Dataset.builder(2)
        .addContinuous("x", new double[] {1, 2})
        .addDiscrete("a", new int[] {0, 1}, List.of("no", "yes"))
        .build();
    assertThatThrownBy(() -> TetradData.write(mixed, dir.resolve("m.csv")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mixes");
    BitSet gone = new BitSet();
    gone.set(1);
    Dataset missing = Dataset.builder(2).addContinuous("x", new double[] {1, Double.NaN}, gone)
        .addContinuous("y", new double[] {1, 2}).build();
    assertThatThrownBy(() -> TetradData.write(missing, dir.resolve("n.csv")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing values");
    Dataset blank = Dataset.ofContinuous(List.of("a b", "c"), new double[][] {{1, 2}, {3, 4}});
    assertThatThrownBy(() -> TetradData.write(blank, dir.resolve("b.csv")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'a b'");
  }
}
