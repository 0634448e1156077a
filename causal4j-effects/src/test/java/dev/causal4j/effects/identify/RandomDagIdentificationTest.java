package dev.causal4j.effects.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Expression;
import dev.causal4j.effects.FrontDoor;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.InstrumentalVariable;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.Graphs;
import dev.causal4j.graph.MutableGraph;
import dev.causal4j.graph.RandomGraphs;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Identification on many random DAGs, with and without hidden nodes, against oracles that share
 * no code with it: adjustment sets against the criterion checked over every subset (causal paths
 * enumerated, d-separation by core), front-door sets and instruments against brute force over
 * all candidate sets, and every estimand against the interventional distribution of random binary
 * models.
 */
class RandomDagIdentificationTest {

  /** A random DAG over {@code p} nodes with {@code latent} of them hidden, never x or y. */
  static Graph randomDag(int p, double degree, int latent, UniformRandomProvider rng) {
    MutableGraph g = RandomGraphs.erdosRenyiDag(p, degree, rng).mutableCopy();
    int[] order = PermutationSampler.natural(p);
    PermutationSampler.shuffle(rng, order);
    for (int i = 0; i < latent; i++) {
      g.setLatent(order[i], true);
    }
    return g.snapshot();
  }

  /** The identification of the first answer of the given kind, if any. */
  static <T extends Identification> Optional<T> first(List<Identification> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  static BitSet bits(Graph g, List<String> names) {
    BitSet s = new BitSet();
    names.forEach(n -> s.set(g.requireIndex(n)));
    return s;
  }

  @Test
  void adjustmentSetsMatchTheCriterionCheckedOverEverySubset() {
    int instances = 0;
    int withSets = 0;
    int withoutSets = 0;
    for (long seed = 0; seed < 400; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
      int p = 6 + rng.nextInt(5);
      Graph g = randomDag(p, 2 + 2 * rng.nextDouble(), seed % 3 == 0 ? 0 : rng.nextInt(3), rng);
      int[] observed = Graphs.observedNodes(g);
      int[] order = observed.clone();
      PermutationSampler.shuffle(rng, order);
      boolean two = seed % 5 == 4 && observed.length >= 5;
      boolean twoOutcomes = seed % 5 == 3 && observed.length >= 5;
      List<String> xs = two ? List.of(g.name(order[0]), g.name(order[1]))
          : List.of(g.name(order[0]));
      List<String> ys = twoOutcomes ? List.of(g.name(order[1]), g.name(order[2]))
          : List.of(g.name(order[two ? 2 : 1]));
      BitSet x = bits(g, xs);
      BitSet y = bits(g, ys);
      Oracle.Adjustment oracle = new Oracle.Adjustment(g, x, y);
      int[] candidates = java.util.Arrays.stream(observed)
          .filter(v -> !x.get(v) && !y.get(v)).toArray();
      List<BitSet> valid = new ArrayList<>();
      for (BitSet z : Oracle.subsets(candidates)) {
        boolean ok = oracle.valid(z);
        assertThat(AdjustmentSets.isValid(g, xs, ys, Graphs.names(g, z.stream().toArray())))
            .as("seed %d, Z = %s", seed, z).isEqualTo(ok);
        if (ok) {
          valid.add(z);
        }
      }
      CausalQuery q = CausalQuery.builder(g).treatments(xs).outcomes(ys).build();
      List<Identification> all = Identifier.identifyAll(q, new Identifier.Options(1000));
      Optional<BackdoorAdjustment> bd = first(all, BackdoorAdjustment.class);
      assertThat(bd.isPresent()).as("seed %d", seed).isEqualTo(!valid.isEmpty());
      instances++;
      if (bd.isEmpty()) {
        withoutSets++;
        continue;
      }
      withSets++;
      BackdoorAdjustment b = bd.get();
      assertThat(oracle.valid(bits(g, b.adjustmentSet()))).isTrue();
      b.optimalSet().ifPresent(o -> assertThat(oracle.valid(bits(g, o))).isTrue());
      if (Graphs.latentNodes(g).length == 0 && Oracle.isSubset(y, oracle.forbidden)) {
        // Henckel et al. (2022): without hidden nodes, and with the outcome a descendant of the
        // treatment, O(X,Y) is valid whenever any set is.
        assertThat(b.optimalSet()).as("seed %d", seed).isPresent();
        assertThat(b.adjustmentSet()).isEqualTo(b.optimalSet().get());
      }
      List<BitSet> listed = b.minimalSets().stream().map(m -> bits(g, m)).toList();
      assertThat(b.minimalSetsTruncated()).isFalse();
      assertThat(listed).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(
          Oracle.minimal(valid));
      assertThat(b.satisfiesBackdoorCriterion())
          .isEqualTo(oracle.backdoor(bits(g, b.adjustmentSet())));
    }
    assertThat(instances).isEqualTo(400);
    // Both outcomes occur often enough for the comparison to mean something.
    assertThat(withSets).isGreaterThan(150);
    assertThat(withoutSets).isGreaterThan(30);
  }

  @Test
  void requiredCovariatesAreInEveryListedSetAndTheSetsAreMinimalGivenThem() {
    int checked = 0;
    for (long seed = 0; seed < 300; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(1000 + seed);
      Graph g = randomDag(8, 3, rng.nextInt(2), rng);
      int[] observed = Graphs.observedNodes(g);
      int[] order = observed.clone();
      PermutationSampler.shuffle(rng, order);
      BitSet x = Oracle.bits(order[0]);
      BitSet y = Oracle.bits(order[1]);
      BitSet required = Oracle.bits(order[2]);
      Oracle.Adjustment oracle = new Oracle.Adjustment(g, x, y);
      int[] candidates = java.util.Arrays.stream(observed)
          .filter(v -> !x.get(v) && !y.get(v)).toArray();
      List<BitSet> valid = new ArrayList<>();
      for (BitSet z : Oracle.subsets(candidates)) {
        if (z.get(order[2]) && oracle.valid(z)) {
          valid.add(z);
        }
      }
      CausalQuery q = CausalQuery.builder(g).treatment(g.name(order[0]))
          .outcome(g.name(order[1])).adjustFor(g.name(order[2])).build();
      Optional<BackdoorAdjustment> bd =
          first(Identifier.identifyAll(q), BackdoorAdjustment.class);
      assertThat(bd.isPresent()).as("seed %d", seed).isEqualTo(!valid.isEmpty());
      if (bd.isPresent()) {
        checked++;
        assertThat(bd.get().adjustmentSet()).contains(g.name(order[2]));
        assertThat(oracle.valid(bits(g, bd.get().adjustmentSet()))).isTrue();
        assertThat(bd.get().minimalSets().stream().map(m -> bits(g, m)).toList())
            .containsExactlyInAnyOrderElementsOf(Oracle.minimal(valid));
      }
    }
    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void excludedVariablesAreNeverUsed() {
    for (long seed = 0; seed < 200; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5000 + seed);
      Graph g = randomDag(8, 3, 0, rng);
      int[] order = PermutationSampler.natural(8);
      PermutationSampler.shuffle(rng, order);
      CausalQuery q = CausalQuery.builder(g).treatment(g.name(order[0]))
          .outcome(g.name(order[1])).exclude(g.name(order[2])).build();
      // Excluding a variable is the same as hiding it.
      Graph hidden = TestGraphs.withLatent(g, List.of(g.name(order[2])));
      CausalQuery h = CausalQuery.of(hidden, g.name(order[0]), g.name(order[1]));
      List<Identification> a = Identifier.identifyAll(q);
      List<Identification> b = Identifier.identifyAll(h);
      assertThat(a).extracting(Identification::strategy)
          .isEqualTo(b.stream().map(Identification::strategy).toList());
      for (Identification i : a) {
        String text = i.toString();
        if (i instanceof BackdoorAdjustment ba) {
          assertThat(ba.adjustmentSet()).doesNotContain(g.name(order[2]));
          ba.minimalSets().forEach(m -> assertThat(m).doesNotContain(g.name(order[2])));
        }
        i.estimand().ifPresent(e -> assertThat(e.freeVariables()).as(text)
            .doesNotContain(g.name(order[2])));
      }
    }
  }

  @Test
  void everyEstimandEqualsTheInterventionalDistribution() {
    int id = 0;
    int notIdentifiable = 0;
    int frontDoor = 0;
    for (long seed = 0; seed < 250; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20_000 + seed);
      int p = 6 + rng.nextInt(4);
      Graph g = randomDag(p, 2.5 + rng.nextDouble(), 1 + rng.nextInt(3), rng);
      int[] observed = Graphs.observedNodes(g);
      int[] order = observed.clone();
      PermutationSampler.shuffle(rng, order);
      boolean two = seed % 4 == 3;
      boolean twoOutcomes = seed % 4 == 2;
      List<String> xs = two ? List.of(g.name(order[0]), g.name(order[1]))
          : List.of(g.name(order[0]));
      List<String> ys = twoOutcomes ? List.of(g.name(order[1]), g.name(order[2]))
          : List.of(g.name(order[two ? 2 : 1]));
      CausalQuery q = CausalQuery.builder(g).treatments(xs).outcomes(ys).build();
      List<Identification> all = Identifier.identifyAll(q);
      DiscreteModel model = new DiscreteModel(g, rng);
      List<Expression> estimands = new ArrayList<>();
      for (Identification i : all) {
        if (i instanceof FrontDoor) {
          frontDoor++;
        }
        i.estimand().ifPresent(estimands::add);
      }
      // The ID algorithm on its own too: the identifier runs it only when nothing simpler works.
      IdAlgorithm algorithm = new IdAlgorithm(g);
      BitSet px = new BitSet();
      BitSet py = new BitSet();
      xs.forEach(t -> px.set(algorithm.indexOf(t)));
      ys.forEach(o -> py.set(algorithm.indexOf(o)));
      try {
        estimands.add(algorithm.identify(py, px));
        id++;
        assertThat(first(all, NotIdentifiable.class)).isEmpty();
      } catch (IdAlgorithm.HedgeFound h) {
        assertThat(all).noneMatch(i -> i.estimand().isPresent());
      }
      for (Expression e : estimands) {
        List<String> free = List.copyOf(e.freeVariables());
        assertThat(xs.stream().allMatch(free::contains) || free.containsAll(ys)).isTrue();
        for (int s = 0; s < 1 << free.size(); s++) {
          Map<String, Integer> values = new HashMap<>();
          for (int k = 0; k < free.size(); k++) {
            values.put(free.get(k), (s >> k) & 1);
          }
          Map<String, Integer> xv = new HashMap<>();
          Map<String, Integer> yv = new HashMap<>();
          xs.forEach(t -> xv.put(t, values.getOrDefault(t, 0)));
          ys.forEach(o -> yv.put(o, values.getOrDefault(o, 0)));
          values.putAll(xv);
          values.putAll(yv);
          // Exact enumeration in doubles over at most 2^9 states.
          assertThat(e.evaluate(values, model)).as("seed %d: %s", seed, e.toText())
              .isCloseTo(model.interventional(xv, yv), within(1e-10));
        }
      }
      if (first(all, NotIdentifiable.class).isPresent()
          || all.get(0) instanceof InstrumentalVariable) {
        notIdentifiable++;
        // ID is complete: with a hedge, no adjustment or front-door set may exist either.
        Oracle.Adjustment oracle = new Oracle.Adjustment(g, bits(g, xs), bits(g, ys));
        int[] candidates = java.util.Arrays.stream(observed)
            .filter(v -> !xs.contains(g.name(v)) && !ys.contains(g.name(v))).toArray();
        for (BitSet z : Oracle.subsets(candidates)) {
          assertThat(oracle.valid(z)).as("seed %d", seed).isFalse();
          if (!z.isEmpty()) {
            assertThat(Oracle.frontDoor(g, bits(g, xs), bits(g, ys), z, new BitSet())).isFalse();
          }
        }
      }
    }
    assertThat(id).isGreaterThan(150);
    assertThat(notIdentifiable).isGreaterThan(10);
    assertThat(frontDoor).isGreaterThan(5);
  }

