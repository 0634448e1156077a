package dev.causal4j.discovery.lingam;

import dev.causal4j.InvalidInputException;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What background knowledge says about the causal order, in the sense of Shimizu et al. (2011,
 * §3.3): which variables must come before which. A required edge {@code a --> b} puts {@code a}
 * before {@code b}; tiers put every variable of an earlier tier before every variable of a later
 * one (a later tier "cannot cause" an earlier one, so it cannot be its ancestor either). Forbidden
 * edges say nothing about the order; they are applied when the connection strengths are estimated.
 *
 * <p>Reading tiers as an order is stronger than forbidding the direct edges only when a path
 * could run from a later tier back to an earlier one through variables in no tier; such a path
 * contradicts what tiers mean (time), so it is ruled out.
 */
final class OrderConstraints {
  private final BoundKnowledge knowledge;
  private final int p;
  private final int[][] requiredParents;
  private final int tierCount;

  OrderConstraints(BoundKnowledge knowledge) {
    this.knowledge = knowledge;
    this.p = knowledge.variables().size();
    this.requiredParents = new int[p][];
    int tiers = 0;
    for (int v = 0; v < p; v++) {
      requiredParents[v] = knowledge.requiredParents(v);
      tiers = Math.max(tiers, knowledge.tier(v) + 1);
    }
    this.tierCount = tiers;
    checkSatisfiable();
  }

  /** True if the knowledge says nothing about the order. */
  boolean isEmpty() {
    return knowledge.isEmpty() || (tierCount == 0 && !anyRequired());
  }

  /** True if {@code a} must come before {@code b}. */
  boolean mustPrecede(int a, int b) {
    int ta = knowledge.tier(a);
    int tb = knowledge.tier(b);
    return (ta >= 0 && tb >= 0 && ta < tb) || knowledge.isRequired(a, b);
  }

  /**
   * The variables of {@code remaining} (flags over all variables) that may come next: none of
   * their required parents is still remaining, and no remaining variable sits in an earlier tier.
   * Ascending.
   */
  int[] eligible(boolean[] remaining) {
    int minTier = Integer.MAX_VALUE;
    for (int v = 0; v < p; v++) {
      if (remaining[v] && knowledge.tier(v) >= 0) {
        minTier = Math.min(minTier, knowledge.tier(v));
      }
    }
    int[] out = new int[p];
    int k = 0;
    for (int v = 0; v < p; v++) {
      if (remaining[v] && isEligible(v, remaining, minTier)) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private boolean isEligible(int v, boolean[] remaining, int minTier) {
    int t = knowledge.tier(v);
    if (t >= 0 && t > minTier) {
      return false;
    }
    for (int u : requiredParents[v]) {
      if (remaining[u]) {
        return false;
      }
    }
    return true;
  }

  private boolean anyRequired() {
    for (int[] r : requiredParents) {
      if (r.length > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Places variables greedily; if some can never be placed, the required edges and tiers form a
   * cycle (possible only through variables in no tier, since knowledge rejects a required edge
   * against the tiers).
   */
  private void checkSatisfiable() {
    boolean[] remaining = new boolean[p];
    Arrays.fill(remaining, true);
    int left = p;
    while (left > 0) {
      int[] next = eligible(remaining);
      if (next.length == 0) {
        List<String> stuck = new ArrayList<>();
        for (int v = 0; v < p; v++) {
          if (remaining[v] && stuck.size() < 8) {
            stuck.add(knowledge.variables().get(v));
          }
        }
        throw new InvalidInputException(
            "the knowledge admits no causal order: required edges lead from a later tier back to"
                + " an earlier one through variables in no tier (among "
                + String.join(", ", stuck) + (left > stuck.size() ? ", …" : "")
                + "); put those variables in tiers or drop a required edge");
      }
      for (int v : next) {
        remaining[v] = false;
      }
      left -= next.length;
    }
  }
}
