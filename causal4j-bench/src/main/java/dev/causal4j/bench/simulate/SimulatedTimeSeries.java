package dev.causal4j.bench.simulate;

import dev.causal4j.data.Dataset;
import dev.causal4j.data.DomainColumn;
import dev.causal4j.data.TimeColumn;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedLaggedGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * What a time-series simulation produced.
 *
 * @param data the observed series: hidden ones left out, a time column {@code t} (0, 1, … within
 *     each series) and, for several series, a domain column {@code series} ({@code 1}, {@code 2},
 *     …)
 * @param truth the true time-series graph over every series (hidden ones flagged latent), each
 *     link's coefficient as its weight where the model has one
 */
public record SimulatedTimeSeries(Dataset data, AnnotatedLaggedGraph truth) {

  /** The true graph. */
  public LaggedGraph trueGraph() {
    return truth.graph();
  }

  /** Assembles the dataset of the observed series from {@code values[variable][row]}. */
  static SimulatedTimeSeries of(LaggedGraph g, AnnotatedLaggedGraph truth, double[][] values,
      int samples, int series, String source) {
    int total = samples * series;
    Dataset.Builder b = Dataset.builder(total).source(source);
    for (int v = 0; v < g.size(); v++) {
      if (!g.isLatent(v)) {
        b.addContinuous(g.variable(v), values[v]);
      }
    }
    double[] t = new double[total];
    for (int r = 0; r < total; r++) {
      t[r] = r % samples;
    }
    b.time(new TimeColumn("t", t));
    if (series > 1) {
      int[] labels = new int[total];
      List<String> levels = new ArrayList<>();
      for (int s = 0; s < series; s++) {
        levels.add(Integer.toString(s + 1));
      }
      for (int r = 0; r < total; r++) {
        labels[r] = r / samples;
      }
      b.domain(new DomainColumn("series", labels, levels));
    }
    return new SimulatedTimeSeries(b.build(), truth);
  }
}
