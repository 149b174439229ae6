package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.ELI;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Ontology;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The page renderers as pure functions: given a graph, they escape everything they print. */
class PagesTest {

  static final String BASE = Iris.DEFAULT_BASE;
  static final String EVIL = "<script>window.__xss = 1</script> & \"quotes\" 'too'";

  static Site site() {
    return new Site(
        new Iris(BASE),
        Ontology.model(),
        List.of(
            new Site.ReportInfo(
                BASE + "id/report/2025-progress",
                "「知的財産推進計画2025」の進捗状況",
                Optional.of("2026-04"),
                Optional.of("内閣府知的財産戦略推進事務局"))),
        List.of(),
        List.of(),
        0,
        List.of(new ExampleQuery("q", "what </a><script>x</script>?", "SELECT * { ?s ?p ?o }")),
        Duration.ofSeconds(30),
        10_000);
  }

  static ResourceGraph description(String iri, Model data) {
    return new ResourceGraph(iri, data, ModelFactory.createDefaultModel(), false);
  }

  @Test
  void render_literalWithScript_escapedEverywhere() {
    Model m = ModelFactory.createDefaultModel();
    String iri = BASE + "id/report/2025-progress/entry/1-1";
    Resource e = m.createResource(iri);
    e.addProperty(RDF.type, CKG.ProgressEntry);
    e.addProperty(CKG.sourceText, EVIL, "ja");
    e.addProperty(RDFS.label, EVIL, "ja");
    e.addProperty(CKG.tagText, EVIL);
    e.addProperty(RDFS.seeAlso, m.createResource("javascript:alert(1)"));
    m.createResource(BASE + "id/x").addProperty(CKG.addresses, e);

    String html = ResourcePage.render(description(iri, m), site());

    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("href=\"javascript:"), html);
    Document doc = Jsoup.parse(html);
    assertEquals(EVIL, doc.selectFirst("h1").text());
    assertEquals(EVIL, doc.selectFirst("#source blockquote").text());
    assertTrue(doc.select("script").isEmpty());
  }

  @Test
  void render_incomingLinks_headedByTheInverseLabel() {
    Model m = ModelFactory.createDefaultModel();
    String parent = BASE + "id/body/cao";
    String direction = BASE + "id/report/2025-progress/direction/1-1";
    m.createResource(BASE + "id/body/ipsec")
        .addProperty(
            m.createProperty("http://www.w3.org/ns/org#subOrganizationOf"),
            m.createResource(parent));
    m.createResource(BASE + "id/report/2025-progress/entry/1-1")
        .addProperty(CKG.addresses, m.createResource(direction));
    m.createResource(BASE + "id/report/2025-progress/entry/1-2")
        .addProperty(
            m.createProperty("http://example.org/unlabelled"), m.createResource(direction));

    Document body = Jsoup.parse(ResourcePage.render(description(parent, m), site()));
    String bodyIncoming = body.select("section.incoming th").text();
    assertTrue(bodyIncoming.contains("下位組織"), bodyIncoming);
    assertFalse(bodyIncoming.contains("上位組織"), bodyIncoming);

    Document dir = Jsoup.parse(ResourcePage.render(description(direction, m), site()));
    String dirIncoming = dir.select("section.incoming th").text();
    assertTrue(dirIncoming.contains("対応する記載"), dirIncoming);
    assertTrue(dirIncoming.contains("addressed by"), dirIncoming);
    assertTrue(dirIncoming.contains("← "), "a property without an inverse label: " + dirIncoming);
  }

  @Test
  void render_entry_creditOfItsReport() {
    Model m = ModelFactory.createDefaultModel();
    String iri = BASE + "id/report/2025-progress/entry/1-1";
    m.createResource(iri)
        .addProperty(RDF.type, CKG.ProgressEntry)
        .addProperty(CKG.inReport, m.createResource(BASE + "id/report/2025-progress"));
    Document doc = Jsoup.parse(ResourcePage.render(description(iri, m), site()));
    assertEquals(
        "出典：内閣府知的財産戦略推進事務局「「知的財産推進計画2025」の進捗状況」（令和8年4月）" + "（chizai-kg により構造化・RDF化して加工）",
        doc.selectFirst("footer .credit").text());
  }

  @Test
  void render_statute_linksToItsEGovPageFromTheData() {
    Model m = ModelFactory.createDefaultModel();
    String iri = BASE + "id/law/345AC0000000048";
    // A link template other than e-Gov's default: the page follows the data, not a pattern.
    String page = "https://laws.example.org/law/345AC0000000048";
    m.createResource(iri)
        .addProperty(RDFS.label, "著作権法", "ja")
        .addProperty(CKG.eGovLawPage, m.createResource(page));
    Document doc = Jsoup.parse(ResourcePage.render(description(iri, m), site()));
    assertEquals(page, doc.selectFirst(".egov a").attr("href"));
  }

  @Test
  void render_articleWithoutItsOwnPage_linksItsStatutesEGovPage() {
    Model m = ModelFactory.createDefaultModel();
    String statute = BASE + "id/law/345AC0000000048";
    String article = statute + "/article/30-4";
    m.createResource(statute)
        .addProperty(
            CKG.eGovLawPage, m.createResource("https://laws.e-gov.go.jp/law/345AC0000000048"));
    m.createResource(article).addProperty(ELI.is_part_of, m.createResource(statute));
    Document doc = Jsoup.parse(ResourcePage.render(description(article, m), site()));
    assertEquals(
        "https://laws.e-gov.go.jp/law/345AC0000000048", doc.selectFirst(".egov a").attr("href"));
  }

  @Test
  void render_thingWithoutEGovPage_noEGovLink() {
    Model m = ModelFactory.createDefaultModel();
    String iri = BASE + "id/law/345AC0000000048";
    m.createResource(iri).addProperty(RDFS.label, "著作権法", "ja");
    Document doc = Jsoup.parse(ResourcePage.render(description(iri, m), site()));
    assertNull(doc.selectFirst(".egov"));
  }

  @Test
  void render_landing_questionEscaped() {
    String html = LandingPage.render(site());
    assertFalse(html.contains("<script>x"), html);
    assertTrue(html.contains("what &lt;/a&gt;&lt;script&gt;x&lt;/script&gt;?"));
  }

  @Test
  void render_ontology_everyTermAnchored() {
    Document doc = Jsoup.parse(OntologyPage.render(Ontology.model(), site()));
    Model o = Ontology.model();
    o.listSubjects()
        .filterKeep(s -> s.isURIResource() && s.getURI().startsWith(CKG.NS))
        .forEachRemaining(
            s -> assertTrue(doc.getElementById(s.getLocalName()) != null, s.getLocalName()));
  }

  @Test
  void mark_wordsMarkedAndTextEscaped() {
    assertEquals(
        "&lt;i&gt;<mark>海賊版</mark>対策&lt;/i&gt;", SearchPage.mark("<i>海賊版対策</i>", List.of("海賊版")));
  }

  @Test
  void mark_fullWidthWord_marksHalfWidthText() {
    assertEquals("<mark>生成AI</mark>の利活用", SearchPage.mark("生成AIの利活用", List.of("生成ＡＩ")));
    assertEquals(
        "<mark>生成ＡＩ</mark>と<mark>生成ai</mark>", SearchPage.mark("生成ＡＩと生成ai", List.of("生成AI")));
  }

  @Test
  void search_twoTextsOfOneThing_oneHit_subItemNamesItsEntry() {
    Model m = ModelFactory.createDefaultModel();
    String entry = BASE + "id/report/2025-progress/entry/6-1";
    String item = entry + "/item/2";
    m.add(m.createResource(entry), RDF.type, CKG.ProgressEntry);
    m.add(m.createResource(entry), RDFS.label, m.createLiteral("主な進捗状況の記載 6-1", "ja"));
    m.add(m.createResource(entry), CKG.hasItem, m.createResource(item));
    m.add(m.createResource(item), RDF.type, CKG.EntryItem);
    m.add(m.createResource(item), RDFS.label, m.createLiteral("小項目 2", "ja"));
    List<SearchPage.Hit> hits =
        List.of(
            new SearchPage.Hit(item, "海賊版対策の強化", "ja", 2.0),
            new SearchPage.Hit(item, "海賊版サイトへの対応", "ja", 1.5),
            new SearchPage.Hit(entry, "海賊版対策の強化を図る", "ja", 1.0));
    Document doc = Jsoup.parse(SearchPage.render("海賊版", hits, m, "", site()));
    assertEquals("2", doc.selectFirst("p.summary .hits").text());
    assertEquals(2, doc.select("ol.hits > li").size());
    org.jsoup.nodes.Element first = doc.selectFirst("ol.hits > li");
    assertEquals(2, first.select("p.snippet").size());
    assertTrue(first.selectFirst(".of").text().contains("主な進捗状況の記載 6-1"), first.html());
  }

  @Test
  void luceneQuery_everyWordAPhrase_quotesEscaped() {
    assertEquals("\"海賊版\" AND \"a\\\"b\"", SearchPage.luceneQuery(SearchPage.words(" 海賊版　a\"b ")));
  }

  @Test
  void link_scriptUrl_notLinked() {
    assertEquals("x", Html.link("javascript:alert(1)", "x"));
    assertEquals("<a href=\"/id/a\">&lt;b&gt;</a>", Html.link("/id/a", "<b>"));
  }

  @Test
  void natural_numbersComparedAsNumbers() {
    List<String> names =
        new java.util.ArrayList<>(List.of("ページ 10", "ページ 9", "ページ 100", "方向性 2-10", "方向性 2-9"));
    names.sort(ResourcePage.NATURAL);
    assertEquals(List.of("ページ 9", "ページ 10", "ページ 100", "方向性 2-9", "方向性 2-10"), names);
  }

  @Test
  void wareki_reiwaHeiseiAndFirstYear() {
    assertEquals(Optional.of("令和8年4月"), Site.wareki("2026-04"));
    assertEquals(Optional.of("令和元年5月"), Site.wareki("2019-05"));
    assertEquals(Optional.of("平成31年4月"), Site.wareki("2019-04"));
  }
}
