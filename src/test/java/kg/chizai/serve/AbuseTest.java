package kg.chizai.serve;

import static kg.chizai.serve.TestServers.SEED;
import static kg.chizai.serve.TestServers.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.testing.SmallReport;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The endpoint attacked as an attacker or an unlucky client would, over real sockets on the
 * loopback interface, each test bounded in time: SERVICE never reaches a local listener, a regular
 * expression bomb is stopped by the timeout and the core is free afterwards, 32 slow clients do not
 * keep a trivial query from answering within a second, oversized and slow requests are refused
 * early, and the protocol answers (service description, HEAD, 406, read-only, headers, CORS, gzip)
 * are what a public SPARQL endpoint's users expect.
 */
// Alone: it measures the CPU of every server thread in the JVM, and times answers.
@Isolated
class AbuseTest {

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  /**
   * The timeout of the servers that tests wait on until a query is stopped ({@link #quick}, {@link
   * #federating}): short, so that the wait is short; the bomb and the cross product still run far
   * longer than it.
   */
  static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

  /** The regular expression: catastrophic backtracking on 41 characters. */
  static final String BOMB_TEXT = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";

  static final String BOMB_PATTERN = "^(.*a){12}$";

  @TempDir static Path dir;
  static ChizaiServer server;
  static ChizaiServer federating;

  /** The small report with {@link #SHORT_TIMEOUT}: for the queries that only a timeout stops. */
  static ChizaiServer quick;

  static Listener listener;
  static int port;
  static String sparql;

