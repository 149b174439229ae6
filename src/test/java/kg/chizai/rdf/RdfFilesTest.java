package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Umask;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One JSON-LD shape for a file and a page, and files written with normal permissions. */
class RdfFilesTest {

  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Dataset data() {
    Dataset ds = DatasetFactory.createGeneral();
    Model g = ds.getNamedModel(Iris.DEFAULT_BASE + "graph/test");
    Resource r = g.createResource(Iris.DEFAULT_BASE + "id/report/2025-progress/direction/1-1");
    r.addProperty(org.apache.jena.vocabulary.RDF.type, CKG.Direction);
    r.addProperty(CKG.sourceText, "海賊版対策を強化する。", "ja");
    return ds;
  }

  private static JsonNode context() throws Exception {
    return JSON.readTree(JsonLdWriter.contextBytes(JsonLdWriter.context())).get("@context");
  }

  @Test
  void write_jsonLdFile_compactedWithTheOntologysContext() throws Exception {
    Path file = dir.resolve("out.jsonld");
    RdfFiles.write(data(), file);
    JsonNode doc = JSON.readTree(file.toFile());
    assertEquals(context(), doc.get("@context"));
    // Terms of the context, not prefixed names: sourceText is a @ja term.
    String text = Files.readString(file);
    assertTrue(text.contains("\"sourceText\": \"海賊版対策を強化する。\""), text);
    Dataset back = DatasetFactory.create();
    RDFDataMgr.read(back, file.toString());
    assertTrue(
        org.apache.jena.sparql.util.IsoMatcher.isomorphic(
            data().asDatasetGraph(), back.asDatasetGraph()));
  }

  @Test
  void write_jsonLdOfOneGraph_sameContextAsAFile() throws Exception {
    Model m = data().getUnionModel();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RdfFiles.write(m, Formats.JSONLD, out);
    JsonNode doc = JSON.readTree(out.toByteArray());
    assertEquals(context(), doc.get("@context"));
    Model back = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        back,
        new java.io.ByteArrayInputStream(out.toByteArray()),
        org.apache.jena.riot.Lang.JSONLD);
    assertTrue(back.isIsomorphicWith(m));
  }

  @Test
  void write_quadFormatForOneGraph_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RdfFiles.write(data().getUnionModel(), Formats.NQUADS, new ByteArrayOutputStream()));
  }

  @Test
  void write_file_getsTheModeOfAnyNewFile() throws Exception {
    Set<PosixFilePermission> normal = Umask.newFileMode(dir);
    for (Formats.Format f : Formats.ALL) {
      Path file = dir.resolve("out" + f.extension());
      RdfFiles.write(data(), file);
      assertEquals(normal, Files.getPosixFilePermissions(file), f.toString());
    }
  }

  @Test
  void write_unknownExtension_usageErrorNamingTheExtensions() {
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> RdfFiles.write(data(), dir.resolve("out.txt")));
    assertEquals(ExitCode.USAGE, e.kind());
    assertTrue(e.getMessage().contains(Formats.extensions()), e.getMessage());
  }
}
