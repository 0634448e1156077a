package dev.causal4j.graph.io;

import dev.causal4j.InvalidInputException;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.GraphKind;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes graph files in any supported {@link GraphFormat}, choosing the format from the
 * file name or, failing that, the content.
 */
public final class GraphFiles {
  private GraphFiles() {}

  /** Reads a graph file (annotations dropped). */
  public static Graph read(Path file) {
    return readAnnotated(file).graph();
  }

  /**
   * Reads a graph file with its edge annotations. The format comes from the extension ({@link
   * GraphFormat#fromFileName}) or else from the content ({@link GraphFormat#detect}).
   *
   * @throws InvalidInputException if the file is missing, unreadable or malformed, naming it
   */
  public static AnnotatedGraph readAnnotated(Path file) {
    String text = readText(file);
    GraphFormat format = GraphFormat.fromFileName(file.getFileName().toString())
        .orElseGet(() -> GraphFormat.detect(text));
    return parse(text, file.toString(), format);
  }

  /** Parses text in a given format; {@code source} names it in messages. */
  public static AnnotatedGraph parse(String text, String source, GraphFormat format) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return switch (format) {
      case JSON -> GraphJson.readAnnotated(body, source);
      case TETRAD_TEXT -> TetradGraphText.readAnnotated(body, source, GraphKind.GENERAL);
      case EDGE_LIST -> EdgeListText.readAnnotated(body, source);
      case DOT -> throw new InvalidInputException(source + ": DOT files are written for drawing"
          + " and cannot be read back; give the graph as JSON, Tetrad text or an edge list");
    };
  }

  /** The text of a graph in a format. */
  public static String format(AnnotatedGraph graph, GraphFormat format) {
    return switch (format) {
      case JSON -> GraphJson.write(graph);
      case TETRAD_TEXT -> TetradGraphText.write(graph.graph());
      case EDGE_LIST -> EdgeListText.write(graph.graph());
      case DOT -> DotWriter.write(graph);
    };
  }

  /**
   * The format to write a file in, from its name: as {@link GraphFormat#fromFileName}, plus
   * {@code .txt} as Tetrad text (what Tetrad saves graphs as); any other name gets JSON.
   */
  public static GraphFormat formatForWriting(Path file) {
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
      return GraphFormat.TETRAD_TEXT;
    }
    return GraphFormat.fromFileName(name).orElse(GraphFormat.JSON);
  }

  /** Writes a graph in the format its file name implies ({@link #formatForWriting}). */
  public static void write(Graph graph, Path file) {
    write(AnnotatedGraph.of(graph), file, formatForWriting(file));
  }

  /** Writes a graph in a format, replacing the file if it exists. */
  public static void write(AnnotatedGraph graph, Path file, GraphFormat format) {
    try {
      Files.writeString(file, format(graph, format), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file; check the path");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + ": not UTF-8 text; save the graph as UTF-8", e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
