package dev.causal4j.cli;

import dev.causal4j.discovery.timeseries.Granger;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code discover}'s time-series algorithms (pcmci, pcmci-plus, var-lingam,
 * granger, ccm); {@link TimeSeriesAlgorithms} reads them.
 */
public final class TimeSeriesOptions {

  @Option(
      names = "--max-lag",
      paramLabel = "L",
      description = "Time-series algorithms: the largest lag searched, in time steps (required;"
          + " at most a third of the shortest series).")
  Integer maxLag;

  @Option(
      names = "--embedding-dimension",
      paramLabel = "E",
      defaultValue = "0",
      description = "ccm: the delay-embedding dimension; 0 (default) chooses it per variable by"
          + " simplex projection.")
  int embeddingDimension;

  @Option(
      names = "--prune-indirect",
      description = "ccm: drop links that partial cross mapping explains through a third"
          + " variable (X -> Z -> Y also makes Y's manifold predict X).")
  boolean pruneIndirect;

  @Option(
      names = "--lag-selection",
      paramLabel = "RULE",
      defaultValue = "bic",
      converter = LagSelectionConverter.class,
      description = "granger: the VAR order, bic (default), aic, or fixed at --max-lag.")
  Granger.LagSelection lagSelection;

  @Option(
      names = "--estimator",
      paramLabel = "E",
      defaultValue = "ols",
      converter = EstimatorConverter.class,
      description = "granger: ols (least squares with F and t tests at --alpha; default) or lasso"
          + " (for many series: lasso selection, extended BIC).")
  Granger.Estimator estimator;

  static final class LagSelectionConverter
      implements CommandLine.ITypeConverter<Granger.LagSelection> {
    @Override
    public Granger.LagSelection convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "bic" -> Granger.LagSelection.BIC;
        case "aic" -> Granger.LagSelection.AIC;
        case "fixed" -> Granger.LagSelection.FIXED;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a lag selection rule; use bic, aic or fixed");
      };
    }
  }

  static final class EstimatorConverter implements CommandLine.ITypeConverter<Granger.Estimator> {
    @Override
    public Granger.Estimator convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "ols" -> Granger.Estimator.OLS;
        case "lasso" -> Granger.Estimator.LASSO;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a Granger estimator; use ols or lasso");
      };
    }
  }
}
