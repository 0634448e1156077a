package dev.causal4j.bench.suite;

import dev.causal4j.InvalidInputException;
import dev.causal4j.bench.simulate.Mechanism;
import dev.causal4j.bench.simulate.NoiseDistribution;
import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.fci.Fci;
import dev.causal4j.discovery.fci.Gfci;
import dev.causal4j.discovery.fci.Rfci;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.discovery.lingam.DirectLingam;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.discovery.permutation.Boss;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Pag;
import dev.causal4j.independence.FisherZTest;
import dev.causal4j.independence.GSquareTest;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.score.BdeuScore;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import dev.causal4j.stats.ContingencyTables;
import dev.causal4j.stats.CovarianceMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The algorithms {@link DiscoveryBenchmark} can run, each beside its Tetrad 7.6.6 counterpart.
 * To add a search to the benchmark, add a {@link BenchmarkAlgorithm} to {@link #ALL}: the data it
 * is run on, its set-up (timed apart), its search, and the Tetrad job that does the same.
 *
 * <p>Settings shared by both sides: Fisher Z (continuous data) or G² (discrete data) at {@link
 * #ALPHA}, unlimited depth, and the collider
 * conflict rule both tools use by default, {@link Pc.ConflictRule#PRIORITIZE_EXISTING} (which
 * Tetrad 7.6.6 implements as an overwrite: see {@code docs/benchmarks.md}); for the score-based
 * searches the linear-Gaussian BIC with penalty discount {@link #PENALTY} (Tetrad's SEM BIC) on
 * continuous data, BDeu with equivalent sample size 1 and a uniform structure prior on discrete
 * data, no one-edge faithfulness heuristic, one start of BOSS in data order followed by BES.
 */
public final class BenchmarkAlgorithms {
  /** The significance level of the constraint-based benchmarks (PC and FCI families). */
  public static final double ALPHA = 0.01;

  /** The BIC penalty discount of the score-based benchmarks (FGES, BOSS, GFCI). */
  public static final double PENALTY = 2;

  /** BDeu's equivalent sample size on discrete data, on both sides. */
  public static final double BDEU_SAMPLE_PRIOR = 1;

  /**
   * PC-stable as published (Colombo &amp; Maathuis 2014), against Tetrad's PC with its "stable"
   * option, which is what a Tetrad user asking for PC-Stable runs. Tetrad 7.6.6's "stable" search
   * is not order-independent (docs/benchmarks.md), so the skeletons may differ by a few edges.
   */
  public static final BenchmarkAlgorithm PC_STABLE = new PcAlgorithm("pc-stable", true);

  /**
   * The original, order-dependent PC, against Tetrad's PC without its "stable" option: the same
   * skeleton, adjacency by adjacency.
   */
  public static final BenchmarkAlgorithm PC = new PcAlgorithm("pc", false);

  /**
   * DirectLiNGAM (Shimizu et al. 2011) on linear data with uniform noise (symmetric: the
   * simulator's default non-Gaussian noise), against Tetrad's DirectLiNGAM, whose measure of
   * non-Gaussianity cannot see symmetric noise (docs/benchmarks.md).
   */
  public static final BenchmarkAlgorithm DIRECT_LINGAM =
      new LingamAlgorithm("directlingam", NoiseDistribution.UNIFORM);

  /** DirectLiNGAM on linear data with exponential (skewed) noise, which both tools can see. */
  public static final BenchmarkAlgorithm DIRECT_LINGAM_SKEWED =
      new LingamAlgorithm("directlingam-skewed", NoiseDistribution.EXPONENTIAL);

  /**
   * FGES (Ramsey et al. 2017) against Tetrad's {@code Fges} with its algorithm wrapper's settings
   * (maximum degree 1000, no faithfulness heuristic). Both claim GES's result, but Tetrad's moves
   * are not always GES's (see {@link Fges} and docs/benchmarks.md), so only accuracy is compared.
   */
  public static final BenchmarkAlgorithm FGES = new ScoreAlgorithm("fges");

  /**
   * BOSS (Andrews et al. 2023), one start in data order, then BES, against Tetrad's {@code Boss}
   * with the same settings; without BES the two give the same CPDAG (docs/benchmarks.md), with it
   * Causal4J's BES may end elsewhere, so only accuracy is compared.
   */
  public static final BenchmarkAlgorithm BOSS = new ScoreAlgorithm("boss");

  /**
   * FCI with Zhang's complete rules, on data with hidden confounders, scored against the true PAG;
   * against Tetrad's {@code Fci} (its "stable" adjacency search, Possible-D-SEP, complete rules).
   */
  public static final BenchmarkAlgorithm FCI = new FciFamilyAlgorithm("fci");

  /** RFCI (Colombo et al. 2012) against Tetrad's {@code Rfci}, as {@link #FCI}. */
  public static final BenchmarkAlgorithm RFCI = new FciFamilyAlgorithm("rfci");

  /**
   * GFCI (Ogarrio et al. 2016): FGES with {@link #PENALTY}, then tests at {@link #ALPHA}; against
   * Tetrad's {@code GFci} with its FGES's faithfulness heuristic off and no degree limit, as here.
   */
  public static final BenchmarkAlgorithm GFCI = new FciFamilyAlgorithm("gfci");

  /** Every algorithm the benchmark knows, in the order tables list them. */
  public static final List<BenchmarkAlgorithm> ALL =
      List.of(PC_STABLE, PC, DIRECT_LINGAM, DIRECT_LINGAM_SKEWED, FGES, BOSS, FCI, RFCI, GFCI);

  private BenchmarkAlgorithms() {}

  /** The algorithms named in a comma-separated list, in the list's order. */
  public static List<BenchmarkAlgorithm> parse(String list) {
    List<BenchmarkAlgorithm> out = new ArrayList<>();
    for (String word : list.split(",")) {
      String w = word.trim();
      if (w.isEmpty()) {
        continue;
      }
      BenchmarkAlgorithm a = ALL.stream().filter(x -> x.name().equals(w)).findFirst()
          .orElseThrow(() -> new InvalidInputException("--algorithms: '" + w
              + "' is not an algorithm the benchmark knows; use some of " + names()));
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException("--algorithms is empty; name some of " + names());
    }
    return out;
  }

  /** The known names, comma-separated. */
  public static String names() {
    return ALL.stream().map(BenchmarkAlgorithm::name).collect(Collectors.joining(","));
  }

  /** PC with Fisher Z on linear-Gaussian data, stable or not. */
  private record PcAlgorithm(String name, boolean stable) implements BenchmarkAlgorithm {
    @Override
    public Mechanism mechanism() {
      return Mechanism.LINEAR_GAUSSIAN;
    }

    @Override
    public NoiseDistribution noise() {
      return NoiseDistribution.GAUSSIAN;
    }

    @Override
    public Optional<String> refuses(Dataset data) {
      return data.isAllContinuous() || data.isAllCategorical() ? Optional.empty()
          : Optional.of("PC here takes all-continuous (Fisher Z) or all-discrete (G²) data");
    }

    @Override
    public Graph truth(Graph trueDag) {
      return Cpdag.of(trueDag);
    }

    /** Fisher Z on continuous data, G² on discrete data, as on Tetrad's side. */
    @Override
    public Prepared prepare(Dataset data) {
      if (data.isAllCategorical()) {
        ContingencyTables tables = ContingencyTables.of(data);
        return threads -> search(new GSquareTest(tables), threads);
      }
      CovarianceMatrix cov = CovarianceMatrix.of(data);
      return threads -> search(new FisherZTest(cov), threads);
    }

    private DiscoveryResult search(IndependenceTest test, int threads) {
      return Pc.builder(test).alpha(ALPHA).stable(stable)
          .conflictRule(Pc.ConflictRule.PRIORITIZE_EXISTING).threads(threads).build().search();
    }

    @Override
    public Optional<TetradJob.Builder> tetrad(TetradData data) {
      return Optional.of(TetradJob.builder(TetradAlgorithm.PC, data).alpha(ALPHA).stable(stable)
          .test(data.discrete() ? TetradJob.Test.G_SQUARE : TetradJob.Test.FISHER_Z)
          .conflictRule(Pc.ConflictRule.PRIORITIZE_EXISTING));
    }

    @Override
    public Agreement expectedAgreement() {
      return Agreement.SKELETON;
    }
  }

  /**
   * DirectLiNGAM with Causal4J's defaults (adaptive-lasso pruning with BIC), scored against the
   * true DAG; Tetrad's prunes each variable's parents by grow-shrink with the SEM BIC (penalty
   * discount 1, plain BIC). Different pruning, same estimand: only accuracy is compared.
   */
  private record LingamAlgorithm(String name, NoiseDistribution noise)
      implements BenchmarkAlgorithm {
    @Override
    public Mechanism mechanism() {
      return Mechanism.LINEAR_NON_GAUSSIAN;
    }

    @Override
    public Optional<String> refuses(Dataset data) {
      return data.isAllContinuous() ? Optional.empty()
          : Optional.of("DirectLiNGAM takes continuous data only");
    }

    @Override
    public Graph truth(Graph trueDag) {
      return trueDag;
    }

    /** Nothing to set up: the search standardizes the data itself, as Tetrad's does. */
    @Override
    public Prepared prepare(Dataset data) {
      return threads -> DirectLingam.builder().threads(threads).build().search(data).result();
    }

    @Override
    public Optional<TetradJob.Builder> tetrad(TetradData data) {
      return Optional.of(TetradJob.builder(TetradAlgorithm.DIRECT_LINGAM, data)
          .score(TetradJob.Score.SEM_BIC).penaltyDiscount(1));
    }

    @Override
    public Agreement expectedAgreement() {
      return Agreement.ACCURACY_ONLY;
    }
  }

  /** The score both sides use: linear-Gaussian BIC on continuous data, BDeu on discrete data. */
  private static Score score(CovarianceMatrix cov, ContingencyTables tables) {
    return tables != null ? new BdeuScore(tables, BDEU_SAMPLE_PRIOR, 0)
        : new LinearGaussianBicScore(cov, PENALTY);
  }

  /** Tetrad's counterpart of {@link #score}. */
  private static TetradJob.Builder score(TetradJob.Builder job, TetradData data) {
    return data.discrete()
        ? job.score(TetradJob.Score.BDEU).bdeuPriors(BDEU_SAMPLE_PRIOR, 0)
        : job.score(TetradJob.Score.SEM_BIC).penaltyDiscount(PENALTY);
  }

  private static Optional<String> refusesMixed(String name, Dataset data) {
    return data.isAllContinuous() || data.isAllCategorical() ? Optional.empty()
        : Optional.of(name + " here takes all-continuous (BIC, Fisher Z) or all-discrete (BDeu,"
            + " G²) data");
  }

  /** FGES or BOSS on linear-Gaussian data (or given discrete data), scored against the CPDAG. */
  private record ScoreAlgorithm(String name) implements BenchmarkAlgorithm {
    @Override
    public Mechanism mechanism() {
      return Mechanism.LINEAR_GAUSSIAN;
    }

    @Override
    public NoiseDistribution noise() {
      return NoiseDistribution.GAUSSIAN;
    }

    @Override
    public Optional<String> refuses(Dataset data) {
      return refusesMixed(name, data);
    }

    @Override
    public Graph truth(Graph trueDag) {
      return Cpdag.of(trueDag);
    }

    @Override
    public Prepared prepare(Dataset data) {
      boolean discrete = data.isAllCategorical();
      ContingencyTables tables = discrete ? ContingencyTables.of(data) : null;
      CovarianceMatrix cov = discrete ? null : CovarianceMatrix.of(data);
      return threads -> name.equals("fges")
          ? Fges.builder(score(cov, tables)).threads(threads).build().search()
          : Boss.builder(score(cov, tables)).threads(threads).build().search();
    }

    @Override
    public Optional<TetradJob.Builder> tetrad(TetradData data) {
      TetradAlgorithm a = name.equals("fges") ? TetradAlgorithm.FGES : TetradAlgorithm.BOSS;
      TetradJob.Builder job = score(TetradJob.builder(a, data), data);
      return Optional.of(a == TetradAlgorithm.FGES ? job.faithfulnessAssumed(false)
          : job.boss(true, 1));
    }

    @Override
    public Agreement expectedAgreement() {
      return Agreement.ACCURACY_ONLY;
    }
  }

  /**
   * FCI, RFCI or GFCI on linear-Gaussian data with hidden confounders (one per 20 measured
   * variables, at least one), scored against the true PAG over the measured variables ({@link
   * Pag#ofDag}). Tetrad's adjacency search differs from the published one (docs/benchmarks.md) and
   * its orientation steps from Zhang's in places, so only accuracy is compared.
   */
  private record FciFamilyAlgorithm(String name) implements BenchmarkAlgorithm {
    @Override
    public Mechanism mechanism() {
      return Mechanism.LINEAR_GAUSSIAN;
    }

    @Override
    public NoiseDistribution noise() {
      return NoiseDistribution.GAUSSIAN;
    }

    @Override
    public int latentConfounders(int observed) {
      return Math.max(1, observed / 20);
    }

    @Override
    public Optional<String> refuses(Dataset data) {
      return refusesMixed(name, data);
    }

    @Override
    public Graph truth(Graph trueDag) {
      return Pag.ofDag(trueDag);
    }

    @Override
    public Prepared prepare(Dataset data) {
      boolean discrete = data.isAllCategorical();
      ContingencyTables tables = discrete ? ContingencyTables.of(data) : null;
      CovarianceMatrix cov = discrete ? null : CovarianceMatrix.of(data);
      return threads -> {
        IndependenceTest test = discrete ? new GSquareTest(tables) : new FisherZTest(cov);
        return switch (name) {
          case "fci" -> Fci.builder(test).alpha(ALPHA).threads(threads).build().search();
          case "rfci" -> Rfci.builder(test).alpha(ALPHA).threads(threads).build().search();
          default -> Gfci.builder(test, score(cov, tables)).alpha(ALPHA).threads(threads).build()
              .search();
        };
      };
    }

    @Override
    public Optional<TetradJob.Builder> tetrad(TetradData data) {
      TetradAlgorithm a = switch (name) {
        case "fci" -> TetradAlgorithm.FCI;
        case "rfci" -> TetradAlgorithm.RFCI;
        default -> TetradAlgorithm.GFCI;
      };
      TetradJob.Builder job = TetradJob.builder(a, data).alpha(ALPHA)
          .test(data.discrete() ? TetradJob.Test.G_SQUARE : TetradJob.Test.FISHER_Z);
      return Optional.of(a == TetradAlgorithm.GFCI
          ? score(job, data).faithfulnessAssumed(false).maxDegree(-1) : job);
    }

    @Override
    public Agreement expectedAgreement() {
      return Agreement.ACCURACY_ONLY;
    }
  }
}
