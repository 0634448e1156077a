package dev.causal4j.discovery.fci;

import dev.causal4j.discovery.pc.EdgeConstraints;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.FciOrientation.OrientationConstraints;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.knowledge.BoundKnowledge;

/**
 * Background knowledge read the way a PAG's marks are read. A PAG speaks about ancestry, not
 * about direct edges: an arrowhead at {@code b} on {@code a *-> b} says that {@code b} is not an
 * ancestor (cause) of {@code a}, and a tail at {@code a} on {@code a --* b} says that {@code a}
 * is one of {@code b}. So:
 *
 * <ul>
 *   <li>{@code b --> a} forbidden ({@code b} in a later tier than {@code a}, or forbidden
 *       explicitly): {@code b} is not a cause of {@code a}, so wherever they are adjacent the mark
 *       at {@code b} is an arrowhead, {@code a *-> b}, and no rule may put a tail there. (Not an
 *       arrowhead at {@code a}: {@code a} may well cause {@code b}.) An explicitly forbidden edge
 *       is read as "no causal path", as Tetrad's FCI reads it, since a PAG edge may stand for a
 *       path through hidden variables;
 *   <li>both directions forbidden (including two variables of a tier that forbids edges within
 *       it): never adjacent, removed before any test;
 *   <li>{@code a --> b} required: always adjacent, never tested, drawn {@code a --> b}.
 * </ul>
 *
 * <p>These marks are set on the graph before any rule runs, so the rules (which never change a
 * mark that is set) build on them; the same facts are also given to the rules as constraints.
 */
final class FciKnowledge {
  private final BoundKnowledge knowledge;

  FciKnowledge(BoundKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  boolean isEmpty() {
    return knowledge.isEmpty();
  }

  /** True if the pair may not be adjacent (both directions forbidden). */
  boolean isAdjacencyForbidden(int a, int b) {
    return knowledge.isAdjacencyForbidden(a, b);
  }

  /** True if the pair must stay adjacent (a required edge joins them). */
  boolean isAdjacencyRequired(int a, int b) {
    return knowledge.isAdjacencyRequired(a, b);
  }

  /** What the skeleton search needs: forbidden and required adjacencies. */
  EdgeConstraints edgeConstraints() {
    if (knowledge.isEmpty()) {
      return EdgeConstraints.NONE;
    }
    return new EdgeConstraints() {
      @Override
      public boolean forbidsAdjacency(int a, int b) {
        return knowledge.isAdjacencyForbidden(a, b);
      }

      @Override
      public boolean requiresAdjacency(int a, int b) {
        return knowledge.isAdjacencyRequired(a, b);
      }
    };
  }

  /** The marks the rules may not set: a tail at a non-cause, an arrowhead at a required cause. */
  OrientationConstraints orientationConstraints() {
    if (knowledge.isEmpty()) {
      return OrientationConstraints.NONE;
    }
    return (from, to, mark) -> switch (mark) {
      case TAIL -> !knowledge.isForbidden(to, from);
      case ARROW -> !knowledge.isRequired(to, from);
      case CIRCLE -> true;
    };
  }

  /** Sets the marks the knowledge decides on every edge of {@code g}. */
  void applyMarks(MutableGraph g) {
    if (knowledge.isEmpty()) {
      return;
    }
    for (int a = 0; a < g.size(); a++) {
      for (int b : g.adjacentNodes(a)) {
        if (knowledge.isForbidden(b, a)) {
          g.setEndpoint(a, b, Endpoint.ARROW);
        }
        if (knowledge.isRequired(a, b)) {
          g.setEndpoint(b, a, Endpoint.TAIL);
        }
      }
    }
  }
}
