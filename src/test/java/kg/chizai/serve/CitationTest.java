package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** "Cite this": the block, BibTeX and CSL-JSON of one thing, as pure values. */
class CitationTest {

  static final String IRI = PagesTest.BASE + "id/report/2025-progress/direction/6-12";
  static final Citation.Context CTX =
      new Citation.Context(Optional.of("2026-04"), LocalDate.of(2026, 5, 3));

  static Citation cite(String title) {
    return Citation.of(IRI, title, List.of("出典：テスト"), CTX, PagesTest.site());
  }

  @Test
  void bibtex_specialCharactersEscaped_urlVerbatim() {
    String bib = cite("50% & {braces} #1 a_b").bibtex();
    assertTrue(bib.startsWith("@misc{chizai_kg_report_2025_progress_direction_6_12_202604,"), bib);
    assertTrue(bib.contains("title = {{50\\% \\& \\{braces\\} \\#1 a\\_b}}"), bib);
    assertTrue(bib.contains("url = {" + IRI + "}"), bib);
    assertTrue(bib.contains("urldate = {2026-05-03}"), bib);
    assertTrue(bib.contains("version = {2026-04}"), bib);
    assertTrue(bib.contains("year = {2026}"), bib);
    assertTrue(bib.contains("note = {出典：テスト}"), bib);
    assertEquals(
        bib.chars().filter(c -> c == '{').count(), bib.chars().filter(c -> c == '}').count());
  }

  @Test
  void cslJson_oneDatasetItem_withAccessAndIssueDates() throws Exception {
    JsonNode items = new ObjectMapper().readTree(cite("方向性 \"6-12\"").cslJson());
    assertEquals(1, items.size());
    JsonNode item = items.get(0);
    assertEquals("dataset", item.get("type").asText());
    assertEquals("方向性 \"6-12\"", item.get("title").asText());
    assertEquals(IRI, item.get("URL").asText());
    assertEquals("2026-04", item.get("version").asText());
    assertEquals("[[2026,5,3]]", item.get("accessed").get("date-parts").toString());
    assertEquals("[[2026,4]]", item.get("issued").get("date-parts").toString());
    assertEquals("出典：テスト", item.get("note").asText());
  }

  @Test
  void block_iriReleaseDateAndCredit_escaped() {
    String html = cite(PagesTest.EVIL).html();
    assertFalse(html.contains("<script>"), html);
    Document doc = Jsoup.parse(html);
    assertEquals(IRI, doc.selectFirst("dd code").text());
    assertEquals("2026-05-03", doc.selectFirst("time").attr("datetime"));
    assertEquals("出典：テスト", doc.selectFirst("dd.credit").text());
    assertEquals(2, doc.select("p.exports a[href^=/cite?iri=]").size());
  }

  @Test
  void page_withContext_citesThePageThing() {
    ResourceGraph d =
        PagesTest.description(
            IRI,
            org.apache.jena.rdf.model.ModelFactory.createDefaultModel()
                .add(
                    org.apache.jena.rdf.model.ResourceFactory.createResource(IRI),
                    org.apache.jena.vocabulary.RDFS.label,
                    "方向性 6-12",
                    "ja"));
    Document doc = Jsoup.parse(ResourcePage.render(d, PagesTest.site(), null, CTX));
    assertTrue(doc.selectFirst("footer section.cite p.citation").text().contains(IRI));
    assertTrue(doc.selectFirst("footer section.cite p.citation").text().contains("「方向性 6-12」"));
  }
}
