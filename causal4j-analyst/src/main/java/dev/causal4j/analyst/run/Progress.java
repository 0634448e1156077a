package dev.causal4j.analyst.run;

/**
 * Where a long analysis is, for a progress bar: a stage with its number of units, then one call
 * per unit done. Called from several threads at once; implementations must be thread-safe.
 */
public interface Progress {
  /** Silence. */
  Progress NONE = new Progress() {
    @Override
    public void stage(String name, long units) {}

    @Override
    public void advance() {}
  };

  /** A new stage of {@code units} steps begins. */
  void stage(String name, long units);

  /** One step of the current stage is done. */
  void advance();
}
