package kg.chizai.testing;

import java.util.function.Supplier;

/**
 * A value computed once, on first use, by whichever thread asks first; the others wait for it. A
 * failure is remembered: every later caller gets it again (wrapped, naming the value), so each test
 * that needs the value fails with the original cause instead of a confusing second attempt.
 */
public final class Lazy<T> implements Supplier<T> {

  private final String what;
  private final Supplier<T> compute;
  private T value;
  private Throwable failure;
  private boolean done;

  public Lazy(String what, Supplier<T> compute) {
    this.what = what;
    this.compute = compute;
  }

  @Override
  public synchronized T get() {
    if (!done) {
      try {
        value = compute.get();
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        done = true;
      }
    }
    if (failure != null) {
      throw new IllegalStateException(
          what + " could not be set up (see its first failure)", failure);
    }
    return value;
  }
}
