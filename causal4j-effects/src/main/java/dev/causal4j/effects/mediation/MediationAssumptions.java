package dev.causal4j.effects.mediation;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.Separation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The identification assumptions of natural effects (Pearl 2001; VanderWeele 2015, §2.3), given
 * covariates {@code C}:
 *
 * <ol>
 *   <li>no unmeasured treatment–outcome confounding given {@code C};
 *   <li>no unmeasured mediator–outcome confounding given {@code C} and the treatment;
 *   <li>no unmeasured treatment–mediator confounding given {@code C};
 *   <li>no mediator–outcome confounder affected by the treatment (no "recanting witness", Avin,
 *       Shpitser &amp; Pearl 2005);
 *   <li>the cross-world independence {@code Y(t, m) ⊥ M(t*) | C}, which no data can test.
 * </ol>
 *
 * With a DAG, 1–3 are back-door conditions checked by d-separation (in the graph without the
 * treatment's, respectively the mediators', outgoing edges), and 4 by looking for a node other
 * than a mediator that the treatment reaches not through the mediators and that reaches both a
 * mediator and, not through the mediators, the outcome. 5 holds in a structural causal model with independent noises
 * (Pearl's NPSEM-IE), which the DAG is taken to be.
 */
final class MediationAssumptions {
  private MediationAssumptions() {}

  /**
   * The covariates a DAG implies: the parents of the treatment, mediators and outcome that are
   * not the treatment's descendants nor themselves treatment, mediator or outcome. Any set of
   * non-descendants of the treatment that contains its parents blocks every back-door path from
   * it; the mediators' and outcome's other parents block their back-door paths.
   */
  static List<String> adjustmentSet(Graph g, MediationQuery q) {
    int t = g.requireIndex(q.treatment());
    BitSet de = Graphs.descendants(g, t);
    BitSet c = new BitSet();
    List<String> targets = new ArrayList<>(q.mediators());
    targets.add(q.treatment());
    targets.add(q.outcome());
    for (String name : targets) {
      for (int p : g.parents(g.requireIndex(name))) {
        c.set(p);
      }
    }
    c.andNot(de);
    for (String name : targets) {
      c.clear(g.indexOf(name));
    }
    return Graphs.names(g, c.stream().toArray());
  }

  /**
   * Checks the assumptions in the graph (if any) for the covariates; the first violated one is
   * thrown as the reason the effects are not identified.
   */
  static List<AssumptionCheck> check(Optional<Graph> graph, MediationQuery q,
      List<String> covariates) {
    List<AssumptionCheck> out = new ArrayList<>();
    String c = covariates.isEmpty() ? "no covariates" : "the covariates " + covariates;
    String a1 = "No unmeasured confounding of treatment and outcome given " + c + ".";
    String a2 = "No unmeasured confounding of mediators and outcome given " + c
        + " and the treatment.";
    String a3 = "No unmeasured confounding of treatment and mediators given " + c + ".";
    String a4 = "No mediator-outcome confounder is affected by the treatment.";
    String a5 = "Cross-world independence: Y(t, m) is independent of M(t*) given " + c + ".";
    String cross = "Untestable by any data or graph; it holds in a structural causal model"
        + " with independent noises (NPSEM-IE), which a DAG with no hidden variables is taken"
        + " to be.";
    if (graph.isEmpty()) {
      String none = "Assumed: no graph was given to check it against.";
      out.add(new AssumptionCheck(a1, CheckStatus.NOT_CHECKED, none));
      out.add(new AssumptionCheck(a2, CheckStatus.NOT_CHECKED, none));
      out.add(new AssumptionCheck(a3, CheckStatus.NOT_CHECKED, none));
      out.add(new AssumptionCheck(a4, CheckStatus.NOT_CHECKED, none));
      out.add(new AssumptionCheck(a5, CheckStatus.UNTESTABLE, cross));
      return out;
    }
    Graph g = graph.get();
    int t = g.requireIndex(q.treatment());
    int y = g.requireIndex(q.outcome());
    int[] m = new int[q.mediators().size()];
    for (int k = 0; k < m.length; k++) {
      m[k] = g.requireIndex(q.mediators().get(k));
    }
    int[] cs = new int[covariates.size()];
    for (int k = 0; k < cs.length; k++) {
      cs[k] = g.requireIndex(covariates.get(k));
    }
    BitSet deT = Graphs.descendants(g, t);
    BitSet anY = Graphs.ancestors(g, y);
    for (int k = 0; k < m.length; k++) {
      if (!deT.get(m[k]) || !anY.get(m[k])) {
        throw new InvalidInputException("'" + g.name(m[k]) + "' is not a mediator in the graph:"
            + " it is not on a directed path from '" + q.treatment() + "' to '" + q.outcome()
            + "'; choose mediators between them");
      }
    }
    for (int v : cs) {
      if (deT.get(v)) {
        throw new InvalidInputException("the covariate '" + g.name(v) + "' is a descendant of"
            + " the treatment '" + q.treatment() + "' in the graph; adjusting for it would block"
            + " or bias part of the effect: drop it, or make it a mediator");
      }
    }
    // 1: T ⊥ Y | C with T's outgoing edges removed.
    Graph noT = withoutOutgoing(g, t);
    out.add(backdoor(a1, Separation.isSeparated(noT, t, y, cs), q.treatment(), q.outcome(),
        covariates, "treatment"));
    // 2: each M_k ⊥ Y | C ∪ {T} with the mediators' outgoing edges removed.
    Graph noM = withoutOutgoing(g, m);
    int[] ct = append(cs, t);
    String open2 = null;
    for (int k = 0; k < m.length && open2 == null; k++) {
      if (!Separation.isSeparated(noM, m[k], y, ct)) {
        open2 = g.name(m[k]);
      }
    }
    out.add(open2 == null ? new AssumptionCheck(a2, CheckStatus.HOLDS, "In the graph, every"
        + " back-door path from the mediators to '" + q.outcome() + "' is blocked by "
        + setText(covariates, q.treatment()) + ".")
        : new AssumptionCheck(a2, CheckStatus.VIOLATED, "A back-door path from '" + open2
            + "' to '" + q.outcome() + "' stays open given " + setText(covariates, q.treatment())
            + "; add its confounders to the covariates."));
    // 3: each M_k ⊥ T | C with T's outgoing edges removed.
    String open3 = null;
    for (int k = 0; k < m.length && open3 == null; k++) {
      if (!Separation.isSeparated(noT, t, m[k], cs)) {
        open3 = g.name(m[k]);
      }
    }
    out.add(open3 == null ? new AssumptionCheck(a3, CheckStatus.HOLDS, "In the graph, every"
        + " back-door path from '" + q.treatment() + "' to the mediators is blocked by "
        + setText(covariates, null) + ".")
        : new AssumptionCheck(a3, CheckStatus.VIOLATED, "A back-door path from '"
            + q.treatment() + "' to '" + open3 + "' stays open given " + setText(covariates, null)
            + "; add its confounders to the covariates."));
    // 4: a recanting witness W: T → … → W, W → … → M and W → … → Y avoiding the mediators.
    BitSet anM = Graphs.ancestors(g, m);
    MutableGraph withoutM = g.mutableCopy();
    for (int v : m) {
      for (int u : g.adjacentNodes(v)) {
        withoutM.removeEdge(v, u);
      }
    }
    BitSet anYAvoidingM = Graphs.ancestors(withoutM, y);
    // Affected by T other than through the mediators (those paths are part of the indirect
    // effect, fixed when the mediators are).
    BitSet deTAvoidingM = Graphs.descendants(noM, t);
    String witness = null;
    for (int w = deTAvoidingM.nextSetBit(0); w >= 0 && witness == null;
        w = deTAvoidingM.nextSetBit(w + 1)) {
      if (w != t && w != y && !contains(m, w) && anM.get(w) && anYAvoidingM.get(w)) {
        witness = g.name(w);
      }
    }
    out.add(witness == null ? new AssumptionCheck(a4, CheckStatus.HOLDS, "No descendant of '"
        + q.treatment() + "' other than the mediators leads both to a mediator and, around"
        + " them, to '" + q.outcome() + "'.")
        : new AssumptionCheck(a4, CheckStatus.VIOLATED, "'" + witness + "' is affected by '"
            + q.treatment() + "' and leads both to a mediator and, not through the mediators, to"
            + " '" + q.outcome() + "' (a recanting witness); natural effects through the"
            + " mediators alone are not identified: add '" + witness + "' to the mediators."));
    out.add(new AssumptionCheck(a5, CheckStatus.UNTESTABLE, cross));
    // A recanting witness also opens mediator-outcome back-door paths; it is the root cause and
    // its fix (add it to the mediators) is the useful message, so it is reported first.
    List<AssumptionCheck> order = new ArrayList<>(out);
    order.add(0, order.remove(3));
    for (AssumptionCheck check : order) {
      if (check.status() == CheckStatus.VIOLATED) {
        throw new InvalidInputException("the natural direct and indirect effects of '"
            + q.treatment() + "' on '" + q.outcome() + "' through " + q.mediators() + " are not"
            + " identified in the graph: " + check.detail());
      }
    }
    return out;
  }

  private static AssumptionCheck backdoor(String text, boolean holds, String from, String to,
      List<String> covariates, String what) {
    return holds ? new AssumptionCheck(text, CheckStatus.HOLDS, "In the graph, every back-door"
        + " path from '" + from + "' to '" + to + "' is blocked by " + setText(covariates, null)
        + ".")
        : new AssumptionCheck(text, CheckStatus.VIOLATED, "A back-door path from the " + what
            + " '" + from + "' to '" + to + "' stays open given " + setText(covariates, null)
            + "; add its confounders to the covariates (or give no covariates to use the"
            + " graph's).");
  }

  private static String setText(List<String> covariates, String plus) {
    List<String> all = new ArrayList<>(covariates);
    if (plus != null) {
      all.add(plus);
    }
    return all.isEmpty() ? "the empty set" : "{" + String.join(", ", all) + "}";
  }

  private static Graph withoutOutgoing(Graph g, int... nodes) {
    MutableGraph m = g.mutableCopy();
    for (int v : nodes) {
      for (int c : g.children(v)) {
        m.removeEdge(v, c);
      }
    }
    return m.snapshot();
  }

  private static int[] append(int[] a, int v) {
    int[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
