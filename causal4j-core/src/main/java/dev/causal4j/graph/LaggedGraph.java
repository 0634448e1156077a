package dev.causal4j.graph;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A time-series graph: variables {@code X_1..X_p} measured at every time step, and <em>links</em>
 * {@code X_i(t − τ) *-* X_j(t)} for lags {@code 0 ≤ τ ≤ maxLag}, the same at every {@code t}
 * (a stationary structure, as in Runge et al. 2019 and Runge 2020). Lag 0 links are
 * contemporaneous.
 *
 * <p><b>Links.</b> A {@link Link} {@code (from, to, lag, atFrom, atTo)} joins {@code from} at time
 * {@code t − lag} to {@code to} at time {@code t}, with the mark {@code atFrom} at the earlier
 * end. For {@code lag > 0} the later end always carries an arrowhead (nothing at {@code t} can be
 * an ancestor of anything at {@code t − lag}), a variable may link to itself (autodependence,
 * {@code X(t−1) --> X(t)}), and a pair may be linked at several lags. For {@code lag = 0} a pair
 * has at most one link, with any marks ({@code -->}, {@code ---} when unoriented in an equivalence
 * class, {@code o-o}, {@code o->}, {@code <->} in a PAG), and no variable links to itself. The
 * graph's {@link #kind()} says how to read the marks, as for {@link Graph}: {@code DAG} (every link
 * {@code -->}, the contemporaneous part acyclic), {@code CPDAG}, {@code PAG}, or {@code GENERAL}.
 *
 * <p><b>The lagged-node convention.</b> The same structure is a {@link Graph} over
 * <em>lagged nodes</em>, one per variable and lag: {@link #window()} has the nodes {@code X} (lag
 * 0), {@code X:1}, …, {@code X:L} for each variable {@code X} (the naming Tetrad uses for
 * time-lag graphs; {@link #nodeName}), indexed {@code lag · p + variable}, and one edge per link,
 * between {@code from:lag} and {@code to}. Every edge of a window touches a lag-0 node; edges
 * among earlier nodes are the same links shifted in time and are not repeated. {@link #fromWindow}
 * reads a window back, so a search can work on an ordinary graph and hand the result over. To
 * keep the names unambiguous, no variable may be named like a lagged node of another ({@code X}
 * and {@code X:2} in one graph are refused).
 *
 * <p><b>The summary graph</b> ({@link #summary()}) is the variable-level view: one arc per ordered
 * pair and edge type, with the lags at which it holds.
 *
 * <p>Hidden series are flagged {@link #isLatent latent}, as in a true graph with unobserved
 * variables. Immutable; build one with {@link #builder}. Graph files: {@code
 * dev.causal4j.graph.io.LaggedGraphJson}.
 */
public final class LaggedGraph {
  private static final byte NONE = -1;

  /**
   * One link: {@code from} at time {@code t − lag} to {@code to} at time {@code t}, with mark
   * {@code atFrom} at the earlier (or, for lag 0, the first-named) end and {@code atTo} at the
   * other.
   */
  public record Link(int from, int to, int lag, Endpoint atFrom, Endpoint atTo) {
    public Link {
      Objects.requireNonNull(atFrom, "atFrom");
      Objects.requireNonNull(atTo, "atTo");
      if (lag < 0) {
        throw new IllegalArgumentException("a lag must be 0 or more; got " + lag);
      }
    }

    /** {@code from(t − lag) --> to(t)}. */
    public static Link directed(int from, int to, int lag) {
      return new Link(from, to, lag, Endpoint.TAIL, Endpoint.ARROW);
    }

    /** The symbol read from {@code from}'s side, e.g. {@code -->}. */
    public String symbol() {
      return "" + atFrom.leftSymbol() + '-' + atTo.rightSymbol();
    }

    /** True for {@code from --> to}. */
    public boolean isDirected() {
      return atFrom == Endpoint.TAIL && atTo == Endpoint.ARROW;
    }

    /** True for a lag-0 link. */
    public boolean isContemporaneous() {
      return lag == 0;
    }

    /** A lag-0 link read from the other side (lagged links have one reading). */
    Link reversed() {
      return new Link(to, from, lag, atTo, atFrom);
    }
  }

  /**
   * The summary of the links from one variable to another with one symbol: {@code from *-* to} at
   * each of {@code lags} (ascending). Contemporaneous links appear once, read in canonical order.
   */
  public record SummaryArc(int from, int to, String symbol, List<Integer> lags) {
    public SummaryArc {
      lags = List.copyOf(lags);
    }
  }

  private final List<String> variables;
  private final Map<String, Integer> index;
  private final int maxLag;
  private final boolean[] latent;
  private final GraphKind kind;
  /** Marks by {@code lag·p² + from·p + to}: at the later end and at the earlier end; NONE if no link. */
  private final byte[] atTo;
  private final byte[] atFrom;
  private final List<Link> links;

  private LaggedGraph(Builder b) {
    this.variables = b.variables;
    this.index = b.index;
    this.maxLag = b.maxLag;
    this.latent = b.latent.clone();
    this.kind = b.kind;
    this.atTo = b.atTo.clone();
    this.atFrom = b.atFrom.clone();
    List<Link> list = new ArrayList<>();
    int p = variables.size();
    Endpoint[] marks = Endpoint.values();
    for (int lag = 0; lag <= maxLag; lag++) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          int k = slot(lag, i, j);
          if (atTo[k] == NONE) {
            continue;
          }
          Link l = new Link(i, j, lag, marks[atFrom[k]], marks[atTo[k]]);
          if (lag == 0 && !isCanonical(l)) {
            continue;
          }
          list.add(l);
        }
      }
    }
    this.links = Collections.unmodifiableList(list);
  }

  /** Builds a graph over the named variables with links up to {@code maxLag}. */
  public static Builder builder(List<String> variables, int maxLag) {
    return new Builder(variables, maxLag);
  }

  /**
   * The name of a variable's node at a lag in the {@linkplain #window() window}: the variable's
   * own name at lag 0, {@code name:lag} otherwise.
   */
  public static String nodeName(String variable, int lag) {
    if (lag < 0) {
      throw new IllegalArgumentException("a lag must be 0 or more; got " + lag);
    }
    return lag == 0 ? variable : variable + ":" + lag;
  }

  /** The variables, in index order. */
  public List<String> variables() {
    return variables;
  }

  /** Number of variables. */
  public int size() {
    return variables.size();
  }

  public String variable(int v) {
    return variables.get(v);
  }

  /** The index of a variable, or -1. */
  public int indexOf(String name) {
    Integer v = index.get(name);
    return v == null ? -1 : v;
  }

  /** The largest lag a link may have (links may stop short of it). */
  public int maxLag() {
    return maxLag;
  }

  public GraphKind kind() {
    return kind;
  }

  /** True if the variable is a hidden series of a true graph. */
  public boolean isLatent(int v) {
    return latent[v];
  }

  /** Every link once, ordered by lag, then {@code from}, then {@code to}; lag-0 links canonical. */
  public List<Link> links() {
    return links;
  }

  /** Number of links. */
  public int linkCount() {
    return links.size();
  }

  /**
   * The link between {@code from} at {@code t − lag} and {@code to} at {@code t}, read from {@code
   * from}'s side, if any.
   */
  public Optional<Link> link(int from, int to, int lag) {
    if (lag < 0 || lag > maxLag) {
      return Optional.empty();
    }
    int k = slot(lag, from, to);
    if (atTo[k] == NONE) {
      return Optional.empty();
    }
    Endpoint[] marks = Endpoint.values();
    return Optional.of(new Link(from, to, lag, marks[atFrom[k]], marks[atTo[k]]));
  }

  /** True if a link joins {@code from} at {@code t − lag} and {@code to} at {@code t}. */
  public boolean hasLink(int from, int to, int lag) {
    return lag >= 0 && lag <= maxLag && atTo[slot(lag, from, to)] != NONE;
  }

  /** The largest lag of any link (0 when there are none). */
  public int largestLinkLag() {
    int m = 0;
    for (Link l : links) {
      m = Math.max(m, l.lag());
    }
    return m;
  }

  /**
   * The graph over lagged nodes ({@code X}, {@code X:1}, …, {@code X:maxLag} for every variable,
   * index {@code lag · p + variable}), one edge per link; see the class description.
   */
  public Graph window() {
    int p = size();
    List<String> names = new ArrayList<>((maxLag + 1) * p);
    for (int lag = 0; lag <= maxLag; lag++) {
      for (String v : variables) {
        names.add(nodeName(v, lag));
      }
    }
    MutableGraph g = new MutableGraph(names, kind);
    for (int lag = 0; lag <= maxLag; lag++) {
      for (int v = 0; v < p; v++) {
        g.setLatent(lag * p + v, latent[v]);
      }
    }
    for (Link l : links) {
      g.setEdge(l.lag() * p + l.from(), l.to(), l.atFrom(), l.atTo());
    }
    return g.snapshot();
  }

  /**
   * Reads a window graph back: its nodes must be exactly those of {@code window()} for these
   * variables and lag (in any order), and every edge must touch a lag-0 node, with an arrowhead at
   * the later end when it spans a lag.
   *
   * @throws IllegalArgumentException if the nodes or edges do not fit the convention
   */
  public static LaggedGraph fromWindow(Graph window, List<String> variables, int maxLag) {
    Builder b = builder(variables, maxLag).kind(window.kind());
    int p = variables.size();
    if (window.size() != p * (maxLag + 1)) {
      throw new IllegalArgumentException("a window of " + p + " variables and lags 0.." + maxLag
          + " has " + p * (maxLag + 1) + " nodes, not " + window.size());
    }
    int[] var = new int[window.size()];
    int[] lagOf = new int[window.size()];
    for (int lag = 0; lag <= maxLag; lag++) {
      for (int v = 0; v < p; v++) {
        int node = window.indexOf(nodeName(variables.get(v), lag));
        if (node < 0) {
          throw new IllegalArgumentException(
              "the window has no node '" + nodeName(variables.get(v), lag) + "'");
        }
        var[node] = v;
        lagOf[node] = lag;
        if (lag == 0) {
          b.latent(v, window.isLatent(node));
        }
      }
    }
    for (Edge e : window.edges()) {
      int a = e.from();
      int c = e.to();
      if (lagOf[a] > 0 && lagOf[c] > 0) {
        throw new IllegalArgumentException("the edge " + window.name(a) + " " + e.symbol() + " "
            + window.name(c) + " joins two lagged nodes; a window's edges end at lag 0");
      }
      if (lagOf[a] > 0) {
        b.link(var[a], var[c], lagOf[a], e.atFrom(), e.atTo());
      } else if (lagOf[c] > 0) {
        b.link(var[c], var[a], lagOf[c], e.atTo(), e.atFrom());
      } else {
        b.link(var[a], var[c], 0, e.atFrom(), e.atTo());
      }
    }
    return b.build();
  }

  /**
   * The summary graph: for each ordered pair of variables and edge symbol, the lags at which a
   * link of that symbol goes from the first to the second; autodependence ({@code X --> X} at
   * lags ≥ 1) included. Ordered by {@code from}, {@code to}, symbol.
   */
  public List<SummaryArc> summary() {
    TreeMap<ArcKey, List<Integer>> byArc = new TreeMap<>();
    for (Link l : links) { // ordered by lag, so each list of lags comes out ascending
      byArc.computeIfAbsent(new ArcKey(l.from(), l.to(), l.symbol()), x -> new ArrayList<>())
          .add(l.lag());
    }
    List<SummaryArc> out = new ArrayList<>(byArc.size());
    byArc.forEach((k, lags) -> out.add(new SummaryArc(k.from(), k.to(), k.symbol(), lags)));
    return out;
  }

  private record ArcKey(int from, int to, String symbol) implements Comparable<ArcKey> {
    @Override
    public int compareTo(ArcKey o) {
      int c = Integer.compare(from, o.from);
      if (c == 0) {
        c = Integer.compare(to, o.to);
      }
      return c != 0 ? c : symbol.compareTo(o.symbol);
    }
  }

  /** The same graph without its latent series (and their links). */
  public LaggedGraph observedPart() {
    int p = size();
    List<String> kept = new ArrayList<>();
    int[] pos = new int[p];
    for (int v = 0; v < p; v++) {
      pos[v] = latent[v] ? -1 : kept.size();
      if (!latent[v]) {
        kept.add(variables.get(v));
      }
    }
    if (kept.size() == p) {
      return this;
    }
    Builder b = builder(kept, maxLag).kind(kind);
    for (Link l : links) {
      if (pos[l.from()] >= 0 && pos[l.to()] >= 0) {
        b.link(pos[l.from()], pos[l.to()], l.lag(), l.atFrom(), l.atTo());
      }
    }
    return b.build();
  }

  /** A builder holding this graph's variables, lag, kind, latent flags and links. */
  public Builder toBuilder() {
    Builder b = builder(variables, maxLag).kind(kind);
    for (int v = 0; v < size(); v++) {
      b.latent(v, latent[v]);
    }
    for (Link l : links) {
      b.link(l.from(), l.to(), l.lag(), l.atFrom(), l.atTo());
    }
    return b;
  }

  private int slot(int lag, int from, int to) {
    int p = variables.size();
    return (lag * p + from) * p + to;
  }

  /** Lag-0 links are read with the marks ordered tail, circle, arrow, ties by lower index first. */
  private static boolean isCanonical(Link l) {
    int a = rank(l.atFrom());
    int b = rank(l.atTo());
    return a < b || (a == b && l.from() < l.to());
  }

  private static int rank(Endpoint e) {
    return switch (e) {
      case TAIL -> 0;
      case CIRCLE -> 1;
      case ARROW -> 2;
    };
  }

  /**
   * Equal when the variables (in the same order), the largest lag, the latent flags and the links
   * with their marks agree; the kind label is not compared, as for {@link Graph}.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof LaggedGraph g && variables.equals(g.variables) && maxLag == g.maxLag
        && Arrays.equals(latent, g.latent) && Arrays.equals(atTo, g.atTo)
        && Arrays.equals(atFrom, g.atFrom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variables, maxLag, Arrays.hashCode(atTo));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind).append(" time-series graph over ").append(size()).append(" variables, lags 0..")
        .append(maxLag).append(", ").append(links.size()).append(" link")
        .append(links.size() == 1 ? "" : "s").append(links.isEmpty() ? "" : ":");
    for (Link l : links) {
      sb.append("\n  ").append(nodeName(variables.get(l.from()), l.lag())).append(' ')
          .append(l.symbol()).append(' ').append(variables.get(l.to()));
    }
    return sb.toString();
  }

  /** Collects the links of a lagged graph and checks each as it comes. */
  public static final class Builder {
    private final List<String> variables;
    private final Map<String, Integer> index;
    private final int maxLag;
    private final boolean[] latent;
    private final byte[] atTo;
    private final byte[] atFrom;
    private GraphKind kind = GraphKind.GENERAL;

    private Builder(List<String> variables, int maxLag) {
      if (maxLag < 0) {
        throw new IllegalArgumentException("the largest lag must be 0 or more; got " + maxLag);
      }
      this.variables = List.copyOf(variables);
      this.maxLag = maxLag;
      int p = this.variables.size();
      Map<String, Integer> idx = new HashMap<>();
      for (int v = 0; v < p; v++) {
        if (idx.put(this.variables.get(v), v) != null) {
          throw new InvalidInputException(
              "two variables are named '" + this.variables.get(v) + "'; name each once");
        }
      }
      for (String name : this.variables) {
        int colon = name.lastIndexOf(':');
        if (colon > 0 && colon < name.length() - 1 && isDigits(name, colon + 1)
            && idx.containsKey(name.substring(0, colon))) {
          throw new InvalidInputException("the variable name '" + name + "' reads as '"
              + name.substring(0, colon) + "' at lag " + name.substring(colon + 1)
              + ", which is also a variable; rename it (lagged nodes are named VARIABLE:LAG)");
        }
      }
      this.index = Collections.unmodifiableMap(idx);
      long cells = (long) (maxLag + 1) * p * p;
      if (cells > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException(
            p + " variables with lags up to " + maxLag + " are too many for a lagged graph");
      }
      this.latent = new boolean[p];
      this.atTo = new byte[(int) cells];
      this.atFrom = new byte[(int) cells];
      Arrays.fill(atTo, NONE);
      Arrays.fill(atFrom, NONE);
    }

    private static boolean isDigits(String s, int from) {
      for (int i = from; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    /** Labels the graph (how its marks are read); checked against the links by {@link #build}. */
    public Builder kind(GraphKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** Flags a variable as a hidden series. */
    public Builder latent(int v, boolean isLatent) {
      latent[v] = isLatent;
      return this;
    }

    /** Adds {@code from(t − lag) --> to(t)}, replacing any link between them at that lag. */
    public Builder directed(int from, int to, int lag) {
      return link(from, to, lag, Endpoint.TAIL, Endpoint.ARROW);
    }

    /**
     * Adds a link, replacing any link between the same ends at the same lag.
     *
     * @throws IllegalArgumentException for a lag out of range, a contemporaneous self-link, or a
     *     lagged link without an arrowhead at its later end
     */
    public Builder link(int from, int to, int lag, Endpoint atFromEnd, Endpoint atToEnd) {
      Objects.requireNonNull(atFromEnd, "atFrom");
      Objects.requireNonNull(atToEnd, "atTo");
      int p = variables.size();
      if (from < 0 || from >= p || to < 0 || to >= p) {
        throw new IndexOutOfBoundsException("variable index out of 0.." + (p - 1));
      }
      if (lag < 0 || lag > maxLag) {
        throw new IllegalArgumentException(
            "lag " + lag + " is outside 0.." + maxLag + " (the graph's largest lag)");
      }
      if (lag == 0 && from == to) {
        throw new IllegalArgumentException(
            "a contemporaneous link from '" + variables.get(from) + "' to itself");
      }
      if (lag > 0 && atToEnd != Endpoint.ARROW) {
        throw new IllegalArgumentException("the lagged link " + nodeName(variables.get(from), lag)
            + " " + new Link(from, to, lag, atFromEnd, atToEnd).symbol() + " "
            + variables.get(to) + " has no arrowhead at its later end; nothing can cause its past");
      }
      int k = (lag * p + from) * p + to;
      atTo[k] = (byte) atToEnd.ordinal();
      atFrom[k] = (byte) atFromEnd.ordinal();
      if (lag == 0) {
        int r = to * p + from;
        atTo[r] = (byte) atFromEnd.ordinal();
        atFrom[r] = (byte) atToEnd.ordinal();
      }
      return this;
    }

    /**
     * Adds a link written with lagged-node names, e.g. {@code link("X:2", "-->", "Y")} for {@code
     * X(t−2) --> Y(t)} or {@code link("X", "---", "Y")} for a contemporaneous link.
     *
     * @throws InvalidInputException naming an unknown variable or symbol
     */
    public Builder link(String fromNode, String symbol, String toVariable) {
      int colon = fromNode.lastIndexOf(':');
      int lag = 0;
      String base = fromNode;
      if (colon > 0 && colon < fromNode.length() - 1 && isDigits(fromNode, colon + 1)
          && index.containsKey(fromNode.substring(0, colon))) {
        base = fromNode.substring(0, colon);
        lag = Integer.parseInt(fromNode.substring(colon + 1));
      }
      Integer from = index.get(base);
      Integer to = index.get(toVariable);
      if (from == null || to == null) {
        throw new InvalidInputException("no variable named '" + (from == null ? base : toVariable)
            + "'; the variables are " + String.join(", ", variables));
      }
      Endpoint[] marks = Edge.parseSymbol(symbol);
      return link(from, to, lag, marks[0], marks[1]);
    }

    /** Removes the link between {@code from(t − lag)} and {@code to(t)}; false if there was none. */
    public boolean remove(int from, int to, int lag) {
      int p = variables.size();
      int k = (lag * p + from) * p + to;
      if (atTo[k] == NONE) {
        return false;
      }
      atTo[k] = NONE;
      atFrom[k] = NONE;
      if (lag == 0) {
        atTo[to * p + from] = NONE;
        atFrom[to * p + from] = NONE;
      }
      return true;
    }

    /** True if a link joins {@code from(t − lag)} and {@code to(t)}. */
    public boolean has(int from, int to, int lag) {
      int p = variables.size();
      return atTo[(lag * p + from) * p + to] != NONE;
    }

    /**
     * The graph, checked against its kind: a DAG has only {@code -->} links and no
     * contemporaneous cycle; a CPDAG only {@code -->} and (contemporaneous) {@code ---}.
     *
     * @throws InvalidInputException naming a link the kind cannot have
     */
    public LaggedGraph build() {
      LaggedGraph g = new LaggedGraph(this);
      for (Link l : g.links) {
        boolean ok = switch (kind) {
          case DAG -> l.isDirected();
          case CPDAG -> l.isDirected()
              || (l.lag() == 0 && l.atFrom() == Endpoint.TAIL && l.atTo() == Endpoint.TAIL);
          case MAG, ADMG -> l.isDirected()
              || (l.atFrom() == Endpoint.ARROW && l.atTo() == Endpoint.ARROW);
          case PAG, GENERAL -> true;
        };
        if (!ok) {
          throw new InvalidInputException("the time-series graph is labelled " + kind
              + " but has the link " + nodeName(g.variable(l.from()), l.lag()) + " " + l.symbol()
              + " " + g.variable(l.to()) + ", which a " + kind + " cannot have; fix the link or"
              + " change the kind (e.g. to PAG or GENERAL)");
        }
      }
      if (kind == GraphKind.DAG || kind == GraphKind.MAG || kind == GraphKind.ADMG) {
        Graph w = g.window();
        Graphs.findDirectedCycle(w).ifPresent(cycle -> {
          throw new InvalidInputException("the time-series graph is labelled " + kind
              + " but its contemporaneous links have the directed cycle "
              + Graphs.describeCycle(w, cycle) + "; remove or reverse a link, or label it GENERAL");
        });
      }
      return g;
    }
  }
}
