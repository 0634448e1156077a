package dev.causal4j.graph;

/**
 * A v-structure (unshielded collider) {@code a --> collider <-- b} with {@code a} and {@code b}
 * not adjacent; {@code a < b}.
 */
public record VStructure(int a, int collider, int b) {}
