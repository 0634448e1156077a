package dev.causal4j.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.graph.Graph;
import dev.causal4j.graph.io.TetradGraphText;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Tetrad 7.6.6 in a JVM of its own, for side-by-side runs: Tetrad is GPL and compiled for Java 21,
 * so it never joins a Causal4J runtime module (Java 17). The build compiles a small runner program
 * against it when a JDK 21+ is present (Maven profile {@code tetrad}, activated by the JDK's
 * presence) and writes {@code causal4j-bench/target/tetrad/runner.properties}, which says which
 * {@code java} to start and with what class path. {@link #locate()} finds that file; where it
 * cannot, it says why, and callers skip Tetrad with that message.
 *
 * <p>One process serves many jobs: {@link #run} sends a job and waits for its result.
 * Not thread-safe; close it when done.
 */
public final class TetradProcess implements AutoCloseable {
  /** System property naming the runner's properties file. */
  public static final String PROPERTY = "causal4j.tetrad.runner";
  /** Environment variable naming the runner's properties file. */
  public static final String ENVIRONMENT = "CAUSAL4J_TETRAD_RUNNER";
  /** What to do when the runner is missing. */
  public static final String HOW_TO_BUILD =
      "needs a JDK 21+ (default /usr/lib/jvm/temurin-25-jdk-amd64) and a build with it:"
          + " ./mvnw -B -pl causal4j-bench -am package -DskipTests [-Ptetrad -Dtetrad.jdk=DIR]";
  private static final String RELATIVE = "causal4j-bench/target/tetrad/runner.properties";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BufferedWriter toRunner;
  private final BufferedReader fromRunner;
  private final Path log;

  private TetradProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.toRunner = new BufferedWriter(
        new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.fromRunner = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Where the runner is, if built.
   *
   * @param runner the runner's properties file, when found and complete
   * @param reason why it is not available, when it is not
   */
  public record Location(Optional<Path> runner, String reason) {
    public boolean available() {
      return runner.isPresent();
    }
  }

  /**
   * Finds the runner: the file named by the system property {@value #PROPERTY} or the environment
   * variable {@value #ENVIRONMENT}, else {@code causal4j-bench/target/tetrad/runner.properties}
   * under the working directory or above the jar or classes this class was loaded from.
   */
  public static Location locate() {
    String named = System.getProperty(PROPERTY);
    if (named == null || named.isBlank()) {
      named = System.getenv(ENVIRONMENT);
    }
    List<Path> candidates = new ArrayList<>();
    if (named != null && !named.isBlank()) {
      candidates.add(Path.of(named));
    } else {
      candidates.add(Path.of(RELATIVE));
      codeLocation().ifPresent(p -> {
        for (Path dir = p; dir != null; dir = dir.getParent()) {
          candidates.add(dir.resolve(RELATIVE));
        }
      });
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c)) {
        String problem = check(c);
        return problem == null
            ? new Location(Optional.of(c.toAbsolutePath()), "")
            : new Location(Optional.empty(), problem);
      }
    }
    return new Location(Optional.empty(), "Tetrad's runner was not built (" + HOW_TO_BUILD + ")");
  }

  /** Starts the runner found by {@link #locate()}, or says why it cannot. */
  public static TetradProcess start() {
    Location where = locate();
    if (!where.available()) {
      throw new IllegalStateException("Tetrad: not available: " + where.reason());
    }
    return start(where.runner().orElseThrow(), "4g", 0);
  }

  /**
   * Starts the runner described by a properties file ({@code java}, {@code classpath}).
   *
   * @param maxHeap the runner JVM's {@code -Xmx} value, e.g. {@code 4g}
   * @param processors the processors Tetrad's JVM may see ({@code -XX:ActiveProcessorCount}),
   *     which Tetrad's parallel searches size their thread pools by; 0 for all of them
   */
  public static TetradProcess start(Path runner, String maxHeap, int processors) {
    Properties p = load(runner);
    try {
      Path log = Files.createTempFile("causal4j-tetrad-", ".log");
      List<String> command = new ArrayList<>(List.of(p.getProperty("java"), "-Xmx" + maxHeap,
          "-Djava.awt.headless=true"));
      if (processors > 0) {
        command.add("-XX:ActiveProcessorCount=" + processors);
      }
      command.addAll(List.of("-cp", p.getProperty("classpath"),
          "dev.causal4j.bench.tetrad.TetradRunner"));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectError(log.toFile());
      return new TetradProcess(pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start Tetrad's runner (" + runner + ")", e);
    }
  }

  /**
   * Runs one job and waits for its result.
   *
   * @throws IllegalStateException if Tetrad failed on it (the message holds Tetrad's error) or the
   *     runner died
   */
  public TetradRun run(TetradJob job) {
    String answer;
    try {
      toRunner.write(job.toLine());
      toRunner.write('\n');
      toRunner.flush();
      answer = fromRunner.readLine();
    } catch (IOException e) {
      throw new IllegalStateException("Tetrad's runner stopped: " + logTail(), e);
    }
    if (answer == null) {
      throw new IllegalStateException("Tetrad's runner stopped: " + logTail());
    }
    JsonNode r;
    try {
      r = JSON.readTree(answer);
    } catch (IOException e) {
      throw new IllegalStateException("Tetrad's runner wrote something else than JSON: " + answer);
    }
    if (!r.path("ok").asBoolean(false)) {
      throw new IllegalStateException(
          "Tetrad failed on " + job + ": " + r.path("error").asText("(no message)"));
    }
    JsonNode times = r.path("search_ms");
    double[] search = new double[times.size()];
    for (int i = 0; i < search.length; i++) {
      search[i] = times.get(i).asDouble();
    }
    JsonNode cpuTimes = r.path("search_cpu_ms");
    double[] cpu = new double[search.length];
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] = cpuTimes.has(i) ? cpuTimes.get(i).asDouble() : Double.NaN;
    }
    Graph g = TetradGraphText.read(r.path("graph").asText(), "Tetrad " + job.algorithm().word());
    return new TetradRun(g, r.path("load_ms").asDouble(), r.path("setup_ms").asDouble(), search, cpu,
        r.path("distinct_graphs").asInt(), r.path("processors").asInt());
  }

  @Override
  public void close() {
    try {
      toRunner.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // A temporary log left behind is harmless.
      }
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
    return p;
  }

  /** Null if the properties file names a java that exists; else what is wrong. */
  private static String check(Path file) {
    Properties p = load(file);
    String java = p.getProperty("java");
    if (java == null || p.getProperty("classpath") == null) {
      return file + " lacks 'java' or 'classpath'; rebuild (" + HOW_TO_BUILD + ")";
    }
    if (!Files.isExecutable(Path.of(java))) {
      return "the JDK named in " + file + " is gone (" + java + "); " + HOW_TO_BUILD;
    }
    return null;
  }

  private static Optional<Path> codeLocation() {
    CodeSource cs = TetradProcess.class.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(cs.getLocation().toURI()).toAbsolutePath());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
