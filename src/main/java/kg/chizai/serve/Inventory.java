package kg.chizai.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What a store holds, counted by reading all of it: the quads in every TDB2 quad index (GSPO, GPOS
 * …, which must agree), the triples in every triple index, the nodes of the node table (the records
 * of its index {@code nodes.dat}, one per node of {@code nodes-data.obj}), the prefixes, and the
 * documents of the text index (after Lucene's {@link CheckIndex} has verified the checksum of every
 * index file).
 *
 * <p>Counted when a store is built and recorded beside it ({@code inventory.txt}) with the size and
 * the CRC32C checksum of every file of the TDB2 database (and the size of every file of the text
 * index, which Lucene checksums itself). Checked when it is reused by reading each file once, in
 * order, not by walking the indexes: sizes first (a truncated file is named at once), then the
 * checksums, then Lucene's checksums and the count of text documents, so damage (an index, the node
 * data, a Lucene segment) is found at start, not by the first query that touches it, at the cost of
 * reading the files sequentially (fast, and independent of the shape of the data).
 *
 * @param quads quads in the named graphs
 * @param triples triples in the stored default graph
 * @param nodes distinct RDF terms
 * @param prefixes prefix declarations
 * @param textDocs documents of the full-text index
 * @param files the size and checksum of each file of the database, by its path in the build
 *     directory
 */
