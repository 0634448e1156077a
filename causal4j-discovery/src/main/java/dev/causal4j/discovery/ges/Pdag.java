package dev.causal4j.discovery.ges;

import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.knowledge.BoundKnowledge;
import java.util.Arrays;
import java.util.List;

/**
 * The state of a GES search: a partially directed graph over {@code 0..p-1} in primitive arrays
 * (per node, its neighbours ascending and the kind of each edge as seen from the node), with the
 * step GES needs after every move, {@link #complete}: turn the graph an Insert or Delete operator
 * left behind back into the CPDAG of the new equivalence class (with knowledge, the maximally
 * oriented graph), and say which nodes' edges changed.
 *
 * <p>Why not {@link dev.causal4j.graph.Cpdag} or {@link dev.causal4j.graph.MeekRules} on a {@link
 * MutableGraph}: both rebuild their view of the whole graph on every call, and a search at p =
 * 10,000 makes some 10,000 moves. Here the update is local (see {@link #complete}) and reuses
 * scratch arrays; tests check it against {@code Cpdag.of(ConsistentExtension.of(·))} and {@code
 * MeekRules} on random move sequences.
 *
 * <p>Not thread-safe for writing; the read methods may be called from many threads at once while
 * nothing writes (the parallel evaluation of operators does that), so they use no shared scratch.
 */
final class Pdag {
  /** The neighbour is a parent: {@code u --> v}. */
  static final byte PARENT = 1;
  /** The neighbour is a child: {@code v --> u}. */
  static final byte CHILD = 2;
  /** {@code u --- v}. */
  static final byte UNDIRECTED = 3;

  final int p;
  private final int[][] nbr;
  private final byte[][] kind;
  private final int[] deg;
  private int edgeCount;

  // Scratch for the writer (complete); never touched by the read methods.
  private final int[] queue;
  private final int[] inRegion;
  private int regionStamp;

  Pdag(int p) {
    this.p = p;
    nbr = new int[p][];
    kind = new byte[p][];
    deg = new int[p];
    int[] none = new int[0];
    byte[] noKinds = new byte[0];
    Arrays.fill(nbr, none);
    Arrays.fill(kind, noKinds);
    queue = new int[p];
    inRegion = new int[p];
  }

  int edgeCount() {
    return edgeCount;
  }

  int degree(int v) {
    return deg[v];
  }

  /** The position of {@code u} in {@code v}'s list, or negative. */
  private int slot(int v, int u) {
    return Arrays.binarySearch(nbr[v], 0, deg[v], u);
  }

  boolean adjacent(int u, int v) {
    return slot(v, u) >= 0;
  }

  /** The kind of the edge between {@code v} and {@code u} as seen from {@code v}, or 0. */
  byte kind(int v, int u) {
    int k = slot(v, u);
    return k < 0 ? 0 : kind[v][k];
  }

  boolean isDirected(int from, int to) {
    return kind(to, from) == PARENT;
  }

  boolean isUndirected(int u, int v) {
    return kind(v, u) == UNDIRECTED;
  }

  /** Neighbours of {@code v} of the given kind, ascending, into {@code out}; returns the count. */
  int neighbors(int v, byte which, int[] out) {
    int n = 0;
    int[] nv = nbr[v];
    byte[] kv = kind[v];
    for (int i = 0; i < deg[v]; i++) {
      if (kv[i] == which) {
        out[n++] = nv[i];
      }
    }
    return n;
  }

  /** All neighbours of {@code v}, ascending, into {@code out}; returns the count. */
  int adjacents(int v, int[] out) {
    System.arraycopy(nbr[v], 0, out, 0, deg[v]);
    return deg[v];
  }

  /** The {@code i}-th neighbour of {@code v} (ascending) and the kind of that edge. */
  int neighbor(int v, int i) {
    return nbr[v][i];
  }

  byte kindAt(int v, int i) {
    return kind[v][i];
  }

