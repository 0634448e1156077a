package dev.causal4j.analyst.explain;

import dev.causal4j.analyst.plan.Plan;
import dev.causal4j.analyst.run.DiscoveryRun;
import dev.causal4j.analyst.run.EffectRun;
import dev.causal4j.discovery.resampling.EdgeFrequencies;
import dev.causal4j.discovery.resampling.ResamplingResult;
import dev.causal4j.discovery.timeseries.LinkStatistics;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import dev.causal4j.effects.estimate.EffectEstimate;
import dev.causal4j.effects.refute.EValue;
import dev.causal4j.effects.refute.Refutation;
import dev.causal4j.effects.refute.RobustnessValue;
import dev.causal4j.graph.Edge;
import dev.causal4j.graph.Endpoint;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.graph.io.AnnotatedGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns an analysis's numbers into sentences a reader can check against the report. */
public final class Explainer {
  /** Edges described in words; the report's table and result.json hold all of them. */
  public static final int MAX_EDGE_SENTENCES = 15;

  private Explainer() {}

  /**
   * The explanation of a time series: the lagged graph leads (headline and the first sentences,
   * strongest links first), then the graph of the rows read as independent, then as {@link
   * #explain(Plan, DiscoveryRun, EffectRun)}.
   */
  public static Explanation explain(Plan plan, DiscoveryRun discovery,
      TimeSeriesResult timeSeries, EffectRun effect) {
    Explanation e = explain(plan, discovery, effect);
    if (timeSeries == null) {
      return e;
    }
    LaggedGraph g = timeSeries.graph();
    String headline = String.format(Locale.ROOT, "PCMCI+ (Runge 2020) with %s up to lag %d"
        + " found %d link%s between time steps. Read as independent rows: %s",
        plan.timeSeries().testLabel(), g.maxLag(), g.linkCount(), g.linkCount() == 1 ? "" : "s",
        e.headline());
    List<LaggedGraph.Link> links = new ArrayList<>(g.links());
    LinkStatistics ls = timeSeries.linkStatistics();
    if (ls != null) {
      links.sort(Comparator.comparingDouble(l -> ls.pValue(l.from(), l.to(),
          l.lag())));
    }
    List<String> graph = new ArrayList<>();
    for (LaggedGraph.Link l : links.subList(0, Math.min(MAX_EDGE_SENTENCES, links.size()))) {
      String from = g.variable(l.from());
      String to = g.variable(l.to());
      String when = l.lag() == 0 ? "in the same time step" : l.lag() == 1 ? "one step later"
          : l.lag() + " steps later";
      String text = !l.isDirected() ? from + " and " + to + " are linked within one time step,"
          + " in a direction the data cannot tell"
          : from.equals(to) ? from + " depends on its own value " + l.lag() + " step"
              + (l.lag() == 1 ? "" : "s") + " before"
          : from + " drives " + to + " " + when;
      double pv = ls == null ? Double.NaN : ls.pValue(l.from(), l.to(), l.lag());
      graph.add(from + "(t" + (l.lag() == 0 ? "" : "-" + l.lag()) + ") " + l.symbol() + " " + to
          + "(t): " + text + (Double.isNaN(pv) ? "." : String.format(Locale.ROOT,
              " (p = %.2g).", pv)));
    }
    graph.addAll(e.graph());
    List<String> caveats = new ArrayList<>();
    caveats.add("The lagged graph assumes the process is stationary (the same links at every"
        + " time) and that no link reaches further back than lag " + g.maxLag() + ".");
    caveats.addAll(e.caveats());
    return new Explanation(headline, graph, e.effect(), caveats);
  }

  public static Explanation explain(Plan plan, DiscoveryRun discovery, EffectRun effect) {
    AnnotatedGraph ensemble = discovery.bootstrap().ensemble();
    Graph g = ensemble.graph();
    List<EdgeLine> lines = edgeLines(discovery.bootstrap());
    String headline = String.format(Locale.ROOT, "%s with %s on %d rows found %d edge%s present"
        + " in at least half of %d bootstrap runs.", plan.algorithm().citation(),
        plan.statistic().label().equals("none") ? "the data" : plan.statistic().label(),
        discovery.rows(), g.edgeCount(), g.edgeCount() == 1 ? "" : "s",
        discovery.bootstrap().succeeded());
    List<String> graph = new ArrayList<>();
    for (EdgeLine l : lines.subList(0, Math.min(MAX_EDGE_SENTENCES, lines.size()))) {
      graph.add(l.sentence());
    }
    if (lines.size() > MAX_EDGE_SENTENCES) {
      graph.add((lines.size() - MAX_EDGE_SENTENCES) + " more edges are listed in the table.");
    }
    List<String> caveats = new ArrayList<>();
    if (g.kind() == GraphKind.CPDAG && g.edges().stream()
        .anyMatch(e -> e.atFrom() == Endpoint.TAIL && e.atTo() == Endpoint.TAIL)) {
      caveats.add("Undirected edges (—) are those the data cannot orient: either direction fits"
          + " equally well.");
    }
    if (plan.algorithm().allowsHiddenConfounders()) {
      caveats.add("The graph is a PAG: a circle (o) means the mark could be a tail or an"
          + " arrowhead; ↔ means a hidden common cause.");
    } else {
      caveats.add("The search assumes no hidden common causes of two or more measured"
          + " variables; if there are some, declare them with --hidden-confounders.");
    }
    caveats.addAll(discovery.full().warnings());
    List<String> eff = effect == null ? List.of() : effectSentences(effect, discovery);
    return new Explanation(headline, graph, eff, caveats);
  }

