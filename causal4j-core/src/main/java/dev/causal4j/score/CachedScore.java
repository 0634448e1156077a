package dev.causal4j.score;

import java.util.Arrays;
import java.util.List;

/**
 * A cache of local scores over any decomposable {@link Score}, shared by all the threads of a
 * search: GES, BOSS and their relatives ask for the same (node, parent set) many times.
 *
 * <p>Keys are the node and its parent set in ascending order (parent order never changes a local
 * score), held as {@code int} arrays in open-addressing tables with {@code double} values, split
 * into lock-striped segments: no boxing, and threads contend only when they hit the same segment.
 * A miss computes the score outside the lock; two threads may compute the same entry at once,
 * which is harmless because scores are deterministic. The cache grows without bound (one entry
 * is about 40 + 4·|Pa| bytes); make a new one per search.
 */
public final class CachedScore implements Score {
  private static final int SEGMENTS = 64;

  private final Score delegate;
  private final Segment[] segments = new Segment[SEGMENTS];
  private final ThreadLocal<int[][]> keyScratch = ThreadLocal.withInitial(() -> new int[1][16]);

  public CachedScore(Score delegate) {
    this.delegate = delegate;
    for (int s = 0; s < SEGMENTS; s++) {
      segments[s] = new Segment();
    }
  }

  /** The score being cached. */
  public Score delegate() {
    return delegate;
  }

  @Override
  public List<String> variables() {
    return delegate.variables();
  }

  @Override
  public double localScore(int node, int[] parents) {
    int[][] holder = keyScratch.get();
    int len = parents.length + 1;
    if (holder[0].length < len) {
      holder[0] = new int[Math.max(len, 2 * holder[0].length)];
    }
    int[] key = holder[0];
    key[0] = node;
    System.arraycopy(parents, 0, key, 1, parents.length);
    Arrays.sort(key, 1, len);
    long h = hash(key, len);
    Segment seg = segments[(int) (h >>> 58)];
    double cached = seg.get(key, len, h);
    if (!Double.isNaN(cached)) {
      return cached;
    }
    double v = delegate.localScore(node, parents);
    if (!Double.isNaN(v)) {
      seg.put(Arrays.copyOf(key, len), h, v);
    }
    return v;
  }

  /** The number of cached entries. */
  public long size() {
    long s = 0;
    for (Segment seg : segments) {
      synchronized (seg) {
        s += seg.size;
      }
    }
    return s;
  }

  private static long hash(int[] key, int len) {
    long h = 0x9E3779B97F4A7C15L * (len + 1);
    for (int q = 0; q < len; q++) {
      h = (h ^ key[q]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 29);
  }

  /** One open-addressing table (linear probing), guarded by its own monitor. */
  private static final class Segment {
    private int[][] keys = new int[16][];
    private long[] hashes = new long[16];
    private double[] values = new double[16];
    private int size;

    synchronized double get(int[] key, int len, long h) {
      int mask = keys.length - 1;
      for (int i = (int) h & mask; keys[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == h && equal(keys[i], key, len)) {
          return values[i];
        }
      }
      return Double.NaN;
    }

    synchronized void put(int[] key, long h, double v) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = (int) h & mask;
      for (; keys[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == h && equal(keys[i], key, key.length)) {
          return;
        }
      }
      keys[i] = key;
      hashes[i] = h;
      values[i] = v;
      size++;
    }

    private void grow() {
      int[][] oldKeys = keys;
      long[] oldHashes = hashes;
      double[] oldValues = values;
      keys = new int[oldKeys.length * 2][];
      hashes = new long[keys.length];
      values = new double[keys.length];
      int mask = keys.length - 1;
      for (int q = 0; q < oldKeys.length; q++) {
        if (oldKeys[q] != null) {
          int i = (int) oldHashes[q] & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[q];
          hashes[i] = oldHashes[q];
          values[i] = oldValues[q];
        }
      }
    }

    private static boolean equal(int[] stored, int[] key, int len) {
      if (stored.length != len) {
        return false;
      }
      for (int q = 0; q < len; q++) {
        if (stored[q] != key[q]) {
          return false;
        }
      }
      return true;
    }
  }
}
