package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.pc.SepsetMap;
import dev.causal4j.graph.FciOrientation;
import java.util.HashMap;
import java.util.Map;

/**
 * The separating sets of an FCI-family search: those the skeleton search recorded, and those
 * found later (Possible-D-SEP, RFCI's extra tests), which take precedence for their pairs. Reads
 * may run on many threads while no one writes; writes happen between parallel phases.
 */
final class Sepsets implements FciOrientation.SepsetLookup {
  private final SepsetMap skeleton;
  private final int p;
  private final Map<Long, int[]> later = new HashMap<>();

  Sepsets(SepsetMap skeleton, int p) {
    this.skeleton = skeleton;
    this.p = p;
  }

  /** The set that separated the removed pair {@code a}, {@code b}, ascending (a new array). */
  int[] get(int a, int b) {
    int[] s = later.get(key(a, b));
    return s == null ? skeleton.get(a, b) : s.clone();
  }

  boolean contains(int a, int b, int v) {
    int[] s = later.get(key(a, b));
    if (s == null) {
      return skeleton.contains(a, b, v);
    }
    for (int u : s) {
      if (u == v) {
        return true;
      }
    }
    return false;
  }

  /** Records the set that separated {@code a} and {@code b}, removed after the skeleton search. */
  void put(int a, int b, int[] sepset) {
    later.put(key(a, b), sepset.clone());
  }

  @Override
  public boolean isInSepset(int a, int b, int c) {
    return contains(a, c, b);
  }

  private long key(int a, int b) {
    return a < b ? (long) a * p + b : (long) b * p + a;
  }
}