  @BeforeAll
  static void start() throws Exception {
    listener = new Listener(null);
    server =
        TestServers.start(
            dir.resolve("seed"),
            List.of(SEED),
            b -> b.limits(Limits.builder().timeout(TIMEOUT).readTimeout(READ_TIMEOUT).build()));
    port = server.port();
    sparql = "http://127.0.0.1:" + port + "/sparql";
    Path tiny = SmallReport.writeTo(dir, "tiny.txt");
    federating =
        TestServers.start(
            dir.resolve("tiny"),
            List.of(tiny),
            b ->
                b.limits(
                        Limits.builder()
                            .timeout(SHORT_TIMEOUT)
                            .serviceHosts(Set.of("127.0.0.1"))
                            .build())
                    .accessLog(Optional.of(dir.resolve("access.log"))));
    quick =
        TestServers.start(
            dir.resolve("quick"),
            List.of(tiny),
            b -> b.limits(Limits.builder().timeout(SHORT_TIMEOUT).build()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (federating != null) {
      federating.stop();
    }
    if (quick != null) {
      quick.stop();
    }
    if (listener != null) {
      listener.close();
    }
  }

  final List<Socket> held = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeHeld() {
    for (Socket s : held) {
      try {
        s.close();
      } catch (IOException e) {
        // already gone
      }
    }
    held.clear();
  }

  // ------------------------------------------------------------------ SERVICE (SSRF)

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { SERVICE <L/x> { ?s ?p ?o } }",
        "SELECT * { SERVICE SILENT <L/silent> { ?s ?p ?o } }",
        "SELECT * { VALUES ?u { <L/var> } SERVICE ?u { ?s ?p ?o } }",
        "ASK { FILTER EXISTS { SERVICE <L/exists> { ?s ?p ?o } } }",
        "SELECT * { { SELECT * { SERVICE <L/sub> { ?s ?p ?o } } LIMIT 1 } }",
        "SELECT * { OPTIONAL { SERVICE <L/opt> { ?s ?p ?o } } }"
      })
  void service_anyForm_refused400AndListenerNeverContacted(String query) throws Exception {
    HttpResponse<String> r = post(sparql, query.replace("L/", listener.url()));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("--allow-service") || r.body().contains("variable"), r.body());
    assertNeverContacted();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM <L/from> { ?s ?p ?o } LIMIT 1",
        "SELECT * FROM NAMED <L/named> { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
        "?default-graph-uri=L/dg",
        "?named-graph-uri=L/ng"
      })
  void datasetDescription_neverFetched(String form) throws Exception {
    HttpResponse<String> r;
    if (form.startsWith("?")) {
      String[] kv = form.substring(1).replace("L/", listener.url()).split("=", 2);
      r =
          TestServers.get(
              sparql
                  + "?query="
                  + encode("SELECT * { ?s ?p ?o } LIMIT 1")
                  + "&"
                  + kv[0]
                  + "="
                  + encode(kv[1]),
              "application/sparql-results+json");
    } else {
      r = post(sparql, form.replace("L/", listener.url()));
    }
    assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
    assertNeverContacted();
  }

  private static void assertNeverContacted() throws InterruptedException {
    Thread.sleep(200);
    assertEquals(0, listener.accepted(), "the server connected to the listener");
  }

  @Test
  void serviceAllowed_hostThatNeverAnswers_stoppedByTheQueryTimeout() throws Exception {
    try (Listener blackhole = new Listener(null)) {
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          post(
              federating.url() + "sparql",
              "SELECT * { SERVICE <" + blackhole.url() + "sparql> { ?s ?p ?o } }");
      double s = (System.nanoTime() - t0) / 1e9;
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().toLowerCase(Locale.ROOT).contains("timed out"), r.body());
      assertTrue(s < SHORT_TIMEOUT.toSeconds() + 8, "answered after " + s + " s");
      assertTrue(blackhole.accepted() >= 1, "the allowed host was called");
    }
  }

  @Test
  void serviceAllowed_redirectElsewhere_notFollowed() throws Exception {
    try (Listener elsewhere = new Listener(null);
        Listener redirecting =
            new Listener(
                ("HTTP/1.1 302 Found\r\nLocation: "
                        + elsewhere.url().replace("127.0.0.1", "localhost")
                        + "sparql\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII))) {
      HttpResponse<String> r =
          post(
              federating.url() + "sparql",
              "SELECT * { SERVICE <" + redirecting.url() + "sparql> { ?s ?p ?o } }");
      assertEquals(502, r.statusCode(), r.body());
      assertTrue(redirecting.accepted() >= 1);
      Thread.sleep(200);
      assertEquals(0, elsewhere.accepted(), "the redirect was followed");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { VALUES ?u { <L/var> } SERVICE ?u { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://localhost:PORT/other-host> { ?s ?p ?o } }"
      })
  void serviceAllowed_variableOrOtherHost_stillRefused(String query) throws Exception {
    HttpResponse<String> r =
        post(
            federating.url() + "sparql",
            query.replace("L/", listener.url()).replace("PORT", String.valueOf(listener.port())));
    assertEquals(400, r.statusCode(), r.body());
    assertNeverContacted();
  }

  // ------------------------------------------------------------------ regular expressions

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { FILTER(regex(\"T\", \"P\")) }",
        "SELECT * { VALUES ?t { \"T\" } FILTER(regex(?t, \"P\")) }",
        "SELECT ?x { VALUES ?t { \"T\" } BIND(REPLACE(?t, \"P\", \"b\") AS ?x) }",
        "SELECT * { FILTER(<http://www.w3.org/2005/xpath-functions#matches>(\"T\", \"P\")) }",
        "ASK { FILTER EXISTS { VALUES ?t { \"T\" } FILTER(regex(?t, \"P\")) } }",
        "SELECT * { { SELECT ?t { VALUES ?t { \"T\" } FILTER(regex(?t, \"P\")) } } }",
        "SELECT (SAMPLE(regex(?t, \"P\")) AS ?m) { VALUES ?t { \"T\" } }",
        "SELECT ?t { VALUES ?t { \"T\" \"b\" } } ORDER BY (regex(?t, \"P\"))"
      })
  void regexBomb_answeredByTheTimeout_andTheCoreIsFreeAfterwards(String shape) throws Exception {
    String query =
        shape
            .replace("\"T\"", "\"" + BOMB_TEXT + "\"")
            .replace("\"P\"", "\"" + BOMB_PATTERN + "\"");
    // The CPU measured is the bomb's: the heavy queries other tests left behind (slowClients32's)
    // were cancelled or dropped when their connections closed; this only waits for that.
    awaitNoQueries();
    long t0 = System.nanoTime();
    HttpResponse<String> r = post(quick.url() + "sparql", query);
    double s = (System.nanoTime() - t0) / 1e9;
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().toLowerCase(Locale.ROOT).contains("timed out"), r.body());
    assertTrue(s < SHORT_TIMEOUT.toSeconds() + 8, "answered after " + s + " s");
    Thread.sleep(300);
    // A bomb still running would use all of one core (500 ms) in the half second measured.
    long busy = TestServers.serverCpuNanos(Duration.ofMillis(500));
    assertTrue(busy < 150_000_000L, "server threads used " + busy / 1e6 + " ms CPU afterwards");
    assertTrue(askSeconds("127.0.0.1", quick.port()) < 1.0, "a following query is fast");
  }

  @Test
  void regex_ordinaryPatterns_sameAnswersAsJena() throws Exception {
    // The guarded functions must not change what a query means.
    HttpResponse<String> r =
        post(
            sparql,
            "SELECT ?a ?b ?c ?d ?e { BIND(regex(\"Abc\", \"^a\", \"i\") AS ?a)"
                + " BIND(REPLACE(\"banana\", \"a\", \"o\") AS ?b)"
                + " BIND(REPLACE(\"abc\", \"(b)\", \"[$1]\") AS ?c)"
                + " BIND(REPLACE(\"a.b\", \".\", \"x\", \"q\") AS ?d)"
                + " BIND(regex(\"海賊版対策\", \"海賊\") AS ?e) }");
    assertEquals(200, r.statusCode(), r.body());
    for (String v : List.of("\"value\" : \"true\"", "bonono", "a[b]c", "axb")) {
      assertTrue(r.body().replace("\": \"", "\" : \"").contains(v), v + " in " + r.body());
    }
  }

  // ------------------------------------------------------------------ slow and heavy clients

  @Test
  void slowClients32_trivialQueryAndPagesStillAnswerUnder1s() throws Exception {
    // Warm up: the first query after start is slower by itself (class loading, JIT).
    askSeconds("127.0.0.1");
    TestServers.get("http://127.0.0.1:" + port + "/", null);
    // 10 slowloris connections: request headers that never end.
    for (int i = 0; i < 10; i++) {
      held.add(send("127.0.0.1", "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    }
    // 10 query bodies that never finish arriving.
    for (int i = 0; i < 10; i++) {
      held.add(
          send(
              "127.0.0.1",
              "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                  + "\r\nContent-Length: 100000\r\n\r\nquery=SELE"));
    }
    // 8 heavy queries from one other client (each runs until the timeout): its share is 2 at
    // once, the other 6 wait without a thread.
    String heavy =
        "query="
            + encode(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l"
                    + " FILTER (STR(?c) = CONCAT(STR(?f), STR(?i), STR(?l), \"never\")) }");
    for (int i = 0; i < 8; i++) {
      held.add(send("127.0.0.2", form(heavy)));
    }
    // 4 clients that ask for a large answer and never read it.
    for (int i = 0; i < 4; i++) {
      held.add(send("127.0.0.4", form("query=" + encode("SELECT * { ?s ?p ?o }"))));
    }
    assertEquals(32, held.size());
    Thread.sleep(500);
    for (int round = 0; round < 5; round++) {
      double ask = askSeconds("127.0.0.1");
      assertTrue(ask < 1.0, "round " + round + ": ASK {} took " + ask + " s");
      long t0 = System.nanoTime();
      HttpResponse<String> page = TestServers.get("http://127.0.0.1:" + port + "/", null);
      double s = (System.nanoTime() - t0) / 1e9;
      assertEquals(200, page.statusCode());
      assertTrue(s < 1.0, "round " + round + ": / took " + s + " s");
      Thread.sleep(300);
    }
  }

  @Test
  void concurrentTimeouts_leaveNoTransactionOpen() throws Exception {
    // jena-text rolls back its index writer when a read transaction is aborted; two queries timed
    // out at once used to leave a TDB2 read transaction open for good (and the store unclosable).
    String heavy =
        "query="
            + encode(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l"
                    + " FILTER (STR(?c) = CONCAT(STR(?f), STR(?i), STR(?l), \"never\")) }");
    List<Socket> sockets = new ArrayList<>();
    for (String from : List.of("127.0.0.5", "127.0.0.6", "127.0.0.7")) {
      Socket s = send(from, quick.port(), form(heavy));
      held.add(s);
      sockets.add(s);
    }
    for (Socket s : sockets) {
      String status = statusLine(s, Duration.ofSeconds(30));
      assertTrue(status.contains(" 503 "), status);
    }
    TransactionCoordinator coordinator =
        TDBInternal.getTransactionCoordinator(
            ((DatasetGraphWrapper) quick.store().dataset()).getWrapped());
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (coordinator.countActive() > 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertEquals(0, coordinator.countActive(), "transactions still open");
    HttpResponse<String> search =
        TestServers.get(quick.url() + "search?q=" + encode("海賊版"), "text/html");
    assertEquals(200, search.statusCode(), "the text index still answers");
    assertTrue(search.body().contains("<mark>海賊版</mark>"));
  }

  /** Waits (at most 30 s) until no query runs or waits on any of this class's servers. */
  private static void awaitNoQueries() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (ChizaiServer s : List.of(server, federating, quick)) {
      while (!java.util.Arrays.equals(new int[2], s.gate().load()) && System.nanoTime() < end) {
        Thread.sleep(20);
      }
    }
  }

  /** Seconds for {@code ASK {}} from a client address. */
  private double askSeconds(String from) throws Exception {
    return askSeconds(from, port);
  }

  /** Seconds for {@code ASK {}} from a client address to the server on {@code serverPort}. */
  private double askSeconds(String from, int serverPort) throws Exception {
    long t0 = System.nanoTime();
    try (Socket s = send(from, serverPort, form("query=" + encode("ASK {}")))) {
      String status = statusLine(s, Duration.ofSeconds(10));
      assertTrue(status.contains(" 200 "), status);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  // ------------------------------------------------------------------ sizes

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void body20MB_refused413Under1s(boolean chunked) throws Exception {
    long t0 = System.nanoTime();
    Socket s = connect("127.0.0.1");
    held.add(s);
    String head =
        "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 20000000\r\n")
            + "\r\n";
    s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    Thread writer =
        new Thread(
            () -> {
              byte[] chunk = new byte[65_536];
              java.util.Arrays.fill(chunk, (byte) 'a');
              try {
                OutputStream out = s.getOutputStream();
                for (int sent = 0; sent < 20_000_000; sent += chunk.length) {
                  if (chunked) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes());
                    out.write(chunk);
                    out.write("\r\n".getBytes());
                  } else {
                    out.write(chunk);
                  }
                }
              } catch (IOException e) {
                // The server refused and closed: expected.
              }
            });
    writer.setDaemon(true);
    writer.start();
    String status = statusLine(s, Duration.ofSeconds(10));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(status.contains(" 413 "), status);
    assertTrue(seconds < 1.0, "refused after " + seconds + " s");
  }

  @Test
  void queryLongerThanLimit_refused413BeforeParsing() {
    StringBuilder q = new StringBuilder("SELECT * {");
    while (q.length() <= Limits.DEFAULT_MAX_QUERY_CHARS) {
      q.append(" ?s <http://example.org/p> \"x\" .");
    }
    q.append(" }");
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(sparql))
            .header("Content-Type", "application/sparql-query")
            .POST(HttpRequest.BodyPublishers.ofString(q.toString()))
            .build();
    HttpResponse<String> resp = TestServers.send(r);
    assertEquals(413, resp.statusCode(), resp.body());
    assertTrue(resp.body().contains("--max-query-chars"), resp.body());
  }

  @Test
  void bodyThatNeverFinishes_408AfterTheReadTimeout() throws Exception {
    long t0 = System.nanoTime();
    Socket s =
        send(
            "127.0.0.1",
            "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 1000\r\n\r\nquery=ASK");
    held.add(s);
    String status = statusLine(s, Duration.ofSeconds(30));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(status.contains(" 408 "), status);
    assertTrue(seconds >= READ_TIMEOUT.toSeconds() - 0.5, "refused after " + seconds + " s");
    assertTrue(seconds < READ_TIMEOUT.toSeconds() + 8, "refused after " + seconds + " s");
  }

  @Test
  void search_moreThan1024Words_400WithoutTheIndexText() {
    String q = String.join(" ", java.util.Collections.nCopies(1100, "海賊版"));
    HttpResponse<String> r =
        TestServers.get("http://127.0.0.1:" + port + "/search?q=" + encode(q), "text/html");
    assertEquals(400, r.statusCode());
    assertTrue(
        r.body().contains("at most " + Limits.DEFAULT_MAX_SEARCH_WORDS + " words"), r.body());
    for (String leak : List.of("Lucene", "lucene", "Exception", "maxClauseCount")) {
      assertFalse(r.body().contains(leak), leak + " in " + r.body());
    }
  }

  @Test
  void accessLog_oneNcsaLinePerRequest() throws Exception {
    Path log = dir.resolve("access.log");
    String url = "http://127.0.0.1:" + federating.port() + "/sparql?query=" + encode("ASK {}");
    HttpResponse<String> r =
        TestServers.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("User-Agent", "abuse-test/1")
                .header("Accept", "application/sparql-results+json")
                .build());
    assertEquals(200, r.statusCode());
    TestServers.get("http://127.0.0.1:" + federating.port() + "/no/such/page", "text/html");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      if (lines.stream().anyMatch(l -> l.contains("/no/such/page"))) {
        break;
      }
      Thread.sleep(100);
    }
    String ask =
        lines.stream()
            .filter(l -> l.contains("\"GET /sparql?query=ASK"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line for the query in " + log));
    assertTrue(ask.startsWith("127.0.0.1 "), ask);
    assertTrue(ask.contains("\" 200 "), ask);
    assertTrue(ask.endsWith("\"abuse-test/1\""), ask);
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("GET /no/such/page") && l.contains("\" 404 ")),
        String.join("\n", lines));
  }

  @Test
  void accessLog_notWritable_exit8BeforeAnyStore() {
    Path store = dir.resolve("never-built");
    ChizaiException e =
        assertThrows(
            ChizaiException.class,
            () ->
                TestServers.start(
                    store, List.of(SEED), b -> b.accessLog(Optional.of(dir)))); // a directory
    assertEquals(ExitCode.SERVE.code(), e.exitCode());
    assertTrue(e.getMessage().contains("access log"), e.getMessage());
    assertFalse(Files.exists(store), "no store built");
  }

  @Test
  void search_fewWordsButLongerThanLimit_400() {
    String q = "海賊版".repeat(Limits.DEFAULT_MAX_SEARCH_CHARS / 3 + 1);
    HttpResponse<String> r =
        TestServers.get("http://127.0.0.1:" + port + "/search?q=" + encode(q), "text/html");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains(Limits.DEFAULT_MAX_SEARCH_CHARS + " 文字まで"), r.body());
    HttpResponse<String> shorter =
        TestServers.get(
            "http://127.0.0.1:" + port + "/search?q=" + encode(q.substring(0, 30)), "text/html");
    assertEquals(200, shorter.statusCode());
  }

  @Test
  void textQuery_thousandsOfTerms_400WithoutTheIndexText() {
    String terms = String.join(" OR ", java.util.Collections.nCopies(2000, "海賊版"));
    HttpResponse<String> r =
        post(
            sparql,
            "PREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query '"
                + terms
                + "' }");
    assertEquals(400, r.statusCode(), r.body());
    for (String leak : List.of("Lucene", "lucene", "maxClauseCount")) {
      assertFalse(r.body().contains(leak), leak + " in " + r.body());
    }
  }

  // ------------------------------------------------------------------ protocol

  @ParameterizedTest
  @ValueSource(strings = {"", "&timeout=1", "&timeout=100", "&timeout=junk"})
  void queryTimeoutHeader_isTheEffectiveTimeout(String param) {
    HttpResponse<String> r =
        TestServers.get(
            sparql + "?query=" + encode("ASK {}") + param, "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertEquals(
        param.equals("&timeout=1") ? "1" : "2",
        r.headers().firstValue(LimitedQuery.QUERY_TIMEOUT).orElse(null));
  }

  @Test
  void get_sparqlWithoutQuery_serviceDescriptionInTurtle() {
    HttpResponse<String> r = TestServers.get(sparql, null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
    Resource service = m.getResource(sparql);
    assertTrue(
        m.contains(service, RDF.type, m.getResource(ServiceDescription.SD + "Service")), r.body());
    assertTrue(
        m.contains(service, m.getProperty(ServiceDescription.SD + "endpoint"), service), r.body());
    assertTrue(
        m.contains(
            service,
            m.getProperty(ServiceDescription.SD + "supportedLanguage"),
            m.getResource(ServiceDescription.SD + "SPARQL11Query")));
    assertFalse(
        m.contains(
            null,
            m.getProperty(ServiceDescription.SD + "supportedLanguage"),
            m.getResource(ServiceDescription.SD + "SPARQL11Update")));
    assertTrue(
        m.contains(
            null,
            m.getProperty(ServiceDescription.SD + "name"),
            m.getResource("https://w3id.org/chizai-kg/graph/reference")),
        r.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html|200|text/html",
        "application/ld+json|200|application/ld+json",
        "application/rdf+xml|200|application/rdf+xml",
        "image/png|406|text/plain"
      })
  void get_sparqlWithoutQuery_negotiated(String spec) {
    String[] p = spec.split("\\|");
    HttpResponse<String> r = TestServers.get(sparql, p[0]);
    assertEquals(Integer.parseInt(p[1]), r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(p[2]));
  }

  @Test
  void query_acceptImagePng_406() {
    HttpResponse<String> r =
        TestServers.get(sparql + "?query=" + encode("SELECT * { ?s ?p ?o } LIMIT 1"), "image/png");
    assertEquals(406, r.statusCode(), r.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/sparql",
        "/sparql?query=ASK%7B%7D",
        "/data?graph=https%3A%2F%2Fw3id.org%2Fchizai-kg%2Fgraph%2Freference",
        "/id/report/2025-progress/direction/14-2",
        "/def",
        "/search?q=%E6%B5%B7%E8%B3%8A%E7%89%88",
        "/assets/chizai.css",
        "/assets/favicon.svg",
        "/favicon.ico",
        "/assets/prefixes.json"
      })
  void head_whereverGetWorks_sameStatusNoBody(String path) {
    String url = "http://127.0.0.1:" + port + path;
    HttpResponse<String> get = TestServers.get(url, null);
    HttpResponse<String> head =
        TestServers.send(
            HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(200, get.statusCode(), path);
    assertEquals(200, head.statusCode(), path);
    assertEquals("", head.body());
    assertEquals(
        get.headers().firstValue("Content-Type").orElse("?"),
        head.headers().firstValue("Content-Type").orElse("!"));
  }

  @Test
  void update_refusedAsReadOnly() {
    HttpResponse<String> form =
        TestServers.postForm(
            sparql, "update", "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "*/*");
    assertEquals(400, form.statusCode());
    assertTrue(form.body().contains("this endpoint is read-only"), form.body());
    HttpResponse<String> direct =
        TestServers.send(
            HttpRequest.newBuilder(URI.create(sparql))
                .header("Content-Type", "application/sparql-update")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"))
                .build());
    assertEquals(415, direct.statusCode());
    assertTrue(direct.body().contains("this endpoint is read-only"), direct.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /|200",
        "GET /no/such/page|404",
        "GET /sparql?query=nonsense|400",
        "GET /id/report/2025-progress/direction/14-2|200",
        "GET /sparql?query=ASK%7B%7D|200"
      })
  void securityHeaders_onEveryResponse(String spec) {
    String[] p = spec.split("[ |]");
    HttpResponse<String> r = TestServers.get("http://127.0.0.1:" + port + p[1], null);
    assertEquals(Integer.parseInt(p[2]), r.statusCode(), r.body());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals(
        SecurityHeaders.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null));
    assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void cors_preflight_onlySafeMethodsAndNoCredentials(String method) {
    HttpResponse<String> r =
        TestServers.send(
            HttpRequest.newBuilder(URI.create(sparql))
                .header("Origin", "http://attacker.example")
                .header("Access-Control-Request-Method", method)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    String allowed = r.headers().firstValue("Access-Control-Allow-Methods").orElse("");
    assertEquals(
        Set.of("GET", "POST", "HEAD", "OPTIONS"),
        Set.of(allowed.replace(" ", "").split(",")),
        r.headers().toString());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
  }

  @Test
  void cors_simpleRequest_readableWithoutCredentials() {
    HttpResponse<String> r =
        TestServers.send(
            HttpRequest.newBuilder(URI.create(sparql + "?query=" + encode("ASK {}")))
                .header("Origin", "http://attacker.example")
                .header("Cookie", "session=1")
                .build());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    String exposed = String.join(",", r.headers().allValues("Access-Control-Expose-Headers"));
    assertTrue(exposed.contains(LimitedQuery.QUERY_TIMEOUT), exposed);
  }

  @Test
  void gzip_onlyWhenAsked() throws Exception {
    String url = "http://127.0.0.1:" + port + "/";
    HttpResponse<byte[]> zipped =
        TestServers.CLIENT.send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
    String plain = TestServers.get(url, null).body();
    assertTrue(TestServers.get(url, null).headers().firstValue("Content-Encoding").isEmpty());
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertEquals(plain, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(zipped.body().length * 3 < plain.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void favicon_andPrefixes_servedLocally() {
    HttpResponse<String> icon = TestServers.get("http://127.0.0.1:" + port + "/favicon.ico", null);
    assertEquals(200, icon.statusCode());
    assertTrue(icon.body().startsWith("<svg"), icon.body());
    HttpResponse<String> prefixes =
        TestServers.get("http://127.0.0.1:" + port + SiteServlet.PREFIXES_PATH, null);
    assertEquals(200, prefixes.statusCode());
    assertTrue(prefixes.body().contains("\"ckg\":\"https://w3id.org/chizai-kg/def#\""));
    String landing = TestServers.get("http://127.0.0.1:" + port + "/", null).body();
    assertFalse(landing.contains("prefix.cc"), "no third-party address in the page");
  }

  // ------------------------------------------------------------------ helpers

  private static HttpResponse<String> post(String url, String query) {
    return TestServers.postForm(url, "query", query, "application/sparql-results+json");
  }

  private static String form(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + bytes.length
        + "\r\n\r\n"
        + body;
  }

  /** A connection to the server from a loopback address (all of 127/8 is loopback on Linux). */
  private static Socket connect(String from) throws IOException {
    return connect(from, port);
  }

  private static Socket connect(String from, int serverPort) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), serverPort), 5000);
    return s;
  }

  private static Socket send(String from, String request) throws IOException {
    return send(from, port, request);
  }

  private static Socket send(String from, int serverPort, String request) throws IOException {
    Socket s = connect(from, serverPort);
    s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
    return s;
  }

  /** The status line of the response on {@code s}, waiting at most {@code wait}. */
  static String statusLine(Socket s, Duration wait) throws IOException {
    s.setSoTimeout((int) wait.toMillis());
    InputStream in = s.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        line.write(c);
      }
    } catch (SocketTimeoutException e) {
      return "(no answer within " + wait + ")";
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /**
   * A TCP listener on the loopback interface that counts the connections it accepts and answers
   * each with fixed bytes, or never (holding the connection open).
   */
  static final class Listener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();

    Listener(byte[] answer) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket s = socket.accept();
                    accepted.incrementAndGet();
                    synchronized (open) {
                      open.add(s);
                    }
                    if (answer != null) {
                      s.getOutputStream().write(answer);
                      s.getOutputStream().flush();
                    }
                  } catch (IOException e) {
                    // closed
                  }
                }
              },
              "abuse-listener");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    String url() {
      return "http://127.0.0.1:" + port() + "/";
    }

    int accepted() {
      return accepted.get();
    }

    /**
     * Answers every connection held open with {@code bytes}, then closes it: a call that waits on
     * this listener ends with an answer rather than with its connection closed under it.
     */
    void answerAll(byte[] bytes) throws IOException {
      synchronized (open) {
        for (Socket s : open) {
          s.getOutputStream().write(bytes);
          s.getOutputStream().flush();
          s.close();
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (open) {
        for (Socket s : open) {
          s.close();
        }
      }
    }
  }

  @Test
  void listener_countsConnections() throws Exception {
    // The listener behind the SERVICE tests does see a connection when one is made.
    try (Listener l = new Listener(null);
        Socket s = new Socket("127.0.0.1", l.port())) {
      Thread.sleep(200);
      assertEquals(1, l.accepted());
      assertNotEquals(0, s.getLocalPort());
    }
  }
}
