package dev.causal4j.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.analyst.Analysis;
import dev.causal4j.analyst.Analyst;
import dev.causal4j.analyst.TestData;
import dev.causal4j.analyst.plan.Plan;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.plan.Planner;
import dev.causal4j.analyst.plan.Statistic;
import dev.causal4j.analyst.profile.Profile;
import dev.causal4j.analyst.profile.Profiler;
import dev.causal4j.analyst.run.Progress;
import dev.causal4j.data.Dataset;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.LaggedGraph;
import org.junit.jupiter.api.Test;

/**
 * The time-series hand-off on a simulated SVAR with known links ({@code timeseries/svar.csv},
 * made by make_svar.py): x1(t−1) → x2, x2(t−2) → x3, x3(t) → x4 contemporaneously, and each
 * variable's own past (x3's to lag 2). At 400 time points each link's partial correlation is at
 * least 0.3, far above what α = 0.01 needs (about 0.13), so PCMCI+ must find all of them.
 */
class TimeSeriesReportTest {

  @Test
  void aDeclaredTimeColumnSendsThePlanToPcmciPlusWithTheLagFromThePacf() {
    Plan plan = Reports.svar().plan();
    assertThat(plan.timeSeries()).isNotNull();
    assertThat(plan.timeSeries().ruleId()).isEqualTo("time-series");
    assertThat(plan.timeSeries().test()).isEqualTo(Statistic.FISHER_Z);
    // x3's own second lag (0.3) makes its PACF significant at lag 2 and nowhere beyond.
    assertThat(plan.timeSeries().maxLag()).isEqualTo(2);
    assertThat(plan.timeSeries().orderColumn()).isNull();
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.decision())
        .startsWith("pcmci-plus with par-corr, max lag 2"));
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.reason())
        .contains("partial autocorrelation"));
  }

  @Test
  void theLaggedGraphHasTheSimulatedLinks() {
    LaggedGraph g = Reports.svar().timeSeries().graph();
    assertThat(g.variables()).containsExactly("x1", "x2", "x3", "x4");
    int x1 = g.indexOf("x1");
    int x2 = g.indexOf("x2");
    int x3 = g.indexOf("x3");
    int x4 = g.indexOf("x4");
    assertThat(g.link(x1, x2, 1)).hasValueSatisfying(l -> assertThat(l.atTo())
        .isEqualTo(Endpoint.ARROW));
    assertThat(g.link(x2, x3, 2)).hasValueSatisfying(l -> assertThat(l.atTo())
        .isEqualTo(Endpoint.ARROW));
    assertThat(g.hasLink(x3, x4, 0) || g.hasLink(x4, x3, 0)).isTrue();
    assertThat(g.link(x3, x3, 2)).isPresent();
    assertThat(Reports.svar().explanation().headline()).startsWith("PCMCI+ (Runge 2020) with"
        + " par-corr up to lag 2 found " + g.linkCount() + " links");
    assertThat(Reports.svar().explanation().graph()).contains(
        "x1(t-1) --> x2(t): x1 drives x2 one step later (p = "
            + String.format(java.util.Locale.ROOT, "%.2g", Reports.svar().timeSeries()
                .linkStatistics().pValue(x1, x2, 1)) + ").");
  }

  @Test
  void theReportDrawsTheLaggedGraphAndResultJsonCarriesIt() throws Exception {
    Analysis a = Reports.svar();
    String html = HtmlReport.render(a, "causal4j analyze svar.csv --time t");
    assertThat(html).contains("<section id=\"lagged-graph\">").contains("<svg id=\"lagged\"")
        .contains(">lag 1<").contains(">lag 2<").contains("x2(t-2)");
    int laggedSvg = html.indexOf("<svg id=\"lagged\"");
    String svg = html.substring(laggedSvg, html.indexOf("</svg>", laggedSvg));
    long arcs = a.timeSeries().graph().summary().stream().filter(s -> s.from() != s.to())
        .count();
    assertThat(svg.split("<line ", -1).length - 1).isEqualTo((int) arcs);
    JsonNode root = new ObjectMapper().readTree(ResultJson.render(a, "c"));
    JsonNode ts = root.get("time_series");
    assertThat(ts.get("algorithm").asText()).isEqualTo("pcmci-plus");
    assertThat(ts.get("max_lag").asInt()).isEqualTo(2);
    assertThat(ts.get("links")).anySatisfy(l -> {
      assertThat(l.get("from").asText()).isEqualTo("x2");
      assertThat(l.get("lag").asInt()).isEqualTo(2);
      assertThat(l.get("to").asText()).isEqualTo("x3");
      assertThat(l.get("p_value").asDouble()).isLessThan(0.01);
    });
    assertThat(root.at("/plan/timeSeries/maxLag").asInt()).isEqualTo(2);
  }

  @Test
  void anUndeclaredIndexColumnWithAutocorrelatedVariablesIsReadAsTimeAndLeftOut() {
    Dataset d = TestData.svar(false);
    Profile profile = Profiler.builder().build().profile(d);
    assertThat(profile.time().looksLikeTimeSeries()).isTrue();
    Plan plan = Planner.plan(profile, d, PlanRequest.discoveryOnly(1));
    assertThat(plan.timeSeries()).isNotNull();
    assertThat(plan.timeSeries().orderColumn()).isEqualTo("t");
    LaggedGraph g = Analyst.analyze(d, PlanRequest.discoveryOnly(2), Progress.NONE).timeSeries()
        .graph();
    assertThat(g.variables()).containsExactly("x1", "x2", "x3", "x4");
  }

  @Test
  void rowsWithoutTimeOrderGetNoTimeSeriesSearch() {
    assertThat(Reports.sachs().plan().timeSeries()).isNull();
    assertThat(Reports.sachs().timeSeries()).isNull();
  }
}
