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
    } catch (IOException e) {
      throw new InvalidInputException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    writeAtomically(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  /** Writes a file's content to the path given. */
  @FunctionalInterface
  interface FileWrite {
    void to(Path tmp) throws IOException;
  }

  /**
   * Writes beside the target, then moves into place: a file is whole or absent. The partial file
   * is created like any other (not with createTempFile, whose owner-only permissions the moved
   * file would keep).
   */
  static void writeAtomically(Path target, FileWrite write) {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      Files.deleteIfExists(tmp);
      try {
        write.to(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
