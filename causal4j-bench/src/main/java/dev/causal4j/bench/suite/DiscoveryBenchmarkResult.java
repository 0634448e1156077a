package dev.causal4j.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.bench.metrics.Counts;
import dev.causal4j.bench.metrics.GraphComparison;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link DiscoveryBenchmark} measured: the settings, whether Tetrad ran, and one row per
 * algorithm and size. {@link #table()} is for people, {@link #toJson()} keeps everything.
 *
 * @param settings what was run
 * @param tetrad Tetrad's version, or why it did not run
 * @param rows one per algorithm and data set, in run order
 * @param notes what was skipped and why
 */
public record DiscoveryBenchmarkResult(
    Settings settings, String tetrad, List<Row> rows, List<String> notes) {

  /** CPU times shorter than this are at the resolution of the process CPU clock. */
  private static final double CPU_RESOLUTION_MILLIS = 10;

  public DiscoveryBenchmarkResult {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /**
   * The benchmark's settings.
   *
   * @param processors the processors the JVM saw
   * @param datasets the given data sets' names (empty when the data were simulated)
   */
  public record Settings(
      int[] sizes,
      int samples,
      double averageDegree,
      int repeats,
      int warmups,
      int threads,
      long seed,
      int processors,
      List<String> algorithms,
      List<String> datasets) {
    public Settings {
      sizes = sizes.clone();
      algorithms = List.copyOf(algorithms);
      datasets = List.copyOf(datasets);
    }

    @Override
    public int[] sizes() {
      return sizes.clone();
    }
  }

  /**
   * One side's runs of one algorithm on one data set.
   *
   * @param tool {@code Causal4J} or {@code Tetrad}
   * @param threads the threads it ran on (for Tetrad, the processors its JVM saw)
   * @param setupMillis the sufficient statistics (covariance), computed once
   * @param searchMillis every timed search
   * @param cpuMillis the CPU time of the tool's JVM (every thread, garbage collection included)
   *     over each timed search, which other processes on a busy machine do not inflate
   * @param accuracy the last graph against the truth
   * @param edges the last graph's edge count
   */
  public record Side(
      String tool,
      int threads,
      double setupMillis,
      double[] searchMillis,
      double[] cpuMillis,
      GraphComparison accuracy,
      int edges) {
    public Side {
      searchMillis = searchMillis.clone();
      cpuMillis = cpuMillis.clone();
    }

    @Override
    public double[] searchMillis() {
      return searchMillis.clone();
    }

    @Override
    public double[] cpuMillis() {
      return cpuMillis.clone();
    }

    public double medianMillis() {
      return Stats.median(searchMillis);
    }

    public double medianCpuMillis() {
      return Stats.median(cpuMillis);
    }
  }

  /**
   * How Causal4J's graph differs from Tetrad's on the same data.
   *
   * @param onlyCausal4j pairs adjacent in Causal4J's graph only
   * @param onlyTetrad pairs adjacent in Tetrad's graph only
   * @param marks pairs adjacent in both whose edges differ in a mark
   * @param tetradDistinctGraphs how many different graphs Tetrad gave in this row's runs (at
   *     least): more than one means Tetrad's search was not deterministic
   */
  public record Difference(int onlyCausal4j, int onlyTetrad, int marks, int tetradDistinctGraphs) {

    /** Compares two graphs over the same node names. */
    public static Difference between(Graph causal4j, Graph tetrad, int tetradDistinctGraphs) {
      int onlyOurs = 0;
      int onlyTheirs = 0;
      int marks = 0;
      int p = causal4j.size();
      int[] map = new int[p];
      for (int v = 0; v < p; v++) {
        map[v] = tetrad.indexOf(causal4j.name(v));
        if (map[v] < 0) {
          throw new IllegalArgumentException("Tetrad's graph has no node " + causal4j.name(v));
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          boolean ours = causal4j.isAdjacent(a, b);
          boolean theirs = tetrad.isAdjacent(map[a], map[b]);
          if (ours && !theirs) {
            onlyOurs++;
          } else if (theirs && !ours) {
            onlyTheirs++;
          } else if (ours) {
            Endpoint ab = causal4j.endpoint(a, b);
            Endpoint ba = causal4j.endpoint(b, a);
            if (ab != tetrad.endpoint(map[a], map[b]) || ba != tetrad.endpoint(map[b], map[a])) {
              marks++;
            }
          }
        }
      }
      return new Difference(onlyOurs, onlyTheirs, marks, tetradDistinctGraphs);
    }

    public boolean sameSkeleton() {
      return onlyCausal4j == 0 && onlyTetrad == 0;
    }
  }

  /**
   * One algorithm on one data set.
   *
   * @param algorithm the benchmark's name for it
   * @param dataset the data set's name ({@link DiscoveryBenchmark#SIMULATED} for simulated data)
   * @param expected what the two sides' outputs are expected to share
   * @param variables p
   * @param samples n
   * @param trueEdges edges of the graph it is scored against
   * @param causal4j Causal4J on the benchmark's thread count
   * @param causal4jOneThread Causal4J on one thread, or null when the thread count is one
   * @param tetradSide Tetrad, or null when it did not run
   * @param difference Causal4J's graph against Tetrad's, or null when Tetrad did not run
   * @param tests Causal4J's independence tests in its last run
   * @param scoreEvaluations Causal4J's score evaluations in its last run
   * @param note why Tetrad has no result here (its error, or no counterpart), or null
   */
  public record Row(
      String algorithm,
      String dataset,
      BenchmarkAlgorithm.Agreement expected,
      int variables,
      int samples,
      int trueEdges,
      Side causal4j,
      Side causal4jOneThread,
      Side tetradSide,
      Difference difference,
      long tests,
      long scoreEvaluations,
      String note) {

    /** Tetrad's median over Causal4J's, on the benchmark's thread count; NaN without Tetrad. */
    public double speedUp() {
      return tetradSide == null ? Double.NaN
          : tetradSide.medianMillis() / Math.max(causal4j.medianMillis(), 1e-3);
    }
  }

  /** A table for people: times (medians), speed-ups, accuracy of both sides, differences. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    Settings s = settings;
    String data = s.datasets().isEmpty()
        ? String.format(Locale.ROOT, "simulated data, n = %d, average degree %s, seed %d",
            s.samples(), trim(s.averageDegree()), s.seed())
        : "given data sets";
    sb.append(String.format(Locale.ROOT,
        "Discovery benchmark: %s; medians of %d timed run(s) after %d warm-up(s), the two tools"
            + " in turns; %d processor(s).%n",
        data, s.repeats(), s.warmups(), s.processors()));
    sb.append("Tetrad: ").append(tetrad).append('\n');
    sb.append("Search times exclude loading and the covariance set-up (reported in the JSON).\n\n");
    boolean oneToo = s.threads() > 1;
    List<String[]> cells = new ArrayList<>();
    boolean named = !s.datasets().isEmpty();
    List<String> head = new ArrayList<>(List.of("algorithm", "p", "Causal4J T=" + s.threads()));
    if (named) {
      head.add(1, "data");
    }
    if (oneToo) {
      head.add("Causal4J T=1");
    }
    head.addAll(List.of("Tetrad", "speed-up", "CPU C4J T=1/Tetrad", "adj F1 C4J/Tetrad",
        "arrow F1 C4J/Tetrad", "C4J vs Tetrad"));
    cells.add(head.toArray(String[]::new));
    for (Row r : rows) {
      List<String> c = new ArrayList<>();
      c.add(r.algorithm());
      if (named) {
        c.add(r.dataset());
      }
      c.add(Integer.toString(r.variables()));
      c.add(time(r.causal4j().medianMillis()));
      if (oneToo) {
        c.add(time(r.causal4jOneThread().medianMillis()));
      }
      Side t = r.tetradSide();
      c.add(t == null ? "-" : time(t.medianMillis()));
      c.add(t == null ? "-" : speedUp(r.speedUp())
          + (oneToo ? " / " + speedUp(t.medianMillis()
              / Math.max(r.causal4jOneThread().medianMillis(), 1e-3)) : ""));
      Side oneSide = oneToo ? r.causal4jOneThread() : r.causal4j();
      double ourCpu = oneSide.medianCpuMillis();
      // Below the process CPU clock's resolution (10 ms on the development machine) a ratio means
      // nothing.
      c.add(t == null ? time(ourCpu) + " / -"
          : time(ourCpu) + " / " + time(t.medianCpuMillis())
              + (ourCpu >= CPU_RESOLUTION_MILLIS
                  ? " (" + speedUp(t.medianCpuMillis() / ourCpu) + ")" : ""));
      c.add(f1(r.causal4j().accuracy().adjacency()) + " / "
          + (t == null ? "-" : f1(t.accuracy().adjacency())));
      c.add(f1(r.causal4j().accuracy().arrowhead()) + " / "
          + (t == null ? "-" : f1(t.accuracy().arrowhead())));
      c.add(r.difference() == null ? (r.note() == null ? "-" : "see note") : describe(r));
      cells.add(c.toArray(String[]::new));
    }
    int[] width = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        sb.append(i == 0 ? "" : "  ");
        boolean numberColumn = i == (named ? 2 : 1);
        sb.append(pad(row[i], width[i], numberColumn));
      }
      sb.append('\n');
    }
    if (oneToo) {
      sb.append("\nspeed-up: Tetrad's median over Causal4J's on ").append(s.threads())
          .append(" threads / on 1 thread.");
      if (rows.stream().anyMatch(r -> r.algorithm().startsWith("pc"))) {
        sb.append(" Tetrad's PC uses every core whatever it is asked.");
      }
      sb.append('\n');
    }
    sb.append("CPU: median CPU time of each tool's JVM over the search (every thread, garbage"
        + " collection included; the clock ticks in 10 ms), Causal4J on 1 thread; in parentheses"
        + " Tetrad's over Causal4J's, where Causal4J's is at least 10 ms."
        + " On a busy machine it is the fairer comparison.\n");
    sb.append("C4J vs Tetrad: adjacencies only in Causal4J's graph (+), only in Tetrad's (-), and"
        + " common adjacencies whose marks differ (~).\n");
    for (String note : notes) {
      sb.append("note: ").append(note).append('\n');
    }
    for (Row r : rows) {
      if (r.note() != null) {
        sb.append("note: ").append(r.algorithm()).append(", p = ").append(r.variables())
            .append(": ").append(r.note()).append('\n');
      }
      if (r.difference() != null && r.difference().tetradDistinctGraphs() > 1) {
        sb.append("note: ").append(r.algorithm()).append(", p = ").append(r.variables())
            .append(": Tetrad gave ").append(r.difference().tetradDistinctGraphs())
            .append(" different graphs on the same data (its search is not deterministic)\n");
      }
    }
    return sb.toString();
  }

  private static String describe(Row r) {
    Difference d = r.difference();
    String s = "+" + d.onlyCausal4j() + " -" + d.onlyTetrad() + " ~" + d.marks();
    if (d.sameSkeleton() && d.marks() == 0) {
      return s + " (identical)";
    }
    if (r.expected() != BenchmarkAlgorithm.Agreement.ACCURACY_ONLY && d.sameSkeleton()) {
      return s + " (same skeleton)";
    }
    return s;
  }

  /** Everything, as JSON. */
  public String toJson() {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    ObjectNode set = root.putObject("settings");
    ArrayNode sizes = set.putArray("sizes");
    for (int p : settings.sizes()) {
      sizes.add(p);
    }
    set.put("samples", settings.samples());
    set.put("average_degree", settings.averageDegree());
    set.put("repeats", settings.repeats());
    set.put("warmups", settings.warmups());
    set.put("threads", settings.threads());
    set.put("seed", settings.seed());
    set.put("processors", settings.processors());
    ArrayNode algs = set.putArray("algorithms");
    settings.algorithms().forEach(algs::add);
    ArrayNode named = set.putArray("datasets");
    settings.datasets().forEach(named::add);
    root.put("tetrad", tetrad);
    ArrayNode notesNode = root.putArray("notes");
    notes.forEach(notesNode::add);
    ArrayNode out = root.putArray("rows");
    for (Row r : rows) {
      ObjectNode o = out.addObject();
      o.put("algorithm", r.algorithm());
      o.put("dataset", r.dataset());
      o.put("expected_agreement", r.expected().name().toLowerCase(Locale.ROOT));
      o.put("variables", r.variables());
      o.put("samples", r.samples());
      o.put("true_edges", r.trueEdges());
      o.put("tests", r.tests());
      o.put("score_evaluations", r.scoreEvaluations());
      side(o.putObject("causal4j"), r.causal4j());
      if (r.causal4jOneThread() != null) {
        side(o.putObject("causal4j_one_thread"), r.causal4jOneThread());
      }
      if (r.tetradSide() != null) {
        side(o.putObject("tetrad"), r.tetradSide());
        o.put("speed_up", r.speedUp());
      }
      if (r.difference() != null) {
        ObjectNode d = o.putObject("difference");
        d.put("adjacent_only_in_causal4j", r.difference().onlyCausal4j());
        d.put("adjacent_only_in_tetrad", r.difference().onlyTetrad());
        d.put("marks_differ", r.difference().marks());
        d.put("tetrad_distinct_graphs", r.difference().tetradDistinctGraphs());
      }
      if (r.note() != null) {
        o.put("note", r.note());
      }
    }
    try {
      return m.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void side(ObjectNode o, Side s) {
    o.put("tool", s.tool());
    o.put("threads", s.threads());
    o.put("setup_ms", s.setupMillis());
    ArrayNode t = o.putArray("search_ms");
    for (double v : s.searchMillis()) {
      t.add(v);
    }
    o.put("median_search_ms", s.medianMillis());
    ArrayNode cpu = o.putArray("search_cpu_ms");
    for (double v : s.cpuMillis()) {
      cpu.add(v);
    }
    o.put("median_search_cpu_ms", s.medianCpuMillis());
    o.put("edges", s.edges());
    ObjectNode acc = o.putObject("accuracy");
    counts(acc.putObject("adjacency"), s.accuracy().adjacency());
    counts(acc.putObject("arrowhead"), s.accuracy().arrowhead());
    counts(acc.putObject("arrowhead_common_edges"), s.accuracy().arrowheadCommonEdges());
    acc.put("shd", s.accuracy().shd());
  }

  private static void counts(ObjectNode o, Counts c) {
    o.put("tp", c.truePositives());
    o.put("fp", c.falsePositives());
    o.put("fn", c.falseNegatives());
    o.put("precision", c.precision());
    o.put("recall", c.recall());
    o.put("f1", c.f1());
  }

  private static String time(double ms) {
    if (Double.isNaN(ms)) {
      return "-";
    }
    if (ms < 1000) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  private static String speedUp(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    return x >= 10 ? String.format(Locale.ROOT, "%.0f×", x)
        : String.format(Locale.ROOT, "%.1f×", x);
  }

  private static String f1(Counts c) {
    double f = c.f1();
    return Double.isNaN(f) ? "n/a" : String.format(Locale.ROOT, "%.3f", f);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return right ? fill + s : s + fill;
  }
}
