package kg.chizai.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import kg.chizai.validate.Validation;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DCAT/VoID description of the seed's release says what the data and the files say: every
 * number is recomputed here from the data or the bytes, never written down.
 */
class DescriptionTest {

  static final Path SEED = Seed.SOURCE;
  static final Iris IRIS = Seed.IRIS;

  static Conversion conversion;
  static Release release;
  static Model d;
  static Resource rel;
  static Graph union;

  @BeforeAll
  static void describeSeed() {
    conversion = Seed.conversion();
    release = Seed.release();
    d = release.description();
    rel = d.createResource(release.iri());
    union = GraphDiff.union(conversion.dataset());
  }

  static Set<String> langs(Resource r, org.apache.jena.rdf.model.Property p) {
    Set<String> out = new HashSet<>();
    r.listProperties(p).forEach(s -> out.add(s.getLiteral().getLanguage()));
    return out;
  }

  static long integer(Resource r, org.apache.jena.rdf.model.Property p) {
    Statement s = r.getProperty(p);
    assertNotNull(s, r + " has no " + p);
    return s.getLiteral().getLong();
  }

  @Test
  void release_titledAndDescribedInJapaneseAndEnglish() {
    assertTrue(rel.hasProperty(RDF.type, DCAT.Dataset));
    assertTrue(rel.hasProperty(RDF.type, VOID.Dataset));
    assertEquals(Set.of("ja", "en"), langs(rel, DCTerms.title));
    assertEquals(Set.of("ja", "en"), langs(rel, DCTerms.description));
    String en = rel.getProperty(DCTerms.description, "en").getString();
    long directions = entities(CKG.Direction);
    assertTrue(en.contains(directions + " plan directions"), en);
  }

  @Test
  void release_versionIssuedPublisherLicenceAndCredit() {
    assertEquals(
        "2026-04",
        rel.getProperty(
                org.apache.jena.rdf.model.ResourceFactory.createProperty(DCAT.NS, "version"))
            .getString());
    Literal issued = rel.getProperty(DCTerms.issued).getLiteral();
    assertEquals("2026-04", issued.getLexicalForm());
    assertEquals(XSD.gYearMonth.getURI(), issued.getDatatypeURI());
    Resource publisher = rel.getPropertyResourceValue(DCTerms.publisher);
    assertTrue(publisher.hasProperty(RDF.type, FOAF.Agent));
    assertTrue(publisher.hasProperty(FOAF.name));
    assertEquals(Description.LICENSE, rel.getPropertyResourceValue(DCTerms.license).getURI());
    String credit = rel.getProperty(DCTerms.bibliographicCitation).getString();
    assertTrue(credit.startsWith("出典：内閣府知的財産戦略推進事務局「「知的財産推進計画2025」の進捗状況」（令和8年4月）"), credit);
    Resource rights = rel.getPropertyResourceValue(DCTerms.rights);
    assertTrue(rights.getProperty(RDFS.label, "ja").getString().contains("政府標準利用規約（第2.0版）"));
    assertTrue(rights.getProperty(RDFS.label, "en").getString().contains("CC BY 4.0"));
  }

  @Test
  void release_sourceReportsWithTheirSha256() throws Exception {
    String sha = Checksums.sha256(Files.readAllBytes(SEED));
    List<Resource> sources =
        rel.listProperties(DCTerms.source).mapWith(Statement::getResource).toList();
    assertEquals(1, sources.size());
    Resource report = sources.get(0);
    assertEquals(sha, report.getProperty(CKG.sourceSha256).getString());
    Resource checksum = report.getPropertyResourceValue(Vocab.Spdx.checksum);
    assertEquals(sha, checksum.getProperty(Vocab.Spdx.checksumValue).getString());
    assertEquals(SEED.getFileName().toString(), report.getProperty(CKG.sourceFile).getString());
  }

  @Test
  void release_conformsToTheOntologyVersionAndTheShapes() {
    Model ontology = RDFDataMgr.loadModel("ontology/chizai.ttl");
    String versionIri = ontology.listObjectsOfProperty(OWL.versionIRI).next().asResource().getURI();
    Set<String> conforms = new HashSet<>();
    rel.listProperties(DCTerms.conformsTo).forEach(s -> conforms.add(s.getResource().getURI()));
    assertTrue(conforms.contains(versionIri), conforms.toString());
    assertTrue(conforms.contains("https://w3id.org/chizai-kg/def/shapes"), conforms.toString());
  }

