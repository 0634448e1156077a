package dev.causal4j.graph;

import static dev.causal4j.graph.TestGraphs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.FciOrientation.Orientation;
import dev.causal4j.graph.FciOrientation.Rule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.junit.jupiter.api.Test;

class PagTest {

  /** The rules that fired while orienting the MAG's skeleton with the MAG as oracle. */
  private static Set<Rule> rulesUsed(Graph mag) {
    MutableGraph g = TestGraphs.circleSkeleton(mag);
    List<Orientation> trace = FciOrientation.orient(g, TestGraphs.sepsetsOf(mag));
    assertThat(g).isEqualTo(Pag.ofMag(mag));
    Set<Rule> used = EnumSet.noneOf(Rule.class);
    trace.forEach(o -> used.add(o.rule()));
    return used;
  }

  private static void assertPagOfDag(Graph dag, String expected, Rule... mustFire) {
    Graph pag = Pag.ofDag(dag);
    assertThat(pag).isEqualTo(parse(expected));
    assertThat(pag.kind()).isEqualTo(GraphKind.PAG);
    // The hand-worked answer is also the class found by brute force.
    Graph mag = Mag.ofDag(dag);
    assertThat(pag).isEqualTo(
        TestGraphs.pagFromClass(mag, TestGraphs.markovEquivalenceClass(mag)));
    assertThat(rulesUsed(mag)).contains(mustFire);
  }

  // ---- hand-worked examples -----------------------------------------------------------------

  @Test
  void yStructure() {
    // The Y structure (Mani, Cooper & Spirtes 2006): A --> C <-- B, C --> D. R0 gives
    // A o-> C <-o B; R1 (A *-> C o-* D, A and D not adjacent) gives C --> D, which no hidden
    // confounder can explain away: the one edge FCI can call causal here.
    assertPagOfDag(parse("A --> C; B --> C; C --> D"), "A o-> C; B o-> C; C --> D",
        Rule.R0, Rule.R1);
  }

  @Test
  void hiddenConfounderBetweenTwoColliders() {
    // Spirtes, Glymour & Scheines (2000), ch. 6: A --> B <-- L --> C <-- D with L hidden gives
    // the MAG A --> B <-> C <-- D; the colliders at B and C make B <-> C, and A, D keep circles.
    assertPagOfDag(parse("A --> B; L --> B; L --> C; D --> C", "L"),
        "A o-> B; B <-> C; D o-> C", Rule.R0);
  }

  @Test
  void mStructure() {
    // X <-- U1 --> M <-- U2 --> Y with U1, U2 hidden: MAG X <-> M <-> Y, PAG X o-> M <-o Y.
    assertPagOfDag(parse("U1 --> X; U1 --> M; U2 --> M; U2 --> Y", "U1", "U2"),
        "X o-> M; Y o-> M", Rule.R0);
  }

  @Test
  void aChainWithoutCollidersIsAllCircles() {
    assertPagOfDag(parse("A --> B; B --> C"), "A o-o B; B o-o C");
  }

  @Test
  void discriminatingPathWithAColliderGivesBidirectedEdges() {
    // DAG: D --> A, A --> C, A <-- L1 --> B, B <-- L2 --> C (L1, L2 hidden).
    // MAG: D --> A <-> B <-> C, A --> C.
    // R0: D o-> A <-o B (D, B not adjacent). R1: D *-> A o-* C gives A --> C.
    // R2: B *-> A --> C gives B o-> C. Now <D, A, B, C> discriminates B: A is a collider and a
    // parent of C, D is not adjacent to C. B is not in the separating set {A} of D and C, so R4
    // makes A <-> B <-> C.
    assertPagOfDag(parse("D --> A; L1 --> A; L1 --> B; L2 --> B; L2 --> C; A --> C", "L1", "L2"),
        "D o-> A; A <-> B; B <-> C; A --> C", Rule.R0, Rule.R1, Rule.R2, Rule.R4);
  }

  @Test
  void discriminatingPathWithANonColliderGivesATail() {
    // DAG (no hidden nodes): D --> A <-- B, A --> C, B --> C. As above up to B o-> C; then the
    // discriminating path <D, A, B, C> with B in the separating set {A, B} of D and C gives
    // B --> C (R4). B <-> C would make B an ancestor of C (B --> A --> C) with an arrowhead
    // into it from C: not ancestral.
    assertPagOfDag(parse("D --> A; B --> A; A --> C; B --> C"),
        "D o-> A; B o-> A; A --> C; B --> C", Rule.R0, Rule.R1, Rule.R2, Rule.R4);
  }