  @Test
  void frontDoorSearchIsCompleteForEachCovariateSet() {
    int found = 0;
    for (long seed = 0; seed < 300; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(40_000 + seed);
      Graph g = randomDag(7, 2.5, 1 + rng.nextInt(2), rng);
      int[] observed = Graphs.observedNodes(g);
      int[] order = observed.clone();
      PermutationSampler.shuffle(rng, order);
      BitSet x = Oracle.bits(order[0]);
      BitSet y = Oracle.bits(order[1]);
      BitSet usable = new BitSet();
      for (int v : observed) {
        if (!x.get(v) && !y.get(v)) {
          usable.set(v);
        }
      }
      FrontDoorSearch search = new FrontDoorSearch(g, x, y, usable);
      int[] cand = usable.stream().toArray();
      List<BitSet> subsets = Oracle.subsets(cand);
      for (BitSet w : subsets) {
        boolean exists = false;
        for (BitSet m : subsets) {
          if (!m.intersects(w) && Oracle.frontDoor(g, x, y, m, w)) {
            exists = true;
            break;
          }
        }
        Optional<BitSet> m = search.mediatorsGiven(w);
        assertThat(m.isPresent()).as("seed %d, W = %s", seed, w).isEqualTo(exists);
        if (m.isPresent()) {
          found++;
          assertThat(Oracle.frontDoor(g, x, y, m.get(), w)).isTrue();
          // Minimal: no single node can be dropped.
          for (int v = m.get().nextSetBit(0); v >= 0; v = m.get().nextSetBit(v + 1)) {
            BitSet smaller = (BitSet) m.get().clone();
            smaller.clear(v);
            assertThat(Oracle.frontDoor(g, x, y, smaller, w)).isFalse();
          }
        }
      }
    }
    assertThat(found).isGreaterThan(100);
  }

