package dev.causal4j.graph.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFormatsTest {

  /** Every mark combination up to reversal (six), a latent node and an isolated node. */
  static Graph everyEdgeType() {
    MutableGraph g = new MutableGraph(
        List.of("A", "B", "C", "D", "E", "F", "G", "L", "Iso"), GraphKind.GENERAL);
    g.addDirectedEdge(0, 1); // A --> B
    g.addUndirectedEdge(1, 2); // B --- C
    g.addBidirectedEdge(2, 3); // C <-> D
    g.setEdge(3, 4, Endpoint.CIRCLE, Endpoint.ARROW); // D o-> E
    g.addNondirectedEdge(4, 5); // E o-o F
    g.setEdge(6, 5, Endpoint.TAIL, Endpoint.CIRCLE); // G --o F
    g.addDirectedEdge(7, 0); // L --> A
    g.setLatent(7, true);
    return g.snapshot();
  }

  @Test
  void jsonRoundTripKeepsEveryEdgeTypeLatentsAndAnnotations() {
    Graph g = everyEdgeType();
    AnnotatedGraph annotated = AnnotatedGraph.builder(g)
        .probability(0, 1, 0.875).lag(0, 1, 2).probability(4, 5, 0.1).lag(7, 0, 0)
        .weight(7, 0, -1.25).build();
    String json = GraphJson.write(annotated);
    AnnotatedGraph back = GraphJson.readAnnotated(json, "g.json");
    assertThat(back).isEqualTo(annotated);
    assertThat(back.graph().kind()).isEqualTo(GraphKind.GENERAL);
    assertThat(back.graph().isLatent(back.graph().indexOf("L"))).isTrue();
    assertThat(back.annotation(back.graph().indexOf("B"), back.graph().indexOf("A")).lag())
        .hasValue(2);
    assertThat(back.annotation(back.graph().indexOf("L"), back.graph().indexOf("A")).weight())
        .hasValue(-1.25);
    assertThat(GraphJson.write(back)).isEqualTo(json);
  }

  @Test
  void jsonIsWrittenExactlyInTheDocumentedLayout() {
    MutableGraph g = new MutableGraph(List.of("A", "B", "C \"q\""), GraphKind.CPDAG);
    g.addDirectedEdge(1, 0).addUndirectedEdge(1, 2);
    String json = GraphJson.write(AnnotatedGraph.builder(g).probability(0, 1, 0.5).build());
    assertThat(json).isEqualTo("""
        {
          "kind": "CPDAG",
          "nodes": ["A", "B", "C \\"q\\""],
          "edges": [
            {"from": "B", "to": "A", "edge": "-->", "probability": 0.5},
            {"from": "B", "to": "C \\"q\\"", "edge": "---"}
          ]
        }
        """);
    Graph empty = new MutableGraph(List.of("X"), GraphKind.DAG);
    assertThat(GraphJson.write(empty))
        .isEqualTo("{\n  \"kind\": \"DAG\",\n  \"nodes\": [\"X\"],\n  \"edges\": []\n}\n");
  }

  @Test
  void jsonReaderAcceptsReversedSymbolsAndMissingKind() {
    Graph g = GraphJson.read("""
        {"nodes": ["A", "B", "C"], "edges": [
          {"from": "B", "to": "A", "edge": "<--"}, {"from": "C", "to": "B", "edge": "<-o"}]}
        """, "x.json");
    assertThat(g.kind()).isEqualTo(GraphKind.GENERAL);
    assertThat(g.isDirected(0, 1)).isTrue();
    // C <-o B: an arrowhead at C, a circle at B (endpoint(x, y) is the mark at y).
    assertThat(g.endpoint(1, 2)).isEqualTo(Endpoint.ARROW);
    assertThat(g.endpoint(2, 1)).isEqualTo(Endpoint.CIRCLE);
  }

  @Test
  void tetradTextIsWrittenAsTetradWritesIt() {
    String text = TetradGraphText.write(everyEdgeType());
    assertThat(text).isEqualTo("""
        Graph Nodes:
        A;B;C;D;E;F;G;(L);Iso

        Graph Edges:
        1. A --> B
        2. B --- C
        3. C <-> D
        4. D o-> E
        5. E o-o F
        6. G --o F
        7. L --> A

        """);
    AnnotatedGraph back = TetradGraphText.readAnnotated(text, "g.txt", GraphKind.GENERAL);
    assertThat(back.graph()).isEqualTo(everyEdgeType());
  }

  @Test
  void tetradReaderSkipsPropertiesBootstrapAndOtherSections() {
    // As Tetrad 7 writes a bootstrapped PAG: comma-separated (older) nodes are accepted too.
    String text = """

        Graph Nodes:
        X1,X2;X3

        Graph Edges:
        1. X1 --> X2 [no edge]:0.1000;[X1 --> X2]:0.9000;[edge]:0.9000 dd nl
        2. X3 <-o X2 pd

        Graph Attributes:
        BIC: -1234.5
        """;
    AnnotatedGraph g = TetradGraphText.readAnnotated(text, "boot.txt", GraphKind.PAG);
    Graph graph = g.graph();
    assertThat(graph.kind()).isEqualTo(GraphKind.PAG);
    assertThat(graph.isDirected(0, 1)).isTrue();
    assertThat(graph.endpoint(2, 1)).isEqualTo(Endpoint.CIRCLE);
    assertThat(graph.endpoint(1, 2)).isEqualTo(Endpoint.ARROW);
    assertThat(g.annotation(0, 1).probability()).hasValue(0.9);
    assertThat(g.annotation(1, 2).isEmpty()).isTrue();
  }

  @Test
  void edgeListRoundTripKeepsEveryEdgeTypeLatentsIsolatedNodesAndKind() {
    String text = EdgeListText.write(everyEdgeType());
    assertThat(text).isEqualTo("""
        # kind: GENERAL
        A --> B
        B --- C
        C <-> D
        D o-> E
        E o-o F
        G --o F
        (L) --> A
        Iso
        """);
    assertThat(EdgeListText.read(text, "g.edges")).isEqualTo(everyEdgeType());
    Graph dag = EdgeListText.read("# a comment\n# kind: dag\nA --> B   # trailing\n\nC\n", "d");
    assertThat(dag.kind()).isEqualTo(GraphKind.DAG);
    assertThat(dag.nodeNames()).containsExactly("A", "B", "C");
  }

  @Test
  void randomGraphsWithRandomMarksRoundTripThroughEveryReadableFormat() {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(11);
    Endpoint[] marks = Endpoint.values();
    for (int rep = 0; rep < 30; rep++) {
      Graph skeleton = RandomGraphs.erdosRenyiDag(12, 3, rng);
      MutableGraph g = new MutableGraph(skeleton.nodeNames(), GraphKind.GENERAL);
      skeleton.edges().forEach(e -> g.setEdge(e.from(), e.to(),
          marks[rng.nextInt(3)], marks[rng.nextInt(3)]));
      g.setLatent(rng.nextInt(12), true);
      Graph graph = g.snapshot();
      assertThat(GraphJson.read(GraphJson.write(graph), "r")).isEqualTo(graph);
      assertThat(TetradGraphText.read(TetradGraphText.write(graph), "r")).isEqualTo(graph);
      assertThat(EdgeListText.read(EdgeListText.write(graph), "r")).isEqualTo(graph);
    }
  }

  @Test
  void dotDrawsBothMarksOfEveryEdgeAndDashesLatents() {
    AnnotatedGraph g = AnnotatedGraph.builder(everyEdgeType()).probability(0, 1, 0.875).build();
    assertThat(DotWriter.write(g)).isEqualTo("""
        digraph g {
          "A";
          "B";
          "C";
          "D";
          "E";
          "F";
          "G";
          "L" [style=dashed];
          "Iso";
          "A" -> "B" [dir=both, arrowtail=none, arrowhead=normal, label="0.88"];
          "B" -> "C" [dir=both, arrowtail=none, arrowhead=none];
          "C" -> "D" [dir=both, arrowtail=normal, arrowhead=normal];
          "D" -> "E" [dir=both, arrowtail=odot, arrowhead=normal];
          "E" -> "F" [dir=both, arrowtail=odot, arrowhead=odot];
          "G" -> "F" [dir=both, arrowtail=none, arrowhead=odot];
          "L" -> "A" [dir=both, arrowtail=none, arrowhead=normal, style=dashed];
        }
        """);
  }

  @Test
  void filesPickTheFormatFromTheExtensionOrTheContent(@TempDir Path dir) throws Exception {
    Graph g = everyEdgeType();
    for (String name : List.of("g.json", "g.txt", "g.edges", "g.tetrad")) {
      Path f = dir.resolve(name);
      GraphFiles.write(g, f);
      assertThat(GraphFiles.read(f)).as(name).isEqualTo(g);
    }
    assertThat(Files.readString(dir.resolve("g.txt"))).startsWith("Graph Nodes:");
    // Content decides when the extension says nothing.
    Files.writeString(dir.resolve("a.graph"), GraphJson.write(g));
    Files.writeString(dir.resolve("b.graph"), TetradGraphText.write(g));
    Files.writeString(dir.resolve("c.graph"), EdgeListText.write(g));
    for (String name : List.of("a.graph", "b.graph", "c.graph")) {
      assertThat(GraphFiles.read(dir.resolve(name))).as(name).isEqualTo(g);
    }
    GraphFiles.write(g, dir.resolve("g.dot"));
    assertThatThrownBy(() -> GraphFiles.read(dir.resolve("g.dot")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be read back");
    assertThatThrownBy(() -> GraphFiles.read(dir.resolve("missing.json")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing.json: no such file");
  }

  // ---- bad input: each message names the file, the line and the fix ----

  private static void assertJsonError(String json, String... fragments) {
    assertThatThrownBy(() -> GraphJson.read(json, "est.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("est.json")
        .hasMessageContainingAll(fragments)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumn() {
    assertJsonError("{\n  \"nodes\": [\"A\" \"B\"],\n  \"edges\": []\n}",
        "est.json, line 2, column", "malformed JSON");
    assertJsonError("", "must be a JSON object");
    assertJsonError("[1, 2]", "must be a JSON object");
  }

  @Test
  void semanticJsonErrorsNameTheLineAndTheFix() {
    String head = "{\"kind\": \"DAG\", \"nodes\": [\"A\", \"B\", \"C\"],\n\"edges\": [\n";
    assertJsonError(head + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"=>\"}]}",
        "line 3", "unknown edge symbol '=>'", "use one of -->");
    assertJsonError(head + "{\"from\": \"A\", \"to\": \"Q\", \"edge\": \"-->\"}]}",
        "line 3", "node 'Q', which is not in the node list");
    assertJsonError(head + "{\"from\": \"A\", \"to\": \"A\", \"edge\": \"-->\"}]}",
        "line 3", "self-loop");
    assertJsonError(head + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"-->\"},\n"
        + "{\"from\": \"B\", \"to\": \"A\", \"edge\": \"-->\"}]}",
        "line 4", "second edge joins 'B' and 'A' (the first is on line 3)");
    assertJsonError("{\"nodes\": [\"A\",\n\"A\"], \"edges\": []}", "line 2", "'A' is listed twice");
    assertJsonError(head + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"---\"}]}",
        "line 3", "labelled DAG but has the edge 'A --- B'");
    assertJsonError(head + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"-->\"},\n"
        + "{\"from\": \"B\", \"to\": \"A\", \"edge\": \"-->\", \"colour\": 2}]}",
        "line 4", "unknown edge field \"colour\"");
    assertJsonError("{\"kind\": \"DAG\", \"nodes\": [\"A\", \"B\"], \"edges\": [\n"
        + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"-->\", \"probability\": 1.5}]}",
        "line 2", "must be in [0, 1]");
    assertJsonError("{\"kind\": \"tree\", \"nodes\": [], \"edges\": []}", "unknown kind \"tree\"");
    assertJsonError("{\"nodes\": [\"A\"], \"latent\": [\"Z\"], \"edges\": []}",
        "latent node 'Z' is not among the nodes");
    assertJsonError("{\"nodes\": [\"A\"]}", "no \"edges\" list");
    assertJsonError("{\"kind\": \"DAG\", \"nodes\": [\"A\", \"B\"], \"edges\": [\n"
        + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"-->\"},"
        + "{\"from\": \"B\", \"to\": \"C\", \"edge\": \"-->\"}]}", "'C'");
    assertJsonError("{\"kind\": \"DAG\", \"nodes\": [\"A\", \"B\", \"C\"], \"edges\": [\n"
        + "{\"from\": \"A\", \"to\": \"B\", \"edge\": \"-->\"},"
        + "{\"from\": \"B\", \"to\": \"C\", \"edge\": \"-->\"},"
        + "{\"from\": \"C\", \"to\": \"A\", \"edge\": \"-->\"}]}", "directed cycle A --> B --> C --> A");
  }

  @Test
  void tetradAndEdgeListErrorsNameTheLine() {
    assertThatThrownBy(() -> TetradGraphText.read(
        "Graph Nodes:\nA;B\n\nGraph Edges:\n1. A --> B\n2. B ~~> A\n", "t.txt"))
        .hasMessage("t.txt, line 6: edge 'B ~~> A' has the unknown edge symbol '~~>'; use one of"
            + " -->, <--, ---, <->, o->, <-o, o-o");
    assertThatThrownBy(() -> TetradGraphText.read(
        "Graph Nodes:\nA;B\n\nGraph Edges:\n1. A --> C\n", "t.txt"))
        .hasMessageStartingWith("t.txt, line 5: edge 'A --> C' names node 'C'");
    assertThatThrownBy(() -> TetradGraphText.read("A --> B\n", "t.txt"))
        .hasMessageContaining("no 'Graph Nodes:' line");
    assertThatThrownBy(() -> EdgeListText.read("A --> B\nB --> A\n", "e.edges"))
        .hasMessageStartingWith("e.edges, line 2: a second edge joins 'B' and 'A'");
    assertThatThrownBy(() -> EdgeListText.read("A --> B\nA B\n", "e.edges"))
        .hasMessageStartingWith("e.edges, line 2: 'A B' is neither an edge");
    assertThatThrownBy(() -> EdgeListText.read("(L) --> B\nL --> C\n", "e.edges"))
        .hasMessageStartingWith("e.edges, line 2: node 'L' is written both as latent");
    assertThatThrownBy(() -> EdgeListText.read("A --> A\n", "e.edges"))
        .hasMessageContaining("self-loop");
  }

  @Test
  void writersRefuseNamesTheirFormatCannotHold() {
    Graph g = new MutableGraph(List.of("has space", "B"));
    assertThatThrownBy(() -> TetradGraphText.write(g)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("write JSON instead");
    assertThatThrownBy(() -> EdgeListText.write(g)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("write JSON instead");
    assertThat(GraphJson.read(GraphJson.write(g), "x")).isEqualTo(g);
  }
}
