package dev.causal4j.knowledge;

import dev.causal4j.InvalidInputException;

/**
 * A directed edge {@code from --> to} between two named variables, as background knowledge
 * requires or forbids it.
 */
public record KnowledgeEdge(String from, String to) {

  public KnowledgeEdge {
    Knowledge.checkName(from);
    Knowledge.checkName(to);
    if (from.equals(to)) {
      throw new InvalidInputException(
          "a knowledge edge needs two different variables; got " + from + " --> " + to);
    }
  }

  @Override
  public String toString() {
    return from + " --> " + to;
  }
}
