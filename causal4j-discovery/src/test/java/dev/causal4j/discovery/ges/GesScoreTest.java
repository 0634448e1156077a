package dev.causal4j.discovery.ges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.ReadOptions;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.graph.Cpdag;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.CachedScore;
import dev.causal4j.score.LinearGaussianBicScore;
import dev.causal4j.score.Score;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Scores built from data ({@link GesScore}): BDeu on a discrete network sample, and the messages a
 * wrong choice gets; also the builder's own bad-input messages.
 */
class GesScoreTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = GesScoreTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Dataset sachs() throws IOException {
    return DataReader.readText(resource("sachs_10000.csv"), "sachs_10000.csv",
        ReadOptions.defaults());
  }

  /**
   * 10,000 samples of the Sachs network (11 three-level variables, 17 arcs): FGES and GES with
   * BDeu return its CPDAG exactly (measured: also with equivalent sample size 10 and with a
   * structure prior of 1 expected parent; and for the 20-node Child network).
   */
  @Test
  void bdeuRecoversTheSachsNetwork() throws IOException {
    Dataset data = sachs();
    MutableGraph dag = new MutableGraph(data.names(), GraphKind.DAG);
    List<String> lines = resource("sachs_true_dag_edges.csv").lines().toList();
    for (String line : lines.subList(1, lines.size())) {
      String[] t = line.split(",");
      dag.addDirectedEdge(dag.requireIndex(t[0]), dag.requireIndex(t[1]));
    }
    assertThat(GesScore.forData(data)).isEqualTo(GesScore.BDEU);
    Score score = GesScore.BDEU.build(data, GesScore.Settings.defaults());
    assertThat(score).isInstanceOf(CachedScore.class);
    Graph truth = Cpdag.of(dag);
    DiscoveryResult fges = Fges.builder(score).threads(2).build().search();
    assertThat(fges.graph()).isEqualTo(truth);
    assertThat(Fges.builder(score).variant(Fges.Variant.GES).build().search().graph())
        .isEqualTo(truth);
    assertThat(Fges.builder(score).faithfulnessAssumed(true).build().search().graph())
        .isEqualTo(truth);
  }

  @Test
  void discreteDataWithTheLinearBicNamesTheColumnAndBdeu() throws IOException {
    Dataset data = sachs();
    assertThatThrownBy(() -> GesScore.BIC.build(data, GesScore.Settings.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Akt' in sachs_10000.csv is discrete")
        .hasMessageContaining("--score bdeu");
  }

  @Test
  void continuousDataWithBdeuNamesTheColumnAndBic() {
    Dataset data = DataReader.readText("a,b\n0.5,1.25\n1.5,2.75\n2.5,0.5\n", "x.csv",
        ReadOptions.defaults());
    assertThatThrownBy(() -> GesScore.BDEU.build(data, GesScore.Settings.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'a' in x.csv is continuous")
        .hasMessageContaining("--score bic");
    Score bic = GesScore.BIC.build(data, GesScore.Settings.defaults().withPenaltyDiscount(1));
    assertThat(bic).isInstanceOf(LinearGaussianBicScore.class);
    assertThat(((LinearGaussianBicScore) bic).penaltyDiscount()).isEqualTo(1.0);
  }

  @Test
  void mixedDataPointToTheConditionalGaussianBic() {
    Dataset data = DataReader.readText("a,b\n0.5,x\n1.5,y\n2.5,x\n3.5,y\n", "m.csv",
        ReadOptions.defaults());
    assertThat(GesScore.forData(data)).isEqualTo(GesScore.CG_BIC);
    assertThatThrownBy(() -> GesScore.BIC.build(data, GesScore.Settings.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'b' in m.csv")
        .hasMessageContaining("--score cg-bic");
    assertThatThrownBy(() -> GesScore.BDEU.build(data, GesScore.Settings.defaults()))
        .hasMessageContaining("'a' in m.csv is continuous")
        .hasMessageContaining("--score cg-bic");
    assertThat(GesScore.CG_BIC.build(data, GesScore.Settings.defaults())).isNotNull();
  }

  @Test
  void missingValuesAreRefusedWithTheWayOut() {
    Dataset data = DataReader.readText("a,b\n0.5,1\n,2\n2.5,3\n4,1\n", "g.csv",
        ReadOptions.defaults());
    assertThatThrownBy(() -> GesScore.BIC.build(data, GesScore.Settings.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'a' in g.csv has 1 missing value")
        .hasMessageContaining("--missing listwise");
  }

  @Test
  void unknownScoreNamesTheChoices() {
    assertThat(GesScore.fromLabel(" CG-BIC ")).isEqualTo(GesScore.CG_BIC);
    assertThatThrownBy(() -> GesScore.fromLabel("aic"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("'aic' is not a score; use bic, bdeu or cg-bic");
  }

  @Test
  void builderOptionsOutOfRangeSayWhatToDo() throws IOException {
    Score score = GesScore.BDEU.build(sachs(), GesScore.Settings.defaults());
    assertThatThrownBy(() -> Fges.builder(score).threads(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--threads");
    assertThatThrownBy(() -> Fges.builder(score).maxDegree(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--max-degree");
    assertThatThrownBy(() -> Fges.builder(score).variant(Fges.Variant.GES)
        .faithfulnessAssumed(true).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("faithfulness heuristic is an FGES option");
    Knowledge unknown = Knowledge.builder().forbid("Akt", "Erkk").build();
    assertThatThrownBy(() -> Fges.builder(score).knowledge(unknown).build().search())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Erkk' (did you mean 'Erk'?)");
  }

  @Test
  void anInterruptStopsTheSearchCleanly() throws IOException {
    Score score = GesScore.BDEU.build(sachs(), GesScore.Settings.defaults());
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Fges.builder(score).build().search())
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
