package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;

/** A linkset counts the link triples from our things into the other dataset, and nothing else. */
class LinksetsTest {

  private static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  private static final String EGOV = "https://laws.e-gov.go.jp/law/345AC0000000048";

  private static Model data() {
    Model m = ModelFactory.createDefaultModel();
    Resource statute = m.createResource(IRIS.base() + "id/law/345AC0000000048");
    statute.addProperty(RDF.type, CKG.Statute);
    statute.addProperty(CKG.eGovLawPage, m.createResource(EGOV));
    statute.addProperty(
        CKG.eGovApiResource,
        m.createResource("https://laws.e-gov.go.jp/api/2/law_data/345AC0000000048"));
    Resource article = m.createResource(statute.getURI() + "/article/13");
    article.addProperty(CKG.eGovLawPage, m.createResource(EGOV + "#Mp-At_13"));
    // Not links: a triple about a thing that is not ours, and a type.
    m.createResource("https://example.org/other").addProperty(RDFS.seeAlso, m.createResource(EGOV));
    statute.addProperty(RDF.type, m.createResource("http://elaws.e-gov.go.jp/SomeClass"));
    return m;
  }

  @Test
  void addTo_eGovLinks_countsLinkTriplesAndTheThingsLinked() {
    Model data = data();
    Linksets.addTo(data.getGraph(), IRIS, data);
    Resource ls = data.createResource(IRIS.linkset("e-gov-law"));
    assertEquals(3, ls.getProperty(VOID.triples).getLong());
    assertEquals(2, ls.getProperty(VOID.distinctSubjects).getLong());
    assertEquals(
        Set.of(CKG.eGovLawPage, CKG.eGovApiResource),
        ls.listProperties(VOID.linkPredicate).mapWith(Statement::getResource).toSet());
    assertEquals(
        "https://laws.e-gov.go.jp/", ls.getPropertyResourceValue(VOID.objectsTarget).getURI());
    assertEquals(IRIS.dataset(), ls.getPropertyResourceValue(VOID.subjectsTarget).getURI());
  }

  @Test
  void addTo_describesTheTargetOnce() {
    Model data = data();
    Linksets.addTo(data.getGraph(), IRIS, data);
    Resource egov = data.createResource("https://laws.e-gov.go.jp/");
    assertEquals(
        Set.of("e-Gov法令検索", "e-Gov law search (Japanese laws and regulations)"),
        egov.listProperties(org.apache.jena.vocabulary.DCTerms.title)
            .mapWith(Statement::getString)
            .toSet());
    assertEquals(4, egov.listProperties(VOID.uriSpace).toList().size());
  }

  @Test
  void addTo_noLinks_noLinkset() {
    Model data = ModelFactory.createDefaultModel();
    data.createResource(IRIS.base() + "id/body/x")
        .addProperty(OWL.sameAs, data.createResource("https://example.org/x"));
    Linksets.addTo(data.getGraph(), IRIS, data);
    assertFalse(data.contains(null, RDF.type, VOID.Linkset));
  }

  @Test
  void addTo_wikidataSameAs_itsOwnLinkset() {
    Model data = ModelFactory.createDefaultModel();
    data.createResource(IRIS.base() + "id/body/cabinet-office")
        .addProperty(OWL.sameAs, data.createResource("http://www.wikidata.org/entity/Q6005"));
    Linksets.addTo(data.getGraph(), IRIS, data);
    Resource ls = data.createResource(IRIS.linkset("wikidata"));
    assertEquals(1, ls.getProperty(VOID.triples).getLong());
    assertFalse(
        data.contains(data.createResource(IRIS.linkset("e-gov-law")), RDF.type, VOID.Linkset));
  }
}
