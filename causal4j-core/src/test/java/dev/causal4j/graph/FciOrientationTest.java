package dev.causal4j.graph;

import static dev.causal4j.graph.TestGraphs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.FciOrientation.Options;
import dev.causal4j.graph.FciOrientation.Orientation;
import dev.causal4j.graph.FciOrientation.Rule;
import dev.causal4j.graph.FciOrientation.RuleSet;
import dev.causal4j.graph.FciOrientation.SepsetLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each rule of Zhang (2008) on a fragment built to trigger it alone, with the rule's statement
 * in the test's comment, and the component's options and hooks.
 */
class FciOrientationTest {

  /** For fragments where no rule may read separating sets. */
  private static final SepsetLookup UNUSED = (a, b, c) -> {
    throw new AssertionError("no separating set should be read here");
  };

  private static Set<Rule> rules(List<Orientation> trace) {
    return trace.stream().map(Orientation::rule).collect(Collectors.toSet());
  }

  private static List<Orientation> apply(MutableGraph g) {
    return FciOrientation.applyRules(g, UNUSED, Options.defaults());
  }

  @Test
  void r0OrientsUnshieldedCollidersOnlyWhereTheMiddleIsOutsideTheSepset() {
    // A o-o B o-o C o-o D, B o-o D: the triple A-B-C is unshielded (B not in sepset(A, C)) and
    // A-B-D too (B in sepset(A, D)); B-C-D is shielded and never asked about.
    MutableGraph g = parse("A o-o B; B o-o C; C o-o D; B o-o D");
    List<String> asked = new ArrayList<>();
    List<Orientation> trace = FciOrientation.orientUnshieldedColliders(g, (a, b, c) -> {
      asked.add(g.name(a) + g.name(b) + g.name(c));
      return !(g.name(a).equals("A") && g.name(c).equals("C")
          || g.name(a).equals("C") && g.name(c).equals("A"));
    }, Options.defaults());
    assertThat(g).isEqualTo(parse("A o-> B; C o-> B; C o-o D; B o-o D"));
    assertThat(rules(trace)).containsExactly(Rule.R0);
    assertThat(asked).containsExactlyInAnyOrder("ABC", "ABD");
  }

  @Test
  void r0WithConflictingTriplesMakesBidirectedEdges() {
    // A o-o B o-o C o-o D, each middle outside the other pair's sepset: B and C are both
    // colliders, so B <-> C, as FCI does with conflicting separating sets.
    MutableGraph g = parse("A o-o B; B o-o C; C o-o D");
    FciOrientation.orient(g, (a, b, c) -> false);
    assertThat(g).isEqualTo(parse("A o-> B; B <-> C; D o-> C"));
  }

  @Test
  void r1() {
    // R1: a *-> b o-* c, a and c not adjacent  ==>  b --> c.
    MutableGraph g = parse("A o-> B; B o-o C");
    assertThat(rules(apply(g))).containsExactly(Rule.R1);
    assertThat(g).isEqualTo(parse("A o-> B; B --> C"));
    // Shielded: nothing.
    MutableGraph shielded = parse("A o-> B; B o-o C; A o-o C");
    assertThat(apply(shielded)).isEmpty();
  }

  @Test
  void r2() {
    // R2: a --> b *-> c or a *-> b --> c, and a *-o c  ==>  a *-> c.
    MutableGraph first = parse("A --> B; B o-> C; A o-o C");
    assertThat(rules(apply(first))).containsExactly(Rule.R2);
    assertThat(first).isEqualTo(parse("A --> B; B o-> C; A o-> C"));
    MutableGraph second = parse("A o-> B; B --> C; A o-o C");
    assertThat(rules(apply(second))).containsExactly(Rule.R2);
    assertThat(second).isEqualTo(parse("A o-> B; B --> C; A o-> C"));
    // Neither edge a tail: nothing.
    assertThat(apply(parse("A o-> B; B o-> C; A o-o C"))).isEmpty();
  }

