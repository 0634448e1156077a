package dev.causal4j.effects;

import dev.causal4j.effects.Expression.Probability;
import dev.causal4j.effects.Expression.Product;
import dev.causal4j.effects.Expression.Quotient;
import dev.causal4j.effects.Expression.Sum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes {@link Expression}s as text (see {@link Expression#toText}). */
final class ExpressionText {
  private ExpressionText() {}


  static void print(Expression e, Map<String, String> rename, Set<String> inUse,
      StringBuilder sb) {
    if (e instanceof Probability p) {
      sb.append("P(");
      names(p.variables(), rename, sb);
      if (!p.given().isEmpty()) {
        sb.append(" | ");
        names(p.given(), rename, sb);
      }
      sb.append(')');
    } else if (e instanceof Product p) {
      if (p.factors().isEmpty()) {
        sb.append('1');
        return;
      }
      for (int i = 0; i < p.factors().size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        Expression f = p.factors().get(i);
        boolean bracket = f instanceof Quotient || (f instanceof Sum && i < p.factors().size() - 1);
        if (bracket) {
          sb.append('[');
        }
        print(f, rename, inUse, sb);
        if (bracket) {
          sb.append(']');
        }
      }
    } else if (e instanceof Sum s) {
      Map<String, String> inner = new HashMap<>(rename);
      Set<String> innerUse = new HashSet<>(inUse);
      List<String> shown = new ArrayList<>();
      for (String v : s.over()) {
        String name = v;
        while (innerUse.contains(name)) {
          name = name + "'";
        }
        innerUse.add(name);
        inner.put(v, name);
        shown.add(name);
      }
      sb.append("Σ_");
      if (shown.size() == 1 && shown.get(0).length() == 1) {
        sb.append(shown.get(0));
      } else {
        sb.append('{').append(String.join(", ", shown)).append('}');
      }
      sb.append(' ');
      print(s.body(), inner, innerUse, sb);
    } else if (e instanceof Quotient q) {
      sb.append('[');
      print(q.numerator(), rename, inUse, sb);
      sb.append("] / [");
      print(q.denominator(), rename, inUse, sb);
      sb.append(']');
    }
  }

  private static void names(Collection<String> vars, Map<String, String> rename,
      StringBuilder sb) {
    boolean first = true;
    for (String v : vars) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(rename.getOrDefault(v, v));
    }
  }
}
