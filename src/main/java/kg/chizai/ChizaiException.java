package kg.chizai;

import java.util.List;
import kg.chizai.source.Problem;

/**
 * The one unchecked exception root of chizai-kg. It carries every problem found (each naming its
 * file and line) and the process exit code the CLI should end with.
 */
public class ChizaiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for input that cannot be converted (bad encoding, structure, truncation). */
  public static final int EXIT_INPUT = 3;

  /** Exit code for output that cannot be written. */
  public static final int EXIT_OUTPUT = 4;

  /** Exit code for a missing or malformed reference table or configuration. */
  public static final int EXIT_CONFIG = 5;

  /** Exit code for data that does not conform to the SHACL shapes. */
  public static final int EXIT_INVALID = 6;

  /** Exit code for a release that could not be pushed to a graph store. */
  public static final int EXIT_PUSH = 7;

  private final transient List<Problem> problems;
  private final int exitCode;

  public ChizaiException(int exitCode, List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
    this.exitCode = exitCode;
  }

  public ChizaiException(int exitCode, Problem problem) {
    this(exitCode, List.of(problem));
  }

  public ChizaiException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of();
    this.exitCode = exitCode;
  }

  public List<Problem> problems() {
    return problems;
  }

  public int exitCode() {
    return exitCode;
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p);
    }
    return sb.toString();
  }
}
