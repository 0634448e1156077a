package dev.causal4j.analyst.plan;

import dev.causal4j.analyst.profile.Profile;

/**
 * What the rules read: the profile, the request and the pilot search's sign of hidden
 * confounding.
 *
 * @param profile the data's profile
 * @param request the user's request
 * @param pilot the pilot search's collider conflicts, or null when none ran
 */
public record PlanInput(Profile profile, PlanRequest request, Pilot pilot) {

  /**
   * A quick PC-Stable run whose conflicting colliders are drawn {@code <->}: a pair that two
   * colliders both want to point into is what a hidden common cause produces. Test errors produce
   * them too (a faithful linear-Gaussian model of 40 variables at n = 5000 gave 15 among 76
   * edges in PlannerTest), hence a high threshold: the pilot is a weak sign, and declaring
   * hidden confounders with --hidden-confounders is the reliable way.
   *
   * @param algorithm what ran, e.g. {@code pc-stable, fisher-z, alpha 0.01}
   * @param edges edges in its graph
   * @param bidirected {@code <->} edges among them
   */
  public record Pilot(String algorithm, int edges, int bidirected) {
    /** Hidden confounding is suspected when at least 3 and 25% of the edges are bidirected. */
    public boolean suspectsHiddenConfounding() {
      return bidirected >= 3 && bidirected >= 0.25 * edges;
    }
  }

  /** Declared by the user or suspected from the pilot. */
  public boolean hiddenConfounding() {
    return request.hiddenConfoundersDeclared()
        || (pilot != null && pilot.suspectsHiddenConfounding());
  }
}
