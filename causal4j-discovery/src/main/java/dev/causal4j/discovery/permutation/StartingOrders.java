package dev.causal4j.discovery.permutation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The starting orders of a permutation search's restarts: the data's column order first (if
 * asked), then seeded random permutations, each made valid for the knowledge. The same seed gives
 * the same orders on any machine (Commons RNG's XoRoShiRo128++ with a fixed seed).
 */
final class StartingOrders {
  private final OrderConstraints constraints;
  private final int p;
  private final boolean dataOrderFirst;
  private final UniformRandomProvider rng;
  private int made;

  StartingOrders(OrderConstraints constraints, int p, boolean dataOrderFirst, long seed) {
    this.constraints = constraints;
    this.p = p;
    this.dataOrderFirst = dataOrderFirst;
    this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  int[] next() {
    int[] perm = PermutationSampler.natural(p);
    if (made > 0 || !dataOrderFirst) {
      PermutationSampler.shuffle(rng, perm);
    }
    made++;
    return constraints.validOrder(perm);
  }
}
