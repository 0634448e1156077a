package dev.causal4j.analyst.report;

import dev.causal4j.InvalidInputException;
import dev.causal4j.analyst.Analysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code report.html} and {@code result.json} into an output directory, refusing one that
 * exists unless forced.
 */
public final class ReportWriter {
  public static final String HTML = "report.html";
  public static final String JSON = "result.json";

  private ReportWriter() {}

  /**
   * Checks, before any work, that {@code dir} may be written.
   *
   * @throws InvalidInputException if it exists and {@code force} is off, or is a file
   */
  public static void checkWritable(Path dir, boolean force) {
    if (Files.exists(dir) && !force) {
      throw new InvalidInputException(dir + " already exists; choose another --out or add"
          + " --force to replace its report");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException(dir + " is a file, not a directory; choose another --out");
    }
  }

  /** Writes both files; returns the HTML file's path. */
  public static Path write(Path dir, Analysis a, String command, boolean force) {
    checkWritable(dir, force);
    try {
      Files.createDirectories(dir);
      Path html = dir.resolve(HTML);
      Files.writeString(html, HtmlReport.render(a, command), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(JSON), ResultJson.render(a, command), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new InvalidInputException("cannot write the report into " + dir + ": "
          + e.getMessage(), e);
    }
  }
}
