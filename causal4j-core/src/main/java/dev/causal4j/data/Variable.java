package dev.causal4j.data;

import java.util.List;
import java.util.Objects;

/**
 * A named column of a {@link Dataset}. Categorical variables keep their level names: code {@code
 * i} means {@code levels().get(i)}. Continuous variables have no levels.
 */
public record Variable(String name, VariableType type, List<String> levels) {

  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    levels = List.copyOf(levels);
    if (type == VariableType.CONTINUOUS && !levels.isEmpty()) {
      throw new IllegalArgumentException("continuous variable '" + name + "' cannot have levels");
    }
  }

  public static Variable continuous(String name) {
    return new Variable(name, VariableType.CONTINUOUS, List.of());
  }

  public static Variable discrete(String name, List<String> levels) {
    return new Variable(name, VariableType.DISCRETE, levels);
  }

  public static Variable ordinal(String name, List<String> levels) {
    return new Variable(name, VariableType.ORDINAL, levels);
  }

  /** Number of levels of a categorical variable; 0 for a continuous one. */
  public int levelCount() {
    return levels.size();
  }

  public boolean isContinuous() {
    return type == VariableType.CONTINUOUS;
  }

  public boolean isCategorical() {
    return type.isCategorical();
  }
}
