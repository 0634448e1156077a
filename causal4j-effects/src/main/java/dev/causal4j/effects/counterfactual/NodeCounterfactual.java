package dev.causal4j.effects.counterfactual;

import dev.causal4j.effects.scm.NodeSummary;
import java.util.OptionalDouble;

/**
 * One node of a unit's counterfactual: what was observed and what it would have been.
 *
 * @param observed the observed value (a level code for a categorical node)
 * @param observedText the observed value as text (the level's name for a categorical node)
 * @param noise what abduction learned about the node's noise
 * @param recoveredNoise the recovered additive noise, when {@code noise} is {@link
 *     NoiseStatus#RECOVERED}
 * @param point whether the counterfactual is one value (every source of uncertainty about it was
 *     recovered or set); otherwise it is a distribution, never to be read as a point
 * @param value the counterfactual value when {@code point} (a level code for a categorical node)
 * @param distribution the Monte-Carlo distribution of the counterfactual (degenerate when {@code
 *     point})
 * @param explanation one sentence on why the answer is a point or a distribution
 */
public record NodeCounterfactual(String node, double observed, String observedText,
    NoiseStatus noise, OptionalDouble recoveredNoise, boolean point, OptionalDouble value,
    NodeSummary distribution, String explanation) {}
