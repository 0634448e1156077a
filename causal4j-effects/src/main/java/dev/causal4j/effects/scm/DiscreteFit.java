package dev.causal4j.effects.scm;

import java.util.Objects;

/** How a discrete node's mechanism is fitted. */
public sealed interface DiscreteFit {

  /**
   * A conditional probability table, shrunk towards the node's marginal by {@code pseudoCount}
   * (see {@link ConditionalTable}); needs discrete parents.
   */
  record Table(double pseudoCount) implements DiscreteFit {
    public Table {
      if (!(pseudoCount >= 0) || !Double.isFinite(pseudoCount)) {
        throw new IllegalArgumentException("pseudo-count must be finite and >= 0: "
            + pseudoCount);
      }
    }
  }

  /** A learned probabilistic classifier on the encoded parents. */
  record Learned(ClassificationLearner learner) implements DiscreteFit {
    public Learned {
      Objects.requireNonNull(learner);
    }
  }

  /**
   * A table (with {@code pseudoCount}) where every parent is discrete, the learned classifier
   * where some parent is continuous: exact counting where it is possible, a model where it is
   * not.
   */
  record TableOrLearned(double pseudoCount, ClassificationLearner learner)
      implements DiscreteFit {
    public TableOrLearned {
      if (!(pseudoCount >= 0) || !Double.isFinite(pseudoCount)) {
        throw new IllegalArgumentException("pseudo-count must be finite and >= 0: "
            + pseudoCount);
      }
      Objects.requireNonNull(learner);
    }
  }

  /** A table with one pseudo-count: the default. */
  static DiscreteFit table() {
    return new Table(1);
  }

  static DiscreteFit table(double pseudoCount) {
    return new Table(pseudoCount);
  }

  static DiscreteFit learned(ClassificationLearner learner) {
    return new Learned(learner);
  }
}
