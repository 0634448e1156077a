package dev.causal4j.analyst.run;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.plan.Algorithm;
import dev.causal4j.analyst.plan.Plan;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.plan.Statistic;
import dev.causal4j.analyst.plan.TimeSeriesPlan;
import dev.causal4j.analyst.plan.Tuning;
import dev.causal4j.analyst.run.DiscoveryRun.Candidate;
import dev.causal4j.analyst.run.DiscoveryRun.TuningResult;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.resampling.EdgeFrequencies;
import dev.causal4j.discovery.resampling.Resampling;
import dev.causal4j.discovery.resampling.ResamplingResult;
import dev.causal4j.discovery.timeseries.LaggedDesign;
import dev.causal4j.discovery.timeseries.PcmciPlus;
import dev.causal4j.discovery.timeseries.TimeSeries;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import dev.causal4j.independence.IndependenceTest;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.CausalQuery;
import dev.causal4j.effects.Ida;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.NotIdentifiable;
import dev.causal4j.effects.estimate.EffectData;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.EstimatorSelection;
import dev.causal4j.effects.estimate.EstimatorSettings;
import dev.causal4j.effects.estimate.Matching;
import dev.causal4j.effects.estimate.Method;
import dev.causal4j.effects.estimate.PossibleEffects;
import dev.causal4j.effects.estimate.learner.Learner;
import dev.causal4j.effects.identify.Identifier;
import dev.causal4j.graph.ConsistentExtension;
import dev.causal4j.graph.Graph;
import dev.causal4j.knowledge.Knowledge;
import dev.causal4j.score.Score;
import dev.causal4j.effects.estimate.Estimator;
import dev.causal4j.effects.refute.RefuterKind;
import dev.causal4j.effects.refute.Refutation;
import dev.causal4j.effects.refute.Refutations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out a {@link Plan}: prepares the data (missing values as planned), tunes, searches on
 * all the data, bootstraps for edge probabilities and, when asked, identifies and estimates the
 * effect on the learned graph. Every random choice is seeded from the request's seed, and the
 * result does not depend on the number of threads.
 */
public final class Runner {
  /** Runs of each re-running refuter (permutations, random causes, subsets, dummy outcomes). */
  public static final int REFUTE_RUNS = 20;

  /**
   * The refutations the analyst runs on the primary estimate, in {@link RefuterKind} order: the
   * four that re-run the estimator and the E-value. The bootstrap is left out because the
   * estimators already report intervals; the robustness value is added for a regression estimate.
   */
  public static final Set<RefuterKind> REFUTERS = Collections.unmodifiableSet(EnumSet.of(
      RefuterKind.PLACEBO_TREATMENT, RefuterKind.RANDOM_COMMON_CAUSE, RefuterKind.DATA_SUBSET,
      RefuterKind.DUMMY_OUTCOME, RefuterKind.E_VALUE));

  private Runner() {}

  /** The data the searches see: the planned missing-value policy applied. */
  public static Dataset prepare(Dataset data, Plan plan) {
    return plan.missingPolicy() == MissingPolicy.REFUSE ? data
        : data.applyMissingPolicy(plan.missingPolicy());
  }

  /** Tunes, searches and bootstraps. */
  public static DiscoveryRun discover(Dataset data, Plan plan, PlanRequest request,
      Progress progress) {
    Knowledge k = request.knowledge();
    TuningResult tuning = tune(data, plan, request, progress);
    double parameter = tuning.chosen();
    progress.stage("search on all rows", 1);
    DiscoveryResult full = plan.algorithm().search(data, plan.statistic(), parameter, k,
        request.seed(), request.threads());
    progress.advance();
    progress.stage("bootstrap", plan.bootstrapSamples());
    Function<Dataset, DiscoveryResult> once = sample -> {
      DiscoveryResult r = plan.algorithm().search(sample, plan.statistic(), parameter, k,
          request.seed(), 1);
      progress.advance();
      return r;
    };
    ResamplingResult boot = Resampling.builder(once).samples(plan.bootstrapSamples())
        .threshold(0.5).seed(request.seed()).threads(request.threads()).build().run(data);
    return new DiscoveryRun(tuning, full, boot, data.rows());
  }

