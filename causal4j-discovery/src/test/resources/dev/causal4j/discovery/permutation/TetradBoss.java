import edu.cmu.tetrad.data.CovarianceMatrix;
import edu.cmu.tetrad.data.ContinuousVariable;
import edu.cmu.tetrad.graph.Edge;
import edu.cmu.tetrad.graph.Endpoint;
import edu.cmu.tetrad.graph.Graph;
import edu.cmu.tetrad.graph.Node;
import edu.cmu.tetrad.search.Boss;
import edu.cmu.tetrad.search.PermutationSearch;
import edu.cmu.tetrad.search.score.SemBicScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Tetrad 7.6.6's BOSS on a covariance file (names, n, matrix; see make_reference.py) with
 * the SEM BIC at the given penalty discount, BES off, one start in data order, one thread, and
 * prints the CPDAG in Tetrad's text format. Reference maker only: not compiled by the build.
 */
public class TetradBoss {
  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    double penalty = Double.parseDouble(args[1]);
    String[] names = lines.get(0).split(",");
    int n = Integer.parseInt(lines.get(1).trim());
    int p = names.length;
    double[][] m = new double[p][p];
    for (int r = 0; r < p; r++) {
      String[] f = lines.get(r + 2).split(",");
      for (int c = 0; c < p; c++) {
        m[r][c] = Double.parseDouble(f[c]);
      }
    }
    List<Node> vars = new ArrayList<>();
    for (String name : names) {
      vars.add(new ContinuousVariable(name));
    }
    SemBicScore score = new SemBicScore(new CovarianceMatrix(vars, m, n));
    score.setPenaltyDiscount(penalty);
    Boss boss = new Boss(score);
    boss.setUseBes(false);
    boss.setNumStarts(1);
    boss.setNumThreads(1);
    boss.setUseDataOrder(true);
    Graph g = new PermutationSearch(boss).search();
    StringBuilder out = new StringBuilder("Graph Nodes:\n");
    out.append(String.join(";", names)).append("\n\nGraph Edges:\n");
    int k = 1;
    for (Edge e : g.getEdges()) {
      out.append(k++).append(". ").append(e.getNode1().getName()).append(' ')
          .append(e.getEndpoint1() == Endpoint.ARROW ? '<' : '-').append('-')
          .append(e.getEndpoint2() == Endpoint.ARROW ? '>' : '-').append(' ')
          .append(e.getNode2().getName()).append('\n');
    }
    System.out.print(out);
  }
}
