package dev.causal4j.discovery;

import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/** Random background knowledge for the knowledge-invariant tests of every search. */
public final class RandomKnowledge {
  private RandomKnowledge() {}

  /**
   * Up to three tiers over a random part of the variables (some forbidding edges within), a few
   * forbidden edges, and a few required edges along a random order consistent with the tiers.
   */
  public static Knowledge of(List<String> names, UniformRandomProvider rng) {
    int p = names.size();
    int[] tierOf = new int[p];
    int tiers = 1 + rng.nextInt(3);
    List<List<String>> members = new ArrayList<>();
    for (int t = 0; t < tiers; t++) {
      members.add(new ArrayList<>());
    }
    for (int v = 0; v < p; v++) {
      tierOf[v] = rng.nextDouble() < 0.7 ? rng.nextInt(tiers) : -1;
      if (tierOf[v] >= 0) {
        members.get(tierOf[v]).add(names.get(v));
      }
    }
    Knowledge.Builder kb = Knowledge.builder();
    boolean[] within = new boolean[tiers];
    for (int t = 0; t < tiers; t++) {
      within[t] = rng.nextDouble() < 0.3;
      kb.tier(members.get(t), within[t] ? dev.causal4j.knowledge.Tier.WithinTier.FORBIDDEN
          : dev.causal4j.knowledge.Tier.WithinTier.ALLOWED);
    }
    // An order of the variables that puts earlier tiers first; required edges follow it.
    int[] perm = PermutationSampler.natural(p);
    PermutationSampler.shuffle(rng, perm);
    Integer[] order = new Integer[p];
    for (int i = 0; i < p; i++) {
      order[i] = perm[i];
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(
        tierOf[a] < 0 ? 0 : tierOf[a], tierOf[b] < 0 ? 0 : tierOf[b]));
    int[] position = new int[p];
    for (int i = 0; i < p; i++) {
      position[order[i]] = i;
    }
    int required = rng.nextInt(4);
    for (int k = 0; k < required; k++) {
      int a = rng.nextInt(p);
      int b = rng.nextInt(p);
      if (a == b) {
        continue;
      }
      int from = position[a] < position[b] ? a : b;
      int to = from == a ? b : a;
      boolean sameTier = tierOf[from] >= 0 && tierOf[from] == tierOf[to];
      boolean tierOk = tierOf[from] < 0 || tierOf[to] < 0 || tierOf[from] < tierOf[to]
          || (sameTier && !within[tierOf[from]]);
      if (tierOk) {
        kb.require(names.get(from), names.get(to));
      }
    }
    int forbidden = rng.nextInt(6);
    for (int k = 0; k < forbidden; k++) {
      int a = rng.nextInt(p);
      int b = rng.nextInt(p);
      if (a != b) {
        kb.forbid(names.get(a), names.get(b));
      }
    }
    try {
      return kb.build();
    } catch (dev.causal4j.InvalidInputException e) {
      // A forbidden edge drawn onto a required one: use the knowledge without forbidden edges.
      return of(names, rng);
    }
  }
}
