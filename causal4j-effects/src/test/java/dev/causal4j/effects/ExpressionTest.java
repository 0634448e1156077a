package dev.causal4j.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.effects.Expression.Probability;
import dev.causal4j.effects.Expression.Product;
import dev.causal4j.effects.Expression.Quotient;
import dev.causal4j.effects.Expression.Sum;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

  /** P(A, B) on two binary variables: a table small enough to check by hand. */
  private static final Expression.DiscreteDistribution TABLE =
      new Expression.DiscreteDistribution() {
    // P(A=a, B=b) for (a, b) = (0,0), (0,1), (1,0), (1,1).
    final double[] p = {0.1, 0.2, 0.3, 0.4};

    @Override
    public int levels(String variable) {
      return 2;
    }

    @Override
    public double probability(Map<String, Integer> assignment) {
      double total = 0;
      for (int s = 0; s < 4; s++) {
        int a = s >> 1;
        int b = s & 1;
        if (assignment.getOrDefault("A", a) == a && assignment.getOrDefault("B", b) == b) {
          total += p[s];
        }
      }
      return total;
    }
  };

  @Test
  void printsSumsProductsAndQuotients() {
    Expression e = new Sum(List.of("Z"), new Product(List.of(
        new Probability(List.of("Y"), List.of("X", "Z")), Probability.of("Z"))));
    assertThat(e.toText()).isEqualTo("Σ_Z P(Y | X, Z) P(Z)");
    assertThat(e.freeVariables()).containsExactly("Y", "X");
    Expression q = new Quotient(Probability.of("A", "B"), Probability.of("B"));
    assertThat(q.toText()).isEqualTo("[P(A, B)] / [P(B)]");
    assertThat(Expression.ONE.toText()).isEqualTo("1");
    Expression two = new Sum(List.of("W1", "W2"), Probability.of("W1", "W2"));
    assertThat(two.toText()).isEqualTo("Σ_{W1, W2} P(W1, W2)");
  }

  @Test
  void boundVariablesThatClashWithFreeOnesArePrimed() {
    // Σ_x inside an expression where X is free: printed X', and X'' one level further in.
    Expression inner = new Sum(List.of("X"), new Product(List.of(
        Probability.of("X"), new Probability(List.of("Y"), List.of("X")))));
    Expression outer = new Product(List.of(new Probability(List.of("M"), List.of("X")), inner));
    assertThat(outer.toText()).isEqualTo("P(M | X) Σ_{X'} P(X') P(Y | X')");
    Expression nested = new Sum(List.of("X"), new Product(List.of(Probability.of("X"), inner)));
    assertThat(new Product(List.of(Probability.of("X"), nested)).toText())
        .isEqualTo("P(X) Σ_{X'} P(X') Σ_{X''} P(X'') P(Y | X'')");
  }

  @Test
  void evaluatesOnADistribution() {
    // P(A=1 | B=0) = 0.3 / 0.4.
    Expression cond = new Probability(List.of("A"), List.of("B"));
    assertThat(cond.evaluate(Map.of("A", 1, "B", 0), TABLE)).isCloseTo(0.75, within(1e-15));
    // Σ_B P(A | B) P(B) = P(A): 0.7 at A = 1.
    Expression total = new Sum(List.of("B"), new Product(List.of(cond, Probability.of("B"))));
    assertThat(total.evaluate(Map.of("A", 1), TABLE)).isCloseTo(0.7, within(1e-15));
    // A bound variable shadows a free one of the same name and restores it afterwards.
    Expression shadow = new Product(List.of(Probability.of("B"),
        new Sum(List.of("B"), Probability.of("B"))));
    assertThat(shadow.evaluate(Map.of("B", 1), TABLE)).isCloseTo(0.6, within(1e-15));
    assertThatThrownBy(() -> cond.evaluate(Map.of("A", 1), TABLE))
        .hasMessageContaining("no value given for the free variable B");
  }

  @Test
  void malformedTermsAreRefused() {
    assertThatThrownBy(() -> new Probability(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Probability(List.of("A"), List.of("A")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sum(List.of(), Expression.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
