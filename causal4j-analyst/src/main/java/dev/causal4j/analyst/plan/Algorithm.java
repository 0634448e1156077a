package dev.causal4j.analyst.plan;

import dev.causal4j.data.Dataset;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.fci.Fci;
import dev.causal4j.discovery.fci.Gfci;
import dev.causal4j.discovery.ges.Fges;
import dev.causal4j.discovery.lingam.DirectLingam;
import dev.causal4j.discovery.lingam.Pruning;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.discovery.permutation.Boss;
import dev.causal4j.knowledge.Knowledge;

/**
 * The discovery algorithms the analyst can choose, each with how to run it. Adding an algorithm
 * is one constant here (its search) and one row in {@link RuleTable}.
 */
public enum Algorithm {
  PC_STABLE("pc-stable", "PC-Stable (Colombo & Maathuis 2014)", false) {
    @Override
    public DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k, long seed,
        int threads) {
      return Pc.builder(s.test(d, seed, threads)).alpha(parameter).stable(true)
          .knowledge(k).threads(threads).build().search();
    }
  },
  BOSS("boss", "BOSS (Andrews et al. 2023)", false) {
    @Override
    public DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k, long seed,
        int threads) {
      return Boss.builder(s.score(d, parameter, threads)).knowledge(k).seed(seed)
          .threads(threads).build().search();
    }
  },
  DIRECTLINGAM("directlingam", "DirectLiNGAM (Shimizu et al. 2011)", false) {
    @Override
    public DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k, long seed,
        int threads) {
      return DirectLingam.builder().knowledge(k).pruning(Pruning.ADAPTIVE_LASSO)
          .threads(threads).build().search(d).result();
    }
  },
  FGES("fges", "FGES (Ramsey et al. 2017; GES of Chickering 2002)", false) {
    @Override
    public DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k, long seed,
        int threads) {
      return Fges.builder(s.score(d, parameter, threads)).knowledge(k).threads(threads).build()
          .search();
    }
  },
  GFCI("gfci", "GFCI (Ogarrio, Spirtes & Ramsey 2016)", true) {
    /** The test is the statistic's; the score is its likelihood counterpart at penalty 1. */
    @Override
    public DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k, long seed,
        int threads) {
      return Gfci.builder(s.test(d, seed, threads), s.scoreOfTest().score(d, 1.0, threads))
          .alpha(parameter).knowledge(k).threads(threads).build().search();
    }
  },
  FCI("fci", "FCI (Spirtes et al. 1999; Zhang 2008)", true) {
    @Override
    public DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k, long seed,
        int threads) {
      return Fci.builder(s.test(d, seed, threads)).alpha(parameter).knowledge(k)
          .threads(threads).build().search();
    }
  };

  private final String label;
  private final String citation;
  private final boolean allowsHiddenConfounders;

  Algorithm(String label, String citation, boolean allowsHiddenConfounders) {
    this.label = label;
    this.citation = citation;
    this.allowsHiddenConfounders = allowsHiddenConfounders;
  }

  public String label() {
    return label;
  }

  /** The algorithm's name and paper. */
  public String citation() {
    return citation;
  }

  /** True if the result (a PAG) allows for hidden common causes. */
  public boolean allowsHiddenConfounders() {
    return allowsHiddenConfounders;
  }

  /**
   * Runs the search on {@code d}.
   *
   * @param parameter α for a test, the penalty discount for a score; unused by LiNGAM
   */
  public abstract DiscoveryResult search(Dataset d, Statistic s, double parameter, Knowledge k,
      long seed, int threads);
}