  /**
   * The plan's time-series search: PCMCI+ on the data as a {@link TimeSeries} (rows in time order,
   * by the time column when declared; the order column, if it only counts rows, left out; missing
   * values masked as the plan's policy says, never by dropping rows, which would join the series
   * across the hole).
   */
  public static TimeSeriesResult timeSeries(Dataset data, Plan plan, PlanRequest request,
      Progress progress) {
    TimeSeriesPlan ts = plan.timeSeries();
    progress.stage("time-series search", 1);
    Dataset d = data;
    if (ts.orderColumn() != null) {
      List<String> keep = new ArrayList<>();
      for (int j = 0; j < data.columns(); j++) {
        if (!data.variable(j).name().equals(ts.orderColumn())) {
          keep.add(data.variable(j).name());
        }
      }
      d = data.selectColumns(keep);
    }
    MissingPolicy policy = plan.missingPolicy() == MissingPolicy.REFUSE && d.hasMissing()
        ? MissingPolicy.LISTWISE_DELETION : plan.missingPolicy();
    TimeSeries series = TimeSeries.of(d, policy);
    series.checkMaxLag(ts.maxLag(), "the planned max lag");
    LaggedDesign design = LaggedDesign.of(series, PcmciPlus.designDepth(ts.maxLag()));
    IndependenceTest test = ts.test() == Statistic.FISHER_Z ? design.parCorr(request.threads())
        : ts.test().test(design.dataset(), request.seed(), request.threads());
    TimeSeriesResult r = PcmciPlus.builder(test, series.names()).maxLag(ts.maxLag())
        .alpha(ts.alpha()).threads(request.threads()).build().search();
    progress.advance();
    List<String> warnings = new ArrayList<>(series.notes());
    warnings.addAll(r.warnings());
    return new TimeSeriesResult(r.annotated(), r.stats(), warnings, r.linkStatistics());
  }

  /** Chooses the plan's parameter as its tuning criterion says (no search on all rows yet). */
  public static TuningResult tune(Dataset data, Plan plan, PlanRequest request,
      Progress progress) {
    Tuning t = plan.tuning();
    switch (t.criterion()) {
      case INTERNAL:
        return new TuningResult(t.criterion(), t.parameter(), Double.NaN, List.of(),
            "tuned inside the search");
      case FIXED:
        return new TuningResult(t.criterion(), t.parameter(), t.candidates().get(0), List.of(),
            t.parameter() + " fixed at " + t.candidates().get(0));
      case INFORMATION_CRITERION:
        return byInformationCriterion(data, plan, request, progress);
      case EXTENDED_BIC:
        return byExtendedBic(data, plan, request, progress);
      case STABILITY:
        return byStability(data, plan, request, progress);
      default:
        throw new IllegalStateException(t.criterion().toString());
    }
  }

