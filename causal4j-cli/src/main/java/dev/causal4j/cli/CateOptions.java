package dev.causal4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.causal4j.InvalidInputException;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.MissingPolicy;
import dev.causal4j.effects.BackdoorAdjustment;
import dev.causal4j.effects.Identification;
import dev.causal4j.effects.cate.CateEstimate;
import dev.causal4j.effects.cate.CateEstimator;
import dev.causal4j.effects.cate.CateSettings;
import dev.causal4j.effects.cate.HeldOutLoss;
import dev.causal4j.effects.cate.MetaLearner;
import dev.causal4j.effects.estimate.Estimand;
import dev.causal4j.effects.estimate.EstimationProblem;
import dev.causal4j.effects.estimate.EstimatorSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --cate} options of {@code causal4j effect}: heterogeneous effects over the adjustment
 * covariates by a meta-learner (or the best by held-out loss), calibrated, summarised beside the
 * average effect, and written per row with {@code --cate-out}.
 */
public final class CateOptions {

  @Option(names = "--cate", description = "Also estimate heterogeneous effects (CATE) over the"
      + " covariates adjusted for: S-, T-, X-, DR- or R-learner, chosen by held-out loss.")
  boolean cate;

  @Option(names = "--cate-learner", paramLabel = "auto|s|t|x|dr|r",
      description = "The CATE meta-learner; auto (the default) tries all five and keeps the"
          + " lowest held-out loss. Base learners follow --learner. Implies --cate.")
  String learner;

  @Option(names = "--cate-loss", paramLabel = "dr|r",
      description = "Held-out loss that picks the learner: dr (pseudo-outcome MSE, the default)"
          + " or r (Nie-Wager R-loss). Implies --cate.")
  String loss;

  @Option(names = "--cate-calibration", paramLabel = "isotonic|none",
      description = "Calibrate the CATE predictions by causal isotonic cross-calibration"
          + " (isotonic, the default) or not (none). Implies --cate.")
  String calibration;

  @Option(names = "--cate-out", paramLabel = "FILE",
      description = "Write each row's estimated effect to FILE (CSV: row, cate[,"
          + " cate_uncalibrated]; row counts the input's data rows from 1, and rows left out for"
          + " missing values are absent). Refuses an existing FILE"
          + " without --force. Implies --cate.")
  Path out;

  /**
   * A CATE estimate with the treatment and outcome it is about, and each unit's data row in the
   * input as read (before listwise deletion), counted from 0.
   */
  record Run(CateEstimate estimate, String treatment, String outcome, int[] inputRows) {}

  boolean requested() {
    return cate || learner != null || loss != null || calibration != null || out != null;
  }

  /**
   * The CATE of the identified effect, or {@code null} when not asked for.
   *
   * @throws InvalidInputException when the effect is not identified by adjustment
   */
  Run run(DataOptions data, Dataset d, Identification id, EstimatorSettings s) {
    if (!requested()) {
      return null;
    }
    if (!(id instanceof BackdoorAdjustment)) {
      throw new InvalidInputException("--cate conditions on an adjustment set, but " + id.summary()
          + "; drop --cate, or give covariates that remove all confounding");
    }
    CateSettings settings;
    try {
      settings = CateSettings.of(s.learner(), s.seed(), s.threads()).withFolds(s.folds())
          .withSelectionLoss(parseLoss()).withCalibration(parseCalibration());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--folds: " + e.getMessage(), e);
    }
    CateEstimator estimator = learner == null || learner.trim().equalsIgnoreCase("auto")
        ? CateEstimator.auto(settings) : CateEstimator.of(parseLearner(), settings);
    EstimationProblem p = EstimationProblem.of(d, id, Estimand.ATE);
    CateEstimate e = estimator.estimate(p);
    int[] rows = e.rows();
    if (out != null && data.missingPolicy() == MissingPolicy.LISTWISE_DELETION) {
      // Listwise deletion dropped incomplete rows before the analysis: number rows as in the
      // input, which is what a user joins the file back on.
      int[] kept = data.load().completeRows();
      for (int i = 0; i < rows.length; i++) {
        rows[i] = kept[rows[i]];
      }
    }
    return new Run(e, p.treatment(), p.outcome(), rows);
  }

  private MetaLearner parseLearner() {
    try {
      return MetaLearner.parse(learner);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--cate-learner: " + e.getMessage(), e);
    }
  }

  private CateSettings.SelectionLoss parseLoss() {
    if (loss == null) {
      return CateSettings.SelectionLoss.DR;
    }
    return switch (loss.trim().toLowerCase(Locale.ROOT)) {
      case "dr" -> CateSettings.SelectionLoss.DR;
      case "r" -> CateSettings.SelectionLoss.R;
      default -> throw new InvalidInputException("--cate-loss '" + loss + "' is not a loss; use"
          + " dr or r");
    };
  }

  private CateSettings.Calibration parseCalibration() {
    if (calibration == null) {
      return CateSettings.Calibration.ISOTONIC;
    }
    for (CateSettings.Calibration c : CateSettings.Calibration.values()) {
      if (c.label().equalsIgnoreCase(calibration.trim())) {
        return c;
      }
    }
    throw new InvalidInputException("--cate-calibration '" + calibration + "' is not a"
        + " calibration; use isotonic or none");
  }

