package dev.causal4j.data;

import java.util.List;
import java.util.Objects;

/**
 * The environment (domain, site, regime) each row was measured in, for methods that use data
 * from several environments. It is kept beside the variables, not among them: {@code labels[r]}
 * is the index into {@code levels} of row {@code r}'s environment.
 *
 * <p>The label array is shared, not copied; treat it as read-only.
 */
public record DomainColumn(String name, int[] labels, List<String> levels) {
  public DomainColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labels, "labels");
    levels = List.copyOf(levels);
  }
}
