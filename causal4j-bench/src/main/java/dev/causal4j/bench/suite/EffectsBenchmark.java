package dev.causal4j.bench.suite;

import dev.causal4j.bench.simulate.ConfoundedTreatment;
import dev.causal4j.data.Dataset;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.estimate.EstimatorSelection;
import dev.causal4j.effects.estimate.EstimatorSettings;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.estimate.learner.Learner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The effect-estimation benchmark: data from {@link ConfoundedTreatment} (known ATE 1), each
 * chosen estimator timed on it, with its estimate, interval and the peak Java heap it reached.
 *
 * <p>Peak heap is read from the JVM's memory-pool MXBeans: after a full collection, every heap
 * pool's peak is reset, the estimator runs, and the pools' peaks are summed. Pools peak at
 * different moments, so the sum bounds the true peak from above. Native memory (XGBoost's
 * matrices and trees) is outside the Java heap and is not counted there; the process's peak
 * resident size is reported separately.
 */
public final class EffectsBenchmark {
  private EffectsBenchmark() {}

  /**
   * What to run.
   *
   * @param rows rows to generate
   * @param covariates covariates (at least 5)
   * @param seed seeds the data and the estimators
   * @param methods estimators to time, in order
   * @param learner the nuisance learner family of the cross-fitted estimators
   * @param folds cross-fitting folds
   * @param threads learner threads
   */
  public record Config(int rows, int covariates, long seed, List<Method> methods, Learner learner,
      int folds, int threads) {
    public Config {
      methods = List.copyOf(methods);
      Objects.requireNonNull(learner, "learner");
    }
  }

  /**
   * One estimator's run.
   *
   * @param method the estimator
   * @param learner the learner family it used (linear for methods that take none)
   * @param seconds wall-clock time of the estimate (data generation excluded)
   * @param peakHeapBytes the peak Java heap during the run (upper bound, see class comment)
   * @param estimate the estimate of the ATE (truth 1)
   * @param lower lower end of its 95% interval
   * @param upper upper end
   */
  public record Run(Method method, Learner learner, double seconds, long peakHeapBytes,
      double estimate, double lower, double upper) {
    /** Whether the interval holds the true effect. */
    public boolean covers() {
      return lower <= ConfoundedTreatment.ATE && ConfoundedTreatment.ATE <= upper;
    }
  }

  /**
   * The results.
   *
   * @param config what ran
   * @param generationSeconds time to generate the data
   * @param runs one per method
   * @param peakResidentBytes the process's peak resident memory at the end (Java heap, native
   *     memory and code), or -1 where the platform does not report it
   */
  public record Result(Config config, double generationSeconds, List<Run> runs,
      long peakResidentBytes) {}

  /** Methods that use no learner run with the linear one, whatever the config says. */
  private static Learner learnerFor(Method m, Learner chosen) {
    return switch (m) {
      case REGRESSION, IPW, MATCHING, IV, FRONT_DOOR -> Learner.LINEAR;
      default -> chosen;
    };
  }

  public static Result run(Config c) {
    long t0 = System.nanoTime();
    Dataset data = ConfoundedTreatment.sample(c.rows(), c.covariates(), c.seed());
    double gen = (System.nanoTime() - t0) / 1e9;
    EstimationProblem problem = EstimationProblem.adjustment(data, "t", "y",
        ConfoundedTreatment.covariates(c.covariates()), Estimand.ATE);
    List<Run> runs = new ArrayList<>();
    for (Method m : c.methods()) {
      Learner l = learnerFor(m, c.learner());
      EstimatorSettings s = new EstimatorSettings(l, c.folds(), 200, c.seed(), c.threads(), 0,
          dev.causal4j.effects.estimate.Matching.Distance.PROPENSITY, 0, 1);
      System.gc();
      List<MemoryPoolMXBean> heap = heapPools();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      Estimator e = EstimatorSelection.build(m, EffectData.of(problem), s);
      EffectEstimate r = e.estimate(problem);
      double secs = (System.nanoTime() - start) / 1e9;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      runs.add(new Run(m, l, secs, peak, r.estimate(), r.interval().lower(),
          r.interval().upper()));
    }
    return new Result(c, gen, runs, peakResident());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
  }

  /** {@code VmHWM} from {@code /proc/self/status} (Linux), in bytes; -1 elsewhere. */
  static long peakResident() {
    try {
      for (String line : java.nio.file.Files.readAllLines(
          java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
