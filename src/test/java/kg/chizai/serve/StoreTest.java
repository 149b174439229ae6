package kg.chizai.serve;

import static kg.chizai.serve.TestServers.SEED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Conversions;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store: built once and reused until its sources, the code or the options change; never
 * destroyed before its replacement is complete (a second server, a bad source or a crash leave the
 * previous one serving); a damaged one found at start and rebuilt.
 */
class StoreTest {

  /** A small report: the store does not care how large its sources are, and tests are faster. */
  static final String SMALL =
      """

      「知的財産推進計画2025」の進捗状況

      令和8年4月

      内閣府知的財産戦略推進事務局

      コンテンツ戦略

      (6) 海賊版対策の強化

      知的財産推進計画2025の方向性

      - 海賊版対策の強化に向けた働きかけを行う。

      主な進捗状況

      【文化庁】 令和7年6月に海賊版対策事業を開始した。
      """;

  @TempDir Path dir;

  /** Where the store that the damage cases copy is built, once for the class. */
  @TempDir static Path shared;

  /** A store of {@link #SMALL} as its first server left it, with what that server counted. */
  private record Pristine(Path store, long quads, Inventory inventory) {}

  private static Pristine pristine;

  private Path source;

  private final List<Process> children = new ArrayList<>();

  @BeforeEach
  void writeSource() throws IOException {
    source = Files.writeString(dir.resolve("report.txt"), SMALL, StandardCharsets.UTF_8);
  }

  @AfterEach
  void stopChildren() {
    Store.afterStep = step -> {};
    for (Process p : children) {
      p.destroyForcibly();
    }
  }

  /** Opens the store as {@code serve} does (ontology added, same fingerprint), counting builds. */
  private static ChizaiServer open(Path store, List<Path> sources, AtomicInteger conversions) {
    return ChizaiServer.create()
        .port(0)
        .store(store)
        .source(
            sources,
            () -> {
              conversions.incrementAndGet();
              return Conversions.dataset(sources);
            })
        .build();
  }

  /** Starts and stops a server over {@code store}, checking it serves what it counted. */
  private static Store.Status serveOnce(Path store, List<Path> sources, AtomicInteger conversions) {
    ChizaiServer server = open(store, sources, conversions).start();
    try {
      assertEquals(server.site().quadCount(), quadsOverHttp(server));
      return server.store().status();
    } finally {
      server.stop();
    }
  }

