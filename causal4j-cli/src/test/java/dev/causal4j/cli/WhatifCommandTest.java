package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.DatasetWriter;
import dev.causal4j.data.Variable;
import dev.causal4j.effects.scm.ConditionalTable;
import dev.causal4j.effects.scm.InterventionComparison;
import dev.causal4j.effects.scm.Intervention;
import dev.causal4j.effects.scm.LinearMechanism;
import dev.causal4j.effects.scm.NodeSummary;
import dev.causal4j.effects.scm.NoiseDistribution;
import dev.causal4j.effects.scm.ParentEncoding;
import dev.causal4j.effects.scm.StructuralCausalModel;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.GraphFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code causal4j whatif} end to end, on data simulated from a known mixed model (written to a
 * temporary CSV with an extra "id" column the graph does not have):
 *
 * <pre>
 *   smoker ~ Bernoulli(0.3) (no, yes)       age ~ N(50, 10²)
 *   tar    = 2 + 5·[smoker = yes] + 0.05·age + N(0, 1)
 *   risk   = 1 + 0.8·tar + 0.02·age + N(0, 0.5²)
 *   grade  ~ P(high | smoker = no) = 0.2, P(high | smoker = yes) = 0.6   (low, high)
 * </pre>
 */
class WhatifCommandTest {
  static final String GRAPH = """
      {"kind": "DAG", "nodes": ["smoker", "age", "tar", "risk", "grade"],
       "edges": [
         {"from": "smoker", "to": "tar", "edge": "-->"},
         {"from": "age", "to": "tar", "edge": "-->"},
         {"from": "tar", "to": "risk", "edge": "-->"},
         {"from": "age", "to": "risk", "edge": "-->"},
         {"from": "smoker", "to": "grade", "edge": "-->"}]}
      """;

  @TempDir static Path dir;
  static Path csv;
  static Path graph;

  @BeforeAll
  static void writeData() throws Exception {
    Graph g = GraphFiles.parse(GRAPH, "test", dev.causal4j.graph.io.GraphFormat.JSON).graph();
    Variable smoker = Variable.discrete("smoker", List.of("no", "yes"));
    Variable age = Variable.continuous("age");
    Variable tar = Variable.continuous("tar");
    Variable grade = Variable.discrete("grade", List.of("low", "high"));
    StructuralCausalModel truth = StructuralCausalModel.of(g,
        List.of(smoker, age, tar, Variable.continuous("risk"), grade), Map.of(
            "smoker", ConditionalTable.of(List.of(), smoker, new double[][] {{0.7, 0.3}}),
            "age", new LinearMechanism(new ParentEncoding(List.of()), 50, new double[0],
                new NoiseDistribution.Gaussian(10)),
            "tar", new LinearMechanism(new ParentEncoding(List.of(smoker, age)), 2,
                new double[] {5, 0.05}, new NoiseDistribution.Gaussian(1)),
            "risk", new LinearMechanism(new ParentEncoding(List.of(tar, age)), 1,
                new double[] {0.8, 0.02}, new NoiseDistribution.Gaussian(0.5)),
            "grade", ConditionalTable.of(List.of(smoker), grade,
                new double[][] {{0.8, 0.2}, {0.4, 0.6}})));
    Dataset sample = truth.sample(2_000, 1).toDataset();
    double[] id = new double[sample.rows()];
    for (int i = 0; i < id.length; i++) {
      id[i] = i + 1;
    }
    Dataset.Builder b = Dataset.builder(sample.rows()).addContinuous("id", id);
    for (int j = 0; j < sample.columns(); j++) {
      Variable v = sample.variable(j);
      if (v.isCategorical()) {
        b.addDiscrete(v.name(), sample.codes(j).clone(), v.levels());
      } else {
        b.addContinuous(v.name(), sample.doubles(j).clone());
      }
    }
    csv = dir.resolve("smoking.csv");
    DatasetWriter.csv().write(b.build(), csv);
    graph = dir.resolve("dag.json");
    Files.writeString(graph, GRAPH);
  }

  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  static JsonNode json(CommandRun r) throws Exception {
    r.assertOk();
    return new ObjectMapper().readTree(r.out());
  }

