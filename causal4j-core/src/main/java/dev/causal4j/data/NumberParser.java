package dev.causal4j.data;

/**
 * Parses a decimal number straight from a character buffer, without making a {@code String}, so
 * that a wide file's millions of cells cost no allocation.
 *
 * <p>Accepted syntax: an optional sign, digits with an optional decimal point (at least one digit
 * on one side of it), and an optional exponent {@code e}/{@code E} with optional sign and at least
 * one digit. Nothing else: not the {@code 1.5d}, {@code 1f} or hexadecimal forms that {@link
 * Double#parseDouble} also takes, not thousands separators, not decimal commas; the infinities and
 * {@code NaN} are recognised separately by {@link #isNonFinite}.
 *
 * <p>Values are correctly rounded. When the significant digits fit in 2<sup>53</sup> and the
 * decimal exponent is within ±22, the result is one exact multiplication or division of two
 * exactly representable doubles, hence correctly rounded (Clinger, "How to read floating point
 * numbers accurately", PLDI 1990); any other number goes to {@link Double#parseDouble}.
 */
final class NumberParser {
  private static final double[] POWERS_OF_TEN = new double[23];
  private static final long MAX_EXACT = 1L << 53;

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private NumberParser() {}

  /**
   * The number in {@code buf[off, off+len)}, or {@code NaN} when the text is not a number; a
   * number too large for a double is infinite.
   */
  static double parse(char[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    if (i == end) {
      return Double.NaN;
    }
    boolean negative = false;
    char c = buf[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    int digits = 0;
    boolean overflowDigits = false;
    for (; i < end; i++) {
      c = buf[i];
      if (c < '0' || c > '9') {
        break;
      }
      digits++;
      if (mantissa == 0 && c == '0') {
        continue;
      }
      if (significant < 18) {
        mantissa = mantissa * 10 + (c - '0');
        significant++;
      } else {
        exponent++;
        overflowDigits |= c != '0';
      }
    }
    if (i < end && buf[i] == '.') {
      i++;
      for (; i < end; i++) {
        c = buf[i];
        if (c < '0' || c > '9') {
          break;
        }
        digits++;
        if (mantissa == 0 && c == '0') {
          exponent--;
          continue;
        }
        if (significant < 18) {
          mantissa = mantissa * 10 + (c - '0');
          significant++;
          exponent--;
        } else {
          overflowDigits |= c != '0';
        }
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < end && (buf[i] == '-' || buf[i] == '+')) {
        negativeExponent = buf[i] == '-';
        i++;
      }
      int expDigits = 0;
      int e = 0;
      for (; i < end; i++) {
        c = buf[i];
        if (c < '0' || c > '9') {
          break;
        }
        expDigits++;
        if (e < 100_000) {
          e = e * 10 + (c - '0');
        }
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -e : e;
    }
    if (i != end) {
      return Double.NaN;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (!overflowDigits && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
      double v = mantissa;
      v = exponent >= 0 ? v * POWERS_OF_TEN[exponent] : v / POWERS_OF_TEN[-exponent];
      return negative ? -v : v;
    }
    // The syntax is checked above, and Double.parseDouble accepts all of it.
    return Double.parseDouble(new String(buf, off, len));
  }

  /**
   * True for the spellings of infinity and not-a-number that other tools write ({@code Inf},
   * {@code -inf}, {@code Infinity}, {@code NaN}, {@code -nan}, any case): these are not numbers a
   * continuous column may hold, and must be marked missing or removed.
   */
  static boolean isNonFinite(char[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    if (i < end && (buf[i] == '-' || buf[i] == '+')) {
      i++;
    }
    int rest = end - i;
    return (rest == 3 && regionEqualsIgnoreCase(buf, i, "inf"))
        || (rest == 8 && regionEqualsIgnoreCase(buf, i, "infinity"))
        || (rest == 3 && regionEqualsIgnoreCase(buf, i, "nan"));
  }

  /** True when {@code buf[off, off+word.length())} equals the lower-case ASCII {@code word}. */
  static boolean regionEqualsIgnoreCase(char[] buf, int off, String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = buf[off + k];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #parse} of a whole string. */
  static double parse(String s) {
    return parse(s.toCharArray(), 0, s.length());
  }
}
