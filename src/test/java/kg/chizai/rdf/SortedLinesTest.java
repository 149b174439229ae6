package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * Lines that sort differently as strings (UTF-16) and as UTF-8 bytes: a character beyond U+FFFF
   * (𠮷, a surrogate pair) against fullwidth forms (！ U+FF01, ｱ U+FF71) and a kanji; in one run and
   * across runs; and a line longer than a run file's read buffer.
   */
  private static Model[] astral() {
    Model a = ModelFactory.createDefaultModel();
    Model b = ModelFactory.createDefaultModel();
    Model c = ModelFactory.createDefaultModel();
    Resource x = a.createResource("https://example.org/id/x");
    a.add(x, RDFS.label, "𠮷野家", "ja");
    a.add(x, RDFS.label, "！", "ja");
    b.add(x, RDFS.label, "ｱ", "ja");
    b.add(x, RDFS.label, "知", "ja");
    c.add(x, RDFS.label, "𠮷", "ja");
    c.add(x, RDFS.label, "a", "ja");
    c.add(x, RDFS.comment, "長".repeat(40_000));
    b.add(x, RDFS.comment, "長".repeat(40_000)); // the same long line in two runs
    return new Model[] {a, b, c};
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void astralAndFullwidth_inTheOrderOfStrings(boolean onDisk) throws Exception {
    Model[] graphs = astral();
    Model union = ModelFactory.createDefaultModel();
    for (Model g : graphs) {
      union.add(g);
    }
    String expected = sortedLines(null, union);
    assertEquals(expected, merged(false, graphs, onDisk));
    assertEquals(7, expected.lines().count());
    // In code point order ！ and ｱ would come before 𠮷; as strings they come after it.
    int astral = expected.indexOf("\"𠮷\"");
    assertTrue(astral >= 0 && astral < expected.indexOf("\"！\""), expected);
  }

  @Test
  void utf16Order_agreesWithStringCompareTo() {
    String[] words = {"", "a", "ab", "知", "！", "ｱ", "\uE000", "𠮷", "𠮷a", "😀", "\u007F", "é"};
    for (String x : words) {
      for (String y : words) {
        int expected = Integer.signum(x.compareTo(y));
        int got =
            Integer.signum(
                SortedLines.UTF16_ORDER.compare(
                    x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, got, x + " vs " + y);
      }
    }
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
