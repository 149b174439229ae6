package kg.chizai.rdf;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.writer.WriterStreamRDFPlain;
import org.apache.jena.sparql.core.Quad;

/**
 * N-Triples or N-Quads with their lines sorted, written from graphs that are not in memory
 * together: an external merge sort. Each graph added is written as a sorted run (a temporary file);
 * {@link #mergeTo} merges the runs into one output, dropping a line equal to the one before it (the
 * same triple in two graphs is one triple of their union). The lines and their order are those
 * {@link RdfFiles} writes for the whole dataset at once: Jena's plain UTF-8 writer, one statement
 * per line, sorted as strings.
 *
 * <pre>{@code
 * try (SortedLines out = SortedLines.create(true)) {
 *   out.add(graph, graphName); // from any thread
 *   out.mergeTo(stream);
 * }
 * }</pre>
 */
public final class SortedLines implements AutoCloseable {

  private final Path dir; // null: the runs are kept in memory
  private final boolean quads;
  private final List<Path> files = new ArrayList<>();
  private final List<String[]> arrays = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  private SortedLines(Path dir, boolean quads) {
    this.dir = dir;
    this.quads = quads;
  }

  /**
   * Sorted lines whose runs are kept in memory: N-Quads if {@code quads}, else N-Triples (graph
   * names ignored). For data that is in memory anyway ({@link RdfFiles}).
   */
  public static SortedLines inMemory(boolean quads) {
    return new SortedLines(null, quads);
  }

  /**
   * Sorted lines whose runs are kept in a new hidden directory in {@code near} (removed by {@link
   * #close}): beside the output, on the disk that will hold it, rather than in a temporary
   * directory that may be memory.
   */
  public static SortedLines create(boolean quads, Path near) throws IOException {
    Files.createDirectories(near);
    return new SortedLines(Files.createTempDirectory(near, ".chizai-kg-sort-"), quads);
  }

  /**
   * Writes the statements of {@code g} (in graph {@code name}; the default graph's have no graph
   * slot) as one sorted run. Safe to call from several threads.
   */
  public void add(Graph g, Node name) {
    LineList collected = new LineList();
    AWriter out = IO.wrap(collected);
    WriterStreamRDFPlain writer = new WriterStreamRDFPlain(out, CharSpace.UTF8);
    writer.start();
    g.find()
        .forEachRemaining(
            t -> {
              if (quads) {
                writer.quad(Quad.create(name, t));
              } else {
                writer.triple(t);
              }
            });
    writer.finish();
    out.flush();
    String[] lines = collected.lines.stream().filter(l -> !l.isEmpty()).toArray(String[]::new);
    Arrays.sort(lines);
    if (dir == null) {
      synchronized (arrays) {
        arrays.add(lines);
      }
      return;
    }
    Path run = dir.resolve("run-" + next.getAndIncrement());
    try (BufferedWriter w = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (files) {
      files.add(run);
    }
  }

  /** Merges the runs into {@code out}, sorted, each distinct line once. */
  public void mergeTo(OutputStream out) throws IOException {
    List<BufferedReader> readers = new ArrayList<>();
    try {
      List<Iterator<String>> runs = new ArrayList<>();
      synchronized (arrays) {
        arrays.forEach(a -> runs.add(Arrays.asList(a).iterator()));
      }
      synchronized (files) {
        for (Path f : files) {
          BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
          readers.add(r);
          runs.add(r.lines().iterator());
        }
      }
      PriorityQueue<Head> heads =
          new PriorityQueue<>(Comparator.comparing(Head::line).thenComparingInt(Head::run));
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).hasNext()) {
          heads.add(new Head(runs.get(i).next(), i));
        }
      }
      BufferedWriter w =
          new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      String last = null;
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        if (!h.line().equals(last)) {
          w.write(h.line());
          w.write('\n');
          last = h.line();
        }
        Iterator<String> run = runs.get(h.run());
        if (run.hasNext()) {
          heads.add(new Head(run.next(), h.run()));
        }
      }
      w.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      for (BufferedReader r : readers) {
        r.close();
      }
    }
  }

  private record Head(String line, int run) {}

  /** Removes the runs kept on disk. */
  @Override
  public void close() throws IOException {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.list(dir)) {
      for (Path f : all.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }

  /** The lines written to it, without their line ends. */
  private static final class LineList extends Writer {
    final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(256);

    @Override
    public void write(int c) {
      if (c == '\n') {
        lines.add(line.toString());
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) {
      int end = off + len;
      int from = off;
      for (int i = off; i < end; i++) {
        if (buf[i] == '\n') {
          line.append(buf, from, i - from);
          lines.add(line.toString());
          line.setLength(0);
          from = i + 1;
        }
      }
      line.append(buf, from, end - from);
    }

    @Override
    public void write(String s, int off, int len) {
      int end = off + len;
      int from = off;
      int nl;
      while ((nl = s.indexOf('\n', from)) >= 0 && nl < end) {
        line.append(s, from, nl);
        lines.add(line.toString());
        line.setLength(0);
        from = nl + 1;
      }
      line.append(s, from, end);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
