package dev.causal4j.analyst.report;

import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;

/**
 * Positions for a graph's nodes in a box: Fruchterman &amp; Reingold's (1991) force-directed
 * layout, started from a circle in node order and cooled over a fixed number of iterations, so
 * the same graph always gets the same picture. Nodes repel each other, edges pull their ends
 * together, and a weak pull to the centre keeps unconnected nodes in view.
 */
final class GraphLayout {
  private static final int ITERATIONS = 400;

  private GraphLayout() {}

  /** x and y of each node, inside {@code [margin, width − margin] × [margin, height − margin]}. */
  static double[][] of(Graph g, double width, double height, double margin) {
    int n = g.size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int v = 0; v < n; v++) {
      double angle = 2 * Math.PI * v / Math.max(1, n) - Math.PI / 2;
      x[v] = Math.cos(angle);
      y[v] = Math.sin(angle);
    }
    if (n > 1) {
      double k = Math.sqrt(4.0 / n);
      double temperature = 0.2;
      double[] dx = new double[n];
      double[] dy = new double[n];
      for (int it = 0; it < ITERATIONS; it++) {
        java.util.Arrays.fill(dx, 0);
        java.util.Arrays.fill(dy, 0);
        for (int a = 0; a < n; a++) {
          for (int b = a + 1; b < n; b++) {
            double ex = x[a] - x[b];
            double ey = y[a] - y[b];
            double d = Math.max(1e-4, Math.hypot(ex, ey));
            double f = k * k / d;
            dx[a] += ex / d * f;
            dy[a] += ey / d * f;
            dx[b] -= ex / d * f;
            dy[b] -= ey / d * f;
          }
        }
        for (Edge e : g.edges()) {
          int a = e.from();
          int b = e.to();
          double ex = x[a] - x[b];
          double ey = y[a] - y[b];
          double d = Math.max(1e-4, Math.hypot(ex, ey));
          double f = d * d / k;
          dx[a] -= ex / d * f;
          dy[a] -= ey / d * f;
          dx[b] += ex / d * f;
          dy[b] += ey / d * f;
        }
        for (int v = 0; v < n; v++) {
          dx[v] -= 0.05 * x[v];
          dy[v] -= 0.05 * y[v];
          double d = Math.max(1e-9, Math.hypot(dx[v], dy[v]));
          x[v] += dx[v] / d * Math.min(d, temperature);
          y[v] += dy[v] / d * Math.min(d, temperature);
        }
        temperature *= 0.99;
      }
    }
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < n; v++) {
      minX = Math.min(minX, x[v]);
      maxX = Math.max(maxX, x[v]);
      minY = Math.min(minY, y[v]);
      maxY = Math.max(maxY, y[v]);
    }
    double[][] out = new double[n][2];
    for (int v = 0; v < n; v++) {
      out[v][0] = maxX > minX ? margin + (x[v] - minX) / (maxX - minX) * (width - 2 * margin)
          : width / 2;
      out[v][1] = maxY > minY ? margin + (y[v] - minY) / (maxY - minY) * (height - 2 * margin)
          : height / 2;
    }
    return out;
  }
}