record Inventory(
    long quads, long triples, long nodes, long prefixes, long textDocs, Map<String, Sized> files) {

  /** The size of a file and, for the files of TDB2, its CRC32C checksum ({@code -1}: none). */
  record Sized(long size, long crc) {}

  static final String FILE = "inventory.txt";

  /** Files that change while a database is open, or hold a process id: not sized. */
  private static final Set<String> UNSIZED = Set.of("tdb.lock", "write.lock", "journal.jrnl");

  Inventory {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** A store that does not hold what it should, or cannot be read: what and where. */
  static final class Damaged extends Exception {
    private static final long serialVersionUID = 1L;

    Damaged(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Counts what the TDB2 database {@code tdb} holds, reading every index and every node; {@code
   * textDocs} is the count of the text index ({@link #countText}).
   */
  static Inventory count(DatasetGraph tdb, long textDocs) throws Damaged {
    long[] c = countTdb(tdb);
    return new Inventory(c[0], c[1], c[2], c[3], textDocs, Map.of());
  }

  /**
   * The same counts with the sizes of the database files under {@code build}, and the checksums of
   * those under {@code summed}.
   */
  Inventory withFilesOf(Path build, List<String> dirs, String summed) throws IOException {
    return new Inventory(quads, triples, nodes, prefixes, textDocs, sizes(build, dirs, summed));
  }

  /** Whether the counts (not the file sizes) are those of {@code other}. */
  boolean sameCounts(Inventory other) {
    return quads == other.quads
        && triples == other.triples
        && nodes == other.nodes
        && prefixes == other.prefixes
        && textDocs == other.textDocs;
  }

  /**
   * The counts that can be read without walking the data (prefixes, text documents) are those
   * recorded; the others are vouched for by the checksums of the files that hold them.
   */
  void checkCounts(long foundPrefixes, long foundTextDocs) throws Damaged {
    if (foundPrefixes != prefixes || foundTextDocs != textDocs) {
      throw new Damaged(
          "it holds "
              + foundPrefixes
              + " prefixes, "
              + foundTextDocs
              + " text documents where it was built with "
              + prefixes
              + " prefixes, "
              + textDocs
              + " text documents",
          null);
    }
  }

  /**
   * Checks that every recorded file is under {@code build} with its recorded size (all of them
   * first), then with its recorded checksum.
   */
  void checkFiles(Path build) throws Damaged {
    for (Map.Entry<String, Sized> f : files.entrySet()) {
      Path p = build.resolve(f.getKey());
      if (!Files.isRegularFile(p)) {
        throw new Damaged(f.getKey() + " is missing", null);
      }
      long size;
      try {
        size = Files.size(p);
      } catch (IOException e) {
        throw new Damaged(f.getKey() + " cannot be read: " + describe(e), e);
      }
      if (size != f.getValue().size()) {
        throw new Damaged(
            f.getKey()
                + " is "
                + size
                + " bytes where it was "
                + f.getValue().size()
                + " when built",
            null);
      }
    }
    List<String> summed =
        files.entrySet().stream()
            .filter(f -> f.getValue().crc() >= 0)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Outcome> found = sideBySide(summed, name -> crc32c(build.resolve(name)));
    for (String name : summed) {
      Outcome o = found.get(name);
      if (o.failure() != null) {
        throw new Damaged(name + " cannot be read: " + describe(o.failure()), o.failure());
      }
      long crc = o.value();
      long recorded = files.get(name).crc();
      if (crc != recorded) {
        throw new Damaged(
            name
                + " has changed since it was built (CRC32C "
                + Long.toHexString(crc)
                + " where it was "
                + Long.toHexString(recorded)
                + ")",
            null);
      }
    }
  }

  /** What one part read side by side gave: its value, or the failure it ended with. */
  private record Outcome(long value, Exception failure) {}

  /** A read of one part that may fail. */
  private interface PartRead {
    long read(String name) throws Exception;
  }

  /**
   * Reads every part of {@code names} side by side (a parallel stream: one part per core at a
   * time), each to its value or the failure it ended with, so that the caller reports failures in
   * its own order, not in the order they happened.
   */
  private static Map<String, Outcome> sideBySide(List<String> names, PartRead read) {
    return names.parallelStream()
        .collect(
            Collectors.toConcurrentMap(
                n -> n,
                n -> {
                  try {
                    return new Outcome(read.read(n), null);
                  } catch (Exception e) {
                    return new Outcome(0, e);
                  }
                }));
  }

  /**
   * The CRC32C checksum of a file, read once from start to end (through a heap buffer: a direct
   * buffer per file would stay off-heap until a collection frees it).
   */
  static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static Map<String, Sized> sizes(Path build, List<String> dirs, String summed)
      throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    List<String> toSum = new ArrayList<>();
    for (String d : dirs) {
      try (Stream<Path> s = Files.walk(build.resolve(d))) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          if (!UNSIZED.contains(p.getFileName().toString())) {
            String name = build.relativize(p).toString().replace('\\', '/');
            bytes.put(name, Files.size(p));
            if (d.equals(summed)) {
              toSum.add(name);
            }
          }
        }
      }
    }
    Map<String, Outcome> crcs = sideBySide(toSum, name -> crc32c(build.resolve(name)));
    Map<String, Sized> sizes = new TreeMap<>();
    for (Map.Entry<String, Long> b : bytes.entrySet()) {
      Outcome crc = crcs.getOrDefault(b.getKey(), new Outcome(-1, null));
      if (crc.failure() instanceof IOException e) {
        throw e;
      } else if (crc.failure() instanceof RuntimeException e) {
        throw e;
      }
      sizes.put(b.getKey(), new Sized(b.getValue(), crc.value()));
    }
    return sizes;
  }

  /**
   * The counts of {@code tdb}: every index of the quad and triple tables, the node table and the
   * prefixes, each part read in a read transaction of its own, the parts side by side on as many
   * threads as there are cores (they are independent files; a build waits for this count).
   */
  private static long[] countTdb(DatasetGraph tdb) throws Damaged {
    DatasetGraphTDB storage;
    try {
      storage = Txn.calculateRead(tdb, () -> TDBInternal.getDatasetGraphTDB(tdb));
    } catch (RuntimeException | InternalError e) {
      throw new Damaged("its TDB2 database cannot be read: " + describe(e), e);
    }
    TupleTable quadTable = storage.getQuadTable().getNodeTupleTable().getTupleTable();
    TupleTable tripleTable = storage.getTripleTable().getNodeTupleTable().getTupleTable();
    Map<String, LongSupplier> parts = new LinkedHashMap<>();
    NodeTable nodes = storage.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
    parts.put(
        NODES,
        counted(
            "its TDB2 node table (nodes.dat, nodes-data.obj)",
            // The records of its index (one per stored node, read leaf by leaf) when it has one,
            // as TDB2's own node table does; otherwise every node, decoded.
            nodes instanceof NodeTableTRDF stored
                ? () -> stored.getIndex().size()
                : () -> Iter.count(nodes.all())));
    for (TupleIndex index : quadTable.getIndexes()) {
      parts.put(index.getName(), indexCount(index));
    }
    for (TupleIndex index : tripleTable.getIndexes()) {
      parts.put(index.getName(), indexCount(index));
    }
    parts.put(
        PREFIXES,
        counted(
            "its TDB2 prefixes (prefixes.dat, prefixes-data.obj)", () -> tdb.prefixes().size()));
    Map<String, Long> counts = readSideBySide(tdb, parts);
    return new long[] {
      agreed(quadTable, counts),
      agreed(tripleTable, counts),
      counts.get(NODES),
      counts.get(PREFIXES)
    };
  }

  private static final String NODES = " nodes";
  private static final String PREFIXES = " prefixes";

  private static LongSupplier indexCount(TupleIndex index) {
    String name = index.getName();
    return counted(
        "its TDB2 index " + name + " (" + name + ".dat)",
        index::size); // its records counted, leaf by leaf
  }

  /** {@code read}, naming {@code what} if it fails. */
  private static LongSupplier counted(String what, LongSupplier read) {
    return () -> read(what, read);
  }

  /**
   * Runs each part in a read transaction of its own, side by side; the first failure (in the order
   * of the parts) is thrown as {@link Damaged}.
   */
  private static Map<String, Long> readSideBySide(DatasetGraph tdb, Map<String, LongSupplier> parts)
      throws Damaged {
    Map<String, Outcome> read =
        sideBySide(
            List.copyOf(parts.keySet()),
            name -> Txn.calculateRead(tdb, () -> parts.get(name).getAsLong()));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String name : parts.keySet()) {
      Exception failure = read.get(name).failure();
      if (failure instanceof Unreadable u) {
        throw new Damaged(u.getMessage(), u.getCause());
      } else if (failure != null) {
        throw new Damaged("its TDB2 database cannot be read: " + describe(failure), failure);
      }
      counts.put(name, read.get(name).value());
    }
    return counts;
  }

  /**
   * The tuples of a table, counted in each of its indexes (GSPO.dat, GSPO.idn …), which must agree.
   */
  private static long agreed(TupleTable table, Map<String, Long> counts) throws Damaged {
    Map<String, Long> of = new LinkedHashMap<>();
    for (TupleIndex index : table.getIndexes()) {
      of.put(index.getName(), counts.get(index.getName()));
    }
    if (of.values().stream().distinct().count() > 1) {
      throw new Damaged("its TDB2 indexes disagree: " + of, null);
    }
    return of.values().stream().findFirst().orElse(0L);
  }

  /** Runs one read of one part of the database, naming that part if it fails. */
  private static long read(String what, LongSupplier read) {
    try {
      return read.getAsLong();
    } catch (Unreadable e) {
      throw e;
    } catch (RuntimeException | InternalError e) {
      // InternalError: a read beyond the end of a truncated memory-mapped file (SIGBUS).
      throw new Unreadable(what + " cannot be read: " + describe(e), e);
    }
  }

  /** A part of the database that cannot be read (unchecked, to cross Jena's transaction). */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The documents of the Lucene index in {@code textDir}; with {@code verify}, after checking the
   * checksum of every file of the index (this takes its write lock: call it while it is closed).
   */
  static long countText(Path textDir, boolean verify) throws Damaged {
    if (verify && !Files.isDirectory(textDir)) {
      throw new Damaged("its text index " + textDir.getFileName() + "/ is missing", null);
    }
    try (Directory dir = FSDirectory.open(textDir)) {
      if (verify) {
        verify(dir);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return reader.numDocs();
      }
    } catch (IOException | RuntimeException e) {
      throw new Damaged("its text index cannot be read: " + describe(e), e);
    }
  }

  private static void verify(Directory dir) throws IOException, Damaged {
    try (CheckIndex check = new CheckIndex(dir)) {
      check.setChecksumsOnly(true);
      check.setThreadCount(1);
      CheckIndex.Status status = check.checkIndex();
      if (!status.clean) {
        throw new Damaged(
            "its text index fails Lucene's CheckIndex: "
                + (status.missingSegments
                    ? "segments missing"
                    : status.numBadSegments + " bad segment(s) of " + status.numSegments),
            null);
      }
    }
  }

  /** One line: the exception's kind and message, and the file it names if Jena or Lucene say. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    String cause = "";
    if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
      cause =
          " (" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() + ")";
    }
    return e.getClass().getSimpleName() + message + cause;
  }

  String summary() {
    return quads
        + " quads, "
        + triples
        + " triples, "
        + nodes
        + " nodes, "
        + prefixes
        + " prefixes, "
        + textDocs
        + " text documents";
  }

  String fileText() {
    StringBuilder sb = new StringBuilder();
    sb.append("quads ").append(quads).append('\n');
    sb.append("triples ").append(triples).append('\n');
    sb.append("nodes ").append(nodes).append('\n');
    sb.append("prefixes ").append(prefixes).append('\n');
    sb.append("text-docs ").append(textDocs).append('\n');
    files.forEach(
        (path, sized) -> {
          sb.append("file ").append(sized.size()).append(' ');
          if (sized.crc() >= 0) {
            sb.append("crc32c:").append(Long.toHexString(sized.crc())).append(' ');
          }
          sb.append(path).append('\n');
        });
    return sb.toString();
  }

  /** The inventory recorded in {@code file}; empty if it is missing or unreadable. */
  static Optional<Inventory> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Map<String, Long> v = new LinkedHashMap<>();
      Map<String, Sized> files = new TreeMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] kv = line.strip().split(" ", 3);
        if (kv.length == 3 && kv[0].equals("file")) {
          long crc = -1;
          String path = kv[2];
          if (path.startsWith("crc32c:")) {
            int space = path.indexOf(' ');
            crc = Long.parseUnsignedLong(path.substring("crc32c:".length(), space), 16);
            path = path.substring(space + 1);
          }
          files.put(path, new Sized(Long.parseLong(kv[1]), crc));
        } else if (kv.length == 2) {
          v.put(kv[0], Long.parseLong(kv[1]));
        }
      }
      if (!v.keySet().containsAll(List.of("quads", "triples", "nodes", "prefixes", "text-docs"))) {
        return Optional.empty();
      }
      return Optional.of(
          new Inventory(
              v.get("quads"),
              v.get("triples"),
              v.get("nodes"),
              v.get("prefixes"),
              v.get("text-docs"),
              files));
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
