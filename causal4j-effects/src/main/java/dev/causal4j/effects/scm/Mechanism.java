package dev.causal4j.effects.scm;

import dev.causal4j.data.Variable;
import java.util.List;

/**
 * How one node of a structural causal model takes its value from its parents and its own
 * exogenous noise. Two families, which decide what a counterfactual can recover:
 *
 * <ul>
 *   <li>{@link AdditiveMechanism}: a continuous node {@code X := f(parents) + U}, {@code U}
 *       independent of the parents. Given one unit's observed {@code X} and parents, its noise is
 *       recovered exactly, {@code u = x - f(parents)}.
 *   <li>{@link CategoricalMechanism}: a discrete node drawn from {@code P(X | parents)} (a
 *       conditional table or a classifier). One unit's observation does not determine its noise:
 *       only the response at the observed parent values is known.
 * </ul>
 *
 * <p>Parent values are passed as columns of doubles in the order of {@link #encoding()}'s
 * parents; a categorical parent's column holds its codes {@code 0..k-1}.
 */
public sealed interface Mechanism permits AdditiveMechanism, CategoricalMechanism {

  /** The parents and how they become features. */
  ParentEncoding encoding();

  /** The parents' names, in the order their columns are passed. */
  default List<String> parents() {
    return encoding().parents().stream().map(Variable::name).toList();
  }

  /** A one-line description, e.g. {@code linear: 0.5 + 0.7·X + N(0, 0.3²)}. */
  String describe();
}