  /**
   * α by the score of each candidate's graph. FCI's and GFCI's PAGs have no DAG to score, so
   * their α is tuned on PC-Stable's graphs with the same test (same kind of skeleton search,
   * CPDAG output).
   */
  private static TuningResult byInformationCriterion(Dataset data, Plan plan,
      PlanRequest request, Progress progress) {
    Tuning t = plan.tuning();
    Algorithm searched = plan.algorithm().allowsHiddenConfounders() ? Algorithm.PC_STABLE
        : plan.algorithm();
    Statistic scoring = switch (plan.statistic()) {
      case G_SQUARE -> Statistic.BDEU;
      case CONDITIONAL_GAUSSIAN -> Statistic.CONDITIONAL_GAUSSIAN_BIC;
      default -> Statistic.BIC;
    };
    Score score = scoring.score(data, 1.0, request.threads());
    progress.stage("tuning " + t.parameter(), t.candidates().size());
    List<Candidate> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    double chosen = t.candidates().get(t.candidates().size() / 2);
    for (double value : t.candidates()) {
      Graph g = searched.search(data, plan.statistic(), value, request.knowledge(),
          request.seed(), request.threads()).graph();
      double s = ConsistentExtension.of(g).map(dag -> graphScore(score, dag))
          .orElse(Double.NaN);
      out.add(new Candidate(value, s));
      if (s > best + 1e-9) {
        best = s;
        chosen = value;
      }
      progress.advance();
    }
    String note = String.format(Locale.ROOT, "%s = %s: the %s of the %s graph (a DAG in its"
        + " class) was highest%s", t.parameter(), chosen, scoring.label(), searched.label(),
        searched == plan.algorithm() ? "" : " (" + plan.algorithm().label() + "'s α is tuned on"
            + " PC-Stable with the same test, since a PAG has no likelihood)");
    if (Double.isInfinite(best)) {
      note = t.parameter() + " = " + chosen + ": no candidate's graph could be extended to a"
          + " DAG and scored, so the middle candidate is used";
    }
    return new TuningResult(t.criterion(), t.parameter(), chosen, out, note);
  }

  /**
   * The penalty whose graph has the best extended BIC (Chen &amp; Chen 2008): the linear-Gaussian
   * BIC at penalty 1, in its 2·log-likelihood form, less 2γ·log C(p − 1, k) per node with k
   * parents.
   */
  private static TuningResult byExtendedBic(Dataset data, Plan plan, PlanRequest request,
      Progress progress) {
    Tuning t = plan.tuning();
    Score bic = plan.statistic().score(data, 1.0, request.threads());
    int p = data.columns();
    double gamma = Tuning.Criterion.EBIC_GAMMA;
    progress.stage("tuning " + t.parameter(), t.candidates().size());
    List<Candidate> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    double chosen = t.candidates().get(t.candidates().size() / 2);
    for (double value : t.candidates()) {
      Graph g = plan.algorithm().search(data, plan.statistic(), value, request.knowledge(),
          request.seed(), request.threads()).graph();
      double s = ConsistentExtension.of(g).map(dag -> {
        double sum = graphScore(bic, dag);
        for (int v = 0; v < p; v++) {
          sum -= 2 * gamma * logBinomial(p - 1, dag.parents(v).length);
        }
        return sum;
      }).orElse(Double.NaN);
      out.add(new Candidate(value, s));
      if (s > best + 1e-9) {
        best = s;
        chosen = value;
      }
      progress.advance();
    }
    String note = Double.isInfinite(best)
        ? t.parameter() + " = " + chosen + ": no candidate's graph could be extended to a DAG and"
            + " scored, so the middle candidate is used"
        : String.format(Locale.ROOT, "%s = %s: the extended BIC (γ = %s) of the %s graph (a DAG"
            + " in its class) was highest", t.parameter(), chosen, gamma,
            plan.algorithm().label());
    return new TuningResult(t.criterion(), t.parameter(), chosen, out, note);
  }

