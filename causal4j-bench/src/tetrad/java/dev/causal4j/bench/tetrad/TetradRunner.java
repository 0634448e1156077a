package dev.causal4j.bench.tetrad;

import edu.cmu.tetrad.data.BoxDataSet;
import edu.cmu.tetrad.data.ContinuousVariable;
import edu.cmu.tetrad.data.CovarianceMatrix;
import edu.cmu.tetrad.data.DataSet;
import edu.cmu.tetrad.data.DiscreteVariable;
import edu.cmu.tetrad.data.DoubleDataBox;
import edu.cmu.tetrad.data.ICovarianceMatrix;
import edu.cmu.tetrad.data.VerticalIntDataBox;
import edu.cmu.tetrad.graph.Edge;
import edu.cmu.tetrad.graph.Endpoint;
import edu.cmu.tetrad.graph.Graph;
import edu.cmu.tetrad.graph.Node;
import edu.cmu.tetrad.search.Boss;
import edu.cmu.tetrad.search.DirectLingam;
import edu.cmu.tetrad.search.Fci;
import edu.cmu.tetrad.search.Fges;
import edu.cmu.tetrad.search.GFci;
import edu.cmu.tetrad.search.IndependenceTest;
import edu.cmu.tetrad.search.Pc;
import edu.cmu.tetrad.search.PermutationSearch;
import edu.cmu.tetrad.search.Rfci;
import edu.cmu.tetrad.search.score.BdeuScore;
import edu.cmu.tetrad.search.score.Score;
import edu.cmu.tetrad.search.score.SemBicScore;
import edu.cmu.tetrad.search.test.IndTestChiSquare;
import edu.cmu.tetrad.search.test.IndTestFisherZ;
import edu.cmu.tetrad.search.test.IndTestGSquare;
import edu.cmu.tetrad.search.utils.PcCommon;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs Tetrad 7.6.6's searches for Causal4J's side-by-side checks, in its own JVM (Tetrad is GPL
 * and compiled for Java 21; it never reaches a Causal4J runtime module, which stays on Java 17).
 *
 * <p>Reads jobs from standard input, one per line, as tab-separated {@code key=value} pairs, and
 * writes one JSON object per job to standard output (anything Tetrad itself prints goes to
 * standard error). Keys:
 *
 * <ul>
 *   <li>{@code data}: a CSV file with a header row and plain numbers only, as Causal4J's {@code
 *       TetradData} writes it (no quoting, no missing values); {@code type}: {@code continuous}
 *       (default) or {@code discrete} (integer codes {@code 0..k-1}, with {@code levels} the
 *       comma-separated number of levels of each column);
 *   <li>{@code algorithm}: {@code pc}, {@code fges}, {@code boss}, {@code direct-lingam}, {@code
 *       fci}, {@code rfci} or {@code gfci};
 *   <li>{@code alpha}, {@code depth} (-1: unlimited), {@code stable} (Tetrad's "stable" adjacency
 *       search, PC and FCI), {@code possible-dsep} (FCI's Possible-D-SEP step, default on), {@code conflict-rule} ({@code prioritize-existing}, {@code overwrite-existing},
 *       {@code orient-bidirected}), {@code test} ({@code fisher-z}, {@code g-square}, {@code
 *       chi-square});
 *   <li>{@code score} ({@code sem-bic} or {@code bdeu}), {@code penalty} (SEM-BIC penalty
 *       discount), {@code sample-prior} and {@code structure-prior} (BDeu), {@code faithfulness}
 *       (the one-edge faithfulness assumption of FGES, default off, and of GFCI's FGES, default
 *       on as in Tetrad's {@code GFci}), {@code max-degree} (FGES: default 1000, as Tetrad's
 *       FGES algorithm wrapper sets it; GFCI: default -1, unlimited), {@code bes} and {@code starts} (BOSS);
 *   <li>{@code threads} (FGES, BOSS, GFCI; Tetrad's stable PC uses every core whatever it is
 *       told), {@code warmups} and {@code repeats}.
 * </ul>
 *
 * <p>Times are reported in three parts so that they can be compared fairly: {@code load_ms}
 * (parsing the file into a Tetrad data set), {@code setup_ms} (the covariance matrix, which
 * Tetrad computes slowly, or nothing for discrete data), both measured when the file was first
 * read (the data and covariance are kept while the next jobs name the same file), and {@code
 * search_ms}, one entry per
 * timed repeat (and {@code search_cpu_ms}, the JVM's CPU time over the same interval, every thread
 * and garbage collection included, which load from other processes does not inflate), each on a fresh test or score object so that Tetrad's cache of test results does
 * not carry over from one repeat to the next. The untimed warm-up runs come first, in the same
 * JVM. The graph printed is the last repeat's, in Tetrad's text format; {@code distinct_graphs}
 * says how many different graphs the warm-ups and repeats gave (more than one means the search
 * is not deterministic).
 */
