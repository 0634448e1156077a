// For one data set (as FgesGap.java draws it: P, seed), Causal4J's FGES, exhaustive GES and
// Tetrad 7.6.6's FGES, their BIC and edge differences, and with a third argument a brute-force
// check that each result is a local optimum: every DAG of its class (up to 2^18 orientations of
// its undirected edges), every single-edge insertion and deletion, the best score gain left.
//   $J -cp "$CP" causal4j-bench/scripts/LocalOpt.java 30 13 check
import dev.causal4j.bench.simulate.*;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.graph.*;
import dev.causal4j.graph.io.TetradGraphText;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.stats.CovarianceMatrix;
import edu.cmu.tetrad.data.BoxDataSet;
import edu.cmu.tetrad.data.ContinuousVariable;
import edu.cmu.tetrad.data.DoubleDataBox;
import edu.cmu.tetrad.graph.Node;
import edu.cmu.tetrad.search.score.SemBicScore;
import java.util.*;

public class LocalOpt {
  static LinearGaussianBicScore score;
  static double local(Graph dag, int v) { int[] pa = dag.parents(v).clone(); Arrays.sort(pa); return score.localScore(v, pa); }
  static double local(int v, int[] pa) { pa = pa.clone(); Arrays.sort(pa); return score.localScore(v, pa); }
  static double bic(Graph cpdag) {
    Optional<Graph> o = ConsistentExtension.of(cpdag);
    if (o.isEmpty()) return Double.NaN;
    double s = 0; for (int v = 0; v < cpdag.size(); v++) s += local(o.get(), v); return s;
  }
  /** Member DAGs of a CPDAG by brute force over its undirected edges (at most 2^maxU). */
  static List<Graph> members(Graph cpdag, int maxU) {
    List<int[]> und = new ArrayList<>();
    for (int a = 0; a < cpdag.size(); a++) for (int b : cpdag.undirectedNeighbors(a)) if (a < b) und.add(new int[]{a, b});
    List<Graph> out = new ArrayList<>();
    if (und.size() > maxU) { System.out.println("  too many undirected edges: " + und.size()); out.add(ConsistentExtension.of(cpdag).orElseThrow()); return out; }
    for (long mask = 0; mask < (1L << und.size()); mask++) {
      MutableGraph g = new MutableGraph(cpdag.nodeNames(), GraphKind.DAG);
      for (int a = 0; a < cpdag.size(); a++) for (int b : cpdag.children(a)) g.addDirectedEdge(a, b);
      for (int i = 0; i < und.size(); i++) { int[] e = und.get(i); if ((mask >> i & 1) == 0) g.addDirectedEdge(e[0], e[1]); else g.addDirectedEdge(e[1], e[0]); }
      if (!Graphs.isDag(g)) continue;
      if (Cpdag.of(g).equals(cpdag)) out.add(g.snapshot());
    }
    return out;
  }
  static boolean reaches(Graph dag, int from, int to) { // directed path from -> to
    Deque<Integer> st = new ArrayDeque<>(); boolean[] seen = new boolean[dag.size()]; st.push(from);
    while (!st.isEmpty()) { int u = st.pop(); if (u == to) return true; if (seen[u]) continue; seen[u] = true; for (int c : dag.children(u)) st.push(c); }
    return false;
  }
  static void check(String label, Graph cpdag) {
    List<Graph> ms = members(cpdag, 18);
    double best = 0; String bestMove = "none";
    for (Graph d : ms) {
      for (int y = 0; y < d.size(); y++) {
        int[] pa = d.parents(y); double base = local(y, pa);
        for (int x0 = 0; x0 < d.size(); x0++) { final int x = x0;
          if (x == y) continue;
          if (d.isAdjacent(x, y)) {
            if (d.isDirected(x, y)) { int[] np = Arrays.stream(pa).filter(z -> z != x).toArray(); double g = local(y, np) - base; if (g > best) { best = g; bestMove = "delete " + d.name(x) + "->" + d.name(y); } }
          } else if (!reaches(d, y, x)) {
            int[] np = Arrays.copyOf(pa, pa.length + 1); np[pa.length] = x; double g = local(y, np) - base; if (g > best) { best = g; bestMove = "insert " + d.name(x) + "->" + d.name(y) + " pa(y)=" + Arrays.toString(pa); }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "  %s: %d member DAGs; best single-edge move gain %.3f (%s)%n", label, ms.size(), best, bestMove);
  }
  static String tetradText(edu.cmu.tetrad.graph.Graph g, List<String> names) {
    StringBuilder out = new StringBuilder("Graph Nodes:\n");
    out.append(String.join(";", names)).append("\n\nGraph Edges:\n");
    int k = 1;
    for (edu.cmu.tetrad.graph.Edge e : g.getEdges()) {
      out.append(k++).append(". ").append(e.getNode1().getName()).append(' ')
          .append(e.getEndpoint1() == edu.cmu.tetrad.graph.Endpoint.ARROW ? '<' : '-').append('-')
          .append(e.getEndpoint2() == edu.cmu.tetrad.graph.Endpoint.ARROW ? '>' : '-').append(' ')
          .append(e.getNode2().getName()).append('\n');
    }
    return out.toString();
  }
  public static void main(String[] a) throws Exception {
    int p = Integer.parseInt(a[0]); int seed = Integer.parseInt(a[1]); int n = 1000;
    SimulatedData sim = Simulator.simulate(Simulation.builder().mechanism(Mechanism.LINEAR_GAUSSIAN).nodes(p).averageDegree(2).samples(n).seed(seed).build());
    Dataset d = sim.data();
    score = new LinearGaussianBicScore(CovarianceMatrix.of(d), 2);
    Graph ours = Fges.builder(score).build().search().graph();
    Graph ges = Fges.builder(score).variant(Fges.Variant.GES).build().search().graph();
    List<Node> nodes = new ArrayList<>(); for (String s : d.names()) nodes.add(new ContinuousVariable(s));
    double[][] m = new double[d.rows()][p];
    for (int j = 0; j < p; j++) { double[] col = d.doubles(j); for (int r = 0; r < d.rows(); r++) m[r][j] = col[r]; }
    SemBicScore ts = new SemBicScore(new edu.cmu.tetrad.data.CovarianceMatrix(new BoxDataSet(new DoubleDataBox(m), nodes)));
    ts.setPenaltyDiscount(2);
    edu.cmu.tetrad.search.Fges tf = new edu.cmu.tetrad.search.Fges(ts);
    tf.setFaithfulnessAssumed(false); tf.setMaxDegree(1000); tf.setNumThreads(1);
    tf.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    Graph theirs = TetradGraphText.read(tetradText(tf.search(), d.names()), "tetrad");
    System.out.printf(Locale.ROOT, "p %d seed %d: bic fges %.2f ges %.2f tetrad %.2f; fges cpdag %s ges cpdag %s%n", p, seed, bic(ours), bic(ges), bic(theirs), Cpdag.isCpdag(ours), Cpdag.isCpdag(ges));
    Set<String> eo = new TreeSet<>(), et = new TreeSet<>(), eg = new TreeSet<>();
    for (Edge e : ours.edges()) eo.add(e.toString()); for (Edge e : theirs.edges()) et.add(e.toString()); for (Edge e : ges.edges()) eg.add(e.toString());
    Set<String> x = new TreeSet<>(eo); x.removeAll(et); System.out.println("  only fges: " + x);
    x = new TreeSet<>(et); x.removeAll(eo); System.out.println("  only tetrad: " + x);
    x = new TreeSet<>(eo); x.removeAll(eg); System.out.println("  fges not ges: " + x);
    x = new TreeSet<>(eg); x.removeAll(eo); System.out.println("  ges not fges: " + x);
    if (a.length > 2) { check("fges", ours); check("ges", ges); check("tetrad", theirs); }
  }
}
