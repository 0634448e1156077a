package dev.causal4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text layout for command output: wrapped paragraphs, aligned tables, numbers. */
final class Text {
  static final int WIDTH = 100;

  private Text() {}

  /** Appends {@code text} in lines of at most {@link #WIDTH} characters, breaking at spaces. */
  static void wrap(StringBuilder sb, String first, String rest, String text) {
    String indent = first;
    String left = text;
    while (indent.length() + left.length() > WIDTH) {
      int cut = left.lastIndexOf(' ', WIDTH - indent.length());
      if (cut <= 0) {
        break;
      }
      sb.append(indent).append(left, 0, cut).append('\n');
      left = left.substring(cut + 1);
      indent = rest;
    }
    sb.append(indent).append(left).append('\n');
  }

  /** A number in at most four significant digits, without trailing zeros. */
  static String num(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    String s = a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.3e", v)
        : String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** A probability with four decimals. */
  static String prob(double p) {
    return String.format(Locale.ROOT, "%.4f", p);
  }

  /** A signed change and its standard error, e.g. {@code +0.1234 ± 0.0040}. */
  static String change(double d, double se) {
    String s = num(d);
    return (d > 0 ? "+" : "") + s + " ± " + num(se);
  }

  /** A table with left-aligned columns. */
  static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    boolean isEmpty() {
      return rows.isEmpty();
    }

    void appendTo(StringBuilder sb, String indent) {
      int[] w = new int[header.length];
      for (int c = 0; c < header.length; c++) {
        w[c] = header[c].length();
        for (String[] r : rows) {
          w[c] = Math.max(w[c], r[c].length());
        }
      }
      line(sb, indent, header, w);
      for (String[] r : rows) {
        line(sb, indent, r, w);
      }
    }

    private static void line(StringBuilder sb, String indent, String[] cells, int[] w) {
      StringBuilder l = new StringBuilder(indent);
      for (int c = 0; c < cells.length; c++) {
        l.append(cells[c]);
        if (c < cells.length - 1) {
          l.append(" ".repeat(w[c] - cells[c].length() + 2));
        }
      }
      sb.append(l.toString().stripTrailing()).append('\n');
    }
  }
}
