package kg.chizai.cli;

import sun.misc.Signal;

/**
 * Ctrl-C and {@code kill}: runs an action on SIGINT or SIGTERM instead of the JVM's default, which
 * exits with 128 + the signal number. {@code sun.misc.Signal} (module {@code jdk.unsupported}) is
 * the JDK's only way to do this; without it, the action still runs from the shutdown hook but the
 * exit code is 130 or 143.
 */
final class Signals {

  private Signals() {}

  /** Runs {@code action} (once) on its own thread at the first SIGINT or SIGTERM. */
  static void onStop(Runnable action) {
    Thread worker = new Thread(action, "chizai-kg-signal");
    Runnable once =
        () -> {
          synchronized (worker) {
            if (worker.getState() == Thread.State.NEW) {
              worker.start();
            }
          }
        };
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> once.run());
      } catch (IllegalArgumentException e) {
        // The signal is not available here (or the JVM reserves it): keep the default.
      }
    }
  }
}
