package dev.causal4j.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.Analysis;
import dev.causal4j.analyst.Analyst;
import dev.causal4j.analyst.TestData;
import dev.causal4j.analyst.explain.Explainer;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.run.Progress;
import dev.causal4j.analyst.run.Runner;
import dev.causal4j.effects.refute.EValue;
import dev.causal4j.effects.refute.RefuterKind;
import dev.causal4j.effects.refute.Refutation;
import dev.causal4j.effects.refute.RobustnessValue;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.io.AnnotatedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @Test
  void sachsReportIsSelfContainedAndHoldsEverySection() throws Exception {
    Analysis a = Reports.sachs();
    String html = HtmlReport.render(a, "causal4j analyze sachs.csv --out r");
    assertThat(html).contains("<svg id=\"graph\"", "class=\"hist\"", "id=\"plan\"",
        "id=\"profile\"", "id=\"reproduce\"", "causal4j analyze sachs.csv --out r");
    // Nothing is fetched: no external URL other than the SVG namespace, no script.
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://",
        "https://", "<script", "<link");
    // One histogram per variable; one arrowhead per DAG edge (DirectLiNGAM's marks).
    assertThat(html.split("class=\"hist\"", -1)).hasSize(a.profile().variables() + 1);
    int edges = a.discovery().bootstrap().ensemble().graph().edgeCount();
    assertThat(html.split("class=\"arrowhead\"", -1)).hasSize(edges + 1);
    assertThat(html).contains(a.explanation().graph().get(0));
  }

  @Test
  void marksAreDrawnAsTheGraphSays() {
    MutableGraph g = new MutableGraph(List.of("a", "b", "c", "d"), GraphKind.PAG);
    g.setEdge(0, 1, Endpoint.CIRCLE, Endpoint.ARROW);
    g.setEdge(1, 2, Endpoint.ARROW, Endpoint.ARROW);
    g.setEdge(2, 3, Endpoint.TAIL, Endpoint.TAIL);
    g.setEdge(0, 3, Endpoint.CIRCLE, Endpoint.CIRCLE);
    String svg = HtmlReport.graphSvg(g.snapshot(), AnnotatedGraph.withProbabilities(g.snapshot(),
        Map.of(new Edge(0, 1, Endpoint.CIRCLE, Endpoint.ARROW), 0.9)));
    // o-> : one circle one arrow; <-> : two arrows; --- : none; o-o : two circles.
    assertThat(svg.split("class=\"arrowhead\"", -1)).hasSize(1 + 3);
    assertThat(svg.split("class=\"circle-mark\"", -1)).hasSize(1 + 3);
    assertThat(svg.split("<line ", -1)).hasSize(1 + 4);
  }

  @Test
  void theReportHasTheEffectWithIntervalsAndItsRefutations() {
    Analysis a = Reports.effect();
    assertThat(a.effect()).isNotNull();
    // The learned graph identifies the effect by adjustment; a binary treatment gets AIPW,
    // regression adjustment and matching, all with finite intervals around their estimates.
    assertThat(a.effect().strategy()).isEqualTo("backdoor");
    assertThat(a.effect().estimates()).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(e -> assertThat(e.interval().lower()).isLessThan(e.estimate())
            .isGreaterThan(Double.NEGATIVE_INFINITY))
        .first().satisfies(e -> assertThat(e.method().label()).isEqualTo("aipw"));
    // The true effect is 2.0; each estimator's standard error here is about 0.08 (n = 800, unit
    // noise), so 0.4 is five of them.
    assertThat(a.effect().estimates()).allSatisfy(e -> assertThat(e.estimate())
        .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.4)));
    String html = HtmlReport.render(a, "causal4j analyze effect.csv");
    assertThat(html).contains("id=\"effect\"", "id=\"refutation\"", "id=\"effect-plot\"",
        "id=\"refutations\"");
    // The primary (AIPW) estimate gets the four re-running refuters and the E-value; regression
    // adjustment is among the estimators, so its robustness value follows.
    assertThat(a.effect().refutations()).extracting(r -> r.kind()).containsExactly(
        RefuterKind.PLACEBO_TREATMENT, RefuterKind.RANDOM_COMMON_CAUSE, RefuterKind.DATA_SUBSET,
        RefuterKind.DUMMY_OUTCOME, RefuterKind.E_VALUE, RefuterKind.ROBUSTNESS_VALUE);
    assertThat(a.effect().refutations().subList(0, 5))
        .allSatisfy(r -> assertThat(r.originalEstimate())
            .isEqualTo(a.effect().estimates().get(0).estimate()));
    // A permuted treatment has no effect whatever the confounding: the placebo must pass.
    assertThat(a.effect().refutations().get(0).verdict().passed()).isTrue();
    for (Refutation r : a.effect().refutations()) {
      assertThat(html).contains(HtmlReport.esc(r.summary()));
    }
    assertThat(html.split("<td class=\"(pass|fail)\">", -1)).hasSize(6 + 1);
    EValue ev = (EValue) a.effect().refutations().get(4);
    RobustnessValue rv = (RobustnessValue) a.effect().refutations().get(5);
    assertThat(a.explanation().effect()).anySatisfy(s -> assertThat(s)
        .startsWith("Refuted the aipw estimate: 20 runs of each re-running refuter, seed 1")
        .containsPattern("\\d of 6 checks pass"));
    assertThat(a.explanation().effect()).anySatisfy(s -> assertThat(s).contains(
        "a hidden confounder would need to explain").contains(Explainer.pct(rv.rv())));
    assertThat(a.explanation().effect()).anySatisfy(s -> assertThat(s).contains(
        String.format(java.util.Locale.ROOT, "%.2f", ev.point())).contains("E-value"));
    assertThat(html).doesNotContain("not available in this build");
  }

  @Test
  void lalondesGraphLeavesTheEffectOpenAndThereIsNothingToRefute() {
    // BOSS with the conditional-Gaussian BIC leaves edges at treat undirected on LaLonde's data:
    // the report gives every possible effect (IDA) instead of one estimate.
    PlanRequest r = new PlanRequest(java.util.Optional.of("treat"), java.util.Optional.of("re78"),
        dev.causal4j.knowledge.Knowledge.empty(), false, java.util.Optional.empty(),
        java.time.Duration.ofMinutes(5), 1, 2);
    Analysis a = Analyst.analyze(TestData.lalonde(), r, Progress.NONE);
    assertThat(a.effect().strategy()).isEqualTo("ida");
    assertThat(a.effect().possible()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(a.effect().refutations()).isEmpty();
    assertThat(a.effect().refutation()).contains("open between");
    assertThat(HtmlReport.render(a, "c")).contains("id=\"effect\"");
  }

  @Test
  void refutationsAreTheSameForTheSameSeed() {
    Analysis a = Reports.effect();
    Analysis b = Analyst.analyze(TestData.effect(), a.request(), Progress.NONE);
    assertThat(b.effect().refutations().stream().map(Refutation::summary).toList())
        .isEqualTo(a.effect().refutations().stream().map(Refutation::summary).toList());
  }

  @Test
  void resultJsonHoldsEverythingAndIsDeterministic(@TempDir Path dir) throws Exception {
    Analysis a = Reports.effect();
    String json = ResultJson.render(a, "cmd");
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("format").asText()).isEqualTo(ResultJson.FORMAT);
    assertThat(root.at("/profile/rows").asInt()).isEqualTo(800);
    assertThat(root.at("/plan/rulesVersion").asText()).startsWith("analyst-rules/");
    assertThat(root.at("/plan/steps").size()).isGreaterThan(3);
    assertThat(root.at("/discovery/bootstrap/ensemble").size()).isPositive();
    assertThat(root.at("/effect/treatment").asText()).isEqualTo("treat");
    assertThat(root.at("/effect/refutation").asText()).isEqualTo(a.effect().refutation());
    JsonNode refs = root.at("/effect/refutations");
    assertThat(refs.size()).isEqualTo(a.effect().refutations().size());
    assertThat(refs.get(0).get("name").asText()).isEqualTo("placebo");
    assertThat(refs.get(0).get("verdict").asText()).isIn("passes", "fails");
    assertThat(refs.get(0).get("values").size()).isEqualTo(Runner.REFUTE_RUNS);
    assertThat(refs.get(4).get("name").asText()).isEqualTo("e-value");
    assertThat(refs.get(4).get("point").asDouble()).isGreaterThanOrEqualTo(1);
    assertThat(refs.get(5).get("rv").asDouble()).isBetween(0.0, 1.0);
    assertThat(json).doesNotContain("NaN", "Infinity");

    Path out = dir.resolve("report");
    Path html = ReportWriter.write(out, a, "cmd", false);
    assertThat(html).exists();
    assertThat(out.resolve(ReportWriter.JSON)).exists();
    assertThatThrownBy(() -> ReportWriter.write(out, a, "cmd", false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists")
        .hasMessageContaining("--force");
    ReportWriter.write(out, a, "cmd", true);
    assertThat(Files.readString(out.resolve(ReportWriter.JSON)))
        .isEqualTo(ResultJson.render(a, "cmd"));
  }
}