  /** The model the command fits, fitted here through the library for comparison. */
  static StructuralCausalModel fitted() {
    Dataset d = DataReader.read(csv);
    Graph g = GraphFiles.read(graph);
    return StructuralCausalModel.fit(g, d.selectColumns(g.nodeNames()));
  }

  @Test
  void helpShowsExamples() {
    CommandRun r = run("whatif", "--help").assertOk();
    assertThat(r.out()).contains("Examples:").contains("--do smoking=yes")
        .contains("--unit 17").contains("--shift").contains("--samples");
  }

  @Test
  void interventionalTextComparesEveryAffectedNode() {
    CommandRun r = run("whatif", csv.toString(), "--graph", graph.toString(), "--do", "tar=5")
        .assertOk();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("What if do(tar = 5)?\n").contains("Continuous nodes:")
        .contains("tar [set]").contains("\n  risk ");
    assertThat(r.out().replaceAll("\\s+", " ")).contains("fitted to 2000 rows of")
        .contains("10000 Monte-Carlo samples, seed 0")
        .contains("Unaffected (not descendants of the intervened variables, so their"
            + " distributions do not change): smoker, age, grade.")
        .contains("Ignored columns (not in the graph): id.");
  }

  @Test
  void jsonReportsTheLibrarysNumbers() throws Exception {
    JsonNode j = json(run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "tar=5", "--samples", "5000", "--seed", "3", "--format", "json"));
    assertThat(j.get("mode").asText()).isEqualTo("interventional");
    assertThat(j.get("interventions").get(0).asText()).isEqualTo("do(tar = 5)");
    assertThat(j.get("rows").asInt()).isEqualTo(2000);
    assertThat(j.get("ignored_columns").get(0).asText()).isEqualTo("id");
    InterventionComparison c = fitted().compare(List.of(Intervention.set("tar", 5)), 5000, 3);
    JsonNode risk = node(j, "risk");
    double expected = ((NodeSummary.Numeric) c.node("risk").interventional()).mean();
    assertThat(risk.get("interventional").get("mean").asDouble()).isEqualTo(expected);
    assertThat(risk.get("change").get("mean").asDouble())
        .isEqualTo(c.node("risk").change().get(0));
    // True E[risk | do(tar = 5)] = 1 + 0.8·5 + 0.02·50 = 6; the fit from 2,000 rows is within
    // 0.1 (coefficient SEs ~0.01 on tar, ~0.001 on age; Monte-Carlo SE ~0.007).
    assertThat(risk.get("interventional").get("mean").asDouble()).isCloseTo(6.0, within(0.1));
    // The data's own summary sits beside the model's: least squares reproduces the data's means,
    // so they differ by Monte-Carlo error (sd 2.2 / √5000 ≈ 0.03): 0.15 is five of it.
    assertThat(risk.get("data").get("mean").asDouble()).isCloseTo(
        risk.get("observational").get("mean").asDouble(), within(0.15));
    JsonNode age = node(j, "age");
    assertThat(age.get("affected").asBoolean()).isFalse();
    assertThat(age.get("change").get("mean").asDouble()).isZero();
    assertThat(node(j, "tar").get("interventional").get("sd").asDouble()).isZero();
    assertThat(node(j, "tar").get("intervened").asBoolean()).isTrue();
    assertThat(risk.get("interventional").get("quantiles").get("0.50")).isNotNull();
  }

  @Test
  void aDiscreteInterventionChangesLevelProbabilities() throws Exception {
    JsonNode j = json(run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "smoker=yes", "--format", "json"));
    JsonNode grade = node(j, "grade");
    // P(high | do(smoker = yes)) = 0.6; the fitted table from ~600 smokers has SE 0.02, plus
    // Monte-Carlo SE 0.005: within 0.08.
    assertThat(grade.get("interventional").get("probabilities").get("high").asDouble())
        .isCloseTo(0.6, within(0.08));
    assertThat(grade.get("change").get("high").get("probability").asDouble()).isPositive();
    CommandRun text = run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "smoker=yes").assertOk();
    assertThat(text.out()).contains("Discrete nodes (level probabilities):")
        .contains("smoker [set]").contains("grade");
  }

  @Test
  void aShiftMovesRiskByTheFittedCoefficientExactly() throws Exception {
    JsonNode j = json(run("whatif", csv.toString(), "--graph", graph.toString(), "--shift",
        "tar=+1", "--format", "json"));
    double coef = ((LinearMechanism) fitted().mechanism("risk")).coefficient("tar");
    // Linear model, common random numbers: every sample's risk moves by the coefficient.
    assertThat(node(j, "risk").get("change").get("mean").asDouble()).isCloseTo(coef,
        within(1e-9));
    assertThat(j.get("interventions").get(0).asText()).isEqualTo("tar := tar + 1");
  }

  @Test
  void aUnitsCounterfactualIsAPointWhereNoiseIsRecovered() throws Exception {
    Dataset d = DataReader.read(csv);
    int row = 2; // data row 3
    double tarObs = d.doubles(d.indexOf("tar"))[row];
    double riskObs = d.doubles(d.indexOf("risk"))[row];
    double coef = ((LinearMechanism) fitted().mechanism("risk")).coefficient("tar");
    JsonNode j = json(run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "tar=5", "--unit", "3", "--format", "json"));
    assertThat(j.get("mode").asText()).isEqualTo("counterfactual");
    assertThat(j.get("unit").asInt()).isEqualTo(3);
    JsonNode risk = node(j, "risk");
    assertThat(risk.get("point").asBoolean()).isTrue();
    assertThat(risk.get("noise").asText()).isEqualTo("recovered");
    assertThat(risk.get("observed").asDouble()).isEqualTo(riskObs);
    // Abduction keeps the unit's noise: risk' = risk + coef·(5 - tar).
    assertThat(risk.get("value").asDouble()).isCloseTo(riskObs + coef * (5 - tarObs),
        within(1e-9));
    assertThat(node(j, "grade").get("point").asBoolean()).isTrue();
    assertThat(node(j, "grade").get("value").asText())
        .isEqualTo(node(j, "grade").get("observed").asText());

    CommandRun text = run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "tar=5", "--unit", "3").assertOk();
    assertThat(text.out()).startsWith("Counterfactual for data row 3 under do(tar = 5):");
    assertThat(text.out().replaceAll("\\s+", " "))
        .contains("Points (exact, given the model): smoker, age, tar, risk, grade.")
        .contains("risk: additive noise recovered (u = ").contains("Assumptions:");
  }

  @Test
  void aDiscreteNodeWhoseParentChangesIsADistribution() throws Exception {
    Dataset d = DataReader.read(csv);
    int row = 0;
    while (d.codes(d.indexOf("smoker"))[row] != 0) {
      row++;
    }
    JsonNode j = json(run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "smoker=yes", "--unit", Integer.toString(row + 1), "--format", "json"));
    JsonNode grade = node(j, "grade");
    assertThat(grade.get("point").asBoolean()).isFalse();
    assertThat(grade.get("noise").asText()).isEqualTo("not_identifiable");
    assertThat(grade.has("value")).isFalse();
    assertThat(grade.get("distribution").get("probabilities").get("high").asDouble())
        .isBetween(0.4, 0.8);
    // tar's noise is recovered and its parents are points: a point, though smoker changed.
    assertThat(node(j, "tar").get("point").asBoolean()).isTrue();
    assertThat(j.get("coupling").asText()).isEqualTo("independent");
    CommandRun text = run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "smoker=yes", "--unit", Integer.toString(row + 1), "--coupling", "monotone")
        .assertOk();
    assertThat(text.out().replaceAll("\\s+", " ")).contains("Distributions, not points")
        .contains("grade: discrete:").contains("monotone coupling");
  }

  @Test
  void aValueOutsideTheDataIsFlaggedAsExtrapolation() throws Exception {
    CommandRun r = run("whatif", csv.toString(), "--graph", graph.toString(), "--do", "age=500")
        .assertOk();
    assertThat(r.out().replaceAll("\\s+", " ")).contains("Warning: do(age = 500) is outside"
        + " the range of age in the data [").contains("extrapolates");
    JsonNode j = json(run("whatif", csv.toString(), "--graph", graph.toString(), "--do",
        "age=50", "--format", "json"));
    assertThat(j.get("warnings")).isEmpty();
  }

  @Test
  void outWritesAFileAndRefusesToOverwrite() throws Exception {
    Path out = dir.resolve("whatif.json");
    Files.deleteIfExists(out);
    CommandRun r = run("whatif", csv.toString(), "--graph", graph.toString(), "--do", "tar=5",
        "--format", "json", "--out", out.toString()).assertOk();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"mode\" : \"interventional\"");
    run("whatif", csv.toString(), "--graph", graph.toString(), "--do", "tar=5", "--out",
        out.toString()).assertUserError("already exists", "--force");
  }

  @Test
  void badInputIsOneLineAndNamesTheProblem() throws Exception {
    String c = csv.toString();
    String g = graph.toString();
    run("whatif", c, "--graph", g).assertUserError("no intervention given", "--do");
    run("whatif", c, "--graph", g, "--do", "nicotine=1")
        .assertUserError("--do nicotine=1", "no variable named 'nicotine'");
    run("whatif", c, "--graph", g, "--do", "smoker=maybe")
        .assertUserError("'maybe' is not a level of 'smoker'", "no, yes");
    run("whatif", c, "--graph", g, "--do", "tar=lots")
        .assertUserError("'lots' is not a finite number");
    run("whatif", c, "--graph", g, "--do", "tar").assertUserError("is not NAME=VALUE");
    run("whatif", c, "--graph", g, "--shift", "smoker=1")
        .assertUserError("'smoker' is discrete", "--do smoker=LEVEL");
    run("whatif", c, "--graph", g, "--do", "tar=1", "--shift", "tar=1")
        .assertUserError("intervened on twice");
    run("whatif", c, "--graph", g, "--do", "tar=1", "--unit", "0")
        .assertUserError("--unit 0 is out of range", "2000 data rows (1..2000)");
    run("whatif", c, "--graph", g, "--do", "tar=1", "--unit", "2001")
        .assertUserError("--unit 2001 is out of range");
    run("whatif", c, "--graph", g, "--do", "tar=1", "--samples", "0")
        .assertUserError("--samples must be at least 1");
    run("whatif", c, "--graph", g, "--do", "tar=1", "--mechanism", "magic")
        .assertUserError("'magic' is not a mechanism");

    Path renamed = dir.resolve("renamed.txt");
    Files.writeString(renamed, "Smoker --> tar\nage --> tar\ntar --> Risk\n");
    run("whatif", c, "--graph", renamed.toString(), "--do", "tar=1")
        .assertUserError("'Smoker', 'Risk' are not columns", "'smoker'", "case-sensitive");

    Path cyclic = dir.resolve("cyclic.txt");
    Files.writeString(cyclic, "smoker --> tar\ntar --> risk\nrisk --> age\nage --> tar\n");
    run("whatif", c, "--graph", cyclic.toString(), "--do", "tar=1")
        .assertUserError("directed cycle", "tar --> risk --> age --> tar");

    Path cpdag = dir.resolve("cpdag.txt");
    Files.writeString(cpdag, "# kind: CPDAG\nsmoker --> tar\nage --> tar\ntar --> risk\n"
        + "age --> risk\nsmoker --- grade\n");
    run("whatif", c, "--graph", cpdag.toString(), "--do", "tar=1")
        .assertUserError("the graph is a CPDAG", "pick a DAG in its class");

    Path pag = dir.resolve("pag.txt");
    Files.writeString(pag, "# kind: PAG\nsmoker o-> tar\nage --> tar\ntar --> risk\n");
    run("whatif", c, "--graph", pag.toString(), "--do", "tar=1")
        .assertUserError("the graph is a PAG", "give a DAG");
  }

  private static JsonNode node(JsonNode root, String name) {
    for (JsonNode n : root.get("nodes")) {
      if (n.get("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no node " + name);
  }
}
