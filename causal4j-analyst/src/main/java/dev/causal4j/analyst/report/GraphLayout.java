package dev.causal4j.analyst.report;

import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Graph;
import java.util.Arrays;

/**
 * Positions for a graph's nodes in a box: Fruchterman &amp; Reingold's (1991) force-directed
 * layout, started from a circle in node order and cooled over a fixed number of iterations, so
 * the same graph always gets the same picture. Nodes closer than {@code 3k} repel each other
 * (k the ideal edge length), edges pull their ends together, and a pull to the centre keeps the
 * pieces of a graph that is not connected together. The repulsion is cut off as in Fruchterman
 * &amp; Reingold's grid variant: unbounded, it drives the separate pieces of a disconnected graph
 * (a learned graph often has several) to the corners, and once the picture is scaled to the box
 * the nodes of each piece land on top of each other.
 */
final class GraphLayout {
  private static final int ITERATIONS = 400;
  private static final double GRAVITY = 0.1;
  private static final double GAP = 14;
  private static final int SEPARATION_ROUNDS = 500;

  private GraphLayout() {}

  /**
   * x and y of each node's centre, inside {@code [margin, width − margin] × [margin, height −
   * margin]}; nodes are drawn as boxes of the given widths and height, which a last pass pushes
   * apart where they would overlap (force-directed positions scaled to a box can still put two
   * labels on top of each other).
   */
  static double[][] of(Graph g, double width, double height, double margin, double[] boxWidths,
      double boxHeight) {
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
        Arrays.fill(dx, 0);
        Arrays.fill(dy, 0);
        for (int a = 0; a < n; a++) {
          for (int b = a + 1; b < n; b++) {
            double ex = x[a] - x[b];
            double ey = y[a] - y[b];
            double d = Math.max(1e-4, Math.hypot(ex, ey));
            if (d > 3 * k) {
              continue;
            }
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
          dx[v] -= GRAVITY * x[v];
          dy[v] -= GRAVITY * y[v];
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
    separate(out, width, height, margin, boxWidths, boxHeight);
    return out;
  }

  /**
   * Pushes overlapping boxes apart, each pair by half the overlap along the axis where it is
   * smaller, keeping a gap of {@link #GAP} px, in a fixed order so the result is deterministic;
   * stops when nothing overlaps or after {@link #SEPARATION_ROUNDS} rounds (a box too small for
   * its nodes cannot be cleared).
   */
  private static void separate(double[][] pos, double width, double height, double margin,
      double[] boxWidths, double boxHeight) {
    int n = pos.length;
    for (int round = 0; round < SEPARATION_ROUNDS; round++) {
      boolean moved = false;
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          double ox = (boxWidths[a] + boxWidths[b]) / 2 + GAP - Math.abs(pos[a][0] - pos[b][0]);
          double oy = boxHeight + GAP - Math.abs(pos[a][1] - pos[b][1]);
          if (ox <= 0 || oy <= 0) {
            continue;
          }
          moved = true;
          int axis = ox < oy ? 0 : 1;
          double push = (axis == 0 ? ox : oy) / 2;
          double sign = pos[a][axis] < pos[b][axis] || (pos[a][axis] == pos[b][axis] && a < b)
              ? -1 : 1;
          double lo = margin;
          double hi = (axis == 0 ? width : height) - margin;
          pos[a][axis] = Math.max(lo, Math.min(hi, pos[a][axis] + sign * push));
          pos[b][axis] = Math.max(lo, Math.min(hi, pos[b][axis] - sign * push));
        }
      }
      if (!moved) {
        return;
      }
    }
  }
}
