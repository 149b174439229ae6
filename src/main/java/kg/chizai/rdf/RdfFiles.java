package kg.chizai.rdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.rdf.Formats.Format;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFWriter;

/**
 * Writes RDF in the {@linkplain Formats formats} chizai-kg offers, the same way for a file, a
 * release dump and a linked-data page: N-Triples and N-Quads sorted line by line, Turtle and TriG
 * pretty with the project's prefixes, JSON-LD compacted with the context generated from the
 * ontology ({@link JsonLdWriter}). Files are written {@linkplain AtomicFiles atomically}.
 *
 * <pre>{@code RdfFiles.write(dataset, Path.of("out.ttl"));}</pre>
 */
public final class RdfFiles {

  private RdfFiles() {}

  /** The format for a path, or a {@link ChizaiException} naming the accepted extensions. */
  public static Format formatOf(Path path) {
    return Formats.forPath(path)
        .orElseThrow(
            () ->
                new ChizaiException(
                    ExitCode.USAGE,
                    Problem.error(
                        path.toString(),
                        0,
                        "unknown output format: use one of the extensions "
                            + Formats.extensions())));
  }

  /** Writes the dataset to {@code target} in the format its extension names, atomically. */
  public static void write(Dataset ds, Path target) {
    Format format = formatOf(target);
    try {
      AtomicFiles.write(target, out -> write(ds, format, out));
    } catch (IOException | UncheckedIOException e) {
      throw new ChizaiException(
          ExitCode.OUTPUT,
          List.of(Problem.error(target.toString(), 0, "cannot write: " + e.getMessage())));
    }
  }

  /**
   * Writes the dataset in one format: the quad formats keep its named graphs, the others hold their
   * union (with the project's prefixes).
   */
  public static void write(Dataset ds, Format format, OutputStream out) throws IOException {
    if (format == Formats.JSONLD) {
      JsonLdWriter.write(ds, JsonLdWriter.context(), out);
    } else if (!format.quads()) {
      write(union(ds), format, out);
    } else if (format == Formats.NQUADS) {
      Lines lines = new Lines();
      RDFDataMgr.write(lines, ds, jenaWriter(format));
      lines.writeSorted(out);
    } else {
      RDFWriter.source(ds.asDatasetGraph()).format(jenaWriter(format)).output(out);
    }
  }

  /**
   * The union of the dataset's graphs as one model, with the project's prefixes: what the triple
   * formats hold.
   */
  public static Model union(Dataset ds) {
    Model union = ModelFactory.createDefaultModel();
    union.add(ds.getUnionModel());
    union.setNsPrefixes(Namespaces.prefixes());
    return union;
  }

  /**
   * Writes one graph in a format that can hold one ({@link Format#triples()}); a model without
   * prefixes gets the project's.
   */
  public static void write(Model m, Format format, OutputStream out) throws IOException {
    if (!format.triples()) {
      throw new IllegalArgumentException(format + " is for named graphs, not one graph");
    }
    if (format == Formats.JSONLD) {
      JsonLdWriter.write(m, JsonLdWriter.context(), out);
      return;
    }
    if (m.getNsPrefixMap().isEmpty()) {
      m.setNsPrefixes(Namespaces.prefixes());
    }
    if (format == Formats.NTRIPLES) {
      Lines lines = new Lines();
      RDFDataMgr.write(lines, m, jenaWriter(format));
      lines.writeSorted(out);
    } else {
      RDFWriter.source(m).format(jenaWriter(format)).output(out);
    }
  }

  private static org.apache.jena.riot.RDFFormat jenaWriter(Format format) {
    return format
        .writer()
        .orElseThrow(() -> new IllegalStateException("no Jena writer for " + format));
  }

  /**
   * N-Triples and N-Quads with their lines sorted, so that the bytes are stable: the writer's
   * output is cut into lines as it is written (no copy of the whole output as bytes, then as one
   * string, then split), the lines sorted, and written out through a buffer.
   */
  private static final class Lines extends OutputStream {
    private final List<String> lines = new ArrayList<>();
    private byte[] line = new byte[512];
    private int length;

    @Override
    public void write(int b) {
      if (b == '\n') {
        endLine();
      } else {
        if (length == line.length) {
          line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = (byte) b;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int end = off + len;
      int i = off;
      while (i < end) {
        int nl = i;
        while (nl < end && b[nl] != '\n') {
          nl++;
        }
        int n = nl - i;
        if (length + n > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(b, i, line, length, n);
        length += n;
        if (nl < end) {
          endLine();
        }
        i = nl + 1;
      }
    }

    private void endLine() {
      if (length > 0) {
        lines.add(new String(line, 0, length, StandardCharsets.UTF_8));
      }
      length = 0;
    }

    void writeSorted(OutputStream out) throws IOException {
      endLine();
      lines.sort(null);
      BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
      for (String l : lines) {
        buffered.write(l.getBytes(StandardCharsets.UTF_8));
        buffered.write('\n');
      }
      buffered.flush();
    }
  }
}
