package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.chizai.rdf.Iris;
import kg.chizai.serve.ChizaiServer;
import kg.chizai.serve.Fingerprint;
import kg.chizai.serve.Store;
import kg.chizai.testing.Conversions;
import kg.chizai.testing.SmallReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The serve command's options and failures (serving itself is tested over HTTP in serve/). */
// Main.run prints to System.out and System.err, which ConvertCommandTest.run captures.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ServeCommandTest {

  @TempDir Path dir;

  /** A server over a store of the seed report, as another {@code serve} would hold it. */
  private static ChizaiServer server(Path store, Path sources) throws IOException {
    List<Path> reports;
    try (Stream<Path> s = Files.list(sources)) {
      reports = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    return ChizaiServer.create()
        .port(0)
        .store(store)
        .source(reports, () -> Conversions.dataset(reports))
        .build();
  }

  private static String quadCount(ChizaiServer server) throws Exception {
    String query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create(
                    server.url()
                        + "sparql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .header("Accept", "text/csv")
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Every file under {@code dir} with its size and time, but the lock file. */
  private static List<String> snapshot(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        if (!p.getFileName().toString().equals("store.lock")) {
          out.add(dir.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p));
        }
      }
      return out;
    }
  }

  @Test
  void serve_storeInUseByAnotherServerWithOtherSources_exit8_firstKeepsServing() throws Exception {
    Path store = dir.resolve("store");
    ChizaiServer first = server(store, Path.of("data/source")).start();
    try {
      String before = quadCount(first);
      List<String> files = snapshot(store);
      Path other = Files.createDirectories(dir.resolve("other"));
      Files.writeString(other.resolve("report.txt"), ConvertCommandTest.SMALL);
      ConvertCommandTest.Run r =
          ConvertCommandTest.run(
              "serve", "--port", "0", "--store", store.toString(), "--sources", other.toString());
      assertEquals(8, r.code(), r.err());
      assertTrue(r.err().contains("is in use by another chizai-kg server"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertEquals(files, snapshot(store));
      assertEquals(before, quadCount(first));
    } finally {
      first.stop();
    }
  }

  @Test
  void serve_badSourceOverGoodStore_exit3_storeUntouched() throws Exception {
    Path store = dir.resolve("store");
    server(store, Path.of("data/source")).stop();
    List<String> files = snapshot(store);
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("report.txt"), "ただの文章です。\n");
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--port", "0", "--store", store.toString(), "--sources", bad.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("report.txt:1: no report title"), r.err());
    assertEquals(files, snapshot(store));
    ChizaiServer again = server(store, Path.of("data/source"));
    try {
      assertEquals(Store.Status.REUSED, again.store().status());
    } finally {
      again.stop();
    }
  }

  @Test
  void serve_sourceLargerThanLimit_exit3BeforeTouchingTheStore() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("sources"));
    Files.writeString(sources.resolve("report.txt"), ConvertCommandTest.SMALL);
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve",
            "--port",
            "0",
            "--store",
            dir.resolve("s").toString(),
            "--sources",
            sources.toString(),
            "--max-input-size",
            "100");
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("larger than the limit of 100 bytes"), r.err());
    assertFalse(Files.exists(dir.resolve("s").resolve("current")));
  }

  @Test
  void serve_help_exit0ListsOptionsAndExitCodes() {
    ConvertCommandTest.Run r = ConvertCommandTest.run("serve", "--help");
    assertEquals(0, r.code());
    for (String option :
        new String[] {
          "--port",
          "--store",
          "--base",
          "--timeout",
          "--max-rows",
          "--max-request-bytes",
          "--max-query-chars",
          "--max-search-words",
          "--max-queries",
          "--max-queries-per-client",
          "--idle-timeout",
          "--read-timeout",
          "--allow-service"
        }) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
    assertTrue(r.out().contains("Exit codes"));
  }

  @Test
  void serve_missingSourceDirectory_exit3() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve",
            "--sources",
            dir.resolve("nope").toString(),
            "--store",
            dir.resolve("s").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no such directory"), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }

  @Test
  void serve_emptySourceDirectory_exit3() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--sources", dir.toString(), "--store", dir.resolve("s").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no report"), r.err());
  }

  @Test
  void serve_badPort_exit2BeforeTouchingTheStore() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run("serve", "--port", "70000", "--store", dir.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("port"), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }

  @Test
  void serve_badBase_exit2() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--base", "not an iri", "--store", dir.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("base"), r.err());
  }

  @Test
  void serve_releaseThatIsNotARelease_exit2BeforeTouchingTheStore() throws Exception {
    Files.writeString(dir.resolve("dataset.ttl"), "");
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--release", dir.toString(), "--store", dir.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a release directory"), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--max-queries 0|--max-queries",
        "--max-queries-per-client 0|--max-queries-per-client",
        "--max-request-bytes 10|--max-request-bytes",
        "--read-timeout -1|--read-timeout",
        "--allow-service https://example.org/sparql|--allow-service",
        "--client-header X:Y|--client-header"
      })
  void serve_badLimit_exit2NamesTheOptionBeforeTouchingTheStore(String spec) {
    String[] p = spec.split("\\|");
    String[] option = p[0].split(" ");
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", option[0], option[1], "--store", dir.resolve("s").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(p[1]), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }

  @Test
  void serve_portInUse_exit8BeforeTheStoreIsBuilt() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
      long t0 = System.nanoTime();
      ConvertCommandTest.Run r =
          ConvertCommandTest.run(
              "serve",
              "--port",
              String.valueOf(busy.getLocalPort()),
              "--store",
              dir.resolve("s").toString());
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(8, r.code(), r.err());
      assertTrue(r.err().contains("in use"), r.err());
      assertFalse(r.out().contains("converted"), "reported before converting:\n" + r.out());
      assertFalse(Files.exists(dir.resolve("s")), "the store was not touched");
      assertTrue(seconds < 30, "reported after " + seconds + " s");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void serve_signal_stopsCleanlyWithExit0(String signal) throws Exception {
    assumeFalse(
        signal.equals("INT") && sigintIgnored(),
        "skipped: SIGINT is ignored in this environment (the tests were started in the background),"
            + " and a JVM started with SIGINT ignored keeps it ignored");
    Path sources = Files.createDirectories(dir.resolve("src"));
    SmallReport.writeTo(sources, "tiny.txt");
    Path store = dir.resolve("store");
    Process p = serveInChild(sources, store);
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      String url = await(out, Pattern.compile("open (http://\\S+/) in a browser"), seen);
      assertTrue(url != null, "serving:\n" + seen);
      HttpResponse<String> landing =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, landing.statusCode());
      Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start();
      assertEquals(0, kill.waitFor());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s");
      String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), seen + rest);
      assertTrue(rest.contains("stopped"), rest);
      assertFalse(rest.contains("Exception"), rest);
    } finally {
      p.destroyForcibly();
    }
    // Stopped cleanly: the store opens again as it was left (lock released), without a rebuild.
    try (Store reopened =
        Store.open(
            store,
            Fingerprint.of(
                List.of(sources.resolve("tiny.txt")), Iris.DEFAULT_BASE, Optional.empty()),
            () -> {
              throw new AssertionError("the store was rebuilt");
            })) {
      assertEquals(Store.Status.REUSED, reopened.status());
    }
  }

  /** {@code serve} of {@code sources} on a free port, in a JVM of its own. */
  private static Process serveInChild(Path sources, Path store) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            // A short run: the C1 compiler alone finishes it sooner (as the test JVM).
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--port",
            "0",
            "--sources",
            sources.toString(),
            "--store",
            store.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** The first group of {@code pattern} in the next line of {@code out} it finds; null if none. */
  private static String await(BufferedReader out, Pattern pattern, StringBuilder seen)
      throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (String line = out.readLine();
        line != null && System.nanoTime() < deadline;
        line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  @Test
  void serve_freshStore_answersBeforeItsRelease_thenOffersTheReleaseItBuilt() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    SmallReport.writeTo(sources, "tiny.txt");
    Path store = dir.resolve("store");
    Process p = serveInChild(sources, store);
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      String url = await(out, Pattern.compile("open (http://\\S+/) in a browser"), seen);
      assertTrue(url != null, "serving:\n" + seen);
      String version =
          await(out, Pattern.compile("^release (\\S+) \\(\\d+ files\\) built in "), seen);
      assertTrue(version != null, "the release was built after the store:\n" + seen);
      // Said once recorded with the store: a start after a stop right then offers it at once.
      Path build = store.resolve(Files.readString(store.resolve("current")).strip());
      assertTrue(Files.isRegularFile(build.resolve("release.txt")), "recorded in " + build);
      assertFalse(seen.toString().contains("does not conform"), seen.toString());
      HttpResponse<String> downloads =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "downloads")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, downloads.statusCode());
      assertTrue(
          downloads.body().contains("/dumps/" + version + "/chizai-kg.nq.gz"), downloads.body());
      assertTrue(
          Files.isRegularFile(store.resolve("release").resolve("SHA256SUMS")), "STORE/release");

    } finally {
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as children do. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        return (mask & (1L << 1)) != 0;
      }
    }
    return false;
  }
}
