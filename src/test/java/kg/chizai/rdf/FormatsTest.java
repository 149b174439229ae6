package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kg.chizai.rdf.Formats.Format;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.junit.jupiter.api.Test;

/** The formats are Jena's languages: names, extensions and media types come from its registry. */
class FormatsTest {

  @Test
  void all_extensionAndMediaTypeNameTheSameJenaLanguage() {
    for (Format f : Formats.ALL) {
      assertEquals(f.lang(), RDFLanguages.fileExtToLang(f.key()), f.toString());
      assertEquals(f.lang(), RDFLanguages.contentTypeToLang(f.mediaType()), f.toString());
      f.writer().ifPresent(w -> assertEquals(f.lang(), w.getLang(), f.toString()));
    }
  }

  @Test
  void all_theSixFormatsInTheirOrder() {
    assertEquals(
        List.of(".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"),
        Formats.ALL.stream().map(Format::extension).toList());
    assertEquals(".ttl, .nt, .nq, .trig, .jsonld, .rdf", Formats.extensions());
  }

  @Test
  void quads_namedGraphsKeptByNQuadsTrigAndJsonLd() {
    assertEquals(
        List.of(Formats.NQUADS, Formats.TRIG, Formats.JSONLD),
        Formats.ALL.stream().filter(Format::quads).toList());
    assertEquals(
        List.of(Formats.TURTLE, Formats.NTRIPLES, Formats.JSONLD, Formats.RDFXML),
        Formats.ALL.stream().filter(Format::triples).toList());
  }

  @Test
  void jsonLd_writtenByOurWriterNotJenas() {
    assertEquals(Optional.empty(), Formats.JSONLD.writer());
    assertEquals(Lang.JSONLD, Formats.JSONLD.lang());
    assertEquals("application/ld+json", Formats.JSONLD.mediaType());
  }

  @Test
  void lookups_byPathKeyAndMediaType() {
    assertEquals(Optional.of(Formats.TURTLE), Formats.forPath(Path.of("dir/OUT.TTL")));
    assertEquals(Optional.of(Formats.RDFXML), Formats.forKey("rdf"));
    assertEquals(Optional.of(Formats.NQUADS), Formats.forMediaType("application/n-quads"));
    assertFalse(Formats.forPath(Path.of("out.txt")).isPresent());
    assertFalse(Formats.forKey("html").isPresent());
  }

  @Test
  void w3cFormat_iris() {
    assertEquals("http://www.w3.org/ns/formats/RDF_XML", Formats.RDFXML.w3cFormat());
    assertEquals("http://www.w3.org/ns/formats/N-Triples", Formats.NTRIPLES.w3cFormat());
    assertTrue(Formats.JSONLD.w3cFormat().endsWith("/JSON-LD"));
  }
}
