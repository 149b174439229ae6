package kg.chizai.publish;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link ReleaseDirectoryTest}: writes a small release to a target and halts
 * the JVM at one named step, as a kill would (no {@code finally}, no shutdown hook), exiting
 * {@value #KILLED}. Exits 0 if the step never came.
 *
 * <pre>java … kg.chizai.publish.KillAtStep TARGET VERSION STEP</pre>
 */
final class KillAtStep {

  /** The exit status of a JVM halted at its step. */
  static final int KILLED = 86;

  private KillAtStep() {}

  public static void main(String[] args) {
    Path target = Path.of(args[0]);
    String version = args[1];
    String kill = args[2];
    ReleaseDirectory.write(
        target,
        version,
        ReleaseDirectoryTest.files(version),
        Instant.EPOCH,
        step -> {
          if (step.equals(kill)) {
            Runtime.getRuntime().halt(KILLED);
          }
        });
    System.exit(0);
  }
}
