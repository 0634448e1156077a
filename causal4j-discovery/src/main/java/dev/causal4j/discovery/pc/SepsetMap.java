package dev.causal4j.discovery.pc;

import java.util.HashMap;
import java.util.Map;

/**
 * The conditioning set that made each removed pair independent. Pairs removed by the empty set
 * (nearly all of them at depth 0 on large graphs) are not stored: a removed pair with no entry
 * was separated by the empty set.
 */
public final class SepsetMap {
  private static final int[] EMPTY = new int[0];
  private final int p;
  private final Map<Long, int[]> nonEmpty = new HashMap<>();

  SepsetMap(int p) {
    this.p = p;
  }

  void put(int a, int b, int[] sepset) {
    if (sepset.length > 0) {
      nonEmpty.put(key(a, b), sepset.clone());
    }
  }

  /**
   * The set that separated {@code a} and {@code b} (ascending), or the empty set; only meaningful
   * for pairs the search removed.
   */
  public int[] get(int a, int b) {
    int[] s = nonEmpty.get(key(a, b));
    return s == null ? EMPTY : s.clone();
  }

  /** True if {@code v} is in the separating set of the removed pair {@code a}, {@code b}. */
  public boolean contains(int a, int b, int v) {
    int[] s = nonEmpty.get(key(a, b));
    if (s == null) {
      return false;
    }
    for (int u : s) {
      if (u == v) {
        return true;
      }
    }
    return false;
  }

  private long key(int a, int b) {
    return a < b ? (long) a * p + b : (long) b * p + a;
  }
}
