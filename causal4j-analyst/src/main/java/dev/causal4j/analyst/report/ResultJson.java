package dev.causal4j.analyst.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.analyst.Analysis;
import dev.causal4j.analyst.explain.Explainer;
import dev.causal4j.analyst.explain.Explainer.EdgeLine;
import dev.causal4j.analyst.run.DiscoveryRun;
import dev.causal4j.discovery.DiscoveryResult;
import dev.causal4j.discovery.resampling.EdgeFrequencies;
import dev.causal4j.graph.Edge;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.LaggedGraph;
import dev.causal4j.analyst.run.EffectRun;
import dev.causal4j.effects.refute.Refutation;
import java.io.IOException;

/**
 * Everything in the report, machine-readable: request, profile, plan, tuning, the graph on all
 * rows, the bootstrap ensemble with every pair's edge frequencies, the effect and the
 * explanation. Numbers that are not finite are written as {@code null}.
 */
public final class ResultJson {
  /** Version of this document's layout. */
  public static final String FORMAT = "causal4j-analysis/1";

  private ResultJson() {}

  public static String render(Analysis a, String command) {
    ObjectMapper m = mapper();
    ObjectNode root = m.createObjectNode();
    root.put("format", FORMAT);
    root.put("command", command);
    ObjectNode req = root.putObject("request");
    req.put("treatment", a.request().treatment().orElse(null));
    req.put("outcome", a.request().outcome().orElse(null));
    req.put("hidden_confounders_declared", a.request().hiddenConfoundersDeclared());
    req.put("time_budget_seconds", a.request().timeBudget().toMillis() / 1000.0);
    req.put("seed", a.request().seed());
    req.put("knowledge", a.request().knowledge().toString());
    root.set("profile", m.valueToTree(a.profile()));
    root.set("plan", m.valueToTree(a.plan()));
    root.set("time_series", a.timeSeries() == null ? null : timeSeries(m, a.timeSeries()));
    root.set("discovery", discovery(m, a.discovery()));
    root.set("effect", a.effect() == null ? null : effect(m, a.effect()));
    root.set("explanation", m.valueToTree(a.explanation()));
    root.set("stage_millis", m.valueToTree(a.stageMillis()));
    try {
      return m.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The effect as its record, with each refutation named by its command-line label and its
   * verdict (word, pass, threshold, rule) beside the numbers of its kind.
   */
  private static ObjectNode effect(ObjectMapper m, EffectRun e) {
    ObjectNode o = m.valueToTree(e);
    ArrayNode refutations = o.putArray("refutations");
    for (Refutation r : e.refutations()) {
      ObjectNode x = refutations.addObject();
      x.put("name", r.kind().label());
      x.setAll((ObjectNode) m.valueToTree(r));
      x.remove("kind");
      // The verdict flattened as causal4j effect --refute writes it.
      x.put("verdict", r.verdict().word());
      x.put("passed", r.verdict().passed());
      x.put("threshold", r.verdict().threshold());
      x.put("rule", r.verdict().rule());
    }
    return o;
  }

  /**
   * The lagged graph: every link as {@code from} (the earlier variable), {@code lag}, {@code edge}
   * and {@code to}, with its p-value, and the summary arcs with their lags.
   */
  private static ObjectNode timeSeries(ObjectMapper m, TimeSeriesResult r) {
    LaggedGraph g = r.graph();
    ObjectNode o = m.createObjectNode();
    o.put("algorithm", r.stats().algorithm());
    o.put("graph_kind", g.kind().toString());
    o.put("max_lag", g.maxLag());
    ArrayNode links = o.putArray("links");
    for (LaggedGraph.Link l : g.links()) {
      ObjectNode x = links.addObject();
      x.put("from", g.variable(l.from()));
      x.put("lag", l.lag());
      x.put("edge", l.symbol());
      x.put("to", g.variable(l.to()));
      double pv = r.linkStatistics() == null ? Double.NaN
          : r.linkStatistics().pValue(l.from(), l.to(), l.lag());
      if (Double.isNaN(pv)) {
        x.putNull("p_value");
      } else {
        x.put("p_value", pv);
      }
    }
    ArrayNode summary = o.putArray("summary");
    for (LaggedGraph.SummaryArc arc : g.summary()) {
      ObjectNode x = summary.addObject();
      x.put("from", g.variable(arc.from()));
      x.put("edge", arc.symbol());
      x.put("to", g.variable(arc.to()));
      x.set("lags", m.valueToTree(arc.lags()));
    }
    o.set("warnings", m.valueToTree(r.warnings()));
    return o;
  }

  private static ObjectNode discovery(ObjectMapper m, DiscoveryRun d) {
    ObjectNode o = m.createObjectNode();
    o.put("rows", d.rows());
    o.set("tuning", m.valueToTree(d.tuning()));
    DiscoveryResult full = d.full();
    ObjectNode f = o.putObject("full");
    f.put("algorithm", full.stats().algorithm());
    f.put("graph_kind", full.graph().kind().toString());
    f.set("edges", edges(m, full.graph()));
    f.set("parameters", m.valueToTree(full.stats().parameters()));
    f.put("elapsed_millis", full.stats().elapsedMillis());
    f.set("warnings", m.valueToTree(full.warnings()));
    ObjectNode b = o.putObject("bootstrap");
    b.put("samples", d.bootstrap().samples());
    b.put("succeeded", d.bootstrap().succeeded());
    b.put("threshold", 0.5);
    ArrayNode ens = b.putArray("ensemble");
    for (EdgeLine l : Explainer.edgeLines(d.bootstrap())) {
      ObjectNode e = ens.addObject();
      e.put("from", l.from());
      e.put("edge", l.symbol());
      e.put("to", l.to());
      e.put("probability", l.probability());
      e.put("adjacency", l.adjacency());
    }
    ArrayNode pairs = b.putArray("pairs");
    java.util.List<String> names = d.bootstrap().ensemble().graph().nodeNames();
    for (EdgeFrequencies p : d.bootstrap().pairs()) {
      ObjectNode e = pairs.addObject();
      e.put("a", names.get(p.a()));
      e.put("b", names.get(p.b()));
      e.put("adjacency", p.adjacency());
      e.set("by_edge", m.valueToTree(p.bySymbol()));
    }
    return o;
  }

  private static ArrayNode edges(ObjectMapper m, Graph g) {
    ArrayNode out = m.createArrayNode();
    for (Edge e : g.edges()) {
      ObjectNode o = out.addObject();
      o.put("from", g.name(e.from()));
      o.put("edge", e.symbol());
      o.put("to", g.name(e.to()));
    }
    return out;
  }

  private static ObjectMapper mapper() {
    SimpleModule finite = new SimpleModule("finite-doubles");
    JsonSerializer<Double> nullIfNotFinite = new JsonSerializer<>() {
      @Override
      public void serialize(Double v, JsonGenerator gen, SerializerProvider p) throws IOException {
        if (v == null || !Double.isFinite(v)) {
          gen.writeNull();
        } else {
          gen.writeNumber(v);
        }
      }
    };
    finite.addSerializer(Double.class, nullIfNotFinite);
    finite.addSerializer(Double.TYPE, nullIfNotFinite);
    finite.addSerializer(double[].class, new JsonSerializer<>() {
      @Override
      public void serialize(double[] v, JsonGenerator gen, SerializerProvider p)
          throws IOException {
        gen.writeStartArray();
        for (double d : v) {
          if (Double.isFinite(d)) {
            gen.writeNumber(d);
          } else {
            gen.writeNull();
          }
        }
        gen.writeEndArray();
      }
    });
    // Optionals as their value or null (jackson-datatype-jdk8 would do the same; one class less).
    @SuppressWarnings({"rawtypes", "unchecked"})
    JsonSerializer<java.util.Optional> optional = new JsonSerializer<>() {
      @Override
      public void serialize(java.util.Optional v, JsonGenerator gen, SerializerProvider p)
          throws IOException {
        p.defaultSerializeValue(v.orElse(null), gen);
      }
    };
    finite.addSerializer(java.util.Optional.class, optional);
    finite.addSerializer(java.util.OptionalDouble.class, new JsonSerializer<>() {
      @Override
      public void serialize(java.util.OptionalDouble v, JsonGenerator gen, SerializerProvider p)
          throws IOException {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
          gen.writeNumber(v.getAsDouble());
        } else {
          gen.writeNull();
        }
      }
    });
    return new ObjectMapper().registerModule(finite)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }
}
