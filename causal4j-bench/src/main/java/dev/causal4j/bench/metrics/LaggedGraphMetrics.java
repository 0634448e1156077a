package dev.causal4j.bench.metrics;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.LaggedGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Precision, recall and F1 of an estimated time-series graph against the truth, on lagged links
 * and on the summary graph, with and without the orientation of contemporaneous links ({@link
 * LaggedGraphComparison}). Variables are matched by name; the truth's latent series are dropped
 * first. Lagged links are oriented by time, so only contemporaneous orientation can be wrong;
 * autodependence ({@code X(t−1) --> X(t)}) is a lagged link like any other, and never part of the
 * summary graph (whose pairs are of distinct variables).
 *
 * <p>{@link #compareSummary} scores against a truth known only at the variable level (the edge
 * lists of NetSim, Lorenz-96 and the fMRI feedback networks), on the same two summary measures.
 */
public final class LaggedGraphMetrics {
  private LaggedGraphMetrics() {}

  /**
   * @throws InvalidInputException if the variables differ
   */
  public static LaggedGraphComparison compare(LaggedGraph truthWithLatents, LaggedGraph estimate) {
    LaggedGraph truth = truthWithLatents.observedPart();
    int[] map = match(truth.variables(), estimate);
    Set<String> trueLinks = new HashSet<>();
    Set<String> trueOriented = new HashSet<>();
    for (LaggedGraph.Link l : truth.links()) {
      trueLinks.add(linkKey(map[l.from()], map[l.to()], l.lag()));
      trueOriented.add(orientedKey(map[l.from()], map[l.to()], l));
    }
    Set<String> estLinks = new HashSet<>();
    Set<String> estOriented = new HashSet<>();
    for (LaggedGraph.Link l : estimate.links()) {
      estLinks.add(linkKey(l.from(), l.to(), l.lag()));
      estOriented.add(orientedKey(l.from(), l.to(), l));
    }
    SummaryComparison s = summary(summaryPairs(truth, map, estimate.size()), estimate);
    return new LaggedGraphComparison(count(trueLinks, estLinks), count(trueOriented, estOriented),
        s.adjacency(), s.directed());
  }

  /** Summary measures against a summary-level truth. */
  public record SummaryComparison(Counts adjacency, Counts directed) {}

  /**
   * Scores the estimate's summary graph against true directed edges given by name ({@code
   * {cause, effect}}; self-edges are ignored).
   *
   * @throws InvalidInputException if an edge names a variable the estimate lacks
   */
  public static SummaryComparison compareSummary(Collection<String[]> trueEdges,
      LaggedGraph estimate) {
    Set<Long> directed = new HashSet<>();
    for (String[] e : trueEdges) {
      int a = estimate.indexOf(e[0]);
      int b = estimate.indexOf(e[1]);
      if (a < 0 || b < 0) {
        throw new InvalidInputException("the true edge " + e[0] + " --> " + e[1] + " names '"
            + (a < 0 ? e[0] : e[1]) + "', which the estimate does not have; its variables are "
            + String.join(", ", estimate.variables()));
      }
      if (a != b) {
        directed.add(pair(a, b, estimate.size()));
      }
    }
    return summary(directed, estimate);
  }

  private static SummaryComparison summary(Set<Long> trueDirected, LaggedGraph estimate) {
    int p = estimate.size();
    Set<Long> trueAdj = new HashSet<>();
    for (long k : trueDirected) {
      int a = (int) (k / p);
      int b = (int) (k % p);
      trueAdj.add(pair(Math.min(a, b), Math.max(a, b), p));
    }
    Set<Long> estDirected = new HashSet<>();
    Set<Long> estAdj = new HashSet<>();
    for (LaggedGraph.Link l : estimate.links()) {
      if (l.from() == l.to()) {
        continue;
      }
      estAdj.add(pair(Math.min(l.from(), l.to()), Math.max(l.from(), l.to()), p));
      if (l.isDirected()) {
        estDirected.add(pair(l.from(), l.to(), p));
      }
    }
    return new SummaryComparison(count(trueAdj, estAdj), count(trueDirected, estDirected));
  }

  /** True directed pairs, keyed {@code a·p + b} in the estimate's numbering. */
  private static Set<Long> summaryPairs(LaggedGraph truth, int[] map, int p) {
    Set<Long> out = new HashSet<>();
    for (LaggedGraph.Link l : truth.links()) {
      if (l.from() != l.to() && l.isDirected()) {
        out.add(pair(map[l.from()], map[l.to()], p));
      }
    }
    return out;
  }

  private static long pair(int a, int b, int p) {
    return (long) a * p + b;
  }

  private static <T> Counts count(Set<T> truth, Set<T> estimate) {
    int tp = 0;
    for (T k : estimate) {
      if (truth.contains(k)) {
        tp++;
      }
    }
    return new Counts(tp, estimate.size() - tp, truth.size() - tp);
  }

  private static String linkKey(int from, int to, int lag) {
    return lag == 0 ? "0:" + Math.min(from, to) + ":" + Math.max(from, to)
        : lag + ":" + from + ":" + to;
  }

  private static String orientedKey(int from, int to, LaggedGraph.Link l) {
    if (l.lag() > 0) {
      return l.lag() + ":" + from + ":" + to + ":" + l.symbol();
    }
    // Contemporaneous: written from the lower index's side so that X --> Y and Y <-- X agree.
    return from < to ? "0:" + from + ":" + to + ":" + l.symbol()
        : "0:" + to + ":" + from + ":" + reverse(l.symbol());
  }

  private static String reverse(String symbol) {
    char a = symbol.charAt(0);
    char c = symbol.charAt(2);
    return "" + (c == '>' ? '<' : c) + '-' + (a == '<' ? '>' : a);
  }

  private static int[] match(List<String> truthNames, LaggedGraph estimate) {
    List<String> missing = new ArrayList<>();
    int[] map = new int[truthNames.size()];
    for (int v = 0; v < map.length; v++) {
      map[v] = estimate.indexOf(truthNames.get(v));
      if (map[v] < 0) {
        missing.add(truthNames.get(v));
      }
    }
    if (!missing.isEmpty() || estimate.size() != truthNames.size()) {
      List<String> extra = new ArrayList<>();
      for (String v : estimate.variables()) {
        if (!truthNames.contains(v)) {
          extra.add(v);
        }
      }
      throw new InvalidInputException("the estimate and the truth have different variables:"
          + (extra.isEmpty() ? "" : " only in the estimate: " + String.join(", ", extra))
          + (missing.isEmpty() ? "" : (extra.isEmpty() ? "" : ";") + " only in the truth: "
              + String.join(", ", missing))
          + "; compare graphs over the same variables (hidden series of the truth are left out)");
    }
    return map;
  }
}
