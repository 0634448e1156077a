package dev.causal4j.effects.mediation;

/**
 * An identification assumption, what is known about it, and why.
 *
 * @param assumption the assumption, as a sentence
 * @param detail how it was checked, or what would violate it
 */
public record AssumptionCheck(String assumption, CheckStatus status, String detail) {}
