package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kg.chizai.rdf.CKG;
import kg.chizai.testing.Seed;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every chart draws the numbers of its CSV, and its CSV is its SPARQL answer; the heat map's and
 * the status chart's numbers are also checked against the graph walked in Java.
 */
class ChartsTest {

  static Model graph;
  static Site site;

  @BeforeAll
  static void convert() {
    Dataset ds = Seed.served();
    graph = ds.getUnionModel();
    site = TestServers.seedSite();
  }

  /** The CSV as rows of cells (the charts' CSV has no quoted line breaks). */
  static List<Map<String, String>> csv(String text) {
    String[] lines = text.split("\r\n");
    List<String> head = cells(lines[0]);
    List<Map<String, String>> out = new java.util.ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      List<String> cells = cells(lines[i]);
      Map<String, String> row = new HashMap<>();
      for (int j = 0; j < head.size(); j++) {
        row.put(head.get(j), j < cells.size() ? cells.get(j) : "");
      }
      out.add(row);
    }
    return out;
  }

  private static List<String> cells(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /** Row and column variables and the value variable of each chart. */
  static final Map<String, String[]> KEYS =
      Map.of(
          "heatmap", new String[] {"body", "area", "entries"},
          "status", new String[] {"area", "status", "entries"},
          "timeline", new String[] {"granularity", "period", "events"},
          "statutes", new String[] {"law", "area", "mentions"});

  @Test
  void everyChart_drawsTheNumbersOfItsCsv_whichIsItsSparqlAnswer() {
    for (Charts.Chart c : Charts.ALL) {
      Charts.Table t = Charts.run(c, graph);
      assertFalse(t.rows().isEmpty(), c.id());
      List<Map<String, String>> rows = csv(t.csv());
      assertEquals(Facts.select(graph, c.sparql()).size(), rows.size(), c.id());
      assertEquals(t.rows().size(), rows.size(), c.id());
      Document svg = Jsoup.parse(Charts.svg(c, t, site), "", Parser.xmlParser());
      String[] k = KEYS.get(c.id());
      Set<String> drawn = new HashSet<>();
      for (Element mark : svg.select("[data-value]")) {
        drawn.add(
            mark.attr("data-row") + " " + mark.attr("data-col") + " " + mark.attr("data-value"));
      }
      Set<String> expected = new HashSet<>();
      for (Map<String, String> r : rows) {
        String row = c.id().equals("timeline") ? r.get(k[0]) : r.get(k[0]);
        String col = c.id().equals("timeline") ? r.get(k[1]) : r.get(k[1]);
        expected.add(row + " " + col + " " + r.get(k[2]));
      }
      assertEquals(expected, drawn, c.id());
      assertTrue(svg.select("[style]").isEmpty(), "no style attribute (CSP): " + c.id());
      assertTrue(svg.select("script").isEmpty(), c.id());
    }
  }

  @Test
  void heatmap_countsEntriesByBodyAndArea_asTheGraphSays() {
    Map<String, Long> expected = new HashMap<>();
    for (Resource e : graph.listResourcesWithProperty(RDF.type, CKG.ProgressEntry).toList()) {
      for (Resource b : Facts.objects(e, Facts.WAS_ATTRIBUTED_TO)) {
        for (Resource a : Facts.objects(e, CKG.inSection)) {
          expected.merge(b.getURI() + " " + a.getURI(), 1L, Long::sum);
        }
      }
    }
    Charts.Table t = Charts.run(Charts.byId("heatmap").orElseThrow(), graph);
    Map<String, Long> drawn = new HashMap<>();
    t.rows()
        .forEach(
            r -> drawn.put(r.get("body") + " " + r.get("area"), Charts.Table.number(r, "entries")));
    assertEquals(expected, drawn);
  }

  @Test
  void status_statusesInTheBadgeOrder_andLinkedToBrowse() {
    Charts.Chart c = Charts.byId("status").orElseThrow();
    Document svg = Jsoup.parse(Charts.svg(c, Charts.run(c, graph), site), "", Parser.xmlParser());
    Element bar = svg.selectFirst("rect.bar");
    assertNotNull(bar);
    String href = bar.parent().attr("href");
    assertTrue(href.startsWith(FacetPage.PATH + "?kind=entry&area="), href);
    // The first bar of a row is "done" when the area has done entries.
    assertTrue(bar.attr("data-col").endsWith("#done"), bar.attr("data-col"));
  }

  @Test
  void page_everyChartWithCsvSvgAndSparqlLinks() {
    Document doc = Jsoup.parse(Charts.page(graph, site, null));
    for (Charts.Chart c : Charts.ALL) {
      Element s = doc.getElementById(c.id());
      assertNotNull(s.selectFirst("svg"), c.id());
      assertNotNull(s.selectFirst("a[href=/charts/" + c.id() + ".csv]"), c.id());
      assertNotNull(s.selectFirst("a[href=/charts/" + c.id() + ".svg]"), c.id());
      assertNotNull(s.selectFirst("a[href^=/?query=]"), c.id());
    }
  }
}
