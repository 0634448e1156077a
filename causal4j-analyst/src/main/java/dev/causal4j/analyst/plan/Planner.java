package dev.causal4j.analyst.plan;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.profile.DataKind;
import dev.causal4j.analyst.profile.Profile;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.discovery.pc.Pc;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From a {@link Profile} and a {@link PlanRequest} to a {@link Plan}: picks the first matching row
 * of the {@link RuleTable}, then fits it to the time budget, writing down each decision.
 *
 * <p>Budget: the {@link CostModel} estimates the whole analysis (profile, tuning searches, the
 * search on all the data, the bootstrap runs, the effect). When the estimate exceeds the budget,
 * the planner gives up, in this order, bootstrap runs (down to {@link #MIN_BOOTSTRAP}), tuning
 * (the candidates' middle value is used), and finally the rule itself for its {@code downgrade}
 * row, and says so in a step each time. A budget below {@link #minimumSeconds} is refused.
 *
 * <p>Missing values: unless the user chose a policy, rows with a missing value are dropped
 * (listwise) when that keeps at least half of them; otherwise continuous data are searched by
 * PC-Stable with Fisher Z tests, each on its complete rows (test-wise deletion), and other data
 * are refused with a message.
 */
public final class Planner {
  /** Fewest bootstrap runs: edge probabilities in steps of 5%. */
  public static final int MIN_BOOTSTRAP = 20;
  /** Most bootstrap runs. */
  public static final int MAX_BOOTSTRAP = 100;
  /** Subsamples per candidate when tuning by stability. */
  public static final int STABILITY_SUBSAMPLES = 10;
  /** Share of the budget the plan may fill by estimate, leaving room for the estimate's error. */
  static final double BUDGET_SHARE = 0.7;

  private Planner() {}

  /**
   * Plans the analysis of {@code data} (the data as read, missing values not yet handled).
   *
   * @throws InvalidInputException if the time budget is below the minimum for these data
   */
  public static Plan plan(Profile profile, Dataset data, PlanRequest request) {
    List<Plan.Step> steps = new ArrayList<>();
    int n = profile.rows();
    int p = profile.variables();
    double budget = request.timeBudget().toMillis() / 1000.0;
    double minimum = minimumSeconds(n, p, profile.kind(), request.wantsEffect());
    if (budget < minimum) {
      throw new InvalidInputException(String.format(Locale.ROOT, "a time budget of %s is too"
          + " small for %d rows × %d variables: the cheapest analysis needs about %s; use"
          + " --time-budget %s or more", seconds(budget), n, p, seconds(minimum),
          (long) Math.ceil(minimum) + "s"));
    }

    PlanInput.Pilot pilot = null;
    if (request.hiddenConfoundersDeclared()) {
      steps.add(new Plan.Step("knowledge", "allow for hidden common causes",
          "declared with --hidden-confounders."));
    } else {
      Statistic pilotTest = switch (profile.kind()) {
        case CONTINUOUS -> Statistic.FISHER_Z;
        case DISCRETE -> Statistic.G_SQUARE;
        case MIXED -> Statistic.CONDITIONAL_GAUSSIAN;
      };
      double pilotCost = CostModel.search(Algorithm.PC_STABLE, pilotTest, n, p)
          + CostModel.search(Algorithm.GFCI, pilotTest, n, p);
      if (pilotCost <= 0.05 * budget) {
        pilot = pilot(data, pilotTest, request);
        steps.add(new Plan.Step("knowledge", pilot.suspectsHiddenConfounding()
            ? "suspect hidden common causes" : "assume no hidden common causes",
            String.format(Locale.ROOT, "a pilot %s found %d conflicting collider(s) (<->) among"
                + " %d edges, %d of them also <-> in GFCI's PAG; hidden confounding is suspected"
                + " when %d or more and at least %.0f%% of the edges are confirmed so. Declare it"
                + " with --hidden-confounders if you know better.",
                pilot.algorithm(), pilot.bidirected(), pilot.edges(), pilot.confirmed(),
                PlanInput.Pilot.MIN_CONFIRMED, 100 * PlanInput.Pilot.MIN_CONFIRMED_SHARE)));
      } else {
        steps.add(new Plan.Step("knowledge", "assume no hidden common causes",
            "not declared, and the pilot search that looks for signs of them does not fit in"
                + " 5% of the time budget; declare them with --hidden-confounders if you"
                + " suspect them."));
      }
    }
    PlanInput in = new PlanInput(profile, request, pilot);

    MissingPolicy missing = missingPolicy(profile, request, steps);

    Rule rule = RuleTable.first(in);
    steps.add(new Plan.Step("discovery", rule.algorithm().label() + " with "
        + rule.statistic().label() + " (rule '" + rule.id() + "': " + fill(rule.condition()
            .description(), in) + ")", fill(rule.reason(), in)));
    Tuning testwiseTuning = null;
    if (missing == MissingPolicy.TESTWISE_DELETION
        && rule.statistic().dataKind() == DataKind.CONTINUOUS) {
      // Continuous data with too few complete rows go to test-wise Fisher Z tests at a fixed α
      // (the reason of row 'missing-pc' gives the measurements); a PAG stays a PAG, by FCI.
      Rule pc = RuleTable.byId(rule.algorithm().allowsHiddenConfounders()
          ? "hidden-continuous-fci" : "missing-pc").orElseThrow();
      Rule testwise = RuleTable.byId("missing-pc").orElseThrow();
      testwiseTuning = testwise.tuning();
      steps.add(new Plan.Step("discovery", "switch: " + rule.algorithm().label() + " with "
          + rule.statistic().label() + " → " + pc.algorithm().label() + " with "
          + pc.statistic().label() + ", α = " + testwiseTuning.candidates().get(0),
          "listwise deletion keeps too few rows. " + testwise.reason()));
      rule = pc;
    }
    if (rule.statistic() == Statistic.FISHER_Z && missing == MissingPolicy.TESTWISE_DELETION) {
      steps.add(new Plan.Step("data", "test-wise deletion",
          "each Fisher Z test uses the rows complete in its variables."));
    } else if (missing == MissingPolicy.TESTWISE_DELETION) {
      throw new InvalidInputException("too many rows have missing values for " + rule.algorithm()
          .label() + " with " + rule.statistic().label() + " (which needs complete rows):"
          + " listwise deletion keeps " + profile.missingness().completeRows() + " of " + n
          + "; drop the sparsest columns with --drop");
    }

    Tuning tuning = testwiseTuning != null ? testwiseTuning : rule.tuning();
    int boot = MAX_BOOTSTRAP;
    double estimate = estimate(rule, tuning, boot, n, p, request.wantsEffect());
    while (estimate > BUDGET_SHARE * budget) {
      int affordable = affordableBootstrap(rule, tuning, n, p, request.wantsEffect(), budget);
      if (affordable >= MIN_BOOTSTRAP) {
        steps.add(new Plan.Step("budget", boot + " → " + affordable + " bootstrap runs",
            String.format(Locale.ROOT, "%d runs of %s are estimated at %s, over %.0f%% of the"
                + " %s budget.", boot, rule.algorithm().label(), seconds(estimate),
                100 * BUDGET_SHARE, seconds(budget))));
        boot = affordable;
        estimate = estimate(rule, tuning, boot, n, p, request.wantsEffect());
        break;
      }
      if (tuning.tunes()) {
        double middle = tuning.candidates().get(tuning.candidates().size() / 2);
        steps.add(new Plan.Step("budget", "no tuning: " + tuning.parameter() + " = "
            + middle, "tuning " + tuning.parameter() + " by " + criterion(tuning)
            + " does not fit in the budget of " + seconds(budget) + "."));
        tuning = new Tuning(Tuning.Criterion.FIXED, tuning.parameter(), List.of(middle));
        estimate = estimate(rule, tuning, boot, n, p, request.wantsEffect());
        continue;
      }
      if (rule.downgrade() == null) {
        boot = MIN_BOOTSTRAP;
        estimate = estimate(rule, tuning, boot, n, p, request.wantsEffect());
        steps.add(new Plan.Step("budget", MIN_BOOTSTRAP + " bootstrap runs",
            "nothing cheaper fits these data; the estimate of " + seconds(estimate)
                + " may exceed the budget."));
        break;
      }
      Rule cheaper = RuleTable.byId(rule.downgrade()).orElseThrow();
      steps.add(new Plan.Step("budget", "downgrade: " + rule.algorithm().label() + " with "
          + rule.statistic().label() + " → " + cheaper.algorithm().label() + " with "
          + cheaper.statistic().label(), String.format(Locale.ROOT, "%s with %s is estimated"
              + " at %s even with %d bootstrap runs and no tuning, over the %s budget; the"
              + " cheaper rule '%s' is used instead. %s", rule.algorithm().label(),
              rule.statistic().label(), seconds(estimate(rule, fixed(tuning), MIN_BOOTSTRAP, n,
                  p, request.wantsEffect())), MIN_BOOTSTRAP, seconds(budget), cheaper.id(),
              fill(cheaper.reason(), in))));
      rule = cheaper;
      tuning = rule.tuning();
      boot = MAX_BOOTSTRAP;
      estimate = estimate(rule, tuning, boot, n, p, request.wantsEffect());
    }
    steps.add(new Plan.Step("tuning", tuningDecision(tuning), tuningReason(tuning)));
    steps.add(new Plan.Step("resampling", boot + " bootstrap runs",
        "each edge's probability is the share of runs on resampled rows that found it (Friedman"
            + " et al. 1999); the graph shown keeps edges found in at least half of them."));
    steps.add(new Plan.Step("knowledge", knowledgeDecision(request.knowledge()),
        request.knowledge().isEmpty() ? "no --knowledge file given."
            : "passed into the search, which never considers a forbidden edge and always keeps a"
                + " required one; it is not patched onto the result afterwards."));
    TimeSeriesPlan timeSeries = null;
    if (profile.time().looksLikeTimeSeries()) {
      java.util.Optional<TimeSeriesRule> ts = RuleTable.firstTimeSeries(in);
      if (ts.isEmpty()) {
        steps.add(new Plan.Step("time series", "analyse the rows as independent",
            "the profile suggests the rows are ordered in time, but the time-series search"
                + " (PCMCI+) reads continuous variables only; results for independent rows may"
                + " mislead."));
      } else {
        String order = profile.time().declared() ? null : profile.time().orderColumn();
        LagSelection.Choice lag = LagSelection.choose(data, order);
        timeSeries = new TimeSeriesPlan(ts.get().id(), ts.get().test(), lag.maxLag(),
            lag.reason(), RuleTable.TIME_SERIES_ALPHA, order);
        steps.add(new Plan.Step("time series", "pcmci-plus with " + timeSeries.testLabel()
            + ", max lag " + lag.maxLag() + ", α = " + RuleTable.TIME_SERIES_ALPHA + " (rule '"
            + ts.get().id() + "')", fill(ts.get().reason(), in) + (order == null ? ""
                : " The column '" + order + "' only counts the rows and is left out.")));
        steps.add(new Plan.Step("time series", "max lag " + lag.maxLag(), lag.reason()));
        estimate += CostModel.timeSeries(ts.get().test(), n, p, lag.maxLag());
        steps.add(new Plan.Step("time series", "also search the rows as independent, for"
            + " comparison", "the lagged graph is the answer for a time series; the graph of"
                + " the rows read as independent (below it) shows only how the variables move"
                + " together at one time, and its bootstrap ignores the time order."));
      }
    }
    if (request.wantsEffect()) {
      steps.add(new Plan.Step("effect", "identify the effect of " + request.treatment().get()
          + " on " + request.outcome().get() + " in the learned graph, then estimate it with"
          + " two or more estimators", "an effect is only as good as the graph that identifies"
              + " it; two estimators that rest on different models (outcome regression, and"
              + " propensity or matching) should agree if either model is right."));
    }
    steps.add(new Plan.Step("budget", "estimated " + seconds(estimate) + " of " + seconds(budget),
        "by the cost model (a formula of n and p, so the plan does not depend on the machine)."));
    return new Plan(RuleTable.VERSION, rule.id(), fill(rule.condition().description(), in),
        rule.algorithm(), rule.statistic(), tuning, boot,
        tuning.criterion() == Tuning.Criterion.STABILITY ? STABILITY_SUBSAMPLES : 0, missing,
        request.threads(), budget, estimate, minimum, pilot, timeSeries, steps);
  }

  /**
   * The least time budget, in seconds, for n rows and p variables: the profile and the cheapest
   * search for the data kind with {@link #MIN_BOOTSTRAP} bootstrap runs and no tuning.
   */
  public static double minimumSeconds(int n, int p, DataKind kind, boolean effect) {
    double best = Double.POSITIVE_INFINITY;
    for (Rule r : RuleTable.ROWS) {
      if (r.statistic().dataKind() == kind || r.statistic() == Statistic.NONE
          && kind == DataKind.CONTINUOUS) {
        best = Math.min(best, estimate(r, fixed(r.tuning()), MIN_BOOTSTRAP, n, p, effect));
      }
    }
    return best;
  }

  static double estimate(Rule r, Tuning t, int boot, int n, int p, boolean effect) {
    double one = CostModel.search(r.algorithm(), r.statistic(), n, p);
    double tuningCost = switch (t.criterion()) {
      case INFORMATION_CRITERION, EXTENDED_BIC -> t.candidates().size() * one;
      case STABILITY -> t.candidates().size() * STABILITY_SUBSAMPLES
          * CostModel.search(r.algorithm(), r.statistic(), n / 2, p);
      case INTERNAL, FIXED -> 0;
    };
    return CostModel.OVERHEAD + CostModel.profile(n, p) + tuningCost + (1 + boot) * one
        + (effect ? CostModel.effects(n, p) : 0);
  }

  private static int affordableBootstrap(Rule r, Tuning t, int n, int p, boolean effect,
      double budget) {
    double one = CostModel.search(r.algorithm(), r.statistic(), n, p);
    double rest = estimate(r, t, 0, n, p, effect) - one;
    return (int) Math.floor((BUDGET_SHARE * budget - rest) / one) - 1;
  }

  private static Tuning fixed(Tuning t) {
    return t.tunes()
        ? new Tuning(Tuning.Criterion.FIXED, t.parameter(),
            List.of(t.candidates().get(t.candidates().size() / 2)))
        : t;
  }

  private static PlanInput.Pilot pilot(Dataset data, Statistic test, PlanRequest request) {
    Dataset complete = data.applyMissingPolicy(MissingPolicy.LISTWISE_DELETION);
    Graph g = Pc.builder(test.test(complete, request.seed(), request.threads())).alpha(0.01)
        .stable(true).colliderRule(Pc.ColliderRule.MAX_P)
        .conflictRule(Pc.ConflictRule.ORIENT_BIDIRECTED)
        .knowledge(request.knowledge()).threads(request.threads()).build().search().graph();
    int bidirected = 0;
    for (Edge e : g.edges()) {
      if (isBidirected(e)) {
        bidirected++;
      }
    }
    int confirmed = 0;
    // GFCI is needed only when PC-Stable's conflicts alone could reach the threshold.
    if (bidirected >= PlanInput.Pilot.MIN_CONFIRMED) {
      Graph pag = Algorithm.GFCI.search(complete, test, 0.01, request.knowledge(), request.seed(),
          request.threads()).graph();
      for (Edge e : g.edges()) {
        if (isBidirected(e)) {
          if (pag.edge(e.from(), e.to()).filter(Planner::isBidirected).isPresent()) {
            confirmed++;
          }
        }
      }
    }
    return new PlanInput.Pilot("pc-stable with " + test.label() + " at α = 0.01",
        g.edgeCount(), bidirected, confirmed);
  }

  private static boolean isBidirected(Edge e) {
    return e.atFrom() == Endpoint.ARROW && e.atTo() == Endpoint.ARROW;
  }

  private static MissingPolicy missingPolicy(Profile profile, PlanRequest request,
      List<Plan.Step> steps) {
    int n = profile.rows();
    int complete = profile.missingness().completeRows();
    if (request.missingPolicy().isPresent()) {
      MissingPolicy m = request.missingPolicy().get();
      steps.add(new Plan.Step("data", m.toString().toLowerCase(Locale.ROOT).replace('_', ' '),
          "chosen with --missing."));
      return m;
    }
    if (complete == n) {
      steps.add(new Plan.Step("data", "use every row", "no value is missing."));
      return MissingPolicy.REFUSE;
    }
    if (complete * 2 >= n) {
      steps.add(new Plan.Step("data", "listwise deletion: keep the " + complete + " complete"
          + " rows of " + n, String.format(Locale.ROOT, "%.1f%% of rows are complete, enough to"
              + " drop the rest; this assumes values are missing completely at random (see the"
              + " missingness patterns).", 100.0 * complete / n)));
      return MissingPolicy.LISTWISE_DELETION;
    }
    return MissingPolicy.TESTWISE_DELETION;
  }

  private static String knowledgeDecision(Knowledge k) {
    if (k.isEmpty()) {
      return "no background knowledge";
    }
    return k.tiers().size() + " tier(s), " + k.requiredEdges().size() + " required and "
        + k.forbiddenEdges().size() + " forbidden edge(s)";
  }

  private static String tuningDecision(Tuning t) {
    return switch (t.criterion()) {
      case INFORMATION_CRITERION, EXTENDED_BIC, STABILITY -> t.parameter() + " from "
          + t.candidates()
          + " by " + criterion(t);
      case INTERNAL -> "tuned inside the search";
      case FIXED -> t.parameter() + " = " + t.candidates().get(0);
    };
  }

  private static String tuningReason(Tuning t) {
    return switch (t.criterion()) {
      case INFORMATION_CRITERION -> "each candidate's graph (a DAG in its class) is scored on all"
          + " the data by the BIC (BDeu for categorical data, conditional-Gaussian BIC for mixed);"
          + " the best score wins.";
      case EXTENDED_BIC -> "each candidate penalty's graph (a DAG in its class) is scored on all"
          + " the data by the extended BIC (Chen & Chen 2008, γ = " + Tuning.Criterion.EBIC_GAMMA
          + "): the BIC less 2γ·log C(p − 1, k) for each node with k parents; the best wins.";
      case STABILITY -> "each candidate runs on " + STABILITY_SUBSAMPLES + " subsamples of half"
          + " the rows; the smallest penalty whose mean edge instability 2θ(1−θ) is at most "
          + Tuning.Criterion.INSTABILITY_BOUND + " wins (StARS, Liu et al. 2010).";
      case INTERNAL -> "DirectLiNGAM prunes edges by the adaptive lasso with its penalty chosen"
          + " by BIC.";
      case FIXED -> "see the discovery step.";
    };
  }

  private static String criterion(Tuning t) {
    return switch (t.criterion()) {
      case STABILITY -> "stability";
      case EXTENDED_BIC -> "extended BIC";
      default -> "information criterion";
    };
  }

  /** Fills a reason template's placeholders from the input. */
  static String fill(String template, PlanInput in) {
    Profile.Signals s = in.profile().signals();
    String hidden = in.request().hiddenConfoundersDeclared() ? "declared"
        : in.pilot() != null && in.pilot().suspectsHiddenConfounding()
            ? "suspected (" + in.pilot().confirmed() + " conflicting colliders in a pilot search"
                + " that GFCI also finds <->)"
            : "not indicated";
    return template.replace("{n}", Integer.toString(in.profile().rows()))
        .replace("{p}", Integer.toString(in.profile().variables()))
        .replace("{nonGaussian}", pct(s.nonGaussianResiduals()))
        .replace("{nonlinear}", pct(s.nonlinearPairs()))
        .replace("{hidden}", hidden);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : Math.round(100 * v) + "%";
  }

  /** A duration in seconds as people write it: 850 ms, 12 s, 3.5 min. */
  public static String seconds(double s) {
    if (s < 1) {
      return Math.round(s * 1000) + " ms";
    }
    if (s < 120) {
      return String.format(Locale.ROOT, "%.0f s", s);
    }
    return String.format(Locale.ROOT, "%.1f min", s / 60);
  }
}
