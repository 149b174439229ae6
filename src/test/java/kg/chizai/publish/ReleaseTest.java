package kg.chizai.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Sha256;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Formats;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.RdfFiles;
import kg.chizai.testing.Lazy;
import kg.chizai.testing.Seed;
import kg.chizai.validate.Validation;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A release of the seed: every file is there, reproducible to the byte, checksummed, free of blank
 * nodes, and every dump reads back, by Jena, RDF4J Rio and rdflib, as the data it was written from.
 */
class ReleaseTest {

  static final Path SEED = Seed.SOURCE;
  static final Iris IRIS = Seed.IRIS;

  static Conversion conversion;
  static Release release;
  @TempDir static Path tmp;
  static Path dist;

  @BeforeAll
  static void publishSeed() {
    conversion = Seed.conversion();
    release = Seed.release();
    dist = Seed.releaseDirectory();
  }

  static byte[] read(String name) throws Exception {
    return Files.readAllBytes(dist.resolve(name));
  }

  static byte[] gunzip(byte[] gz) throws Exception {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /** The data as Jena reads it back from a dump: a dataset for quad formats, else a graph. */
  static Dataset readBack(Dump d) throws Exception {
    byte[] bytes = read(d.fileName());
    if (d.gzip()) {
      bytes = gunzip(bytes);
    }
    Dataset ds = DatasetFactory.create();
    RDFParser.create().source(new ByteArrayInputStream(bytes)).lang(d.format().lang()).parse(ds);
    return ds;
  }

  // ------------------------------------------------------------------ files

  @Test
  void release_writesEveryFile() throws Exception {
    Set<String> names = new TreeSet<>();
    Path real = dist.toRealPath();
    try (Stream<Path> s = Files.walk(real)) {
      s.filter(Files::isRegularFile).forEach(p -> names.add(real.relativize(p).toString()));
    }
    Set<String> expected = new TreeSet<>();
    Dump.ALL.forEach(d -> expected.add(d.fileName()));
    expected.addAll(
        List.of(
            Release.CONTEXT,
            Release.DESCRIPTION,
            Release.SHA256SUMS,
            Release.ONTOLOGY,
            Release.SHAPES));
    assertEquals(expected, names);
    assertEquals(names, release.files().keySet());
  }

  @Test
  void release_twice_byteIdenticalFiles() throws Exception {
    // Built again from the same validated data: nothing in the build may vary (a clock, a hash
    // order). The whole way from the text is repeated by PublishCommandsTest, in this JVM (the
    // publish command against this release) and in another.
    Path again = tmp.resolve("again");
    Release.build(Seed.validation(), IRIS, Release.Options.defaults()).writeTo(again);
    for (String name : release.files().keySet()) {
      assertArrayEquals(read(name), Files.readAllBytes(again.resolve(name)), name);
    }
    try (Stream<Path> s = Files.walk(again.toRealPath())) {
      assertEquals(release.files().size(), s.filter(Files::isRegularFile).count());
    }
  }

  @Test
  void release_ontologyFiles_copiedByteForByte() throws Exception {
    assertArrayEquals(Files.readAllBytes(Path.of("ontology/chizai.ttl")), read(Release.ONTOLOGY));
    assertArrayEquals(Files.readAllBytes(Path.of("ontology/shapes.ttl")), read(Release.SHAPES));
  }

  @Test
  void sha256sums_listEveryOtherFileWithItsDigest() throws Exception {
    List<String> lines =
        List.of(new String(read(Release.SHA256SUMS), StandardCharsets.UTF_8).split("\n"));
    Set<String> listed = new TreeSet<>();
    for (String line : lines) {
      String[] parts = line.split("  ", 2);
      assertEquals(Sha256.hex(read(parts[1])), parts[0], parts[1]);
      listed.add(parts[1]);
    }
    Set<String> expected = new TreeSet<>(release.files().keySet());
    expected.remove(Release.SHA256SUMS);
    assertEquals(expected, listed);
    assertEquals(new ArrayList<>(listed), lines.stream().map(l -> l.split("  ", 2)[1]).toList());
  }

  @Test
  void files_datedFromTheSourcesNotTheClock() throws Exception {
    Instant expected = Instant.parse("2026-04-01T00:00:00Z");
    assertEquals(expected, release.time());
    for (String name : release.files().keySet()) {
      assertEquals(expected, Files.getLastModifiedTime(dist.resolve(name)).toInstant(), name);
    }
  }

  @Test
  void ntriplesGz_fixedGzipHeaderAndSortedLines() throws Exception {
    long triples = conversion.dataset().getUnionModel().size();
    long quads = Iter.count(conversion.dataset().asDatasetGraph().find());
    assertTrue(quads >= triples && triples > 4000, quads + " quads, " + triples + " triples");
    assertEquals(triples, release.triples());
    for (Dump d : List.of(Dump.NTRIPLES_GZ, Dump.NQUADS_GZ)) {
      byte[] gz = read(d.fileName());
      assertEquals(0x1f, gz[0] & 0xff);
      assertEquals(0x8b, gz[1] & 0xff);
      assertEquals(0, gz[3], "FLG: no file name, no comment, no extra field");
      assertArrayEquals(new byte[4], Arrays.copyOfRange(gz, 4, 8), "MTIME 0");
      assertEquals(0xff, gz[9] & 0xff, "OS unknown");
      String text = new String(gunzip(gz), StandardCharsets.UTF_8);
      List<String> lines = List.of(text.split("\n"));
      List<String> sorted = new ArrayList<>(lines);
      sorted.sort(null);
      assertEquals(sorted, lines, d + " sorted");
      assertEquals(d == Dump.NTRIPLES_GZ ? triples : quads, lines.size(), d + " line count");
    }
  }

  @Test
  void gzip_sameBytesIn_sameBytesOut() throws Exception {
    byte[] data = "知財 ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    byte[] a = Gzip.compress(data);
    assertArrayEquals(a, Gzip.compress(data));
    assertArrayEquals(data, gunzip(a));
  }

  // ------------------------------------------------------------------ read back by three stacks

  @ParameterizedTest
  @MethodSource("dumps")
  void dump_readBackByJena_isomorphicAndBlankNodeFree(Dump d) throws Exception {
    Dataset back = readBack(d);
    if (d.quads()) {
      assertTrue(
          IsoMatcher.isomorphic(conversion.dataset().asDatasetGraph(), back.asDatasetGraph()),
          d + " quads");
    } else {
      assertTrue(
          conversion.dataset().getUnionModel().isIsomorphicWith(back.getDefaultModel()),
          d.toString());
    }
    back.asDatasetGraph()
        .find()
        .forEachRemaining(
            q -> {
              assertFalse(q.getSubject().isBlank(), d + ": " + q);
              assertFalse(q.getObject().isBlank(), d + ": " + q);
            });
  }

  @ParameterizedTest
  @MethodSource("dumps")
  void dump_readBackByRdf4j_isomorphic(Dump d) throws Exception {
    byte[] bytes = read(d.fileName());
    if (d.gzip()) {
      bytes = gunzip(bytes);
    }
    org.eclipse.rdf4j.model.Model parsed =
        Rio.parse(new ByteArrayInputStream(bytes), "", rioFormat(d));
    ByteArrayOutputStream ref = new ByteArrayOutputStream();
    if (d.quads()) {
      RDFDataMgr.write(ref, conversion.dataset(), Lang.NQUADS);
    } else {
      RDFDataMgr.write(ref, conversion.dataset().getUnionModel(), Lang.NTRIPLES);
    }
    org.eclipse.rdf4j.model.Model expected =
        Rio.parse(
            new ByteArrayInputStream(ref.toByteArray()),
            "",
            d.quads() ? RDFFormat.NQUADS : RDFFormat.NTRIPLES);
    assertEquals(expected.size(), parsed.size(), d + " size");
    assertTrue(Models.isomorphic(expected, parsed), d + " isomorphic");
  }

  @ParameterizedTest
  @MethodSource("dumps")
  void dump_readBackByRdflib_isomorphic(Dump d) throws Exception {
    assumeTrue(
        Rdflib.available(), "/usr/bin/python3 has no rdflib (apt-get install python3-rdflib)");
    Rdflib.Result r = RDFLIB.get().get(dist.resolve(d.fileName()));
    assertTrue(r.isomorphic(), d + ": " + r.output());
  }

  @Test
  void description_readBackByRdflibAndRdf4j() throws Exception {
    Model described = RDFDataMgr.loadModel(dist.resolve(Release.DESCRIPTION).toString());
    assertTrue(described.isIsomorphicWith(release.description()));
    try (InputStream in = Files.newInputStream(dist.resolve(Release.DESCRIPTION))) {
      assertEquals(described.size(), Rio.parse(in, "", RDFFormat.TURTLE).size());
    }
    assumeTrue(Rdflib.available(), "/usr/bin/python3 has no rdflib");
    Rdflib.Result r = RDFLIB.get().get(dist.resolve(Release.DESCRIPTION));
    assertTrue(r.isomorphic(), r.output());
  }

  /**
   * rdflib's reading of every dump and of the description, against Jena's N-Triples or N-Quads of
   * the data they were written from: one python process for all of them, run on first use.
   */
  static final Lazy<Map<Path, Rdflib.Result>> RDFLIB =
      new Lazy<>("rdflib's reading of the release", ReleaseTest::readByRdflib);

  private static Map<Path, Rdflib.Result> readByRdflib() {
    try {
      Path triples = tmp.resolve("reference.nt");
      Path quads = tmp.resolve("reference.nq");
      Path description = tmp.resolve("description.nt");
      try (var out = Files.newOutputStream(triples)) {
        RDFDataMgr.write(out, conversion.dataset().getUnionModel(), Lang.NTRIPLES);
      }
      try (var out = Files.newOutputStream(quads)) {
        RDFDataMgr.write(out, conversion.dataset(), Lang.NQUADS);
      }
      try (var out = Files.newOutputStream(description)) {
        RDFDataMgr.write(out, release.description(), Lang.NTRIPLES);
      }
      List<Rdflib.Check> checks = new ArrayList<>();
      for (Dump d : Dump.ALL) {
        checks.add(
            new Rdflib.Check(
                dist.resolve(d.fileName()),
                Rdflib.format(d),
                d.quads() ? quads : triples,
                d.quads() ? "nquads" : "nt"));
      }
      checks.add(new Rdflib.Check(dist.resolve(Release.DESCRIPTION), "turtle", description, "nt"));
      return Rdflib.isomorphic(checks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void jsonld_contextInlineIsTheContextFile() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var dump = mapper.readTree(read(Dump.STEM + Formats.JSONLD.extension()));
    var context = mapper.readTree(read(Release.CONTEXT));
    assertEquals(context.get("@context"), dump.get("@context"));
    assertEquals("@context", dump.fieldNames().next(), "context first");
    assertTrue(context.get("@context").has("sourceText"));
    assertEquals("ja", context.get("@context").get("sourceText").get("@language").asText());
    assertEquals("@id", context.get("@context").get("addresses").get("@type").asText());
  }

  @Test
  void jsonld_contextHasATermForEveryOntologyTerm() throws Exception {
    var context =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(read(Release.CONTEXT))
            .get("@context");
    Model ontology = RDFDataMgr.loadModel("ontology/chizai.ttl");
    List<String> missing = new ArrayList<>();
    for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
      for (Resource term : ontology.listSubjectsWithProperty(RDF.type, type).toList()) {
        String name = term.getURI().substring(CKG.NS.length());
        if (!context.has(name)) {
          missing.add(name);
        }
      }
    }
    assertTrue(missing.isEmpty(), missing.toString());
  }

  // ------------------------------------------------------------------ refusal and replacing

  @Test
  void build_nonConformingData_refusedWithEveryViolationAndNothingWritten() {
    Conversion c = Seed.copy();
    Model report = c.dataset().getNamedModel(IRIS.base() + "graph/report/2025-progress");
    Resource direction =
        report.createResource(IRIS.base() + "id/report/2025-progress/direction/10-1");
    report.removeAll(direction, CKG.sourceText, null);
    Path out = tmp.resolve("refused");
    ChizaiException e =
        assertThrows(
            ChizaiException.class,
            () ->
                Release.build(
                        Validation.of(c.reports(), c.dataset()), IRIS, Release.Options.defaults())
                    .writeTo(out));
    assertEquals(ExitCode.INVALID, e.kind());
    assertTrue(
        e.getMessage().contains("<" + direction.getURI() + "> ckg:sourceText: has exactly one"),
        e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void writeTo_twice_theTargetLinksTheNewReleaseAndNothingElseIsLeft() throws Exception {
    Path parent = Files.createDirectory(tmp.resolve("replace"));
    Path out = parent.resolve("dist");
    release.writeTo(out);
    Release.Written again = release.writeTo(out);
    assertTrue(Files.isSymbolicLink(out));
    assertEquals(out.toRealPath(), again.directory().toRealPath());
    try (Stream<Path> s = Files.list(parent)) {
      assertEquals(
          Set.of("dist", ".dist.releases"),
          s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
    for (String name : release.files().keySet()) {
      assertArrayEquals(release.files().get(name), Files.readAllBytes(out.resolve(name)), name);
    }
  }

  /** {@code convert -o x.<ext>} and the release's dump of that format are the same bytes. */
  @ParameterizedTest
  @MethodSource("dumps")
  void dump_sameBytesAsAConvertedFileOfItsFormat(Dump d) throws Exception {
    Path file = tmp.resolve("converted" + d.format().extension());
    RdfFiles.write(conversion.dataset(), file);
    byte[] dump = read(d.fileName());
    assertArrayEquals(d.gzip() ? gunzip(dump) : dump, Files.readAllBytes(file), d.toString());
  }

  @Test
  void sourceDateEpoch_datesTheReleaseAndItsVersion() throws Exception {
    Release r =
        Release.build(
            Seed.validation(),
            IRIS,
            Release.Options.defaults()
                .withSourceDateEpoch(
                    Release.Options.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "1780000000"))));
    assertEquals(Instant.ofEpochSecond(1780000000), r.time());
    assertEquals("2026-05-28", r.version());
    assertTrue(
        new String(r.files().get(Release.DESCRIPTION), StandardCharsets.UTF_8)
            .contains("dcterms:issued \"2026-05-28\"^^xsd:date"));
  }

  @Test
  void sourceDateEpoch_notANumber_usageError() {
    ChizaiException e =
        assertThrows(
            ChizaiException.class,
            () -> Release.Options.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "yesterday")));
    assertEquals(2, e.exitCode());
  }

  @Test
  void version_unsafe_usageError() {
    ChizaiException e =
        assertThrows(
            ChizaiException.class,
            () ->
                Release.build(
                    Seed.validation(), IRIS, Release.Options.defaults().withVersion("2026/04")));
    assertEquals(2, e.exitCode());
  }

  static Stream<Dump> dumps() {
    return Dump.ALL.stream();
  }

  /** RDF4J's parser for a dump, looked up by its media type in RDF4J's own registry. */
  static RDFFormat rioFormat(Dump d) {
    return Rio.getParserFormatForMIMEType(d.format().mediaType()).orElseThrow();
  }
}
