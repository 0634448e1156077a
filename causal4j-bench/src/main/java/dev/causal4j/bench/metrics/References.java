package dev.causal4j.bench.metrics;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.Pag;

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
   * nodes, its CPDAG ({@link Cpdag#of}); for {@link Reference#PAG} of a DAG (hidden nodes or not)
   * or a MAG, its PAG over the observed nodes ({@link Pag#ofDag}, {@link Pag#ofMag}).
   *
   * @throws InvalidInputException if the truth cannot give that reference (a CPDAG truth cannot
   *     give its DAG or PAG; a DAG with hidden nodes has no CPDAG over the observed ones)
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
        switch (kind) {
          case PAG -> {
            return truth;
          }
          case MAG -> {
            return Pag.ofMag(truth);
          }
          case DAG -> {
            return Pag.ofDag(truth);
          }
          default -> { }
        }
      }
      default -> throw new IllegalStateException(reference.toString());
    }
    throw new InvalidInputException("a " + kind + " truth cannot give the " + reference
        + " to score against; give the " + reference + " itself as the truth, or use --reference "
        + (kind == GraphKind.PAG ? "pag" : "cpdag"));
  }
}
