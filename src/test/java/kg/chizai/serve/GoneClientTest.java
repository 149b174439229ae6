package kg.chizai.serve;

import static kg.chizai.serve.TestServers.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import kg.chizai.testing.SmallReport;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.server.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heavy queries whose clients close their connections while they wait for a turn leave the line,
 * never run, while a waiting query whose client is still there runs; a running query whose client
 * closes is cancelled. Over real sockets on the loopback interface, against a server with one query
 * turn; the turn is held by a query whose {@code SERVICE} call hangs on a listener until the test
 * closes it, so every step waits for an event, not for a time.
 */
class GoneClientTest {

  /**
   * Far longer than any wait of the tests: a query that ends sooner ended for another reason than
   * its timeout.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(180);

  /** A cross product that runs until the timeout (the heavy query of {@link AbuseTest}). */
  static final String HEAVY =
      "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l"
          + " FILTER (STR(?c) = CONCAT(STR(?f), STR(?i), STR(?l), \"never\")) }";

  static final int GONE = 6;

  @TempDir static Path dir;
  static ChizaiServer server;

  @BeforeAll
  static void start() {
    server =
        TestServers.start(
            dir.resolve("store"),
            List.of(SmallReport.writeTo(dir, "small.txt")),
            b ->
                b.limits(
                    Limits.builder()
                        .timeout(TIMEOUT)
                        .maxQueries(1)
                        .maxQueriesPerClient(1)
                        .queueTimeout(Duration.ofSeconds(120))
                        .serviceHosts(Set.of("127.0.0.1"))
                        .build()));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  final List<Socket> held = new ArrayList<>();

  @AfterEach
  void closeHeld() throws IOException {
    for (Socket s : held) {
      s.close();
    }
  }

  @Test
  void queued_clientsGone_droppedUnrun_andTheClientStillThereRuns() throws Exception {
    RequestGate gate = server.gate();
    long ranBefore = queriesRun();
    long droppedBefore = gate.dropped();
    try (AbuseTest.Listener hanging = new AbuseTest.Listener(null)) {
      // The one turn: a query whose SERVICE call waits on a listener that never answers.
      Socket holder =
          send(
              "127.0.0.30",
              form("SELECT * { SERVICE <" + hanging.url() + "sparql> { ?s ?p ?o } }"));
      held.add(holder);
      await("the holder's SERVICE call", () -> hanging.accepted() == 1);
      // Six heavy queries queue behind it, each from its own client, then the live one.
      List<Socket> gone = new ArrayList<>();
      for (int i = 0; i < GONE; i++) {
        Socket s = send("127.0.0." + (31 + i), form(HEAVY));
        held.add(s);
        gone.add(s);
      }
      await("the heavy queries queued", () -> gate.load()[1] == GONE);
      Socket live = send("127.0.0.40", form("ASK {}"));
      held.add(live);
      await("the live query queued", () -> gate.load()[1] == GONE + 1);
      for (Socket s : gone) {
        s.close();
      }
      // Noticed while they wait: out of the line before any turn comes.
      await("the gone clients out of the line", () -> gate.load()[1] == 1);
      assertEquals(GONE, gate.dropped() - droppedBefore);
      assertArrayEquals(new int[] {1, 1}, gate.load(), "the turn still held, the live one waits");

      // The listener answers the SERVICE call with an error: the holder ends and the turn passes
      // on. (In one full run of the suite, dropping the connection instead left the live query
      // unanswered for the 90 s below: the SERVICE call had not ended.)
      hanging.answerAll(
          "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      hanging.close();
      String status = AbuseTest.statusLine(live, Duration.ofSeconds(90));
      assertTrue(status.contains(" 200 "), "the client still there ran: " + status);
      await("the turn given back", () -> gate.load()[0] == 0);
    }
    assertArrayEquals(new int[] {0, 0}, gate.load());
    assertEquals(GONE, gate.dropped() - droppedBefore);
    assertEquals(2, queriesRun() - ranBefore, "only the holder and the live query ran");
  }

  @Test
  void running_clientGone_queryCancelledAndTurnFreed() throws Exception {
    RequestGate gate = server.gate();
    long ranBefore = queriesRun();
    Socket s = send("127.0.0.50", form(HEAVY));
    held.add(s);
    await("the heavy query running", () -> gate.load()[0] == 1 && queriesRun() > ranBefore);
    s.close();
    // Without a cancellation it would run until its timeout, far beyond this wait.
    await("the query cancelled", () -> gate.load()[0] == 0);
    Socket next = send("127.0.0.51", form("ASK {}"));
    held.add(next);
    String status = AbuseTest.statusLine(next, Duration.ofSeconds(60));
    assertTrue(status.contains(" 200 "), "the turn is free: " + status);
  }

  /** The requests Fuseki's query endpoint at {@code /sparql} has started. */
  private static long queriesRun() {
    return server
        .fuseki()
        .getDataAccessPointRegistry()
        .get(Site.SPARQL_PATH)
        .getDataService()
        .getEndpoints(Operation.Query)
        .get(0)
        .getCounters()
        .value(CounterName.Requests);
  }

  /** Waits (at most 60 s, checking every 20 ms) until {@code condition} holds. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "waited 60 s for " + what);
      Thread.sleep(20);
    }
  }

  private static String form(String query) {
    byte[] body = ("query=" + encode(query)).getBytes(StandardCharsets.UTF_8);
    return "POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + body.length
        + "\r\n\r\n"
        + new String(body, StandardCharsets.US_ASCII);
  }

  /** Sends {@code request} on a new connection from a loopback address (all of 127/8 is one). */
  private static Socket send(String from, String request) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), 5000);
    s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }
}
