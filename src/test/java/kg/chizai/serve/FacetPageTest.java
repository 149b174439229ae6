package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faceted browse over the seed converted in memory: every facet count is the number of items the
 * value gives, checked against the graph walked in Java; filters combine; the free text folds
 * widths; URLs are stable; the "as SPARQL" query gives the listed items.
 */
class FacetPageTest {

  static Model graph;
  static Site site;

  @BeforeAll
  static void convert() {
    Dataset ds = Seed.served();
    graph = ds.getUnionModel();
    site = TestServers.seedSite();
  }

  static FacetPage.State state(FacetPage.Kind kind, String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    String q = "";
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i].equals("q")) {
        q = kv[i + 1];
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return new FacetPage.State(kind, q, m, 1);
  }

  @Test
  void everyFacetValue_countIsTheNumberOfItemsItGives() {
    for (FacetPage.Kind kind : FacetPage.Kind.values()) {
      FacetPage.State all = state(kind);
      Map<FacetPage.Facet, List<FacetPage.Value>> facets = FacetPage.facets(all, graph);
      for (Map.Entry<FacetPage.Facet, List<FacetPage.Value>> f : facets.entrySet()) {
        assertFalse(f.getValue().isEmpty(), kind + " " + f.getKey().key() + " has values");
        for (FacetPage.Value v : f.getValue()) {
          int given = FacetPage.items(all.with(f.getKey().key(), v.value()), graph).size();
          assertEquals(v.count(), given, kind + " " + f.getKey().key() + "=" + v.value());
        }
      }
    }
  }

  @Test
  void bodyFacet_ministryCountsItsAgencies_asTheGraphSays() {
    Map<String, Set<Resource>> expected = new HashMap<>();
    for (Resource e :
        graph
            .listResourcesWithProperty(org.apache.jena.vocabulary.RDF.type, CKG.ProgressEntry)
            .toList()) {
      for (Resource b : Facts.objects(e, Facts.WAS_ATTRIBUTED_TO)) {
        Set<Resource> seen = new HashSet<>();
        for (Resource up = b; up != null && seen.add(up); ) {
          expected.computeIfAbsent(up.getURI(), k -> new HashSet<>()).add(e);
          up = Facts.object(up, Facts.SUB_ORGANIZATION_OF).orElse(null);
        }
      }
    }
    FacetPage.Facet body = FacetPage.FACETS.get(0);
    List<FacetPage.Value> values = FacetPage.facets(state(FacetPage.Kind.ENTRY), graph).get(body);
    assertEquals(expected.size(), values.size());
    for (FacetPage.Value v : values) {
      assertEquals(expected.get(v.value()).size(), v.count(), v.value());
    }
  }

  @Test
  void statusFacet_directions_countsDirectionsAnsweredWithThatStatus() {
    Map<String, Set<Resource>> expected = new HashMap<>();
    for (Resource d :
        graph
            .listResourcesWithProperty(org.apache.jena.vocabulary.RDF.type, CKG.Direction)
            .toList()) {
      for (Resource e : Facts.subjects(graph, CKG.addresses, d)) {
        for (Resource s : Facts.objects(e, CKG.status)) {
          expected.computeIfAbsent(s.getURI(), k -> new HashSet<>()).add(d);
        }
      }
    }
    FacetPage.Facet status = FacetPage.FACETS.get(2);
    for (FacetPage.Value v : FacetPage.facets(state(FacetPage.Kind.DIRECTION), graph).get(status)) {
      assertEquals(expected.get(v.value()).size(), v.count(), v.value());
    }
  }

  @Test
  void filtersCombine_asTheIntersectionOfEach() {
    String body = Iris.DEFAULT_BASE + "id/body/agency-for-cultural-affairs";
    Set<String> byBody =
        new HashSet<>(FacetPage.items(state(FacetPage.Kind.ENTRY, "body", body), graph));
    Set<String> byYear =
        new HashSet<>(FacetPage.items(state(FacetPage.Kind.ENTRY, "fy", "2025"), graph));
    Set<String> byText =
        new HashSet<>(FacetPage.items(state(FacetPage.Kind.ENTRY, "q", "海賊版"), graph));
    Set<String> expected = new HashSet<>(byBody);
    expected.retainAll(byYear);
    expected.retainAll(byText);
    Set<String> both =
        new HashSet<>(
            FacetPage.items(
                state(FacetPage.Kind.ENTRY, "body", body, "fy", "2025", "q", "海賊版"), graph));
    assertEquals(expected, both);
    assertFalse(byBody.isEmpty() || byYear.isEmpty() || byText.isEmpty());
  }

  @Test
  void freeText_fullWidthFindsWhatHalfWidthFinds() {
    List<String> half = FacetPage.items(state(FacetPage.Kind.ENTRY, "q", "生成AI"), graph);
    List<String> full = FacetPage.items(state(FacetPage.Kind.ENTRY, "q", "生成ＡＩ"), graph);
    assertFalse(half.isEmpty());
    assertEquals(half, full);
    for (String e : half) {
      String text = Facts.string(graph.getResource(e), CKG.sourceText).orElse("");
      assertTrue(text.toLowerCase().contains("生成ai"), text);
    }
  }

  @Test
  void freeText_quotesAndBraces_neitherBreakTheQueryNorTheHtml() {
    FacetPage.State s = state(FacetPage.Kind.ENTRY, "q", "\"} . ?x ?p ?o { <script>");
    assertEquals(List.of(), FacetPage.items(s, graph));
    String html = FacetPage.render(s, graph, site, null);
    assertFalse(html.contains("<script>"), html);
  }

  @Test
  void url_stable_andBadValuesDropped() {
    Map<String, String> params = new HashMap<>();
    params.put("fy", "2025");
    params.put("kind", "direction");
    params.put("body", Iris.DEFAULT_BASE + "id/body/agency-for-cultural-affairs");
    params.put("status", "javascript:alert(1)");
    params.put("month", "2025-6");
    params.put("q", " 海賊版 ");
    FacetPage.State s = FacetPage.State.parse(params::get);
    assertEquals(
        "/browse?kind=direction&q=%E6%B5%B7%E8%B3%8A%E7%89%88&body="
            + FacetPage.encode(Iris.DEFAULT_BASE + "id/body/agency-for-cultural-affairs")
            + "&fy=2025",
        s.href());
    Map<String, String> again = new HashMap<>();
    for (String kv : s.href().substring(s.href().indexOf('?') + 1).split("&")) {
      String[] p = kv.split("=", 2);
      again.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
    }
    assertEquals(s, FacetPage.State.parse(again::get));
  }

  @Test
  void page_countsLinksAndAsSparql_agree() {
    FacetPage.State s = state(FacetPage.Kind.ENTRY, "fy", "2025");
    Document doc = Jsoup.parse(FacetPage.render(s, graph, site, null));
    int count = Integer.parseInt(doc.getElementById("result-count").text());
    assertEquals(FacetPage.items(s, graph).size(), count);
    assertEquals(
        Math.min(count, FacetPage.PAGE_SIZE), doc.select("section.results li.entry").size());
    String href = doc.getElementById("as-sparql").attr("href");
    String query =
        URLDecoder.decode(
            href.substring(href.indexOf("query=") + 6, href.indexOf("&tabTitle=")),
            StandardCharsets.UTF_8);
    assertEquals(count, Facts.select(graph, query).size());
    // A facet link leads to the state with that value; the selected one leads back.
    String selected = doc.selectFirst("#facet-fy a.on").attr("href");
    assertEquals(state(FacetPage.Kind.ENTRY).href(), selected);
  }
}
