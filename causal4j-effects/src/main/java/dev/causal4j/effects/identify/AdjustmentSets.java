package dev.causal4j.effects.identify;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Checks a proposed adjustment set against a causal graph: the adjustment criterion on a DAG
 * (hidden nodes as latent nodes or {@code <->} edges), the generalized adjustment criterion on a
 * CPDAG, MAG or PAG. For finding sets, use {@link Identifier}.
 */
public final class AdjustmentSets {
  private AdjustmentSets() {}

  /**
   * True if adjusting for {@code z} identifies the effect of {@code x} on {@code y}: in a DAG,
   * {@code z} has observed nodes only and meets the adjustment criterion (Shpitser, VanderWeele
   * &amp; Robins 2010); in a CPDAG, MAG or PAG, it meets the generalized adjustment criterion
   * (Perković et al. 2018), so it is valid in every graph of the class.
   *
   * @throws InvalidInputException if a name is unknown or the graph is not a causal graph
   */
  public static boolean isValid(Graph graph, Collection<String> x, Collection<String> y,
      Collection<String> z) {
    CausalDiagram d = CausalDiagram.of(graph);
    BitSet zs = Sets.of(graph, z);
    if (d.semantics == CausalDiagram.Semantics.DAG) {
      Graph dag = d.dagWithLatents(List.of());
      return AdjustmentProblem.forDag(dag, Sets.of(graph, x), Sets.of(graph, y), new BitSet(),
          new BitSet()).isValid(zs);
    }
    ClassAdjustment ca = new ClassAdjustment(graph, d.semantics == CausalDiagram.Semantics.PAG,
        Sets.of(graph, x), Sets.of(graph, y));
    return ca.isAmenable() && ca.inMember(new BitSet(), new BitSet()).isValid(zs);
  }

  /**
   * True if {@code z} meets Pearl's back-door criterion in a DAG: no node of {@code z} descends
   * from {@code x}, and {@code z} blocks every path between {@code x} and {@code y} that starts
   * with an edge into {@code x}. Sufficient, not necessary, for {@link #isValid}.
   *
   * @throws InvalidInputException if a name is unknown or the graph is not a DAG (hidden nodes
   *     and {@code <->} edges allowed)
   */
  public static boolean isBackdoorSet(Graph dag, Collection<String> x, Collection<String> y,
      Collection<String> z) {
    CausalDiagram d = CausalDiagram.of(dag);
    if (d.semantics != CausalDiagram.Semantics.DAG) {
      throw new InvalidInputException("the back-door criterion is checked on a DAG; this graph is"
          + " read as a " + d.semantics + " (use isValid for the generalized criterion)");
    }
    BitSet zs = Sets.of(dag, z);
    Graph full = d.dagWithLatents(List.of());
    for (int v = zs.nextSetBit(0); v >= 0; v = zs.nextSetBit(v + 1)) {
      if (full.isLatent(v)) {
        return false;
      }
    }
    return AdjustmentProblem.forDag(full, Sets.of(dag, x), Sets.of(dag, y), new BitSet(),
        new BitSet()).isBackdoorSet(zs);
  }
}
