package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

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

  private static String merged(boolean quads, Model[] graphs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SortedLines lines = SortedLines.create(quads)) {
      for (int i = 0; i < graphs.length; i++) {
        Node name = NodeFactory.createURI(G + i);
        lines.add(graphs[i].getGraph(), name);
      }
      lines.mergeTo(out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quads_sameAsTheDatasetWrittenAtOnce() throws Exception {
    Model[] graphs = graphs();
    Dataset ds = DatasetFactory.create();
    for (int i = 0; i < graphs.length; i++) {
      ds.addNamedModel(G + i, graphs[i]);
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    RdfFiles.write(ds, Formats.NQUADS, whole);
    String expected = whole.toString(StandardCharsets.UTF_8);
    assertEquals(expected, merged(true, graphs));
    assertEquals(4, expected.lines().count());
  }

  @Test
  void triples_theUnionOnce_sameAsTheUnionWrittenAtOnce() throws Exception {
    Model[] graphs = graphs();
    Model union = ModelFactory.createDefaultModel().add(graphs[0]).add(graphs[1]);
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    RdfFiles.write(union, Formats.NTRIPLES, whole);
    String expected = whole.toString(StandardCharsets.UTF_8);
    assertEquals(expected, merged(false, graphs));
    assertEquals(3, expected.lines().count(), "the shared triple once");
  }
}
