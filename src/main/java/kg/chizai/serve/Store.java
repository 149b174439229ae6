package kg.chizai.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.rdf.CKG;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.loader.main.LoaderMain;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served database: TDB2 and its jena-text index (Lucene with {@link JapaneseTextAnalyzer}), in
 * a store directory that one server at a time owns.
 *
 * <pre>{@code try (Store store = Store.open(dir, fingerprint, () -> dataset)) { store.dataset(); }}
 * </pre>
 *
 * <p>Layout of the store directory:
 *
 * <ul>
 *   <li>{@code store.lock}: the {@link StoreLock}, taken before anything else is read or written
 *       and held until {@link #close()}; a second server on the same directory is refused.
 *   <li>{@code build-…/}: one complete database: {@code tdb2/}, {@code text/}, {@code
 *       inventory.txt} (what it holds, counted when built) and {@code fingerprint.txt} (what it was
 *       built from), written in that order; then, the first time the build is served, {@code
 *       site-summary.json} (what the landing page counts, {@link Site.Summary}), so that later
 *       starts do not query the whole dataset.
 *   <li>{@code current}: the name of the build being served. Replaced atomically, and only once a
 *       new build is complete: that is the swap.
 * </ul>
 *
 * <p>Opening reuses the current build when its fingerprint matches and it still holds what its
 * inventory says (the size and CRC32C checksum of every TDB2 file, Lucene's checksums, the counts
 * that need no walk over the data: a sequential read of the files, not a query); a damaged build is
 * rebuilt, and {@link #damage()} says what was wrong. Otherwise the sources are converted first (a
 * bad source leaves the store as it was), loaded into a new {@code build-…/} directory, and swapped
 * in; only then is the previous build deleted. A crash at any step leaves {@code current} naming a
 * complete build, and the next start deletes what the crash left behind.
 *
 * <p>The data is loaded by TDB2's bulk loader while the text index is built from the same quads in
 * parallel (the bulk loaders bypass jena-text, so the index is built beside them, as the text
 * dataset would have built it). The default graph is the union of the named graphs.
 */
public final class Store implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** Whether the store was built by this {@link #open} or reused from an earlier run. */
  public enum Status {
    BUILT,
    REUSED
  }

  static final String CURRENT_FILE = "current";
  static final String BUILD_PREFIX = "build-";
  static final String TDB_DIR = "tdb2";
  static final String TEXT_DIR = "text";
  static final String FINGERPRINT_FILE = "fingerprint.txt";

  /** Written first into a new build directory: what marks it as ours, to delete if left over. */
  static final String MARKER_FILE = "chizai-kg-build";

  private static final Pattern BUILD_NAME = Pattern.compile("build-[A-Za-z0-9]+");

  /** What the store layout before build directories left at the top of the store directory. */
  private static final List<String> OLD_LAYOUT =
      List.of(TDB_DIR, TEXT_DIR, FINGERPRINT_FILE, FINGERPRINT_FILE + ".tmp");

  /** The Lucene field every indexed literal goes to, and the entity field. */
  static final String TEXT_FIELD = "text";

  static final String ENTITY_FIELD = "uri";

  /** The literals indexed for full-text search: texts, labels, titles, descriptions. */
  static final List<Node> INDEXED =
      List.of(
          CKG.sourceText.asNode(),
          RDFS.label.asNode(),
          SKOS.prefLabel.asNode(),
          SKOS.altLabel.asNode(),
          DCTerms.title.asNode(),
          RDFS.comment.asNode(),
          DCTerms.description.asNode());

  /**
   * Called after each step of a build with its name ({@code converted}, {@code loaded}, {@code
   * recorded}, {@code swapped}): tests stop a process there to prove that a crash at any step
   * leaves a store to serve.
   */
  static volatile Consumer<String> afterStep = step -> {};

  private final StoreLock lock;
  private final Path location;
  private final Open open;
  private final Status status;
  private final Duration buildTime;
  private final Fingerprint fingerprint;
  private final Inventory inventory;
  private final Optional<String> damage;

  private Store(
      StoreLock lock,
      Path location,
      Open open,
      Status status,
      Duration buildTime,
      Fingerprint fingerprint,
      Inventory inventory,
      Optional<String> damage) {
    this.lock = lock;
    this.location = location;
    this.open = open;
    this.status = status;
    this.buildTime = buildTime;
    this.fingerprint = fingerprint;
    this.inventory = inventory;
    this.damage = damage;
  }

  /**
   * Locks the store in {@code dir} and opens it, building it from {@code source} (called only then)
   * when its current build was made from another fingerprint, or is damaged.
   *
   * @throws ChizaiException {@link ExitCode#SERVE} when the store is in use by another server or
   *     cannot be built; the converter's own exception (a bad source) with the store untouched
   */
  public static Store open(Path dir, Fingerprint fingerprint, Supplier<Dataset> source) {
    return open(dir, () -> fingerprint, source);
  }

  /**
   * As {@link #open(Path, Fingerprint, Supplier)}, computing the fingerprint only once the lock is
   * held: nothing is read before the lock, not even the sources.
   */
  public static Store open(Path dir, Supplier<Fingerprint> fingerprint, Supplier<Dataset> source) {
    StoreLock lock = StoreLock.acquire(dir);
    try {
      return openLocked(dir, lock, fingerprint.get(), source);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private static Store openLocked(
      Path dir, StoreLock lock, Fingerprint fingerprint, Supplier<Dataset> source) {
    long start = System.nanoTime();
    Optional<Path> live = live(dir);
    if (live.isPresent()) {
      removeLeftovers(dir, live.get());
    }
    Optional<String> damage = Optional.empty();
    if (live.isPresent()
        && fingerprint
            .sha256()
            .equals(Fingerprint.recorded(live.get().resolve(FINGERPRINT_FILE)).orElse(""))) {
      try {
        return reuse(dir, lock, live.get(), fingerprint);
      } catch (Inventory.Damaged e) {
        damage = Optional.of(e.getMessage());
        LOG.debug("store {} damaged", live.get(), e);
      }
    }
    Dataset data;
    try {
      data = source.get();
    } catch (ChizaiException e) {
      if (damage.isEmpty() || e.problems().isEmpty()) {
        throw e;
      }
      List<Problem> problems = new ArrayList<>(e.problems());
      problems.add(
          Problem.error(
              dir.toString(),
              0,
              "the store is damaged ("
                  + damage.get()
                  + ") and was not rebuilt; it will be once the sources convert"));
      throw new ChizaiException(e.kind(), problems);
    }
    afterStep.accept("converted");
    return build(dir, lock, data, fingerprint, damage, start);
  }

  /** Opens the current build after checking it holds what it was built with. */
  private static Store reuse(Path dir, StoreLock lock, Path build, Fingerprint fingerprint)
      throws Inventory.Damaged {
    Inventory recorded =
        Inventory.read(build.resolve(Inventory.FILE))
            .orElseThrow(
                () -> new Inventory.Damaged("its " + Inventory.FILE + " is missing", null));
    // Lucene's checks need the index closed: before TDB2 and the text index are opened. They read
    // other files than the TDB2 checks, so the two run side by side.
    CompletableFuture<Long> text =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Inventory.countText(build.resolve(TEXT_DIR), true);
              } catch (Inventory.Damaged e) {
                throw new CompletionException(e);
              }
            },
            daemon("chizai-kg-store-check"));
    try {
      recorded.checkFiles(build);
    } catch (Inventory.Damaged | RuntimeException e) {
      // Never leave Lucene's check running (it holds the index's lock); a file of the wrong size or
      // checksum is named, which says more than what Lucene finds wrong with it.
      text.handle((docs, failure) -> docs).join();
      throw e;
    }
    long textDocs = joinDamaged(text);
    DatasetGraph tdb;
    try {
      tdb = connect(dir, build);
    } catch (ChizaiException e) {
      throw e;
    } catch (RuntimeException | InternalError e) {
      throw new Inventory.Damaged(
          "its TDB2 database cannot be opened: " + Inventory.describe(e), e);
    }
    try {
      long prefixes = Txn.calculateRead(tdb, () -> tdb.prefixes().size());
      recorded.checkCounts(prefixes, textDocs);
      Open open = Open.over(tdb, build.resolve(TEXT_DIR));
      LOG.info("store reused: {} ({})", build, fingerprint.sha256());
      return new Store(
          lock, build, open, Status.REUSED, Duration.ZERO, fingerprint, recorded, Optional.empty());
    } catch (Inventory.Damaged | RuntimeException | InternalError e) {
      expelQuietly(tdb);
      if (e instanceof Inventory.Damaged d) {
        throw d;
      }
      throw new Inventory.Damaged("it cannot be opened: " + Inventory.describe(e), e);
    }
  }

  /** Loads {@code data} into a new build directory and swaps it in. */
  private static Store build(
      Path dir,
      StoreLock lock,
      Dataset data,
      Fingerprint fingerprint,
      Optional<String> damage,
      long start) {
    Path build = null;
    Open open = null;
    try {
      build = Files.createTempDirectory(dir, BUILD_PREFIX);
      writeDurably(build.resolve(MARKER_FILE), "a chizai-kg store build\n");
      open = Open.over(connect(dir, build), build.resolve(TEXT_DIR));
      long quads = load(data, open);
      afterStep.accept("loaded");
      Inventory inventory =
          Inventory.count(open.tdb, Inventory.countText(build.resolve(TEXT_DIR), false))
              .withFilesOf(build, List.of(TDB_DIR, TEXT_DIR), TDB_DIR);
      writeDurably(build.resolve(Inventory.FILE), inventory.fileText());
      writeDurably(build.resolve(FINGERPRINT_FILE), fingerprint.fileText());
      afterStep.accept("recorded");
      swap(dir, build);
      afterStep.accept("swapped");
      removeLeftovers(dir, build);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      LOG.info("store built: {} quads in {} ms -> {}", quads, took.toMillis(), build);
      return new Store(lock, build, open, Status.BUILT, took, fingerprint, inventory, damage);
    } catch (IOException | RuntimeException | Inventory.Damaged e) {
      if (open != null) {
        open.closeQuietly();
      }
      if (build != null) {
        deleteQuietly(build);
      }
      if (e instanceof ChizaiException ce) {
        throw ce;
      }
      throw new ChizaiException(
          ExitCode.SERVE,
          "the store "
              + dir
              + damage.map(d -> " is damaged (" + d + ") and").orElse("")
              + " could not be built: "
              + Inventory.describe(e),
          e);
    }
  }

  /** The text index configuration: one field for every indexed predicate, values stored. */
  public static TextIndexConfig textIndexConfig() {
    EntityDefinition def = new EntityDefinition(ENTITY_FIELD, TEXT_FIELD, INDEXED.get(0));
    for (Node p : INDEXED.subList(1, INDEXED.size())) {
      def.set(TEXT_FIELD, p);
    }
    def.setLangField("lang");
    TextIndexConfig config = new TextIndexConfig(def);
    config.setAnalyzer(new JapaneseTextAnalyzer());
    config.setQueryAnalyzer(new JapaneseTextAnalyzer());
    config.setValueStored(true);
    return config;
  }

  /**
   * Loads {@code data} into TDB2 with Jena's bulk loader and {@link #LOAD_PLAN} while another
   * thread builds the text index from the same quads, as the text dataset would have indexed them
   * (the bulk loader bypasses the text dataset); the index is committed once, after the last
   * document and after TDB2's commit.
   */
  private static long load(Dataset data, Open target) {
    DatasetGraph src = data.asDatasetGraph();
    long start = System.nanoTime();
    CompletableFuture<Long> indexed =
        CompletableFuture.supplyAsync(
            () -> {
              long t = System.nanoTime();
              EntityDefinition def = target.index.getDocDef();
              src.find()
                  .forEachRemaining(
                      q -> {
                        Entity e = TextQueryFuncs.entityFromQuad(def, q);
                        if (e != null) {
                          target.index.addEntity(e);
                        }
                      });
              return System.nanoTime() - t;
            },
            daemon("chizai-kg-text-index"));
    DataLoader loader = LoaderFactory.createLoader(LOAD_PLAN, target.tdb, (format, args) -> {});
    loader.startBulk();
    try {
      StreamRDF stream = loader.stream();
      src.find().forEachRemaining(stream::quad);
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      indexed.handle((time, failure) -> time).join(); // before the index is closed
      throw e;
    }
    long loaded = System.nanoTime() - start;
    Txn.executeWrite(
        target.tdb, () -> target.tdb.prefixes().putAll(data.getDefaultModel().getNsPrefixMap()));
    long quads = loader.countQuads() + loader.countTriples();
    long indexTime;
    try {
      indexTime = indexed.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    // Committed here, on this thread, once TDB2's commit (which the index may take part in) is
    // done.
    target.index.commit();
    LOG.info(
        "loaded {} quads in {} ms, text index in {} ms (in parallel)",
        quads,
        loaded / 1_000_000,
        indexTime / 1_000_000);
    return quads;
  }

  /** Runs each task on a daemon thread of its own, called {@code name}. */
  private static Executor daemon(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      t.start();
    };
  }

  /**
   * The value of {@code f}, or the {@link Inventory.Damaged} (or unchecked failure) it ended with.
   */
  private static long joinDamaged(CompletableFuture<Long> f) throws Inventory.Damaged {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Inventory.Damaged d) {
        throw d;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * How the store's TDB2 database is loaded: TDB2's own bulk loader ({@link LoaderMain}) with its
   * phased plan, {@code tdb2.tdbloader}'s default (nodes and the primary index GSPO, then the
   * secondary indexes two and three side by side), while another thread builds the text index.
   * {@code bench/LoadPlans.java} compares it with TDB2's sequential loader and with a plan of our
   * own for two cores (single-threaded data phase, then the secondary indexes three and two): on 64
   * reports, each load in a JVM of its own, medians of 11.9 s, 12.7 s and 11.0 s (in an earlier
   * sitting 13.5 s, 14.8 s and 13.8 s); warm, in one JVM, 6.2 s, 7.7 s and 6.9 s. (The default
   * graph is empty, so the triple indexes are, too.)
   */
  public static final LoaderPlan LOAD_PLAN = LoaderPlans.loaderPlanPhased;

  /** TDB2 over {@code build/tdb2}, its default graph the union of the named graphs. */
  private static DatasetGraph connect(Path dir, Path build) {
    DatasetGraph tdb;
    try {
      tdb = DatabaseMgr.connectDatasetGraph(Location.create(build.resolve(TDB_DIR)));
    } catch (DBOpEnvException e) {
      if (!String.valueOf(e.getMessage()).startsWith("Failed to get a lock")) {
        throw e; // a damaged database: its subclasses say what is wrong with it
      }
      // Another process (a TDB2 tool?) has this very database open: not ours to rebuild.
      throw new ChizaiException(
          ExitCode.SERVE,
          "the store " + dir + " is open in another process: " + Inventory.describe(e),
          e);
    }
    tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    return tdb;
  }

  /** The dataset to serve: TDB2 behind the text index, default graph = union of named graphs. */
  public DatasetGraph dataset() {
    return open.dataset;
  }

  public Status status() {
    return status;
  }

  /** How long converting, loading and indexing took ({@link Duration#ZERO} when reused). */
  public Duration buildTime() {
    return buildTime;
  }

  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** What the store holds, as counted when it was built (and found again when reused). */
  public Inventory inventory() {
    return inventory;
  }

  /** What was wrong with the previous build when this one replaced it because it was damaged. */
  public Optional<String> damage() {
    return damage;
  }

  /** The build directory being served. */
  Path location() {
    return location;
  }

  /** Closes the database and releases the store's lock. */
  @Override
  public void close() {
    try {
      open.close();
    } finally {
      lock.close();
    }
  }

  // ------------------------------------------------------------------ TDB2 and text index

  /** An open TDB2 database with its text index. */
  private static final class Open {
    final DatasetGraph tdb;
    final TextIndex index;
    final DatasetGraph dataset;

    private Open(DatasetGraph tdb, TextIndex index, DatasetGraph dataset) {
      this.tdb = tdb;
      this.index = index;
      this.dataset = dataset;
    }

    static Open over(DatasetGraph tdb, Path textDir) {
      try {
        TextIndex index =
            TextDatasetFactory.createLuceneIndex(FSDirectory.open(textDir), textIndexConfig());
        return new Open(tdb, index, TextDatasetFactory.create(tdb, index, true));
      } catch (IOException | RuntimeException e) {
        expelQuietly(tdb);
        throw new ChizaiException(
            ExitCode.SERVE,
            "cannot open the text index " + textDir + ": " + Inventory.describe(e),
            e);
      }
    }

    void close() {
      try {
        index.close();
      } finally {
        TDBInternal.expel(tdb);
      }
    }

    void closeQuietly() {
      try {
        close();
      } catch (RuntimeException e) {
        LOG.debug("closing a failed build", e);
      }
    }
  }

  private static void expelQuietly(DatasetGraph tdb) {
    try {
      TDBInternal.expel(tdb);
    } catch (RuntimeException | InternalError e) {
      LOG.debug("expelling a damaged database", e);
    }
  }

  // ------------------------------------------------------------------ the store directory

  /** The build named by {@code current}, if it names a build directory that exists. */
  static Optional<Path> live(Path dir) {
    Path current = dir.resolve(CURRENT_FILE);
    if (!Files.isRegularFile(current)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(current, StandardCharsets.UTF_8).strip();
      Path build = dir.resolve(name);
      return BUILD_NAME.matcher(name).matches() && Files.isDirectory(build)
          ? Optional.of(build)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Points {@code current} at {@code build}: a file written beside it, then renamed over it. */
  private static void swap(Path dir, Path build) throws IOException {
    writeDurably(dir.resolve(CURRENT_FILE), build.getFileName() + "\n");
  }

  /**
   * Deletes what is not the live build: other build directories (an earlier build, a build a crash
   * interrupted), a half-written {@code current} (the atomic writer's hidden temporary file), and
   * the files of the layout before builds. Only names this class creates are touched, so a store
   * directory shared with other files keeps them.
   */
  private static void removeLeftovers(Path dir, Path live) {
    List<Path> leftovers = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (p.equals(live)) {
          continue;
        }
        if (BUILD_NAME.matcher(name).matches()
            && Files.isDirectory(p)
            && (Files.exists(p.resolve(MARKER_FILE)) || isEmpty(p))) {
          leftovers.add(p);
        } else if (name.startsWith("." + CURRENT_FILE + ".tmp-")
            || name.equals(CURRENT_FILE + ".tmp")
            || OLD_LAYOUT.contains(name)) {
          leftovers.add(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot list the store {} to remove leftovers: {}", dir, e.getMessage());
      return;
    }
    for (Path p : leftovers) {
      deleteQuietly(p);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Writes a small file through the one atomic writer: synced, renamed into place. */
  private static void writeDurably(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot remove {} from the store (removed at the next start): {}", path, e.getMessage());
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    if (!Files.isDirectory(path)) {
      Files.delete(path);
      return;
    }
    try (Stream<Path> s = Files.walk(path)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
