package dev.causal4j.discovery.permutation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DAG a permutation search reads off one order: each variable's parents are chosen from its
 * predecessors by grow-shrink on the score (add the predecessor that raises the local score most
 * while one does, then drop the parent whose removal raises it most while one does). With a
 * consistent score and enough data, the true causal order gives the true DAG. Useful when an order
 * is known (from domain knowledge, or from another method such as LiNGAM), and as the unit that
 * {@link Boss} and {@link Grasp} repeat.
 */
public final class GrowShrinkDag {
  private GrowShrinkDag() {}

  /**
   * The grow-shrink DAG of {@code order}, which must name every variable of the score once.
   *
   * @throws InvalidInputException if the order misses, repeats or invents a variable
   */
  public static Graph of(Score score, List<String> order) {
    return of(score, order, Knowledge.empty());
  }

  /**
   * The grow-shrink DAG of {@code order} under the knowledge: forbidden edges are never chosen
   * and required ones always are.
   *
   * @throws InvalidInputException if the order misses, repeats or invents a variable, or puts a
   *     variable before one the knowledge says must come first
   */
  public static Graph of(Score score, List<String> order, Knowledge knowledge) {
    List<String> names = score.variables();
    int p = names.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < p; i++) {
      index.put(names.get(i), i);
    }
    int[] perm = new int[order.size()];
    for (int i = 0; i < order.size(); i++) {
      Integer v = index.get(order.get(i));
      if (v == null) {
        throw new InvalidInputException(
            "the order names '" + order.get(i) + "', which is not a variable of the score");
      }
      perm[i] = v;
    }
    BoundKnowledge bound = knowledge.bind(names);
    OrderConstraints constraints = new OrderConstraints(bound, p);
    constraints.checkOrder(perm, names);
    ParentSelection selection = new ParentSelection(score, bound);
    int[] position = new int[p];
    for (int i = 0; i < p; i++) {
      position[perm[i]] = i;
    }
    int[][] parents = new int[p][];
    for (int i = 0; i < p; i++) {
      parents[perm[i]] = selection.select(perm, position, i).parents();
    }
    return EquivalenceClass.dag(names, parents).snapshot();
  }
}