  /** log C(n, k). */
  static double logBinomial(int n, int k) {
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += Math.log(n - k + i) - Math.log(i);
    }
    return s;
  }

  private static double graphScore(Score score, Graph dag) {
    double s = 0;
    for (int v = 0; v < dag.size(); v++) {
      s += score.localScore(v, dag.parents(v));
    }
    return s;
  }

  /** StARS: the smallest penalty whose mean edge instability is at most the bound. */
  private static TuningResult byStability(Dataset data, Plan plan, PlanRequest request,
      Progress progress) {
    Tuning t = plan.tuning();
    int p = data.columns();
    double pairs = p * (p - 1) / 2.0;
    progress.stage("tuning " + t.parameter(), (long) t.candidates().size()
        * plan.stabilitySubsamples());
    List<Candidate> out = new ArrayList<>();
    Double chosen = null;
    for (double value : t.candidates()) {
      Function<Dataset, DiscoveryResult> once = sample -> {
        DiscoveryResult r = plan.algorithm().search(sample, plan.statistic(), value,
            request.knowledge(), request.seed(), 1);
        progress.advance();
        return r;
      };
      ResamplingResult rr = Resampling.builder(once).method(Resampling.Method.SUBSAMPLE)
          .subsampleFraction(0.5).samples(plan.stabilitySubsamples()).seed(request.seed() + 1)
          .threads(request.threads()).build().run(data);
      double instability = 0;
      for (EdgeFrequencies f : rr.pairs()) {
        double theta = f.adjacency();
        instability += 2 * theta * (1 - theta);
      }
      instability /= pairs;
      out.add(new Candidate(value, instability));
      if (chosen == null && instability <= Tuning.Criterion.INSTABILITY_BOUND) {
        chosen = value;
      }
    }
    String note;
    if (chosen == null) {
      chosen = t.candidates().get(t.candidates().size() - 1);
      note = String.format(Locale.ROOT, "%s = %s: no candidate's edge instability was at most"
          + " %s, so the strictest is used", t.parameter(), chosen,
          Tuning.Criterion.INSTABILITY_BOUND);
    } else {
      note = String.format(Locale.ROOT, "%s = %s: the smallest whose mean edge instability"
          + " over %d half-size subsamples is at most %s", t.parameter(), chosen,
          plan.stabilitySubsamples(), Tuning.Criterion.INSTABILITY_BOUND);
    }
    return new TuningResult(t.criterion(), t.parameter(), chosen, out, note);
  }

  /**
   * Identifies the effect of the request's treatment on its outcome in the learned graph and
   * estimates it: for adjustment, with a binary treatment AIPW, regression adjustment and
   * propensity-score matching; with a continuous one, regression adjustment and double ML with
   * random forests. A class that leaves the effect open gives every possible effect (IDA).
   */
  public static EffectRun effect(Dataset data, Graph graph, PlanRequest request,
      Progress progress) {
    String treatment = request.treatment().orElseThrow();
    String outcome = request.outcome().orElseThrow();
    progress.stage("effect", 3);
    Identification id;
    try {
      CausalQuery q = CausalQuery.builder(graph).treatment(treatment).outcome(outcome).build();
      id = Identifier.identifyAll(q).get(0);
    } catch (InvalidInputException e) {
      // A CPDAG refined by background knowledge, or one with conflicting colliders, is not the
      // CPDAG of any DAG; the identifier reads only CPDAGs, DAGs, MAGs and PAGs.
      return new EffectRun(treatment, outcome, "none", "the learned graph cannot be used for"
          + " identification: " + e.getMessage(), List.of(), List.of(), List.of(), List.of(),
          List.of(), "refutation not run: there is no estimate to refute", List.of("identification on graphs refined by background knowledge"
              + " (maximally oriented PDAGs) is not available in this build; run without"
              + " --knowledge, or estimate with causal4j effect --covariates"));
    }
    progress.advance();
    EstimatorSettings settings = new EstimatorSettings(Learner.LINEAR, 5, 200, request.seed(),
        request.threads(), 0, Matching.Distance.PROPENSITY, 0, 1);
    List<String> warnings = new ArrayList<>();
    if (id instanceof NotIdentifiable ni) {
      progress.advance();
      progress.advance();
      return new EffectRun(treatment, outcome, ni.strategy().label(), ni.summary(), List.of(),
          ni.assumptions(), List.of(), List.of(), List.of(),
          "refutation not run: the effect is not identified, so there is no estimate to refute",
          warnings);
    }
    if (id instanceof Ida ida) {
      PossibleEffects pe = PossibleEffects.estimate(data, ida, Estimand.ATE, Optional.empty(),
          settings);
      progress.advance();
      progress.advance();
      List<EffectRun.PossibleEffect> possible = pe.effects().stream()
          .map(e -> new EffectRun.PossibleEffect(e.adjustmentSet(), e.zeroEffect(),
              e.estimate().orElse(null)))
          .toList();
      return new EffectRun(treatment, outcome, ida.strategy().label(), ida.summary(),
          List.of(), ida.assumptions(), List.of(), possible, List.of(), "refutation not run:"
          + " the learned graph leaves the effect open between " + possible.size() + " values,"
          + " and refuters check one estimate", warnings);
    }
    EstimationProblem problem = EstimationProblem.of(data, id, Estimand.ATE);
    EffectData ed = EffectData.of(problem);
    List<EffectEstimate> estimates = new ArrayList<>();
    List<Estimator> estimators = new ArrayList<>();
    List<String> adjustment = List.of();
    if (id instanceof BackdoorAdjustment b) {
      adjustment = b.adjustmentSet();
      List<Method> methods = ed.isBinaryTreatment()
          ? List.of(Method.AIPW, Method.REGRESSION, Method.MATCHING)
          : List.of(Method.REGRESSION, Method.DML);
      for (Method m : methods) {
        EstimatorSettings s = m == Method.DML ? settings.withLearner(Learner.FOREST) : settings;
        try {
          Estimator est = EstimatorSelection.build(m, ed, s);
          estimates.add(est.estimate(problem));
          estimators.add(est);
        } catch (InvalidInputException e) {
          warnings.add(m.label() + " could not run: " + e.getMessage());
        }
      }
    } else {
      EstimatorSelection.Choice c = EstimatorSelection.choose(Optional.empty(), id, ed, settings);
      estimates.add(c.estimator().estimate(problem));
      estimators.add(c.estimator());
      warnings.add("only one estimator fits a " + id.strategy().label() + " identification: "
          + c.reason());
    }
    progress.advance();
    List<Refutation> refutations = new ArrayList<>();
    String note;
    if (estimates.isEmpty()) {
      note = "refutation not run: no estimator could run";
    } else {
      refutations.addAll(refute(estimators.get(0), problem, estimates.get(0), request.seed(),
          warnings));
      note = String.format(Locale.ROOT, "refuted the %s estimate: %d runs of each re-running"
          + " refuter, seed %d", estimates.get(0).method().label(), REFUTE_RUNS, request.seed());
      int regression = estimators.indexOf(estimators.stream()
          .filter(x -> x.method() == Method.REGRESSION).findFirst().orElse(null));
      if (regression >= 0) {
        try {
          refutations.add(Refutations.run(EnumSet.of(RefuterKind.ROBUSTNESS_VALUE),
              estimators.get(regression), problem, estimates.get(regression), REFUTE_RUNS,
              request.seed()).get(0));
          note += "; the robustness value is of the regression adjustment estimate";
        } catch (InvalidInputException e) {
          warnings.add("robustness value could not run: " + e.getMessage());
        }
      }
    }
    progress.advance();
    return new EffectRun(treatment, outcome, id.strategy().label(), id.summary(), adjustment,
        id.assumptions(), estimates, List.of(), refutations, note, warnings);
  }

  /**
   * Each of {@link #REFUTERS} on {@code original}; a refuter that cannot run on this problem (a
   * random common cause where nothing is adjusted, say) is left out with a warning, the others
   * still run.
   */
  private static List<Refutation> refute(Estimator estimator, EstimationProblem problem,
      EffectEstimate original, long seed, List<String> warnings) {
    List<Refutation> out = new ArrayList<>();
    for (RefuterKind k : REFUTERS) {
      try {
        out.addAll(Refutations.run(EnumSet.of(k), estimator, problem, original, REFUTE_RUNS,
            seed));
      } catch (InvalidInputException e) {
        warnings.add(k.label() + " could not run: " + e.getMessage());
      }
    }
    return out;
  }
}