  /** One edge of the ensemble with its probabilities and a sentence. */
  public record EdgeLine(String from, String symbol, String to, double probability,
      double adjacency, String sentence) {}

  /** Every ensemble edge, most probable first (ties by adjacency, then names). */
  public static List<EdgeLine> edgeLines(ResamplingResult boot) {
    AnnotatedGraph ensemble = boot.ensemble();
    Graph g = ensemble.graph();
    List<EdgeLine> out = new ArrayList<>();
    for (Edge e : g.edges()) {
      double prob = ensemble.annotation(e.from(), e.to()).probability().orElse(Double.NaN);
      double adj = adjacency(boot, e);
      String a = g.name(e.from());
      String b = g.name(e.to());
      out.add(new EdgeLine(a, e.symbol(), b, prob, adj, sentence(a, b, e, prob, adj)));
    }
    out.sort(Comparator.comparingDouble((EdgeLine l) -> -l.probability())
        .thenComparingDouble(l -> -l.adjacency()).thenComparing(EdgeLine::from)
        .thenComparing(EdgeLine::to));
    return out;
  }

  private static double adjacency(ResamplingResult boot, Edge e) {
    int a = Math.min(e.from(), e.to());
    int b = Math.max(e.from(), e.to());
    for (EdgeFrequencies f : boot.pairs()) {
      if (f.a() == a && f.b() == b) {
        return f.adjacency();
      }
    }
    return Double.NaN;
  }

  private static String sentence(String a, String b, Edge e, double prob, double adj) {
    String what = meaning(a, b, e.atFrom(), e.atTo());
    String share = String.format(Locale.ROOT, "appears in %s of bootstrap runs", pct(prob));
    String adjacent = adj > prob + 1e-9 ? String.format(Locale.ROOT, " (the two are adjacent in"
        + " %s)", pct(adj)) : "";
    return a + " " + arrow(e) + " " + b + " " + share + adjacent + ": " + what + ".";
  }

  private static String meaning(String a, String b, Endpoint atA, Endpoint atB) {
    if (atA == Endpoint.TAIL && atB == Endpoint.ARROW) {
      return a + " causes " + b;
    }
    if (atA == Endpoint.ARROW && atB == Endpoint.TAIL) {
      return b + " causes " + a;
    }
    if (atA == Endpoint.TAIL && atB == Endpoint.TAIL) {
      return "they are causally linked, in a direction the data cannot tell";
    }
    if (atA == Endpoint.ARROW && atB == Endpoint.ARROW) {
      return "a hidden common cause affects both";
    }
    if (atA == Endpoint.CIRCLE && atB == Endpoint.ARROW) {
      return b + " does not cause " + a + "; " + a + " causes " + b
          + " or they share a hidden cause";
    }
    if (atA == Endpoint.ARROW && atB == Endpoint.CIRCLE) {
      return a + " does not cause " + b + "; " + b + " causes " + a
          + " or they share a hidden cause";
    }
    return "they are linked, but the direction and hidden causes are undetermined";
  }

  /** The edge as arrows people read: →, ←, —, ↔, o→, ←o, o—o, —o, o—. */
  public static String arrow(Edge e) {
    return switch (e.atFrom().name() + "-" + e.atTo().name()) {
      case "TAIL-ARROW" -> "→";
      case "ARROW-TAIL" -> "←";
      case "TAIL-TAIL" -> "—";
      case "ARROW-ARROW" -> "↔";
      case "CIRCLE-ARROW" -> "o→";
      case "ARROW-CIRCLE" -> "←o";
      case "CIRCLE-CIRCLE" -> "o—o";
      case "TAIL-CIRCLE" -> "—o";
      default -> "o—";
    };
  }

