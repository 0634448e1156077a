package dev.causal4j.data;

import dev.causal4j.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Text that can be opened more than once (the reader sniffs, parses, and sometimes parses a second
 * time): a file, plain or gzip-compressed, or a string.
 *
 * <p>Files are decoded as UTF-8, strictly (invalid bytes are an error, not silently replaced); a
 * byte-order mark is skipped, and a UTF-16 one switches to UTF-16 (as spreadsheets write "Unicode
 * text").
 */
abstract class TextInput {
  private static final int SAMPLE_CHARS = 1 << 18;
  private static final int MAX_SAMPLE_CHARS = 1 << 23;
  private static final int SAMPLE_LINES = 31;

  private final String name;

  TextInput(String name) {
    this.name = name;
  }

  /** The file name or description used in messages. */
  String name() {
    return name;
  }

  /** A fresh reader positioned after any byte-order mark. */
  abstract Reader open() throws IOException;

  /** The size of the whole input in bytes (or chars), or -1 when unknown (compressed). */
  abstract long size();

  /**
   * The first lines of the input, for sniffing: at least {@value #SAMPLE_CHARS} characters or
   * {@value #SAMPLE_LINES} lines, whichever comes first, but never less than one whole line unless
   * that line is longer than {@value #MAX_SAMPLE_CHARS} characters.
   */
  String sample() throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    int lines = 0;
    try (Reader r = open()) {
      int n;
      while ((n = readStrictly(r, buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        sb.append(buf, 0, n);
        if (lines >= SAMPLE_LINES || sb.length() >= MAX_SAMPLE_CHARS) {
          break;
        }
        if (sb.length() >= SAMPLE_CHARS && lines >= 2) {
          break;
        }
      }
    }
    return sb.toString();
  }

  private int readStrictly(Reader r, char[] buf) throws IOException {
    try {
      return r.read(buf);
    } catch (CharacterCodingException e) {
      throw notUtf8(e);
    }
  }

  /**
   * The error for text that is not valid UTF-8, naming the line of the first bad byte (found by
   * decoding again one character at a time: the parser reads ahead, so its position is not it).
   */
  InvalidInputException notUtf8(CharacterCodingException cause) {
    long line = 1;
    try (Reader r = open()) {
      int c;
      while ((c = r.read()) >= 0) {
        if (c == '\n') {
          line++;
        }
      }
    } catch (IOException e) {
      // Expected: the bad byte.
    }
    return new InvalidInputException(
        name + " is not valid UTF-8 text (line " + line + "); save it as UTF-8 (in a"
            + " spreadsheet: CSV UTF-8)",
        cause);
  }

  static TextInput of(Path file) {
    String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean gzip = lower.endsWith(".gz");
    return new TextInput(file.toString()) {
      @Override
      Reader open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
          if (gzip) {
            in = new GZIPInputStream(in, 1 << 16);
          }
          return decode(new BufferedInputStream(in, 1 << 16));
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
      }

      @Override
      long size() {
        if (gzip) {
          return -1;
        }
        try {
          return Files.size(file);
        } catch (IOException e) {
          return -1;
        }
      }
    };
  }

  static TextInput ofString(String text, String name) {
    String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    return new TextInput(name) {
      @Override
      Reader open() {
        return new StringReader(t);
      }

      @Override
      long size() {
        return t.length();
      }
    };
  }

  private static Reader decode(BufferedInputStream in) throws IOException {
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      skip = 3;
    } else if (b0 == 0xFF && b1 == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    }
    in.reset();
    for (int k = 0; k < skip; k++) {
      in.read();
    }
    return new InputStreamReader(
        in,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }
}
