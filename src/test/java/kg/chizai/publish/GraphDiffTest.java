package kg.chizai.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.publish.GraphDiff.ClassChange;
import kg.chizai.rdf.CKG;
import kg.chizai.testing.Seed;
import kg.chizai.validate.Validation;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs: triples added and removed, things added, removed and changed by class. */
class GraphDiffTest {

  static final String PREFIXES =
      "@prefix ckg: <https://w3id.org/chizai-kg/def#> .\n"
          + "@prefix : <https://w3id.org/chizai-kg/id/report/2099-progress/> .\n";

  @TempDir Path tmp;

  static Graph turtle(String text) {
    Model m = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader(PREFIXES + text)).lang(Lang.TURTLE).parse(m);
    return m.getGraph();
  }

  @Test
  void compare_sameGraph_noChange() {
    Graph g = turtle(":d1 a ckg:Direction ; ckg:ordinal 1 .");
    GraphDiff d = GraphDiff.compare(g, turtle(":d1 a ckg:Direction ; ckg:ordinal 1 ."));
    assertTrue(d.isEmpty());
    assertEquals(List.of(), d.byClass());
    assertEquals("0 triples added, 0 triples removed\n", d.summary());
  }

  @Test
  void compare_countsThingsAddedRemovedAndChangedByClass() {
    Graph older =
        turtle(
            """
            :d1 a ckg:Direction ; ckg:ordinal 1 .
            :d2 a ckg:Direction ; ckg:ordinal 2 .
            :e1 a ckg:ProgressEntry ; ckg:tagText "文化庁" .
            :x ckg:ordinal 9 .
            """);
    Graph newer =
        turtle(
            """
            :d1 a ckg:Direction ; ckg:ordinal 1 .
            :e1 a ckg:ProgressEntry ; ckg:tagText "文化庁・総務省" .
            :e2 a ckg:ProgressEntry ; ckg:tagText "総務省" .
            :x ckg:ordinal 10 .
            """);
    GraphDiff d = GraphDiff.compare(older, newer);
    assertEquals(4, d.addedCount(), new String(d.addedNTriples(), StandardCharsets.UTF_8));
    assertEquals(4, d.removedCount(), new String(d.removedNTriples(), StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            new ClassChange(GraphDiff.UNTYPED, 0, 0, 1, 1, 1),
            new ClassChange("ckg:Direction", 0, 1, 0, 0, 2),
            new ClassChange("ckg:ProgressEntry", 1, 0, 1, 3, 1)),
        d.byClass());
    String summary = d.summary();
    assertTrue(summary.startsWith("4 triples added, 4 triples removed\n"), summary);
    assertTrue(summary.matches("(?s).*ckg:ProgressEntry +1 +0 +1 +3 +1\n.*"), summary);
  }

  @Test
  void compare_ntriplesSortedAndParseable() {
    GraphDiff d =
        GraphDiff.compare(
            turtle(":b ckg:ordinal 2 ."), turtle(":b ckg:ordinal 3 . :a ckg:ordinal 1 ."));
    String added = new String(d.addedNTriples(), StandardCharsets.UTF_8);
    assertEquals(
        "<https://w3id.org/chizai-kg/id/report/2099-progress/a> <https://w3id.org/chizai-kg/def#ordinal>"
            + " \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            + "<https://w3id.org/chizai-kg/id/report/2099-progress/b> <https://w3id.org/chizai-kg/def#ordinal>"
            + " \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
        added);
    Model m = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader(added)).lang(Lang.NTRIPLES).parse(m);
    assertEquals(2, m.size());
  }

  @Test
  void publish_withPrevious_shipsTheDiffAndNamesThePreviousVersion() throws Exception {
    // The "previous" release: the seed without one progress entry and with one stale triple.
    Conversion old = Seed.copy();
    Model g = old.dataset().getNamedModel(Seed.IRIS.base() + "graph/report/2025-progress");
    // An entry with no items that nothing points at: the rest still conforms without it.
    Resource entry =
        g
            .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, CKG.ProgressEntry)
            .toList()
            .stream()
            .filter(e -> !e.hasProperty(CKG.hasItem) && !g.contains(null, null, e))
            .min((a, b) -> a.getURI().compareTo(b.getURI()))
            .orElseThrow();
    long entryTriples =
        g.listStatements(entry, null, (org.apache.jena.rdf.model.RDFNode) null).toList().size();
    g.removeAll(entry, null, null);
    Resource program = g.createResource(Seed.IRIS.program(2025));
    program.addProperty(org.apache.jena.vocabulary.RDFS.comment, "stale");
    Path previous = tmp.resolve("previous");
    Release.build(
            Validation.of(old.reports(), old.dataset()),
            Seed.IRIS,
            Release.Options.defaults().withVersion("2025-12"))
        .writeTo(previous);

    Release r =
        Release.build(
            Seed.validation(), Seed.IRIS, Release.Options.defaults().withPrevious(previous));
    GraphDiff d = r.diff().orElseThrow();
    // The entry's triples come back; the stale triple goes.
    assertEquals(entryTriples, d.addedCount());
    assertEquals(1, d.removedCount());
    assertTrue(r.files().containsKey(Release.DIFF_ADDED));
    assertTrue(r.files().containsKey(Release.DIFF_REMOVED));
    String summary = new String(r.files().get(Release.DIFF_SUMMARY), StandardCharsets.UTF_8);
    assertTrue(summary.startsWith("# 2025-12 -> 2026-04\n"), summary);
    assertTrue(summary.contains("ckg:ProgressEntry"), summary);

    Model desc = r.description();
    Resource rel = desc.createResource(r.iri());
    assertEquals(
        Seed.IRIS.release("2025-12"),
        rel.getPropertyResourceValue(Vocab.Dcat3.previousVersion).getURI());
    String notes = rel.getProperty(Vocab.Adms.versionNotes).getString();
    assertTrue(
        notes.startsWith(
            "Compared with release 2025-12: " + entryTriples + " triples added, 1 removed."),
        notes);

    Path out = tmp.resolve("current");
    r.writeTo(out);
    assertEquals(
        new String(d.addedNTriples(), StandardCharsets.UTF_8),
        Files.readString(out.resolve(Release.DIFF_ADDED)));
    assertTrue(Files.readString(out.resolve(Release.SHA256SUMS)).contains("  diff/summary.txt\n"));
    Model added =
        org.apache.jena.riot.RDFDataMgr.loadModel(out.resolve(Release.DIFF_ADDED).toString());
    assertEquals(d.addedCount(), added.size());
    assertTrue(Files.readString(out.resolve(Release.DIFF_REMOVED)).contains("\"stale\""));
    assertTrue(
        d.byClass().stream().anyMatch(c -> c.type().equals("ckg:ProgressEntry") && c.added() == 1));
  }

  @Test
  void dumps_readReleaseDirectoryWithItsVersion() throws Exception {
    Path dir = Seed.releaseDirectory();
    Conversion c = Seed.conversion();
    Dumps.Loaded l = Dumps.read(dir);
    assertEquals(Optional.of("2026-04"), l.version());
    assertEquals(Optional.of(Seed.IRIS.release("2026-04")), l.iri());
    assertTrue(GraphDiff.compare(l.data(), c.dataset()).isEmpty());
    Dumps.Loaded nt = Dumps.read(dir.resolve(Dump.NTRIPLES_GZ.fileName()));
    assertTrue(GraphDiff.compare(nt.data(), c.dataset()).isEmpty());
  }
}