  private static long quadsOverHttp(ChizaiServer server) {
    String csv =
        TestServers.postForm(
                server.url() + "sparql",
                "query",
                "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                "text/csv")
            .body();
    return Long.parseLong(csv.lines().skip(1).findFirst().orElseThrow().strip());
  }

  private static List<Path> builds(Path store) throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.filter(p -> p.getFileName().toString().startsWith(Store.BUILD_PREFIX))
          .sorted()
          .toList();
    }
  }

  private static Path live(Path store) {
    return Store.live(store).orElseThrow(() -> new AssertionError("no current build in " + store));
  }

  /** Every file under {@code dir} with its size and time: to show a store was left untouched. */
  private static List<String> snapshot(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path p : s.sorted().toList()) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().equals(StoreLock.FILE)) {
          out.add(dir.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p));
        } else if (Files.isDirectory(p)) {
          out.add(dir.relativize(p) + "/");
        }
      }
      return out;
    }
  }

  private Path otherSource() throws IOException {
    return Files.writeString(dir.resolve("other.txt"), SMALL + "\n", StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ reuse and rebuild

  @Test
  void restart_unchanged_reusesStoreWithoutConverting() throws Exception {
    Path store = dir.resolve("store");
    AtomicInteger conversions = new AtomicInteger();
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    Path fp = live(store).resolve(Store.FINGERPRINT_FILE);
    byte[] before = Files.readAllBytes(fp);
    FileTime modified = Files.getLastModifiedTime(fp);

    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), conversions));
    assertEquals(1, conversions.get(), "converted only once");
    assertArrayEquals(before, Files.readAllBytes(fp));
    assertEquals(modified, Files.getLastModifiedTime(fp));
  }

  @Test
  void restart_unchanged_siteSummaryReadFromTheBuild_notCountedAgain() throws Exception {
    Path store = dir.resolve("store");
    AtomicInteger conversions = new AtomicInteger();
    ChizaiServer first = open(store, List.of(source), conversions).start();
    Site.Summary computed;
    try {
      computed =
          new Site.Summary(
              first.site().reports(),
              first.site().classCounts(),
              first.site().sections(),
              first.site().quadCount());
    } finally {
      first.stop();
    }
    Path file = live(store).resolve(Site.Summary.FILE);
    assertEquals(Optional.of(computed), Site.Summary.read(file), "recorded with the build");
    // A recorded count the data does not have: only a start that reads the record shows it.
    String json = Files.readString(file);
    Files.writeString(file, json.replaceFirst("\"quads\" : \\d+", "\"quads\" : 123456789"));

    ChizaiServer again = open(store, List.of(source), conversions).start();
    try {
      assertEquals(Store.Status.REUSED, again.store().status());
      assertEquals(123456789L, again.site().quadCount());
      assertEquals(computed.sections(), again.site().sections());
      assertEquals(computed.classCounts(), again.site().classCounts());
    } finally {
      again.stop();
    }
  }

  @Test
  void restart_siteSummaryUnreadable_countedAgainAndRecorded() throws Exception {
    Path store = goodStore();
    AtomicInteger conversions = new AtomicInteger();
    Path file = live(store).resolve(Site.Summary.FILE);
    Site.Summary recorded = Site.Summary.read(file).orElseThrow();
    Files.writeString(file, "{\"quads\": ");

    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), conversions));
    assertEquals(Optional.of(recorded), Site.Summary.read(file));
  }

  @Test
  void restart_changedSource_rebuildsBesideThenSwapsAndRemovesTheOld() throws Exception {
    Path store = dir.resolve("store");
    AtomicInteger conversions = new AtomicInteger();
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    Path first = live(store);
    Files.writeString(source, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    assertEquals(2, conversions.get());
    assertNotEquals(first, live(store));
    assertEquals(List.of(live(store)), builds(store), "the previous build is removed");
  }

  @Test
  void restart_currentBuildWithoutFingerprint_rebuilds() throws Exception {
    Path store = goodStore();
    AtomicInteger conversions = new AtomicInteger();
    Files.delete(live(store).resolve(Store.FINGERPRINT_FILE));
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), conversions));
    assertEquals(1, conversions.get());
  }

  @Test
  void open_storeOfTheEarlierLayout_replacedAndItsFilesRemoved_otherFilesKept() throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    Files.createDirectories(store.resolve("tdb2").resolve("Data-0001"));
    Files.createDirectories(store.resolve("text"));
    Files.writeString(store.resolve("fingerprint.txt"), "0123\n");
    Path mine = Files.writeString(store.resolve("notes.txt"), "the operator's own file\n");
    assertEquals(Store.Status.BUILT, serveOnce(store, List.of(source), new AtomicInteger()));
    assertFalse(Files.exists(store.resolve("tdb2")));
    assertFalse(Files.exists(store.resolve("text")));
    assertFalse(Files.exists(store.resolve("fingerprint.txt")));
    assertEquals("the operator's own file\n", Files.readString(mine));
  }

  @Test
  void fingerprint_sameInputs_sameDigest_otherBase_otherDigest() {
    Fingerprint a = Fingerprint.of(List.of(SEED), Iris.DEFAULT_BASE, Optional.empty());
    Fingerprint b = Fingerprint.of(List.of(SEED), Iris.DEFAULT_BASE, Optional.empty());
    Fingerprint c = Fingerprint.of(List.of(SEED), "http://example.org/kg/", Optional.empty());
    assertEquals(a, b);
    assertNotEquals(a.sha256(), c.sha256());
    assertTrue(a.fileText().startsWith(a.sha256() + "\n"));
    assertTrue(a.parts().stream().anyMatch(p -> p.startsWith("code ")), a.parts().toString());
    assertTrue(a.parts().stream().anyMatch(p -> p.startsWith("source ")));
  }

  // ------------------------------------------------------------------ one server per store

  @Test
  void open_secondServerInSameProcess_refusedExit8_firstKeepsServing() throws Exception {
    Path store = goodStore();
    ChizaiServer first = open(store, List.of(source), new AtomicInteger()).start();
    try {
      long quads = quadsOverHttp(first);
      List<String> before = snapshot(store);
      AtomicInteger conversions = new AtomicInteger();
      Path other = otherSource();
      ChizaiException e =
          assertThrows(ChizaiException.class, () -> open(store, List.of(other), conversions));
      assertEquals(ExitCode.SERVE, e.kind());
      assertTrue(e.getMessage().contains("is in use by another chizai-kg server"), e.getMessage());
      assertEquals(0, conversions.get(), "refused before converting anything");
      assertEquals(before, snapshot(store));
      assertEquals(quads, quadsOverHttp(first));
    } finally {
      first.stop();
    }
    // Stopping releases the lock.
    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), new AtomicInteger()));
  }

  @Test
  void open_storeHeldByAnotherProcess_refusedNamingIt_storeUntouched() throws Exception {
    Path store = goodStore();
    Process holder = startProcess(store, "hold", source);
    String ready = readLine(holder);
    assertTrue(ready.startsWith("ready"), ready);
    List<String> before = snapshot(store);
    AtomicInteger conversions = new AtomicInteger();
    Path other = otherSource();
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> open(store, List.of(other), conversions));
    assertEquals(ExitCode.SERVE, e.kind());
    assertTrue(e.getMessage().contains("(process " + holder.pid()), e.getMessage());
    assertEquals(0, conversions.get());
    assertEquals(before, snapshot(store));
    holder.getOutputStream().close();
    assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), conversions));
  }

  // ------------------------------------------------------------------ bad sources and crashes

  @Test
  void open_badSourceOverGoodStore_inputErrorAndStoreAsItWas_nextStartReuses() throws Exception {
    Path store = goodStore();
    AtomicInteger conversions = new AtomicInteger();
    List<String> before = snapshot(store);
    Path bad = Files.writeString(dir.resolve("bad.txt"), "ただの文章です。\n");
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> open(store, List.of(bad), conversions));
    assertEquals(ExitCode.INPUT, e.kind());
    assertTrue(e.getMessage().contains("bad.txt:1: no report title"), e.getMessage());
    assertEquals(before, snapshot(store));
    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), conversions));
    assertEquals(1, conversions.get(), "the bad source that failed");
  }

  /** A process killed after a step of a build over a good store, then a restart. */
  @ParameterizedTest
  @ValueSource(strings = {"converted", "loaded", "recorded"})
  void crash_beforeTheSwap_previousStoreServesAtNextStart_leftoversRemoved(String step)
      throws Exception {
    Path store = goodStore();
    AtomicInteger conversions = new AtomicInteger();
    Path previous = live(store);
    Process crashing = startProcess(store, step, otherSource());
    assertEquals("halted after " + step, readLine(crashing));
    assertTrue(crashing.waitFor(60, TimeUnit.SECONDS));
    assertEquals(StoreProcess.HALTED, crashing.exitValue());

    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(source), conversions));
    assertEquals(0, conversions.get(), "reused without converting");
    assertEquals(previous, live(store));
    assertEquals(List.of(previous), builds(store), "what the crash left is removed");
  }

  @Test
  void crash_afterTheSwap_newStoreServesAtNextStart_previousRemoved() throws Exception {
    Path store = goodStore();
    AtomicInteger conversions = new AtomicInteger();
    Path previous = live(store);
    Path other = otherSource();
    Process crashing = startProcess(store, "swapped", other);
    assertEquals("halted after swapped", readLine(crashing));
    assertTrue(crashing.waitFor(60, TimeUnit.SECONDS));

    assertEquals(Store.Status.REUSED, serveOnce(store, List.of(other), conversions));
    assertEquals(0, conversions.get(), "reused without converting");
    assertNotEquals(previous, live(store));
    assertEquals(List.of(live(store)), builds(store));
  }

  // ------------------------------------------------------------------ damage

  /**
   * A file of a built store damaged as a failing disk or an interrupted copy would: cut to part of
   * its length (TDB2's index files are sparse, 8 MiB mostly holes, so 0 is the case for them), or
   * with a range of bytes zeroed in place (same size: only reading it can tell).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tdb2/Data-0001/nodes-data.obj | cut 0.5  | tdb2/Data-0001/nodes-data.obj is ",
        "tdb2/Data-0001/SPO.dat        | cut 0    | tdb2/Data-0001/SPO.dat is 0 bytes where it was",
        "tdb2/Data-0001/GSPO.dat       | cut 0    | tdb2/Data-0001/GSPO.dat is 0 bytes",
        "text/*.cfs                    | cut 0.5  | text/_",
        "text/segments_*               | cut 0.5  | text/segments_",
        "tdb2/Data-0001/nodes-data.obj | zero 0.5 | tdb2/Data-0001/nodes-data.obj has changed since it was built",
        "tdb2/Data-0001/GSPO.dat       | zero 2   | tdb2/Data-0001/GSPO.dat has changed since it was built",
        "text/*.cfs                    | zero 0.5 | text index fails Lucene's CheckIndex",
        "inventory.txt                 | count    | where it was built with",
        "inventory.txt                 | crc      | tdb2/Data-0001/nodes-data.obj has changed since"
      })
  void open_damagedFile_foundAtStartAndNamed_rebuiltWithSameCounts(
      String file, String how, String named) throws Exception {
    // Every case damages a copy of the same good store: one build for all of them.
    Path store = goodStore();
    long quads = pristine().quads();
    Inventory built = pristine().inventory();
    AtomicInteger conversions = new AtomicInteger();
    Path damaged = live(store);
    damage(resolveGlob(damaged, file), how);

    ChizaiServer again = open(store, List.of(source), conversions).start();
    try {
      Store s = again.store();
      assertEquals(Store.Status.BUILT, s.status());
      String damage = s.damage().orElseThrow(() -> new AssertionError("no damage reported"));
      assertTrue(damage.contains(named), damage);
      assertEquals(1, conversions.get(), "rebuilt");
      assertTrue(built.sameCounts(s.inventory()), built + " " + s.inventory());
      assertEquals(quads, quadsOverHttp(again));
      assertFalse(Files.exists(damaged), "the damaged build is removed");
    } finally {
      again.stop();
    }
  }

  @Test
  void open_damagedAndCannotRebuild_exit8NamingTheDamage() throws Exception {
    Path store = goodStore();
    AtomicInteger conversions = new AtomicInteger();
    damage(live(store).resolve("tdb2/Data-0001/nodes-data.obj"), "cut 0.5");
    // Only this test's build fails: test classes run in parallel, and others build stores too.
    Thread self = Thread.currentThread();
    Store.afterStep =
        step -> {
          if (step.equals("loaded") && Thread.currentThread() == self) {
            throw new UncheckedIOException(new IOException("No space left on device"));
          }
        };
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> open(store, List.of(source), conversions));
    assertEquals(ExitCode.SERVE, e.kind());
    assertTrue(e.getMessage().contains(" is damaged ("), e.getMessage());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertEquals(1, builds(store).size(), "the failed build is removed");
  }

  /**
   * {@code dir/store}: a copy of a good store of {@link #source}, as a first server left it, for
   * the tests whose subject is what happens to a store after it was built.
   */
  @Test
  void build_countsEveryNodeOfTheNodeTable_asDecodingThemWould() throws Exception {
    Path store = goodStore();
    long recorded = pristine().inventory().nodes();
    DatasetGraph tdb =
        DatabaseMgr.connectDatasetGraph(live(store).resolve(Store.TDB_DIR).toString());
    try {
      long decoded =
          Txn.calculateRead(
              tdb,
              () ->
                  Iter.count(
                      TDBInternal.getDatasetGraphTDB(tdb)
                          .getQuadTable()
                          .getNodeTupleTable()
                          .getNodeTable()
                          .baseNodeTable()
                          .all()));
      assertTrue(decoded > 100, "nodes decoded: " + decoded);
      assertEquals(decoded, recorded);
    } finally {
      TDBInternal.expel(tdb);
    }
  }

  private Path goodStore() throws IOException {
    Path store = dir.resolve("store");
    copyTree(pristine().store(), store);
    return store;
  }

  /** The good store of {@link #SMALL} that the damage cases copy, built on first use. */
  private static synchronized Pristine pristine() throws IOException {
    if (pristine == null) {
      Path report = Files.writeString(shared.resolve("report.txt"), SMALL, StandardCharsets.UTF_8);
      Path store = shared.resolve("store");
      ChizaiServer first = open(store, List.of(report), new AtomicInteger()).start();
      try {
        pristine = new Pristine(store, quadsOverHttp(first), first.store().inventory());
      } finally {
        first.stop();
      }
    }
    return pristine;
  }

  /** Copies the directory tree {@code from} to {@code to}, which must not exist yet. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          copySparse(p, target);
        }
      }
    }
  }

  /**
   * Copies a file leaving its zero blocks as holes: TDB2's index files are 8 MiB each and mostly
   * holes, and a plain copy would write every zero (190 MB for the small report's store).
   */
  private static void copySparse(Path from, Path to) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long at = 0;
      while (in.read(block.clear(), at) > 0) {
        block.flip();
        if (!allZero(block)) {
          out.write(block, at);
        }
        at += block.limit();
      }
      if (out.size() < at) {
        out.write(ByteBuffer.allocate(1), at - 1); // the file's length, its last byte a zero
      }
    }
    Files.setLastModifiedTime(to, Files.getLastModifiedTime(from));
  }

  private static boolean allZero(ByteBuffer b) {
    for (int i = b.position(); i < b.limit(); i++) {
      if (b.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static Path resolveGlob(Path dir, String file) throws IOException {
    int star = file.indexOf('*');
    if (star < 0) {
      return dir.resolve(file);
    }
    Path parent = dir.resolve(file.substring(0, file.lastIndexOf('/')));
    String prefix = file.substring(file.lastIndexOf('/') + 1, star);
    String suffix = file.substring(star + 1);
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
              })
          .max(Comparator.comparingLong(p -> p.toFile().length()))
          .orElseThrow(() -> new AssertionError("no " + file + " in " + dir));
    }
  }

  /**
   * {@code cut F}: truncates to F of its length; {@code zero F}: zeroes 8 KiB from F of its written
   * length (F ≥ 1: from block F of a TDB2 index); {@code count}: raises the recorded count of text
   * documents; {@code crc}: changes the recorded checksum of the node data.
   */
  private static void damage(Path file, String how) throws IOException {
    String[] h = how.split(" ");
    long size = Files.size(file);
    assertTrue(size > 0, file + " is empty already");
    switch (h[0]) {
      case "cut" -> {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate((long) (size * Double.parseDouble(h[1])));
        }
      }
      case "zero" -> {
        double f = Double.parseDouble(h[1]);
        long at = f >= 1 ? (long) f * 8192 : (long) (size * f);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.write(java.nio.ByteBuffer.allocate((int) Math.min(8192, size - at)), at);
        }
      }
      case "count" -> {
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("(?m)^text-docs (\\d+)$", "text-docs 1$1"));
      }
      case "crc" -> {
        String text = Files.readString(file);
        Files.writeString(
            file,
            text.replaceFirst(
                "(?m)^(file \\d+ crc32c:)[0-9a-f]+( tdb2/Data-0001/nodes-data.obj)$", "$1abc$2"));
      }
      default -> throw new IllegalArgumentException(how);
    }
  }

  // ------------------------------------------------------------------ other processes

  private Process startProcess(Path store, String step, Path... sources) throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short run: the C1 compiler alone finishes it sooner (as the test JVM).
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                StoreProcess.class.getName(),
                store.toString(),
                step));
    for (Path s : sources) {
      cmd.add(s.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    children.add(p);
    return p;
  }

  private static String readLine(Process p) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    return line == null ? "(no output, exit " + exitOf(p) + ")" : line;
  }

  private static String exitOf(Process p) {
    try {
      return p.waitFor(30, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
