package dev.causal4j.discovery.resampling;

import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each kind of edge joined one pair of nodes {@code a < b} across the resampled
 * searches: the fraction of runs with no edge and with each edge symbol read from {@code a}'s side
 * ({@code -->}, {@code <--}, {@code ---}, {@code <->}, {@code o->}, {@code <-o}, {@code o-o},
 * {@code --o}, {@code o--}).
 */
public record EdgeFrequencies(int a, int b, int runs, int[] counts) {
  /** Index of "no edge" in {@link #counts()}; the others are {@link #index(Endpoint, Endpoint)}. */
  public static final int NONE = 9;

  /** The slot in {@link #counts()} of the edge with these marks at {@code a} and {@code b}. */
  public static int index(Endpoint atA, Endpoint atB) {
    return atA.ordinal() * 3 + atB.ordinal();
  }

  /** The fraction of runs in which {@code a} and {@code b} were adjacent. */
  public double adjacency() {
    return 1.0 - (double) counts[NONE] / runs;
  }

  /** The fraction of runs with the edge {@code e} (between {@code a} and {@code b}) exactly. */
  public double frequency(Edge e) {
    Edge fromA = e.from() == a ? e : e.reversed();
    return (double) counts[index(fromA.atFrom(), fromA.atTo())] / runs;
  }

  /** Edge symbol (read from {@code a}'s side, or "none") → fraction of runs, most frequent first. */
  public Map<String, Double> bySymbol() {
    Map<String, Double> out = new LinkedHashMap<>();
    Integer[] order = new Integer[10];
    for (int i = 0; i < 10; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
    for (int i : order) {
      if (counts[i] > 0) {
        out.put(i == NONE ? "none" : symbol(i), (double) counts[i] / runs);
      }
    }
    return out;
  }

  private static String symbol(int i) {
    Endpoint[] m = Endpoint.values();
    return new Edge(0, 1, m[i / 3], m[i % 3]).symbol();
  }
}
