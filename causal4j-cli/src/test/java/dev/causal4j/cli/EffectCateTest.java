package dev.causal4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code causal4j effect --cate}: heterogeneous effects beside the average one. */
class EffectCateTest {

  /**
   * 600 rows: confounder-modifier {@code z}, noise covariate {@code v}, binary treatment {@code
   * x} with propensity logistic in z, outcome {@code y = z + x (1 + 2 z) + noise} (so τ(z) = 1 +
   * 2z, ATE about 1), and a continuous treatment {@code d}; one row misses {@code z}.
   */
  private static Path data(Path dir) throws Exception {
    Random r = new Random(5);
    StringBuilder sb = new StringBuilder("z,v,x,y,d\n");
    for (int i = 0; i < 600; i++) {
      double z = r.nextGaussian();
      double v = r.nextGaussian();
      int x = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
      double y = z + x * (1 + 2 * z) + r.nextGaussian();
      sb.append(String.format(Locale.ROOT, "%s,%.6f,%d,%.6f,%.6f%n", i == 7 ? ""
          : String.format(Locale.ROOT, "%.6f", z), v, x, y, z + r.nextGaussian()));
    }
    Path f = dir.resolve("hetero.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void textSummaryShowsTheChoiceTheDistributionAndTheLossTable(@TempDir Path dir)
      throws Exception {
    CommandRun r = CommandRun.of("effect", data(dir).toString(), "--treatment", "x",
        "--outcome", "y", "--covariates", "z,v", "--cate", "--threads", "1", "--missing",
        "testwise").assertOk();
    assertThat(r.out()).contains("ATE of x on y:")
        .contains("Heterogeneous effects (CATE) of x on y over z, v:")
        .contains("lowest held-out DR-loss of the 5 learners tried")
        .contains("Distribution:").contains("median")
        .contains("Calibration:  causal isotonic cross-calibration")
        .contains("Held-out losses (5 folds").contains("<- chosen")
        .contains("add --cate-out FILE");
    for (String l : List.of("S-learner", "T-learner", "X-learner", "DR-learner", "R-learner")) {
      assertThat(r.out()).contains(l);
    }
  }

  @Test
  void jsonGainsACateObjectAndTheFileHoldsEveryRow(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cate.csv");
    CommandRun r = CommandRun.of("effect", data(dir).toString(), "--treatment", "x",
        "--outcome", "y", "--covariates", "z,v", "--cate-learner", "t", "--cate-out",
        out.toString(), "--format", "json", "--threads", "1", "--missing", "listwise")
        .assertOk();
    JsonNode c = new ObjectMapper().readTree(r.out()).get("cate");
    assertThat(c.get("learner").asText()).isEqualTo("t");
    assertThat(c.get("reason").asText()).startsWith("the T-learner was asked for");
    assertThat(c.get("losses")).hasSize(1);
    assertThat(c.get("calibration").asText()).isEqualTo("isotonic");
    assertThat(c.get("n").asInt()).isEqualTo(599);
    // τ(z) = 1 + 2z with z standard normal: ATE near 1, quartiles near 1 ∓ 1.35. Tolerances are
    // several standard errors at 600 rows with unit noise.
    assertThat(c.get("ate").asDouble()).isCloseTo(1, within(0.3));
    assertThat(c.get("quantiles").get("p25").asDouble()).isCloseTo(-0.35, within(0.5));
    assertThat(c.get("quantiles").get("p75").asDouble()).isCloseTo(2.35, within(0.5));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("row,cate,cate_uncalibrated");
    assertThat(lines).hasSize(600);
    // Row 8 (z missing) is left out: the rows jump from 7 to 9.
    assertThat(lines.get(7)).startsWith("7,");
    assertThat(lines.get(8)).startsWith("9,");
  }

  @Test
  void withoutCalibrationTheFileHasOneEffectColumn(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cate.csv");
    CommandRun r = CommandRun.of("effect", data(dir).toString(), "--treatment", "x",
        "--outcome", "y", "--covariates", "z", "--cate-learner", "dr", "--cate-calibration",
        "none", "--cate-out", out.toString(), "--threads", "1", "--missing", "testwise")
        .assertOk();
    assertThat(r.out()).contains("Calibration:  none").contains("written to " + out);
    assertThat(Files.readAllLines(out).get(0)).isEqualTo("row,cate");
  }

  @Test
  void refusesToOverwriteTheCateFileWithoutForce(@TempDir Path dir) throws Exception {
    Path out = Files.writeString(dir.resolve("cate.csv"), "keep me\n");
    CommandRun.of("effect", data(dir).toString(), "--treatment", "x", "--outcome", "y",
        "--covariates", "z", "--cate-learner", "t", "--cate-out", out.toString(), "--threads",
        "1", "--missing", "testwise").assertUserError("already exists", "--force");
    assertThat(Files.readString(out)).isEqualTo("keep me\n");
    CommandRun.of("effect", data(dir).toString(), "--treatment", "x", "--outcome", "y",
        "--covariates", "z", "--cate-learner", "t", "--cate-out", out.toString(), "--force",
        "--threads", "1", "--missing", "testwise").assertOk();
    assertThat(Files.readString(out)).startsWith("row,cate");
  }

  @Test
  void refusesANonBinaryTreatment(@TempDir Path dir) throws Exception {
    CommandRun.of("effect", data(dir).toString(), "--treatment", "d", "--outcome", "y",
        "--covariates", "v", "--cate", "--missing", "testwise")
        .assertUserError("'d'", "CATE learners need a binary treatment");
  }

  @Test
  void refusesNoCovariatesAndUnknownNames(@TempDir Path dir) throws Exception {
    Path f = data(dir);
    // Complete data here: z's missing value would be refused before any --cate check.
    Files.writeString(f, Files.readString(f).replace("\n,", "\n0.5,"));
    CommandRun.of("effect", f.toString(), "--treatment", "x", "--outcome", "y", "--cate")
        .assertUserError("CATE needs covariates", "--covariates");
    CommandRun.of("effect", f.toString(), "--treatment", "x", "--outcome", "y", "--covariates",
        "z", "--cate-learner", "forest").assertUserError("--cate-learner", "'forest'");
    CommandRun.of("effect", f.toString(), "--treatment", "x", "--outcome", "y", "--covariates",
        "z", "--cate-calibration", "platt").assertUserError("--cate-calibration 'platt'");
    CommandRun.of("effect", f.toString(), "--treatment", "x", "--outcome", "y", "--covariates",
        "z", "--cate", "--folds", "1").assertUserError("--folds", "at least 2 folds");
    CommandRun.of("effect", f.toString(), "--treatment", "x", "--outcome", "y", "--instrument",
        "v", "--cate").assertUserError("--cate conditions on an adjustment set");
  }
}
