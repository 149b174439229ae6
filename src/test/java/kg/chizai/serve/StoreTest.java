package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Conversions;
import kg.chizai.testing.Seed;
import kg.chizai.testing.SmallReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is built once and reused until its sources, the code or the options change. Each test
 * builds its own stores, from a small report (the size of the data does not matter here).
 */
class StoreTest {

  @TempDir Path dir;

  /** Starts and stops a server over {@code store}, counting conversions; returns its status. */
  private static Store.Status serveOnce(Path store, List<Path> sources, AtomicInteger conversions) {
    ChizaiServer server =
        ChizaiServer.create()
            .port(0)
            .store(store)
            .source(
                sources,
                () -> {
                  conversions.incrementAndGet();
                  return Conversions.of(sources).dataset();
                })
            .build()
            .start();
    try {
      String r =
          TestServers.postForm(
                  server.url() + "sparql",
                  "query",
                  "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                  "text/csv")
              .body();
      assertTrue(r.contains(String.valueOf(server.site().quadCount())), r);
      return server.store().status();
    } finally {
      server.stop();
    }
  }

  @Test
  void restart_unchanged_reusesStoreWithoutConverting() throws Exception {
    Path source = SmallReport.writeTo(dir, "report.txt");
    Path store = dir.resolve("store");
    AtomicInteger conversions = new AtomicInteger();
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    Path fp = store.resolve(Store.FINGERPRINT_FILE);
    byte[] before = Files.readAllBytes(fp);
    FileTime modified = Files.getLastModifiedTime(fp);

    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), conversions));
    assertEquals(1, conversions.get(), "converted only once");
    assertArrayEquals(before, Files.readAllBytes(fp));
    assertEquals(modified, Files.getLastModifiedTime(fp));
  }

  @Test
  void restart_changedSource_rebuilds() throws Exception {
    Path source = SmallReport.writeTo(dir, "report.txt");
    Path store = dir.resolve("store");
    AtomicInteger conversions = new AtomicInteger();
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    Files.writeString(source, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    assertEquals(2, conversions.get());
  }

  @Test
  void restart_afterInterruptedBuild_rebuilds() throws Exception {
    Path source = SmallReport.writeTo(dir, "report.txt");
    Path store = dir.resolve("store");
    AtomicInteger conversions = new AtomicInteger();
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    // A build that died before its end leaves no fingerprint (it is written last).
    Files.delete(store.resolve(Store.FINGERPRINT_FILE));
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    assertEquals(2, conversions.get());
  }

  @Test
  void fingerprint_sameInputs_sameDigest_otherBase_otherDigest() {
    Fingerprint a = Fingerprint.of(List.of(Seed.SOURCE), Iris.DEFAULT_BASE, Optional.empty());
    Fingerprint b = Fingerprint.of(List.of(Seed.SOURCE), Iris.DEFAULT_BASE, Optional.empty());
    Fingerprint c =
        Fingerprint.of(List.of(Seed.SOURCE), "http://example.org/kg/", Optional.empty());
    assertEquals(a, b);
    assertNotEquals(a.sha256(), c.sha256());
    assertTrue(a.fileText().startsWith(a.sha256() + "\n"));
    assertTrue(a.parts().stream().anyMatch(p -> p.startsWith("code ")), a.parts().toString());
    assertTrue(a.parts().stream().anyMatch(p -> p.startsWith("source ")));
  }
}
