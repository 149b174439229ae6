package kg.chizai.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.rdf.Formats.Format;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes RDF in the {@linkplain Formats formats} chizai-kg offers, the same way for a file, a
 * release dump and a linked-data page: N-Triples and N-Quads sorted line by line ({@link
 * SortedLines}, its runs in memory), Turtle and TriG pretty with the project's prefixes, JSON-LD
 * compacted with the context generated from the ontology ({@link JsonLdWriter}). Files are written
 * {@linkplain AtomicFiles atomically}.
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
    write(ds, null, format, out);
  }

  /**
   * Writes the dataset in one format, as {@link #write(Dataset, Format, OutputStream)} does; the
   * triple formats are written from {@code union} (made by {@link #union}) when it is given, so
   * that several formats can share one.
   */
  public static void write(Dataset ds, Model union, Format format, OutputStream out)
      throws IOException {
    if (format == Formats.JSONLD) {
      JsonLdWriter.write(ds, JsonLdWriter.context(), out);
    } else if (!format.quads()) {
      write(union != null ? union : union(ds), format, out);
    } else if (format == Formats.NQUADS) {
      try (SortedLines lines = SortedLines.inMemory(true)) {
        DatasetGraph dsg = ds.asDatasetGraph();
        lines.add(dsg.getDefaultGraph(), Quad.defaultGraphIRI);
        dsg.listGraphNodes().forEachRemaining(n -> lines.add(dsg.getGraph(n), n));
        lines.mergeTo(out);
      }
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
      try (SortedLines lines = SortedLines.inMemory(false)) {
        lines.add(m.getGraph(), null);
        lines.mergeTo(out);
      }
    } else {
      RDFWriter.source(m).format(jenaWriter(format)).output(out);
    }
  }

  private static org.apache.jena.riot.RDFFormat jenaWriter(Format format) {
    return format
        .writer()
        .orElseThrow(() -> new IllegalStateException("no Jena writer for " + format));
  }
}
