package dev.causal4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter from the first lines of a file. Counting only outside double quotes, in
 * this order of preference:
 *
 * <ol>
 *   <li>a character among tab, comma, semicolon and pipe that occurs the same number of times
 *       (at least once) on every sampled line: the one with the most occurrences, ties broken in
 *       that order;
 *   <li>whitespace, when every line splits on runs of blanks into the same number (at least two)
 *       of fields;
 *   <li>the character among the four that occurs most often on the header line (the rows
 *       disagree, which the reader then reports as ragged rows);
 *   <li>whitespace, when the header line has blanks between names;
 *   <li>otherwise the file has a single column (comma, which then never occurs).
 * </ol>
 */
final class DelimiterSniffer {
  private static final Delimiter[] CANDIDATES = {
    Delimiter.TAB, Delimiter.COMMA, Delimiter.SEMICOLON, Delimiter.PIPE
  };

  private DelimiterSniffer() {}

  static Delimiter sniff(String sample) {
    List<int[]> lines = countLines(sample);
    if (lines.isEmpty()) {
      return Delimiter.COMMA;
    }
    Delimiter best = null;
    int bestCount = 0;
    for (int k = 0; k < CANDIDATES.length; k++) {
      int c = lines.get(0)[k];
      if (c == 0 || c <= bestCount) {
        continue;
      }
      boolean consistent = true;
      for (int[] line : lines) {
        if (line[k] != c) {
          consistent = false;
          break;
        }
      }
      if (consistent) {
        best = CANDIDATES[k];
        bestCount = c;
      }
    }
    if (best != null) {
      return best;
    }
    int fields = lines.get(0)[CANDIDATES.length];
    boolean whitespaceConsistent = fields >= 2;
    for (int[] line : lines) {
      whitespaceConsistent &= line[CANDIDATES.length] == fields;
    }
    if (whitespaceConsistent) {
      return Delimiter.WHITESPACE;
    }
    for (int k = 0; k < CANDIDATES.length; k++) {
      if (lines.get(0)[k] > bestCount) {
        best = CANDIDATES[k];
        bestCount = lines.get(0)[k];
      }
    }
    if (best != null) {
      return best;
    }
    return fields >= 2 ? Delimiter.WHITESPACE : Delimiter.COMMA;
  }

  /**
   * Per non-blank line: occurrences of each candidate outside quotes, then the number of
   * blank-separated fields. The last line counts only if it is the only one (it may be cut off).
   */
  private static List<int[]> countLines(String s) {
    List<int[]> lines = new ArrayList<>();
    int[] cur = new int[CANDIDATES.length + 1];
    boolean inQuotes = false;
    boolean inField = false;
    boolean blank = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      }
      if (inQuotes) {
        if (!inField) {
          inField = true;
          cur[CANDIDATES.length]++;
        }
        blank = false;
        continue;
      }
      if (c == '\n') {
        if (!blank) {
          lines.add(cur);
        }
        cur = new int[CANDIDATES.length + 1];
        inField = false;
        blank = true;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        inField = false;
      } else {
        blank = false;
        if (!inField) {
          inField = true;
          cur[CANDIDATES.length]++;
        }
      }
      for (int k = 0; k < CANDIDATES.length; k++) {
        if (c == CANDIDATES[k].character()) {
          cur[k]++;
        }
      }
    }
    if (!blank && lines.isEmpty()) {
      lines.add(cur);
    }
    return lines;
  }
}
