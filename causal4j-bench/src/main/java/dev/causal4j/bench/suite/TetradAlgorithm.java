package dev.causal4j.bench.suite;

/** The Tetrad 7.6.6 searches that {@link TetradProcess} can run, as its runner names them. */
public enum TetradAlgorithm {
  /** {@code edu.cmu.tetrad.search.Pc}, "stable" or not, with a conflict rule. */
  PC("pc"),
  /** {@code edu.cmu.tetrad.search.Fges} with a score. */
  FGES("fges"),
  /** {@code edu.cmu.tetrad.search.Boss} through {@code PermutationSearch}. */
  BOSS("boss"),
  /** {@code edu.cmu.tetrad.search.DirectLingam}, its parents pruned with a score. */
  DIRECT_LINGAM("direct-lingam"),
  /** {@code edu.cmu.tetrad.search.Fci}. */
  FCI("fci"),
  /** {@code edu.cmu.tetrad.search.Rfci}. */
  RFCI("rfci"),
  /** {@code edu.cmu.tetrad.search.GFci}. */
  GFCI("gfci");

  private final String word;

  TetradAlgorithm(String word) {
    this.word = word;
  }

  /** The name in the runner's job protocol. */
  public String word() {
    return word;
  }
}
