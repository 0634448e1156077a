package dev.causal4j.analyst;

import dev.causal4j.analyst.explain.Explanation;
import dev.causal4j.analyst.plan.Plan;
import dev.causal4j.analyst.plan.PlanRequest;
import dev.causal4j.analyst.profile.Profile;
import dev.causal4j.analyst.run.DiscoveryRun;
import dev.causal4j.analyst.run.EffectRun;
import dev.causal4j.discovery.timeseries.TimeSeriesResult;
import java.util.Map;

/**
 * A whole analysis: the profile, the plan, the discovery with edge probabilities, the effect (or
 * null without a treatment), the plain-language explanation and how long each stage took.
 *
 * @param request what was asked
 * @param profile the data's profile
 * @param plan the plan and its reasons
 * @param discovery tuning, search and bootstrap
 * @param timeSeries the lagged graph of the time-series search, or null when the rows were not
 *     read as a time series
 * @param effect the effect, or null when none was asked for
 * @param explanation the findings in words
 * @param stageMillis wall-clock milliseconds per stage, in order
 */
public record Analysis(
    PlanRequest request,
    Profile profile,
    Plan plan,
    DiscoveryRun discovery,
    TimeSeriesResult timeSeries,
    EffectRun effect,
    Explanation explanation,
    Map<String, Long> stageMillis) {}
