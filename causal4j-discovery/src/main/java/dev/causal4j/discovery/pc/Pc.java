package dev.causal4j.discovery.pc;

import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.Parallel;
import dev.causal4j.discovery.SearchStats;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MeekRules;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The PC algorithm and its variants (Spirtes, Glymour &amp; Scheines 2000, §5.4.2): learn the
 * skeleton by conditional-independence tests ({@link AdjacencySearch}), orient the unshielded
 * colliders, then apply Meek's rules; the result is a CPDAG when the tests are right.
 *
 * <ul>
 *   <li>{@link Builder#stable(boolean) stable} (default): PC-stable, Colombo &amp; Maathuis 2014;
 *       the skeleton does not depend on variable order and is found in parallel.
 *   <li>{@link ColliderRule#SEPSETS}: the original rule: {@code x — z — y} is a collider iff
 *       {@code z} is not in the set that separated {@code x} and {@code y}.
 *   <li>{@link ColliderRule#CONSERVATIVE}: conservative PC (Ramsey, Zhang &amp; Spirtes 2006).
 *   <li>{@link ColliderRule#MAX_P}: the max-P rule (Ramsey 2016).
 * </ul>
 *
 * <p>Background knowledge is honoured throughout: forbidden adjacencies are never tested or kept,
 * required ones never removed, colliders that would make a forbidden orientation are not made, and
 * Meek's rules run with the knowledge. Knowledge the data contradict is reported in the result's
 * warnings.
 */
public final class Pc {

  /** How unshielded triples {@code x — z — y} ({@code x}, {@code y} not adjacent) are judged. */
  public enum ColliderRule {
    /** Collider iff {@code z} is not in the separating set the skeleton search recorded. */
    SEPSETS,
    /**
     * Conservative PC: test {@code x ⫫ y} given every subset of the neighbours of {@code x} and of
     * {@code y}; collider if {@code z} is in none of the separating sets found, non-collider if in
     * all, otherwise ambiguous (left unoriented, and Meek's rules infer nothing from it). The set
     * recorded by the skeleton search is always one of the separating sets, so there is at least
     * one (Ramsey et al. use only the subsets of the final neighbours, and call a triple with none
     * ambiguous).
     */
    CONSERVATIVE,
    /**
     * Max-P: among the same candidate sets, take the one with the largest p-value; collider iff
     * {@code z} is not in it. Colliders are oriented from the largest p-value down, so under
     * {@link ConflictRule#PRIORITIZE_EXISTING} the best-supported orientation wins a conflict.
     */
    MAX_P
  }

  /**
   * What to do when a collider to be oriented, {@code x --> z <-- y}, meets an edge already
   * oriented the other way ({@code z --> x}); this happens only when the tests contradict each
   * other.
   */
  public enum ConflictRule {
    /** Keep the earlier orientation: a collider that contradicts one is not oriented at all. */
    PRIORITIZE_EXISTING,
    /** Put the arrowheads at {@code z} anyway, keeping existing ones: a {@code <->} edge results. */
    ORIENT_BIDIRECTED,
    /** The later collider replaces the earlier orientation. */
    OVERWRITE
  }

  private final IndependenceTest test;
  private final double alpha;
  private final int depth;
  private final boolean stable;
  private final ColliderRule colliderRule;
  private final ConflictRule conflictRule;
  private final Knowledge knowledge;
  private final int threads;

  private Pc(Builder b) {
    this.test = b.test;
    this.alpha = b.alpha;
    this.depth = b.depth;
    this.stable = b.stable;
    this.colliderRule = b.colliderRule;
    this.conflictRule = b.conflictRule;
    this.knowledge = b.knowledge;
    this.threads = b.threads;
  }

  public static Builder builder(IndependenceTest test) {
    return new Builder(test);
  }

  /** The algorithm's name as the command line spells it. */
  public String name() {
    return switch (colliderRule) {
      case SEPSETS -> stable ? "pc-stable" : "pc";
      case CONSERVATIVE -> "cpc";
      case MAX_P -> "pc-max";
    };
  }

  /** Runs the search. */
  public DiscoveryResult search() {
    long start = System.nanoTime();
    List<String> names = test.variables();
    BoundKnowledge bound = knowledge.bind(names);
    EdgeConstraints constraints = new EdgeConstraints() {
      @Override
      public boolean forbidsAdjacency(int a, int b) {
        return bound.isAdjacencyForbidden(a, b);
      }

      @Override
      public boolean requiresAdjacency(int a, int b) {
        return bound.isAdjacencyRequired(a, b);
      }
    };
    Skeleton skeleton =
        new AdjacencySearch(test, alpha, depth, stable, threads, constraints).search();
    MutableGraph g = skeleton.toUndirectedGraph(names);
    List<String> warnings = new ArrayList<>();
    Colliders colliders = new Colliders(g, skeleton, bound);
    long orientationTests = colliders.orient(warnings);
    MeekRules.Result meek = MeekRules.apply(g, bound, colliders::isAmbiguous);
    for (MeekRules.Conflict c : meek.conflicts()) {
      warnings.add(c.message());
    }
    boolean bidirected = false;
    for (int v = 0; v < g.size() && !bidirected; v++) {
      bidirected = g.spouses(v).length > 0;
    }
    g.setKind(bidirected ? GraphKind.GENERAL : GraphKind.CPDAG);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("alpha", Double.toString(alpha));
    params.put("depth", depth < 0 ? "unlimited" : Integer.toString(depth));
    params.put("stable", Boolean.toString(stable));
    params.put("collider_rule", colliderRule.name().toLowerCase(java.util.Locale.ROOT));
    params.put("conflict_rule", conflictRule.name().toLowerCase(java.util.Locale.ROOT));
    params.put("threads", Integer.toString(threads));
    params.put("depth_reached", Integer.toString(skeleton.depthReached()));
    SearchStats stats = new SearchStats(
        name(), skeleton.testsPerformed() + orientationTests, 0, elapsed, params);
    return new DiscoveryResult(g.snapshot(), stats, warnings);
  }

  /** Finds and orients the unshielded colliders of a skeleton. */
  private final class Colliders {
    final MutableGraph g;
    final Skeleton skeleton;
    final BoundKnowledge knowledge;
    final int p;
    final Set<Long> ambiguous = new HashSet<>();

    Colliders(MutableGraph g, Skeleton skeleton, BoundKnowledge knowledge) {
      this.g = g;
      this.skeleton = skeleton;
      this.knowledge = knowledge;
      this.p = g.size();
    }

    /** Orients the colliders; returns the tests it made. */
    long orient(List<String> warnings) {
      List<int[]> triples = new ArrayList<>();
      for (int z = 0; z < p; z++) {
        int[] nbrs = skeleton.neighbors(z);
        for (int i = 0; i < nbrs.length; i++) {
          for (int j = i + 1; j < nbrs.length; j++) {
            if (!skeleton.isAdjacent(nbrs[i], nbrs[j])) {
              triples.add(new int[] {nbrs[i], z, nbrs[j]});
            }
          }
        }
      }
      int n = triples.size();
      // Per triple: 1 collider, 0 non-collider, -1 ambiguous; and the p-value behind it (Max-P).
      byte[] verdict = new byte[n];
      double[] support = new double[n];
      long[] made = new long[n];
      if (colliderRule == ColliderRule.SEPSETS) {
        for (int t = 0; t < n; t++) {
          int[] tr = triples.get(t);
          verdict[t] = (byte) (skeleton.sepsets().contains(tr[0], tr[2], tr[1]) ? 0 : 1);
        }
      } else {
        Parallel.forEach(threads, n, t -> {
          int[] tr = triples.get(t);
          judge(tr[0], tr[1], tr[2], t, verdict, support, made);
        });
      }
      Integer[] order = new Integer[n];
      for (int t = 0; t < n; t++) {
        order[t] = t;
      }
      if (colliderRule == ColliderRule.MAX_P) {
        Arrays.sort(order, (a, b) -> Double.compare(support[b], support[a]));
      }
      int skipped = 0;
      for (int t : order) {
        int[] tr = triples.get(t);
        if (verdict[t] < 0) {
          ambiguous.add(key(tr[0], tr[1], tr[2]));
        } else if (verdict[t] == 1 && allowed(tr[0], tr[1], tr[2])) {
          if (!orientCollider(tr[0], tr[1], tr[2])) {
            skipped++;
          }
        }
      }
      if (!ambiguous.isEmpty()) {
        warnings.add(ambiguous.size() + " unshielded triple(s) were ambiguous (the tests disagree"
            + " on whether the middle node is a collider) and were left unoriented");
      }
      if (skipped > 0) {
        warnings.add(skipped + " collider(s) contradicted an orientation already made and were"
            + " not oriented (conflict rule prioritize-existing)");
      }
      long total = 0;
      for (long m : made) {
        total += m;
      }
      return total;
    }

    /** Conservative and Max-P judgements of one triple, from every candidate separating set. */
    private void judge(int x, int z, int y, int t, byte[] verdict, double[] support,
        long[] made) {
      boolean inSome = false;
      boolean outOfSome = false;
      double bestP = -1;
      boolean bestContainsZ = false;
      int[] recorded = skeleton.sepsets().get(x, y);
      List<int[]> candidates = new ArrayList<>();
      candidates.add(recorded);
      addSubsets(skeleton.neighbors(x), y, candidates);
      addSubsets(skeleton.neighbors(y), x, candidates);
      long count = 0;
      Set<String> seen = new HashSet<>();
      for (int[] s : candidates) {
        if (!seen.add(Arrays.toString(s))) {
          continue;
        }
        double pv = test.pValue(x, y, s);
        count++;
        boolean containsZ = contains(s, z);
        if (pv > alpha) {
          if (containsZ) {
            inSome = true;
          } else {
            outOfSome = true;
          }
        }
        if (pv > bestP) {
          bestP = pv;
          bestContainsZ = containsZ;
        }
      }
      made[t] = count;
      if (colliderRule == ColliderRule.MAX_P) {
        verdict[t] = (byte) (bestContainsZ ? 0 : 1);
        support[t] = bestP;
      } else {
        verdict[t] = (byte) (inSome && outOfSome ? -1 : inSome ? 0 : 1);
      }
    }

    /** Adds every subset of {@code nbrs ∖ {other}} up to the depth limit, sorted. */
    private void addSubsets(int[] nbrs, int other, List<int[]> out) {
      int[] pool = Arrays.stream(nbrs).filter(v -> v != other).toArray();
      int maxSize = depth < 0 ? pool.length : Math.min(depth, pool.length);
      for (int size = 0; size <= maxSize; size++) {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
          idx[i] = i;
        }
        while (true) {
          int[] s = new int[size];
          for (int i = 0; i < size; i++) {
            s[i] = pool[idx[i]];
          }
          out.add(s);
          int i = size - 1;
          while (i >= 0 && idx[i] == pool.length - size + i) {
            i--;
          }
          if (i < 0) {
            break;
          }
          idx[i]++;
          for (int j = i + 1; j < size; j++) {
            idx[j] = idx[j - 1] + 1;
          }
        }
      }
    }

    private boolean allowed(int x, int z, int y) {
      return !knowledge.isForbidden(x, z) && !knowledge.isForbidden(y, z);
    }

    /** Orients {@code x --> z <-- y} under the conflict rule; false if it was not oriented. */
    private boolean orientCollider(int x, int z, int y) {
      switch (conflictRule) {
        case PRIORITIZE_EXISTING:
          if (g.endpoint(z, x) == Endpoint.ARROW || g.endpoint(z, y) == Endpoint.ARROW) {
            return false;
          }
          g.setEndpoint(x, z, Endpoint.ARROW);
          g.setEndpoint(y, z, Endpoint.ARROW);
          return true;
        case ORIENT_BIDIRECTED:
          g.setEndpoint(x, z, Endpoint.ARROW);
          g.setEndpoint(y, z, Endpoint.ARROW);
          return true;
        case OVERWRITE:
          g.addDirectedEdge(x, z);
          g.addDirectedEdge(y, z);
          return true;
        default:
          throw new IllegalStateException(conflictRule.toString());
      }
    }

    boolean isAmbiguous(int a, int b, int c) {
      return !ambiguous.isEmpty() && ambiguous.contains(key(a, b, c));
    }

    private long key(int a, int b, int c) {
      int lo = Math.min(a, c);
      int hi = Math.max(a, c);
      return ((long) lo * p + b) * p + hi;
    }
  }

  private static boolean contains(int[] s, int v) {
    for (int u : s) {
      if (u == v) {
        return true;
      }
    }
    return false;
  }

  /** Options for {@link Pc}; defaults are PC-stable with the sepset rule at α = 0.01. */
  public static final class Builder {
    private final IndependenceTest test;
    private double alpha = 0.01;
    private int depth = -1;
    private boolean stable = true;
    private ColliderRule colliderRule = ColliderRule.SEPSETS;
    private ConflictRule conflictRule = ConflictRule.PRIORITIZE_EXISTING;
    private Knowledge knowledge = Knowledge.empty();
    private int threads = 1;

    private Builder(IndependenceTest test) {
      this.test = Objects.requireNonNull(test, "test");
    }

    /** Significance level: a pair is independent when a test gives {@code p > alpha}. */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha < 1)) {
        throw new dev.causal4j.InvalidInputException(
            "alpha must be between 0 and 1 (exclusive); got " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /** The largest conditioning set tried; negative (the default) for no limit. */
    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    public Builder stable(boolean stable) {
      this.stable = stable;
      return this;
    }

    public Builder colliderRule(ColliderRule rule) {
      this.colliderRule = Objects.requireNonNull(rule);
      return this;
    }

    public Builder conflictRule(ConflictRule rule) {
      this.conflictRule = Objects.requireNonNull(rule);
      return this;
    }

    public Builder knowledge(Knowledge knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge);
      return this;
    }

    /** Worker threads; the result does not depend on it (the original PC runs on one). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new dev.causal4j.InvalidInputException(
            "--threads must be at least 1; got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Pc build() {
      return new Pc(this);
    }
  }
}
