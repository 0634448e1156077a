package dev.causal4j.analyst.report;

import dev.causal4j.analyst.Analysis;
import dev.causal4j.analyst.explain.Explainer;
import dev.causal4j.analyst.explain.Explainer.EdgeLine;
import dev.causal4j.analyst.plan.Plan;
import dev.causal4j.analyst.plan.TimeSeriesPlan;
import dev.causal4j.analyst.profile.Finding;
import dev.causal4j.analyst.profile.Profile;
import dev.causal4j.analyst.run.DiscoveryRun;
import dev.causal4j.analyst.run.EffectRun;
import dev.causal4j.discovery.timeseries.LinkStatistics;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.refute.Refutation;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.AnnotatedGraph;
import java.util.List;
import java.util.Locale;

/**
 * The analysis as one self-contained HTML page: inline CSS and SVG, no script and nothing fetched,
 * so it opens offline in any browser. Sections: findings in words, the graph (drawn by {@link
 * GraphLayout}; edge width and opacity by bootstrap probability; arrowheads, circles and tails as
 * the graph's marks say), the edge table, the effect with an interval plot, refutation, the plan
 * with its reasons, the data profile with a histogram per variable, and the command that
 * reproduces the report.
 */
public final class HtmlReport {
  private static final double NODE_HEIGHT = 26;

  private HtmlReport() {}

