package kg.chizai.serve;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.jena.query.QueryCancelledException;

/**
 * The deadline of the query that this thread is running, for the work that Jena's own timeout
 * cannot stop because it never returns to the query iterators: one regular-expression match, one
 * {@code REPLACE}, a plan-time constant fold. Fuseki runs a query on the request's thread, so the
 * endpoint sets the deadline around the whole request and the guarded functions check it.
 *
 * <pre>{@code Deadline.within(Duration.ofSeconds(30), () -> runQuery());}</pre>
 */
final class Deadline {

  private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

  private Deadline() {}

  /** Runs {@code work} with a deadline of {@code timeout} from now on this thread. */
  static <T> T within(Duration timeout, Supplier<T> work) {
    long[] previous = CURRENT.get();
    CURRENT.set(new long[] {System.nanoTime() + timeout.toNanos()});
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Time left before this thread's deadline; empty when none is set. */
  static Optional<Duration> remaining() {
    long[] d = CURRENT.get();
    return d == null
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(Math.max(0, d[0] - System.nanoTime())));
  }

  /** Whether this thread's deadline has passed. */
  static boolean passed() {
    long[] d = CURRENT.get();
    return d != null && System.nanoTime() - d[0] > 0;
  }

  /**
   * Throws {@link QueryCancelledException} (which the endpoint answers with 503) when this thread's
   * deadline has passed or the query's cancel signal is set.
   */
  static void check(AtomicBoolean cancel) {
    if (passed() || (cancel != null && cancel.get())) {
      throw new QueryCancelledException();
    }
  }

  /**
   * A string for a regular-expression matcher that checks the deadline every 1024 character reads,
   * so that a catastrophically backtracking pattern stops at the timeout.
   */
  static CharSequence guard(String s, AtomicBoolean cancel) {
    return new Guarded(s, 0, s.length(), cancel, new int[1]);
  }

  private record Guarded(String s, int from, int to, AtomicBoolean cancel, int[] reads)
      implements CharSequence {
    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      if ((++reads[0] & 0x3ff) == 0) {
        check(cancel);
      }
      return s.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      if (start < 0 || end > length() || start > end) {
        throw new IndexOutOfBoundsException("subSequence(" + start + ", " + end + ")");
      }
      return new Guarded(s, from + start, from + end, cancel, reads);
    }

    @Override
    public String toString() {
      return s.substring(from, to);
    }
  }
}