  /** True if every two of {@code nodes[0..k)} are adjacent. */
  boolean isClique(int[] nodes, int k) {
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (!adjacent(nodes[i], nodes[j])) {
          return false;
        }
      }
    }
    return true;
  }

  void addDirected(int from, int to) {
    put(from, to, CHILD);
    put(to, from, PARENT);
    edgeCount++;
  }

  void addUndirected(int u, int v) {
    put(u, v, UNDIRECTED);
    put(v, u, UNDIRECTED);
    edgeCount++;
  }

  /** Makes the existing edge between {@code from} and {@code to} into {@code from --> to}. */
  void orient(int from, int to) {
    kind[from][slot(from, to)] = CHILD;
    kind[to][slot(to, from)] = PARENT;
  }

  /** Makes the existing edge between {@code u} and {@code v} undirected. */
  void unorient(int u, int v) {
    kind[u][slot(u, v)] = UNDIRECTED;
    kind[v][slot(v, u)] = UNDIRECTED;
  }

  void remove(int u, int v) {
    drop(u, v);
    drop(v, u);
    edgeCount--;
  }

  private void put(int v, int u, byte k) {
    int s = slot(v, u);
    if (s >= 0) {
      throw new IllegalStateException(u + " and " + v + " are already adjacent");
    }
    int at = -s - 1;
    int d = deg[v];
    if (d == nbr[v].length) {
      int cap = Math.max(4, 2 * d);
      nbr[v] = Arrays.copyOf(nbr[v], cap);
      kind[v] = Arrays.copyOf(kind[v], cap);
    }
    System.arraycopy(nbr[v], at, nbr[v], at + 1, d - at);
    System.arraycopy(kind[v], at, kind[v], at + 1, d - at);
    nbr[v][at] = u;
    kind[v][at] = k;
    deg[v] = d + 1;
  }

  private void drop(int v, int u) {
    int s = slot(v, u);
    int d = deg[v];
    System.arraycopy(nbr[v], s + 1, nbr[v], s, d - s - 1);
    System.arraycopy(kind[v], s + 1, kind[v], s, d - s - 1);
    deg[v] = d - 1;
  }

  /**
   * True if some semi-directed path from {@code from} reaches {@code to} without passing through a
   * node of {@code blocked[0..k)} (Chickering's path condition for Insert). A semi-directed path
   * follows {@code a --> b} forwards and {@code a --- b} either way. Thread-safe: its visited set
   * is the caller's {@code visited} array (length {@code p}, values below {@code visitStamp}) and
   * {@code work} (length {@code p}).
   */
  boolean semiDirectedPath(
      int from, int to, int[] blocked, int k, int[] visited, int visitStamp, int[] work) {
    return semiDirectedPath(from, to, blocked, k, visited, visitStamp, work, null, null) > 0;
  }

  /**
   * As {@link #semiDirectedPath(int, int, int[], int, int[], int, int[])}; when one is found and
   * {@code pred} (length {@code p}) is given, writes a shortest such path {@code from, …, to} into
   * {@code path}. Returns the number of nodes on the path found, or 0 if there is none.
   */
  int semiDirectedPath(int from, int to, int[] blocked, int k, int[] visited, int visitStamp,
      int[] work, int[] pred, int[] path) {
    for (int i = 0; i < k; i++) {
      visited[blocked[i]] = visitStamp;
    }
    visited[from] = visitStamp;
    int head = 0;
    int tail = 0;
    work[tail++] = from;
    while (head < tail) {
      int a = work[head++];
      int[] na = nbr[a];
      byte[] ka = kind[a];
      for (int i = 0; i < deg[a]; i++) {
        if (ka[i] == PARENT) {
          continue;
        }
        int b = na[i];
        if (b == to) {
          if (pred == null) {
            return 1;
          }
          int n = 1;
          for (int v = a; v != from; v = pred[v]) {
            n++;
          }
          path[n] = to;
          int at = n - 1;
          for (int v = a; ; v = pred[v]) {
            path[at--] = v;
            if (v == from) {
              break;
            }
          }
          return n + 1;
        }
        if (visited[b] != visitStamp) {
          visited[b] = visitStamp;
          if (pred != null) {
            pred[b] = a;
          }
          work[tail++] = b;
        }
      }
    }
    return 0;
  }

  /** True if {@code path[0..n)} is still a semi-directed path (each step {@code -->} or {@code ---}). */
  boolean isSemiDirectedPath(int[] path, int n) {
    for (int i = 0; i + 1 < n; i++) {
      byte k = kind(path[i], path[i + 1]);
      if (k != CHILD && k != UNDIRECTED) {
        return false;
      }
    }
    return true;
  }

  /**
   * Brings the graph left by a valid Insert or Delete whose target was {@code y} back to the CPDAG
   * of the new class (maximally oriented with the knowledge, if any), and marks in {@code changed}
   * (set to {@code changeStamp}) every node with an incident edge whose mark this step changed.
   * The edges the move itself added, removed or directed are not compared (the caller marks the
   * move's nodes).
   *
   * <p>Why it is local. The CPDAG's mark on an edge into a node {@code v} depends only on the
   * ancestors of {@code v} in any DAG of the class (Chickering 1995, the edge-labelling procedure
   * reads edges into {@code v}'s ancestors only). The move adds or removes an edge into {@code y} in
   * some DAG of the class (Chickering 2002, Theorems 15 and 17), so only edges into descendants of
   * {@code y} can change, and these lie in the region {@code R} of nodes that semi-directed paths
   * from {@code y} reach. Within {@code R}, edges are reset to the pattern (directed exactly when
   * they are part of a v-structure: the move's result has every v-structure of the new class
   * directed and no other, since it has a consistent extension), the knowledge orients undirected
   * edges whose one direction it forbids, and Meek's rules R1–R4 close the graph, starting from the
   * undirected edges touching {@code R}. Edges outside {@code R} already carry their final marks,
   * and every rule premise of an edge outside {@code R} lies outside {@code R}, so the rules cannot
   * change them (each rule orients an edge into {@code b} from edges among {@code b}'s ancestors).
   * Meek (1995) shows the rules complete from the pattern with knowledge; starting from more correct
   * orientations reaches the same closure.
   */
  void complete(int y, BoundKnowledge knowledge, int[] changed, int changeStamp) {
    int rs = ++regionStamp;
    int n = 0;
    queue[n++] = y;
    inRegion[y] = rs;
    for (int h = 0; h < n; h++) {
      int a = queue[h];
      for (int i = 0; i < deg[a]; i++) {
        int b = nbr[a][i];
        if (kind[a][i] != PARENT && inRegion[b] != rs) {
          inRegion[b] = rs;
          queue[n++] = b;
        }
      }
    }
    int[] region = Arrays.copyOf(queue, n);
    Arrays.sort(region);
    close(region, rs, knowledge, changed, changeStamp);
  }

  /**
   * Closes the whole graph, which must be a CPDAG (or a graph left by a valid move anywhere),
   * under the knowledge: the maximally oriented graph of the class given the knowledge (Meek
   * 1995).
   */
  void closeWithKnowledge(BoundKnowledge knowledge) {
    int rs = ++regionStamp;
    int[] region = new int[p];
    for (int v = 0; v < p; v++) {
      region[v] = v;
      inRegion[v] = rs;
    }
    close(region, rs, knowledge, new int[p], 1);
  }

  /** The pattern, knowledge and Meek steps of {@link #complete} over a region (ascending). */
  private void close(
      int[] region, int rs, BoundKnowledge knowledge, int[] changed, int changeStamp) {
    int n = region.length;
    // Save the region's lists to see afterwards what changed.
    byte[][] before = new byte[n][];
    for (int r = 0; r < n; r++) {
      int v = region[r];
      before[r] = Arrays.copyOf(kind[v], deg[v]);
    }
    // Reset edges into the region to the pattern: a parent u of v stays a parent only if some
    // other parent of v is not adjacent to u (a v-structure). Decided on the parents as they were.
    int[] parents = new int[16];
    for (int v : region) {
      int k = 0;
      if (parents.length < deg[v]) {
        parents = new int[deg[v]];
      }
      for (int i = 0; i < deg[v]; i++) {
        if (kind[v][i] == PARENT) {
          parents[k++] = nbr[v][i];
        }
      }
      for (int i = 0; i < k; i++) {
        int u = parents[i];
        boolean collider = false;
        for (int j = 0; j < k && !collider; j++) {
          collider = j != i && !adjacent(u, parents[j]);
        }
        if (!collider) {
          unorient(u, v);
        }
      }
    }
    Meek meek = new Meek(knowledge);
    if (knowledge != null) {
      for (int v : region) {
        for (int i = 0; i < deg[v]; i++) {
          int u = nbr[v][i];
          if (kind[v][i] == UNDIRECTED && (u > v || inRegion[u] != rs)) {
            boolean uv = knowledge.isForbidden(u, v);
            boolean vu = knowledge.isForbidden(v, u);
            if (uv && !vu) {
              orient(v, u);
            } else if (vu && !uv) {
              orient(u, v);
            }
          }
        }
      }
    }
    for (int v : region) {
      for (int i = 0; i < deg[v]; i++) {
        int u = nbr[v][i];
        if (kind[v][i] == UNDIRECTED && (u > v || inRegion[u] != rs)) {
          meek.enqueue(Math.min(u, v), Math.max(u, v));
        }
      }
    }
    meek.run();
    for (int r = 0; r < n; r++) {
      int v = region[r];
      byte[] old = before[r];
      for (int i = 0; i < deg[v]; i++) {
        if (old[i] != kind[v][i]) {
          changed[v] = changeStamp;
          changed[nbr[v][i]] = changeStamp;
        }
      }
    }
  }

  /** A deep copy. */
  Pdag copy() {
    Pdag c = new Pdag(p);
    for (int v = 0; v < p; v++) {
      c.nbr[v] = Arrays.copyOf(nbr[v], deg[v]);
      c.kind[v] = Arrays.copyOf(kind[v], deg[v]);
      c.deg[v] = deg[v];
    }
    c.edgeCount = edgeCount;
    return c;
  }

  /**
   * Meek's rules R1–R4 (Meek 1995) over this graph, with a work queue of undirected edges whose
   * premises may have changed: orienting {@code a --> b} can complete a premise only for undirected
   * edges at {@code a}, at {@code b} and at {@code b}'s children.
   */
  private final class Meek {
    final BoundKnowledge knowledge;
    int[] qa = new int[64];
    int[] qb = new int[64];
    int head;
    int tail;
    int[] scratch = new int[16];

    Meek(BoundKnowledge knowledge) {
      this.knowledge = knowledge;
    }

    void enqueue(int a, int b) {
      if (tail == qa.length) {
        if (head > 0) {
          System.arraycopy(qa, head, qa, 0, tail - head);
          System.arraycopy(qb, head, qb, 0, tail - head);
          tail -= head;
          head = 0;
        }
        if (tail == qa.length) {
          qa = Arrays.copyOf(qa, 2 * tail);
          qb = Arrays.copyOf(qb, 2 * tail);
        }
      }
      qa[tail] = a;
      qb[tail] = b;
      tail++;
    }

    void run() {
      while (head < tail) {
        int a = qa[head];
        int b = qb[head];
        head++;
        if (!isUndirected(a, b)) {
          continue;
        }
        if (allowed(a, b) && fires(a, b)) {
          orientAndQueue(a, b);
        } else if (allowed(b, a) && fires(b, a)) {
          orientAndQueue(b, a);
        }
      }
    }

    private boolean allowed(int from, int to) {
      return knowledge == null || !knowledge.isForbidden(from, to);
    }

    private void orientAndQueue(int a, int b) {
      orient(a, b);
      queueUndirectedAt(a);
      queueUndirectedAt(b);
      for (int i = 0; i < deg[b]; i++) {
        if (kind[b][i] == CHILD) {
          queueUndirectedAt(nbr[b][i]);
        }
      }
    }

    private void queueUndirectedAt(int v) {
      for (int i = 0; i < deg[v]; i++) {
        if (kind[v][i] == UNDIRECTED) {
          int u = nbr[v][i];
          enqueue(Math.min(u, v), Math.max(u, v));
        }
      }
    }

    /** True if R1–R4 orient the undirected edge {@code a --- b} as {@code a --> b}. */
    private boolean fires(int a, int b) {
      int[] na = nbr[a];
      byte[] ka = kind[a];
      int da = deg[a];
      // R1: c --> a, c not adjacent to b.
      for (int i = 0; i < da; i++) {
        if (ka[i] == PARENT && na[i] != b && !adjacent(na[i], b)) {
          return true;
        }
      }
      // R2: a --> c --> b.
      for (int i = 0; i < da; i++) {
        if (ka[i] == CHILD && isDirected(na[i], b)) {
          return true;
        }
      }
      // R3: a --- c --> b and a --- d --> b with c, d not adjacent.
      int n = 0;
      for (int i = 0; i < da; i++) {
        int c = na[i];
        if (ka[i] == UNDIRECTED && c != b && isDirected(c, b)) {
          for (int j = 0; j < n; j++) {
            if (!adjacent(scratch[j], c)) {
              return true;
            }
          }
          if (n == scratch.length) {
            scratch = Arrays.copyOf(scratch, 2 * n);
          }
          scratch[n++] = c;
        }
      }
      // R4: a --- k --> l --> b, k not adjacent to b, l adjacent to a.
      for (int i = 0; i < da; i++) {
        int l = na[i];
        if (l == b || !isDirected(l, b)) {
          continue;
        }
        for (int j = 0; j < deg[l]; j++) {
          int k = nbr[l][j];
          if (kind[l][j] == PARENT && k != a && isUndirected(a, k) && !adjacent(k, b)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** The graph as a {@link MutableGraph} over the given names (a CPDAG label). */
  MutableGraph toGraph(List<String> names) {
    MutableGraph g = new MutableGraph(names, GraphKind.CPDAG);
    for (int v = 0; v < p; v++) {
      for (int i = 0; i < deg[v]; i++) {
        int u = nbr[v][i];
        if (kind[v][i] == CHILD) {
          g.addDirectedEdge(v, u);
        } else if (kind[v][i] == UNDIRECTED && u > v) {
          g.addUndirectedEdge(v, u);
        }
      }
    }
    return g;
  }

  /**
   * A copy of a graph whose edges are {@code -->} or {@code ---}.
   *
   * @throws IllegalArgumentException for any other edge
   */
  static Pdag of(Graph g) {
    Pdag out = new Pdag(g.size());
    for (var e : g.edges()) {
      if (e.isDirected()) {
        out.addDirected(e.from(), e.to());
      } else if (e.atFrom() == Endpoint.TAIL && e.atTo() == Endpoint.TAIL) {
        out.addUndirected(e.from(), e.to());
      } else {
        throw new IllegalArgumentException("not a PDAG edge: " + e.symbol());
      }
    }
    return out;
  }
}