  @Test
  void r3() {
    // R3: a *-> b <-* c, a *-o t o-* c, a and c not adjacent, t *-o b  ==>  t *-> b.
    MutableGraph g = parse("A o-> B; C o-> B; A o-o T; C o-o T; T o-o B");
    assertThat(rules(apply(g))).containsExactly(Rule.R3);
    assertThat(g).isEqualTo(parse("A o-> B; C o-> B; A o-o T; C o-o T; T o-> B"));
    // With a and c adjacent: nothing.
    assertThat(apply(parse("A o-> B; C o-> B; A o-o T; C o-o T; T o-o B; A o-o C"))).isEmpty();
  }

  @Test
  void r4ReadsTheSepsetOfTheDiscriminatingPathsEnds() {
    // R4: <d, .., a, b, c> discriminates b (every node between d and b a collider and a parent
    // of c, d not adjacent to c) and b o-* c: b --> c if b is in sepset(d, c), else a <-> b <-> c.
    String fragment = "D o-> A; B o-> A; A --> C; B o-> C";
    MutableGraph nonCollider = parse(fragment);
    List<String> asked = new ArrayList<>();
    List<Orientation> trace = FciOrientation.applyRules(nonCollider, (a, b, c) -> {
      asked.add(nonCollider.name(a) + nonCollider.name(b) + nonCollider.name(c));
      return true;
    }, Options.defaults());
    assertThat(asked).containsExactly("DBC");
    // The tail at B (node 2) on the edge from C (node 3).
    assertThat(trace).contains(new Orientation(Rule.R4, 3, 2, Endpoint.TAIL));
    assertThat(nonCollider).isEqualTo(parse("D o-> A; B o-> A; A --> C; B --> C"));

    MutableGraph collider = parse(fragment);
    assertThat(rules(FciOrientation.applyRules(collider, (a, b, c) -> false, Options.defaults())))
        .containsExactly(Rule.R4);
    assertThat(collider).isEqualTo(parse("D o-> A; B <-> A; A --> C; B <-> C"));
  }

  @Test
  void r4FollowsLongerDiscriminatingPathsUpToTheLimit() {
    // <T, V, A, B, C> has four edges: V and A are colliders and parents of C, T is not adjacent
    // to C. The only shorter candidate, through A alone, ends at V, which is adjacent to C.
    String fragment = "T o-> V; V <-> A; V --> C; B o-> A; A --> C; B o-> C";
    MutableGraph unlimited = parse(fragment);
    FciOrientation.applyRules(unlimited, (a, b, c) -> true, Options.defaults());
    assertThat(TestGraphs.symbol(unlimited, "B", "C")).isEqualTo("-->");

    MutableGraph limited = parse(fragment);
    List<Orientation> trace = FciOrientation.applyRules(limited, UNUSED,
        Options.defaults().withMaxDiscriminatingPathLength(3));
    assertThat(trace).isEmpty();
    assertThat(TestGraphs.symbol(limited, "B", "C")).isEqualTo("o->");

    MutableGraph four = parse(fragment);
    FciOrientation.applyRules(four, (a, b, c) -> false,
        Options.defaults().withMaxDiscriminatingPathLength(4));
    assertThat(TestGraphs.symbol(four, "B", "C")).isEqualTo("<->");
  }

  @Test
  void r8() {
    // R8: a --> b --> c or a --o b --> c, and a o-> c  ==>  a --> c.
    MutableGraph first = parse("A --> B; B --> C; A o-> C");
    assertThat(rules(apply(first))).containsExactly(Rule.R8);
    assertThat(TestGraphs.symbol(first, "A", "C")).isEqualTo("-->");
    MutableGraph second = parse("A --o B; B --> C; A o-> C");
    assertThat(rules(apply(second))).containsExactly(Rule.R8);
    assertThat(TestGraphs.symbol(second, "A", "C")).isEqualTo("-->");
    assertThat(apply(parse("A o-> B; B --> C; A o-> C"))).isEmpty();
  }

  @Test
  void r9() {
    // R9: a o-> c and an uncovered potentially directed path <a, b, t, .., c> with b not
    // adjacent to c  ==>  a --> c.
    MutableGraph g = parse("A o-> C; A o-o B; B o-o D; D --> C");
    assertThat(rules(apply(g))).containsExactly(Rule.R9);
    assertThat(TestGraphs.symbol(g, "A", "C")).isEqualTo("-->");
    // Covered (A adjacent to D): nothing.
    assertThat(apply(parse("A o-> C; A o-o B; B o-o D; D --> C; A o-o D"))).isEmpty();
  }

