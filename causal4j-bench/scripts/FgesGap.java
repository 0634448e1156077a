// Causal4J's FGES beside Tetrad 7.6.6's on `causal4j simulate --model linear-gaussian --nodes P
// --degree 2 --samples N --seed S` data (drawn in memory by the same simulator): edges, the BIC
// difference of a DAG of each CPDAG (same score, penalty 2), whether exhaustive GES gives FGES's
// graph ("ges" as 4th argument), and both sides' adjacency / arrowhead F1. See docs/benchmarks.md,
// "Why Tetrad's FGES sometimes ends at a better-scoring graph". Run with Java 21+ (Tetrad):
//   J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
//   CP=causal4j-bench/target/benchmarks.jar:$(ls causal4j-bench/target/tetrad/lib/*.jar | tr '\n' :)
//   $J -cp "$CP" causal4j-bench/scripts/FgesGap.java 30,40,50,60 15 1000 ges
import dev.causal4j.bench.simulate.*;
import dev.causal4j.bench.metrics.*;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.graph.*;
import dev.causal4j.graph.io.TetradGraphText;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.stats.CovarianceMatrix;
import edu.cmu.tetrad.data.BoxDataSet;
import edu.cmu.tetrad.data.ContinuousVariable;
import edu.cmu.tetrad.data.DoubleDataBox;
import edu.cmu.tetrad.graph.Edge;
import edu.cmu.tetrad.graph.Endpoint;
import edu.cmu.tetrad.graph.Node;
import edu.cmu.tetrad.search.score.SemBicScore;
import java.util.*;

public class FgesGap {
  static LinearGaussianBicScore score;
  static double bic(Graph cpdag) {
    Optional<Graph> o = ConsistentExtension.of(cpdag);
    if (o.isEmpty()) return Double.NaN;
    Graph dag = o.get();
    double s = 0;
    for (int v = 0; v < dag.size(); v++) { int[] pa = dag.parents(v).clone(); Arrays.sort(pa); s += score.localScore(v, pa); }
    return s;
  }
  static String tetradText(edu.cmu.tetrad.graph.Graph g, List<String> names) {
    StringBuilder out = new StringBuilder("Graph Nodes:\n");
    out.append(String.join(";", names)).append("\n\nGraph Edges:\n");
    int k = 1;
    for (Edge e : g.getEdges()) {
      out.append(k++).append(". ").append(e.getNode1().getName()).append(' ')
          .append(e.getEndpoint1() == Endpoint.ARROW ? '<' : '-').append('-')
          .append(e.getEndpoint2() == Endpoint.ARROW ? '>' : '-').append(' ')
          .append(e.getNode2().getName()).append('\n');
    }
    return out.toString();
  }
  public static void main(String[] a) throws Exception {
    int[] ps = Arrays.stream(a[0].split(",")).mapToInt(Integer::parseInt).toArray();
    int seeds = Integer.parseInt(a[1]);
    int n = a.length > 2 ? Integer.parseInt(a[2]) : 1000;
    boolean ges = a.length > 3 && a[3].equals("ges");
    System.out.println("p seed | edges c4j tet | bic c4j-tet | ges==fges | adjF1 c4j tet | arrF1 c4j tet");
    for (int p : ps) for (int seed = 1; seed <= seeds; seed++) {
      SimulatedData sim = Simulator.simulate(Simulation.builder().mechanism(Mechanism.LINEAR_GAUSSIAN)
          .nodes(p).averageDegree(2).samples(n).seed(seed).build());
      Dataset d = sim.data();
      CovarianceMatrix cov = CovarianceMatrix.of(d);
      score = new LinearGaussianBicScore(cov, 2);
      Graph ours = Fges.builder(score).build().search().graph();
      String gesSame = "-";
      if (ges) gesSame = Boolean.toString(Fges.builder(score).variant(Fges.Variant.GES).build().search().graph().equals(ours));
      List<Node> nodes = new ArrayList<>();
      for (String s : d.names()) nodes.add(new ContinuousVariable(s));
      double[][] m = new double[d.rows()][p];
      for (int j = 0; j < p; j++) { double[] col = d.doubles(j); for (int r = 0; r < d.rows(); r++) m[r][j] = col[r]; }
      SemBicScore ts = new SemBicScore(new edu.cmu.tetrad.data.CovarianceMatrix(new BoxDataSet(new DoubleDataBox(m), nodes)));
      ts.setPenaltyDiscount(2);
      edu.cmu.tetrad.search.Fges tf = new edu.cmu.tetrad.search.Fges(ts);
      tf.setFaithfulnessAssumed(false); tf.setMaxDegree(1000); tf.setNumThreads(1); tf.setVerbose(false);
      tf.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      Graph theirs = TetradGraphText.read(tetradText(tf.search(), d.names()), "tetrad");
      Graph truth = Cpdag.of(sim.trueDag());
      GraphComparison co = GraphMetrics.compare(truth, ours), ct = GraphMetrics.compare(truth, theirs);
      System.out.printf(Locale.ROOT, "%d %d | %d %d | %.1f | %s | %s | %s%s%n", p, seed, ours.edgeCount(), theirs.edgeCount(),
          bic(ours) - bic(theirs), gesSame, (ours.equals(theirs) ? "identical" : "differ") + (Cpdag.isCpdag(ours) ? "" : " OURS-NOT-CPDAG") + (Cpdag.isCpdag(theirs) ? "" : " TETRAD-NOT-CPDAG"), String.format(Locale.ROOT,"%.3f %.3f | %.3f %.3f", co.adjacency().f1(), ct.adjacency().f1(), co.arrowhead().f1(), ct.arrowhead().f1()), "");
      if (a.length > 4) { java.nio.file.Files.writeString(java.nio.file.Path.of(a[4], "p" + p + "s" + seed + "-tetrad.txt"), tetradText(tf.search(), d.names())); }
    }
  }
}
