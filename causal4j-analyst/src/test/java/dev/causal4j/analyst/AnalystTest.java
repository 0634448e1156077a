package dev.causal4j.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.causal4j.analyst.explain.Explainer;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.run.Progress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AnalystTest {

  @Test
  void sachsSameAnswerOnOneOrTwoThreadsAndProgressIsReported() {
    AtomicLong steps = new AtomicLong();
    Progress counting = new Progress() {
      @Override
      public void stage(String name, long units) {}

      @Override
      public void advance() {
        steps.incrementAndGet();
      }
    };
    Analysis one = Analyst.analyze(TestData.sachs(), PlanRequest.discoveryOnly(1), counting);
    Analysis two = Analyst.analyze(TestData.sachs(), PlanRequest.discoveryOnly(2),
        Progress.NONE);
    assertThat(Explainer.edgeLines(two.discovery().bootstrap()))
        .isEqualTo(Explainer.edgeLines(one.discovery().bootstrap()));
    assertThat(two.explanation()).isEqualTo(one.explanation());
    assertThat(one.plan().ruleId()).isEqualTo("non-gaussian");
    // profile + search on all rows + one per bootstrap run
    assertThat(steps.get()).isEqualTo(2 + one.plan().bootstrapSamples());
    assertThat(one.discovery().bootstrap().succeeded()).isEqualTo(one.plan().bootstrapSamples());
    // The strongest edges of the consensus network (Sachs et al. 2005) are found: Raf–Mek,
    // PLCg–PIP3 and PIP2–PIP3, each in most bootstrap runs.
    assertThat(one.explanation().graph()).anySatisfy(s -> assertThat(s).contains("pmek")
        .contains("praf"));
    assertThat(Explainer.edgeLines(one.discovery().bootstrap()))
        .anySatisfy(l -> assertThat(l.from() + l.to()).isIn("PIP2PIP3", "PIP3PIP2"));
    assertThat(one.effect()).isNull();
  }
}