  @Test
  void r9NeedsAnUncoveredPathNotJustAnUncoveredWalk() {
    // From A the walk A, B, X, Y, W, B, Z, C is uncovered and potentially directed, but it
    // repeats B, and the one path that reaches C, A, B, Z, C, is covered (A is adjacent to Z);
    // Z, the only other way, is adjacent to C. R9 must not fire.
    MutableGraph g = parse(
        "A o-> C; A o-o B; A o-o Z; B o-o Z; Z --> C; B o-o X; X o-o Y; Y o-o W; W o-o B");
    assertThat(apply(g)).isEmpty();
  }

  @Test
  void r10() {
    // R10: a o-> c, b --> c <-- d, uncovered p.d. paths from a to b and from a to d whose second
    // nodes (here b and d themselves) differ and are not adjacent  ==>  a --> c.
    MutableGraph g = parse("A o-> C; B --> C; D --> C; A o-o B; A o-o D");
    assertThat(rules(apply(g))).containsExactly(Rule.R10);
    assertThat(TestGraphs.symbol(g, "A", "C")).isEqualTo("-->");
    // Longer paths: <A, M, B> and <A, N, D> (M, N not adjacent; A, B and A, D not adjacent).
    MutableGraph longer = parse(
        "A o-> C; B --> C; D --> C; A o-o M; M o-> B; A o-o N; N o-> D; M o-> C; N o-> C");
    assertThat(rules(apply(longer))).contains(Rule.R10);
    assertThat(TestGraphs.symbol(longer, "A", "C")).isEqualTo("-->");
    // The second nodes adjacent: nothing.
    assertThat(apply(parse("A o-> C; B --> C; D --> C; A o-o B; A o-o D; B o-o D"))).isEmpty();
    // One parent only: nothing.
    assertThat(apply(parse("A o-> C; B --> C; D o-> C; A o-o B; A o-o D"))).isEmpty();
  }

  @Test
  void thePathCheckSeesEachR4PathAndCanStopTheRules() {
    // The fragment of r4FollowsLongerDiscriminatingPathsUpToTheLimit: R4 for B on <T, V, A, B, C>.
    String fragment = "T o-> V; V <-> A; V --> C; B o-> A; A --> C; B o-> C";
    MutableGraph agreed = parse(fragment);
    List<String> paths = new ArrayList<>();
    FciOrientation.applyRules(agreed, (a, b, c) -> true, Options.defaults().withPathCheck(path -> {
      StringBuilder sb = new StringBuilder();
      for (int v : path) {
        sb.append(agreed.name(v));
      }
      paths.add(sb.toString());
      return true;
    }));
    assertThat(paths).containsExactly("TVABC");
    assertThat(TestGraphs.symbol(agreed, "B", "C")).isEqualTo("-->");

    // "Stop": nothing is oriented by R4 and the rules return with the graph as it was.
    MutableGraph stopped = parse(fragment);
    List<Orientation> trace = FciOrientation.applyRules(stopped, (a, b, c) -> true,
        Options.defaults().withPathCheck(path -> false));
    assertThat(trace).isEmpty();
    assertThat(stopped).isEqualTo(parse(fragment));

    // The check is not asked where knowledge forbids the orientation anyway.
    MutableGraph forbidden = parse(fragment);
    FciOrientation.applyRules(forbidden, (a, b, c) -> true, Options.defaults()
        .withConstraints((from, to, mark) -> !(forbidden.name(to).equals("B")
            && mark == Endpoint.TAIL))
        .withPathCheck(path -> {
          throw new AssertionError("asked about an orientation knowledge forbids");
        }));
    assertThat(TestGraphs.symbol(forbidden, "B", "C")).isEqualTo("o->");
  }

  @Test
  void theArrowheadCompleteRuleSetLeavesTailRulesOut() {
    MutableGraph g = parse("A o-> C; B --> C; D --> C; A o-o B; A o-o D; E --> F; F --> G; E o-> G");
    List<Orientation> trace = FciOrientation.applyRules(g, UNUSED,
        Options.defaults().withRuleSet(RuleSet.ARROWHEAD_COMPLETE));
    assertThat(trace).isEmpty();
  }

