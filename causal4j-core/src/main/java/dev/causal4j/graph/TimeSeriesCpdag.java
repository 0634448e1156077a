package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import dev.causal4j.knowledge.Knowledge;

/**
 * The Markov equivalence class of a time-series DAG, the graph a sound and complete search under
 * causal sufficiency (PCMCI+ with an oracle; Runge 2020) returns: every lagged link stays {@code
 * -->} (time orders it), a contemporaneous link stays directed when it is part of a v-structure
 * (whose other parent may be lagged: {@code X(t−1) --> Z(t) <-- Y(t)} with no link {@code X(t−1)}
 * — {@code Y(t)}) or when Meek's rules force it, and is {@code ---} otherwise.
 *
 * <p>Computed on the lagged-node {@link LaggedGraph#window() window}: because the structure repeats
 * at every time step, the v-structures and Meek's rules at time {@code t} decide every
 * contemporaneous link, and the window's lagged links enter Meek's rules as fixed orientations.
 */
public final class TimeSeriesCpdag {
  private TimeSeriesCpdag() {}

  /**
   * The CPDAG of a time-series DAG; latent series are dropped first.
   *
   * @throws InvalidInputException if a link is not directed
   */
  public static LaggedGraph of(LaggedGraph dag) {
    LaggedGraph g = dag.observedPart();
    for (LaggedGraph.Link l : g.links()) {
      if (!l.isDirected()) {
        throw new InvalidInputException("the CPDAG of a time-series graph needs a DAG, but it has "
            + LaggedGraph.nodeName(g.variable(l.from()), l.lag()) + " " + l.symbol() + " "
            + g.variable(l.to()));
      }
    }
    Graph w = g.window();
    int p = g.size();
    MutableGraph m = MutableGraph.copyOf(w).setKind(GraphKind.CPDAG);
    boolean[] compelled = new boolean[p * p];
    for (int k = 0; k < p; k++) {
      int[] pa = w.parents(k);
      for (int a = 0; a < pa.length; a++) {
        for (int b = a + 1; b < pa.length; b++) {
          if (!w.isAdjacent(pa[a], pa[b]) && (pa[a] < p || pa[b] < p)) {
            if (pa[a] < p) {
              compelled[pa[a] * p + k] = true;
            }
            if (pa[b] < p) {
              compelled[pa[b] * p + k] = true;
            }
          }
        }
      }
    }
    for (LaggedGraph.Link l : g.links()) {
      if (l.lag() == 0 && !compelled[l.from() * p + l.to()]) {
        m.addUndirectedEdge(l.from(), l.to());
      }
    }
    MeekRules.apply(m, Knowledge.empty().bind(m.nodeNames()));
    return LaggedGraph.fromWindow(m, g.variables(), g.maxLag());
  }
}
