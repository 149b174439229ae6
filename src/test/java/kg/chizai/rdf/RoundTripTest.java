package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kg.chizai.rdf.Formats.Format;
import kg.chizai.testing.Conversions;
import kg.chizai.testing.Seed;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.util.IsoMatcher;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output format read back by Jena and by RDF4J Rio (an independent parser) gives a graph
 * isomorphic to the one written: for the seed, and for a tiny dataset of awkward literals.
 */
class RoundTripTest {

  static Dataset seed;
  static Dataset awkward;

  /** A second conversion of the seed, of its own (not the shared one). */
  static Dataset again;

  @TempDir static Path dir;

  @BeforeAll
  static void build() {
    seed = Seed.conversion().dataset();
    again = Conversions.of(Seed.SOURCE).dataset();
    awkward = DatasetFactory.createGeneral();
    Model g = awkward.getNamedModel("https://w3id.org/chizai-kg/graph/test");
    Resource r = g.createResource("https://w3id.org/chizai-kg/id/test/awkward");
    r.addProperty(CKG.sourceText, "全角数字２０２５年、波ダッシュ〜、全角チルダ～", "ja");
    r.addProperty(CKG.sourceText, "改行を\n含む\r\n文と\t타브", "ja");
    r.addProperty(CKG.sourceText, "引用符 \"double\" と 'single' と \\ バックスラッシュ と <tag> & amp", "ja");
    r.addProperty(CKG.sourceText, "長い文。".repeat(2000), "ja");
    r.addProperty(CKG.tagText, "内閣府（科技）・【再掲】");
    r.addProperty(CKG.sourceText, "𠮷野家の絵文字🎌と結合文字が\u3099", "ja");
    r.addLiteral(CKG.lineStart, g.createTypedLiteral("1", XSDDatatype.XSDinteger));
    r.addProperty(CKG.programYear, g.createTypedLiteral("2025", XSDDatatype.XSDgYear));
    awkward.addNamedModel("https://w3id.org/chizai-kg/graph/test", g);
  }

  static Stream<Format> formats() {
    return Formats.ALL.stream();
  }

  static Stream<Arguments> cases() {
    return Formats.ALL.stream()
        .flatMap(f -> Stream.of(Arguments.of("seed", f), Arguments.of("awkward", f)));
  }

  private static Dataset data(String name) {
    return name.equals("seed") ? seed : awkward;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void write_readBackByJena_isomorphic(String name, Format format) throws Exception {
    Dataset ds = data(name);
    Path file = dir.resolve(name + format.extension());
    RdfFiles.write(ds, file);
    if (format.quads()) {
      Dataset back = DatasetFactory.create();
      RDFDataMgr.read(back, file.toString());
      assertTrue(
          IsoMatcher.isomorphic(ds.asDatasetGraph(), back.asDatasetGraph()), format + " quads");
    } else {
      Model back = RDFDataMgr.loadModel(file.toString());
      assertTrue(ds.getUnionModel().isIsomorphicWith(back), format + " triples");
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void write_twoConversionsOfTheSeed_byteIdentical(Format format) throws Exception {
    Path a = dir.resolve("first" + format.extension());
    Path b = dir.resolve("second" + format.extension());
    RdfFiles.write(seed, a);
    RdfFiles.write(again, b);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), format.toString());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void write_readBackByRdf4j_isomorphic(String name, Format format) throws Exception {
    Dataset ds = data(name);
    Path file = dir.resolve("rio-" + name + format.extension());
    RdfFiles.write(ds, file);
    org.eclipse.rdf4j.model.Model parsed;
    try (InputStream in = Files.newInputStream(file)) {
      parsed = Rio.parse(in, "", rioFormat(format));
    }
    // The reference: Jena's own N-Quads (or N-Triples) of the same data, parsed by Rio.
    ByteArrayOutputStream ref = new ByteArrayOutputStream();
    if (format.quads()) {
      RDFDataMgr.write(ref, ds, Lang.NQUADS);
    } else {
      RDFDataMgr.write(ref, ds.getUnionModel(), Lang.NTRIPLES);
    }
    org.eclipse.rdf4j.model.Model expected =
        Rio.parse(
            new ByteArrayInputStream(ref.toByteArray()),
            "",
            format.quads() ? RDFFormat.NQUADS : RDFFormat.NTRIPLES);
    assertEquals(expected.size(), parsed.size(), format + " size");
    assertTrue(Models.isomorphic(expected, parsed), format + " isomorphic");
  }

  /** RDF4J's parser for the format, looked up by its media type in RDF4J's own registry. */
  private static RDFFormat rioFormat(Format f) {
    return Rio.getParserFormatForMIMEType(f.mediaType()).orElseThrow();
  }
}