  @Test
  void release_sparqlEndpointAndDumpLinks() {
    assertEquals(IRIS.sparqlEndpoint(), rel.getPropertyResourceValue(VOID.sparqlEndpoint).getURI());
    Resource service = d.createResource(IRIS.sparqlService());
    assertEquals(
        IRIS.sparqlEndpoint(), service.getPropertyResourceValue(DCAT.endpointURL).getURI());
    assertTrue(service.hasProperty(DCAT.servesDataset, rel));
    Set<String> dumps = new HashSet<>();
    rel.listProperties(VOID.dataDump).forEach(s -> dumps.add(s.getResource().getURI()));
    for (Dump dump : Dump.values()) {
      assertTrue(dumps.contains(IRIS.downloads("2026-04") + dump.fileName()), dump.toString());
    }
  }

  @Test
  void distribution_perDumpWithMediaTypeSizeAndChecksumOfTheBytes() {
    List<Resource> distributions =
        rel.listProperties(DCAT.distribution).mapWith(Statement::getResource).toList();
    assertEquals(Dump.values().length, distributions.size());
    for (Dump dump : Dump.values()) {
      Resource dist =
          distributions.stream()
              .filter(
                  r ->
                      r.getPropertyResourceValue(DCAT.downloadURL)
                          .getURI()
                          .endsWith("/" + dump.fileName()))
              .findFirst()
              .orElseThrow();
      byte[] bytes = release.files().get(dump.fileName());
      assertEquals(bytes.length, integer(dist, DCAT.byteSize), dump.toString());
      assertEquals(
          Checksums.sha256(bytes),
          dist.getPropertyResourceValue(Vocab.Spdx.checksum)
              .getProperty(Vocab.Spdx.checksumValue)
              .getString(),
          dump.toString());
      assertEquals(
          "http://www.iana.org/assignments/media-types/" + dump.mediaType(),
          dist.getPropertyResourceValue(DCAT.mediaType).getURI());
      assertEquals(dump.gzip(), dist.hasProperty(DCAT.compressFormat), dump.toString());
      assertTrue(dist.hasProperty(DCTerms.format));
    }
  }

  @Test
  void void_triplesAndPartitionsCountedFromTheData() {
    assertEquals(union.size(), integer(rel, VOID.triples));
    long sum = 0;
    for (Statement s : rel.listProperties(VOID.propertyPartition).toList()) {
      Resource p = s.getResource();
      Node property = p.getPropertyResourceValue(VOID.property).asNode();
      long n = integer(p, VOID.triples);
      assertEquals(
          union.find(Node.ANY, property, Node.ANY).toList().size(), n, property.toString());
      sum += n;
    }
    assertEquals(union.size(), sum, "property partitions add up to the triples");
    int classes = 0;
    for (Statement s : rel.listProperties(VOID.classPartition).toList()) {
      Resource p = s.getResource();
      Resource c = p.getPropertyResourceValue(Vocab.Void.clazz);
      assertEquals(entities(c), integer(p, VOID.entities), c.toString());
      classes++;
    }
    assertEquals(classes, integer(rel, VOID.classes));
    assertTrue(classes >= 10, "every class the converter emits");
  }

  @Test
  void void_oneSubsetPerNamedGraph() {
    Set<String> named = new HashSet<>();
    conversion.dataset().listNames().forEachRemaining(named::add);
    Set<String> described = new HashSet<>();
    for (Statement s : rel.listProperties(VOID.subset).toList()) {
      Resource sub = s.getResource();
      Resource name = sub.getPropertyResourceValue(Vocab.Sd.name);
      if (name != null) {
        described.add(name.getURI());
        assertEquals(
            conversion.dataset().getNamedModel(name.getURI()).size(), integer(sub, VOID.triples));
      }
    }
    assertFalse(named.isEmpty());
    assertEquals(named, described);
  }

