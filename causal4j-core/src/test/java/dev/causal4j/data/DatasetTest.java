package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static Dataset sample() {
    BitSet missingX = new BitSet();
    missingX.set(1);
    return Dataset.builder(3)
        .source("sample.csv")
        .addContinuous("x", new double[] {1.5, 0, -2}, missingX)
        .addDiscrete("g", new int[] {0, 1, -1}, List.of("a", "b"))
        .build();
  }

  @Test
  void missingValuesAreMaskedNotDropped() {
    Dataset d = sample();
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.isMissing(1, 0)).isTrue();
    assertThat(Double.isNaN(d.doubles(0)[1])).isTrue();
    assertThat(d.missingCount(1)).isEqualTo(1);
    assertThat(d.completeRows()).containsExactly(0);
    assertThat(d.completeRows(0)).containsExactly(0, 2);
  }

  @Test
  void missingPolicyIsExplicit() {
    Dataset d = sample();
    assertThat(d.applyMissingPolicy(MissingPolicy.TESTWISE_DELETION)).isSameAs(d);
    assertThat(d.applyMissingPolicy(MissingPolicy.LISTWISE_DELETION).rows()).isEqualTo(1);
    assertThatThrownBy(() -> d.applyMissingPolicy(MissingPolicy.REFUSE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("sample.csv")
        .hasMessageContaining("data row 2");
  }

  @Test
  void selectingColumnsSharesArraysAndRowsCopiesThem() {
    Dataset d = sample();
    Dataset g = d.selectColumns(List.of("g"));
    assertThat(g.codes(0)).isSameAs(d.codes(1));
    Dataset boot = d.selectRows(new int[] {2, 2, 0});
    assertThat(boot.doubles(0)).containsExactly(-2, -2, 1.5);
    assertThat(boot.isMissing(0, 1)).isTrue();
  }

  @Test
  void unmaskedNonFiniteValuesAndDuplicateNamesAreRejected() {
    assertThatThrownBy(
            () -> Dataset.builder(2).source("f.csv").addContinuous("x", new double[] {1, Double.NaN}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("row 2");
    assertThatThrownBy(
            () -> Dataset.builder(1).addContinuous("x", new double[] {1})
                .addContinuous("x", new double[] {2}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("two columns are named 'x'");
  }

  @Test
  void unknownNamesAreReportedWithTheKnownOnes() {
    assertThatThrownBy(() -> sample().require("y"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no variable named 'y'")
        .hasMessageContaining("x, g");
  }
}
