package kg.chizai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * What the shared fixtures leave behind, undone when the test JVM ends: servers stopped, then
 * temporary directories deleted, the last registered first.
 */
final class AtExit {

  private static final Deque<AutoCloseable> TODO = new ArrayDeque<>();
  private static boolean hooked;

  private AtExit() {}

  /** Runs {@code action} when the JVM ends, before anything registered earlier. */
  static synchronized void close(AutoCloseable action) {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(AtExit::runAll, "chizai-kg test fixtures"));
      hooked = true;
    }
    TODO.push(action);
  }

  /** A new temporary directory, deleted with everything in it when the JVM ends. */
  static Path tempDirectory(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      close(() -> deleteTree(dir));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void runAll() {
    AutoCloseable next;
    while ((next = poll()) != null) {
      try {
        next.close();
      } catch (Exception e) {
        // The JVM is ending: say what was left behind, and go on with the rest.
        System.err.println("test fixture cleanup failed: " + e);
      }
    }
  }

  private static synchronized AutoCloseable poll() {
    return TODO.poll();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
