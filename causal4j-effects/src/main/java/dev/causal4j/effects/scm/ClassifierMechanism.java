package dev.causal4j.effects.scm;

import java.util.List;
import java.util.Objects;

/**
 * A discrete node drawn from a learned classifier's {@code P(X | parents)}: what a discrete node
 * with continuous parents needs, where a conditional table has no rows to count.
 */
public final class ClassifierMechanism implements CategoricalMechanism {
  private final ParentEncoding encoding;
  private final List<String> levels;
  private final ClassProbabilities classifier;
  private final String learner;

  public ClassifierMechanism(ParentEncoding encoding, List<String> levels,
      ClassProbabilities classifier, String learner) {
    this.encoding = Objects.requireNonNull(encoding);
    this.levels = List.copyOf(levels);
    this.classifier = Objects.requireNonNull(classifier);
    this.learner = Objects.requireNonNull(learner);
  }

  @Override
  public ParentEncoding encoding() {
    return encoding;
  }

  @Override
  public List<String> levels() {
    return levels;
  }

  /** The learner's name. */
  public String learner() {
    return learner;
  }

  @Override
  public void probabilities(double[][] parentColumns, int n, double[] out) {
    classifier.predict(encoding.encode(parentColumns, n), levels.size(), out);
  }

  @Override
  public String describe() {
    return learner + " classifier on " + parents() + " over levels " + levels;
  }
}
