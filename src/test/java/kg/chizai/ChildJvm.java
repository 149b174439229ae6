package kg.chizai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in another JVM, for tests that need a fresh process (a
 * second JVM's bytes) or one that may die (a kill at a step).
 *
 * <pre>
 * {@code ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(2), Main.class, "publish", "-o", dir);}
 * </pre>
 */
public final class ChildJvm {

  /** How the child ended: its exit status and what it printed (standard output and error). */
  public record Result(int exit, String output) {}

  private ChildJvm() {}

  /** Runs {@code main} with {@code args} to its end, or fails after {@code limit}. */
  public static Result run(Duration limit, Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A short run: the C1 compiler alone finishes it sooner on a few cores (as the test JVM).
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not end within " + limit + ": " + out);
    }
    return new Result(p.exitValue(), out);
  }
}
