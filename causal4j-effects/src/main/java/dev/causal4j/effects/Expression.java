package dev.causal4j.effects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An estimand written in terms of the observational distribution {@code P} over the observed
 * variables: conditional probabilities, products, sums over the values of variables, and
 * quotients. Identification results carry one (the adjustment formula, the front-door formula,
 * the output of the ID algorithm); it prints as readable text and can be {@link #evaluate
 * evaluated} on any discrete distribution.
 *
 * <p>Variables are named by the graph's node names. A {@link Sum} binds its variables inside its
 * body; every other variable is free and takes the value it is given (the treatment and outcome
 * values, and for ID expressions possibly other intervened-on variables whose values do not
 * matter). When printing, a bound variable that would clash with a free one or with an enclosing
 * sum's is primed: {@code Σ_{X'} P(X') P(Y | X', M)}.
 */
public sealed interface Expression {

  /** The number 1: the empty product. */
  Expression ONE = new Product(List.of());

  /**
   * {@code P(variables | given)} of the observational distribution: the joint probability of
   * {@code variables} conditional on {@code given} (empty: a marginal). Order is kept for
   * printing; the meaning is that of sets.
   */
  record Probability(List<String> variables, List<String> given) implements Expression {
    public Probability {
      variables = List.copyOf(variables);
      given = List.copyOf(given);
      if (variables.isEmpty()) {
        throw new IllegalArgumentException("a probability needs at least one variable");
      }
      if (new HashSet<>(variables).size() < variables.size()
          || new HashSet<>(given).size() < given.size()
          || variables.stream().anyMatch(given::contains)) {
        throw new IllegalArgumentException("repeated variable in P(" + variables + " | " + given
            + ")");
      }
    }

    /** {@code P(variables)}. */
    public static Probability of(String... variables) {
      return new Probability(List.of(variables), List.of());
    }

    /** True if the sets of variables and of conditioning variables are equal to {@code o}'s. */
    public boolean sameAs(Probability o) {
      return Set.copyOf(variables).equals(Set.copyOf(o.variables))
          && Set.copyOf(given).equals(Set.copyOf(o.given));
    }
  }

  /** The product of its factors; the empty product is 1. */
  record Product(List<Expression> factors) implements Expression {
    public Product {
      factors = List.copyOf(factors);
    }
  }

  /** The sum of {@code body} over every joint value of the variables {@code over}. */
  record Sum(List<String> over, Expression body) implements Expression {
    public Sum {
      over = List.copyOf(over);
      Objects.requireNonNull(body, "body");
      if (over.isEmpty() || new HashSet<>(over).size() < over.size()) {
        throw new IllegalArgumentException("a sum needs distinct variables to sum over: " + over);
      }
    }
  }

  /** {@code numerator / denominator}. */
  record Quotient(Expression numerator, Expression denominator) implements Expression {
    public Quotient {
      Objects.requireNonNull(numerator, "numerator");
      Objects.requireNonNull(denominator, "denominator");
    }
  }

  /** The variables that are not bound by a sum, in order of first appearance. */
  default Set<String> freeVariables() {
    Set<String> out = new LinkedHashSet<>();
    collectFree(this, Set.of(), out);
    return out;
  }

  private static void collectFree(Expression e, Set<String> bound, Set<String> out) {
    if (e instanceof Probability p) {
      for (String v : p.variables()) {
        if (!bound.contains(v)) {
          out.add(v);
        }
      }
      for (String v : p.given()) {
        if (!bound.contains(v)) {
          out.add(v);
        }
      }
    } else if (e instanceof Product p) {
      for (Expression f : p.factors()) {
        collectFree(f, bound, out);
      }
    } else if (e instanceof Sum s) {
      Set<String> inner = new HashSet<>(bound);
      inner.addAll(s.over());
      collectFree(s.body(), inner, out);
    } else if (e instanceof Quotient q) {
      collectFree(q.numerator(), bound, out);
      collectFree(q.denominator(), bound, out);
    }
  }

  /**
   * The value of this expression on a discrete distribution, with the free variables at the given
   * values (codes {@code 0..levels-1}).
   *
   * @throws IllegalArgumentException if a free variable has no value
   * @return the value; {@code NaN} if a conditional probability conditions on an event of
   *     probability zero (positivity fails there)
   */
  default double evaluate(Map<String, Integer> values, DiscreteDistribution p) {
    for (String v : freeVariables()) {
      if (!values.containsKey(v)) {
        throw new IllegalArgumentException("no value given for the free variable " + v);
      }
    }
    return eval(this, new HashMap<>(values), p);
  }

  private static double eval(Expression e, Map<String, Integer> env, DiscreteDistribution p) {
    if (e instanceof Probability pr) {
      Map<String, Integer> joint = new HashMap<>();
      Map<String, Integer> given = new HashMap<>();
      for (String v : pr.given()) {
        joint.put(v, env.get(v));
        given.put(v, env.get(v));
      }
      for (String v : pr.variables()) {
        joint.put(v, env.get(v));
      }
      double num = p.probability(joint);
      if (given.isEmpty()) {
        return num;
      }
      double den = p.probability(given);
      return den == 0 ? Double.NaN : num / den;
    }
    if (e instanceof Product pr) {
      double out = 1;
      for (Expression f : pr.factors()) {
        out *= eval(f, env, p);
      }
      return out;
    }
    if (e instanceof Quotient q) {
      double den = eval(q.denominator(), env, p);
      return den == 0 ? Double.NaN : eval(q.numerator(), env, p) / den;
    }
    Sum s = (Sum) e;
    List<String> over = s.over();
    Map<String, Integer> saved = new HashMap<>();
    for (String v : over) {
      saved.put(v, env.get(v));
    }
    int[] levels = new int[over.size()];
    int[] at = new int[over.size()];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = p.levels(over.get(i));
      env.put(over.get(i), 0);
    }
    double total = 0;
    while (true) {
      total += eval(s.body(), env, p);
      int i = 0;
      while (i < at.length && ++at[i] == levels[i]) {
        at[i] = 0;
        env.put(over.get(i), 0);
        i++;
      }
      if (i == at.length) {
        break;
      }
      env.put(over.get(i), at[i]);
    }
    for (String v : over) {
      if (saved.get(v) == null) {
        env.remove(v);
      } else {
        env.put(v, saved.get(v));
      }
    }
    return total;
  }

  /**
   * The expression as text, e.g. {@code Σ_{Z} P(Y | X, Z) P(Z)}: {@code Σ_{…}} for sums,
   * juxtaposition for products, {@code [a] / [b]} for quotients, and a prime on a bound variable
   * that shares its name with a free one or with one bound further out.
   */
  default String toText() {
    StringBuilder sb = new StringBuilder();
    ExpressionText.print(this, new HashMap<>(), new HashSet<>(freeVariables()), sb);
    return sb.toString();
  }

  /** A discrete distribution to {@link #evaluate} expressions on. */
  interface DiscreteDistribution {
    /** The number of values of a variable, coded {@code 0..levels-1}. */
    int levels(String variable);

    /** The probability that the named variables take the given values (a marginal). */
    double probability(Map<String, Integer> assignment);
  }
}
