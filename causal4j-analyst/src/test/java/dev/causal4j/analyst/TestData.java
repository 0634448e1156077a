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

  /**
   * {@code timeseries/svar.csv} (see its make_svar.py): with {@code declared}, column {@code t}
   * is the time column; without, it is read as a variable.
   */
  public static Dataset svar(boolean declared) {
    ReadOptions.Builder o = ReadOptions.builder();
    if (declared) {
      o.time("t");
    }
    return DataReader.read(path("timeseries/svar.csv"), o.build());
  }

  /** {@code effect/effect.csv} (see its make_effect.py): treat → y with effect 2.0. */
  public static Dataset effect() {
    return DataReader.read(path("effect/effect.csv"));
  }

  public static Dataset lalonde() {
    return DataReader.read(path("lalonde_observational.csv"),
        ReadOptions.builder().continuous("age", "educ").build());
  }
}
