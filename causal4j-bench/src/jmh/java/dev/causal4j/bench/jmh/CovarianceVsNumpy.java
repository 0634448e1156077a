package dev.causal4j.bench.jmh;

import dev.causal4j.stats.CovarianceMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Java half of {@code causal4j-bench/scripts/covariance-vs-numpy.sh}: reads the n × p matrix
 * that the script's numpy half wrote (raw little-endian doubles, column after column), computes
 * the covariance {@code warmups + runs} times and prints the median of the timed runs, plus a few
 * entries to compare with numpy's.
 *
 * <p>Arguments: {@code FILE n p threads [runs] [warmups]}.
 */
public final class CovarianceVsNumpy {
  private CovarianceVsNumpy() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int p = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 7;
    int warmups = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    double[][] cols = new double[p][n];
    try (FileChannel ch = FileChannel.open(file)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(n * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int j = 0; j < p; j++) {
        buf.clear();
        while (buf.hasRemaining()) {
          if (ch.read(buf) < 0) {
            throw new IOException(file + " is shorter than " + n + " × " + p + " doubles");
          }
        }
        buf.flip();
        buf.asDoubleBuffer().get(cols[j]);
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("X" + j);
    }
    double[] times = new double[runs];
    CovarianceMatrix c = null;
    for (int k = 0; k < warmups + runs; k++) {
      long t0 = System.nanoTime();
      c = CovarianceMatrix.of(names, cols, n, threads, file.toString());
      double s = (System.nanoTime() - t0) / 1e9;
      if (k >= warmups) {
        times[k - warmups] = s;
      }
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.printf("java CovarianceMatrix.of, %d threads: times %s median %.4f s%n",
        threads, Arrays.toString(Arrays.stream(times).map(t -> Math.round(t * 1e4) / 1e4).toArray()),
        sorted[runs / 2]);
    System.out.printf("java entries: %.17g %.17g %.17g%n",
        c.covariance(0, 0), c.covariance(0, 1), c.covariance(p - 1, p - 1));
    System.out.printf("JAVA_MEDIAN %.6f%n", sorted[runs / 2]);
  }
}
