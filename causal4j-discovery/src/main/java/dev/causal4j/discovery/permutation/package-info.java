/**
 * Permutation-based score searches: {@link dev.causal4j.discovery.permutation.Boss} (best order
 * score search) and {@link dev.causal4j.discovery.permutation.Grasp} (greedy relaxations of the
 * sparsest permutation). Both search over variable orders; an order implies a DAG whose parents
 * are picked from each variable's predecessors by grow-shrink on a decomposable score ({@link
 * dev.causal4j.discovery.permutation.GrowShrinkDag}), and the search returns the CPDAG of the best
 * DAG found.
 */
package dev.causal4j.discovery.permutation;
