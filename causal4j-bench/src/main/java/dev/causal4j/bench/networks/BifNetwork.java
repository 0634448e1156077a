package dev.causal4j.bench.networks;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A discrete Bayesian network read from a BIF file (the Bayesian Interchange Format in the dialect
 * of the bnlearn repository and pgmpy), with a forward sampler.
 *
 * <pre>
 * network asia { }
 * variable smoke { type discrete [ 2 ] { yes, no }; }
 * probability ( smoke ) { table 0.5, 0.5; }
 * probability ( lung | smoke ) {
 *   (yes) 0.1, 0.9;
 *   (no) 0.01, 0.99;
 * }
 * </pre>
 *
 * <p>Read: {@code network}, {@code variable} (discrete only) and {@code probability} blocks;
 * {@code property} lines and {@code //} or <code>/* *&#47;</code> comments are skipped. A CPT is
 * given as {@code table} (a variable without parents), as one {@code (parent states)} row per
 * parent configuration, or with a {@code default} row for the configurations not listed. Rows are
 * normalized to sum to 1, since the files round their entries (hailfinder's rows sum to
 * 0.99–1.01); a row further than {@value #ROW_SUM_TOLERANCE} from 1, a negative entry, a missing
 * configuration, an unknown state or variable, or a cycle is an {@link InvalidInputException}
 * naming the file and line. A {@code table} for a variable with parents is refused: the format's
 * descriptions disagree on its order, so it cannot be read without guessing.
 *
 * <p>The network's DAG has the variables in declaration order. CPT entries are kept as read,
 * before normalization ({@link #probability}); sampling uses the normalized rows.
 */
public final class BifNetwork {
  /** How far a CPT row may sum from 1 before it is refused rather than normalized. */
  public static final double ROW_SUM_TOLERANCE = 0.02;

  private final String name;
  private final Graph dag;
  private final List<List<String>> states;
  private final int[][] parents; // per node, in the order of its probability header
  private final int[][] strides; // per node, per parent: stride of that parent's state
  private final double[][] table; // per node: [config * k + state], as read

  private BifNetwork(String name, Graph dag, List<List<String>> states, int[][] parents,
      int[][] strides, double[][] table) {
    this.name = name;
    this.dag = dag;
    this.states = states;
    this.parents = parents;
    this.strides = strides;
    this.table = table;
  }

  /** Reads a BIF file. */
  public static BifNetwork read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file; check the path");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses BIF text; {@code source} names it in messages. */
  public static BifNetwork parse(String text, String source) {
    return new Parser(text, source).network();
  }

  /** The name after {@code network}. */
  public String name() {
    return name;
  }

  /** The network's DAG (kind DAG), variables in declaration order. */
  public Graph dag() {
    return dag;
  }

  public int size() {
    return dag.size();
  }

  /** The state names of a variable, in declaration order (code {@code i} is state {@code i}). */
  public List<String> states(int node) {
    return states.get(node);
  }

  /** The parents of a variable in the order its probability block lists them. */
  public int[] tableParents(int node) {
    return parents[node].clone();
  }

  /**
   * The CPT entry {@code P(node = state | parents = parentStates)} as read from the file, with
   * {@code parentStates} in {@link #tableParents} order.
   */
  public double probability(int node, int[] parentStates, int state) {
    int c = 0;
    for (int i = 0; i < parents[node].length; i++) {
      c += parentStates[i] * strides[node][i];
    }
    return table[node][c * states.get(node).size() + state];
  }

  /** Forward-samples {@code n} rows with a seeded generator; the same seed gives the same data. */
  public Dataset sample(int n, long seed) {
    return sample(n, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
  }

  /**
   * Forward-samples {@code n} rows: each variable in causal order, from its normalized CPT row
   * given its parents' sampled states. The dataset has one discrete column per variable, level
   * names from the file, in declaration order.
   */
  public Dataset sample(int n, UniformRandomProvider rng) {
    if (n < 1) {
      throw new InvalidInputException("the number of samples must be at least 1; got " + n);
    }
    int p = dag.size();
    int[][] codes = new int[p][];
    double[][] cumulative = new double[p][];
    for (int v = 0; v < p; v++) {
      int k = states.get(v).size();
      double[] t = table[v];
      double[] cum = new double[t.length];
      for (int start = 0; start < t.length; start += k) {
        double sum = 0;
        for (int s = 0; s < k; s++) {
          sum += t[start + s];
        }
        double acc = 0;
        for (int s = 0; s < k; s++) {
          acc += t[start + s] / sum;
          cum[start + s] = acc;
        }
        cum[start + k - 1] = Double.POSITIVE_INFINITY; // rounding never leaves u past the end
      }
      cumulative[v] = cum;
    }
    for (int v : Graphs.topologicalOrder(dag)) {
      int k = states.get(v).size();
      int[] out = new int[n];
      int[] pa = parents[v];
      int[] st = strides[v];
      double[] cum = cumulative[v];
      for (int i = 0; i < n; i++) {
        int c = 0;
        for (int j = 0; j < pa.length; j++) {
          c += codes[pa[j]][i] * st[j];
        }
        int base = c * k;
        double u = rng.nextDouble();
        int s = 0;
        while (u >= cum[base + s]) {
          s++;
        }
        out[i] = s;
      }
      codes[v] = out;
    }
    Dataset.Builder b = Dataset.builder(n).source("network " + name);
    for (int v = 0; v < p; v++) {
      b.addDiscrete(dag.name(v), codes[v], states.get(v));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "BIF network " + name + " (" + dag.size() + " variables, " + dag.edgeCount() + " arcs)";
  }

  /** A recursive-descent parser over a small tokenizer that tracks lines. */
  private static final class Parser {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;
    private String token;
    private int tokenLine;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<String>> states = new ArrayList<>();
    private final List<Integer> declaredLine = new ArrayList<>();
    private final Map<Integer, int[]> parentsOf = new HashMap<>();
    private final Map<Integer, double[]> tableOf = new HashMap<>();

    Parser(String text, String source) {
      this.text = text;
      this.source = source;
      advance();
    }

    InvalidInputException error(int atLine, String problem) {
      return new InvalidInputException(source + ", line " + atLine + ": " + problem);
    }

    private static boolean isPunct(char c) {
      return c == '{' || c == '}' || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
          || c == ';' || c == '|';
    }

    /** Moves to the next token (null at the end). */
    private void advance() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\n') {
          line++;
          pos++;
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else if (text.startsWith("//", pos)) {
          while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
          }
        } else if (text.startsWith("/*", pos)) {
          int end = text.indexOf("*/", pos + 2);
          int stop = end < 0 ? text.length() : end + 2;
          for (int i = pos; i < stop; i++) {
            if (text.charAt(i) == '\n') {
              line++;
            }
          }
          pos = stop;
        } else {
          break;
        }
      }
      tokenLine = line;
      if (pos >= text.length()) {
        token = null;
        return;
      }
      char c = text.charAt(pos);
      if (isPunct(c)) {
        token = String.valueOf(c);
        pos++;
        return;
      }
      int start = pos;
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
          && !isPunct(text.charAt(pos))) {
        pos++;
      }
      token = text.substring(start, pos);
    }

    private String next(String what) {
      if (token == null) {
        throw error(line, "the file ends where " + what + " was expected; the file may be cut"
            + " short");
      }
      String t = token;
      advance();
      return t;
    }

    private void expect(String t) {
      int l = tokenLine;
      String got = next("'" + t + "'");
      if (!got.equals(t)) {
        throw error(l, "expected '" + t + "' but found '" + got + "'");
      }
    }

    BifNetwork network() {
      String networkName = "unnamed";
      List<int[]> probabilityLines = new ArrayList<>();
      while (token != null) {
        int l = tokenLine;
        String word = next("a block");
        switch (word) {
          case "network" -> {
            networkName = next("the network's name");
            skipBlock();
          }
          case "variable" -> variable(l);
          case "probability" -> probability(l);
          default -> throw error(l, "expected 'network', 'variable' or 'probability' but found '"
              + word + "'; is this a BIF file?");
        }
      }
      if (names.isEmpty()) {
        throw error(line, "no variables; a BIF file declares 'variable' blocks");
      }
      int p = names.size();
      MutableGraph g = new MutableGraph(names, GraphKind.DAG);
      int[][] parents = new int[p][];
      int[][] strides = new int[p][];
      double[][] tables = new double[p][];
      for (int v = 0; v < p; v++) {
        if (!tableOf.containsKey(v)) {
          throw error(declaredLine.get(v), "variable '" + names.get(v) + "' has no probability"
              + " block; add 'probability ( " + names.get(v) + " ) { … }'");
        }
        parents[v] = parentsOf.get(v);
        tables[v] = tableOf.get(v);
        strides[v] = strides(parents[v]);
        for (int u : parents[v]) {
          if (g.isAdjacent(u, v)) { // v is also a parent of u: a two-node cycle
            throw new InvalidInputException(source + ": the network has the cycle " + names.get(u)
                + " --> " + names.get(v) + " --> " + names.get(u) + "; a Bayesian network must be"
                + " acyclic");
          }
          g.addDirectedEdge(u, v);
        }
      }
      Graphs.findDirectedCycle(g).ifPresent(cycle -> {
        throw new InvalidInputException(source + ": the network has the cycle "
            + Graphs.describeCycle(g, cycle) + "; a Bayesian network must be acyclic");
      });
      return new BifNetwork(networkName, g.snapshot(), List.copyOf(states), parents, strides,
          tables);
    }

    /** Mixed-radix strides, last parent fastest (file rows are labelled, so any order works). */
    private int[] strides(int[] pa) {
      int[] st = new int[pa.length];
      int s = 1;
      for (int i = pa.length - 1; i >= 0; i--) {
        st[i] = s;
        s *= states.get(pa[i]).size();
      }
      return st;
    }

    private void skipBlock() {
      expect("{");
      int depth = 1;
      while (depth > 0) {
        String t = next("'}'");
        if (t.equals("{")) {
          depth++;
        } else if (t.equals("}")) {
          depth--;
        }
      }
    }

    private void skipStatement() {
      while (!next("';'").equals(";")) {
        // property lines: skip to the semicolon
      }
    }

    private void variable(int l) {
      String name = next("a variable name");
      if (index.containsKey(name)) {
        throw error(l, "variable '" + name + "' is declared twice (first on line "
            + declaredLine.get(index.get(name)) + "); declare each variable once");
      }
      expect("{");
      List<String> st = null;
      while (!"}".equals(token)) {
        int tl = tokenLine;
        String word = next("'type' or '}'");
        if (word.equals("type")) {
          String kind = next("'discrete'");
          if (!kind.equals("discrete")) {
            throw error(tl, "variable '" + name + "' is of type '" + kind + "'; only discrete"
                + " variables are read");
          }
          expect("[");
          int kl = tokenLine;
          String count = next("the number of states");
          expect("]");
          int k;
          try {
            k = Integer.parseInt(count);
          } catch (NumberFormatException e) {
            throw error(kl, "'" + count + "' is not a number of states");
          }
          expect("{");
          st = new ArrayList<>();
          while (true) {
            String s = next("a state name");
            if (s.equals("}")) {
              break;
            }
            if (s.equals(",")) {
              continue;
            }
            if (st.contains(s)) {
              throw error(tl, "variable '" + name + "' lists the state '" + s + "' twice");
            }
            st.add(s);
          }
          if (st.size() != k) {
            throw error(tl, "variable '" + name + "' declares " + k + " states but lists "
                + st.size() + "; make the count match the list");
          }
          if (k < 1) {
            throw error(tl, "variable '" + name + "' has no states");
          }
          expect(";");
        } else if (word.equals("property")) {
          skipStatement();
        } else {
          throw error(tl, "unexpected '" + word + "' in variable '" + name + "'");
        }
      }
      expect("}");
      if (st == null) {
        throw error(l, "variable '" + name + "' has no 'type discrete [ k ] { … };' line");
      }
      index.put(name, names.size());
      names.add(name);
      states.add(List.copyOf(st));
      declaredLine.add(l);
    }

    private int variableIndex(String name, int l) {
      Integer v = index.get(name);
      if (v == null) {
        throw error(l, "'" + name + "' is not a declared variable; declare it in a 'variable'"
            + " block before its probability block");
      }
      return v;
    }

    private void probability(int l) {
      expect("(");
      String childName = next("a variable name");
      int child = variableIndex(childName, l);
      if (tableOf.containsKey(child)) {
        throw error(l, "a second probability block for '" + childName + "'; give one per"
            + " variable");
      }
      List<Integer> pa = new ArrayList<>();
      String t = next("'|' or ')'");
      if (t.equals("|")) {
        while (true) {
          String w = next("a parent name");
          if (w.equals(")")) {
            break;
          }
          if (w.equals(",")) {
            continue;
          }
          int u = variableIndex(w, l);
          if (u == child || pa.contains(u)) {
            throw error(l, "'" + w + "' appears twice among the variables of '" + childName
                + "''s probability block");
          }
          pa.add(u);
        }
      } else if (!t.equals(")")) {
        throw error(l, "expected '|' or ')' after '" + childName + "' but found '" + t + "'");
      }
      int[] parents = pa.stream().mapToInt(Integer::intValue).toArray();
      int k = states.get(child).size();
      int configs = 1;
      for (int u : parents) {
        configs = Math.multiplyExact(configs, states.get(u).size());
      }
      int[] st = strides(parents);
      double[] tab = new double[configs * k];
      boolean[] seen = new boolean[configs];
      double[] dflt = null;
      expect("{");
      while (!"}".equals(token)) {
        int rl = tokenLine;
        String word = next("a table row");
        if (word.equals("table")) {
          if (parents.length > 0) {
            throw error(rl, "'table' for '" + childName + "', which has parents: its order is"
                + " ambiguous; write one '(parent states) p1, p2, …;' row per configuration");
          }
          double[] row = numbers(k, childName, rl);
          System.arraycopy(row, 0, tab, 0, k);
          seen[0] = true;
        } else if (word.equals("default")) {
          dflt = numbers(k, childName, rl);
        } else if (word.equals("property")) {
          skipStatement();
        } else if (word.equals("(")) {
          int c = 0;
          for (int i = 0; i < parents.length; i++) {
            String s = next("a parent state");
            if (s.equals(",")) {
              s = next("a parent state");
            }
            int code = states.get(parents[i]).indexOf(s);
            if (code < 0) {
              throw error(rl, "'" + s + "' is not a state of '" + names.get(parents[i])
                  + "' (its states are " + String.join(", ", states.get(parents[i])) + ")");
            }
            c += code * st[i];
          }
          expect(")");
          if (seen[c]) {
            throw error(rl, "this parent configuration of '" + childName + "' is given twice");
          }
          seen[c] = true;
          System.arraycopy(numbers(k, childName, rl), 0, tab, c * k, k);
        } else {
          throw error(rl, "unexpected '" + word + "' in the probability block of '" + childName
              + "'");
        }
      }
      expect("}");
      for (int c = 0; c < configs; c++) {
        if (!seen[c]) {
          if (dflt == null) {
            throw error(l, "the probability block of '" + childName + "' misses "
                + (configs - count(seen)) + " parent configuration(s); add their rows or a"
                + " 'default' row");
          }
          System.arraycopy(dflt, 0, tab, c * k, k);
        }
      }
      parentsOf.put(child, parents);
      tableOf.put(child, tab);
    }

    private static int count(boolean[] b) {
      int n = 0;
      for (boolean x : b) {
        n += x ? 1 : 0;
      }
      return n;
    }

    /** {@code k} probabilities separated by commas (or spaces) and ended by ';'. */
    private double[] numbers(int k, String childName, int l) {
      List<Double> values = new ArrayList<>();
      while (true) {
        String t = next("a probability or ';'");
        if (t.equals(";")) {
          break;
        }
        if (t.equals(",")) {
          continue;
        }
        double x;
        try {
          x = Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw error(l, "'" + t + "' is not a probability (in the block of '" + childName + "')");
        }
        if (!(x >= 0 && x <= 1)) {
          throw error(l, "probability " + t + " for '" + childName + "' is not in [0, 1]");
        }
        values.add(x);
      }
      if (values.size() != k) {
        throw error(l, "a row for '" + childName + "' has " + values.size()
            + " probabilities but the variable has " + k + " states");
      }
      double[] row = values.stream().mapToDouble(Double::doubleValue).toArray();
      double sum = Arrays.stream(row).sum();
      if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
        throw error(l, "a row for '" + childName + "' sums to " + sum + ", not 1; fix the"
            + " probabilities");
      }
      return row;
    }
  }
}
