package dev.causal4j.bench.metrics;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Cpdag;
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
   * Reference#DAG}, the DAG's observed part; for {@link Reference#CPDAG} of a DAG without hidden
   * nodes, its CPDAG ({@link Cpdag#of}).
   *
   * @throws InvalidInputException if the truth cannot give that reference (a CPDAG truth cannot
   *     give its DAG; a DAG with hidden nodes has no CPDAG over the observed ones), or if the
   *     conversion from a DAG is not available in this build (the PAG of a DAG, for now)
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
        if (kind == GraphKind.DAG) {
          if (Graphs.latentNodes(truth).length > 0) {
            throw new InvalidInputException("the true DAG has hidden variables, so the observed"
                + " variables have no CPDAG (their model is not a DAG); use --reference pag or"
                + " --reference dag");
          }
          return Cpdag.of(truth);
        }
      }
      case PAG -> {
        if (kind == GraphKind.PAG) {
          return truth;
        }
      }
      default -> throw new IllegalStateException(reference.toString());
    }
    // Integration point: Pag.ofDag(dag) from the graph package goes here.
    throw new InvalidInputException("scoring against the " + reference + " of a " + kind
        + " needs the " + kind + " → " + reference + " conversion, which this build does not have"
        + " yet; give the " + reference + " itself as the truth, or use --reference dag");
  }
}
