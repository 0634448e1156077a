// Writes <net>_cpdag_tetrad.txt for every <net>_dag.csv in the current folder: the CPDAG of the
// network's DAG as Tetrad 7.6.6 computes it (GraphTransforms.dagToCpdag), one edge per line as
// "A --> B" or "A --- B", sorted. Run once from this folder (Tetrad needs Java 21+):
//   JAR=~/.m2/repository/io/github/cmu-phil/tetrad-lib/7.6.6/tetrad-lib-7.6.6.jar
//   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp $JAR MakeTetradCpdags.java
import edu.cmu.tetrad.graph.Edge;
import edu.cmu.tetrad.graph.EdgeListGraph;
import edu.cmu.tetrad.graph.Endpoint;
import edu.cmu.tetrad.graph.Graph;
import edu.cmu.tetrad.graph.GraphNode;
import edu.cmu.tetrad.graph.GraphTransforms;
import edu.cmu.tetrad.graph.Node;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class MakeTetradCpdags {
  public static void main(String[] args) throws Exception {
    for (File f : new File(".").listFiles((d, n) -> n.endsWith("_dag.csv"))) {
      List<String> lines = Files.readAllLines(f.toPath());
      Map<String, Node> nodes = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        for (String name : line.split(",")) {
          nodes.computeIfAbsent(name.trim(), GraphNode::new);
        }
      }
      Graph dag = new EdgeListGraph(new ArrayList<>(nodes.values()));
      for (String line : lines.subList(1, lines.size())) {
        String[] t = line.split(",");
        dag.addDirectedEdge(nodes.get(t[0].trim()), nodes.get(t[1].trim()));
      }
      Graph cpdag = GraphTransforms.dagToCpdag(dag);
      List<String> out = new ArrayList<>();
      for (Edge e : cpdag.getEdges()) {
        String a = e.getNode1().getName();
        String b = e.getNode2().getName();
        Endpoint m1 = e.getEndpoint1();
        Endpoint m2 = e.getEndpoint2();
        if (m1 == Endpoint.TAIL && m2 == Endpoint.ARROW) {
          out.add(a + " --> " + b);
        } else if (m1 == Endpoint.ARROW && m2 == Endpoint.TAIL) {
          out.add(b + " --> " + a);
        } else if (m1 == Endpoint.TAIL && m2 == Endpoint.TAIL) {
          out.add(a.compareTo(b) < 0 ? a + " --- " + b : b + " --- " + a);
        } else {
          throw new IllegalStateException("unexpected edge " + e);
        }
      }
      out.sort(null);
      String name = f.getName().replace("_dag.csv", "_cpdag_tetrad.txt");
      Files.write(Path.of(name), out);
      System.out.println(name + ": " + out.size() + " edges");
    }
  }
}
