package kg.chizai.rdf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.io.IndentedLineBuffer;
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
 * per line, sorted as strings ({@link String#compareTo}). The lines stay UTF-8 bytes from the
 * writer to the output, compared in the order of their strings ({@link #UTF16_ORDER}), so nothing
 * is decoded or encoded again.
 *
 * <pre>{@code
 * try (SortedLines out = SortedLines.create(true, outputDir)) {
 *   out.add(graph, graphName); // from any thread
 *   out.mergeTo(stream);
 * }
 * }</pre>
 */
public final class SortedLines implements AutoCloseable {

  private final Path dir; // null: the runs are kept in memory
  private final boolean quads;
  private final List<Path> files = new ArrayList<>();
  private final List<byte[][]> arrays = new ArrayList<>();
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
    Bytes written = new Bytes();
    AWriter out = IO.wrapUTF8(written);
    WriterStreamRDFPlain writer = new IriCaching(out);
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
    byte[][] lines = written.lines();
    Arrays.sort(lines, UTF16_ORDER);
    if (dir == null) {
      synchronized (arrays) {
        arrays.add(lines);
      }
      return;
    }
    Path run = dir.resolve("run-" + next.getAndIncrement());
    try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
      for (byte[] line : lines) {
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
    List<InputStream> readers = new ArrayList<>();
    try {
      List<Iterator<byte[]>> runs = new ArrayList<>();
      synchronized (arrays) {
        arrays.forEach(a -> runs.add(Arrays.asList(a).iterator()));
      }
      synchronized (files) {
        for (Path f : files) {
          InputStream r = Files.newInputStream(f);
          readers.add(r);
          runs.add(new LineReader(r));
        }
      }
      PriorityQueue<Head> heads =
          new PriorityQueue<>(
              (a, b) -> {
                int c = UTF16_ORDER.compare(a.line(), b.line());
                return c != 0 ? c : Integer.compare(a.run(), b.run());
              });
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).hasNext()) {
          heads.add(new Head(runs.get(i).next(), i));
        }
      }
      OutputStream w = new BufferedOutputStream(out, 1 << 16);
      byte[] last = null;
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        if (last == null || !Arrays.equals(h.line(), last)) {
          w.write(h.line());
          w.write('\n');
          last = h.line();
        }
        Iterator<byte[]> run = runs.get(h.run());
        if (run.hasNext()) {
          heads.add(new Head(run.next(), h.run()));
        }
      }
      w.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      for (InputStream r : readers) {
        r.close();
      }
    }
  }

  private record Head(byte[] line, int run) {}

  /**
   * UTF-8 lines in the order of their strings ({@link String#compareTo}, UTF-16 code units). The
   * bytes' order is the code points' order, which is the strings' order except where a character
   * beyond U+FFFF (a surrogate pair, U+D800–DFFF in UTF-16) meets one of U+E000–U+FFFF (lead byte
   * EE or EF): there the string is the smaller that has the pair.
   */
  public static final Comparator<byte[]> UTF16_ORDER =
      (a, b) -> {
        int i = Arrays.mismatch(a, b);
        if (i < 0) {
          return 0;
        }
        if (i == a.length || i == b.length) {
          return a.length - b.length; // one is the start of the other
        }
        // The code points that differ start at the same place in both (the bytes before are the
        // same, and a UTF-8 sequence's first byte is never a continuation byte, 10xxxxxx).
        int start = i;
        while (start > 0 && (a[start] & 0xC0) == 0x80) {
          start--;
        }
        int la = a[start] & 0xFF;
        int lb = b[start] & 0xFF;
        if (la >= 0xF0 && (lb == 0xEE || lb == 0xEF)) {
          return -1;
        }
        if (lb >= 0xF0 && (la == 0xEE || la == 0xEF)) {
          return 1;
        }
        return (a[i] & 0xFF) - (b[i] & 0xFF);
      };

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

  /**
   * Jena's plain writer, each IRI formatted by Jena once per run and then written as it was: the
   * graph name, the predicates and the subjects recur on line after line, and checking an IRI's
   * characters for escapes was the writer's largest cost.
   */
  private static final class IriCaching extends WriterStreamRDFPlain {
    private final Map<Node, String> formatted = new HashMap<>();

    IriCaching(AWriter out) {
      super(out, CharSpace.UTF8);
    }

    @Override
    protected void format(Node n) {
      if (!n.isURI()) {
        super.format(n);
        return;
      }
      String iri = formatted.get(n);
      if (iri == null) {
        IndentedLineBuffer one = new IndentedLineBuffer();
        getFmt().format(one, n);
        iri = one.asString();
        formatted.put(n, iri);
      }
      out.print(iri);
    }
  }

  /** The bytes written to it, cut into lines (without their line ends; empty lines dropped). */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(1 << 16);
    }

    byte[][] lines() {
      List<byte[]> out = new ArrayList<>();
      int from = 0;
      for (int i = 0; i < count; i++) {
        if (buf[i] == '\n') {
          if (i > from) {
            out.add(Arrays.copyOfRange(buf, from, i));
          }
          from = i + 1;
        }
      }
      if (count > from) {
        out.add(Arrays.copyOfRange(buf, from, count));
      }
      return out.toArray(new byte[0][]);
    }
  }

  /** The lines of a run file, as bytes without their line ends. */
  private static final class LineReader implements Iterator<byte[]> {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] next;

    LineReader(InputStream in) {
      this.in = in;
      advance();
    }

    private void advance() {
      try {
        byte[] partial = null; // a line that runs past the buffer
        while (true) {
          for (int i = pos; i < end; i++) {
            if (buf[i] == '\n') {
              next = join(partial, i);
              pos = i + 1;
              return;
            }
          }
          partial = join(partial, end);
          pos = 0;
          end = in.read(buf);
          if (end < 0) {
            end = 0;
            next = partial.length == 0 ? null : partial;
            return;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** {@code partial} followed by the buffer from {@code pos} to {@code to}. */
    private byte[] join(byte[] partial, int to) {
      if (partial == null) {
        return Arrays.copyOfRange(buf, pos, to);
      }
      byte[] line = Arrays.copyOf(partial, partial.length + to - pos);
      System.arraycopy(buf, pos, line, partial.length, to - pos);
      return line;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public byte[] next() {
      if (next == null) {
        throw new java.util.NoSuchElementException();
      }
      byte[] line = next;
      advance();
      return line;
    }
  }
}