  @Test
  void instrumentSearchFindsEveryInstrumentThatBruteForceFinds() {
    int instruments = 0;
    int conditional = 0;
    for (long seed = 0; seed < 300; seed++) {
      UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(60_000 + seed);
      Graph g = randomDag(8, 3, 1 + rng.nextInt(2), rng);
      int[] observed = Graphs.observedNodes(g);
      int[] order = observed.clone();
      PermutationSampler.shuffle(rng, order);
      int x = order[0];
      int y = order[1];
      BitSet usable = new BitSet();
      for (int v : observed) {
        if (v != x && v != y) {
          usable.set(v);
        }
      }
      InstrumentSearch search = new InstrumentSearch(g, x, y, usable);
      List<BitSet> subsets = Oracle.subsets(usable.stream().toArray());
      for (int z : usable.stream().toArray()) {
        BitSet some = null;
        for (BitSet w : subsets) {
          if (Oracle.instrument(g, x, y, z, w)) {
            some = w;
            break;
          }
        }
        Optional<BitSet> w = search.covariatesFor(z);
        assertThat(w.isPresent()).as("seed %d, Z = %s, brute force W = %s", seed, g.name(z),
            some).isEqualTo(some != null);
        if (w.isPresent()) {
          instruments++;
          if (!w.get().isEmpty()) {
            conditional++;
          }
          assertThat(Oracle.instrument(g, x, y, z, w.get())).isTrue();
        }
      }
      search.find().ifPresent(f -> f.instruments().stream().forEach(z ->
          assertThat(Oracle.instrument(g, x, y, z, f.covariates())).isTrue()));
    }
    assertThat(instruments).isGreaterThan(100);
    assertThat(conditional).isGreaterThan(20);
  }
}
