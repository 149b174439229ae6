package kg.chizai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kg.chizai.Pipeline;
import kg.chizai.model.Report;
import kg.chizai.publish.Release;
import kg.chizai.rdf.Iris;
import kg.chizai.serve.ChizaiServer;
import kg.chizai.serve.ExampleQuery;
import kg.chizai.validate.Validation;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;

/**
 * The seed report ({@link #SOURCE}), converted once per test JVM, and what is built from it once:
 * its SHACL validation, its release (in memory and written to a directory) and a server over a TDB2
 * store of it. Each is made on first use (by whichever test asks first; thread-safe) and shared by
 * every test class after that; the server is stopped and the directories deleted when the JVM ends.
 *
 * <pre>{@code
 * Report report = Seed.report();
 * Model graph = Seed.conversion().dataset().getUnionModel();
 * HttpResponse<String> r = get(Seed.server().url() + "sparql?query=…");
 * }</pre>
 *
 * <p>Shared means read-only. The shared datasets refuse changes; a test that changes the data takes
 * a {@link #copy()}; a test that changes a store, a release directory or a server makes its own, in
 * its own temporary directory.
 */
public final class Seed {

  /** The seed report: the progress report of 令和8年4月 on the 2025 program. */
  public static final Path SOURCE =
      Path.of("data", "source", "ip-strategic-program-2025-progress-2026-04.txt");

  /** The IRIs the seed is converted with (the default base). */
  public static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  /**
   * The shared server's cap on answer rows: below the seed's quad count, so that a plain {@code
   * SELECT * { ?s ?p ?o }} is capped.
   */
  public static final int MAX_ROWS = 1000;

  /**
   * The shared server's query timeout: long enough for the seed's text queries on a loaded machine
   * (2 s was not), short enough for a test of the timeout to wait for it.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Lazy<Pipeline.Conversion> CONVERSION =
      new Lazy<>("the seed conversion", () -> Conversions.readOnly(Conversions.of(SOURCE)));

  private static final Lazy<List<String>> LINES =
      new Lazy<>(
          "the seed's lines",
          () -> {
            try {
              return List.copyOf(Files.readAllLines(SOURCE, StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });

  private static final Lazy<Dataset> SERVED =
      new Lazy<>(
          "the seed as served",
          () ->
              DatasetFactory.wrap(
                  new DatasetGraphReadOnly(Conversions.served(conversion()).asDatasetGraph())));

  private static final Lazy<Validation> VALIDATION =
      new Lazy<>("the seed's validation", () -> Conversions.validate(conversion()));

  private static final Lazy<Release> RELEASE =
      new Lazy<>(
          "the seed's release",
          () -> Conversions.pipeline().release(validation(), Release.Options.defaults()));

  private static final Lazy<Path> RELEASE_DIRECTORY =
      new Lazy<>(
          "the seed's release directory",
          () -> {
            Path dir = AtExit.tempDirectory("chizai-kg-release-").resolve("dist");
            release().writeTo(dir);
            return dir;
          });

  private static final Lazy<ChizaiServer> SERVER = new Lazy<>("the seed server", Seed::startServer);

  private static final Lazy<ChizaiServer> SERVER_WITH_RELEASE =
      new Lazy<>("the seed server offering its release", Seed::startServerWithRelease);

  private Seed() {}

  /** The seed converted with the default options; its dataset is read-only. */
  public static Pipeline.Conversion conversion() {
    return CONVERSION.get();
  }

  /** The seed's report as read. */
  public static Report report() {
    return conversion().reports().get(0);
  }

  /** The seed's lines, as a plain scan of the text sees them (line {@code n} at index n - 1). */
  public static List<String> lines() {
    return LINES.get();
  }

  /** The seed's conversion with a private, writable copy of its dataset, for a test to change. */
  public static Pipeline.Conversion copy() {
    return Conversions.copy(conversion());
  }

  /** What the server serves, held in memory: the conversion plus the ontology graph; read-only. */
  public static Dataset served() {
    return SERVED.get();
  }

  /** The seed's conversion checked against the SHACL shapes. */
  public static Validation validation() {
    return VALIDATION.get();
  }

  /** The seed's release with the default options. */
  public static Release release() {
    return RELEASE.get();
  }

  /** {@link #release()} written to a directory; read it, do not change it. */
  public static Path releaseDirectory() {
    return RELEASE_DIRECTORY.get();
  }

  /**
   * A started server over a TDB2 store of the seed, on a free loopback port, with the example
   * queries of {@code queries/}, {@link #MAX_ROWS} and {@link #TIMEOUT}. Do not stop it: it stops
   * when the JVM ends.
   */
  public static ChizaiServer server() {
    return SERVER.get();
  }

  /**
   * A started server over a TDB2 store of the seed that also offers {@link #releaseDirectory()} for
   * download, with the example queries of {@code queries/} and the default limits. Do not stop it:
   * it stops when the JVM ends.
   */
  public static ChizaiServer serverWithRelease() {
    return SERVER_WITH_RELEASE.get();
  }

  private static ChizaiServer startServerWithRelease() {
    Path store = AtExit.tempDirectory("chizai-kg-store-");
    ChizaiServer server =
        ChizaiServer.create()
            .port(0)
            .store(store)
            .exampleQueries(ExampleQuery.readAll(Path.of("queries")))
            .release(Optional.of(releaseDirectory()))
            .source(List.of(SOURCE), () -> Conversions.dataset(List.of(SOURCE)))
            .build()
            .start();
    AtExit.close(server::stop);
    return server;
  }

  private static ChizaiServer startServer() {
    Path store = AtExit.tempDirectory("chizai-kg-store-");
    ChizaiServer server =
        ChizaiServer.create()
            .port(0)
            .loopback(true)
            .store(store)
            .exampleQueries(ExampleQuery.readAll(Path.of("queries")))
            .maxRows(MAX_ROWS)
            .timeout(TIMEOUT)
            .source(List.of(SOURCE), () -> Conversions.dataset(List.of(SOURCE)))
            .build()
            .start();
    AtExit.close(server::stop);
    return server;
  }
}
