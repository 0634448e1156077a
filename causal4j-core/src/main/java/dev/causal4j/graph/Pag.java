package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.BitSet;

/**
 * Partial ancestral graphs: the Markov equivalence class of a MAG, drawn as its skeleton with the
 * marks every MAG of the class shares, and a circle where members differ (Zhang 2008, "On the
 * completeness of orientation rules for causal discovery in the presence of latent confounders
 * and selection bias", Artificial Intelligence 172; Ali, Richardson &amp; Spirtes 2009).
 *
 * <p>The PAG is built as FCI would build it from a d-separation oracle, with the MAG itself
 * answering the oracle's questions: the skeleton with {@code o-o} edges, then {@link
 * FciOrientation} (R0, R1–R4, R8–R10) where "is {@code b} in the separating set of {@code a} and
 * {@code c}" is answered with the separating set {@code An({a,c}) ∖ {a,c}} of the MAG (in a MAG
 * two non-adjacent nodes are m-separated by their other ancestors, and the middle node of an
 * unshielded triple or of a discriminating path is a non-collider exactly when it lies in every
 * separating set). No selection variables (see {@link Mag}).
 */
public final class Pag {
  private Pag() {}

  /**
   * The PAG of a MAG: the class of MAGs Markov equivalent to it.
   *
   * @param mag a MAG over observed nodes ({@code -->} and {@code <->} edges, ancestral, maximal)
   * @return a graph of kind {@link GraphKind#PAG} over the MAG's nodes, in the same order
   * @throws InvalidInputException if the graph is not such a MAG, naming why
   */
  public static Graph ofMag(Graph mag) {
    String bad = Mag.magViolation(mag);
    if (bad != null) {
      throw new InvalidInputException("Pag.ofMag needs a maximal ancestral graph; " + bad);
    }
    return orient(mag);
  }

  /**
   * The PAG over the observed nodes of a DAG whose hidden nodes are flagged latent: {@code
   * ofMag(Mag.ofDag(dagWithLatents))}. With no latent nodes it is the PAG of the DAG itself,
   * whose arrowheads are those of its CPDAG.
   *
   * @throws InvalidInputException if the graph is not a DAG
   */
  public static Graph ofDag(Graph dagWithLatents) {
    // A latent projection is a MAG by construction (tested), so the checks of ofMag are skipped.
    return orient(Mag.ofDag(dagWithLatents));
  }

  private static Graph orient(Graph mag) {
    MutableGraph pag = new MutableGraph(mag.nodeNames(), GraphKind.PAG);
    for (Edge e : mag.edges()) {
      pag.addNondirectedEdge(e.from(), e.to());
    }
    BitSet[] anc = Mag.ancestorSets(mag);
    FciOrientation.orient(pag, (a, b, c) -> anc[a].get(b) || anc[c].get(b),
        FciOrientation.Options.defaults());
    return pag.snapshot();
  }
}
