package dev.causal4j.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.causal4j.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFileTest {

  private static final String TETRAD_STYLE = """
      /knowledge
      addtemporal
      1 age sex        # demographics first
      2* smoking diet
      3 cancer

      forbiddirect
      diet smoking

      requiredirect
      smoking cancer
      """;

  @Test
  void readsTetradsTextFormat() {
    Knowledge k = KnowledgeFile.parse(TETRAD_STYLE, "k.txt");
    assertThat(k.tiers()).hasSize(3);
    assertThat(k.tiers().get(1).variables()).containsExactly("smoking", "diet");
    assertThat(k.tiers().get(1).withinTier()).isEqualTo(Tier.WithinTier.FORBIDDEN);
    assertThat(k.isForbidden("cancer", "age")).isTrue(); // later tier to earlier
    assertThat(k.isForbidden("smoking", "diet")).isTrue(); // within a '*' tier
    assertThat(k.isForbidden("age", "sex")).isFalse();
    assertThat(k.isRequired("smoking", "cancer")).isTrue();
    assertThat(k.forbiddenEdges()).containsExactly(new KnowledgeEdge("diet", "smoking"));
  }

  @Test
  void tiersAreOrderedByNumberNotByLine() {
    Knowledge k = KnowledgeFile.parse("addtemporal\n5 b\n0 a\n", "k.txt");
    assertThat(k.tierOf("a")).hasValue(0);
    assertThat(k.tierOf("b")).hasValue(1);
  }

  @Test
  void textAndJsonRoundTrip(@TempDir Path dir) throws Exception {
    Knowledge k = KnowledgeFile.parse(TETRAD_STYLE, "k.txt");
    assertThat(KnowledgeFile.parse(KnowledgeFile.toText(k), "again.txt")).isEqualTo(k);
    Path json = dir.resolve("k.json");
    Files.writeString(json, KnowledgeFile.toJson(k));
    assertThat(KnowledgeFile.read(json)).isEqualTo(k);
  }

  @Test
  void readsTheShortJsonForm() {
    Knowledge k = KnowledgeFile.parse(
        "{\"tiers\": [[\"a\"], [\"b\", \"c\"]], \"forbidden\": [[\"c\", \"b\"]]}", "k.json");
    assertThat(k.isForbidden("b", "a")).isTrue();
    assertThat(k.isForbidden("c", "b")).isTrue();
    assertThat(k.isForbidden("b", "c")).isFalse();
  }

  @Test
  void badFilesSayWhereAndWhat(@TempDir Path dir) {
    assertThatThrownBy(() -> KnowledgeFile.parse("addtemporal\nfirst a b\n", "k.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("k.txt, line 2").hasMessageContaining("tier number");
    assertThatThrownBy(() -> KnowledgeFile.parse("a b\n", "k.txt"))
        .hasMessageContaining("line 1").hasMessageContaining("before any section");
    assertThatThrownBy(() -> KnowledgeFile.parse("forbiddirect\na b c\n", "k.txt"))
        .hasMessageContaining("two variables");
    assertThatThrownBy(() -> KnowledgeFile.parse("forbiddengroup\n", "k.txt"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> KnowledgeFile.parse("requiredirect\na b\nforbiddirect\na b\n", "k.txt"))
        .hasMessageStartingWith("k.txt: ");
    assertThatThrownBy(() -> KnowledgeFile.parse("{\"tier\": []}", "k.json"))
        .hasMessageContaining("unknown field \"tier\"");
    assertThatThrownBy(() -> KnowledgeFile.parse("{\"tiers\": [", "k.json"))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> KnowledgeFile.read(dir.resolve("missing.txt")))
        .hasMessageContaining("does not exist");
  }
}
