package dev.causal4j.effects.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plumbing of learned mechanisms (cross-fitted residuals, features, seeds), with a learner
 * whose answer is known: ordinary least squares wrapped as a {@link RegressionLearner}.
 */
class LearnedMechanismTest {

  /** OLS as a learner, recording the training-set sizes it was called with. */
  static final class OlsLearner implements RegressionLearner {
    final List<Integer> calls = new ArrayList<>();

    @Override
    public ConditionalMean fit(double[][] features, double[] y, long seed) {
      calls.add(y.length);
      List<String> names = new ArrayList<>();
      for (int f = 0; f < (features.length == 0 ? 0 : features[0].length); f++) {
        names.add("f" + f);
      }
      LeastSquares.Fit fit = LeastSquares.fit(features, y, "test", names);
      return (x, out) -> {
        for (int i = 0; i < x.length; i++) {
          double v = fit.intercept();
          for (int f = 0; f < x[i].length; f++) {
            v += fit.coefficients()[f] * x[i][f];
          }
          out[i] = v;
        }
      };
    }

    @Override
    public String name() {
      return "ols";
    }
  }

  @Test
  void learnedRegressionIsCrossFittedAndPlugsIntoInterventions() {
    Dataset data = LinearScmTest.truth().sample(5_000, 21).toDataset();
    OlsLearner learner = new OlsLearner();
    StructuralCausalModel m = StructuralCausalModel.builder(LinearScmTest.G, data)
        .node("C", ContinuousFit.learned(learner)).folds(5).fit();
    // Five folds of 4,000 training rows, then the final fit on all 5,000.
    assertThat(learner.calls).containsExactly(4_000, 4_000, 4_000, 4_000, 4_000, 5_000);
    RegressionMechanism c = (RegressionMechanism) m.mechanism("C");
    assertThat(c.describe()).startsWith("ols on [A, B, S]");
    NoiseDistribution.Empirical noise = (NoiseDistribution.Empirical) c.noise();
    assertThat(noise.residuals()).hasSize(5_000);
    // Out-of-fold residuals of a correct linear model have the noise's sd, 1 (SE ≈ 0.01).
    assertThat(noise.standardDeviation()).isCloseTo(1.0, within(0.05));
    // Same model as the linear fit, so the same interventional answers up to the fits' noise.
    StructuralCausalModel lin = StructuralCausalModel.fit(LinearScmTest.G, data);
    List<Intervention> doA = List.of(Intervention.set("A", 1));
    double learned = ((NodeSummary.Numeric) m.interventional("D", doA, 20_000, 1)).mean();
    double linear = ((NodeSummary.Numeric) lin.interventional("D", doA, 20_000, 1)).mean();
    assertThat(learned).isCloseTo(linear, within(0.03));
  }

  /** A classifier that ignores its features: the training labels' frequencies. */
  static final class FrequencyClassifier implements ClassificationLearner {
    @Override
    public ClassProbabilities fit(double[][] features, int[] labels, int levels, long seed) {
      double[] p = new double[levels];
      for (int l : labels) {
        p[l] += 1.0 / labels.length;
      }
      return (x, k, out) -> {
        for (int i = 0; i < x.length; i++) {
          System.arraycopy(p, 0, out, i * k, k);
        }
      };
    }

    @Override
    public String name() {
      return "frequencies";
    }
  }

  @Test
  void tablesWhereParentsAreDiscreteAndTheClassifierElsewhere() {
    Dataset data = LinearScmTest.truth().sample(1_000, 3).toDataset();
    // S is discrete; in this graph it has the continuous parent A, so it needs the classifier.
    dev.causal4j.graph.Graph g = Models.dag("A --> S; A --> B");
    StructuralCausalModel m = StructuralCausalModel.builder(g, data)
        .discrete(new DiscreteFit.TableOrLearned(1, new FrequencyClassifier())).fit();
    assertThat(m.mechanism("S")).isInstanceOf(ClassifierMechanism.class);
    assertThat(m.mechanism("S").describe()).startsWith("frequencies classifier on [A]");
    dev.causal4j.graph.Graph root = Models.dag("S --> B");
    StructuralCausalModel r = StructuralCausalModel.builder(root, data)
        .discrete(new DiscreteFit.TableOrLearned(1, new FrequencyClassifier())).fit();
    assertThat(r.mechanism("S")).isInstanceOf(ConditionalTable.class);
    // The frequency classifier gives P(S = yes) = the data's share (about 0.3) whatever A is.
    NodeSummary.Levels s = (NodeSummary.Levels) m.interventional("S",
        List.of(Intervention.set("A", 10)), 20_000, 1);
    assertThat(s.probability("yes")).isCloseTo(0.3, within(0.05));
  }
}
