package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Minimal vertex separators in random undirected graphs with unusable vertices, by brute force. */
class MinimalSeparatorsTest {

  private static boolean separates(BitSet[] adj, BitSet xs, BitSet ys, BitSet z) {
    BitSet seen = (BitSet) xs.clone();
    List<Integer> stack = new ArrayList<>(xs.stream().boxed().toList());
    while (!stack.isEmpty()) {
      int v = stack.remove(stack.size() - 1);
      for (int u = adj[v].nextSetBit(0); u >= 0; u = adj[v].nextSetBit(u + 1)) {
        if (!seen.get(u) && !z.get(u)) {
          if (ys.get(u)) {
            return false;
          }
          seen.set(u);
          stack.add(u);
        }
      }
    }
    return true;
  }

  @Test
  void listsExactlyTheMinimalSeparators() {
    int several = 0;
    for (long seed = 0; seed < 500; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int n = 5 + rng.nextInt(6);
      BitSet[] adj = new BitSet[n];
      for (int v = 0; v < n; v++) {
        adj[v] = new BitSet();
      }
      double density = 0.2 + 0.4 * rng.nextDouble();
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          if (rng.nextDouble() < density) {
            adj[a].set(b);
            adj[b].set(a);
          }
        }
      }
      BitSet xs = Oracle.bits(0);
      BitSet ys = seed % 3 == 0 ? Oracle.bits(1, 2) : Oracle.bits(1);
      if (seed % 4 == 0) {
        xs.set(n - 1);
      }
      BitSet allowed = new BitSet();
      for (int v = 0; v < n; v++) {
        if (!xs.get(v) && !ys.get(v) && rng.nextDouble() < 0.8) {
          allowed.set(v);
        }
      }
      List<BitSet> separators = new ArrayList<>();
      for (BitSet z : Oracle.subsets(allowed.stream().toArray())) {
        if (separates(adj, xs, ys, z)) {
          separators.add(z);
        }
      }
      MinimalSeparators.Result r = MinimalSeparators.enumerate(adj, xs, ys, allowed, 10_000);
      assertThat(r.truncated()).isFalse();
      assertThat(r.separators()).as("seed %d", seed)
          .containsExactlyInAnyOrderElementsOf(Oracle.minimal(separators));
      if (r.separators().size() > 1) {
        several++;
      }
      if (r.separators().size() > 2) {
        MinimalSeparators.Result capped = MinimalSeparators.enumerate(adj, xs, ys, allowed, 2);
        assertThat(capped.separators()).hasSize(2);
        assertThat(capped.truncated()).isTrue();
      }
    }
    assertThat(several).isGreaterThan(30);
  }
}
