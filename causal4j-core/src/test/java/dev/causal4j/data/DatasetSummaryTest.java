package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.data.DatasetSummary.Flag;
import dev.causal4j.data.DatasetSummary.LevelCount;
import dev.causal4j.data.DatasetSummary.VariableSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSummaryTest {

  @Test
  void summarisesShapeTypesAndValues() {
    DatasetSummary s = DatasetSummary.of(DataReader.read(DataReaderTest.resource("mixed.csv")));
    assertThat(s.rows()).isEqualTo(12);
    assertThat(s.columns()).isEqualTo(5);
    assertThat(s.continuous()).isEqualTo(2);
    assertThat(s.discrete()).isEqualTo(3);
    assertThat(s.missingCells()).isEqualTo(2);
    assertThat(s.completeRows()).isEqualTo(11);
    VariableSummary x = s.variables().get(0);
    // numpy: x.mean(), x.std(ddof=1) of the 11 present values of mixed.csv's x.
    assertThat(x.mean()).isCloseTo(1.3750909090909091, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(x.sd()).isCloseTo(2.7265546190951486, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(x.min()).isEqualTo(-2.25);
    assertThat(x.max()).isEqualTo(7.125);
    assertThat(x.missing()).isEqualTo(1);
    assertThat(x.flags()).isEmpty();
    VariableSummary treat = s.variables().get(1);
    assertThat(treat.levels()).containsExactly(new LevelCount("no", 6), new LevelCount("yes", 6));
    assertThat(treat.mean()).isNaN();
    assertThat(s.warnings()).anyMatch(w -> w.contains("1 of 12 rows have a missing value"));
  }

  @Test
  void flagsConstantIdenticalAndIdentifierColumns() {
    int n = 30;
    double[] x = new double[n];
    double[] copy = new double[n];
    double[] flat = new double[n];
    int[] id = new int[n];
    int[] rare = new int[n];
    List<String> idLevels = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
      copy[i] = i * 0.5;
      flat[i] = 2;
      id[i] = i;
      idLevels.add("row" + i);
    }
    Dataset d = Dataset.builder(n)
        .addContinuous("x", x)
        .addContinuous("x2", copy)
        .addContinuous("flat", flat)
        .addDiscrete("id", id, idLevels)
        .addOrdinal("r", rare, List.of("low", "high"))
        .build();
    DatasetSummary s = DatasetSummary.of(d);
    assertThat(s.variables().get(1).flags()).containsExactly(Flag.DUPLICATE);
    assertThat(s.variables().get(1).duplicateOf()).isEqualTo("x");
    assertThat(s.variables().get(2).flags()).containsExactly(Flag.CONSTANT);
    assertThat(s.variables().get(3).flags()).containsExactly(Flag.IDENTIFIER);
    assertThat(s.variables().get(4).flags()).containsExactly(Flag.CONSTANT, Flag.UNUSED_LEVEL);
    assertThat(s.warnings().get(0)).startsWith("constant: flat, r");
    assertThat(s.warnings()).anyMatch(w -> w.contains("'x2' = 'x'"));
    assertThat(s.warnings()).anyMatch(w -> w.startsWith("identifier-like") && w.contains("id"));
  }

  @Test
  void nearlyConstantNeedsNinetyNinePercent() {
    int n = 200;
    double[] v = new double[n];
    v[0] = 1;
    v[1] = 2;
    DatasetSummary s = DatasetSummary.of(Dataset.builder(n).addContinuous("v", v).build());
    assertThat(s.variables().get(0).flags()).containsExactly(Flag.NEARLY_CONSTANT);
    assertThat(s.variables().get(0).topShare()).isEqualTo(0.99);
    v[2] = 3;
    s = DatasetSummary.of(Dataset.builder(n).addContinuous("v", v).build());
    assertThat(s.variables().get(0).flags()).isEmpty();
  }

  @Test
  void timeOrderIsCheckedWithinEachEnvironment() {
    double[] t = {1, 2, 3, 1, 2, 3};
    Dataset panel = Dataset.builder(6)
        .addContinuous("x", new double[] {1, 2, 3, 4, 5, 6})
        .domain(new DomainColumn("subject", new int[] {0, 0, 0, 1, 1, 1}, List.of("a", "b")))
        .time(new TimeColumn("t", t))
        .build();
    assertThat(DatasetSummary.of(panel).time().nonDecreasing()).isTrue();
    Dataset pooled = Dataset.builder(6)
        .addContinuous("x", new double[] {1, 2, 3, 4, 5, 6})
        .time(new TimeColumn("t", t))
        .build();
    DatasetSummary s = DatasetSummary.of(pooled);
    assertThat(s.time().nonDecreasing()).isFalse();
    assertThat(s.warnings()).anyMatch(w -> w.contains("not in the order of the time column 't'"));
  }
}
