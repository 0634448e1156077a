package dev.causal4j.effects.scm;

import dev.causal4j.data.Variable;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.graph.io.GraphFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-built models for tests. */
final class Models {
  private Models() {}

  /** A graph from an edge list such as {@code "A --> B; B --> C"}, nodes in order of appearance. */
  static Graph graph(GraphKind kind, String edges) {
    String text = "# kind: " + kind.name() + "\n" + edges.replace(";", "\n");
    return GraphFiles.parse(text, "test", GraphFormat.EDGE_LIST).graph();
  }

  static Graph dag(String edges) {
    return graph(GraphKind.DAG, edges);
  }

  /**
   * A linear-Gaussian model over continuous nodes: {@code X_j = intercept[j] + Σ_i b[i][j] X_i +
   * N(0, sd[j]²)}, {@code b[i][j]} nonzero exactly on the graph's edges {@code i --> j}.
   */
  static StructuralCausalModel linearGaussian(Graph g, double[][] b, double[] intercept,
      double[] sd) {
    List<Variable> vars = new ArrayList<>();
    for (String name : g.nodeNames()) {
      vars.add(Variable.continuous(name));
    }
    Map<String, Mechanism> mech = new HashMap<>();
    for (int j = 0; j < g.size(); j++) {
      int[] ps = g.parents(j);
      List<Variable> pv = new ArrayList<>();
      double[] coef = new double[ps.length];
      for (int k = 0; k < ps.length; k++) {
        pv.add(vars.get(ps[k]));
        coef[k] = b[ps[k]][j];
      }
      mech.put(g.name(j), new LinearMechanism(new ParentEncoding(pv), intercept[j], coef,
          new NoiseDistribution.Gaussian(sd[j])));
    }
    return StructuralCausalModel.of(g, vars, mech);
  }
}
