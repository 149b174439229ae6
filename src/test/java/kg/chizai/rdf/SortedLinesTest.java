package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The external sort gives the bytes {@link RdfFiles} writes for the whole dataset at once. */
class SortedLinesTest {

  private static final String G = "https://example.org/graph/";

  /** Two graphs sharing a triple, with text that needs escaping and a non-ASCII label. */
  private static Model[] graphs() {
    Model a = ModelFactory.createDefaultModel();
    Model b = ModelFactory.createDefaultModel();
    Resource x = a.createResource("https://example.org/id/x");
    a.add(x, RDFS.label, "知的財産", "ja");
    a.add(x, RDFS.comment, "a \"quoted\"\nline\\");
    b.add(x, RDFS.label, "知的財産", "ja"); // also in a
    b.add(b.createResource("https://example.org/id/a"), RDFS.seeAlso, x);
    return new Model[] {a, b};
  }

  @TempDir Path dir;

  /** The graphs through sorted runs kept on disk (as convert does) or in memory (as RdfFiles). */
  private String merged(boolean quads, Model[] graphs, boolean onDisk) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SortedLines lines =
        onDisk ? SortedLines.create(quads, dir) : SortedLines.inMemory(quads)) {
      for (int i = 0; i < graphs.length; i++) {
        Node name = NodeFactory.createURI(G + i);
        lines.add(graphs[i].getGraph(), name);
      }
      lines.mergeTo(out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void quads_sameAsTheDatasetWrittenAtOnce(boolean onDisk) throws Exception {
    Model[] graphs = graphs();
    Dataset ds = DatasetFactory.create();
    for (int i = 0; i < graphs.length; i++) {
      ds.addNamedModel(G + i, graphs[i]);
    }
    String expected = sortedLines(ds.asDatasetGraph(), null);
    assertEquals(expected, merged(true, graphs, onDisk));
    assertEquals(4, expected.lines().count());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void triples_theUnionOnce_sameAsTheUnionWrittenAtOnce(boolean onDisk) throws Exception {
    Model[] graphs = graphs();
    Model union = ModelFactory.createDefaultModel().add(graphs[0]).add(graphs[1]);
    String expected = sortedLines(null, union);
    assertEquals(expected, merged(false, graphs, onDisk));
    assertEquals(3, expected.lines().count(), "the shared triple once");
  }

  /**
   * What the output must be, made independently of {@link SortedLines}: Jena's own UTF-8 N-Quads or
   * N-Triples writer, its lines sorted.
   */
  private static String sortedLines(DatasetGraph dsg, Model m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (dsg != null) {
      RDFDataMgr.write(bytes, dsg, RDFFormat.NQUADS_UTF8);
    } else {
      RDFDataMgr.write(bytes, m, RDFFormat.NTRIPLES_UTF8);
    }
    return bytes
        .toString(StandardCharsets.UTF_8)
        .lines()
        .sorted()
        .map(l -> l + "\n")
        .collect(java.util.stream.Collectors.joining());
  }

  @Test
  void rdfFiles_writesTheSameSortedLines() throws Exception {
    Model[] graphs = graphs();
    Dataset ds = DatasetFactory.create();
    ds.getDefaultModel().add(graphs[1]); // the default graph's triples have no graph slot
    ds.addNamedModel(G + 0, graphs[0]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfFiles.write(ds, Formats.NQUADS, out);
    assertEquals(sortedLines(ds.asDatasetGraph(), null), out.toString(StandardCharsets.UTF_8));
  }
}