  @Test
  void discriminatingPathOrientsAnEdgeTheCpdagAlreadyHas() {
    // DAG: A --> B --> C, A --> C, D --> B. R0: A o-> B <-o D; R1: B --> C; R2: A o-> C.
    // <D, B, A, C> discriminates A (B is a collider and a parent of C), and A is in the
    // separating set {A, B} of D and C: A --> C. A <-> B stays possible, so A keeps a circle
    // at B's edge while the CPDAG says A --> B.
    assertPagOfDag(parse("A --> B; B --> C; A --> C; D --> B"),
        "A o-> B; D o-> B; B --> C; A --> C", Rule.R4);
  }

  @Test
  void uncoveredPotentiallyDirectedPathGivesTails() {
    // DAG: A --> B --> C --> D, A --> D, E --> D. R0 orients the three colliders at D. Then
    // R9: A o-> D with the uncovered p.d. path <A, B, C, D> (B not adjacent to D) gives A --> D,
    // and <C, B, A, D> gives C --> D. E has no such path and keeps its circle.
    assertPagOfDag(parse("A --> B; B --> C; C --> D; A --> D; E --> D"),
        "A o-o B; B o-o C; A --> D; C --> D; E o-> D", Rule.R0, Rule.R9);
  }

  @Test
  void twoPathsIntoTwoParentsGiveATail() {
    // DAG: A --> B, A --> D, A --> E, B --> C, D --> C, D --> E, E --> B, E --> C.
    // R0: B o-> C <-o D (B, D not adjacent). R3: B *-> C <-* D with B o-o E o-o D and E o-o C
    // gives E o-> C. R9: <B, A, D, C> gives B --> C, <D, A, B, C> gives D --> C. E's paths to C
    // through A are covered (E is adjacent to B and D), so R9 fails for E o-> C, but R10 does:
    // B --> C <-- D with p.d. paths <E, B> and <E, D>, B and D not adjacent, gives E --> C.
    assertPagOfDag(
        parse("A --> B; A --> D; A --> E; B --> C; D --> C; D --> E; E --> B; E --> C"),
        "A o-o B; A o-o D; A o-o E; B o-o E; D o-o E; B --> C; D --> C; E --> C",
        Rule.R0, Rule.R3, Rule.R9, Rule.R10);
  }

  @Test
  void ofMagKeepsNodeOrderAndOfDagIsOfMagOfTheProjection() {
    Graph dag = TestGraphs.randomDagWithLatents(5, 12, 3, 2);
    Graph mag = Mag.ofDag(dag);
    assertThat(Pag.ofDag(dag)).isEqualTo(Pag.ofMag(mag));
    assertThat(Pag.ofMag(mag).nodeNames()).isEqualTo(mag.nodeNames());
  }

