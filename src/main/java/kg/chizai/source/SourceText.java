package kg.chizai.source;

import java.io.IOException;
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
   * Reads and checks a file; throws {@link ChizaiException} naming the file and line on bad input.
   */
  public static SourceText read(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ChizaiException(ExitCode.INPUT, Problem.error(name, 0, "no such file"));
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.INPUT, Problem.error(name, 0, "cannot read: " + e.getMessage()));
    }
    return decode(name, bytes);
  }

  /** Checks and decodes bytes that came from {@code name}. */
  public static SourceText decode(String name, byte[] bytes) {
    if (bytes.length == 0) {
      throw new ChizaiException(ExitCode.INPUT, Problem.error(name, 1, "empty file"));
    }
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
