package dev.causal4j.effects;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A causal question: the effect of intervening on the treatments on the distribution of the
 * outcomes, {@code P(outcomes | do(treatments))}, asked of a causal graph, or, without one, under
 * the user's own claim that a given set of covariates removes confounding.
 *
 * <p>With a graph, {@link #requiredCovariates()} are covariates every adjustment set must contain
 * (say, for precision or because a reviewer expects them) and {@link #excluded()} are variables
 * the analysis may not use at all, as if they were not measured: they are never adjusted for,
 * never used as mediators or instruments, and are treated as hidden by the ID algorithm. Without
 * a graph, the required covariates are the adjustment set and nothing can be checked.
 *
 * <p>Names are checked when the query is built: unknown names (with the closest matches), a
 * treatment that is also an outcome, a hidden treatment or outcome, and overlaps between the
 * required and excluded lists are {@link InvalidInputException}s. Whether the graph is a sound
 * causal graph (acyclic, with a meaningful kind) is checked by the identification itself.
 */
public record CausalQuery(
    Optional<Graph> graph,
    List<String> treatments,
    List<String> outcomes,
    List<String> requiredCovariates,
    List<String> excluded) {

  public CausalQuery {
    Objects.requireNonNull(graph, "graph");
    treatments = distinct(treatments, "treatment");
    outcomes = distinct(outcomes, "outcome");
    requiredCovariates = distinct(requiredCovariates, "covariate");
    excluded = distinct(excluded, "excluded variable");
    if (treatments.isEmpty()) {
      throw new InvalidInputException("the query names no treatment; give at least one");
    }
    if (outcomes.isEmpty()) {
      throw new InvalidInputException("the query names no outcome; give at least one");
    }
    for (String t : treatments) {
      if (outcomes.contains(t)) {
        throw new InvalidInputException("'" + t + "' is both a treatment and an outcome; the"
            + " effect of a variable on itself is not a causal question");
      }
    }
    for (String c : requiredCovariates) {
      if (treatments.contains(c) || outcomes.contains(c)) {
        throw new InvalidInputException("'" + c + "' is a treatment or outcome and cannot also be"
            + " a covariate to adjust for");
      }
      if (excluded.contains(c)) {
        throw new InvalidInputException("'" + c + "' is both required and excluded; drop it from"
            + " one of the two lists");
      }
    }
    for (String e : excluded) {
      if (treatments.contains(e) || outcomes.contains(e)) {
        throw new InvalidInputException("'" + e + "' is a treatment or outcome and cannot be"
            + " excluded");
      }
    }
    if (graph.isPresent()) {
      Graph g = graph.get();
      for (String t : treatments) {
        requireNode(g, t, "treatment", true);
      }
      for (String o : outcomes) {
        requireNode(g, o, "outcome", true);
      }
      for (String c : requiredCovariates) {
        requireNode(g, c, "covariate", true);
      }
      for (String e : excluded) {
        requireNode(g, e, "excluded variable", false);
      }
    } else if (!excluded.isEmpty()) {
      throw new InvalidInputException("excluding variables needs a causal graph; without one,"
          + " list only the covariates to adjust for");
    }
  }

  /** The effect of one treatment on one outcome in a graph. */
  public static CausalQuery of(Graph graph, String treatment, String outcome) {
    return builder(graph).treatment(treatment).outcome(outcome).build();
  }

  /** A query on a graph; add treatments and outcomes, then {@link Builder#build()}. */
  public static Builder builder(Graph graph) {
    return new Builder(Objects.requireNonNull(graph, "graph"));
  }

  /**
   * A query without a graph: the effect is taken to be identified by adjusting for {@code
   * covariates} (possibly none), an assumption the user makes and nothing checks.
   */
  public static CausalQuery withoutGraph(
      List<String> treatments, List<String> outcomes, List<String> covariates) {
    return new CausalQuery(Optional.empty(), treatments, outcomes, covariates, List.of());
  }

  /**
   * The treatment, when there is exactly one.
   *
   * @throws IllegalStateException if the query has several
   */
  public String treatment() {
    if (treatments.size() != 1) {
      throw new IllegalStateException("the query has " + treatments.size() + " treatments");
    }
    return treatments.get(0);
  }

  /**
   * The outcome, when there is exactly one.
   *
   * @throws IllegalStateException if the query has several
   */
  public String outcome() {
    if (outcomes.size() != 1) {
      throw new IllegalStateException("the query has " + outcomes.size() + " outcomes");
    }
    return outcomes.get(0);
  }

  /** The query as text, e.g. {@code P(Y | do(X))}. */
  public String describe() {
    return "P(" + String.join(", ", outcomes) + " | do(" + String.join(", ", treatments) + "))";
  }

  private static List<String> distinct(List<String> names, String what) {
    Objects.requireNonNull(names, what);
    Set<String> seen = new LinkedHashSet<>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new InvalidInputException("a " + what + " name is empty");
      }
      if (!seen.add(n)) {
        throw new InvalidInputException("'" + n + "' is listed twice as a " + what);
      }
    }
    return List.copyOf(seen);
  }

  private static void requireNode(Graph g, String name, String role, boolean mustBeObserved) {
    int v = g.indexOf(name);
    if (v < 0) {
      List<String> close = closestNames(name, g.nodeNames(), 3);
      throw new InvalidInputException("the graph has no node named '" + name + "' (the " + role
          + ")" + (close.isEmpty() ? "; its nodes are " + preview(g.nodeNames())
              : "; did you mean " + String.join(", ", close.stream().map(c -> "'" + c + "'")
                  .toList()) + "?"));
    }
    if (mustBeObserved && g.isLatent(v)) {
      throw new InvalidInputException("'" + name + "' (the " + role + ") is a hidden (latent)"
          + " node of the graph; only observed variables can be a " + role);
    }
  }

  private static String preview(List<String> names) {
    return String.join(", ", names.subList(0, Math.min(12, names.size())))
        + (names.size() > 12 ? ", …" : "");
  }

  /**
   * The candidates nearest to {@code name}: equal ignoring case, or within an edit distance of a
   * third of the name's length (at least 1 for names of three or more characters), or
   * one a prefix of the other, closest first, at most {@code max}.
   */
  static List<String> closestNames(String name, Collection<String> candidates, int max) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    int limit = name.length() <= 2 ? 0 : Math.max(1, name.length() / 3);
    List<String> hits = new ArrayList<>();
    List<Integer> dist = new ArrayList<>();
    for (String c : candidates) {
      String cl = c.toLowerCase(java.util.Locale.ROOT);
      int d = cl.equals(lower) ? 0 : editDistance(lower, cl);
      if (d <= limit || cl.startsWith(lower) || lower.startsWith(cl) && cl.length() > 1) {
        int at = 0;
        while (at < dist.size() && dist.get(at) <= d) {
          at++;
        }
        hits.add(at, c);
        dist.add(at, d);
      }
    }
    return hits.subList(0, Math.min(max, hits.size()));
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Builds a {@link CausalQuery} on a graph. */
  public static final class Builder {
    private final Graph graph;
    private final List<String> treatments = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private final List<String> required = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    private Builder(Graph graph) {
      this.graph = graph;
    }

    /** Adds treatments (intervened-on variables). */
    public Builder treatment(String... names) {
      treatments.addAll(Arrays.asList(names));
      return this;
    }

    /** Adds treatments. */
    public Builder treatments(Collection<String> names) {
      treatments.addAll(names);
      return this;
    }

    /** Adds outcomes. */
    public Builder outcome(String... names) {
      outcomes.addAll(Arrays.asList(names));
      return this;
    }

    /** Adds outcomes. */
    public Builder outcomes(Collection<String> names) {
      outcomes.addAll(names);
      return this;
    }

    /** Adds covariates that every adjustment set must contain. */
    public Builder adjustFor(String... names) {
      required.addAll(Arrays.asList(names));
      return this;
    }

    /** Adds covariates that every adjustment set must contain. */
    public Builder adjustFor(Collection<String> names) {
      required.addAll(names);
      return this;
    }

    /** Adds variables the analysis may not use, as if unmeasured. */
    public Builder exclude(String... names) {
      excluded.addAll(Arrays.asList(names));
      return this;
    }

    /** Adds variables the analysis may not use, as if unmeasured. */
    public Builder exclude(Collection<String> names) {
      excluded.addAll(names);
      return this;
    }

    /**
     * The query.
     *
     * @throws InvalidInputException if a name is unknown, repeated, hidden, or in two roles
     */
    public CausalQuery build() {
      return new CausalQuery(Optional.of(graph), treatments, outcomes, required, excluded);
    }
  }
}