  /** The page for {@code a}; {@code command} is the command line that reproduces it. */
  public static String render(Analysis a, String command) {
    StringBuilder h = new StringBuilder(64 * 1024);
    Profile pr = a.profile();
    String name = pr.source().substring(pr.source().lastIndexOf('/') + 1);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Causal4J analysis of ").append(esc(name)).append("</title>")
        .append("<style>").append(CSS).append("</style></head><body>\n");
    h.append("<header><h1>Causal analysis of <code>").append(esc(name))
        .append("</code></h1><p class=\"lead\">").append(esc(a.explanation().headline()))
        .append("</p></header>\n<main>\n");

    h.append("<section id=\"findings\"><h2>Findings</h2><ul>");
    for (String s : a.explanation().graph()) {
      h.append("<li>").append(esc(s)).append("</li>");
    }
    h.append("</ul>");
    if (!a.explanation().effect().isEmpty()) {
      h.append("<h3>Effect</h3><ul>");
      for (String s : a.explanation().effect()) {
        h.append("<li>").append(esc(s)).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<h3>Keep in mind</h3><ul class=\"caveats\">");
    for (String s : a.explanation().caveats()) {
      h.append("<li>").append(esc(s)).append("</li>");
    }
    h.append("</ul></section>\n");

    if (a.timeSeries() != null) {
      laggedSection(h, a.plan().timeSeries(), a.timeSeries());
    }
    graphSection(h, a.discovery());
    if (a.effect() != null) {
      effectSection(h, a.effect());
    }
    planSection(h, a.plan(), a.discovery());
    profileSection(h, pr);

    h.append("<section id=\"reproduce\"><h2>Reproduce</h2><p>The same command on the same data"
        + " gives the same report (everything random is seeded):</p><pre><code>")
        .append(esc(command)).append("</code></pre><p class=\"small\">Rules ")
        .append(esc(a.plan().rulesVersion())).append("; stage times (ms): ")
        .append(esc(a.stageMillis().toString())).append(". Everything in this page is also in"
            + " <code>result.json</code>.</p></section>\n");
    h.append("</main><footer>Made by Causal4J, offline.</footer></body></html>\n");
    return h.toString();
  }

  // ------------------------------------------------------------------ graph

  private static void graphSection(StringBuilder h, DiscoveryRun d) {
    AnnotatedGraph ensemble = d.bootstrap().ensemble();
    Graph g = ensemble.graph();
    h.append("<section id=\"graph-section\"><h2>Graph</h2><p>Edges found in at least half of "
        + d.bootstrap().succeeded() + " bootstrap runs; the thicker and darker an edge, the more"
        + " often it appeared with exactly these marks. ").append(esc(legend(g)))
        .append("</p>\n");
    h.append(graphSvg(g, ensemble));
    h.append("<table class=\"edges\"><thead><tr><th>edge</th><th>probability</th><th>adjacent"
        + "</th><th>meaning</th></tr></thead><tbody>");
    for (EdgeLine l : Explainer.edgeLines(d.bootstrap())) {
      String meaning = l.sentence().substring(l.sentence().indexOf(": ") + 2);
      h.append("<tr><td class=\"nowrap\">").append(esc(l.from())).append(' ')
          .append(esc(arrowOf(l.symbol()))).append(' ').append(esc(l.to())).append("</td><td>")
          .append(pct(l.probability())).append(bar(l.probability())).append("</td><td>")
          .append(pct(l.adjacency())).append("</td><td>").append(esc(meaning))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>\n");
  }

  /**
   * The time-series search's answer: the summary graph (one arrow per pair and direction, its
   * lags written on it; a variable's links to its own past under its box) and every lagged link
   * with its p-value.
   */
  private static void laggedSection(StringBuilder h, TimeSeriesPlan plan, TimeSeriesResult r) {
    LaggedGraph g = r.graph();
    h.append("<section id=\"lagged-graph\"><h2>Lagged graph (time series)</h2><p>PCMCI+ with ")
        .append(esc(plan.testLabel())).append(" up to lag ").append(g.maxLag()).append(", α = ")
        .append(plan.alpha()).append(": an arrow X → Y labelled <i>lag 2</i> means X two steps"
            + " before drives Y now; <i>lag 0</i> is within the same time step. ")
        .append(g.linkCount()).append(g.linkCount() == 1 ? " link" : " links")
        .append(" in all.</p>\n");
    h.append(laggedSvg(g));
    LinkStatistics ls = r.linkStatistics();
    h.append("<table class=\"edges lagged\"><thead><tr><th>link</th><th>lag</th><th>p-value"
        + "</th></tr></thead><tbody>");
    for (LaggedGraph.Link l : g.links()) {
      double pv = ls == null ? Double.NaN : ls.pValue(l.from(), l.to(), l.lag());
      h.append("<tr><td class=\"nowrap\">").append(esc(atLag(g.variable(l.from()), l.lag())))
          .append(' ').append(esc(l.symbol())).append(' ')
          .append(esc(atLag(g.variable(l.to()), 0))).append("</td><td>").append(l.lag())
          .append("</td><td>").append(Double.isNaN(pv) ? "–"
              : String.format(Locale.ROOT, "%.2g", pv)).append("</td></tr>");
    }
    h.append("</tbody></table>");
    for (String w : r.warnings()) {
      h.append("<p class=\"warn\">").append(esc(w)).append("</p>");
    }
    h.append("</section>\n");
  }

  /** {@code X(t-2)}, {@code X(t)}: a variable at a lag, as the time-series literature writes it. */
  private static String atLag(String variable, int lag) {
    return variable + (lag == 0 ? "(t)" : "(t-" + lag + ")");
  }

  /** The summary graph as SVG, each arc labelled with its lags. */
  static String laggedSvg(LaggedGraph g) {
    int n = g.size();
    MutableGraph skeleton = new MutableGraph(g.variables());
    java.util.Map<Integer, List<Integer>> selfLags = new java.util.TreeMap<>();
    for (LaggedGraph.SummaryArc arc : g.summary()) {
      if (arc.from() == arc.to()) {
        selfLags.computeIfAbsent(arc.from(), k -> new java.util.ArrayList<>()).addAll(arc.lags());
      } else if (!skeleton.isAdjacent(arc.from(), arc.to())) {
        skeleton.addUndirectedEdge(arc.from(), arc.to());
      }
    }
    double width = 760;
    double height = Math.max(320, Math.min(760, 90 + 38 * n));
    double[] boxW = new double[n];
    double maxBox = 0;
    for (int v = 0; v < n; v++) {
      boxW[v] = 16 + 7.4 * g.variable(v).length();
      maxBox = Math.max(maxBox, boxW[v]);
    }
    double[][] pos = GraphLayout.of(skeleton, width, height, Math.max(40, maxBox / 2 + 8), boxW,
        NODE_HEIGHT);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg id=\"lagged\" class=\"graph\" xmlns="
        + "\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
        + " role=\"img\" aria-label=\"lagged causal graph\">", width, height, width, height));
    for (LaggedGraph.SummaryArc arc : g.summary()) {
      if (arc.from() == arc.to()) {
        continue;
      }
      Endpoint[] marks = Edge.parseSymbol(arc.symbol());
      double[] a = pos[arc.from()];
      double[] b = pos[arc.to()];
      double dx = b[0] - a[0];
      double dy = b[1] - a[1];
      double len = Math.max(1e-6, Math.hypot(dx, dy));
      double ux = dx / len;
      double uy = dy / len;
      // Arcs both ways between one pair are drawn side by side, each shifted to its own left.
      double off = g.summary().stream().anyMatch(o -> o.from() == arc.to()
          && o.to() == arc.from()) ? 5 : 0;
      double ox = uy * off;
      double oy = -ux * off;
      double ta = boundary(boxW[arc.from()], ux, uy) + 2;
      double tb = boundary(boxW[arc.to()], ux, uy) + 2;
      double ax = a[0] + ux * ta + ox;
      double ay = a[1] + uy * ta + oy;
      double bx = b[0] - ux * tb + ox;
      double by = b[1] - uy * tb + oy;
      String lags = "lag " + arc.lags().stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(","));
      s.append("<g class=\"edge\"><title>").append(esc(g.variable(arc.from()) + " "
          + arc.symbol() + " " + g.variable(arc.to()) + ", " + lags)).append("</title>");
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
          + " y2=\"%.1f\" stroke=\"#1f3a5f\" stroke-width=\"2\" stroke-linecap=\"round\"/>",
          ax + ux * markLength(marks[0]), ay + uy * markLength(marks[0]),
          bx - ux * markLength(marks[1]), by - uy * markLength(marks[1])));
      mark(s, marks[0], ax, ay, -ux, -uy, 2);
      mark(s, marks[1], bx, by, ux, uy, 2);
      double mx = (ax + bx) / 2 + ox * 2;
      double my = (ay + by) / 2 + oy * 2;
      s.append(String.format(Locale.ROOT, "<text class=\"lag-label\" x=\"%.1f\" y=\"%.1f\""
          + " text-anchor=\"middle\" dominant-baseline=\"central\" stroke=\"#fcfcfd\""
          + " stroke-width=\"4\" paint-order=\"stroke\">%s</text>", mx, my, esc(lags)));
      s.append("</g>");
    }
    for (int v = 0; v < n; v++) {
      s.append(String.format(Locale.ROOT, "<g class=\"node\"><rect x=\"%.1f\" y=\"%.1f\""
          + " width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"#fdf6e3\" stroke=\"#7a5c00\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"central\">%s"
          + "</text>", pos[v][0] - boxW[v] / 2, pos[v][1] - NODE_HEIGHT / 2, boxW[v],
          NODE_HEIGHT, pos[v][0], pos[v][1], esc(g.variable(v))));
      List<Integer> own = selfLags.get(v);
      if (own != null) {
        s.append(String.format(Locale.ROOT, "<text class=\"lag-label self\" x=\"%.1f\""
            + " y=\"%.1f\" text-anchor=\"middle\">↻ lag %s</text>", pos[v][0],
            pos[v][1] + NODE_HEIGHT / 2 + 13, own.stream().distinct().sorted()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(","))));
      }
      s.append("</g>");
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static String arrowOf(String symbol) {
    Endpoint[] marks = Edge.parseSymbol(symbol);
    return Explainer.arrow(new Edge(0, 1, marks[0], marks[1]));
  }

  private static String legend(Graph g) {
    return switch (g.kind()) {
      case PAG -> "Marks: → arrowhead, o circle (tail or arrowhead), plain end a tail; ↔ a hidden"
          + " common cause.";
      case CPDAG -> "Marks: → a direction the data fix; a line with no heads: a direction they"
          + " cannot tell.";
      default -> "Marks: → cause to effect.";
    };
  }

  /** The graph as SVG: nodes as labelled boxes, edges with their three kinds of end marks. */
  static String graphSvg(Graph g, AnnotatedGraph annotations) {
    int n = g.size();
    double width = 760;
    double height = Math.max(320, Math.min(760, 90 + 38 * n));
    double[] boxW = new double[n];
    double maxBox = 0;
    for (int v = 0; v < n; v++) {
      boxW[v] = 16 + 7.4 * g.name(v).length();
      maxBox = Math.max(maxBox, boxW[v]);
    }
    double[][] pos = GraphLayout.of(g, width, height, Math.max(30, maxBox / 2 + 8), boxW,
        NODE_HEIGHT);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg id=\"graph\" class=\"graph\" xmlns="
        + "\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
        + " role=\"img\" aria-label=\"learned causal graph\">", width, height, width, height));
    for (Edge e : g.edges()) {
      double prob = annotations.annotation(e.from(), e.to()).probability().orElse(1.0);
      double[] a = pos[e.from()];
      double[] b = pos[e.to()];
      double dx = b[0] - a[0];
      double dy = b[1] - a[1];
      double len = Math.max(1e-6, Math.hypot(dx, dy));
      double ux = dx / len;
      double uy = dy / len;
      double ta = boundary(boxW[e.from()], ux, uy) + 2;
      double tb = boundary(boxW[e.to()], ux, uy) + 2;
      double ax = a[0] + ux * ta;
      double ay = a[1] + uy * ta;
      double bx = b[0] - ux * tb;
      double by = b[1] - uy * tb;
      double stroke = 1 + 4 * prob;
      double opacity = 0.25 + 0.75 * prob;
      String title = g.name(e.from()) + " " + Explainer.arrow(e) + " " + g.name(e.to()) + ": "
          + pct(prob);
      s.append(String.format(Locale.ROOT, "<g class=\"edge\" opacity=\"%.2f\"><title>%s</title>",
          opacity, esc(title)));
      double sax = ax + ux * markLength(e.atFrom());
      double say = ay + uy * markLength(e.atFrom());
      double sbx = bx - ux * markLength(e.atTo());
      double sby = by - uy * markLength(e.atTo());
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#1f3a5f\" stroke-width=\"%.2f\" stroke-linecap=\"round\"/>", sax, say,
          sbx, sby, stroke));
      mark(s, e.atFrom(), ax, ay, -ux, -uy, stroke);
      mark(s, e.atTo(), bx, by, ux, uy, stroke);
      s.append("</g>");
    }
    for (int v = 0; v < n; v++) {
      s.append(String.format(Locale.ROOT, "<g class=\"node\"><rect x=\"%.1f\" y=\"%.1f\""
          + " width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"#fdf6e3\" stroke=\"#7a5c00\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"central\">%s"
          + "</text></g>", pos[v][0] - boxW[v] / 2, pos[v][1] - NODE_HEIGHT / 2, boxW[v],
          NODE_HEIGHT, pos[v][0], pos[v][1], esc(g.name(v))));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** Distance from a box's centre to its border along (ux, uy). */
  private static double boundary(double boxWidth, double ux, double uy) {
    double hw = boxWidth / 2;
    double hh = NODE_HEIGHT / 2;
    double tx = Math.abs(ux) < 1e-9 ? Double.POSITIVE_INFINITY : hw / Math.abs(ux);
    double ty = Math.abs(uy) < 1e-9 ? Double.POSITIVE_INFINITY : hh / Math.abs(uy);
    return Math.min(tx, ty);
  }

  private static double markLength(Endpoint m) {
    return switch (m) {
      case ARROW -> 9;
      case CIRCLE -> 9;
      case TAIL -> 0;
    };
  }

  /** A mark whose tip touches (x, y), the edge arriving along (ux, uy). */
  private static void mark(StringBuilder s, Endpoint m, double x, double y, double ux, double uy,
      double stroke) {
    switch (m) {
      case ARROW -> {
        double size = 11 + stroke;
        double half = 4.5 + stroke / 2;
        double bx = x - ux * size;
        double by = y - uy * size;
        s.append(String.format(Locale.ROOT, "<polygon class=\"arrowhead\" points=\"%.1f,%.1f"
            + " %.1f,%.1f %.1f,%.1f\" fill=\"#1f3a5f\"/>", x, y, bx - uy * half, by + ux * half,
            bx + uy * half, by - ux * half));
      }
      case CIRCLE -> s.append(String.format(Locale.ROOT, "<circle class=\"circle-mark\""
          + " cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#1f3a5f\""
          + " stroke-width=\"1.8\"/>", x - ux * 4.5, y - uy * 4.5));
      case TAIL -> { }
    }
  }

  // ------------------------------------------------------------------ effect

  private static void effectSection(StringBuilder h, EffectRun e) {
    h.append("<section id=\"effect\"><h2>Effect of <code>").append(esc(e.treatment()))
        .append("</code> on <code>").append(esc(e.outcome())).append("</code></h2><p>")
        .append(esc(e.identification())).append("</p>");
    if (!e.estimates().isEmpty()) {
      h.append(intervalPlot(e.estimates().stream().map(x -> new Row(x.method().label(),
          x.estimate(), x.interval().lower(), x.interval().upper())).toList()));
      h.append("<table><thead><tr><th>estimator</th><th>estimate</th><th>95% interval</th>"
          + "<th>SE</th><th>n</th><th>adjusted for</th></tr></thead><tbody>");
      for (EffectEstimate x : e.estimates()) {
        h.append("<tr><td>").append(esc(x.method().label())).append("</td><td>")
            .append(Explainer.num(x.estimate())).append("</td><td>")
            .append(Explainer.num(x.interval().lower())).append(" to ")
            .append(Explainer.num(x.interval().upper())).append("</td><td>")
            .append(Explainer.num(x.standardError())).append("</td><td>").append(x.n())
            .append("</td><td>").append(esc(String.join(", ", x.adjustmentSet())))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    if (!e.possible().isEmpty()) {
      h.append(intervalPlot(e.possible().stream().map(p -> p.zeroEffect()
          ? new Row("{" + String.join(", ", p.adjustmentSet()) + "} (zero)", 0, 0, 0)
          : new Row("{" + String.join(", ", p.adjustmentSet()) + "}", p.estimate().estimate(),
              p.estimate().interval().lower(), p.estimate().interval().upper())).toList()));
    }
    if (!e.assumptions().isEmpty()) {
      h.append("<h3>Assumptions</h3><ul>");
      for (String s : e.assumptions()) {
        h.append("<li>").append(esc(s)).append("</li>");
      }
      h.append("</ul>");
    }
    for (String w : e.warnings()) {
      h.append("<p class=\"warn\">").append(esc(w)).append("</p>");
    }
    h.append("<h3 id=\"refutation\">Refutation</h3><p>").append(esc(e.refutation()))
        .append("</p>");
    if (!e.refutations().isEmpty()) {
      h.append("<table id=\"refutations\"><thead><tr><th>check</th><th>verdict</th>"
          + "<th>result</th><th>rule</th></tr></thead><tbody>");
      for (Refutation r : e.refutations()) {
        h.append("<tr><td>").append(esc(r.kind().label())).append("</td><td class=\"")
            .append(r.verdict().passed() ? "pass" : "fail").append("\">")
            .append(r.verdict().word()).append("</td><td>").append(esc(r.summary()))
            .append("</td><td>").append(esc(r.verdict().rule())).append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  private record Row(String label, double value, double lower, double upper) {}

  private static String intervalPlot(List<Row> rows) {
    double lo = 0;
    double hi = 0;
    for (Row r : rows) {
      lo = Math.min(lo, Math.min(r.lower(), r.value()));
      hi = Math.max(hi, Math.max(r.upper(), r.value()));
    }
    double pad = (hi - lo) * 0.08 + 1e-12;
    lo -= pad;
    hi += pad;
    double width = 700;
    double left = 230;
    double right = 20;
    double rowH = 30;
    double height = 30 + rowH * rows.size() + 24;
    final double l = lo;
    final double span = hi - lo;
    java.util.function.DoubleUnaryOperator sx = v -> left + (v - l) / span * (width - left - right);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg class=\"interval-plot\" id=\"effect-plot\""
        + " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\""
        + " height=\"%.0f\" role=\"img\" aria-label=\"estimates with 95%% intervals\">", width,
        height, width, height));
    double zero = sx.applyAsDouble(0);
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%.1f\""
        + " stroke=\"#999\" stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%.1f\""
        + " text-anchor=\"middle\" class=\"axis\">0</text>", zero, zero, height - 22, zero,
        height - 8));
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"axis\">%s</text>"
        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"axis\">%s</text>", left,
        height - 8, esc(Explainer.num(lo)), width - right, height - 8,
        esc(Explainer.num(hi))));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double y = 24 + rowH * i;
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\""
          + " dominant-baseline=\"central\">%s</text>", left - 10, y, esc(r.label())));
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#1f3a5f\" stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\""
          + " fill=\"#c0392b\"/>", sx.applyAsDouble(r.lower()), y, sx.applyAsDouble(r.upper()), y,
          sx.applyAsDouble(r.value()), y));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  // ------------------------------------------------------------------ plan

  private static void planSection(StringBuilder h, Plan p, DiscoveryRun d) {
    h.append("<section id=\"plan\"><h2>Plan and why</h2><p>Rule <code>").append(esc(p.ruleId()))
        .append("</code> of <code>").append(esc(p.rulesVersion())).append("</code>: ")
        .append(esc(p.condition())).append(".</p><table><thead><tr><th>stage</th><th>decision"
            + "</th><th>why</th></tr></thead><tbody>");
    for (Plan.Step s : p.steps()) {
      h.append("<tr><td>").append(esc(s.stage())).append("</td><td>").append(esc(s.decision()))
          .append("</td><td>").append(esc(s.reason())).append("</td></tr>");
    }
    h.append("</tbody></table><h3>Tuning</h3><p>").append(esc(d.tuning().note())).append("</p>");
    if (!d.tuning().candidates().isEmpty()) {
      h.append("<table><thead><tr><th>").append(esc(d.tuning().parameter()))
          .append("</th><th>criterion</th></tr></thead><tbody>");
      for (DiscoveryRun.Candidate c : d.tuning().candidates()) {
        h.append("<tr").append(c.value() == d.tuning().chosen() ? " class=\"chosen\"" : "")
            .append("><td>").append(c.value()).append("</td><td>")
            .append(Explainer.num(c.criterionValue())).append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  // ------------------------------------------------------------------ profile

  private static void profileSection(StringBuilder h, Profile p) {
    h.append("<section id=\"profile\"><h2>Data profile</h2><p>").append(p.rows())
        .append(" rows × ").append(p.variables()).append(" variables (")
        .append(String.format(Locale.ROOT, "%.1f", p.rowsPerVariable()))
        .append(" rows per variable), ").append(p.kind().toString().toLowerCase(Locale.ROOT))
        .append(". Checks on ").append(p.settings().rowsUsed()).append(" rows, FDR ")
        .append(p.settings().fdr()).append(", seed ").append(p.settings().seed())
        .append(".</p><table><thead><tr><th>topic</th><th>about</th><th>statistic</th>"
            + "<th>value</th><th>p / q</th><th>finding</th></tr></thead><tbody>");
    for (Finding f : p.findings()) {
      h.append("<tr><td>").append(esc(f.topic().toString().toLowerCase(Locale.ROOT)
          .replace('_', ' '))).append("</td><td>").append(esc(f.subject())).append("</td><td>")
          .append(esc(f.statistic())).append("</td><td>").append(Explainer.num(f.value()))
          .append("</td><td>").append(Double.isNaN(f.pValue()) ? "" : Explainer.num(f.pValue()))
          .append("</td><td>").append(esc(f.text())).append("</td></tr>");
    }
    h.append("</tbody></table><h3>Variables</h3><div class=\"vars\">");
    for (Profile.ColumnProfile c : p.columns()) {
      h.append("<figure class=\"var\"><figcaption><b>").append(esc(c.name())).append("</b> ")
          .append(esc(c.type().toString().toLowerCase(Locale.ROOT)));
      if (c.missing() > 0) {
        h.append(", ").append(c.missing()).append(" missing");
      }
      if (c.marginal() != null) {
        h.append(String.format(Locale.ROOT, ", skew %.2f, A*² %.2f", c.skewness(),
            c.marginal().adjusted()));
      }
      h.append("</figcaption>").append(histogram(c.histogram())).append("</figure>");
    }
    h.append("</div></section>\n");
  }

  private static String histogram(Profile.Histogram hist) {
    int[] counts = hist.counts();
    double width = 220;
    double height = 70;
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg class=\"hist\" xmlns=\"http://www.w3.org/2000/svg\""
        + " viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">", width,
        height + 14, width, height + 14));
    double bw = counts.length == 0 ? width : width / counts.length;
    for (int i = 0; i < counts.length; i++) {
      double bh = height * counts[i] / max;
      String label = hist.labels().isEmpty()
          ? String.format(Locale.ROOT, "%s to %s: %d", Explainer.num(hist.edges()[i]),
              Explainer.num(hist.edges()[i + 1]), counts[i])
          : hist.labels().get(i) + ": " + counts[i];
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
          + " height=\"%.1f\" fill=\"#4a7ab5\"><title>%s</title></rect>", i * bw + 0.5,
          height - bh, Math.max(1, bw - 1), Math.max(bh, counts[i] > 0 ? 1 : 0), esc(label)));
    }
    if (hist.labels().isEmpty() && hist.edges().length > 1) {
      s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.0f\" class=\"axis\">%s</text>"
          + "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" class=\"axis\">%s</text>",
          height + 12, esc(Explainer.num(hist.edges()[0])), width, height + 12,
          esc(Explainer.num(hist.edges()[hist.edges().length - 1]))));
    }
    s.append("</svg>");
    return s.toString();
  }

  // ------------------------------------------------------------------ helpers

  private static String bar(double v) {
    return String.format(Locale.ROOT, "<span class=\"bar\"><span style=\"width:%.0f%%\">"
        + "</span></span>", 100 * (Double.isNaN(v) ? 0 : v));
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : Math.round(100 * v) + "%";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS = String.join("\n",
      "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;margin:0;"
          + "background:#fafafa}",
      "header{background:#1f3a5f;color:#fff;padding:18px 32px}",
      "header h1{margin:0 0 6px;font-size:24px}header code{color:#ffe9a8}",
      ".lead{margin:0;font-size:16px;opacity:.95}",
      "main{max-width:1000px;margin:0 auto;padding:8px 24px 40px}",
      "section{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:8px 22px 18px;"
          + "margin:18px 0}",
      "h2{color:#1f3a5f;border-bottom:2px solid #e8eef5;padding-bottom:4px}",
      "table{border-collapse:collapse;width:100%;margin:10px 0;font-size:13.5px}",
      "th,td{border-bottom:1px solid #eee;padding:5px 8px;text-align:left;vertical-align:top}",
      "th{background:#f3f6fa}tr.chosen td{background:#fff6d6;font-weight:600}",
      ".nowrap{white-space:nowrap}.small{font-size:12.5px;color:#555}",
      ".bar{display:inline-block;width:60px;height:8px;background:#e8eef5;margin-left:6px;"
          + "border-radius:4px;vertical-align:middle}",
      ".bar span{display:block;height:8px;background:#1f3a5f;border-radius:4px}",
      "svg.graph{display:block;margin:8px auto;background:#fcfcfd;border:1px solid #eee;"
          + "border-radius:6px;max-width:100%;height:auto}",
      "svg text{font:12px system-ui,sans-serif;fill:#222}svg .axis{font-size:11px;fill:#666}",
      "svg .lag-label{font-size:11px;fill:#7a5c00}",
      ".vars{display:flex;flex-wrap:wrap;gap:14px}.var{margin:0;width:230px}",
      ".var figcaption{font-size:12.5px;margin-bottom:2px}",
      ".warn{color:#8a4b00;background:#fff4e0;padding:6px 10px;border-radius:4px}",
      "td.pass{color:#1e6b2e;font-weight:600}td.fail{color:#a61b1b;font-weight:600}",
      "ul.caveats li{color:#555}pre{background:#f4f4f4;padding:10px;border-radius:6px;"
          + "overflow-x:auto}",
      "footer{text-align:center;color:#888;font-size:12px;padding:16px}");
}