public final class TetradRunner {
  // The last data set read and its covariance matrix, reused while jobs name the same file, so
  // that jobs interleaved with Causal4J's runs do not read and set up the data again.
  private static String cachedKey;
  private static DataSet cachedData;
  private static ICovarianceMatrix cachedCovariance;
  private static double loadMs;
  private static double setupMs;

  private TetradRunner() {}

  public static void main(String[] args) throws IOException {
    PrintStream json =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    // Tetrad logs to standard output in places; keep that channel for the JSON lines.
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String out;
      try {
        out = run(parse(line));
      } catch (Throwable t) {
        out = "{\"ok\":false,\"error\":" + quote(t.toString()) + "}";
      }
      json.println(out);
    }
  }

  private static Map<String, String> parse(String line) {
    Map<String, String> job = new HashMap<>();
    for (String field : line.split("\t")) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("job field without '=': " + field);
      }
      job.put(field.substring(0, eq).trim(), field.substring(eq + 1).trim());
    }
    return job;
  }

  private static String run(Map<String, String> job) throws Exception {
    String algorithm = required(job, "algorithm");
    boolean discrete = "discrete".equals(job.getOrDefault("type", "continuous"));
    int warmups = integer(job, "warmups", 0);
    int repeats = integer(job, "repeats", 1);

    String key = required(job, "data") + "|" + discrete + "|" + job.get("levels");
    if (!key.equals(cachedKey)) {
      cachedKey = null;
      cachedData = null;
      cachedCovariance = null;
      long t0 = System.nanoTime();
      cachedData = read(Path.of(required(job, "data")), discrete, job.get("levels"));
      long t1 = System.nanoTime();
      cachedCovariance = discrete ? null : new CovarianceMatrix(cachedData);
      long t2 = System.nanoTime();
      loadMs = (t1 - t0) / 1e6;
      setupMs = (t2 - t1) / 1e6;
      cachedKey = key;
    }
    DataSet data = cachedData;
    ICovarianceMatrix cov = cachedCovariance;

    List<Double> searchMs = new ArrayList<>();
    List<Double> searchCpuMs = new ArrayList<>();
    Set<String> graphs = new LinkedHashSet<>();
    String last = null;
    for (int r = 0; r < warmups + repeats; r++) {
      Search search = prepare(algorithm, job, data, cov);
      long c0 = processCpuNanos();
      long s0 = System.nanoTime();
      Graph g = search.run();
      long s1 = System.nanoTime();
      long c1 = processCpuNanos();
      last = text(g, data.getVariables());
      graphs.add(last);
      if (r >= warmups) {
        searchMs.add((s1 - s0) / 1e6);
        searchCpuMs.add((c1 - c0) / 1e6);
      }
    }
    StringBuilder sb = new StringBuilder("{\"ok\":true");
    sb.append(",\"algorithm\":").append(quote(algorithm));
    sb.append(",\"tetrad_version\":\"7.6.6\"");
    sb.append(",\"variables\":").append(data.getNumColumns());
    sb.append(",\"rows\":").append(data.getNumRows());
    sb.append(",\"processors\":").append(Runtime.getRuntime().availableProcessors());
    sb.append(",\"load_ms\":").append(number(loadMs));
    sb.append(",\"setup_ms\":").append(number(setupMs));
    sb.append(",\"search_ms\":[");
    for (int i = 0; i < searchMs.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(number(searchMs.get(i)));
    }
    sb.append("],\"search_cpu_ms\":[");
    for (int i = 0; i < searchCpuMs.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(number(searchCpuMs.get(i)));
    }
    sb.append("],\"distinct_graphs\":").append(graphs.size());
    sb.append(",\"graph\":").append(quote(last)).append('}');
    return sb.toString();
  }

  /** CPU time of the whole JVM (every thread, garbage collection included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  @FunctionalInterface
  private interface Search {
    Graph run() throws Exception;
  }

  /** Builds a search on fresh test and score objects, so no cache is shared between repeats. */
  private static Search prepare(
      String algorithm, Map<String, String> job, DataSet data, ICovarianceMatrix cov) {
    int threads = integer(job, "threads", 1);
    int depth = integer(job, "depth", -1);
    return switch (algorithm) {
      case "pc" -> {
        Pc pc = new Pc(test(job, data, cov));
        pc.setStable(bool(job, "stable", true));
        pc.setDepth(depth);
        pc.setConflictRule(conflictRule(job.getOrDefault("conflict-rule", "prioritize-existing")));
        yield pc::search;
      }
      case "fges" -> {
        Fges fges = new Fges(score(job, data, cov));
        fges.setFaithfulnessAssumed(bool(job, "faithfulness", false));
        fges.setMaxDegree(integer(job, "max-degree", 1000));
        fges.setNumThreads(threads);
        yield fges::search;
      }
      case "boss" -> {
        Boss boss = new Boss(score(job, data, cov));
        boss.setUseBes(bool(job, "bes", true));
        boss.setNumStarts(integer(job, "starts", 1));
        boss.setUseDataOrder(true);
        boss.setNumThreads(threads);
        PermutationSearch search = new PermutationSearch(boss);
        search.setSeed(Long.parseLong(job.getOrDefault("seed", "0")));
        yield search::search;
      }
      case "direct-lingam" -> {
        DirectLingam lingam = new DirectLingam(data, score(job, data, cov));
        yield lingam::search;
      }
      case "fci" -> {
        Fci fci = new Fci(test(job, data, cov));
        fci.setDepth(depth);
        fci.setStable(bool(job, "stable", true));
        fci.setPossibleDsepSearchDone(bool(job, "possible-dsep", true));
        yield fci::search;
      }
      case "rfci" -> {
        Rfci rfci = new Rfci(test(job, data, cov));
        rfci.setDepth(depth);
        yield rfci::search;
      }
      case "gfci" -> {
        GFci gfci = new GFci(test(job, data, cov), score(job, data, cov));
        gfci.setDepth(depth);
        gfci.setFaithfulnessAssumed(bool(job, "faithfulness", true));
        gfci.setMaxDegree(integer(job, "max-degree", -1));
        gfci.setNumThreads(threads);
        yield gfci::search;
      }
      default -> throw new IllegalArgumentException("unknown algorithm: " + algorithm);
    };
  }

  private static IndependenceTest test(
      Map<String, String> job, DataSet data, ICovarianceMatrix cov) {
    double alpha = Double.parseDouble(job.getOrDefault("alpha", "0.01"));
    String test = job.getOrDefault("test", cov == null ? "g-square" : "fisher-z");
    return switch (test) {
      case "fisher-z" -> new IndTestFisherZ(cov, alpha);
      case "g-square" -> new IndTestGSquare(data, alpha);
      case "chi-square" -> new IndTestChiSquare(data, alpha);
      default -> throw new IllegalArgumentException("unknown test: " + test);
    };
  }

  private static Score score(Map<String, String> job, DataSet data, ICovarianceMatrix cov) {
    String score = job.getOrDefault("score", cov == null ? "bdeu" : "sem-bic");
    return switch (score) {
      case "sem-bic" -> {
        SemBicScore s = new SemBicScore(cov);
        s.setPenaltyDiscount(Double.parseDouble(job.getOrDefault("penalty", "2")));
        yield s;
      }
      case "bdeu" -> {
        BdeuScore s = new BdeuScore(data);
        s.setSamplePrior(Double.parseDouble(job.getOrDefault("sample-prior", "1")));
        s.setStructurePrior(Double.parseDouble(job.getOrDefault("structure-prior", "0")));
        yield s;
      }
      default -> throw new IllegalArgumentException("unknown score: " + score);
    };
  }

  private static PcCommon.ConflictRule conflictRule(String rule) {
    return switch (rule) {
      case "prioritize-existing" -> PcCommon.ConflictRule.PRIORITIZE_EXISTING;
      case "overwrite-existing" -> PcCommon.ConflictRule.OVERWRITE_EXISTING;
      case "orient-bidirected" -> PcCommon.ConflictRule.ORIENT_BIDIRECTED;
      default -> throw new IllegalArgumentException("unknown conflict rule: " + rule);
    };
  }

  /** Reads the plain CSV that Causal4J writes for Tetrad: a header, then numbers. */
  private static DataSet read(Path file, boolean discrete, String levelList) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] names = lines.get(0).split(",", -1);
    int p = names.length;
    int n = lines.size() - 1;
    while (n > 0 && lines.get(n).isEmpty()) {
      n--;
    }
    List<Node> variables = new ArrayList<>(p);
    if (discrete) {
      if (levelList == null) {
        throw new IllegalArgumentException("a discrete job needs levels");
      }
      String[] levels = levelList.split(",");
      if (levels.length != p) {
        throw new IllegalArgumentException(levels.length + " level counts for " + p + " columns");
      }
      int[][] columns = new int[p][n];
      for (int i = 0; i < n; i++) {
        String[] f = fields(lines.get(i + 1), p, i + 2, file);
        for (int j = 0; j < p; j++) {
          columns[j][i] = Integer.parseInt(f[j]);
        }
      }
      for (int j = 0; j < p; j++) {
        variables.add(new DiscreteVariable(names[j], Integer.parseInt(levels[j])));
      }
      return new BoxDataSet(new VerticalIntDataBox(columns), variables);
    }
    double[][] rows = new double[n][p];
    for (int i = 0; i < n; i++) {
      String[] f = fields(lines.get(i + 1), p, i + 2, file);
      for (int j = 0; j < p; j++) {
        rows[i][j] = Double.parseDouble(f[j]);
      }
    }
    for (String name : names) {
      variables.add(new ContinuousVariable(name));
    }
    return new BoxDataSet(new DoubleDataBox(rows), variables);
  }

  private static String[] fields(String line, int p, int lineNumber, Path file) {
    String[] f = line.split(",", -1);
    if (f.length != p) {
      throw new IllegalArgumentException(
          file + " line " + lineNumber + ": " + f.length + " fields, expected " + p);
    }
    return f;
  }

  /** The graph in Tetrad's text format, nodes in data order. */
  private static String text(Graph g, List<Node> order) {
    StringBuilder sb = new StringBuilder("Graph Nodes:\n");
    for (int i = 0; i < order.size(); i++) {
      sb.append(i == 0 ? "" : ";").append(order.get(i).getName());
    }
    sb.append("\n\nGraph Edges:\n");
    int k = 0;
    for (Edge e : g.getEdges()) {
      sb.append(++k).append(". ").append(e.getNode1().getName()).append(' ')
          .append(mark(e.getEndpoint1(), true)).append('-').append(mark(e.getEndpoint2(), false))
          .append(' ').append(e.getNode2().getName()).append('\n');
    }
    return sb.toString();
  }

  private static char mark(Endpoint e, boolean left) {
    if (e == Endpoint.ARROW) {
      return left ? '<' : '>';
    }
    if (e == Endpoint.CIRCLE) {
      return 'o';
    }
    if (e == Endpoint.TAIL) {
      return '-';
    }
    throw new IllegalArgumentException("unexpected endpoint " + e);
  }

  private static String required(Map<String, String> job, String key) {
    String v = job.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("job has no " + key);
    }
    return v;
  }

  private static int integer(Map<String, String> job, String key, int otherwise) {
    String v = job.get(key);
    return v == null ? otherwise : Integer.parseInt(v);
  }

  private static boolean bool(Map<String, String> job, String key, boolean otherwise) {
    String v = job.get(key);
    return v == null ? otherwise : Boolean.parseBoolean(v);
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
