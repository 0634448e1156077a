/**
 * The FCI family: searches that allow for hidden common causes and return a partial ancestral
 * graph (PAG) over the measured variables: {@link dev.causal4j.discovery.fci.Fci} (with the
 * Possible-D-SEP step and Zhang's complete rules), {@link dev.causal4j.discovery.fci.Rfci} (the
 * really fast variant of Colombo et al. 2012), {@link dev.causal4j.discovery.fci.Gfci} (FCI
 * started from the graph of the score search FGES, Ogarrio et al. 2016).
 *
 * <h2>Reading a PAG</h2>
 *
 * <p>Each mark speaks about ancestry in every causal DAG the data allow: an arrowhead at {@code
 * b} on {@code a *-> b} means {@code b} is not a cause (ancestor) of {@code a}; a tail at {@code
 * a} on {@code a --* b} means {@code a} is a cause of {@code b}; a circle means the data do not
 * say. So {@code a --> b} says {@code a} causes {@code b} (perhaps through other variables), and
 * {@code a <-> b} says neither causes the other: a hidden common cause joins them.
 *
 * <h2>Background knowledge</h2>
 *
 * <p>Read in the same language. "{@code b --> a} is forbidden" (from tiers: {@code b} comes later
 * than {@code a}; or listed) means {@code b} is not a cause of {@code a}: wherever they are
 * adjacent the mark at {@code b} is an arrowhead ({@code a *-> b}), and no rule may put a tail
 * there. It does not put an arrowhead at {@code a}: the earlier {@code a} may cause {@code b}. An
 * explicitly forbidden edge is read as "no causal path" (as in Tetrad's FCI), not just "no direct
 * edge", because a PAG edge may stand for a path through hidden variables. A pair forbidden in
 * both directions is never adjacent; a required edge {@code a --> b} is always present, never
 * tested, and drawn {@code a --> b}. When the knowledge is true of the causal DAG, every mark this
 * adds is a mark of the true MAG, and the orientation rules, which are sound for any MAG with the
 * given marks, keep the result correct.
 */
package dev.causal4j.discovery.fci;
