package dev.causal4j.effects.identify;

import dev.causal4j.effects.Expression;
import dev.causal4j.effects.Expression.Probability;
import dev.causal4j.effects.Expression.Product;
import dev.causal4j.effects.Expression.Quotient;
import dev.causal4j.effects.Expression.Sum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link Expression}s bottom-up, simplifying as it goes with identities that hold for any
 * distribution (where the conditionals are defined), so the ID algorithm's output reads like the
 * textbook formula:
 *
 * <ul>
 *   <li>chain rule: {@code P(A | C) P(B | A, C) = P(A, B | C)};
 *   <li>marginalization: {@code Σ_d P(A | C) = P(A ∖ d | C)} when {@code d ∈ A} and no other factor
 *       mentions {@code d}, and {@code Σ_d P(d | C) = 1};
 *   <li>factors that do not mention the summed variables move out of the sum;
 *   <li>common factors of a quotient cancel, and {@code P(A | C) / P(B | C) = P(A ∖ B | B, C)} for
 *       {@code B ⊂ A}.
 * </ul>
 *
 * Every atom is a conditional of the same observational distribution, which is what makes the
 * chain rule applicable between any two atoms. Variables are kept in a fixed order (a topological
 * order of the graph) so equal atoms are equal records.
 */
final class Simplifier {
  private final Comparator<String> order;

  Simplifier(Comparator<String> order) {
    this.order = order;
  }

  /** {@code P(vars | given)}, or 1 when {@code vars} is empty. */
  Expression probability(Collection<String> vars, Collection<String> given) {
    if (vars.isEmpty()) {
      return Expression.ONE;
    }
    List<String> v = new ArrayList<>(new LinkedHashSet<>(vars));
    List<String> g = new ArrayList<>(new LinkedHashSet<>(given));
    g.removeAll(v);
    v.sort(order);
    g.sort(order);
    return new Probability(v, g);
  }

  Expression product(List<Expression> factors) {
    List<Expression> flat = new ArrayList<>();
    for (Expression f : factors) {
      if (f instanceof Product p) {
        flat.addAll(p.factors());
      } else {
        flat.add(f);
      }
    }
    mergeChains(flat);
    return flat.size() == 1 ? flat.get(0) : new Product(flat);
  }

  Expression sum(Collection<String> over, Expression body) {
    List<String> d = new ArrayList<>(new LinkedHashSet<>(over));
    if (d.isEmpty()) {
      return body;
    }
    if (body instanceof Sum s && java.util.Collections.disjoint(d, s.over())) {
      d.addAll(s.over());
      body = s.body();
    }
    List<Expression> factors = new ArrayList<>();
    if (body instanceof Product p) {
      factors.addAll(p.factors());
    } else {
      factors.add(body);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      mergeChains(factors);
      for (String v : new ArrayList<>(d)) {
        int only = -1;
        int count = 0;
        for (int i = 0; i < factors.size(); i++) {
          if (factors.get(i).freeVariables().contains(v)) {
            only = i;
            count++;
          }
        }
        if (count == 1 && factors.get(only) instanceof Probability p
            && p.variables().contains(v)) {
          List<String> rest = new ArrayList<>(p.variables());
          rest.remove(v);
          Expression marginal = probability(rest, p.given());
          if (marginal instanceof Product) {
            factors.remove(only);
          } else {
            factors.set(only, marginal);
          }
          d.remove(v);
          changed = true;
        }
      }
    }
    if (d.isEmpty()) {
      return product(factors);
    }
    List<Expression> outside = new ArrayList<>();
    List<Expression> inside = new ArrayList<>();
    for (Expression f : factors) {
      Set<String> free = f.freeVariables();
      if (d.stream().anyMatch(free::contains)) {
        inside.add(f);
      } else {
        outside.add(f);
      }
    }
    d.sort(order);
    outside.add(new Sum(d, inside.size() == 1 ? inside.get(0) : new Product(inside)));
    return outside.size() == 1 ? outside.get(0) : new Product(outside);
  }

  Expression quotient(Expression numerator, Expression denominator) {
    List<Expression> num = factorsOf(numerator);
    List<Expression> den = factorsOf(denominator);
    for (int i = num.size() - 1; i >= 0; i--) {
      int j = den.indexOf(num.get(i));
      if (j >= 0) {
        num.remove(i);
        den.remove(j);
      }
    }
    if (den.isEmpty()) {
      return product(num);
    }
    if (num.size() == 1 && den.size() == 1 && num.get(0) instanceof Probability a
        && den.get(0) instanceof Probability b && Set.copyOf(a.given()).equals(
            Set.copyOf(b.given())) && a.variables().containsAll(b.variables())) {
      List<String> rest = new ArrayList<>(a.variables());
      rest.removeAll(b.variables());
      List<String> given = new ArrayList<>(a.given());
      given.addAll(b.variables());
      return probability(rest, given);
    }
    return new Quotient(product(num), product(den));
  }

  private static List<Expression> factorsOf(Expression e) {
    return e instanceof Product p ? new ArrayList<>(p.factors()) : new ArrayList<>(List.of(e));
  }

  /** Applies the chain rule between atoms of the list until none applies. */
  private void mergeChains(List<Expression> factors) {
    boolean merged = true;
    while (merged) {
      merged = false;
      search:
      for (int i = 0; i < factors.size(); i++) {
        if (!(factors.get(i) instanceof Probability a)) {
          continue;
        }
        Set<String> aAll = new HashSet<>(a.variables());
        aAll.addAll(a.given());
        for (int j = 0; j < factors.size(); j++) {
          if (i == j || !(factors.get(j) instanceof Probability b)) {
            continue;
          }
          if (Set.copyOf(b.given()).equals(aAll)) {
            List<String> vars = new ArrayList<>(a.variables());
            vars.addAll(b.variables());
            factors.set(Math.min(i, j), probability(vars, a.given()));
            factors.remove(Math.max(i, j));
            merged = true;
            break search;
          }
        }
      }
    }
  }
}