  /**
   * The command's output with the CATE summary added (a text section, or a {@code "cate"} object
   * in the JSON), after writing the per-row file if asked for.
   */
  String append(String body, Run run, boolean json, boolean force) {
    if (run == null) {
      return body;
    }
    if (out != null) {
      OutputOptions.writeFile(out, csv(run.estimate(), run.inputRows()), force);
    }
    return json ? json(body, run) : body + "\n" + text(run);
  }

  private static String csv(CateEstimate e, int[] rows) {
    boolean cal = e.calibrated();
    double[] tau = e.cate();
    double[] raw = e.chosen().cate();
    StringBuilder sb = new StringBuilder(cal ? "row,cate,cate_uncalibrated\n" : "row,cate\n");
    for (int i = 0; i < tau.length; i++) {
      sb.append(rows[i] + 1).append(',').append(tau[i]);
      if (cal) {
        sb.append(',').append(raw[i]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static final double[] LEVELS = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
  private static final String[] LEVEL_NAMES = {"min", "p10", "p25", "median", "p75", "p90", "max"};

  private String text(Run run) {
    CateEstimate e = run.estimate();
    CateSettings s = e.settings();
    StringBuilder sb = new StringBuilder();
    List<String> cov = e.covariates();
    EffectCommand.wrap(sb, "", "", String.format(Locale.ROOT, "Heterogeneous effects (CATE) of %s"
        + " on %s over %s: %s%s", run.treatment(), run.outcome(), cov.size() <= 6
            ? String.join(", ", cov) : cov.size() + " covariates", e.learner().title(),
        e.calibrated() ? ", calibrated" : ""));
    sb.append('\n');
    EffectCommand.row(sb, "Why", e.reason());
    EffectCommand.row(sb, "ATE", String.format(Locale.ROOT, "%s from the CATE model (mean over"
        + " %d units); cross-fitted AIPW %s (SE %s)", EffectCommand.num(e.ate()), e.n(),
        EffectCommand.num(e.aipwAte()), EffectCommand.num(e.aipwStandardError())));
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < LEVELS.length; i++) {
      q.append(i == 0 ? "" : ", ").append(LEVEL_NAMES[i]).append(' ')
          .append(EffectCommand.num(e.quantile(LEVELS[i])));
    }
    EffectCommand.row(sb, "Distribution", q.toString());
    EffectCommand.row(sb, "Learner", e.chosen().details());
    EffectCommand.row(sb, "Calibration", e.calibrated()
        ? "causal isotonic cross-calibration (van der Laan et al. 2023): "
            + e.chosen().calibrationSteps() + " steps; the learner's own ATE is "
            + EffectCommand.num(mean(e.chosen().cate())) : "none");
    EffectCommand.row(sb, "Per row", out != null ? "written to " + out + " (" + e.n() + " rows)"
        : "add --cate-out FILE to write each row's effect");
    sb.append(String.format(Locale.ROOT, "%n  Held-out losses (%d folds; lower is better; %s"
        + " picks):%n", s.folds(), s.selectionLoss().title()));
    sb.append(String.format(Locale.ROOT, "    %-11s %21s %21s %10s%n", "learner", "DR-loss (SE)",
        "R-loss (SE)", "ATE"));
    for (CateEstimate.Candidate c : e.candidates()) {
      sb.append(String.format(Locale.ROOT, "    %-11s %21s %21s %10s%s%n", c.learner().title(),
          loss(c.drLoss()), loss(c.rLoss()), EffectCommand.num(c.ate()),
          c.learner() == e.learner() ? "  <- chosen" : ""));
    }
    if (!e.warnings().isEmpty()) {
      sb.append("\n  CATE warnings:\n");
      for (String w : e.warnings()) {
        EffectCommand.wrap(sb, "    - ", "      ", w);
      }
    }
    return sb.toString();
  }

  private static String loss(HeldOutLoss l) {
    return String.format(Locale.ROOT, "%.4g (%.2g)", l.value(), l.standardError());
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  // Reads the effect command's JSON back, non-finite numbers included, to add the "cate" object.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private String json(String body, Run run) {
    CateEstimate e = run.estimate();
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(body);
      ObjectNode c = root.putObject("cate");
      c.put("learner", e.learner().label());
      c.put("reason", e.reason());
      c.put("learner_details", e.chosen().details());
      c.put("ate", e.ate());
      c.put("aipw_ate", e.aipwAte());
      c.put("aipw_stderr", e.aipwStandardError());
      c.put("n", e.n());
      e.covariates().forEach(c.putArray("covariates")::add);
      ObjectNode q = c.putObject("quantiles");
      for (int i = 0; i < LEVELS.length; i++) {
        q.put(LEVEL_NAMES[i], e.quantile(LEVELS[i]));
      }
      c.put("calibration", e.calibrated() ? "isotonic" : "none");
      c.put("calibration_steps", e.chosen().calibrationSteps());
      c.put("selection_loss", e.settings().selectionLoss() == CateSettings.SelectionLoss.DR
          ? "dr" : "r");
      c.put("folds", e.settings().folds());
      ArrayNode losses = c.putArray("losses");
      for (CateEstimate.Candidate k : e.candidates()) {
        losses.addObject().put("learner", k.learner().label())
            .put("dr_loss", k.drLoss().value()).put("dr_loss_se", k.drLoss().standardError())
            .put("r_loss", k.rLoss().value()).put("r_loss_se", k.rLoss().standardError())
            .put("ate", k.ate()).put("chosen", k.learner() == e.learner());
      }
      if (out != null) {
        c.put("out", out.toString());
      }
      e.warnings().forEach(c.putArray("warnings")::add);
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
