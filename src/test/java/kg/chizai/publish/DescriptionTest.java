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
import kg.chizai.base.Sha256;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Linksets;
import kg.chizai.testing.Seed;
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
    assertEquals(
        "https://creativecommons.org/licenses/by/4.0/",
        rel.getPropertyResourceValue(DCTerms.license).getURI());
    String credit = rel.getProperty(DCTerms.bibliographicCitation).getString();
    assertTrue(credit.startsWith("出典：内閣府知的財産戦略推進事務局「「知的財産推進計画2025」の進捗状況」（令和8年4月）"), credit);
    Resource rights = rel.getPropertyResourceValue(DCTerms.rights);
    assertTrue(rights.getProperty(RDFS.label, "ja").getString().contains("政府標準利用規約（第2.0版）"));
    assertTrue(rights.getProperty(RDFS.label, "en").getString().contains("CC BY 4.0"));
  }

  @Test
  void release_sourceReportsWithTheirSha256() throws Exception {
    String sha = Sha256.hex(Files.readAllBytes(SEED));
    List<Resource> sources =
        rel.listProperties(d.createProperty(kg.chizai.rdf.Namespaces.PROV, "wasDerivedFrom"))
            .mapWith(Statement::getResource)
            .toList();
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
    for (Dump dump : Dump.ALL) {
      assertTrue(dumps.contains(IRIS.downloads("2026-04") + dump.fileName()), dump.toString());
    }
  }

  @Test
  void distribution_perDumpWithMediaTypeSizeAndChecksumOfTheBytes() {
    List<Resource> distributions =
        rel.listProperties(DCAT.distribution).mapWith(Statement::getResource).toList();
    assertEquals(Dump.ALL.size(), distributions.size());
    for (Dump dump : Dump.ALL) {
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
          Sha256.hex(bytes),
          dist.getPropertyResourceValue(Vocab.Spdx.checksum)
              .getProperty(Vocab.Spdx.checksumValue)
              .getString(),
          dump.toString());
      assertEquals(
          "http://www.iana.org/assignments/media-types/" + dump.format().mediaType(),
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
  void linkset_toEgovLaws_isTheDatasOwnWithTheCountOfLinkTriples() {
    String iri = IRIS.linkset(Linksets.EGOV_LAWS.slug());
    Resource linkset = d.createResource(iri);
    assertTrue(linkset.hasProperty(RDF.type, VOID.Linkset));
    assertTrue(rel.hasProperty(VOID.subset, linkset));
    // The description and the data say the same about it, triple for triple.
    Model data = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(union);
    assertEquals(
        data.listStatements(data.createResource(iri), null, (RDFNode) null).toSet(),
        d.listStatements(linkset, null, (RDFNode) null).toSet());
    // One linkset to e-Gov, in the data and in the description.
    assertEquals(
        List.of(iri),
        d.listSubjectsWithProperty(
                VOID.objectsTarget, d.createResource("https://laws.e-gov.go.jp/"))
            .mapWith(Resource::getURI)
            .toList());
    // void:triples counts the link triples: the statutes' and articles' e-Gov pages and API
    // records, and nothing that merely describes the linkset.
    long links =
        union.find().toList().stream()
            .filter(
                t ->
                    t.getPredicate().equals(CKG.eGovLawPage.asNode())
                        || t.getPredicate().equals(CKG.eGovApiResource.asNode()))
            .count();
    assertTrue(links > 0, "the converter links statutes to e-Gov");
    assertEquals(links, integer(linkset, VOID.triples));
    assertEquals(
        Set.of(CKG.eGovLawPage, CKG.eGovApiResource),
        linkset.listProperties(VOID.linkPredicate).mapWith(Statement::getResource).toSet());
    assertEquals(
        "https://laws.e-gov.go.jp/", linkset.getPropertyResourceValue(VOID.objectsTarget).getURI());
    assertTrue(
        d.createResource("https://laws.e-gov.go.jp/")
            .hasProperty(DCTerms.title, "e-Gov法令検索", "ja"));
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

  /**
   * The fixed wording is the resource's, not the code's: what the file says is what is published.
   */
  @Test
  void description_fixedWording_comesFromTheResource() throws Exception {
    java.util.Properties text = new java.util.Properties();
    try (var in =
        Files.newBufferedReader(
            Path.of("src/main/resources" + DescriptionText.RESOURCE),
            java.nio.charset.StandardCharsets.UTF_8)) {
      text.load(in);
    }
    Resource catalog = d.createResource(IRIS.catalog());
    for (String lang : List.of("ja", "en")) {
      assertEquals(
          text.getProperty("catalog.title." + lang),
          catalog.getProperty(DCTerms.title, lang).getString());
      assertEquals(
          text.getProperty("dataset.description." + lang),
          d.createResource(IRIS.dataset()).getProperty(DCTerms.description, lang).getString());
      Set<String> keywords = new HashSet<>();
      rel.listProperties(DCAT.keyword)
          .filterKeep(st -> st.getLanguage().equals(lang))
          .forEach(st -> keywords.add(st.getString()));
      Set<String> listed = new HashSet<>();
      for (String k : text.getProperty("keywords." + lang).split(",")) {
        listed.add(k.strip());
      }
      assertEquals(listed, keywords, lang);
    }
    String years = "2025";
    assertEquals(
        text.getProperty("release.title.ja").replace("{years}", years),
        rel.getProperty(DCTerms.title, "ja").getString());
  }

  @Test
  void descriptionText_placeholderWithoutAValue_namesTheKey() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("release.title.en", "chizai-kg ({yeers})");
    DescriptionText t = new DescriptionText(p);
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () -> t.fill("release.title.en", java.util.Map.of("years", "2025")));
    assertTrue(e.getMessage().contains("release.title.en has {yeers}"), e.getMessage());
    assertEquals(
        "chizai-kg (2025)",
        new DescriptionText(props("k", "chizai-kg ({years})"))
            .fill("k", java.util.Map.of("years", "2025")));
  }

  @Test
  void descriptionText_countsInEnglish_singularAndPlural() {
    DescriptionText t =
        new DescriptionText(props("count.bodies.en", "government body | government bodies"));
    assertEquals("1 government body", t.countEn("bodies", 1));
    assertEquals("29 government bodies", t.countEn("bodies", 29));
  }

  private static java.util.Properties props(String key, String value) {
    java.util.Properties p = new java.util.Properties();
    p.setProperty(key, value);
    return p;
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