  @Test
  void rejectsWhatIsNotAMag() {
    assertThatThrownBy(() -> Pag.ofMag(parse("A o-> B")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Pag.ofMag needs a maximal ancestral graph")
        .hasMessageContaining("A o-> B");
    assertThatThrownBy(() -> Pag.ofMag(parse("A --> B; B --> C; A <-> C")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("its own ancestor");
    assertThatThrownBy(() -> Pag.ofMag(parse("A <-> B; B <-> C; C <-> D; C --> A; B --> D")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not maximal")
        .hasMessageContaining("'A' and 'D'");
    assertThatThrownBy(() -> Pag.ofMag(parse("A --> B; L --> B", "L")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'L' is flagged latent")
        .hasMessageContaining("Pag.ofDag");
    assertThatThrownBy(() -> Pag.ofDag(parse("A --> B; B --> C; C --> A")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("A --> B --> C --> A");
  }

  // ---- against the Markov equivalence class found by brute force ----------------------------

  private static boolean smallEnough(Graph mag) {
    return mag.size() <= 8 && mag.edgeCount() >= 2 && mag.edgeCount() <= 12
        && mag.edgeCount() <= 2 * mag.size() - 2;
  }

  @Test
  void pagIsExactlyTheMarksSharedByEveryEquivalentMag() {
    // Random small MAGs, plus small MAGs on which each of the rarer rules fired (found by a
    // scan), each compared with the class enumerated by brute force: every MAG over the same
    // skeleton with the same m-separations (Zhang 2008's definition of the PAG). A longer sweep:
    // -Dcausal4j.test.pagClasses=5000 (about 100 graphs a second on one core).
    int randomGraphs = Integer.getInteger("causal4j.test.pagClasses", 300);
    int perRule = Math.max(4, randomGraphs / 20);
    List<Graph> mags = new ArrayList<>();
    for (long seed = 0; mags.size() < randomGraphs; seed++) {
      Graph mag = Mag.ofDag(TestGraphs.randomDagWithLatents(seed, 6 + (int) (seed % 5),
          2 + seed % 3, 1 + (int) (seed % 3)));
      if (smallEnough(mag)) {
        mags.add(mag);
      }
    }
    Map<Rule, Integer> wanted = new EnumMap<>(Rule.class);
    for (Rule r : List.of(Rule.R2, Rule.R3, Rule.R4, Rule.R8, Rule.R9, Rule.R10)) {
      wanted.put(r, perRule);
    }
    for (long seed = 1_000_000; seed < 2_000_000 && !wanted.isEmpty(); seed++) {
      Graph mag = Mag.ofDag(TestGraphs.randomDagWithLatents(seed, 5 + (int) (seed % 5),
          2 + seed % 3, (int) (seed % 4)));
      if (!smallEnough(mag)) {
        continue;
      }
      boolean take = false;
      for (Rule r : rulesUsed(mag)) {
        if (wanted.containsKey(r)) {
          take = true;
          wanted.merge(r, -1, (x, y) -> x + y == 0 ? null : x + y);
        }
      }
      if (take) {
        mags.add(mag);
      }
    }
    assertThat(wanted).as("rules not seen on small graphs").isEmpty();

    Map<Rule, Integer> exercised = new EnumMap<>(Rule.class);
    for (Graph mag : mags) {
      List<Graph> members = TestGraphs.markovEquivalenceClass(mag);
      assertThat(members).contains(mag);
      Graph truth = TestGraphs.pagFromClass(mag, members);
      assertThat(Pag.ofMag(mag)).as("%s", mag).isEqualTo(truth);
      rulesUsed(mag).forEach(r -> exercised.merge(r, 1, Integer::sum));

      // R1-R4 alone: every invariant arrowhead (Ali et al. 2005), and only sound tails.
      MutableGraph arrowheads = TestGraphs.circleSkeleton(mag);
      FciOrientation.orient(arrowheads, TestGraphs.sepsetsOf(mag),
          FciOrientation.Options.defaults().withRuleSet(FciOrientation.RuleSet.ARROWHEAD_COMPLETE));
      for (Edge e : truth.edges()) {
        for (int[] end : new int[][] {{e.from(), e.to()}, {e.to(), e.from()}}) {
          Endpoint got = arrowheads.endpoint(end[0], end[1]);
          Endpoint want = truth.endpoint(end[0], end[1]);
          assertThat(got == Endpoint.ARROW).isEqualTo(want == Endpoint.ARROW);
          if (got == Endpoint.TAIL) {
            assertThat(want).isEqualTo(Endpoint.TAIL);
          }
        }
      }
    }
    assertThat(exercised.keySet()).containsAll(
        List.of(Rule.R0, Rule.R1, Rule.R2, Rule.R3, Rule.R4, Rule.R8, Rule.R9, Rule.R10));
  }

  // ---- properties on larger random graphs ---------------------------------------------------

  @Test
  void everyMarkIsTheMagsAndZhangsConstructionGivesEquivalentMags() {
    int flipped = 0;
    for (long seed = 0; seed < 300; seed++) {
      int p = 10 + (int) (seed % 21);
      double degree = new double[] {2, 3, 4}[(int) (seed % 3)];
      Graph dag = TestGraphs.randomDagWithLatents(seed, p, degree, 1 + p / 6);
      Graph mag = Mag.ofDag(dag);
      Graph pag = Pag.ofMag(mag);
      // Soundness: same skeleton, and every arrowhead or tail is the MAG's.
      assertThat(pag.edgeCount()).isEqualTo(mag.edgeCount());
      for (Edge e : mag.edges()) {
        assertThat(pag.isAdjacent(e.from(), e.to())).isTrue();
        for (int[] end : new int[][] {{e.from(), e.to()}, {e.to(), e.from()}}) {
          Endpoint m = pag.endpoint(end[0], end[1]);
          assertThat(m == Endpoint.CIRCLE || m == mag.endpoint(end[0], end[1]))
              .as("seed %d, mark at %s", seed, mag.name(end[1])).isTrue();
        }
      }
      // Zhang (2008): o-> read as -->, o-o oriented without new colliders, is a MAG of the class.
      // Starting the orientation at either end of an o-o edge shows both of its directions.
      List<Integer> starts = new ArrayList<>(List.of(0));
      for (Edge e : pag.edges()) {
        if (e.atFrom() == Endpoint.CIRCLE && e.atTo() == Endpoint.CIRCLE) {
          starts.add(e.from());
          starts.add(e.to());
          flipped++;
          break;
        }
      }
      for (int start : starts) {
        Graph other = TestGraphs.magFromPag(pag, start);
        assertThat(Mag.isMag(other)).as("seed %d", seed).isTrue();
        assertThat(Pag.ofMag(other)).as("seed %d", seed).isEqualTo(pag);
        assertSameSeparations(mag, other, TestGraphs.rng(seed));
      }
    }
    assertThat(flipped).isGreaterThan(100);
  }

  private static void assertSameSeparations(Graph m1, Graph m2, UniformRandomProvider rng) {
    int n = m1.size();
    SeparationIndex s1 = SeparationIndex.of(m1);
    SeparationIndex s2 = SeparationIndex.of(m2);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (m1.isAdjacent(i, j)) {
          continue;
        }
        List<int[]> sets = new ArrayList<>();
        for (Graph m : List.of(m1, m2)) {
          BitSet an = Graphs.ancestors(m, i, j);
          an.clear(i);
          an.clear(j);
          sets.add(an.stream().toArray());
        }
        for (int trial = 0; trial < 3; trial++) {
          BitSet z = new BitSet();
          while (z.cardinality() < Math.min(trial + 1, n - 2)) {
            int k = rng.nextInt(n);
            if (k != i && k != j) {
              z.set(k);
            }
          }
          sets.add(z.stream().toArray());
        }
        for (int[] z : sets) {
          if (s1.isSeparated(i, j, z) != s2.isSeparated(i, j, z)) {
            throw new AssertionError(m1.name(i) + " _||_ " + m1.name(j) + " | "
                + Graphs.names(m1, z) + " differs between\n" + m1 + "\nand\n" + m2);
          }
        }
      }
    }
  }

  @Test
  void thePagDoesNotDependOnNodeOrder() {
    for (long seed = 0; seed < 100; seed++) {
      Graph dag = TestGraphs.randomDagWithLatents(seed, 15 + (int) (seed % 10), 3, 3);
      int[] perm = PermutationSampler.natural(dag.size());
      PermutationSampler.shuffle(TestGraphs.rng(seed + 1), perm);
      List<String> names = new ArrayList<>();
      for (int v : perm) {
        names.add(dag.name(v));
      }
      MutableGraph shuffled = new MutableGraph(names, GraphKind.DAG);
      for (int k = 0; k < perm.length; k++) {
        shuffled.setLatent(k, dag.isLatent(perm[k]));
      }
      for (Edge e : dag.edges()) {
        shuffled.addDirectedEdge(shuffled.indexOf(dag.name(e.from())),
            shuffled.indexOf(dag.name(e.to())));
      }
      assertThat(Pag.ofDag(shuffled)).as("seed %d", seed).isEqualTo(Pag.ofDag(dag));
    }
  }

  @Test
  void withoutHiddenNodesThePagHasTheCpdagsArrowheads() {
    // Every DAG Markov equivalent to the DAG is a MAG of its class, so an undirected CPDAG edge
    // is o-o in the PAG, and an arrowhead of the CPDAG is one in the PAG too. A CPDAG edge
    // a --> b need not be a --> b in the PAG: a MAG with a <-> b may be equivalent (a o-> b).
    // Small DAGs against the CPDAG by enumeration, larger ones against Cpdag.of.
    int tails = 0;
    int circlesOnDirected = 0;
    for (long seed = 0; seed < 400; seed++) {
      boolean small = seed < 150;
      Graph dag = small
          ? TestGraphs.randomDagWithLatents(seed, 5 + (int) (seed % 5), 2 + seed % 3, 0)
          : TestGraphs.randomDagWithLatents(seed, 10 + (int) (seed % 21), 2 + seed % 3, 0);
      if (small && dag.edgeCount() > 14) {
        continue;
      }
      Graph cpdag = small
          ? BruteForce.commonOrientation(dag, BruteForce.markovEquivalenceClass(dag))
          : Cpdag.of(dag);
      Graph pag = Pag.ofDag(dag);
      assertThat(pag.edgeCount()).isEqualTo(cpdag.edgeCount());
      for (Edge e : cpdag.edges()) {
        int a = e.from();
        int b = e.to();
        if (cpdag.isUndirected(a, b)) {
          assertThat(pag.edge(a, b).orElseThrow().symbol()).as("seed %d", seed).isEqualTo("o-o");
        } else {
          assertThat(pag.endpoint(a, b)).as("seed %d", seed).isEqualTo(Endpoint.ARROW);
          assertThat(pag.endpoint(b, a)).isNotEqualTo(Endpoint.ARROW);
          if (pag.endpoint(b, a) == Endpoint.TAIL) {
            tails++;
          } else {
            circlesOnDirected++;
          }
        }
      }
    }
    assertThat(tails).isGreaterThan(100);
    assertThat(circlesOnDirected).isGreaterThan(100);
  }
}
