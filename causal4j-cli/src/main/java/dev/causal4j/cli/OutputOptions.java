package dev.causal4j.cli;

import dev.causal4j.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE} and {@code --force}, shared by every command that writes a result: without
 * {@code --out} the result goes to stdout; an existing file is never overwritten without {@code
 * --force}, and a file is written whole or not at all (written beside, then moved into place).
 */
public final class OutputOptions {
  @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
  Path out;

  @Option(names = "--force", description = "Overwrite the --out file if it exists.")
  boolean force;

  /** Writes {@code text} to the --out file, or to {@code stdout} when there is none. */
  public void write(String text, PrintWriter stdout) {
    if (out == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    writeFile(out, text, force);
  }

  /** Writes a whole file, refusing to replace an existing one unless {@code force}. */
  static void writeFile(Path file, String text, boolean force) {
    if (Files.exists(file) && !force) {
      throw new InvalidInputException(
          file + " already exists; choose another --out or add --force to overwrite it");
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".causal4j-", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
