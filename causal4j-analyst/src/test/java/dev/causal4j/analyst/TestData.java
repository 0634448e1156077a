package dev.causal4j.analyst;

import dev.causal4j.data.DataReader;
import dev.causal4j.data.Dataset;
import dev.causal4j.data.ReadOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The analyst's test data sets. */
public final class TestData {
  private TestData() {}

  /** The path of a resource in {@code dev/causal4j/analyst}. */
  public static Path path(String name) {
    try {
      return Path.of(TestData.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  public static Dataset sachs() {
    return DataReader.read(path("sachs.csv"));
  }

  public static Dataset lalonde() {
    return DataReader.read(path("lalonde_observational.csv"),
        ReadOptions.builder().continuous("age", "educ").build());
  }
}
