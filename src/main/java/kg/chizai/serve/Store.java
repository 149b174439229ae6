package kg.chizai.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kg.chizai.base.AtomicFiles;
import kg.chizai.rdf.CKG;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served database in one directory: TDB2 ({@code tdb2/}), its jena-text index ({@code text/},
 * Lucene with {@link JapaneseTextAnalyzer}) and the fingerprint of what it was built from ({@code
 * fingerprint.txt}, written last). When the recorded fingerprint is missing or differs, the two
 * sub-directories are deleted and rebuilt from the source; otherwise they are reused as they are.
 *
 * <p>The data is loaded through the text dataset in one write transaction, so every indexed literal
 * is indexed as it is added (TDB2's bulk loaders would bypass the text index). The default graph is
 * the union of the named graphs.
 *
 * <pre>{@code try (Store store = Store.open(dir, fingerprint, () -> dataset)) { store.dataset(); }}
 * </pre>
 */
public final class Store implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** Whether the store was built by this {@link #open} or reused from an earlier run. */
  public enum Status {
    BUILT,
    REUSED
  }

  static final String TDB_DIR = "tdb2";
  static final String TEXT_DIR = "text";
  static final String FINGERPRINT_FILE = "fingerprint.txt";

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

  private final DatasetGraph tdb;
  private final TextIndex index;
  private final DatasetGraph dataset;
  private final Status status;
  private final Duration buildTime;
  private final Fingerprint fingerprint;

  private Store(
      DatasetGraph tdb,
      TextIndex index,
      DatasetGraph dataset,
      Status status,
      Duration buildTime,
      Fingerprint fingerprint) {
    this.tdb = tdb;
    this.index = index;
    this.dataset = dataset;
    this.status = status;
    this.buildTime = buildTime;
    this.fingerprint = fingerprint;
  }

  /**
   * Opens the store in {@code dir}, building it from {@code source} (called only then) when its
   * recorded fingerprint is not {@code fingerprint}.
   */
  public static Store open(Path dir, Fingerprint fingerprint, Supplier<Dataset> source) {
    Path fpFile = dir.resolve(FINGERPRINT_FILE);
    boolean fresh =
        fingerprint.sha256().equals(Fingerprint.recorded(fpFile).orElse(""))
            && Files.isDirectory(dir.resolve(TDB_DIR))
            && Files.isDirectory(dir.resolve(TEXT_DIR));
    long start = System.nanoTime();
    try {
      if (!fresh) {
        Files.deleteIfExists(fpFile);
        deleteTree(dir.resolve(TDB_DIR));
        deleteTree(dir.resolve(TEXT_DIR));
        Files.createDirectories(dir);
      }
      DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve(TDB_DIR)));
      tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
      TextIndex index =
          TextDatasetFactory.createLuceneIndex(
              FSDirectory.open(dir.resolve(TEXT_DIR)), textIndexConfig());
      DatasetGraph text = TextDatasetFactory.create(tdb, index, true);
      if (fresh) {
        LOG.info("store reused: {} ({})", dir, fingerprint.sha256());
        return new Store(tdb, index, text, Status.REUSED, Duration.ZERO, fingerprint);
      }
      long quads;
      try {
        quads = load(source.get(), text);
        writeAtomically(fpFile, fingerprint.fileText());
      } catch (IOException | RuntimeException e) {
        index.close();
        TDBInternal.expel(tdb);
        throw e;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      LOG.info("store built: {} quads in {} ms -> {}", quads, took.toMillis(), dir);
      return new Store(tdb, index, text, Status.BUILT, took, fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the store in " + dir, e);
    }
  }

  /** The text index configuration: one field for every indexed predicate, values stored. */
  static TextIndexConfig textIndexConfig() {
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

  private static long load(Dataset data, DatasetGraph target) {
    DatasetGraph src = data.asDatasetGraph();
    return Txn.calculateWrite(
        target,
        () -> {
          long[] n = {0};
          src.find()
              .forEachRemaining(
                  q -> {
                    target.add(q);
                    n[0]++;
                  });
          target.prefixes().putAll(data.getDefaultModel().getNsPrefixMap());
          return n[0];
        });
  }

  /** The dataset to serve: TDB2 behind the text index, default graph = union of named graphs. */
  public DatasetGraph dataset() {
    return dataset;
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

  @Override
  public void close() {
    index.close();
    TDBInternal.expel(tdb);
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
