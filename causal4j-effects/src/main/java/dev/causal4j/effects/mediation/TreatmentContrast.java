package dev.causal4j.effects.mediation;

import java.util.Objects;

/** The two treatment values a mediation effect compares: from {@code control} to {@code treated}. */
public sealed interface TreatmentContrast {

  /** For a continuous treatment (default 0 → 1). */
  record Values(double control, double treated) implements TreatmentContrast {
    public Values {
      if (!Double.isFinite(control) || !Double.isFinite(treated) || control == treated) {
        throw new IllegalArgumentException("a contrast needs two different finite values");
      }
    }
  }

  /** For a categorical treatment, by level name (default: its first level → its second). */
  record Levels(String control, String treated) implements TreatmentContrast {
    public Levels {
      Objects.requireNonNull(control);
      Objects.requireNonNull(treated);
      if (control.equals(treated)) {
        throw new IllegalArgumentException("a contrast needs two different levels");
      }
    }
  }
}
