// Tetrad 7.6.6's FGES on data.csv in a folder, timed, its CPDAG written as a Causal4J edge list
// (one "A --> B" / "A --- B" per line, then every node name, so isolated nodes are kept) to OUT.
// Used by fges-vs-tetrad.sh. Tetrad needs Java 21+; run as a single-file program:
//   java -cp tetrad-lib-7.6.6.jar:commons-math3.jar:commons-lang3.jar:... TetradFgesRun.java DIR PENALTY OUT
// Settings are those of Tetrad's FGES algorithm wrapper (edu.cmu.tetrad.algcomparison...Fges) at
// their documented defaults: one thread, faithfulnessAssumed false, maxDegree 1000,
// symmetricFirstStep false; score SemBicScore on the covariance matrix with the given penalty
// discount. Prints the search time (covariance excluded) and the edge count.
import edu.cmu.tetrad.data.BoxDataSet;
import edu.cmu.tetrad.data.ContinuousVariable;
import edu.cmu.tetrad.data.CovarianceMatrix;
import edu.cmu.tetrad.data.DoubleDataBox;
import edu.cmu.tetrad.graph.Edge;
import edu.cmu.tetrad.graph.Endpoint;
import edu.cmu.tetrad.graph.Graph;
import edu.cmu.tetrad.graph.Node;
import edu.cmu.tetrad.search.Fges;
import edu.cmu.tetrad.search.score.SemBicScore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class TetradFgesRun {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> lines = Files.readAllLines(dir.resolve("data.csv"));
    String[] header = lines.get(0).split(",");
    int p = header.length;
    int n = lines.size() - 1;
    List<Node> nodes = new ArrayList<>();
    for (String h : header) {
      nodes.add(new ContinuousVariable(h.trim()));
    }
    double[][] m = new double[n][p];
    for (int r = 0; r < n; r++) {
      String[] t = lines.get(r + 1).split(",");
      for (int j = 0; j < p; j++) {
        m[r][j] = Double.parseDouble(t[j]);
      }
    }
    SemBicScore score = new SemBicScore(new CovarianceMatrix(new BoxDataSet(new DoubleDataBox(m), nodes)));
    score.setPenaltyDiscount(Double.parseDouble(args[1]));
    Fges fges = new Fges(score);
    fges.setNumThreads(1);
    fges.setFaithfulnessAssumed(false);
    fges.setMaxDegree(1000);
    fges.setSymmetricFirstStep(false);
    fges.setVerbose(false);
    fges.setOut(new PrintStream(OutputStream.nullOutputStream()));
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    Graph g = fges.search();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - c0) / 1e9;
    StringBuilder out = new StringBuilder("# kind: CPDAG\n");
    for (Edge e : g.getEdges()) {
      String a = e.getNode1().getName();
      String b = e.getNode2().getName();
      Endpoint ea = e.getEndpoint1();
      Endpoint eb = e.getEndpoint2();
      if (ea == Endpoint.TAIL && eb == Endpoint.ARROW) {
        out.append(a).append(" --> ").append(b).append('\n');
      } else if (ea == Endpoint.ARROW && eb == Endpoint.TAIL) {
        out.append(b).append(" --> ").append(a).append('\n');
      } else if (ea == Endpoint.TAIL && eb == Endpoint.TAIL) {
        out.append(a).append(" --- ").append(b).append('\n');
      } else {
        throw new IllegalStateException("not a CPDAG edge: " + e);
      }
    }
    for (String h : header) {
      out.append(h.trim()).append('\n');
    }
    Files.writeString(Path.of(args[2]), out);
    System.out.printf("tetrad %s: search %.2f s (%.1f s of CPU), %d edges%n", dir, seconds, cpu,
        g.getNumEdges());
  }

  /** CPU time of the whole process (all threads), which load from other jobs does not inflate. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
