package kg.chizai.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.base.Sha256;

/**
 * The text of one source report: strictly decoded UTF-8 (a BOM is dropped), split into lines on LF,
 * CRLF or CR, with the SHA-256 of the file's bytes.
 *
 * <pre>{@code SourceText text = SourceText.read(Path.of("data/source/report.txt"));}</pre>
 *
 * @param name the file name as given on the command line, used in messages and provenance
 * @param lines the lines without terminators; {@code lines.get(0)} is line 1
 */
public record SourceText(String name, List<String> lines, String sha256, boolean endsWithNewline) {

  public SourceText {
    lines = List.copyOf(lines);
  }

  /** Line {@code n} (1-based). */
  public String line(int n) {
    return lines.get(n - 1);
  }

  public int lineCount() {
    return lines.size();
  }

  /**
   * The largest source read by default: 4 MiB, about 40 times a year's progress report. The
   * conversion is linear in its input, but the graph is held in memory until it is written, so a
   * larger input needs a larger limit and, beyond a few MiB, a larger heap: on purpose, not by
   * accident.
   */
  public static final long DEFAULT_MAX_BYTES = 4L << 20;

  /** The largest limit that can be set: 1 GiB (the text is held twice, as bytes and as chars). */
  public static final long MAX_LIMIT = 1L << 30;

  /**
   * Reads and checks a file of at most {@link #DEFAULT_MAX_BYTES}; throws {@link ChizaiException}
   * naming the file and line on bad input.
   */
  public static SourceText read(Path path) {
    return read(path, DEFAULT_MAX_BYTES);
  }

  /**
   * Reads and checks a file of at most {@code maxBytes} bytes; throws {@link ChizaiException}
   * naming the file and line on bad input, or the file alone when it is larger (nothing beyond the
   * limit is read, so a huge file or an endless stream costs no more than the limit).
   */
  public static SourceText read(Path path, long maxBytes) {
    if (maxBytes < 1 || maxBytes > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "the input size limit must be 1 byte to 1 GiB (" + MAX_LIMIT + " bytes): " + maxBytes);
    }
    String name = path.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes((int) maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new ChizaiException(
            ExitCode.INPUT,
            Problem.error(
                name,
                0,
                sizeOf(path, bytes.length)
                    + " larger than the limit of "
                    + maxBytes
                    + " bytes; raise it with --max-input-size if the file is a report"));
      }
    } catch (NoSuchFileException e) {
      throw new ChizaiException(ExitCode.INPUT, Problem.error(name, 0, "no such file"));
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.INPUT, Problem.error(name, 0, "cannot read: " + e.getMessage()));
    }
    return decode(name, bytes);
  }

  /** "52428800 bytes," or, for a stream whose size is unknown, "more than N bytes,". */
  private static String sizeOf(Path path, long read) {
    try {
      long size = Files.size(path);
      if (size >= read) {
        return "the file is " + size + " bytes,";
      }
    } catch (IOException e) {
      // a stream or a file gone since: say what was read
    }
    return "the file is more than " + (read - 1) + " bytes,";
  }

  /** Checks and decodes bytes that came from {@code name}. */
  public static SourceText decode(String name, byte[] bytes) {
    if (bytes.length == 0) {
      throw new ChizaiException(ExitCode.INPUT, Problem.error(name, 1, "empty file"));
    }
    utf16(bytes)
        .ifPresent(
            what -> {
              throw new ChizaiException(
                  ExitCode.INPUT,
                  Problem.error(name, 1, what + "; expected UTF-8: convert the file to UTF-8"));
            });
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      throw new ChizaiException(
          ExitCode.INPUT,
          Problem.error(
              name,
              lineAt(bytes, nul),
              "binary data (NUL byte at offset " + nul + "); expected UTF-8 text"));
    }
    int start = hasBom(bytes) ? 3 : 0;
    String text = decodeStrict(name, bytes, start);
    if (text.isBlank()) {
      throw new ChizaiException(
          ExitCode.INPUT, Problem.error(name, 1, "empty file (only whitespace)"));
    }
    List<String> lines = splitLines(text);
    boolean endsWithNewline = text.endsWith("\n") || text.endsWith("\r");
    return new SourceText(name, lines, sha256(bytes), endsWithNewline);
  }

  private static String decodeStrict(String name, byte[] bytes, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new ChizaiException(
          ExitCode.INPUT,
          Problem.error(
              name,
              lineAt(bytes, offset),
              String.format(
                  "not valid UTF-8 (byte 0x%02X at offset %d)%s; convert the file to UTF-8",
                  bytes[offset] & 0xff,
                  offset,
                  looksLikeShiftJis(bytes) ? ", looks like Shift_JIS" : "")));
    }
    out.flip();
    return out.toString();
  }

  /**
   * Whether the bytes are UTF-16: a byte order mark (FF FE, FE FF), or NUL bytes on one side of the
   * byte pairs, as text in UTF-16 has for every ASCII character.
   */
  static Optional<String> utf16(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return Optional.of("UTF-16 text (little-endian byte order mark FF FE)");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return Optional.of("UTF-16 text (big-endian byte order mark FE FF)");
    }
    int n = Math.min(b.length, 4096) & ~1;
    int even = 0;
    int odd = 0;
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    int pairs = n / 2;
    // Many NULs, nearly all on one side: ASCII characters of UTF-16 (line ends at least).
    if (pairs >= 2
        && Math.max(even, odd) * 10 >= pairs
        && Math.min(even, odd) * 10 <= Math.max(even, odd)) {
      return Optional.of(
          "UTF-16 text ("
              + (odd > even ? "little" : "big")
              + "-endian, no byte order mark: NUL bytes in "
              + Math.max(even, odd)
              + " of the first "
              + pairs
              + " byte pairs)");
    }
    return Optional.empty();
  }

  /** Whether the bytes decode cleanly as Shift_JIS (a hint for the error message only). */
  private static boolean looksLikeShiftJis(byte[] bytes) {
    try {
      java.nio.charset.Charset.forName("Shift_JIS")
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException | RuntimeException e) {
      return false;
    }
  }

  private static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(from, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        from = i + 1;
      }
    }
    if (from < n) {
      lines.add(text.substring(from));
    }
    return lines;
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** The 1-based line number of a byte offset (counting LF, and CR not followed by LF). */
  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}
