package dev.causal4j.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.causal4j.graph.LaggedGraph;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report in headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs) and checks that the graph, the histograms and the interval plot are laid out with
 * a size, and that a screenshot is not blank. Fails, rather than skips, without Chromium: the
 * report is the product's face and must be seen to render. The screenshot is kept in
 * {@code target/report-screenshot.png} for a person to look at.
 */
class BrowserRenderTest {
  static final Path CHROMIUM = Path.of(System.getProperty("causal4j.chromium",
      "/usr/bin/chromium"));

  @Test
  void graphAndPlotsAreDrawnInChromium(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: install Chromium (Debian: apt-get install chromium) or set"
          + " -Dcausal4j.chromium=PATH; this test renders the HTML report in a browser");
    }
    String html = HtmlReport.render(Reports.effect(), "causal4j analyze effect.csv"
        + " --treatment treat --outcome y");
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);

    // A copy with a script that writes the rendered sizes of what must be drawn into the page.
    String probe = html.replace("</body>", "<script>\n"
        + "const sizes = {};\n"
        + "function box(sel) { return Array.from(document.querySelectorAll(sel)).map(e => {\n"
        + "  const r = e.getBoundingClientRect(); return [r.width, r.height]; }); }\n"
        + "sizes.graph = box('#graph'); sizes.hist = box('svg.hist');\n"
        + "sizes.effect = box('#effect-plot'); sizes.edges = box('#graph line');\n"
        + "sizes.nodes = box('#graph rect'); sizes.bars = box('svg.hist rect');\n"
        + "const pre = document.createElement('pre'); pre.id = 'sizes';\n"
        + "pre.textContent = 'SIZES' + JSON.stringify(sizes) + 'SIZES';\n"
        + "document.body.appendChild(pre);\n</script></body>");
    Path probePage = dir.resolve("probe.html");
    Files.writeString(probePage, probe, StandardCharsets.UTF_8);
    String dom = chromium(dir, "--dump-dom", probePage.toUri().toString());
    Matcher m = Pattern.compile("<pre id=\"sizes\">SIZES(.*?)SIZES</pre>").matcher(dom);
    assertThat(m.find()).as("the probe script ran; DOM was:\n" + abbreviate(dom)).isTrue();
    JsonNode sizes = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\""));
    assertThat(sizes.get("graph")).hasSize(1);
    assertNonZero(sizes.get("graph"), "graph");
    assertThat(sizes.get("hist")).hasSize(Reports.effect().profile().variables());
    assertNonZero(sizes.get("hist"), "histogram");
    assertThat(sizes.get("effect")).hasSize(1);
    assertNonZero(sizes.get("effect"), "effect plot");
    assertThat(sizes.get("edges").size())
        .isEqualTo(Reports.effect().discovery().bootstrap().ensemble().graph().edgeCount());
    assertThat(sizes.get("nodes").size()).isEqualTo(Reports.effect().profile().variables());
    assertNonZero(sizes.get("nodes"), "node");

    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    chromium(dir, "--screenshot=" + shot, "--window-size=1100,1500", page.toUri().toString());
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img).as("screenshot written").isNotNull();
    int background = img.getRGB(img.getWidth() - 2, img.getHeight() - 2);
    long other = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        other += img.getRGB(x, y) != background ? 1 : 0;
      }
    }
    // Text, the header band, the graph and plots: far more than 5% of pixels differ from the
    // background colour on a page that rendered.
    assertThat(other).isGreaterThan(img.getWidth() / 2L * (img.getHeight() / 2L) / 20);
  }

  @Test
  void theLaggedGraphIsDrawnInChromium(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: install Chromium (Debian: apt-get install chromium) or set"
          + " -Dcausal4j.chromium=PATH; this test renders the HTML report in a browser");
    }
    String html = HtmlReport.render(Reports.svar(), "causal4j analyze svar.csv --time t");
    String probe = html.replace("</body>", "<script>\n"
        + "function box(sel) { return Array.from(document.querySelectorAll(sel)).map(e => {\n"
        + "  const r = e.getBoundingClientRect(); return [r.width, r.height]; }); }\n"
        + "const sizes = {svg: box('#lagged'), lines: box('#lagged line'),\n"
        + "  labels: box('#lagged .lag-label'), rows: box('table.lagged tbody tr')};\n"
        + "const pre = document.createElement('pre'); pre.id = 'sizes';\n"
        + "pre.textContent = 'SIZES' + JSON.stringify(sizes) + 'SIZES';\n"
        + "document.body.appendChild(pre);\n</script></body>");
    Path probePage = dir.resolve("probe.html");
    Files.writeString(probePage, probe, StandardCharsets.UTF_8);
    String dom = chromium(dir, "--dump-dom", probePage.toUri().toString());
    Matcher m = Pattern.compile("<pre id=\"sizes\">SIZES(.*?)SIZES</pre>").matcher(dom);
    assertThat(m.find()).as("the probe script ran; DOM was:\n" + abbreviate(dom)).isTrue();
    JsonNode sizes = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\""));
    assertThat(sizes.get("svg")).hasSize(1);
    assertNonZero(sizes.get("svg"), "lagged graph");
    LaggedGraph g = Reports.svar().timeSeries().graph();
    long arcs = g.summary().stream().filter(a -> a.from() != a.to()).count();
    assertThat(sizes.get("lines").size()).isEqualTo((int) arcs);
    assertNonZero(sizes.get("labels"), "lag label");
    assertThat(sizes.get("rows").size()).isEqualTo(g.linkCount());

    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path shot = Path.of("target", "report-timeseries-screenshot.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    chromium(dir, "--screenshot=" + shot, "--window-size=1100,1300", page.toUri().toString());
    assertThat(ImageIO.read(shot.toFile())).as("screenshot written").isNotNull();
  }

  private static void assertNonZero(JsonNode boxes, String what) {
    for (JsonNode b : boxes) {
      assertThat(b.get(0).asDouble()).as(what + " width").isGreaterThan(0);
      assertThat(b.get(1).asDouble()).as(what + " height").isGreaterThan(0);
    }
  }

  private static String chromium(Path dir, String... args) throws IOException,
      InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s; its log:\n" + Files.readString(log));
    }
    if (p.exitValue() != 0) {
      fail("chromium exited with " + p.exitValue() + "; its log:\n" + Files.readString(log));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
