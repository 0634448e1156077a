package dev.causal4j.knowledge;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Knowledge} bound to a search's variable list, answering by index in constant or
 * logarithmic time: what searches call in their inner loops. Immutable and thread-safe.
 */
public final class BoundKnowledge {
  private static final int[] NONE = new int[0];

  private final Knowledge knowledge;
  private final List<String> variables;
  /** Tier of each variable, or -1. */
  private final int[] tier;
  private final boolean[] tierForbidsWithin;
  /** Per variable, the sorted targets of its explicitly forbidden / required out-edges. */
  private final int[][] forbiddenTo;
  private final int[][] requiredTo;
  private final int[][] requiredFrom;
  private final boolean empty;

  BoundKnowledge(Knowledge knowledge, List<String> variables) {
    this.knowledge = knowledge;
    this.variables = List.copyOf(variables);
    int p = variables.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < p; i++) {
      if (index.put(variables.get(i), i) != null) {
        throw new InvalidInputException(
            "two variables are named '" + variables.get(i) + "'; knowledge needs unique names");
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String v : knowledge.variables()) {
      if (!index.containsKey(v)) {
        unknown.add(v);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknownMessage(unknown, variables));
    }
    tier = new int[p];
    Arrays.fill(tier, -1);
    List<Tier> tiers = knowledge.tiers();
    tierForbidsWithin = new boolean[tiers.size()];
    for (int t = 0; t < tiers.size(); t++) {
      tierForbidsWithin[t] = tiers.get(t).withinTier() == Tier.WithinTier.FORBIDDEN;
      for (String v : tiers.get(t).variables()) {
        tier[index.get(v)] = t;
      }
    }
    forbiddenTo = lists(knowledge.forbiddenEdges(), index, p, false);
    requiredTo = lists(knowledge.requiredEdges(), index, p, false);
    requiredFrom = lists(knowledge.requiredEdges(), index, p, true);
    empty = knowledge.isEmpty();
  }

  private static int[][] lists(
      List<KnowledgeEdge> edges, Map<String, Integer> index, int p, boolean reverse) {
    int[][] out = new int[p][];
    Arrays.fill(out, NONE);
    for (KnowledgeEdge e : edges) {
      int a = index.get(reverse ? e.to() : e.from());
      int b = index.get(reverse ? e.from() : e.to());
      int[] l = Arrays.copyOf(out[a], out[a].length + 1);
      l[l.length - 1] = b;
      out[a] = l;
    }
    for (int[] l : out) {
      Arrays.sort(l);
    }
    return out;
  }

  /** The knowledge this view was made from. */
  public Knowledge knowledge() {
    return knowledge;
  }

  /** The variables the indices refer to. */
  public List<String> variables() {
    return variables;
  }

  /** True if the knowledge says nothing (every query answers false). */
  public boolean isEmpty() {
    return empty;
  }

  /** The tier of variable {@code v}, counting from 0, or -1 if it is in none. */
  public int tier(int v) {
    return tier[v];
  }

  /**
   * True if no DAG consistent with the knowledge has {@code from --> to} (see {@link
   * Knowledge#isForbidden}).
   */
  public boolean isForbidden(int from, int to) {
    if (empty) {
      return false;
    }
    int tf = tier[from];
    int tt = tier[to];
    if (tf >= 0 && tt >= 0 && (tf > tt || (tf == tt && tierForbidsWithin[tf]))) {
      return true;
    }
    return Arrays.binarySearch(forbiddenTo[from], to) >= 0
        || Arrays.binarySearch(requiredTo[to], from) >= 0;
  }

  /** True if {@code from --> to} is required. */
  public boolean isRequired(int from, int to) {
    return !empty && Arrays.binarySearch(requiredTo[from], to) >= 0;
  }

  /** True if the knowledge forbids both directions, so {@code a} and {@code b} cannot be adjacent. */
  public boolean isAdjacencyForbidden(int a, int b) {
    return isForbidden(a, b) && isForbidden(b, a);
  }

  /** True if an edge between {@code a} and {@code b} is required in one direction. */
  public boolean isAdjacencyRequired(int a, int b) {
    return isRequired(a, b) || isRequired(b, a);
  }

  /** The variables {@code t} with {@code v --> t} required, ascending (a new array). */
  public int[] requiredChildren(int v) {
    return requiredTo[v].clone();
  }

  /** The variables {@code u} with {@code u --> v} required, ascending (a new array). */
  public int[] requiredParents(int v) {
    return requiredFrom[v].clone();
  }

  /** Why {@code from --> to} is forbidden, as a phrase for messages, or null if it is not. */
  public String whyForbidden(int from, int to) {
    return isForbidden(from, to)
        ? knowledge.whyForbidden(variables.get(from), variables.get(to))
        : null;
  }

  private static String unknownMessage(List<String> unknown, List<String> variables) {
    StringBuilder sb = new StringBuilder("knowledge names ");
    sb.append(unknown.size() == 1 ? "a variable" : unknown.size() + " variables")
        .append(" not in the data: ");
    int shown = Math.min(5, unknown.size());
    for (int i = 0; i < shown; i++) {
      String u = unknown.get(i);
      sb.append(i == 0 ? "" : ", ").append('\'').append(u).append('\'');
      List<String> close = closeMatches(u, variables);
      if (!close.isEmpty()) {
        sb.append(" (did you mean ").append(String.join(" or ", close)).append("?)");
      }
    }
    if (unknown.size() > shown) {
      sb.append(", …");
    }
    return sb.append("; fix the names or drop them from the knowledge").toString();
  }

  /** Up to three variables within edit distance 2 of {@code name}, or equal ignoring case. */
  private static List<String> closeMatches(String name, List<String> variables) {
    List<String> out = new ArrayList<>();
    int limit = Math.min(2, Math.max(1, name.length() / 3));
    for (int d = 0; d <= limit && out.size() < 3; d++) {
      for (String v : variables) {
        if (out.size() < 3 && distance(name.toLowerCase(), v.toLowerCase()) == d) {
          out.add("'" + v + "'");
        }
      }
    }
    return out;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
