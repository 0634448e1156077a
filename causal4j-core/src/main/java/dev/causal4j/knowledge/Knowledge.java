package dev.causal4j.knowledge;

import dev.causal4j.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Background knowledge about causal structure over variable names: ordered {@link Tier tiers}
 * (a variable in a later tier cannot cause one in an earlier tier, and a tier may forbid edges
 * within itself), required edges and forbidden edges. Searches read it through {@link
 * #bind(List)}, an index-based view over their variable list.
 *
 * <p>Immutable; build it with {@link #builder()}, which checks that the pieces agree with each
 * other. Messages number tiers from 1, as knowledge files do; {@link #tierOf} counts from 0.
 *
 * <p>"{@code A --> B} is forbidden" means no DAG consistent with the knowledge has that edge: it
 * is forbidden explicitly, or {@code A} is in a later tier than {@code B}, or both are in one tier
 * that forbids edges within it, or {@code B --> A} is required.
 */
public final class Knowledge {
  private static final Knowledge EMPTY = new Builder().build();

  private final List<Tier> tiers;
  private final List<KnowledgeEdge> required;
  private final List<KnowledgeEdge> forbidden;
  private final Map<String, Integer> tierIndex;
  private final Set<KnowledgeEdge> requiredSet;
  private final Set<KnowledgeEdge> forbiddenSet;

  private Knowledge(Builder b) {
    this.tiers = List.copyOf(b.tiers);
    this.required = List.copyOf(b.required);
    this.forbidden = List.copyOf(b.forbidden);
    this.requiredSet = Set.copyOf(b.required);
    this.forbiddenSet = Set.copyOf(b.forbidden);
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < tiers.size(); t++) {
      for (String v : tiers.get(t).variables()) {
        Integer before = index.put(v, t);
        if (before != null) {
          throw new InvalidInputException(
              before == t
                  ? "variable '" + v + "' is listed twice in tier " + (t + 1)
                  : "variable '" + v + "' is in tier " + (before + 1) + " and in tier " + (t + 1)
                      + "; put each variable in one tier");
        }
      }
    }
    this.tierIndex = Collections.unmodifiableMap(index);
    validate();
  }

  /** Knowledge that allows everything. */
  public static Knowledge empty() {
    return EMPTY;
  }

  /** A builder for knowledge. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tiers, earliest first. */
  public List<Tier> tiers() {
    return tiers;
  }

  /** The required edges, in the order given. */
  public List<KnowledgeEdge> requiredEdges() {
    return required;
  }

  /** The explicitly forbidden edges, in the order given (tiers forbid more; see {@link #isForbidden}). */
  public List<KnowledgeEdge> forbiddenEdges() {
    return forbidden;
  }

  /** True if the knowledge says nothing. */
  public boolean isEmpty() {
    return tiers.isEmpty() && required.isEmpty() && forbidden.isEmpty();
  }

  /** The tier of a variable, counting from 0, if it is in one. */
  public OptionalInt tierOf(String variable) {
    Integer t = tierIndex.get(variable);
    return t == null ? OptionalInt.empty() : OptionalInt.of(t);
  }

  /** Every variable the knowledge names, sorted. */
  public Set<String> variables() {
    Set<String> out = new TreeSet<>(tierIndex.keySet());
    for (KnowledgeEdge e : required) {
      out.add(e.from());
      out.add(e.to());
    }
    for (KnowledgeEdge e : forbidden) {
      out.add(e.from());
      out.add(e.to());
    }
    return Collections.unmodifiableSet(out);
  }

  /** True if {@code from --> to} is required. */
  public boolean isRequired(String from, String to) {
    return requiredSet.contains(new KnowledgeEdge(from, to));
  }

  /**
   * True if no DAG consistent with this knowledge has {@code from --> to}: explicitly forbidden,
   * against the tier order, within a tier that forbids its inner edges, or the reverse of a
   * required edge.
   */
  public boolean isForbidden(String from, String to) {
    return whyForbidden(from, to) != null;
  }

  /** Why {@code from --> to} is forbidden, as a phrase for messages, or null if it is not. */
  String whyForbidden(String from, String to) {
    Integer tf = tierIndex.get(from);
    Integer tt = tierIndex.get(to);
    if (tf != null && tt != null) {
      if (tf > tt) {
        return from + " is in tier " + (tf + 1) + ", after " + to + " in tier " + (tt + 1);
      }
      if (tf.equals(tt) && tiers.get(tf).withinTier() == Tier.WithinTier.FORBIDDEN) {
        return from + " and " + to + " are both in tier " + (tf + 1)
            + ", which forbids edges within it";
      }
    }
    if (forbiddenSet.contains(new KnowledgeEdge(from, to))) {
      return from + " --> " + to + " is forbidden";
    }
    if (requiredSet.contains(new KnowledgeEdge(to, from))) {
      return to + " --> " + from + " is required";
    }
    return null;
  }

  /**
   * The index-based view of this knowledge over a search's variables.
   *
   * @throws InvalidInputException if the knowledge names a variable that is not in the list
   *     (the message suggests close matches)
   */
  public BoundKnowledge bind(List<String> variables) {
    return new BoundKnowledge(this, variables);
  }

  private void validate() {
    for (KnowledgeEdge e : required) {
      if (forbiddenSet.contains(e)) {
        throw new InvalidInputException(
            "the edge " + e + " is both required and forbidden; drop one of the two");
      }
      Integer tf = tierIndex.get(e.from());
      Integer tt = tierIndex.get(e.to());
      if (tf != null && tt != null) {
        if (tf > tt) {
          throw new InvalidInputException(
              "the required edge " + e + " goes from tier " + (tf + 1) + " back to tier "
                  + (tt + 1) + ", which the tiers forbid; move a variable or drop the edge");
        }
        if (tf.equals(tt) && tiers.get(tf).withinTier() == Tier.WithinTier.FORBIDDEN) {
          throw new InvalidInputException(
              "the required edge " + e + " lies within tier " + (tf + 1)
                  + ", which forbids edges within it; allow them or drop the edge");
        }
      }
    }
    List<String> cycle = requiredCycle();
    if (cycle != null) {
      throw new InvalidInputException(
          "the required edges form a directed cycle " + String.join(" --> ", cycle)
              + "; drop one of them");
    }
  }

  /** A directed cycle among the required edges, first node repeated at the end, or null. */
  private List<String> requiredCycle() {
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (KnowledgeEdge e : required) {
      children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: finished
    for (String root : children.keySet()) {
      if (state.containsKey(root)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<Integer> next = new ArrayDeque<>();
      path.push(root);
      next.push(0);
      state.put(root, 1);
      while (!path.isEmpty()) {
        String v = path.peek();
        int i = next.pop();
        List<String> out = children.getOrDefault(v, List.of());
        if (i == out.size()) {
          state.put(v, 2);
          path.pop();
          continue;
        }
        next.push(i + 1);
        String w = out.get(i);
        Integer s = state.get(w);
        if (s == null) {
          state.put(w, 1);
          path.push(w);
          next.push(0);
        } else if (s == 1) {
          List<String> cycle = new ArrayList<>();
          for (String u : path) {
            cycle.add(0, u);
            if (u.equals(w)) {
              break;
            }
          }
          cycle.add(w);
          return cycle;
        }
      }
    }
    return null;
  }

  static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("knowledge names a variable with an empty name");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Knowledge k && tiers.equals(k.tiers) && requiredSet.equals(k.requiredSet)
        && forbiddenSet.equals(k.forbiddenSet);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tiers, requiredSet, forbiddenSet);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Knowledge");
    for (int t = 0; t < tiers.size(); t++) {
      Tier tier = tiers.get(t);
      sb.append("\n  tier ").append(t + 1)
          .append(tier.withinTier() == Tier.WithinTier.FORBIDDEN ? " (no edges within)" : "")
          .append(": ").append(String.join(" ", tier.variables()));
    }
    for (KnowledgeEdge e : required) {
      sb.append("\n  require ").append(e);
    }
    for (KnowledgeEdge e : forbidden) {
      sb.append("\n  forbid ").append(e);
    }
    return sb.toString();
  }

  /** Collects tiers and edges; {@link #build()} checks them together. */
  public static final class Builder {
    private final List<Tier> tiers = new ArrayList<>();
    private final Set<KnowledgeEdge> required = new LinkedHashSet<>();
    private final Set<KnowledgeEdge> forbidden = new LinkedHashSet<>();

    private Builder() {}

    /** Appends a tier (after those added so far) whose variables may be joined to each other. */
    public Builder tier(String... variables) {
      return tier(List.of(variables), Tier.WithinTier.ALLOWED);
    }

    /** Appends a tier (after those added so far). */
    public Builder tier(Collection<String> variables, Tier.WithinTier withinTier) {
      for (String v : variables) {
        checkName(v);
      }
      tiers.add(new Tier(List.copyOf(variables), withinTier));
      return this;
    }

    /** Requires {@code from --> to}. */
    public Builder require(String from, String to) {
      required.add(new KnowledgeEdge(from, to));
      return this;
    }

    /** Forbids {@code from --> to} (the reverse stays allowed unless forbidden too). */
    public Builder forbid(String from, String to) {
      forbidden.add(new KnowledgeEdge(from, to));
      return this;
    }

    /**
     * The knowledge.
     *
     * @throws InvalidInputException if a variable is in two tiers, a required edge is also
     *     forbidden or goes against the tiers, or the required edges form a cycle
     */
    public Knowledge build() {
      return new Knowledge(this);
    }
  }
}
