package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kg.chizai.publish.Release;
import kg.chizai.testing.Conversions;
import kg.chizai.testing.SmallReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release built with the store, once the server answers: "being prepared" until it is written,
 * then offered; offered at once by a later start on the same store; never a release made from other
 * data. Real servers on loopback over a real TDB2 store of a small report.
 */
class BackgroundReleaseTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  private static Path report;
  private static Release release;

  @BeforeAll
  static void setUp() {
    report = SmallReport.writeTo(tmp, "small.txt");
    release = Conversions.release(Conversions.of(report), Release.Options.defaults());
  }

  /** A store and release directory of its own, built from the small report. */
  private static ChizaiServer.Builder server(Path store, ReleaseMaker maker) {
    return server(store, report, maker);
  }

  /** The same, built from {@code source}. */
  private static ChizaiServer.Builder server(Path store, Path source, ReleaseMaker maker) {
    return ChizaiServer.create()
        .port(0)
        .store(store)
        .source(List.of(source), () -> Conversions.dataset(List.of(source)))
        .releaseBuiltWithStore(store.resolve("release"), maker);
  }

  /** A maker that writes the small report's release, counting its calls. */
  private static ReleaseMaker writing(AtomicInteger calls) {
    return dir -> {
      calls.incrementAndGet();
      release.writeTo(dir);
      return true;
    };
  }

  /** {@code then}, once {@code go} is counted down. */
  private static ReleaseMaker after(CountDownLatch go, ReleaseMaker then) {
    return dir -> {
      try {
        if (!go.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never let the release be written");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return then.write(dir);
    };
  }

  private static final ReleaseMaker NEVER =
      dir -> fail("the release was built again although the store's release was there");

  private static HttpResponse<String> get(ChizaiServer s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(s.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void freshStore_preparingUntilWritten_thenOffered_andReusedAtOnceByTheNextStart(
      @TempDir Path store) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    ChizaiServer s = server(store, after(go, writing(calls))).build().start();
    try {
      assertEquals(Store.Status.BUILT, s.store().status());
      assertTrue(s.releasePreparing());
      assertEquals(Optional.empty(), s.downloads());
      // The data answers while the release is built.
      assertEquals(200, get(s, "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D").statusCode());
      HttpResponse<String> page = get(s, "/downloads");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("リリースを準備しています"), page.body());
      assertTrue(get(s, "/").body().contains("リリースを準備中"));
      HttpResponse<String> file = get(s, "/dumps/" + release.version() + "/SHA256SUMS");
      assertEquals(503, file.statusCode());
      assertEquals(
          Optional.of(Integer.toString(ReleaseOffer.RETRY_AFTER_SECONDS)),
          file.headers().firstValue("Retry-After"));
      assertEquals(503, get(s, "/.well-known/void").statusCode());

      go.countDown();
      assertEquals(Optional.of(release.version()), s.awaitRelease(WAIT));
      assertFalse(s.releasePreparing());
      assertEquals(1, calls.get());
      HttpResponse<String> sums = get(s, "/dumps/" + release.version() + "/SHA256SUMS");
      assertEquals(200, sums.statusCode());
      assertEquals(
          Files.readString(store.resolve("release").resolve(Release.SHA256SUMS)), sums.body());
      // The pages rendered while it was being prepared are not served from the cache.
      assertFalse(get(s, "/downloads").body().contains("リリースを準備しています"));
      assertTrue(get(s, "/").body().contains(release.version()));
      assertEquals(200, get(s, "/.well-known/void").statusCode());
    } finally {
      s.stop();
    }

    ChizaiServer again = server(store, NEVER).build().start();
    try {
      assertEquals(Store.Status.REUSED, again.store().status());
      assertFalse(again.releasePreparing());
      assertEquals(Optional.of(release.version()), again.downloads());
    } finally {
      again.stop();
    }
  }

  @Test
  void releaseReplacedOrDeleted_builtAgain_notOfferedAsItIs(@TempDir Path store) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ChizaiServer s = server(store, writing(calls)).build().start();
    s.awaitRelease(WAIT);
    s.stop();
    assertEquals(1, calls.get());

    // Another release put in its place (as a build killed before recording its own would leave
    // the release of an earlier build): not offered, built again.
    Path dir = store.resolve("release");
    Release other =
        Conversions.release(
            Conversions.of(report), Release.Options.defaults().withVersion("other-data"));
    other.writeTo(dir);
    CountDownLatch go = new CountDownLatch(1);
    ChizaiServer replaced = server(store, after(go, writing(calls))).build().start();
    try {
      assertEquals(Store.Status.REUSED, replaced.store().status());
      assertTrue(replaced.releasePreparing());
      assertEquals(Optional.empty(), replaced.downloads());
      go.countDown();
      assertEquals(Optional.of(release.version()), replaced.awaitRelease(WAIT));
      assertEquals(2, calls.get());
    } finally {
      replaced.stop();
    }

    // Deleted: built again.
    deleteTree(dir.toRealPath());
    Files.delete(dir);
    ChizaiServer deleted = server(store, writing(calls)).build().start();
    try {
      assertEquals(Optional.of(release.version()), deleted.awaitRelease(WAIT));
      assertEquals(3, calls.get());
    } finally {
      deleted.stop();
    }
  }

  @Test
  void stopWhileBuilding_doesNotWait_andTheReleaseIsNotRecorded(@TempDir Path store)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch written = new CountDownLatch(1);
    ChizaiServer s =
        server(
                store,
                after(
                    go,
                    dir -> {
                      boolean made = writing(calls).write(dir);
                      written.countDown();
                      return made;
                    }))
            .build()
            .start();
    assertTrue(s.releasePreparing());
    // The server's timeout (30 s) plus 5 is what a stop would wait for a query: far more than this.
    assertTimeoutPreemptively(Duration.ofSeconds(20), s::stop);
    go.countDown();
    assertTrue(written.await(60, TimeUnit.SECONDS));
    assertFalse(
        Files.exists(
            store
                .resolve(Files.readString(store.resolve("current")).strip())
                .resolve(BackgroundRelease.RECORD_FILE)),
        "a release finished after the stop is not recorded");
    ChizaiServer again = server(store, writing(calls)).build().start();
    try {
      assertEquals(Store.Status.REUSED, again.store().status());
      assertTrue(again.releasePreparing() || calls.get() == 2, "built again");
      assertEquals(Optional.of(release.version()), again.awaitRelease(WAIT));
      assertEquals(2, calls.get());
    } finally {
      again.stop();
    }
  }

  @Test
  void noRelease_recorded_notTriedAgain_butAFailureIs(@TempDir Path store) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ChizaiServer s = server(store, after(go, dir -> false)).build().start();
    try {
      assertTrue(get(s, "/downloads").body().contains("リリースを準備しています"));
      go.countDown();
      assertEquals(Optional.empty(), s.awaitRelease(WAIT));
      assertFalse(s.releasePreparing());
      assertTrue(get(s, "/downloads").body().contains("リリースを提供していません"));
    } finally {
      s.stop();
    }
    ChizaiServer none = server(store, NEVER).build().start();
    try {
      assertFalse(none.releasePreparing());
      assertEquals(Optional.empty(), none.downloads());
    } finally {
      none.stop();
    }
  }

  @Test
  void failedRelease_offersNone_andTheNextStartTriesAgain(@TempDir Path store) throws Exception {
    ChizaiServer s =
        server(
                store,
                dir -> {
                  throw new IllegalStateException("disk full");
                })
            .build()
            .start();
    try {
      assertEquals(Optional.empty(), s.awaitRelease(WAIT));
      assertFalse(s.releasePreparing());
      assertEquals(404, get(s, "/dumps/" + release.version() + "/SHA256SUMS").statusCode());
    } finally {
      s.stop();
    }
    AtomicInteger calls = new AtomicInteger();
    ChizaiServer again = server(store, writing(calls)).build().start();
    try {
      assertEquals(Optional.of(release.version()), again.awaitRelease(WAIT));
      assertEquals(1, calls.get());
    } finally {
      again.stop();
    }
  }

  @Test
  void storeRebuiltFromOtherSources_oldReleaseNeverOffered(@TempDir Path store) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ChizaiServer s = server(store, writing(calls)).build().start();
    s.awaitRelease(WAIT);
    s.stop();

    // Other sources: the store is built again; the release in the directory is the old data's.
    Path other = SmallReport.writeTo(Files.createDirectories(tmp.resolve("other")), "small.txt");
    Files.writeString(other, Files.readString(other) + "\n", StandardCharsets.UTF_8);
    CountDownLatch go = new CountDownLatch(1);
    ChizaiServer rebuilt = server(store, other, after(go, writing(calls))).build().start();
    try {
      assertEquals(Store.Status.BUILT, rebuilt.store().status());
      assertTrue(rebuilt.releasePreparing());
      assertEquals(503, get(rebuilt, "/dumps/" + release.version() + "/SHA256SUMS").statusCode());
      go.countDown();
      rebuilt.awaitRelease(WAIT);
      assertEquals(2, calls.get());
    } finally {
      rebuilt.stop();
    }
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
