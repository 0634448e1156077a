package dev.causal4j.discovery.ges;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.*;
import dev.causal4j.score.*;
import dev.causal4j.stats.ContingencyTables;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void explore() throws Exception {
    Path dir = Path.of("/work/shared/data/bayesian_networks/samples_10000");
    for (String net : new String[] {"cancer", "earthquake", "survey", "asia", "sachs", "child", "insurance", "alarm"}) {
      Dataset d = DataReader.read(dir.resolve(net + "_10000.csv"));
      MutableGraph dag = new MutableGraph(d.names(), GraphKind.DAG);
      for (String l : Files.readAllLines(dir.resolve(net + "_true_dag_edges.csv")).subList(1, 1000000 > 0 ? Files.readAllLines(dir.resolve(net + "_true_dag_edges.csv")).size() : 0)) {
        String[] t = l.split(",");
        dag.addDirectedEdge(dag.indexOf(t[0].trim()), dag.indexOf(t[1].trim()));
      }
      Graph truth = Cpdag.of(dag);
      ContingencyTables tables = ContingencyTables.of(d);
      StringBuilder sb = new StringBuilder(net + " p=" + d.columns() + " edges=" + dag.edgeCount());
      for (double[] cfg : new double[][] {{1, 0}, {1, 1}, {10, 1}}) {
        Score s = new CachedScore(new BdeuScore(tables, cfg[0], cfg[1]));
        long t0 = System.nanoTime();
        DiscoveryResult r = Fges.builder(s).build().search();
        Graph g = r.graph();
        int adjTp = 0, adjFp = 0, same = 0;
        for (Edge e : g.edges()) { if (truth.isAdjacent(e.from(), e.to())) { adjTp++; if (truth.endpoint(e.from(), e.to()) == e.atTo() && truth.endpoint(e.to(), e.from()) == e.atFrom()) same++; } else adjFp++; }
        sb.append(String.format(" | ess %.0f sp %.0f: exact %s adjTP %d FP %d FN %d sameMark %d (%.2fs)", cfg[0], cfg[1], g.equals(truth), adjTp, adjFp, truth.edgeCount() - adjTp, same, (System.nanoTime() - t0) / 1e9));
      }
      System.out.println(sb);
    }
  }
}
