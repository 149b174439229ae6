package kg.chizai.base;

import java.util.List;

/**
 * The one unchecked exception root of chizai-kg. It carries every problem found (each naming its
 * file and line) and the process exit code the CLI should end with.
 */
public class ChizaiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final ExitCode exitCode;

  public ChizaiException(ExitCode exitCode, List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
    this.exitCode = exitCode;
  }

  public ChizaiException(ExitCode exitCode, Problem problem) {
    this(exitCode, List.of(problem));
  }

  public ChizaiException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of();
    this.exitCode = exitCode;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The process exit code the CLI ends with. */
  public int exitCode() {
    return exitCode.code();
  }

  /** What kind of failure this is. */
  public ExitCode kind() {
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
