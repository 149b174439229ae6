package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report read as a document, over the seed converted in memory: every number and link on the
 * pages is checked against a SPARQL answer on the same graph.
 */
class ReportPageTest {

  static final String BASE = Iris.DEFAULT_BASE;
  static final String PREFIXES =
      "PREFIX ckg: <"
          + CKG.NS
          + ">\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

  static Dataset dataset;
  static Model graph;
  static Site site;

  @BeforeAll
  static void convert() {
    dataset = Seed.served();
    graph = dataset.getUnionModel();
    site = TestServers.seedSite();
  }

  static Document page(String iri) {
    ResourceGraph d =
        ResourceGraph.read(dataset.asDatasetGraph(), iri, LinkedDataServlet.MAX_INCOMING)
            .orElseThrow();
    return Jsoup.parse(ResourcePage.render(d, site, graph));
  }

  static List<QuerySolution> select(String query) {
    return Facts.select(graph, PREFIXES + query);
  }

  static String local(String iri) {
    return site.local(iri);
  }

  @Test
  void report_tableOfContents_everySectionWithItsCounts() {
    String report = BASE + "id/report/2025-progress";
    Document doc = page(report);
    List<QuerySolution> sections =
        select(
            "SELECT ?s (COUNT(DISTINCT ?d) AS ?dirs) (COUNT(DISTINCT ?e) AS ?entries) WHERE {"
                + " ?s a ckg:Section ; ckg:inReport <"
                + report
                + "> . FILTER NOT EXISTS { ?c ckg:subSectionOf ?s }"
                + " OPTIONAL { ?d a ckg:Direction ; ckg:inSection ?s }"
                + " OPTIONAL { ?e a ckg:ProgressEntry ; ckg:inSection ?s } } GROUP BY ?s");
    assertFalse(sections.isEmpty());
    for (QuerySolution s : sections) {
      Element link = doc.selectFirst("#contents a.section[href=" + local(Facts.text(s, "s")) + "]");
      assertNotNull(link, "the contents link every area: " + Facts.text(s, "s"));
      String counts = link.parent().selectFirst("span.count").text();
      assertTrue(
          counts.contains("方向性 " + Facts.text(s, "dirs") + " ")
              && counts.contains("記載 " + Facts.text(s, "entries") + " "),
          Facts.text(s, "s") + ": " + counts);
    }
    List<QuerySolution> sheets =
        select("SELECT ?p WHERE { ?p a ckg:Sheet ; ckg:inReport <" + report + "> }");
    for (QuerySolution p : sheets) {
      if (!graph.getResource(Facts.text(p, "p")).hasProperty(RDF.type, CKG.ContentsSheet)) {
        assertNotNull(
            doc.selectFirst("#contents a[href=" + local(Facts.text(p, "p")) + "]"),
            "every sheet of an area is linked: " + Facts.text(p, "p"));
      }
    }
  }

  @Test
  void section_titledWithItsNumber_asTheReportPrintsIt() {
    List<QuerySolution> numbered =
        select(
            "SELECT ?s ?n ?label WHERE { ?s a ckg:Section ; ckg:sectionNumber ?n ;"
                + " ckg:subSectionOf ?parent ; rdfs:label ?label FILTER (lang(?label) = 'ja') }");
    assertFalse(numbered.isEmpty());
    for (QuerySolution s : numbered) {
      assertEquals(
          "(" + Facts.text(s, "n") + ") " + Facts.text(s, "label"),
          page(Facts.text(s, "s")).selectFirst("h1").text());
    }
  }

