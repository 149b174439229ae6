package kg.chizai.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kg.chizai.base.AtomicFiles;
import kg.chizai.publish.Release;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release built with the store, once the server answers: what a store build does that a bare
 * load does not, so it does not hold up the first answer. The store's build directory records which
 * release was made for it ({@value #RECORD_FILE}: the SHA-256 of the release's {@code SHA256SUMS},
 * or that the data got none), so that a later start offers that release at once, and never one made
 * from other data (a release left by an earlier build, or one replaced by hand).
 */
final class BackgroundRelease {

  /** In the store's build: which release was made for it. */
  static final String RECORD_FILE = "release.txt";

  private static final String NONE = "none: the data does not conform to the shapes";
  private static final String SUMS = "SHA256SUMS ";

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRelease.class);

  private final Path record;
  private final Path dir;
  private final Path verified;
  private final ReleaseMaker maker;
  private final ReleaseOffer offer;
  private final CountDownLatch done = new CountDownLatch(1);

  /** Set when the server stopped: nothing more is recorded. */
  private volatile boolean abandoned;

  BackgroundRelease(Store store, Path dir, Path verified, ReleaseMaker maker, ReleaseOffer offer) {
    this.record = store.location().resolve(RECORD_FILE);
    this.dir = dir;
    this.verified = verified;
    this.maker = maker;
    this.offer = offer;
  }

  /**
   * What to offer when the store's build recorded a release that is still in {@code dir}, unchanged
   * (or recorded that its data got none); empty when a release must be built.
   */
  static Optional<ReleaseOffer.State> madeFor(Store store, Path dir, Path verified) {
    Path record = store.location().resolve(RECORD_FILE);
    try {
      if (!Files.isRegularFile(record)) {
        return Optional.empty();
      }
      String recorded = Files.readString(record, StandardCharsets.UTF_8).strip();
      if (recorded.equals(NONE)) {
        return Optional.of(ReleaseOffer.State.NONE);
      }
      Path sums = dir.resolve(Release.SHA256SUMS);
      if (!Files.isRegularFile(sums) || !recorded.equals(SUMS + Downloads.sha256(sums))) {
        LOG.info("the release in {} was not made for the store being served: building it", dir);
        return Optional.empty();
      }
      return Optional.of(ReleaseOffer.State.ready(Downloads.open(dir, Optional.of(verified))));
    } catch (IOException e) {
      LOG.warn("cannot read the release recorded in {}: {}", record, e.getMessage());
      return Optional.empty();
    }
  }

  /** Builds the release on a thread of its own. */
  void start() {
    Thread t = new Thread(this::run, "chizai-kg-release");
    t.setDaemon(true);
    t.start();
  }

  /** Waits, at most {@code max}, for the release to be built (or to fail). */
  void await(Duration max) throws InterruptedException {
    done.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The server stops: the release, if still being built, is no longer recorded in the store nor
   * offered (the thread runs on until it is done, or the JVM ends).
   */
  void abandon() {
    abandoned = true;
  }

  private void run() {
    long start = System.nanoTime();
    try {
      boolean made = maker.write(dir);
      if (abandoned) {
        LOG.debug("the release built into {} is not recorded: the server stopped", dir);
        return;
      }
      if (!made) {
        recordAs(NONE);
        offer.set(ReleaseOffer.State.NONE);
        return;
      }
      Downloads d = Downloads.open(dir, Optional.of(verified));
      recordAs(SUMS + Downloads.sha256(dir.resolve(Release.SHA256SUMS)));
      offer.set(ReleaseOffer.State.ready(d));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      LOG.info("release {} ready in {} ms -> {}", d.version(), took.toMillis(), dir);
      maker.offered(d.version(), d.files().size(), took);
    } catch (IOException | RuntimeException | Error e) {
      offer.set(ReleaseOffer.State.NONE);
      LOG.error(
          "no release to download: it could not be built into {} (the next start tries again): {}{}",
          dir,
          Inventory.describe(e),
          e instanceof OutOfMemoryError
              ? "; building it holds the data in memory: start the server once with more heap"
                  + " (CHIZAI_JAVA_OPTS=-Xmx3g ./chizai-kg serve …)"
              : "");
      LOG.debug("the release could not be built", e);
    } finally {
      done.countDown();
    }
  }

  private void recordAs(String line) throws IOException {
    AtomicFiles.write(record, (line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
