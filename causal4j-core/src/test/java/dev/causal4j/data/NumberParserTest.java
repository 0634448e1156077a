package dev.causal4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fast parser must agree bit for bit with {@link Double#parseDouble}, its oracle. */
class NumberParserTest {

  private static void agrees(String s) {
    double expected = Double.parseDouble(s);
    double actual = NumberParser.parse(s);
    assertThat(Double.doubleToRawLongBits(actual))
        .as(s)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Property(tries = 3000)
  void agreesOnShortestRepresentations(@ForAll double x) {
    if (Double.isFinite(x)) {
      agrees(Double.toString(x));
      agrees(new BigDecimal(x).toPlainString().length() < 400
          ? new BigDecimal(x).toPlainString() : "0");
    }
  }

  @Property(tries = 3000)
  void agreesOnFormattedNumbers(
      @ForAll @DoubleRange(min = -1e9, max = 1e9) double x, @ForAll @IntRange(min = 0, max = 17)
          int digits) {
    agrees(String.format(Locale.ROOT, "%." + digits + "f", x));
    agrees(String.format(Locale.ROOT, "%." + digits + "e", x));
  }

  @Property(tries = 3000)
  void agreesOnDigitStringsWithExponents(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long mantissa,
      @ForAll @IntRange(min = -30, max = 30) int exponent,
      @ForAll @IntRange(min = 0, max = 19) int point) {
    String digits = Long.toString(mantissa);
    int at = Math.min(point, digits.length());
    agrees(digits.substring(0, at) + "." + digits.substring(at) + "e" + exponent);
    agrees("-" + digits + "E+" + Math.abs(exponent));
  }

  @Test
  void agreesOnEdgeCases() {
    for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-.5", "007", "1e0", "1E-0",
        "9007199254740993", "123456789012345678901234567890", "0.1", "0.30000000000000004",
        "4.9e-324", "2.2250738585072014E-308", "1.7976931348623157e308", "1e-400",
        "0.000000000000000000000000000001", "1e22", "1e23", "9007199254740992e22"}) {
      agrees(s);
    }
  }

  @Test
  void overflowIsInfinite() {
    assertThat(NumberParser.parse("1e999")).isInfinite();
  }

  @Test
  void rejectsWhatIsNotADecimalNumber() {
    for (String s : new String[] {"", "-", "+", ".", "e5", "1e", "1e+", "1.5d", "1f", "0x1p3",
        "1,5", "1 000", "abc", "NaN", "Infinity", "--1", "1..2", "1e5.5", " 1"}) {
      assertThat(NumberParser.parse(s)).as(s).isNaN();
    }
  }

  @Test
  void recognisesSpellingsOfInfinityAndNan() {
    for (String s : new String[] {"Inf", "-inf", "+INF", "Infinity", "-Infinity", "NaN", "nan",
        "-NaN"}) {
      assertThat(NumberParser.isNonFinite(s.toCharArray(), 0, s.length())).as(s).isTrue();
    }
    for (String s : new String[] {"In", "info", "1", "nana", ""}) {
      assertThat(NumberParser.isNonFinite(s.toCharArray(), 0, s.length())).as(s).isFalse();
    }
  }
}