  @Test
  void section_everyDirectionAndEntryOnce_entriesUnderTheirDirections() {
    List<QuerySolution> sections = select("SELECT ?s WHERE { ?s a ckg:Section }");
    for (QuerySolution s : sections) {
      String section = Facts.text(s, "s");
      Document doc = page(section);
      Set<String> directions = new TreeSet<>();
      Set<String> entries = new TreeSet<>();
      select(
              "SELECT ?x ?k WHERE { ?x ckg:inSection <"
                  + section
                  + "> ; a ?k ; ckg:onSheet ?p . FILTER (?k IN (ckg:Direction, ckg:ProgressEntry)) }")
          .forEach(
              q ->
                  (Facts.text(q, "k").equals(CKG.Direction.getURI()) ? directions : entries)
                      .add(EntryCard.anchor(Facts.text(q, "x"))));
      Set<String> shownDirections = ids(doc.select("section.document li.direction"));
      Set<String> shownEntries = ids(doc.select("section.document li.entry"));
      assertEquals(directions, shownDirections, section);
      assertEquals(entries, shownEntries, section);
      assertEquals(
          shownEntries.size(),
          doc.select("section.document li.entry").size(),
          "no entry twice: " + section);
      // Each entry stands in the group of directions it answers.
      for (Element group : doc.select("section.document div.group")) {
        Set<String> here = ids(group.select("li.direction"));
        for (Element entry : group.select("li.entry")) {
          String iri = BASE + "id/report/2025-progress/entry/" + entry.id().substring(6);
          Set<String> answers = new TreeSet<>();
          select("SELECT ?d WHERE { <" + iri + "> ckg:addresses ?d }")
              .forEach(q -> answers.add(EntryCard.anchor(Facts.text(q, "d"))));
          answers.retainAll(directionsOnSameSheet(iri));
          assertEquals(answers, here, iri);
        }
      }
    }
  }

  private static Set<String> directionsOnSameSheet(String entry) {
    Set<String> out = new HashSet<>();
    select(
            "SELECT ?d WHERE { <"
                + entry
                + "> ckg:onSheet ?p . ?d a ckg:Direction ; ckg:onSheet ?p }")
        .forEach(q -> out.add(EntryCard.anchor(Facts.text(q, "d"))));
    return out;
  }

  private static Set<String> ids(List<Element> elements) {
    Set<String> out = new TreeSet<>();
    elements.forEach(e -> out.add(e.id()));
    return out;
  }