  @Test
  void linkset_toEgovLaws_countsTheLinksTheDataHolds() {
    Resource linkset = d.createResource(IRIS.releasePart("2026-04", "linkset", "e-gov-laws"));
    assertTrue(linkset.hasProperty(RDF.type, VOID.Linkset));
    assertTrue(rel.hasProperty(VOID.subset, linkset));
    long links =
        union.find().toList().stream()
            .filter(t -> t.getObject().isURI() && t.getObject().getURI().contains("e-gov.go.jp/"))
            .count();
    assertEquals(links, integer(linkset, VOID.triples));
    assertEquals(
        "https://laws.e-gov.go.jp/", linkset.getPropertyResourceValue(VOID.objectsTarget).getURI());
  }

  @Test
  void linkset_withStatuteLinksInTheData_countsThemAndNamesThePredicates() {
    Resource before = d.createResource(IRIS.releasePart("2026-04", "linkset", "e-gov-laws"));
    long statuteLinks = integer(before, VOID.triples);
    Conversion c = Seed.copy();
    Model report = c.dataset().getNamedModel(IRIS.base() + "graph/report/2025-progress");
    Resource entry = report.createResource(IRIS.base() + "id/report/2025-progress/entry/10-1");
    entry.addProperty(
        RDFS.seeAlso, report.createResource("https://laws.e-gov.go.jp/law/345AC0000000048"));
    entry.addProperty(
        OWL.sameAs,
        report.createResource("https://laws.e-gov.go.jp/law/345AC0000000048#Mp-At_30_4"));
    Model m =
        Release.build(Validation.of(c.reports(), c.dataset()), IRIS, Release.Options.defaults())
            .description();
    Resource linkset = m.createResource(IRIS.releasePart("2026-04", "linkset", "e-gov-laws"));
    assertTrue(statuteLinks > 0, "the converter links statutes to e-Gov");
    assertEquals(statuteLinks + 2, integer(linkset, VOID.triples));
    Set<String> predicates = new HashSet<>();
    linkset
        .listProperties(VOID.linkPredicate)
        .forEach(s -> predicates.add(s.getResource().getURI()));
    assertTrue(
        predicates.containsAll(Set.of(RDFS.seeAlso.getURI(), OWL.sameAs.getURI())),
        predicates.toString());
    assertTrue(predicates.contains(kg.chizai.rdf.CKG.eGovLawPage.getURI()), predicates.toString());
  }

  @Test
  void description_hasNoBlankNodes() {
    d.listStatements()
        .forEach(
            s -> {
              assertFalse(s.getSubject().isAnon(), s.toString());
              RDFNode o = s.getObject();
              assertFalse(o.isAnon(), s.toString());
            });
  }

  @Test
  void description_dcatCatalogListsTheDatasetAndService() {
    String q =
        "PREFIX dcat: <http://www.w3.org/ns/dcat#> ASK { ?c a dcat:Catalog ; dcat:dataset <"
            + release.iri()
            + "> ; dcat:service ?s . ?s dcat:endpointURL ?e }";
    try (QueryExecution qe = QueryExecution.model(d).query(q).build()) {
      assertTrue(qe.execAsk());
    }
  }

  @Test
  void japaneseDate_eras() {
    assertEquals("令和8年4月", Description.japaneseDate(YearMonth.of(2026, 4)));
    assertEquals("令和元年5月", Description.japaneseDate(YearMonth.of(2019, 5)));
    assertEquals("平成31年4月", Description.japaneseDate(YearMonth.of(2019, 4)));
    assertEquals("平成元年2月", Description.japaneseDate(YearMonth.of(1989, 2)));
  }

  @Test
  void downloadUrlAndEndpoint_configurable() {
    Model m =
        Release.build(
                Seed.validation(),
                IRIS,
                Release.Options.defaults()
                    .withVersion("r1")
                    .withDownloadUrl("https://data.example.org/chizai/r1")
                    .withSparqlEndpoint("https://query.example.org/sparql"))
            .description();
    Resource r = m.createResource(IRIS.release("r1"));
    assertTrue(
        r.hasProperty(
            VOID.dataDump, m.createResource("https://data.example.org/chizai/r1/chizai-kg.nt.gz")));
    assertTrue(
        r.hasProperty(VOID.sparqlEndpoint, m.createResource("https://query.example.org/sparql")));
  }

  static long entities(Resource type) {
    return union.find(Node.ANY, RDF.type.asNode(), type.asNode()).toList().size();
  }
}
