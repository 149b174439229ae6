package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.cli.ConvertCommandTest.Run;
import kg.chizai.publish.GraphStorePush;
import kg.chizai.publish.Release;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import kg.chizai.validate.Validation;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code publish --to URL} against a second, separately started Fuseki server process on loopback
 * (in-memory dataset, updates allowed, basic auth), then asking that server what arrived.
 */
// Main.run prints to System.out and System.err, which ConvertCommandTest.run captures.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@TestMethodOrder(OrderAnnotation.class)
class PublishToGraphStoreTest {

  static final String USER = "pusher";
  static final String PASSWORD = "s3cret";
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir static Path tmp;
  static Process fuseki;
  static String url;
  static Path log;

  @BeforeAll
  static void startFuseki() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path passwd = Files.writeString(tmp.resolve("passwd"), USER + ": " + PASSWORD + "\n");
    log = tmp.resolve("fuseki.log");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    fuseki =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                // A short run: the C1 compiler alone finishes it sooner, on a few cores.
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
                "--mem",
                "--update",
                "--localhost",
                "--port=" + port,
                "--passwd=" + passwd,
                "--auth=basic",
                "/ds")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    url = "http://127.0.0.1:" + port + "/ds";
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() > 0) {
          break;
        }
      } catch (IOException e) {
        if (!fuseki.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("Fuseki did not start:\n" + Files.readString(log), e);
        }
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  static void stopFuseki() throws Exception {
    if (fuseki != null) {
      fuseki.destroy();
      if (!fuseki.waitFor(15, TimeUnit.SECONDS)) {
        fuseki.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  /** Triples per named graph, as the second server reports them. */
  static SortedMap<String, Long> graphsOnServer() {
    SortedMap<String, Long> out = new TreeMap<>();
    try (QueryExecutionHTTP qe =
        QueryExecutionHTTP.service(url)
            .query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
            .httpHeader("Authorization", basic())
            .build()) {
      qe.execSelect()
          .forEachRemaining(
              (QuerySolution s) ->
                  out.put(s.getResource("g").getURI(), s.getLiteral("n").getLong()));
    }
    return out;
  }

  static boolean askOnServer(String query) {
    try (QueryExecutionHTTP qe =
        QueryExecutionHTTP.service(url).query(query).httpHeader("Authorization", basic()).build()) {
      return qe.execAsk();
    }
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static SortedMap<String, Long> sizes(SortedMap<String, Model> graphs) {
    SortedMap<String, Long> out = new TreeMap<>();
    graphs.forEach((k, v) -> out.put(k, v.size()));
    return out;
  }

  @Test
  @Order(1)
  void publishTo_withoutCredentials_exit7AndNothingStored() {
    Run r = ConvertCommandTest.run("publish", "--to", url);
    assertEquals(7, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("401"), r.err());
    assertTrue(r.err().contains("PUT <"), r.err());
    assertTrue(graphsOnServer().isEmpty());
  }

  @Test
  @Order(2)
  void publishTo_wrongPassword_exit7() {
    Run r = ConvertCommandTest.run("publish", "--to", url, "--user", USER, "--password", "nope");
    assertEquals(7, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("check --user and the password"), r.err());
  }

  @Test
  @Order(3)
  void publishTo_seed_everyNamedGraphArrives() {
    Run r = ConvertCommandTest.run("publish", "--to", url, "--user", USER, "--password", PASSWORD);
    assertEquals(0, r.code(), r.out() + r.err());
    Release expected = Seed.release();
    SortedMap<String, Long> want = sizes(expected.graphs());
    assertEquals(
        Set.of(
            IRIS.base() + "graph/report/2025-progress",
            IRIS.referenceGraph(),
            IRIS.ontologyGraph(),
            IRIS.descriptionGraph()),
        want.keySet());
    assertEquals(want, graphsOnServer());
    assertTrue(r.out().contains("pushed 4 graphs to " + url), r.out());
    assertTrue(
        askOnServer(
            "ASK { GRAPH <"
                + IRIS.base()
                + "graph/report/2025-progress> { ?e <http://www.w3.org/ns/prov#wasAttributedTo>"
                + " <"
                + IRIS.body("agency-for-cultural-affairs")
                + "> } }"));
  }

  @Test
  @Order(4)
  void publishTo_withPrevious_replacesGraphsAndDeletesTheOnesThatAreGone() throws Exception {
    // A previous release with a graph this one lacks and a triple this one dropped.
    Conversion old = Seed.copy();
    String gone = IRIS.base() + "graph/report/2024-progress";
    old.dataset()
        .getNamedModel(gone)
        .add(
            old.dataset().getDefaultModel().createResource(IRIS.base() + "id/report/2024-progress"),
            RDFS.comment,
            "a report of an earlier year");
    Model report = old.dataset().getNamedModel(IRIS.base() + "graph/report/2025-progress");
    report.add(report.createResource(IRIS.program(2025)), RDFS.comment, "stale");
    Release previous =
        Release.build(
            Validation.of(old.reports(), old.dataset()),
            IRIS,
            Release.Options.defaults().withVersion("2025-12"));
    Path previousDir = tmp.resolve("previous");
    previous.writeTo(previousDir);
    GraphStorePush.push(
        previous.graphs(),
        url,
        Optional.of(new GraphStorePush.Credentials(USER, PASSWORD)),
        Set.of());
    assertTrue(graphsOnServer().containsKey(gone));
    assertTrue(askOnServer("ASK { GRAPH ?g { ?s ?p \"stale\" } }"));

    Run r =
        ConvertCommandTest.run(
            "publish",
            "--to",
            url,
            "--user",
            USER,
            "--password",
            PASSWORD,
            "--previous",
            previousDir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("DELETE <" + gone + ">"), r.out());
    SortedMap<String, Long> onServer = graphsOnServer();
    assertFalse(onServer.containsKey(gone), onServer.toString());
    assertFalse(askOnServer("ASK { GRAPH ?g { ?s ?p \"stale\" } }"));
    assertEquals(4, onServer.size(), onServer.toString());
  }

  @Test
  @Order(5)
  void publish_neitherOutputNorTo_usageError() {
    Run r = ConvertCommandTest.run("publish");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("give --output DIR, --to URL, or both"), r.err());
  }

  @Test
  @Order(6)
  void publish_userWithoutPassword_usageError() {
    assumeFalse(
        System.getenv().containsKey("CHIZAI_KG_PASSWORD"),
        "CHIZAI_KG_PASSWORD is set in this environment, so --user has a password");
    Run r = ConvertCommandTest.run("publish", "--to", url, "--user", USER);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--user needs --password"), r.err());
  }
}