  @Test
  void backgroundKnowledgeCanForbidMarks() {
    // The Y structure: with no constraints, A o-> C <-o B and C --> D.
    MutableGraph free = parse("A o-o C; B o-o C; C o-o D");
    SepsetLookup sepsets = (a, b, c) -> free.name(b).equals("C") && (free.name(a).equals("D")
        || free.name(c).equals("D"));
    FciOrientation.orient(free, sepsets);
    assertThat(free).isEqualTo(parse("A o-> C; B o-> C; C --> D"));

    // Forbid any arrowhead at C on the edge from A: R0 cannot orient that collider.
    MutableGraph noArrowIntoC = parse("A o-o C; B o-o C; C o-o D");
    FciOrientation.orient(noArrowIntoC, sepsets, Options.defaults().withConstraints(
        (from, to, mark) -> !(noArrowIntoC.name(from).equals("A")
            && noArrowIntoC.name(to).equals("C") && mark == Endpoint.ARROW)));
    assertThat(noArrowIntoC).isEqualTo(parse("A o-o C; B o-o C; C o-o D"));

    // Forbid a tail at C on the edge to D: R1 may not make C --> D.
    MutableGraph noTailAtC = parse("A o-o C; B o-o C; C o-o D");
    List<Orientation> trace = FciOrientation.orient(noTailAtC, sepsets,
        Options.defaults().withConstraints((from, to, mark) -> !(noTailAtC.name(from).equals("D")
            && noTailAtC.name(to).equals("C") && mark == Endpoint.TAIL)));
    assertThat(noTailAtC).isEqualTo(parse("A o-> C; B o-> C; C o-o D"));
    assertThat(rules(trace)).containsExactly(Rule.R0);

    // Marks the caller set from knowledge are kept: C --> D given, then the rules run.
    MutableGraph given = parse("A o-> C; B o-> C; C --> D");
    assertThat(FciOrientation.applyRules(given, UNUSED, Options.defaults())).isEmpty();
  }

  @Test
  void optionsAreChecked() {
    assertThatThrownBy(() -> Options.defaults().withMaxDiscriminatingPathLength(2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 3")
        .hasMessageContaining("got 2");
    assertThatThrownBy(() -> Options.defaults().withConstraints(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Options.defaults().withPathCheck(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(Options.defaults().pathCheck()).isSameAs(
        FciOrientation.DiscriminatingPathCheck.NONE);
  }

  @Test
  void theSameInputGivesTheSameTrace() {
    Graph mag = Mag.ofDag(TestGraphs.randomDagWithLatents(42, 40, 4, 5));
    MutableGraph g1 = TestGraphs.circleSkeleton(mag);
    MutableGraph g2 = TestGraphs.circleSkeleton(mag);
    List<Orientation> t1 = FciOrientation.orient(g1, TestGraphs.sepsetsOf(mag));
    List<Orientation> t2 = FciOrientation.orient(g2, TestGraphs.sepsetsOf(mag));
    assertThat(t1).isEqualTo(t2).isNotEmpty();
    assertThat(g1).isEqualTo(g2);
  }

  @Test
  void arbitrarySepsetsOnLargeDenseSkeletonsTerminate() {
    // Conflicting separating sets (as from finite samples) on 200-node skeletons: the rules
    // only turn circles into other marks, so they stop; every edge keeps its two nodes.
    for (long seed = 0; seed < 4; seed++) {
      Graph dag = RandomGraphs.erdosRenyiDag(200, 4 + 2 * seed, TestGraphs.rng(seed));
      MutableGraph g = TestGraphs.circleSkeleton(dag);
      long salt = seed;
      List<Orientation> trace = FciOrientation.orient(g,
          (a, b, c) -> Math.floorMod(a * 31L + c * 31L + b * 7L + salt, 3) != 0);
      assertThat(trace.size()).isLessThanOrEqualTo(2 * dag.edgeCount());
      assertThat(g.edgeCount()).isEqualTo(dag.edgeCount());
    }
  }
}
