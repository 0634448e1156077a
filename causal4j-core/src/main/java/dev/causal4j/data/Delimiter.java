package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.util.Locale;

/**
 * How the fields of a line of delimited text are separated. Without an explicit choice the reader
 * sniffs it from the first lines of the file (see {@link DataReader}).
 */
public enum Delimiter {
  COMMA(','),
  TAB('\t'),
  SEMICOLON(';'),
  PIPE('|'),
  /**
   * Runs of spaces and tabs, as in R's {@code read.table} and causal-learn's data files: leading
   * and trailing blanks are ignored, and an empty field can only be written as a missing-value
   * token such as {@code NA} (or as {@code ""}).
   */
  WHITESPACE(' ');

  private final char character;

  Delimiter(char character) {
    this.character = character;
  }

  /** The separator character; for {@link #WHITESPACE}, the space that tabs are mapped to. */
  public char character() {
    return character;
  }

  /** A short name for messages: {@code comma}, {@code tab}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a delimiter named by the user: a name ({@code comma}, {@code tab}, {@code semicolon},
   * {@code pipe}, {@code whitespace}, also {@code space}) or the character itself ({@code ,}
   * {@code ;} {@code |}, a tab, or {@code \t} written out).
   */
  public static Delimiter parse(String text) {
    switch (text) {
      case ",":
        return COMMA;
      case "\t":
      case "\\t":
        return TAB;
      case ";":
        return SEMICOLON;
      case "|":
        return PIPE;
      case " ":
        return WHITESPACE;
      default:
        break;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Delimiter d : values()) {
      if (d.label().equals(t)) {
        return d;
      }
    }
    if (t.equals("space") || t.equals("spaces")) {
      return WHITESPACE;
    }
    throw new InvalidInputException(
        "unknown delimiter '" + text + "'; use comma, tab, semicolon, pipe or whitespace"
            + " (or the character itself: , ; | \\t)");
  }
}
