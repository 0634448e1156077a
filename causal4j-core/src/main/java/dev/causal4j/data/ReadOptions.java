package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link DataReader} turns a file or a query into a {@link Dataset}: the delimiter (sniffed
 * when not given), the missing-value tokens, the type-detection threshold, per-column type
 * overrides, the domain and time columns, and which columns to keep. Immutable; made with {@link
 * #builder()}.
 *
 * <p>Every column name given here must exist in the data (checked when reading, with close
 * matches suggested), and a column may have one role only: a name cannot be both {@code
 * discrete} and {@code continuous}, nor the domain column and a variable.
 */
public final class ReadOptions {
  /**
   * Missing-value tokens used unless others are given: the empty field, {@code NA}, {@code NaN},
   * {@code ?} and {@code null}; the empty field is missing whatever tokens are given. Tokens are
   * compared with each field after surrounding blanks are removed, ignoring case (so {@code na},
   * {@code NAN} and {@code NULL} match too), and as text: the token {@code -999} does not match
   * {@code -999.0}.
   */
  public static final List<String> DEFAULT_MISSING_TOKENS = List.of("", "NA", "NaN", "?", "null");

  /**
   * A numeric column whose values are all integers with at most this many distinct values is
   * detected as discrete.
   */
  public static final int DEFAULT_MAX_LEVELS = 10;

  private static final ReadOptions DEFAULTS = builder().build();

  private final Delimiter delimiter;
  private final List<String> missingTokens;
  private final int maxLevels;
  private final Set<String> discrete;
  private final Set<String> continuous;
  private final Map<String, List<String>> ordinal;
  private final String domain;
  private final String time;
  private final List<String> columns;
  private final Set<String> drop;

  private ReadOptions(Builder b) {
    this.delimiter = b.delimiter;
    this.missingTokens = List.copyOf(b.missingTokens);
    this.maxLevels = b.maxLevels;
    this.discrete = Collections.unmodifiableSet(new LinkedHashSet<>(b.discrete));
    this.continuous = Collections.unmodifiableSet(new LinkedHashSet<>(b.continuous));
    this.ordinal = Collections.unmodifiableMap(new LinkedHashMap<>(b.ordinal));
    this.domain = b.domain;
    this.time = b.time;
    this.columns = List.copyOf(b.columns);
    this.drop = Collections.unmodifiableSet(new LinkedHashSet<>(b.drop));
  }

  /** Sniffed delimiter, default missing tokens, {@value #DEFAULT_MAX_LEVELS} levels, no overrides. */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.delimiter = delimiter;
    b.missingTokens = new ArrayList<>(missingTokens);
    b.maxLevels = maxLevels;
    b.discrete.addAll(discrete);
    b.continuous.addAll(continuous);
    b.ordinal.putAll(ordinal);
    b.domain = domain;
    b.time = time;
    b.columns.addAll(columns);
    b.drop.addAll(drop);
    return b;
  }

  /** The delimiter to use; empty means sniff it from the first lines. */
  public Optional<Delimiter> delimiter() {
    return Optional.ofNullable(delimiter);
  }

  /** The tokens read as missing values (see {@link #DEFAULT_MISSING_TOKENS}). */
  public List<String> missingTokens() {
    return missingTokens;
  }

  /** The most distinct integer values a numeric column may have and still be detected discrete. */
  public int maxLevels() {
    return maxLevels;
  }

  /** Columns read as discrete whatever their values. */
  public Set<String> discrete() {
    return discrete;
  }

  /** Columns read as continuous; a value that is not a number is then an error. */
  public Set<String> continuous() {
    return continuous;
  }

  /**
   * Columns read as ordinal, each with its levels in order, or with an empty list for numeric
   * levels in numeric order.
   */
  public Map<String, List<String>> ordinal() {
    return ordinal;
  }

  /** The column that names each row's environment, taken out of the variables. */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** The column that holds each row's time stamp, taken out of the variables. */
  public Optional<String> time() {
    return Optional.ofNullable(time);
  }

  /** The variables to keep, in this order; empty means all. */
  public List<String> columns() {
    return columns;
  }

  /** Columns to leave out. */
  public Set<String> drop() {
    return drop;
  }

  /** Every column name these options mention, with the option that mentions it. */
  Map<String, String> mentionedColumns() {
    Map<String, String> m = new LinkedHashMap<>();
    columns.forEach(c -> m.putIfAbsent(c, "--columns"));
    drop.forEach(c -> m.putIfAbsent(c, "--drop"));
    discrete.forEach(c -> m.putIfAbsent(c, "--discrete"));
    continuous.forEach(c -> m.putIfAbsent(c, "--continuous"));
    ordinal.keySet().forEach(c -> m.putIfAbsent(c, "--ordinal"));
    if (domain != null) {
      m.putIfAbsent(domain, "--domain");
    }
    if (time != null) {
      m.putIfAbsent(time, "--time");
    }
    return m;
  }

  @Override
  public String toString() {
    return "ReadOptions[delimiter=" + (delimiter == null ? "sniffed" : delimiter.label())
        + ", missingTokens=" + missingTokens + ", maxLevels=" + maxLevels + ", discrete=" + discrete
        + ", continuous=" + continuous + ", ordinal=" + ordinal + ", domain=" + domain + ", time="
        + time + ", columns=" + columns + ", drop=" + drop + "]";
  }

  /** Collects options; {@link #build()} checks that they agree with each other. */
  public static final class Builder {
    private Delimiter delimiter;
    private List<String> missingTokens = new ArrayList<>(DEFAULT_MISSING_TOKENS);
    private int maxLevels = DEFAULT_MAX_LEVELS;
    private final Set<String> discrete = new LinkedHashSet<>();
    private final Set<String> continuous = new LinkedHashSet<>();
    private final Map<String, List<String>> ordinal = new LinkedHashMap<>();
    private String domain;
    private String time;
    private final List<String> columns = new ArrayList<>();
    private final Set<String> drop = new LinkedHashSet<>();

    private Builder() {}

    /** Uses this delimiter instead of sniffing one; {@code null} restores sniffing. */
    public Builder delimiter(Delimiter delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /**
     * Replaces the missing-value tokens (blanks around each token are removed). The empty field
     * stays missing whatever the tokens: it cannot be a number, and as a category it would only
     * hide the gap.
     */
    public Builder missingTokens(Collection<String> tokens) {
      List<String> t = new ArrayList<>();
      t.add("");
      for (String s : tokens) {
        String token = Objects.requireNonNull(s, "token").trim();
        if (!t.contains(token)) {
          t.add(token);
        }
      }
      this.missingTokens = t;
      return this;
    }

    public Builder maxLevels(int maxLevels) {
      this.maxLevels = maxLevels;
      return this;
    }

    public Builder discrete(Collection<String> names) {
      addNames(discrete, names);
      return this;
    }

    public Builder discrete(String... names) {
      return discrete(List.of(names));
    }

    public Builder continuous(Collection<String> names) {
      addNames(continuous, names);
      return this;
    }

    public Builder continuous(String... names) {
      return continuous(List.of(names));
    }

    /** An ordinal column with numeric levels, in numeric order. */
    public Builder ordinal(String name) {
      return ordinal(name, List.of());
    }

    /** An ordinal column whose levels are exactly {@code levels}, lowest first. */
    public Builder ordinal(String name, List<String> levels) {
      List<String> ls = new ArrayList<>();
      for (String l : levels) {
        ls.add(l.trim());
      }
      ordinal.put(name.trim(), List.copyOf(ls));
      return this;
    }

    public Builder domain(String name) {
      this.domain = name == null ? null : name.trim();
      return this;
    }

    public Builder time(String name) {
      this.time = name == null ? null : name.trim();
      return this;
    }

    /** Keeps only these variables, in this order (the domain and time columns are kept anyway). */
    public Builder columns(Collection<String> names) {
      for (String n : names) {
        columns.add(n.trim());
      }
      return this;
    }

    public Builder drop(Collection<String> names) {
      addNames(drop, names);
      return this;
    }

    private static void addNames(Set<String> into, Collection<String> names) {
      for (String n : names) {
        into.add(Objects.requireNonNull(n, "name").trim());
      }
    }

    /**
     * The options.
     *
     * @throws InvalidInputException if they contradict each other (one column, two roles)
     */
    public ReadOptions build() {
      if (maxLevels < 1) {
        throw new InvalidInputException(
            "--max-levels must be at least 1 (it is " + maxLevels + ")");
      }
      Map<String, String> roles = new LinkedHashMap<>();
      for (String n : discrete) {
        claim(roles, n, "--discrete");
      }
      for (String n : continuous) {
        claim(roles, n, "--continuous");
      }
      for (Map.Entry<String, List<String>> e : ordinal.entrySet()) {
        claim(roles, e.getKey(), "--ordinal");
        Set<String> seen = new HashSet<>();
        for (String level : e.getValue()) {
          if (!seen.add(level)) {
            throw new InvalidInputException(
                "--ordinal " + e.getKey() + " lists the level '" + level + "' twice; list each"
                    + " level once, lowest first");
          }
        }
      }
      if (domain != null) {
        claim(roles, domain, "--domain");
      }
      if (time != null) {
        claim(roles, time, "--time");
      }
      for (String n : drop) {
        String role = roles.get(n);
        if (role != null) {
          throw new InvalidInputException(
              "'" + n + "' is in --drop and in " + role + "; drop it or use it, not both");
        }
        if (columns.contains(n)) {
          throw new InvalidInputException(
              "'" + n + "' is in --drop and in --columns; drop it or keep it, not both");
        }
      }
      Set<String> seen = new HashSet<>();
      for (String n : columns) {
        if (!seen.add(n)) {
          throw new InvalidInputException("--columns lists '" + n + "' twice; list it once");
        }
      }
      for (String n : roles.keySet()) {
        if (n.isEmpty()) {
          throw new InvalidInputException(
              roles.get(n) + " has an empty column name; check for a stray comma");
        }
      }
      return new ReadOptions(this);
    }

    private static void claim(Map<String, String> roles, String name, String option) {
      String previous = roles.putIfAbsent(name, option);
      if (previous != null) {
        throw new InvalidInputException(
            "'" + name + "' is in both " + previous + " and " + option
                + "; give each column one type or role");
      }
    }
  }
}