  @Test
  void entryCard_bodyStatusStatuteAndSourceLine() {
    List<QuerySolution> entries =
        select(
            "SELECT ?e ?start ?law WHERE { ?e a ckg:ProgressEntry ; ckg:lineStart ?start ;"
                + " ckg:mentions ?law . ?law a ckg:Statute } ORDER BY ?e LIMIT 5");
    assertFalse(entries.isEmpty(), "the seed's entries name statutes");
    for (QuerySolution q : entries) {
      String entry = Facts.text(q, "e");
      Document doc = page(entry);
      Element card = doc.selectFirst("ol.entries.single li.entry");
      assertNotNull(card, entry);
      Set<String> bodies = new TreeSet<>();
      select("SELECT ?b WHERE { <" + entry + "> prov:wasAttributedTo ?b }")
          .forEach(b -> bodies.add(local(Facts.text(b, "b"))));
      Set<String> chips = new TreeSet<>();
      card.select("a.chip").forEach(a -> chips.add(a.attr("href")));
      assertEquals(bodies, chips, entry);
      List<String> statuses = new ArrayList<>();
      select(
              "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                  + "SELECT ?n WHERE { <"
                  + entry
                  + "> ckg:status ?s . ?s skos:notation ?n }")
          .forEach(s -> statuses.add("st-" + Facts.text(s, "n")));
      assertEquals(statuses.size(), card.select(".badge").size(), entry);
      statuses.forEach(c -> assertNotNull(card.selectFirst(".badge." + c), entry + " " + c));
      assertNotNull(card.selectFirst("a.law[href=" + local(Facts.text(q, "law")) + "]"), entry);
      assertTrue(
          card.selectFirst("a.src").attr("href").endsWith(".txt#L" + Facts.text(q, "start")),
          card.selectFirst("a.src").attr("href"));
    }
  }

  @Test
  void direction_entriesGroupedByBody_asTheGraphSays() {
    List<QuerySolution> directions =
        select(
            "SELECT ?d (COUNT(DISTINCT ?e) AS ?n) WHERE { ?d a ckg:Direction ."
                + " ?e ckg:addresses ?d } GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 3");
    for (QuerySolution q : directions) {
      String d = Facts.text(q, "d");
      Document doc = page(d);
      assertEquals(
          Facts.text(q, "n"), String.valueOf(doc.select("section.by-body li.entry").size()), d);
      for (Element h3 : doc.select("section.by-body h3")) {
        Set<String> group = new TreeSet<>();
        h3.select("a.chip").forEach(a -> group.add(a.attr("href")));
        Element list = h3.nextElementSibling();
        for (Element card : list.select("li.entry")) {
          Set<String> chips = new TreeSet<>();
          card.select(".meta a.chip").forEach(a -> chips.add(a.attr("href")));
          assertEquals(group, chips, d + " " + card.id());
        }
      }
    }
  }

  @Test
  void relisted_linksToFirstAppearance_andBack() {
    List<QuerySolution> relisted = select("SELECT ?d ?first WHERE { ?d ckg:relistedFrom ?first }");
    assertFalse(relisted.isEmpty());
    for (QuerySolution q : relisted) {
      Document doc = page(Facts.text(q, "d"));
      assertNotNull(
          doc.selectFirst(".relist a[href=" + local(Facts.text(q, "first")) + "]"),
          Facts.text(q, "d"));
    }
    Document first = page(Facts.text(relisted.get(0), "first"));
    assertNotNull(
        first.selectFirst(".relist a[href=" + local(Facts.text(relisted.get(0), "d")) + "]"));
  }

  @Test
  void sheet_previousAndNextSheet() {
    Document doc = page(BASE + "id/report/2025-progress/sheet/14");
    assertEquals(
        local(BASE + "id/report/2025-progress/sheet/13"),
        doc.selectFirst("nav.pager a[rel=prev]").attr("href"));
    assertEquals(
        local(BASE + "id/report/2025-progress/sheet/15"),
        doc.selectFirst("nav.pager a[rel=next]").attr("href"));
  }

  @Test
  void body_entriesGroupedByArea_withStatus() {
    List<QuerySolution> bodies =
        select(
            "SELECT ?b (COUNT(?e) AS ?n) WHERE { ?e a ckg:ProgressEntry ;"
                + " prov:wasAttributedTo ?b } GROUP BY ?b ORDER BY DESC(?n) ?b LIMIT 2");
    for (QuerySolution q : bodies) {
      String body = Facts.text(q, "b");
      Document doc = page(body);
      Element section = doc.selectFirst("section.by-area");
      assertEquals(Facts.text(q, "n"), String.valueOf(section.select("ul.rows > li").size()));
      for (Element h3 : section.select("h3")) {
        String area = BASE + h3.selectFirst("a").attr("href").substring(1);
        for (Element row : h3.nextElementSibling().select("li")) {
          String entry = BASE + row.selectFirst("a[href*=/entry/]").attr("href").substring(1);
          assertTrue(
              graph.contains(graph.getResource(entry), CKG.inSection, graph.getResource(area)),
              entry + " in " + area);
          assertEquals(
              graph.listObjectsOfProperty(graph.getResource(entry), CKG.status).toList().size(),
              row.select(".badge").size(),
              entry);
        }
      }
    }
  }

  @Test
  void event_namedWithWhatItActsOn_andShowsItsEntry() {
    List<QuerySolution> events =
        select(
            "SELECT ?ev ?label ?object ?entry WHERE { ?ev a ckg:Event ; rdfs:label ?label ;"
                + " ckg:eventObject ?o ; ckg:sourceEntry ?entry . ?o rdfs:label ?object"
                + " FILTER (lang(?object) = 'ja') } ORDER BY ?ev LIMIT 3");
    assertFalse(events.isEmpty());
    for (QuerySolution q : events) {
      Document doc = page(Facts.text(q, "ev"));
      assertEquals(
          Facts.text(q, "label") + " — " + Facts.text(q, "object"), doc.selectFirst("h1").text());
      assertEquals(
          EntryCard.anchor(Facts.text(q, "entry")),
          doc.selectFirst("section.of-entry li.entry").id());
    }
  }

  @Test
  void item_namedByItsEntry_andShowsIt() {
    QuerySolution q = select("SELECT ?e ?i WHERE { ?e ckg:hasItem ?i } ORDER BY ?i LIMIT 1").get(0);
    Document doc = page(Facts.text(q, "i"));
    String entryName = new Labels(graph, site.ontology()).name(Facts.text(q, "e")).ja();
    assertTrue(
        doc.selectFirst("h1").text().startsWith(entryName + " · "), doc.selectFirst("h1").text());
    assertEquals(
        EntryCard.anchor(Facts.text(q, "e")), doc.selectFirst("section.of-entry li.entry").id());
  }

  @Test
  void incoming_longListFolded_mixedKindsGrouped() {
    Document doc = page(BASE + "id/report/2025-progress");
    Element row = doc.selectFirst("section.incoming tr");
    assertTrue(row.selectFirst("th").text().contains("この報告に含まれるもの"), row.text());
    assertTrue(row.select("details").size() > 1, "grouped by kind, each folded");
    assertTrue(row.selectFirst("details summary").text().matches(".+ \\(\\d+\\) show"));
  }

  @Test
  void source_everyLineAnchored_thingsLinkedFromTheirFirstLine() {
    kg.chizai.source.SourceText text = kg.chizai.source.SourceText.read(TestServers.SEED);
    String report = BASE + "id/report/2025-progress";
    Document doc = Jsoup.parse(SourcePage.render(text, report, graph, site, null));
    assertEquals(text.lineCount(), doc.select("ol.lines > li").size());
    QuerySolution d =
        select("SELECT ?d ?n WHERE { ?d a ckg:Direction ; ckg:lineStart ?n } ORDER BY ?d LIMIT 1")
            .get(0);
    Element line = doc.getElementById("L" + Facts.text(d, "n"));
    assertNotNull(line.selectFirst("a.thing[href=" + local(Facts.text(d, "d")) + "]"));
    assertEquals(text.line(Integer.parseInt(Facts.text(d, "n"))), line.selectFirst(".line").text());
  }

  @Test
  void card_textWithMarkup_escaped() {
    Model m = ModelFactory.createDefaultModel();
    Resource e =
        m.createResource(BASE + "id/report/x/entry/1-1")
            .addProperty(RDF.type, CKG.ProgressEntry)
            .addProperty(CKG.sourceText, PagesTest.EVIL, "ja");
    Labels labels = new Labels(m, site.ontology());
    String html = EntryCard.of(e, m, labels).html(site, true);
    assertFalse(html.contains("<script>"), html);
    assertEquals(PagesTest.EVIL, Jsoup.parse(html).selectFirst("p.text").text());
  }

  @Test
  void sheet_directionsAnsweredDifferently_eachWithItsOwnEntries() {
    Model m = ModelFactory.createDefaultModel();
    Resource sheet =
        m.createResource(BASE + "id/report/x/sheet/1").addProperty(RDF.type, CKG.Sheet);
    Resource d1 = thing(m, "direction/1-1", CKG.Direction, sheet, 1);
    Resource d2 = thing(m, "direction/1-2", CKG.Direction, sheet, 2);
    thing(m, "entry/1-1", CKG.ProgressEntry, sheet, 3).addProperty(CKG.addresses, d1);
    thing(m, "entry/1-2", CKG.ProgressEntry, sheet, 4).addProperty(CKG.addresses, d2);
    StringBuilder b = new StringBuilder();
    ReportPage.sheet(b, sheet, m, new Labels(m, site.ontology()), site, 2);
    Document doc = Jsoup.parse(b.toString());
    assertEquals(2, doc.select("div.group").size());
    assertEquals("entry-1-1", doc.select("div.group").get(0).selectFirst("li.entry").id());
    assertEquals("entry-1-2", doc.select("div.group").get(1).selectFirst("li.entry").id());
    assertEquals(
        List.of("direction-1-1"),
        doc.select("div.group").get(0).select("li.direction").eachAttr("id"));
    assertEquals(
        List.of("direction-1-2"),
        doc.select("div.group").get(1).select("li.direction").eachAttr("id"));
  }

  private static Resource thing(Model m, String path, Resource type, Resource sheet, int line) {
    return m.createResource(BASE + "id/report/x/" + path)
        .addProperty(RDF.type, type)
        .addProperty(CKG.onSheet, sheet)
        .addLiteral(CKG.lineStart, line)
        .addProperty(CKG.sourceText, path, "ja");
  }
}
