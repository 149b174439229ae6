package kg.chizai.base;

import java.util.Objects;

/**
 * Something wrong or doubtful in a source file, at a line. Renders as {@code file:line: message},
 * the form compilers use, so editors can jump to it.
 */
public record Problem(String file, int line, Severity severity, String message) {

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0 (0 = whole file): " + line);
    }
  }

  public static Problem error(String file, int line, String message) {
    return new Problem(file, line, Severity.ERROR, message);
  }

  public static Problem warning(String file, int line, String message) {
    return new Problem(file, line, Severity.WARNING, message);
  }

  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    return severity == Severity.WARNING ? where + ": warning: " + message : where + ": " + message;
  }
}
