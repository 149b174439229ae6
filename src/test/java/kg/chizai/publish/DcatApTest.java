package kg.chizai.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import kg.chizai.testing.Seed;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A data portal accepts the release's description: {@code dataset.ttl} conforms to DCAT-AP 3's own
 * SHACL shapes (SEMIC's {@code dcat-ap-SHACL.ttl}, in {@code src/test/resources/dcat-ap/}) with no
 * violation. The shapes are checked over the description's RDFS closure (every IRI is an {@code
 * rdfs:Resource}), as a portal's validator does with its vocabularies loaded.
 */
class DcatApTest {

  static Model description;
  static Shapes shapes;

  @BeforeAll
  static void describeSeed() throws Exception {
    Release r = Seed.release();
    description = ModelFactory.createDefaultModel();
    RDFParser.fromString(
            new String(r.files().get(Release.DESCRIPTION), java.nio.charset.StandardCharsets.UTF_8),
            Lang.TURTLE)
        .parse(description);
    try (InputStream in =
        DcatApTest.class.getResourceAsStream("/dcat-ap/dcat-ap-3.0.0-SHACL.ttl")) {
      Model m = ModelFactory.createDefaultModel();
      RDFParser.source(in).lang(Lang.TURTLE).parse(m);
      shapes = Shapes.parse(m.getGraph());
    }
  }

  static ValidationReport validate(Model m) {
    org.apache.jena.reasoner.Reasoner rdfs =
        org.apache.jena.reasoner.ReasonerRegistry.getRDFSReasoner();
    rdfs.setParameter(org.apache.jena.vocabulary.ReasonerVocabulary.PROPsetRDFSLevel, "full");
    Graph closure = ModelFactory.createInfModel(rdfs, m).getGraph();
    return ShaclValidator.get().validate(shapes, closure);
  }

  static List<String> violations(ValidationReport report) {
    return report.getEntries().stream()
        .filter(e -> e.severity() == Severity.Violation)
        .map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message())
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void description_conformsToDcatAp3_noViolation() {
    List<String> v = violations(validate(description));
    assertEquals(List.of(), v, String.join("\n", v));
  }

  @Test
  void shapes_catchABrokenDescription() {
    // The shapes are live: a distribution without its access URL and a dataset without a title
    // are violations.
    Model broken = ModelFactory.createDefaultModel().add(description);
    Resource dist = broken.listSubjectsWithProperty(RDF.type, DCAT.Distribution).next();
    broken.removeAll(dist, DCAT.accessURL, null);
    Resource ds = broken.listSubjectsWithProperty(Vocab.Dcat3.version).next();
    broken.removeAll(ds, DCTerms.title, null);
    List<String> v = violations(validate(broken));
    assertTrue(v.stream().anyMatch(s -> s.contains("accessURL")), String.join("\n", v));
    assertTrue(v.stream().anyMatch(s -> s.contains("title")), String.join("\n", v));
  }

  @Test
  void description_contactTemporalPublisherAndOntologyDistributions() {
    Resource release = description.listSubjectsWithProperty(Vocab.Dcat3.version).next();
    Resource contact = release.getPropertyResourceValue(DCAT.contactPoint);
    assertNotNull(contact, "dcat:contactPoint");
    assertTrue(contact.hasProperty(description.createProperty(Vocab.Vcard.NS, "hasURL")));
    Resource period = release.getPropertyResourceValue(DCTerms.temporal);
    assertTrue(period.hasProperty(RDF.type, DCTerms.PeriodOfTime));
    assertTrue(
        period
                .getProperty(DCAT.startDate)
                .getString()
                .compareTo(period.getProperty(DCAT.endDate).getString())
            <= 0);
    Resource publisher = release.getPropertyResourceValue(DCTerms.publisher);
    assertTrue(publisher.hasProperty(RDF.type, FOAF.Organization));
    assertNotNull(publisher.getPropertyResourceValue(FOAF.homepage));
    List<Resource> standards =
        release.listProperties(DCTerms.conformsTo).mapWith(s -> s.getResource()).toList();
    assertFalse(standards.isEmpty());
    for (Resource s : standards) {
      for (Resource dist :
          s.listProperties(DCAT.distribution).mapWith(x -> x.getResource()).toList()) {
        assertTrue(dist.hasProperty(DCTerms.title), dist.getURI());
        assertTrue(dist.hasProperty(DCTerms.license), dist.getURI());
        assertTrue(dist.hasProperty(DCTerms.conformsTo), dist.getURI());
      }
    }
  }
}
