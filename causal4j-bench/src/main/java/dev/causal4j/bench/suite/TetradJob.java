package dev.causal4j.bench.suite;

import dev.causal4j.discovery.pc.Pc;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One search for Tetrad to run: an algorithm, a data file written by {@link
 * TetradProcess#writeData}, the settings, and how many untimed warm-ups and timed repeats to make.
 * Settings an algorithm does not use are ignored by it. Made with {@link #builder}.
 */
public final class TetradJob {

  /** Which independence test the constraint-based searches use. */
  public enum Test {
    FISHER_Z("fisher-z"),
    G_SQUARE("g-square"),
    CHI_SQUARE("chi-square");

    final String word;

    Test(String word) {
      this.word = word;
    }
  }

  /** Which score the score-based searches (and Tetrad's DirectLiNGAM pruning) use. */
  public enum Score {
    /** Linear-Gaussian BIC with a penalty discount. */
    SEM_BIC("sem-bic"),
    /** BDeu with a sample prior and a structure prior. */
    BDEU("bdeu");

    final String word;

    Score(String word) {
      this.word = word;
    }
  }

  private final TetradAlgorithm algorithm;
  private final TetradData data;
  private final Map<String, String> settings;
  private final int warmups;
  private final int repeats;

  private TetradJob(Builder b) {
    this.algorithm = b.algorithm;
    this.data = b.data;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
    this.warmups = b.warmups;
    this.repeats = b.repeats;
  }

  /** A job with Tetrad's defaults: α 0.01, unlimited depth, penalty 2, one timed run. */
  public static Builder builder(TetradAlgorithm algorithm, TetradData data) {
    return new Builder(algorithm, data);
  }

  public TetradAlgorithm algorithm() {
    return algorithm;
  }

  public TetradData data() {
    return data;
  }

  public int warmups() {
    return warmups;
  }

  public int repeats() {
    return repeats;
  }

  /** The job as one line of the runner's protocol: tab-separated {@code key=value} pairs. */
  String toLine() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("algorithm", algorithm.word());
    all.put("data", data.file().toAbsolutePath().toString());
    all.put("type", data.discrete() ? "discrete" : "continuous");
    if (data.discrete()) {
      all.put("levels", data.levels().stream().map(String::valueOf)
          .collect(Collectors.joining(",")));
    }
    all.putAll(settings);
    all.put("warmups", Integer.toString(warmups));
    all.put("repeats", Integer.toString(repeats));
    for (Map.Entry<String, String> e : all.entrySet()) {
      if (e.getValue().contains("\t") || e.getValue().contains("\n")) {
        throw new IllegalArgumentException("job setting " + e.getKey() + " holds a tab or newline");
      }
    }
    return all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\t"));
  }

  @Override
  public String toString() {
    return algorithm.word() + " " + settings;
  }

  /** Settings of a {@link TetradJob}. */
  public static final class Builder {
    private final TetradAlgorithm algorithm;
    private final TetradData data;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private int warmups = 0;
    private int repeats = 1;

    private Builder(TetradAlgorithm algorithm, TetradData data) {
      this.algorithm = Objects.requireNonNull(algorithm);
      this.data = Objects.requireNonNull(data);
    }

    /** Significance level of the independence tests. */
    public Builder alpha(double alpha) {
      return put("alpha", number(alpha));
    }

    /** Largest conditioning set; negative for no limit. */
    public Builder depth(int depth) {
      return put("depth", Integer.toString(Math.max(-1, depth)));
    }

    /** Tetrad's "stable" adjacency search (PC); see {@code docs/benchmarks.md} on what it does. */
    public Builder stable(boolean stable) {
      return put("stable", Boolean.toString(stable));
    }

    /** PC's collider-conflict rule, named as Causal4J names it. */
    public Builder conflictRule(Pc.ConflictRule rule) {
      return put("conflict-rule", switch (rule) {
        case PRIORITIZE_EXISTING -> "prioritize-existing";
        case OVERWRITE -> "overwrite-existing";
        case ORIENT_BIDIRECTED -> "orient-bidirected";
      });
    }

    /** FCI's Possible-D-SEP step (Tetrad's default: on). */
    public Builder possibleDsep(boolean on) {
      return put("possible-dsep", Boolean.toString(on));
    }

    public Builder test(Test test) {
      return put("test", test.word);
    }

    public Builder score(Score score) {
      return put("score", score.word);
    }

    /** The SEM-BIC penalty discount (Tetrad's name for the multiplier of the BIC penalty). */
    public Builder penaltyDiscount(double penalty) {
      return put("penalty", number(penalty));
    }

    public Builder bdeuPriors(double samplePrior, double structurePrior) {
      put("sample-prior", number(samplePrior));
      return put("structure-prior", number(structurePrior));
    }

    /** FGES's one-edge faithfulness assumption (Tetrad's FGES default: off; its GFCI's: on). */
    public Builder faithfulnessAssumed(boolean assumed) {
      return put("faithfulness", Boolean.toString(assumed));
    }

    /**
     * FGES's (and GFCI's FGES's) maximum degree; -1 for none. The runner's default is 1000 for
     * FGES, as Tetrad's algorithm wrapper sets it, and none for GFCI.
     */
    public Builder maxDegree(int maxDegree) {
      return put("max-degree", Integer.toString(Math.max(-1, maxDegree)));
    }

    /** BOSS: finish with a backward equivalence search, and the number of starts. */
    public Builder boss(boolean bes, int starts) {
      put("bes", Boolean.toString(bes));
      return put("starts", Integer.toString(starts));
    }

    /** Threads for FGES, BOSS and GFCI (Tetrad's stable PC uses every core whatever is asked). */
    public Builder threads(int threads) {
      return put("threads", Integer.toString(threads));
    }

    /** Untimed runs before the timed ones, in the same JVM. */
    public Builder warmups(int warmups) {
      if (warmups < 0) {
        throw new IllegalArgumentException("warmups must be at least 0");
      }
      this.warmups = warmups;
      return this;
    }

    /** Timed runs, each on fresh test and score objects. */
    public Builder repeats(int repeats) {
      if (repeats < 1) {
        throw new IllegalArgumentException("repeats must be at least 1");
      }
      this.repeats = repeats;
      return this;
    }

    public TetradJob build() {
      return new TetradJob(this);
    }

    private Builder put(String key, String value) {
      settings.put(key, value);
      return this;
    }

    private static String number(double v) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("not a finite number: " + v);
      }
      return String.format(Locale.ROOT, "%s", v);
    }
  }
}
