package dev.causal4j.discovery.fci;

import dev.causal4j.InvalidInputException;
import dev.causal4j.discovery.pc.Skeleton;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.FciOrientation;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.MutableGraph;
import java.util.List;

/** What the FCI-family searches share: option checks, the start graph, warnings. */
final class FciSupport {
  private FciSupport() {}

  static double checkAlpha(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new InvalidInputException("alpha must be between 0 and 1 (exclusive); got " + alpha);
    }
    return alpha;
  }

  static int checkThreads(int threads) {
    if (threads < 1) {
      throw new InvalidInputException("--threads must be at least 1; got " + threads);
    }
    return threads;
  }

  /** Negative means no limit (stored as −1); otherwise at least 3 edges. */
  static int checkDiscriminatingPathLength(int edges) {
    if (edges < 0) {
      return -1;
    }
    if (edges < 3) {
      throw new InvalidInputException("--max-discriminating-path-length must be at least 3 (a"
          + " discriminating path has at least three edges), or -1 for no limit; got " + edges);
    }
    return edges;
  }

  /** The skeleton with every edge {@code o-o}. */
  static MutableGraph circles(Skeleton skeleton, List<String> names) {
    MutableGraph g = new MutableGraph(names);
    for (int a = 0; a < names.size(); a++) {
      for (int b : skeleton.neighbors(a)) {
        if (a < b) {
          g.addNondirectedEdge(a, b);
        }
      }
    }
    return g;
  }

  /** Turns every edge of {@code g} back into {@code o-o}. */
  static void resetToCircles(MutableGraph g) {
    for (int a = 0; a < g.size(); a++) {
      for (int b : g.adjacentNodes(a)) {
        g.setEndpoint(a, b, Endpoint.CIRCLE);
      }
    }
  }

  /**
   * The unshielded triples {@code a *-* b *-* c} that the separating sets make colliders but
   * that do not have both arrowheads at {@code b}: after R0, only background knowledge (a tail it
   * required there) leaves such a triple, so each is knowledge the data contradict.
   */
  static int colliderConflicts(Graph g, FciOrientation.SepsetLookup sepsets) {
    int conflicts = 0;
    for (int b = 0; b < g.size(); b++) {
      int[] nb = g.adjacentNodes(b);
      for (int i = 0; i < nb.length; i++) {
        for (int j = i + 1; j < nb.length; j++) {
          int a = nb[i];
          int c = nb[j];
          if (!g.isAdjacent(a, c) && !sepsets.isInSepset(a, b, c)
              && (g.endpoint(a, b) != Endpoint.ARROW || g.endpoint(c, b) != Endpoint.ARROW)) {
            conflicts++;
          }
        }
      }
    }
    return conflicts;
  }

  static String colliderConflictWarning(int conflicts) {
    return conflicts + " unshielded collider(s) found by the tests contradict the background"
        + " knowledge (it requires a tail there) and were not oriented";
  }
}