  private static List<String> effectSentences(EffectRun e, DiscoveryRun discovery) {
    List<String> out = new ArrayList<>();
    String t = e.treatment();
    String y = e.outcome();
    if (e.strategy().equals("none")) {
      out.add("The effect of " + t + " on " + y + " cannot be estimated from the learned graph: "
          + e.identification());
    } else if (e.strategy().equals("ida")) {
      List<EffectRun.PossibleEffect> ps = e.possible();
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (EffectRun.PossibleEffect p : ps) {
        double v = p.zeroEffect() ? 0 : p.estimate().estimate();
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      out.add(String.format(Locale.ROOT, "The learned graph leaves some edges near %s"
          + " unoriented, so it does not fix one effect of %s on %s: over the %d ways of"
          + " orienting them, the effect is between %s and %s.", t, t, y, ps.size(), num(lo),
          num(hi)));
    } else if (!e.estimates().isEmpty()) {
      EffectEstimate first = e.estimates().get(0);
      String how = e.strategy().equals("backdoor")
          ? e.adjustmentSet().isEmpty() ? "it needs no adjustment: the graph shows no confounding"
              + " path" : "it is identified by adjusting for " + String.join(", ",
                  e.adjustmentSet())
          : "it is identified by " + e.identification();
      out.add(String.format(Locale.ROOT, "The effect of %s on %s is %s (95%% CI %s to %s) by"
          + " %s; %s.", t, y, num(first.estimate()), num(first.interval().lower()),
          num(first.interval().upper()), first.method().label(), how));
      for (EffectEstimate other : e.estimates().subList(1, e.estimates().size())) {
        out.add(String.format(Locale.ROOT, "%s gives %s (95%% CI %s to %s).",
            capitalise(other.method().label()), num(other.estimate()),
            num(other.interval().lower()), num(other.interval().upper())));
      }
      if (e.estimates().size() > 1) {
        boolean overlap = true;
        for (EffectEstimate a : e.estimates()) {
          for (EffectEstimate b : e.estimates()) {
            overlap &= a.interval().lower() <= b.interval().upper()
                && b.interval().lower() <= a.interval().upper();
          }
        }
        out.add(overlap ? "The estimators' intervals overlap: the outcome and treatment models"
            + " do not contradict each other."
            : "The estimators' intervals do not all overlap: at least one of the models is wrong,"
                + " so read the estimates with care.");
      }
    }
    if (e.refutations().isEmpty()) {
      out.add(capitalise(e.refutation()) + ".");
    } else {
      out.addAll(refutationSentences(e));
    }
    return out;
  }

  /**
   * What the refuters found: how many passed, which failed, and how strong a hidden confounder
   * would have to be to explain the effect away (from the E-value and, for a regression estimate,
   * the robustness value).
   */
  static List<String> refutationSentences(EffectRun e) {
    List<String> out = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Refutation r : e.refutations()) {
      if (!r.verdict().passed()) {
        failed.add(r.kind().label());
      }
    }
    int passed = e.refutations().size() - failed.size();
    out.add(String.format(Locale.ROOT, "%s: %d of %d checks pass%s.", capitalise(e.refutation()),
        passed, e.refutations().size(), failed.isEmpty() ? ""
            : " (" + String.join(", ", failed) + " fail" + (failed.size() == 1 ? "s" : "")
                + ", so read the estimate with care)"));
    String t = e.treatment();
    String y = e.outcome();
    for (Refutation r : e.refutations()) {
      if (r instanceof EValue ev) {
        out.add(ev.bound() <= 1
            ? String.format(Locale.ROOT, "The estimate's interval already includes no effect;"
                + " a hidden confounder associated with %s and %s by a risk ratio of %.2f each"
                + " would explain the point estimate away (E-value).", t, y, ev.point())
            : String.format(Locale.ROOT, "A hidden confounder would need to be associated with"
                + " both %s and %s by a risk ratio of %.2f each, beyond the measured covariates,"
                + " to explain the effect away, and of %.2f each to make its interval include no"
                + " effect (E-value; %s).", t, y, ev.point(), ev.bound(), ev.conversion()));
      } else if (r instanceof RobustnessValue rv) {
        out.add(String.format(Locale.ROOT, "By the robustness value of the regression estimate,"
            + " a hidden confounder would need to explain %s of the residual variance of both %s"
            + " and %s to explain the effect away, and %s to make its 95%% interval include"
            + " zero.", pct(rv.rv()), t, y, pct(rv.rvAlpha())));
      }
    }
    return out;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : Math.round(100 * v) + "%";
  }

  /** A number as the report prints it: thousands separated, three significant digits or so. */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 0.01 || a == 0) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return String.format(Locale.ROOT, "%.2e", v);
  }
}
