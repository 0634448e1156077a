package dev.causal4j.discovery.ges;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.*;
import dev.causal4j.graph.io.GraphFiles;
import dev.causal4j.score.*;
import dev.causal4j.stats.CovarianceMatrix;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  static double[] f1(Graph ref, Graph est) {
    int atp = 0, afp = 0, afn = 0, htp = 0, hfp = 0, hfn = 0;
    for (Edge e : est.edges()) {
      int a = ref.indexOf(est.name(e.from())), b = ref.indexOf(est.name(e.to()));
      if (ref.isAdjacent(a, b)) atp++; else afp++;
      if (e.atTo() == Endpoint.ARROW) { if (ref.isAdjacent(a, b) && ref.endpoint(a, b) == Endpoint.ARROW) htp++; else hfp++; }
      if (e.atFrom() == Endpoint.ARROW) { if (ref.isAdjacent(a, b) && ref.endpoint(b, a) == Endpoint.ARROW) htp++; else hfp++; }
    }
    afn = ref.edgeCount() - atp;
    int refHeads = 0;
    for (Edge e : ref.edges()) { if (e.atTo() == Endpoint.ARROW) refHeads++; if (e.atFrom() == Endpoint.ARROW) refHeads++; }
    hfn = refHeads - htp;
    return new double[] {2.0 * atp / (2 * atp + afp + afn), 2.0 * htp / (2 * htp + hfp + hfn)};
  }
  public static void main(String[] a) throws Exception {
    new ScratchTest().explore();
  }

  @Test
  void explore() throws Exception {
    String dir = System.getProperty("scratch.dir", "/tmp/sim10k");
    int threads = Integer.getInteger("scratch.threads", 2);
    String modes = System.getProperty("scratch.modes", "true,false");
    long t0 = System.nanoTime();
    Dataset d = DataReader.read(Path.of(dir, "data.csv"));
    long t1 = System.nanoTime();
    CovarianceMatrix cov = CovarianceMatrix.of(d, threads);
    long t2 = System.nanoTime();
    System.out.printf("read %.1fs cov %.1fs%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    Graph truth = Cpdag.of(GraphFiles.read(Path.of(dir, "truth.json")));
    Score score = new LinearGaussianBicScore(cov, 2);
    for (String m : modes.split(",")) {
      boolean heur = Boolean.parseBoolean(m);
      System.gc();
      long t3 = System.nanoTime();
      DiscoveryResult r = Fges.builder(score).faithfulnessAssumed(heur).threads(threads).build().search();
      long t4 = System.nanoTime();
      Runtime rt = Runtime.getRuntime();
      double[] f = f1(truth, r.graph());
      System.out.printf("faithfulness %s: search %.1fs edges %d evals %d adjF1 %.3f arrF1 %.3f heapUsed %.1fGB %s%n", heur, (t4 - t3) / 1e9, r.graph().edgeCount(), r.stats().scoreEvaluations(), f[0], f[1], (rt.totalMemory() - rt.freeMemory()) / 1e9, r.stats().parameters());
    }
  }
}
