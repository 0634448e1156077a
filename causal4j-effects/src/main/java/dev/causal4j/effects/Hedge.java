package dev.causal4j.effects;

import java.util.List;

/**
 * A hedge (Shpitser &amp; Pearl 2006): two C-forests {@code F ⊋ F'} over the same root set, where
 * {@code F} contains treatment nodes and {@code F'} does not. From it one builds two causal
 * models that agree on the observed distribution and disagree on {@code P(y | do(x))}, so the
 * effect is not identifiable by any method.
 *
 * @param forest the nodes of {@code F}
 * @param subforest the nodes of {@code F'}
 */
public record Hedge(List<String> forest, List<String> subforest) {
  public Hedge {
    forest = List.copyOf(forest);
    subforest = List.copyOf(subforest);
  }

  /** The hedge in words. */
  public String describe() {
    return "the hedge F = {" + String.join(", ", forest) + "}, F' = {"
        + String.join(", ", subforest) + "}: hidden common causes tie the nodes of each together,"
        + " F holds treatment nodes and F' does not, so two models that agree on every observed"
        + " probability can still disagree on the effect";
  }
}
