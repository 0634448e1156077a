package dev.causal4j.bench.metrics;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;

/** Turns a true graph into the graph an estimate is scored against. */
public final class References {
  private References() {}

  /** The default reference: the CPDAG for a truth without hidden nodes, else the PAG. */
  public static Reference defaultFor(Graph truth) {
    if (truth.kind() == GraphKind.PAG || truth.kind() == GraphKind.MAG) {
      return Reference.PAG;
    }
    if (truth.kind() == GraphKind.CPDAG) {
      return Reference.CPDAG;
    }
    return Graphs.latentNodes(truth).length > 0 ? Reference.PAG : Reference.CPDAG;
  }

  /**
   * The reference graph of a truth: the truth itself when it already is of the asked kind (a
   * CPDAG file for {@link Reference#CPDAG}, a PAG file for {@link Reference#PAG}); for {@link
   * Reference#DAG}, the DAG's observed part.
   *
   * @throws InvalidInputException if the truth cannot give that reference (a CPDAG truth cannot
   *     give its DAG), or if the conversion from a DAG is not available in this build
   */
  public static Graph referenceFor(Graph truth, Reference reference) {
    GraphKind kind = truth.kind();
    switch (reference) {
      case DAG -> {
        if (kind != GraphKind.DAG) {
          throw new InvalidInputException("--reference dag needs a true DAG, but the truth is a "
              + kind + "; use --reference " + (kind == GraphKind.PAG ? "pag" : "cpdag"));
        }
        return GraphMetrics.observedPart(truth);
      }
      case CPDAG -> {
        if (kind == GraphKind.CPDAG) {
          return truth;
        }
      }
      case PAG -> {
        if (kind == GraphKind.PAG) {
          return truth;
        }
      }
      default -> throw new IllegalStateException(reference.toString());
    }
    // Integration point: Cpdag.of(dag) and Pag.ofDag(dag) from the graph package go here.
    throw new InvalidInputException("scoring against the " + reference + " of a " + kind
        + " needs the " + kind + " → " + reference + " conversion, which this build does not have"
        + " yet; give the " + reference + " itself as the truth, or use --reference dag");
  }
}
