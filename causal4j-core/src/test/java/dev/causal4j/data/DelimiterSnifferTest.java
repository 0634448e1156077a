package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimiterSnifferTest {

  @Test
  void picksTheCharacterThatSplitsEveryLineAlike() {
    assertThat(DelimiterSniffer.sniff("a,b,c\n1,2,3\n4,5,6\n")).isEqualTo(Delimiter.COMMA);
    assertThat(DelimiterSniffer.sniff("a\tb\n1\t2\n")).isEqualTo(Delimiter.TAB);
    assertThat(DelimiterSniffer.sniff("a;b\n1,5;2\n")).isEqualTo(Delimiter.SEMICOLON);
    assertThat(DelimiterSniffer.sniff("a|b\n1|2\n")).isEqualTo(Delimiter.PIPE);
  }

  @Test
  void ignoresDelimitersInsideQuotes() {
    assertThat(DelimiterSniffer.sniff("a;b\n\"x,y,z\";1\n\"u,v\";2\n")).isEqualTo(
        Delimiter.SEMICOLON);
  }

  @Test
  void textWithSpacesDoesNotMakeACsvWhitespaceSeparated() {
    assertThat(DelimiterSniffer.sniff("a,b\nnew york,1\nparis,2\n")).isEqualTo(Delimiter.COMMA);
  }

  @Test
  void runsOfBlanksAreWhitespaceSeparated() {
    assertThat(DelimiterSniffer.sniff("X1 X2 X3\n1 2 3\n4 5 6\n")).isEqualTo(
        Delimiter.WHITESPACE);
    // Aligned columns mixing tabs and spaces.
    assertThat(DelimiterSniffer.sniff("x  y\n1.5\t2\n10   3\n")).isEqualTo(
        Delimiter.WHITESPACE);
  }

  @Test
  void raggedLinesFallBackToTheHeader() {
    assertThat(DelimiterSniffer.sniff("a,b,c\n1,2\n4,5,6\n")).isEqualTo(Delimiter.COMMA);
  }

  @Test
  void aSingleColumnHasNoDelimiter() {
    assertThat(DelimiterSniffer.sniff("x\n1\n2\n")).isEqualTo(Delimiter.COMMA);
  }

  @Test
  void aLongHeaderCutOffInTheSampleStillCounts() {
    assertThat(DelimiterSniffer.sniff("a\tb\tc\td")).isEqualTo(Delimiter.TAB);
  }

  @Test
  void parsesDelimiterNames() {
    assertThat(Delimiter.parse("tab")).isEqualTo(Delimiter.TAB);
    assertThat(Delimiter.parse("\\t")).isEqualTo(Delimiter.TAB);
    assertThat(Delimiter.parse(";")).isEqualTo(Delimiter.SEMICOLON);
    assertThat(Delimiter.parse("Whitespace")).isEqualTo(Delimiter.WHITESPACE);
    assertThat(Delimiter.parse("space")).isEqualTo(Delimiter.WHITESPACE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Delimiter.parse("colon"))
        .isInstanceOf(dev.causal4j.InvalidInputException.class)
        .hasMessageContaining("comma, tab, semicolon, pipe or whitespace");
  }
}
