package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kg.chizai.testing.Seed;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The buffers that hold responses are reused, not taken anew per response: Fuseki 5.6 holds up to 5
 * MiB of each response in a direct buffer larger than any Jetty's pool keeps, so each answer used
 * to take (and zero) a new 5 MiB of off-heap memory that only a later garbage collection gave back;
 * under 32 clients that took the server past 1 GiB of resident memory with a 512 MiB heap.
 */
// Alone: it reads the JVM's count of direct buffers, which other servers' answers would move.
@Isolated
class ResponseBufferTest {

  static final int REQUESTS = 96;
  static final int CLIENTS = 4;

  @Test
  void answers_reuseTheirResponseBuffers_insteadOfTakingNewDirectMemoryEachTime() throws Exception {
    ChizaiServer server = Seed.server();
    String base = server.url();
    List<String> urls =
        List.of(
            base,
            base + "sparql?query=" + TestServers.encode("SELECT * { ?s ?p ?o } LIMIT 200"),
            base + "search?q=" + TestServers.encode("特許"),
            base + "downloads");
    for (String url : urls) {
      assertEquals(200, TestServers.get(url, "*/*").statusCode(), url); // warm: pools filled
    }
    BufferPoolMXBean direct = directBuffers();
    long countBefore = direct.getCount();
    long bytesBefore = direct.getTotalCapacity();

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String url = urls.get(i % urls.size());
        answers.add(clients.submit(() -> TestServers.get(url, "*/*")));
      }
      for (Future<HttpResponse<String>> a : answers) {
        assertEquals(200, a.get().statusCode());
      }
    } finally {
      clients.shutdownNow();
    }

    long newBuffers = direct.getCount() - countBefore;
    long newBytes = direct.getTotalCapacity() - bytesBefore;
    // Pooled buffers: a few more at most (one per connection's turn at once). Taken per answer,
    // there were one per answer, 5 MiB each, until a collection ran.
    assertTrue(
        newBuffers < REQUESTS / 4 && newBytes < 8L << 20,
        REQUESTS
            + " answers took "
            + newBuffers
            + " new direct buffers, "
            + (newBytes >> 10)
            + " KiB of memory outside the heap");
  }

  @Test
  void responseBuffer_isNoLargerThanThePoolKeeps() {
    Server jetty = Seed.server().fuseki().getJettyServer();
    int pooled = ((ArrayByteBufferPool) jetty.getByteBufferPool()).getMaxCapacity();
    for (Connector c : jetty.getConnectors()) {
      HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
      int size = http.getHttpConfiguration().getOutputBufferSize();
      assertTrue(
          size <= pooled,
          "responses are held in buffers of " + size + " bytes; the pool keeps up to " + pooled);
    }
  }

  private static BufferPoolMXBean directBuffers() {
    return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(b -> b.getName().equals("direct"))
        .findFirst()
        .orElseThrow();
  }
}
