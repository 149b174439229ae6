package kg.chizai.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;

/**
 * Writes a dataset to a file in the format its extension names, atomically: the data goes to a
 * temporary file beside the target, which is moved into place only when complete.
 *
 * <pre>{@code RdfFiles.write(dataset, Path.of("out.ttl"));}</pre>
 */
public final class RdfFiles {

  /** An output format: file extension, Jena format, and whether it keeps named graphs. */
  public enum Format {
    TURTLE(".ttl", RDFFormat.TURTLE_PRETTY, false),
    NTRIPLES(".nt", RDFFormat.NTRIPLES_UTF8, false),
    NQUADS(".nq", RDFFormat.NQUADS_UTF8, true),
    TRIG(".trig", RDFFormat.TRIG_PRETTY, true),
    JSONLD(".jsonld", RDFFormat.JSONLD11_PRETTY, true),
    RDFXML(".rdf", RDFFormat.RDFXML_PLAIN, false);

    private final String extension;
    private final RDFFormat format;
    private final boolean quads;

    Format(String extension, RDFFormat format, boolean quads) {
      this.extension = extension;
      this.format = format;
      this.quads = quads;
    }

    public String extension() {
      return extension;
    }

    public Lang lang() {
      return format.getLang();
    }

    /** Whether the format keeps named graphs (otherwise the union of all graphs is written). */
    public boolean quads() {
      return quads;
    }

    public static Optional<Format> forPath(Path path) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(f -> name.endsWith(f.extension)).findFirst();
    }

    public static String extensions() {
      return Arrays.stream(values()).map(Format::extension).collect(Collectors.joining(", "));
    }
  }

  private RdfFiles() {}

  /** The format for a path, or a {@link ChizaiException} naming the accepted extensions. */
  public static Format formatOf(Path path) {
    return Format.forPath(path)
        .orElseThrow(
            () ->
                new ChizaiException(
                    ExitCode.USAGE,
                    Problem.error(
                        path.toString(),
                        0,
                        "unknown output format: use one of the extensions "
                            + Format.extensions())));
  }

  public static void write(Dataset ds, Path target) {
    Format format = formatOf(target);
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(ds, format, out);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ChizaiException(
          ExitCode.OUTPUT,
          List.of(Problem.error(target.toString(), 0, "cannot write: " + e.getMessage())));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: the temporary file is hidden and named after the target.
        }
      }
    }
  }

  /** Writes in one format; N-Triples and N-Quads lines are sorted so output is byte-stable. */
  public static void write(Dataset ds, Format format, OutputStream out) throws IOException {
    switch (format) {
      case NTRIPLES, NQUADS -> {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        if (format.quads()) {
          RDFDataMgr.write(buf, ds, format.format);
        } else {
          RDFDataMgr.write(buf, ds.getUnionModel(), format.format);
        }
        List<String> lines =
            new ArrayList<>(List.of(buf.toString(StandardCharsets.UTF_8).split("\n")));
        lines.removeIf(String::isEmpty);
        lines.sort(null);
        for (String line : lines) {
          out.write(line.getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        }
      }
      default -> {
        if (format.quads()) {
          RDFWriter.source(ds.asDatasetGraph()).format(format.format).output(out);
        } else {
          Model union = unionWithPrefixes(ds);
          RDFWriter.source(union).format(format.format).output(out);
        }
      }
    }
  }

  private static Model unionWithPrefixes(Dataset ds) {
    Model union = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
    union.add(ds.getUnionModel());
    union.setNsPrefixes(Namespaces.prefixes());
    return union;
  }
}
