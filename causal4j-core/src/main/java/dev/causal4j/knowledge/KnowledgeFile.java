package dev.causal4j.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes background knowledge files, in either of two formats.
 *
 * <p><b>Text</b>, the format Tetrad reads and writes, so Tetrad users can bring their files:
 *
 * <pre>
 * /knowledge
 * addtemporal
 * 1 age sex           # tier 1: nothing in a later tier causes these
 * 2* smoking diet     # "*": no edges within this tier
 * 3 cancer
 *
 * forbiddirect
 * cancer smoking      # no edge cancer --> smoking
 *
 * requiredirect
 * smoking cancer      # the edge smoking --> cancer must be present
 * </pre>
 *
 * Section names are case-insensitive; {@code #} starts a comment; the {@code /knowledge} header
 * is optional; tiers are ordered by their numbers (which need not start at 1 or be consecutive).
 * Tetrad's {@code forbiddengroup}/{@code requiredgroup} sections and its {@code -} tier flag
 * ("only causes the next tier") are not supported and are refused by name.
 *
 * <p><b>JSON</b> (files ending {@code .json}):
 *
 * <pre>
 * {"tiers": [["age", "sex"], {"variables": ["smoking", "diet"], "edges_within": false}],
 *  "forbidden": [["cancer", "smoking"]],
 *  "required": [["smoking", "cancer"]]}
 * </pre>
 */
public final class KnowledgeFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KnowledgeFile() {}

  /** Reads a knowledge file, choosing the format by extension ({@code .json}) or content. */
  public static Knowledge read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("knowledge file " + file + " does not exist; check the path");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read knowledge file " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses knowledge text; {@code source} names it in messages. */
  public static Knowledge parse(String text, String source) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      return parseJson(trimmed, source);
    }
    return parseText(text, source);
  }

  private static Knowledge parseText(String text, String source) {
    Knowledge.Builder b = Knowledge.builder();
    TreeMap<Integer, List<String>> tiers = new TreeMap<>();
    Map<Integer, Boolean> within = new TreeMap<>();
    String section = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty() || line.equalsIgnoreCase("/knowledge")) {
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.equals("addtemporal") || lower.equals("forbiddirect")
          || lower.equals("requiredirect")) {
        section = lower;
        continue;
      }
      if (lower.equals("forbiddengroup") || lower.equals("requiredgroup")) {
        throw error(source, i, "Tetrad's '" + line + "' section is not supported; list the"
            + " edges one per line under forbiddirect or requiredirect instead");
      }
      String[] tokens = line.split("\\s+");
      if (section == null) {
        throw error(source, i, "'" + line + "' comes before any section; start a section with"
            + " addtemporal, forbiddirect or requiredirect");
      }
      switch (section) {
        case "addtemporal" -> {
          String label = tokens[0];
          boolean noWithin = label.endsWith("*");
          String number = noWithin ? label.substring(0, label.length() - 1) : label;
          if (number.endsWith("-")) {
            throw error(source, i, "the '-' tier flag (only causes the next tier) is not"
                + " supported; remove it or express it with forbiddirect lines");
          }
          int tier;
          try {
            tier = Integer.parseInt(number);
          } catch (NumberFormatException e) {
            throw error(source, i, "a tier line starts with the tier number (e.g. '1 age sex'"
                + " or '2* a b' for no edges within the tier); got '" + label + "'");
          }
          List<String> members = tiers.computeIfAbsent(tier, k -> new ArrayList<>());
          for (int k = 1; k < tokens.length; k++) {
            members.add(tokens[k]);
          }
          if (noWithin) {
            within.put(tier, true);
          }
        }
        case "forbiddirect", "requiredirect" -> {
          if (tokens.length != 2) {
            throw error(source, i, "an edge line names two variables, 'from to'; got '" + line
                + "'");
          }
          if (section.equals("forbiddirect")) {
            b.forbid(tokens[0], tokens[1]);
          } else {
            b.require(tokens[0], tokens[1]);
          }
        }
        default -> throw new IllegalStateException(section);
      }
    }
    for (Map.Entry<Integer, List<String>> t : tiers.entrySet()) {
      if (!t.getValue().isEmpty()) {
        b.tier(t.getValue(), within.getOrDefault(t.getKey(), false)
            ? Tier.WithinTier.FORBIDDEN : Tier.WithinTier.ALLOWED);
      }
    }
    return build(b, source);
  }

  private static Knowledge parseJson(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + ": not valid JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw new InvalidInputException(
          source + ": knowledge JSON is an object with \"tiers\", \"forbidden\", \"required\"");
    }
    Knowledge.Builder b = Knowledge.builder();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("tiers") && !field.equals("forbidden") && !field.equals("required")) {
        throw new InvalidInputException(source + ": unknown field \"" + field
            + "\"; knowledge JSON has \"tiers\", \"forbidden\" and \"required\"");
      }
    }
    JsonNode tiers = root.path("tiers");
    if (!tiers.isMissingNode()) {
      for (JsonNode t : array(tiers, source, "tiers")) {
        if (t.isArray()) {
          b.tier(strings(t, source, "a tier"), Tier.WithinTier.ALLOWED);
        } else if (t.isObject() && t.has("variables")) {
          boolean edgesWithin = t.path("edges_within").asBoolean(true);
          b.tier(strings(t.get("variables"), source, "a tier's variables"),
              edgesWithin ? Tier.WithinTier.ALLOWED : Tier.WithinTier.FORBIDDEN);
        } else {
          throw new InvalidInputException(source + ": each tier is a list of names or"
              + " {\"variables\": [...], \"edges_within\": false}");
        }
      }
    }
    for (String kind : List.of("forbidden", "required")) {
      JsonNode edges = root.path(kind);
      if (edges.isMissingNode()) {
        continue;
      }
      for (JsonNode e : array(edges, source, kind)) {
        List<String> pair = strings(e, source, "a " + kind + " edge");
        if (pair.size() != 2) {
          throw new InvalidInputException(
              source + ": each " + kind + " edge is [\"from\", \"to\"]; got " + e);
        }
        if (kind.equals("forbidden")) {
          b.forbid(pair.get(0), pair.get(1));
        } else {
          b.require(pair.get(0), pair.get(1));
        }
      }
    }
    return build(b, source);
  }

  private static Knowledge build(Knowledge.Builder b, String source) {
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  private static ArrayNode array(JsonNode node, String source, String what) {
    if (!node.isArray()) {
      throw new InvalidInputException(source + ": \"" + what + "\" must be a list");
    }
    return (ArrayNode) node;
  }

  private static List<String> strings(JsonNode node, String source, String what) {
    if (!node.isArray()) {
      throw new InvalidInputException(source + ": " + what + " must be a list of names");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        throw new InvalidInputException(source + ": " + what + " must list names as strings;"
            + " got " + n);
      }
      out.add(n.asText());
    }
    return out;
  }

  private static InvalidInputException error(String source, int line, String message) {
    return new InvalidInputException(source + ", line " + (line + 1) + ": " + message);
  }

  /** The knowledge in the text format ({@link #parse} reads it back). */
  public static String toText(Knowledge k) {
    StringBuilder sb = new StringBuilder("/knowledge\naddtemporal\n");
    int i = 1;
    for (Tier t : k.tiers()) {
      sb.append(i++).append(t.withinTier() == Tier.WithinTier.FORBIDDEN ? "*" : "").append(' ')
          .append(String.join(" ", t.variables())).append('\n');
    }
    sb.append("\nforbiddirect\n");
    for (KnowledgeEdge e : k.forbiddenEdges()) {
      sb.append(e.from()).append(' ').append(e.to()).append('\n');
    }
    sb.append("\nrequiredirect\n");
    for (KnowledgeEdge e : k.requiredEdges()) {
      sb.append(e.from()).append(' ').append(e.to()).append('\n');
    }
    return sb.toString();
  }

  /** The knowledge as JSON ({@link #parse} reads it back). */
  public static String toJson(Knowledge k) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode tiers = root.putArray("tiers");
    for (Tier t : k.tiers()) {
      ObjectNode o = tiers.addObject();
      ArrayNode vs = o.putArray("variables");
      t.variables().forEach(vs::add);
      o.put("edges_within", t.withinTier() == Tier.WithinTier.ALLOWED);
    }
    ArrayNode forbidden = root.putArray("forbidden");
    for (KnowledgeEdge e : k.forbiddenEdges()) {
      forbidden.addArray().add(e.from()).add(e.to());
    }
    ArrayNode required = root.putArray("required");
    for (KnowledgeEdge e : k.requiredEdges()) {
      required.addArray().add(e.from()).add(e.to());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
