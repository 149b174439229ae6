package kg.chizai.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import kg.chizai.rdf.CKG;
import kg.chizai.testing.Conversions;
import kg.chizai.testing.Seed;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Talking to real servers over HTTP, and starting one over other reports than the seed (the seed's
 * server is shared: {@link kg.chizai.testing.Seed#server()}).
 */
final class TestServers {

  /**
   * The literals full-text search must find, as the README lists them; written out here rather than
   * taken from the store's own list, so that a literal the store stops indexing fails the tests.
   */
  static final List<Node> SEARCHED =
      List.of(
          CKG.sourceText.asNode(),
          RDFS.label.asNode(),
          SKOS.prefLabel.asNode(),
          SKOS.altLabel.asNode(),
          DCTerms.title.asNode(),
          RDFS.comment.asNode(),
          DCTerms.description.asNode());

  /** The seed report (tests over the shared server use {@link Seed#server()}). */
  static final Path SEED = Seed.SOURCE;

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private TestServers() {}

  /**
   * A started server on a free loopback port over a new store of {@code sources} in {@code dir}.
   */
  static ChizaiServer start(Path dir, List<Path> sources) {
    return start(dir, sources, b -> b);
  }

  /**
   * A started server of its own (the caller stops it) over a new store of {@code sources} in {@code
   * dir}, with {@code more} settings: for tests that need other limits than the shared server's or
   * that disturb the server. The seed's data is the shared conversion's.
   */
  static ChizaiServer start(
      Path dir, List<Path> sources, UnaryOperator<ChizaiServer.Builder> more) {
    ChizaiServer.Builder b =
        ChizaiServer.create()
            .port(0)
            .store(dir)
            .exampleQueries(ExampleQuery.readAll(Path.of("queries")))
            .source(sources, () -> Conversions.dataset(sources));
    return more.apply(b).build().start();
  }

  static HttpResponse<String> get(String url, String accept) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (accept != null) {
      r.header("Accept", accept);
    }
    return send(r.GET().build());
  }

  static HttpResponse<String> postForm(String url, String name, String value, String accept) {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(name + "=" + encode(value)))
            .build();
    return send(r);
  }

  static HttpResponse<String> send(HttpRequest r) {
    try {
      try {
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // A server may close a kept-alive connection after refusing a request whose body it did not
        // read (a refused PUT); the client only learns it on the next request. Idempotent test
        // requests are sent once more, on a new connection.
        if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
          throw e;
        }
        return HttpClient.newHttpClient()
            .send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * CPU time used by the Jetty worker threads ({@code qtp…}) of this JVM over {@code window}: near
   * zero when no query is still running.
   */
  static long serverCpuNanos(Duration window) throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> before = new HashMap<>();
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("qtp")) {
        before.put(t.getThreadId(), mx.getThreadCpuTime(t.getThreadId()));
      }
    }
    Thread.sleep(window.toMillis());
    long used = 0;
    for (Map.Entry<Long, Long> e : before.entrySet()) {
      long now = mx.getThreadCpuTime(e.getKey());
      if (now > 0 && e.getValue() > 0) {
        used += now - e.getValue();
      }
    }
    return used;
  }

  private static final kg.chizai.testing.Lazy<Site> SEED_SITE =
      new kg.chizai.testing.Lazy<>(
          "the seed's site",
          () ->
              Site.load(
                  Seed.served().asDatasetGraph(),
                  Seed.IRIS,
                  List.of(),
                  Duration.ofSeconds(30),
                  Limits.DEFAULT_MAX_ROWS));

  /** The site of the seed as served, without example queries, loaded once per JVM. */
  static Site seedSite() {
    return SEED_SITE.get();
  }
}
