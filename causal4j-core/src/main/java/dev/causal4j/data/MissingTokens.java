package dev.causal4j.data;

import java.util.List;
import java.util.Locale;

/**
 * Matches a trimmed field against the missing-value tokens, ignoring case, straight on the
 * parser's character buffer.
 */
final class MissingTokens {
  private final char[][] tokens;
  private final boolean empty;
  private final boolean nan;
  private final int maxLength;
  private final List<String> given;

  MissingTokens(List<String> tokens) {
    this.given = List.copyOf(tokens);
    this.tokens = new char[tokens.size()][];
    boolean e = false;
    boolean n = false;
    int max = 0;
    for (int k = 0; k < tokens.size(); k++) {
      String t = tokens.get(k).toLowerCase(Locale.ROOT);
      this.tokens[k] = t.toCharArray();
      e |= t.isEmpty();
      n |= t.equals("nan");
      max = Math.max(max, t.length());
    }
    this.empty = e;
    this.nan = n;
    this.maxLength = max;
  }

  /** True if {@code buf[off, off+len)} (already trimmed) is a missing-value token. */
  boolean matches(char[] buf, int off, int len) {
    if (len == 0) {
      return empty;
    }
    if (len > maxLength) {
      return false;
    }
    for (char[] t : tokens) {
      if (t.length == len && equalsIgnoreCase(buf, off, t)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code --missing-values} argument that adds {@code token} to these tokens. */
  String optionWith(String token) {
    StringBuilder sb = new StringBuilder("--missing-values ");
    for (String t : given) {
      if (!t.isEmpty()) {
        sb.append(t).append(',');
      }
    }
    return sb.append(token).toString();
  }

  boolean matches(String s) {
    return matches(s.toCharArray(), 0, s.length());
  }

  /** True if {@code NaN} is a token, so that a {@code NaN} from a typed source counts as missing. */
  boolean includesNaN() {
    return nan;
  }

  private static boolean equalsIgnoreCase(char[] buf, int off, char[] lowerToken) {
    for (int k = 0; k < lowerToken.length; k++) {
      char c = buf[off + k];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c >= 128) {
        c = Character.toLowerCase(c);
      }
      if (c != lowerToken[k]) {
        return false;
      }
    }
    return true;
  }
}
