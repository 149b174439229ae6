package kg.chizai.model;

import java.util.Objects;

/** Where something came from: a source file and an inclusive, 1-based line range. */
public record SourceSpan(String file, int lineStart, int lineEnd) {
  public SourceSpan {
    Objects.requireNonNull(file, "file");
    if (lineStart < 1 || lineEnd < lineStart) {
      throw new IllegalArgumentException(
          "bad line range " + lineStart + "-" + lineEnd + " in " + file);
    }
  }

  public static SourceSpan line(String file, int line) {
    return new SourceSpan(file, line, line);
  }

  /** This span widened to end at {@code line}. */
  public SourceSpan extendTo(int line) {
    return new SourceSpan(file, lineStart, Math.max(lineEnd, line));
  }
}
