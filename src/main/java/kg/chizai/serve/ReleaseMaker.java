package kg.chizai.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the release of the data a server serves and writes it into a directory (as {@code publish
 * --output} does). Called by the server on a thread of its own, once it answers.
 */
@FunctionalInterface
public interface ReleaseMaker {

  /**
   * Writes the release into {@code dir}.
   *
   * @return {@code false} when the data gets no release (it does not conform to the shapes: the
   *     maker says so); the server then offers none until the store is built again
   * @throws RuntimeException when the release could not be written: the server offers none, and the
   *     next start tries again
   */
  boolean write(Path dir);

  /**
   * Called once the release written is offered at {@code /downloads} and recorded with the store (a
   * later start offers it at once), {@code took} after {@link #write} was called.
   */
  default void offered(String version, int files, Duration took) {}
}
