import dev.causal4j.bench.metrics.GraphComparison;
import dev.causal4j.bench.metrics.GraphMetrics;
import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.SimulatedData;
import dev.causal4j.bench.simulate.Simulation;
import dev.causal4j.bench.simulate.Simulator;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.permutation.Boss;
import dev.causal4j.discovery.permutation.Grasp;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.io.TetradGraphText;
import dev.causal4j.score.LinearGaussianBicScore;
import edu.cmu.tetrad.data.BoxDataSet;
import edu.cmu.tetrad.data.ContinuousVariable;
import edu.cmu.tetrad.data.DoubleDataBox;
import edu.cmu.tetrad.graph.Edge;
import edu.cmu.tetrad.graph.Endpoint;
import edu.cmu.tetrad.graph.Node;
import edu.cmu.tetrad.search.PermutationSearch;
import edu.cmu.tetrad.search.score.SemBicScore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * BOSS (and optionally GRaSP) of Causal4J and of Tetrad 7.6.6 side by side in one JVM, on the
 * data {@code causal4j simulate --model linear-gaussian --nodes P --degree 2 --samples 1000
 * --seed 7} writes, drawn here in memory by the same simulator: SEM BIC with penalty discount 2,
 * one start in data order, one thread, covariance computed before the clock starts. Runs
 * alternate between the tools; the table gives medians of wall and thread-CPU time and the F1 of
 * each tool's CPDAG against the true CPDAG. Run by boss-vs-tetrad.sh.
 */
public class BossVsTetrad {
  static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  record Run(double wall, double cpu, dev.causal4j.graph.Graph graph) {}

  static Run time(Supplier<dev.causal4j.graph.Graph> search) {
    long c0 = MX.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    dev.causal4j.graph.Graph g = search.get();
    return new Run((System.nanoTime() - w0) / 1e9, (MX.getCurrentThreadCpuTime() - c0) / 1e9, g);
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

  static double median(List<Run> runs, boolean cpu) {
    double[] v = runs.stream().mapToDouble(r -> cpu ? r.cpu() : r.wall()).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  public static void main(String[] args) {
    int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
    int reps = Integer.parseInt(args[1]);
    boolean grasp = args.length > 2 && args[2].equals("grasp");
    double penalty = 2;
    System.out.printf(Locale.ROOT, "%-28s %5s %9s %9s %7s %7s %6s%n", "search", "p", "wall s",
        "cpu s", "adj F1", "arr F1", "edges");
    for (int p : sizes) {
      SimulatedData sim = Simulator.simulate(Simulation.builder()
          .mechanism(Mechanism.LINEAR_GAUSSIAN).nodes(p).averageDegree(2).samples(1000).seed(7)
          .build());
      Dataset data = sim.data();
      dev.causal4j.graph.Graph truth = Cpdag.of(sim.trueDag());
      int n = data.rows();
      double[][] rows = new double[n][p];
      List<Node> vars = new ArrayList<>();
      for (int j = 0; j < p; j++) {
        vars.add(new ContinuousVariable(data.names().get(j)));
        double[] col = data.doubles(j);
        for (int r = 0; r < n; r++) {
          rows[r][j] = col[r];
        }
      }
      edu.cmu.tetrad.data.CovarianceMatrix tetradCov =
          new edu.cmu.tetrad.data.CovarianceMatrix(new BoxDataSet(new DoubleDataBox(rows), vars));
      dev.causal4j.stats.CovarianceMatrix ourCov = dev.causal4j.stats.CovarianceMatrix.of(data, 1);
      List<String> labels = new ArrayList<>(List.of("Tetrad 7.6.6 BOSS (no BES)",
          "Causal4J BOSS (no BES)", "Causal4J BOSS (BES, default)"));
      List<Supplier<dev.causal4j.graph.Graph>> searches = new ArrayList<>();
      searches.add(() -> {
        SemBicScore score = new SemBicScore(tetradCov);
        score.setPenaltyDiscount(penalty);
        edu.cmu.tetrad.search.Boss boss = new edu.cmu.tetrad.search.Boss(score);
        boss.setUseBes(false);
        boss.setNumStarts(1);
        boss.setNumThreads(1);
        boss.setUseDataOrder(true);
        try {
          return TetradGraphText.read(tetradText(new PermutationSearch(boss).search(),
              data.names()), "Tetrad");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      searches.add(() -> Boss.builder(new LinearGaussianBicScore(ourCov, penalty)).bes(false)
          .build().search().graph());
      searches.add(() -> Boss.builder(new LinearGaussianBicScore(ourCov, penalty)).build()
          .search().graph());
      if (grasp) {
        labels.add("Tetrad 7.6.6 GRaSP");
        searches.add(() -> {
          SemBicScore score = new SemBicScore(tetradCov);
          score.setPenaltyDiscount(penalty);
          edu.cmu.tetrad.search.Grasp g = new edu.cmu.tetrad.search.Grasp(score);
          g.setUseDataOrder(true);
          g.setNumStarts(1);
          try {
            g.bestOrder(score.getVariables());
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return TetradGraphText.read(tetradText(g.getGraph(true), data.names()), "Tetrad");
        });
        labels.add("Causal4J GRaSP");
        searches.add(() -> Grasp.builder(new LinearGaussianBicScore(ourCov, penalty)).build()
            .search().graph());
      }
      List<List<Run>> runs = new ArrayList<>();
      for (int s = 0; s < searches.size(); s++) {
        runs.add(new ArrayList<>());
      }
      for (int rep = 0; rep < reps; rep++) {
        for (int s = 0; s < searches.size(); s++) {
          runs.get(s).add(time(searches.get(s)));
        }
      }
      for (int s = 0; s < searches.size(); s++) {
        List<Run> r = runs.get(s);
        GraphComparison c = GraphMetrics.compare(truth, r.get(0).graph());
        System.out.printf(Locale.ROOT, "%-28s %5d %9.3f %9.3f %7.3f %7.3f %6d%n", labels.get(s), p,
            median(r, false), median(r, true), c.adjacency().f1(), c.arrowhead().f1(),
            r.get(0).graph().edgeCount());
      }
      System.out.printf(Locale.ROOT, "same CPDAG, Tetrad and Causal4J BOSS without BES: %s%n",
          runs.get(0).get(0).graph().equals(runs.get(1).get(0).graph()));
    }
  }
}
