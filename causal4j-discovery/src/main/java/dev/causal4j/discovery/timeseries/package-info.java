/**
 * Causal discovery from time series: lagged graphs ({@link dev.causal4j.graph.LaggedGraph}, links
 * {@code X(t − lag) → Y(t)}, contemporaneous ones at lag 0) from one or more time-ordered series.
 *
 * <ul>
 *   <li>{@link dev.causal4j.discovery.timeseries.TimeSeries}: the data (a time column or row
 *       order, several series as a panel, gaps and missing values masked) and {@link
 *       dev.causal4j.discovery.timeseries.LaggedDesign}, its lagged columns, on which every
 *       conditional-independence test of the core library answers lagged questions (ParCorr is
 *       Fisher's z there).
 *   <li>{@link dev.causal4j.discovery.timeseries.Pcmci} (Runge et al. 2019): lagged links by
 *       condition selection and momentary conditional independence tests.
 *   <li>{@link dev.causal4j.discovery.timeseries.PcmciPlus} (Runge 2020): lagged and
 *       contemporaneous links, a time-series CPDAG.
 *   <li>{@link dev.causal4j.discovery.timeseries.SvarFci} (Malinsky &amp; Spirtes 2018, without
 *       the Possible-D-SEP step): a time-series PAG when hidden series may confound the observed
 *       ones. LPCMCI (Gerhardus &amp; Runge 2020) is not implemented.
 *   <li>{@link dev.causal4j.discovery.timeseries.VarLingam} (Hyvärinen et al. 2010): a
 *       structural VAR with non-Gaussian noise, contemporaneous directions included, with
 *       coefficients.
 *   <li>{@link dev.causal4j.discovery.timeseries.Granger}: multivariate Granger causality, VAR
 *       order by AIC or BIC, least squares with Wald tests or lasso selection for many series.
 *   <li>{@link dev.causal4j.discovery.timeseries.ConvergentCrossMapping} (Sugihara et al. 2012):
 *       coupling in deterministic nonlinear dynamics.
 *   <li>{@link dev.causal4j.discovery.timeseries.TimeSeriesKnowledge}: forbidden links per lag
 *       and variable-level knowledge; {@link dev.causal4j.discovery.timeseries.TimeSeriesOracle}:
 *       d-separation in a known time-series DAG, for oracle tests.
 * </ul>
 *
 * <p>Every search returns a {@link dev.causal4j.discovery.timeseries.TimeSeriesResult}: the
 * lagged graph (with coefficients as weights where the method estimates them), the search's
 * statistics and warnings, and per-link p-values and statistics ({@link
 * dev.causal4j.discovery.timeseries.LinkStatistics}). Same result on any thread count.
 */
package dev.causal4j.discovery.timeseries;
