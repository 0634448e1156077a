package dev.causal4j.effects.scm;

import dev.causal4j.data.Dataset;
import dev.causal4j.data.Variable;
import java.util.List;

/**
 * Values of every node of a structural causal model in {@code n} samples (or units): continuous
 * values as they are, categorical ones as level codes.
 */
public final class Samples {
  private final List<Variable> variables;
  private final double[][] columns;
  private final int n;

  Samples(List<Variable> variables, double[][] columns, int n) {
    this.variables = variables;
    this.columns = columns;
    this.n = n;
  }

  /** Number of samples. */
  public int size() {
    return n;
  }

  /** The nodes, in the model's order. */
  public List<Variable> variables() {
    return variables;
  }

  /** A node's values (a copy); categorical values are codes. */
  public double[] values(String node) {
    return columns[index(node)].clone();
  }

  /** Sample {@code i} of node {@code node}. */
  public double value(String node, int i) {
    return columns[index(node)][i];
  }

  double[] column(int j) {
    return columns[j];
  }

  private int index(String node) {
    for (int j = 0; j < variables.size(); j++) {
      if (variables.get(j).name().equals(node)) {
        return j;
      }
    }
    throw new dev.causal4j.InvalidInputException("no node named '" + node + "'; the nodes are "
        + variables.stream().map(Variable::name).toList());
  }

  /** A summary of one node's distribution across the samples. */
  public NodeSummary summary(String node) {
    int j = index(node);
    return summary(j);
  }

  NodeSummary summary(int j) {
    Variable v = variables.get(j);
    return v.isCategorical() ? NodeSummary.Levels.of(v.name(), v.levels(), columns[j])
        : NodeSummary.Numeric.of(v.name(), columns[j]);
  }

  /** The samples as a dataset (a copy), e.g. to write to a file or to run discovery on. */
  public Dataset toDataset() {
    Dataset.Builder b = Dataset.builder(n);
    for (int j = 0; j < variables.size(); j++) {
      Variable v = variables.get(j);
      if (v.isCategorical()) {
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = (int) columns[j][i];
        }
        if (v.type() == dev.causal4j.data.VariableType.ORDINAL) {
          b.addOrdinal(v.name(), codes, v.levels());
        } else {
          b.addDiscrete(v.name(), codes, v.levels());
        }
      } else {
        b.addContinuous(v.name(), columns[j].clone());
      }
    }
    return b.source("samples from a structural causal model").build();
  }
}
