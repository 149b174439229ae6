package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The landing page over the seed: what the dataset is, sections, charts and downloads first; the
 * example queries grouped by topic with Japanese and English titles; small enough; and no page of
 * the site carries an inline script or style (the site's content security policy forbids them).
 */
class LandingPageTest {

  static Dataset ds;
  static Model graph;
  static Site site;
  static final Citation.Context CTX =
      new Citation.Context(Optional.empty(), LocalDate.of(2026, 5, 3));

  @BeforeAll
  static void convert() {
    ds = Seed.served();
    graph = ds.getUnionModel();
    // The server's own site: what it computed over its store, whose default graph is the union
    // of the graphs (over the in-memory dataset, whose default graph is empty, it finds no
    // section).
    site = Seed.server().site();
  }

  @Test
  void sections_countTheDirectionsAndEntriesTheyHold() {
    List<Site.SectionInfo> sections = site.sections();
    assertFalse(sections.isEmpty());
    int both = 0;
    for (Site.SectionInfo s : sections) {
      assertEquals(holding(CKG.Direction, s.iri()), s.directions(), "directions of " + s.title());
      assertEquals(holding(CKG.ProgressEntry, s.iri()), s.entries(), "entries of " + s.title());
      both += s.directions() > 0 && s.entries() > 0 ? 1 : 0;
    }
    assertTrue(both > 0, "a section with both directions and entries");
  }

  /** How many things of {@code type} are in the section, counted in the graph itself. */
  private static long holding(Resource type, String section) {
    return graph
        .listSubjectsWithProperty(CKG.inSection, graph.getResource(section))
        .filterKeep(x -> x.hasProperty(RDF.type, type))
        .toSet()
        .size();
  }

  @Test
  void landing_whatSectionsChartsDownloadsFirst_thenExamples() {
    String html = LandingPage.render(site, ReleaseOffer.State.NONE, CTX);
    assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 60_000, "under 60 KB");
    Document doc = Jsoup.parse(html);
    List<String> order =
        doc.select("#what, #sections, #charts, #downloads, #examples, #editor").eachAttr("id");
    assertEquals(List.of("what", "sections", "charts", "downloads", "examples", "editor"), order);
    for (Charts.Chart c : Charts.ALL) {
      assertNotNull(doc.selectFirst("#charts img[src=/charts/" + c.id() + ".svg]"), c.id());
    }
    assertFalse(site.sections().isEmpty());
    for (Site.SectionInfo s : site.sections()) {
      assertNotNull(doc.selectFirst("#sections a[href=" + site.local(s.iri()) + "]"), s.iri());
    }
  }

  @Test
  void examples_groupedByTopic_titledInJapaneseAndEnglish() {
    Document doc = Jsoup.parse(LandingPage.render(site, ReleaseOffer.State.NONE, CTX));
    assertFalse(site.examples().isEmpty());
    for (ExampleQuery q : site.examples()) {
      assertFalse(q.questionJa().isEmpty(), q.name() + ": a 問い line");
      assertFalse(q.topic().isEmpty(), q.name() + ": a Topic line");
      Element a = doc.selectFirst("a.example[data-name=" + q.name() + "]");
      assertEquals(q.questionJa(), a.text());
      assertEquals("/?example=" + q.name(), a.attr("href"));
      assertEquals(q.topic(), a.parents().select("section.topic").first().selectFirst("h3").text());
      assertTrue(a.parent().selectFirst("span[lang=en]").text().equals(q.question()));
    }
  }

  @Test
  void exampleQuery_keysReadFromTheComment() {
    ExampleQuery q =
        ExampleQuery.parse(
            "x.rq",
            "# Question: which bodies\n# report most?\n# 問い: どの府省庁等が\n# 最も多いか。\n"
                + "# Topic: 府省庁等 / Bodies\nSELECT * {}\n");
    assertEquals("which bodies report most?", q.question());
    assertEquals("どの府省庁等が最も多いか。", q.questionJa());
    assertEquals("府省庁等 / Bodies", q.topic());
  }

  @Test
  void everyPage_noInlineScriptOrStyle() {
    String report = Iris.DEFAULT_BASE + "id/report/2025-progress";
    ResourceGraph d =
        ResourceGraph.read(ds.asDatasetGraph(), report, LinkedDataServlet.MAX_INCOMING)
            .orElseThrow();
    List<String> pages =
        List.of(
            LandingPage.render(site, ReleaseOffer.State.NONE, CTX),
            ResourcePage.render(d, site, graph, CTX),
            FacetPage.render(
                new FacetPage.State(FacetPage.Kind.ENTRY, "", java.util.Map.of(), 1),
                graph,
                site,
                CTX),
            Charts.page(graph, site, CTX),
            DownloadsPage.render(ReleaseOffer.State.NONE, site, CTX),
            SourcePage.render(
                kg.chizai.source.SourceText.read(TestServers.SEED), report, graph, site, CTX));
    for (String html : pages) {
      Document doc = Jsoup.parse(html);
      for (Element s : doc.select("script")) {
        assertFalse(s.attr("src").isEmpty(), "inline script in " + doc.title());
      }
      assertTrue(doc.select("style").isEmpty(), "style element in " + doc.title());
      assertTrue(doc.select("[style]").isEmpty(), "style attribute in " + doc.title());
      assertTrue(doc.select("[onclick], [onload], [onerror]").isEmpty(), doc.title());
      assertNotNull(doc.selectFirst("footer section.cite"), "cite this: " + doc.title());
    }
  }
}
