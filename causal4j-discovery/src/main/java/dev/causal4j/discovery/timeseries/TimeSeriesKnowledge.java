package dev.causal4j.discovery.timeseries;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.knowledge.BoundKnowledge;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What is known in advance about a time series' links: which links cannot exist. Two sources:
 *
 * <ul>
 *   <li>variable-level {@link Knowledge} (tiers and forbidden edges, as in a knowledge file),
 *       applied at every lag: a variable in a later tier causes none in an earlier tier at any
 *       lag, a forbidden edge {@code X --> Y} forbids {@code X(t−τ) --> Y(t)} for every {@code
 *       τ}. Autodependence ({@code X(t−1) --> X(t)}) is never forbidden by tiers;
 *   <li>forbidden links at given lags: {@code forbid("X", "Y", 2)} rules out {@code X(t−2) -->
 *       Y(t)} only; {@code forbid("X", "X", 1)} rules out autodependence at lag 1.
 * </ul>
 *
 * <p>A forbidden lagged link is never tested and never appears. A contemporaneous direction that
 * is forbidden orients the edge the other way when the search can (Meek's rules with knowledge);
 * a pair whose both contemporaneous directions are forbidden is never joined. Required edges are
 * not supported (the searches would have to keep a link whatever the data say, and no time-series
 * method here has a defined way to); knowledge that holds them is refused.
 *
 * <p>Immutable.
 */
public final class TimeSeriesKnowledge {
  private static final TimeSeriesKnowledge EMPTY =
      new TimeSeriesKnowledge(Knowledge.empty(), Set.of());

  /** A forbidden link at one lag, by name. */
  public record ForbiddenLink(String from, String to, int lag) {
    public ForbiddenLink {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (lag < 0) {
        throw new InvalidInputException("a lag must be 0 or more; got " + lag);
      }
      if (lag == 0 && from.equals(to)) {
        throw new InvalidInputException("a contemporaneous link from '" + from + "' to itself"
            + " cannot exist anyway; forbid " + from + ":1 → " + from + " for autodependence");
      }
    }
  }

  private final Knowledge variableLevel;
  private final Set<ForbiddenLink> links;

  private TimeSeriesKnowledge(Knowledge variableLevel, Set<ForbiddenLink> links) {
    this.variableLevel = variableLevel;
    this.links = Set.copyOf(links);
  }

  /** Nothing known. */
  public static TimeSeriesKnowledge empty() {
    return EMPTY;
  }

  /**
   * Variable-level knowledge applied at every lag.
   *
   * @throws InvalidInputException if it requires edges
   */
  public static TimeSeriesKnowledge of(Knowledge knowledge) {
    return builder().knowledge(knowledge).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True if nothing is known. */
  public boolean isEmpty() {
    return variableLevel.isEmpty() && links.isEmpty();
  }

  /** The variable-level part. */
  public Knowledge variableLevel() {
    return variableLevel;
  }

  /** The lag-specific forbidden links. */
  public Set<ForbiddenLink> forbiddenLinks() {
    return links;
  }

  /**
   * The index-based view over a search's variables and lags.
   *
   * @throws InvalidInputException if the knowledge names an unknown variable, or a lag beyond
   *     {@code maxLag}
   */
  public Bound bind(List<String> variables, int maxLag) {
    return new Bound(this, variables, maxLag);
  }

  /** {@link TimeSeriesKnowledge} answering by index: what the searches call. Immutable. */
  public static final class Bound {
    private final int p;
    private final int maxLag;
    private final boolean[] forbidden; // [lag][from][to]
    private final boolean empty;

    private Bound(TimeSeriesKnowledge k, List<String> variables, int maxLag) {
      this.p = variables.size();
      this.maxLag = maxLag;
      this.forbidden = new boolean[(maxLag + 1) * p * p];
      this.empty = k.isEmpty();
      if (empty) {
        return;
      }
      BoundKnowledge bound = k.variableLevel.bind(variables);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          if (i != j && bound.isForbidden(i, j)) {
            for (int lag = 0; lag <= maxLag; lag++) {
              forbidden[(lag * p + i) * p + j] = true;
            }
          }
        }
      }
      for (ForbiddenLink l : k.links) {
        int from = variables.indexOf(l.from());
        int to = variables.indexOf(l.to());
        if (from < 0 || to < 0) {
          throw new InvalidInputException("the forbidden link " + LaggedGraph.nodeName(l.from(),
              l.lag()) + " --> " + l.to() + " names '" + (from < 0 ? l.from() : l.to())
              + "', which is not a variable; the variables are " + String.join(", ", variables));
        }
        if (l.lag() <= maxLag) {
          forbidden[(l.lag() * p + from) * p + to] = true;
        }
      }
    }

    /** True if nothing is known. */
    public boolean isEmpty() {
      return empty;
    }

    /** True if {@code from(t − lag) --> to(t)} is forbidden. */
    public boolean isForbidden(int from, int to, int lag) {
      return lag <= maxLag && forbidden[(lag * p + from) * p + to];
    }

    /** True if no link may join {@code from(t − lag)} and {@code to(t)} (both ways at lag 0). */
    public boolean isLinkForbidden(int from, int to, int lag) {
      return lag == 0 ? isForbidden(from, to, 0) && isForbidden(to, from, 0)
          : isForbidden(from, to, lag);
    }

    /**
     * The contemporaneous part as variable-level {@link Knowledge} over the lagged nodes of a
     * window ({@code X}, …, {@code X:depth}): {@code X --> Y} forbidden among lag-0 nodes where it
     * is forbidden at lag 0. For Meek's rules on a window graph.
     */
    Knowledge contemporaneous(List<String> variables) {
      Knowledge.Builder b = Knowledge.builder();
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          if (i != j && isForbidden(i, j, 0)) {
            b.forbid(variables.get(i), variables.get(j));
          }
        }
      }
      return b.build();
    }
  }

  /** Collects knowledge. */
  public static final class Builder {
    private Knowledge variableLevel = Knowledge.empty();
    private final List<ForbiddenLink> links = new ArrayList<>();

    private Builder() {}

    /**
     * Variable-level knowledge, applied at every lag.
     *
     * @throws InvalidInputException if it requires edges
     */
    public Builder knowledge(Knowledge knowledge) {
      if (!knowledge.requiredEdges().isEmpty()) {
        throw new InvalidInputException("the knowledge requires " + knowledge.requiredEdges()
            .get(0) + (knowledge.requiredEdges().size() > 1 ? " (and more)" : "") + ", but the"
            + " time-series searches take only forbidden links and tiers; leave the required"
            + " edges out");
      }
      this.variableLevel = knowledge;
      return this;
    }

    /** Forbids {@code from(t − lag) --> to(t)}. */
    public Builder forbid(String from, String to, int lag) {
      links.add(new ForbiddenLink(from, to, lag));
      return this;
    }

    /** Forbids {@code from(t − τ) --> to(t)} for every lag {@code τ} from {@code lowest} up to {@code highest}. */
    public Builder forbid(String from, String to, int lowest, int highest) {
      for (int lag = lowest; lag <= highest; lag++) {
        if (!(lag == 0 && from.equals(to))) {
          forbid(from, to, lag);
        }
      }
      return this;
    }

    public TimeSeriesKnowledge build() {
      return new TimeSeriesKnowledge(variableLevel, new HashSet<>(links));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeriesKnowledge k && variableLevel.equals(k.variableLevel)
        && links.equals(k.links);
  }

  @Override
  public int hashCode() {
    return variableLevel.hashCode() * 31 + links.hashCode();
  }

  @Override
  public String toString() {
    return "TimeSeriesKnowledge[" + variableLevel + ", " + links.size() + " forbidden links]";
  }
}
