package kg.chizai.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kg.chizai.testing.Conversions;

/**
 * A store opened in a process of its own, as a server would, for the tests that need a second
 * process: {@code STORE STEP SOURCE...}. With a build step ({@code converted}, {@code loaded},
 * {@code recorded}, {@code swapped}) as {@code STEP}, the process halts at once after that step of
 * a build, as a crash or a {@code kill -9} would stop it (no shutdown hook, no cleanup). With
 * {@code hold}, it opens the store, prints {@code ready}, and keeps it open until its standard
 * input closes.
 */
final class StoreProcess {

  /** The exit status of a process halted at its step. */
  static final int HALTED = 86;

  private StoreProcess() {}

  public static void main(String[] args) throws IOException {
    Path store = Path.of(args[0]);
    String step = args[1];
    List<Path> sources = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sources.add(Path.of(args[i]));
    }
    Store.afterStep =
        s -> {
          if (s.equals(step)) {
            System.out.println("halted after " + s);
            System.out.flush();
            Runtime.getRuntime().halt(HALTED);
          }
        };
    ChizaiServer server =
        ChizaiServer.create()
            .port(0)
            .store(store)
            .source(sources, () -> Conversions.dataset(sources))
            .build();
    System.out.println("ready " + server.store().status());
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the store until the parent closes our input
    }
    server.stop();
  }
}
