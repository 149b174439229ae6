package kg.chizai.serve;

import static kg.chizai.serve.TestServers.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Ontology;
import kg.chizai.testing.Seed;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Linked data over HTTP from a real server: content negotiation, the format override, 404s, the
 * pages' content, the ontology at {@code /def}, the landing and search pages and the assets.
 */
class LinkedDataTest {

  static final String BASE = Iris.DEFAULT_BASE;
  static final String DIRECTION = BASE + "id/report/2025-progress/direction/14-2";
  static final String ENTRY = BASE + "id/report/2025-progress/entry/14-2";

  static ChizaiServer server;
  static Dataset expected;

  @BeforeAll
  static void start() {
    expected = Seed.served();
    server = Seed.server();
  }

  static String local(String iri) {
    return server.url() + iri.substring(BASE.length());
  }

  // ------------------------------------------------------------------ negotiation

  @ParameterizedTest
  @CsvSource({
    "text/turtle, text/turtle",
    "application/ld+json, application/ld+json",
    "application/n-triples, application/n-triples",
    "application/rdf+xml, application/rdf+xml"
  })
  void get_entryAcceptRdf_200SameTriplesAsStored(String accept, String contentType) {
    HttpResponse<String> r = get(local(ENTRY), accept);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(contentType));
    assertEquals("Accept", r.headers().firstValue("Vary").orElse(null));
    Model got = parse(r.body(), RDFLanguages.contentTypeToLang(contentType));
    Model union = expected.getUnionModel();
    Resource e = union.getResource(ENTRY);
    Model want = ModelFactory.createDefaultModel();
    want.add(union.listStatements(e, null, (org.apache.jena.rdf.model.RDFNode) null));
    want.add(union.listStatements(null, null, e));
    assertTrue(want.isIsomorphicWith(got), () -> "got:\n" + r.body());
  }

  /** The page's JSON-LD has the shape of the release's and of convert's: the same context. */
  @Test
  void get_entryJsonLd_compactedWithTheReleaseContext() throws Exception {
    HttpResponse<String> r = get(local(ENTRY), "application/ld+json");
    assertEquals(200, r.statusCode());
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var context =
        json.readTree(kg.chizai.rdf.JsonLdWriter.contextBytes(kg.chizai.rdf.JsonLdWriter.context()))
            .get("@context");
    var doc = json.readTree(r.body());
    assertEquals(context, doc.get("@context"));
    assertTrue(r.body().contains("\"sourceText\": "), r.body());
  }

  @Test
  void get_entryAcceptTurtle_200() {
    HttpResponse<String> r = get(local(ENTRY), "text/turtle");
    assertEquals(200, r.statusCode());
    Model m = parse(r.body(), Lang.TURTLE);
    assertTrue(m.contains(m.getResource(ENTRY), CKG.addresses, m.getResource(DIRECTION)));
  }

  @Test
  void get_entryNoAccept_200Html() {
    HttpResponse<String> r = get(local(ENTRY), null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
  }

  @Test
  void get_entryBrowserAccept_200Html() {
    HttpResponse<String> r =
        get(local(ENTRY), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
  }

  @Test
  void get_entryAnyAccept_200Html() {
    HttpResponse<String> r = get(local(ENTRY), "*/*");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
  }

  @ParameterizedTest
  @CsvSource({
    "ttl, text/turtle",
    "jsonld, application/ld+json",
    "nt, application/n-triples",
    "rdf, application/rdf+xml",
    "html, text/html"
  })
  void get_entryFormatParameter_overridesAccept200(String format, String contentType) {
    HttpResponse<String> r = get(local(ENTRY) + "?format=" + format, "image/png");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(contentType));
  }

  @Test
  void get_unknownResource_404() {
    HttpResponse<String> r = get(local(BASE + "id/report/2025-progress/direction/999-1"), null);
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Not found"));
  }

  @Test
  void get_unknownResourceAcceptTurtle_404() {
    assertEquals(404, get(local(BASE + "id/body/no-such-body"), "text/turtle").statusCode());
  }

  @Test
  void get_unacceptableType_406() {
    assertEquals(406, get(local(ENTRY), "image/png").statusCode());
  }

  @Test
  void get_unknownFormatParameter_400() {
    assertEquals(400, get(local(ENTRY) + "?format=docx", null).statusCode());
  }

  @Test
  void get_everyMintedIri_200() {
    List<String> iris = new ArrayList<>();
    expected
        .getUnionModel()
        .listSubjects()
        .forEachRemaining(
            s -> {
              if (s.isURIResource() && s.getURI().startsWith(BASE + "id/")) {
                iris.add(s.getURI());
              }
            });
    assertTrue(iris.size() > 400, "subjects: " + iris.size());
    // A few requests in flight at a time: the server answers them on its own threads.
    List<String> failed = new ArrayList<>();
    int inFlight = 4;
    for (int i = 0; i < iris.size(); i += inFlight) {
      List<String> batch = iris.subList(i, Math.min(i + inFlight, iris.size()));
      List<CompletableFuture<HttpResponse<Void>>> answers =
          batch.stream()
              .map(
                  iri ->
                      TestServers.CLIENT.sendAsync(
                          HttpRequest.newBuilder(URI.create(local(iri)))
                              .timeout(Duration.ofSeconds(60))
                              .header("Accept", "application/n-triples")
                              .build(),
                          HttpResponse.BodyHandlers.discarding()))
              .toList();
      for (int j = 0; j < batch.size(); j++) {
        int status = answers.get(j).join().statusCode();
        if (status != 200) {
          failed.add(status + " " + batch.get(j));
        }
      }
    }
    assertEquals(List.of(), failed);
  }

  @Test
  void get_namedGraphIri_303ToGraphStore() {
    HttpResponse<String> r = get(server.url() + "graph/reference", null);
    assertEquals(303, r.statusCode());
    String location = r.headers().firstValue("Location").orElse("");
    assertTrue(location.contains("/data?graph="), location);
    HttpResponse<String> g =
        get(
            location.startsWith("http") ? location : server.url() + location.substring(1),
            "text/turtle");
    assertEquals(200, g.statusCode());
  }

  // ------------------------------------------------------------------ pages

  @Test
  void get_directionPage_showsTextSheetLinesTypeAndCredit() {
    HttpResponse<String> r = get(local(DIRECTION), "text/html");
    assertEquals(200, r.statusCode());
    Document doc = Jsoup.parse(r.body());
    String text =
        expected.getUnionModel().getResource(DIRECTION).getProperty(CKG.sourceText).getString();
    assertEquals(text, doc.selectFirst("#source blockquote").text());
    assertTrue(
        doc.selectFirst("p.where").text().contains("241行目"), doc.selectFirst("p.where").text());
    assertTrue(doc.selectFirst("p.where").text().contains("ページ 14"));
    assertEquals("方向性 14-2", doc.selectFirst("h1").text());
    assertTrue(doc.select(".types a").text().contains("方向性"));
    // Every property with its ontology label, and incoming links.
    assertTrue(doc.select(".properties th").text().contains("所属する章・分野"));
    assertTrue(doc.select(".incoming th").text().contains("対応する記載"));
    assertFalse(doc.select(".incoming th").text().contains("対応する方向性"));
    assertFalse(doc.select(".incoming a[href=/id/report/2025-progress/entry/14-2]").isEmpty());
    // Download links and the credit line.
    assertFalse(doc.select(".downloads a[href$=?format=ttl]").isEmpty());
    assertTrue(
        doc.select("footer .credit")
            .text()
            .contains("出典：内閣府知的財産戦略推進事務局「「知的財産推進計画2025」の進捗状況」（令和8年4月）"),
        doc.select("footer").text());
  }

  @Test
  void get_bodyPage_japaneseAndEnglishNames() {
    HttpResponse<String> r = get(local(BASE + "id/body/agency-for-cultural-affairs"), "text/html");
    assertEquals(200, r.statusCode());
    Document doc = Jsoup.parse(r.body());
    assertEquals("文化庁", doc.selectFirst("h1").text());
    assertEquals("Agency for Cultural Affairs", doc.selectFirst("p.en").text());
  }

  @Test
  void get_def_200HtmlWithEveryClass() {
    HttpResponse<String> r = get(server.url() + "def", "text/html");
    assertEquals(200, r.statusCode());
    assertEquals("Accept", r.headers().firstValue("Vary").orElse(null));
    Document doc = Jsoup.parse(r.body());
    for (String term : List.of("Direction", "ProgressEntry", "addresses", "sourceText")) {
      assertTrue(doc.getElementById(term) != null, term);
    }
    assertTrue(doc.getElementById("Direction").text().contains("方向性"));
  }

  @Test
  void get_defAcceptTurtle_200TheOntology() {
    HttpResponse<String> r = get(server.url() + "def", "text/turtle");
    assertEquals(200, r.statusCode());
    assertTrue(Ontology.model().isIsomorphicWith(parse(r.body(), Lang.TURTLE)));
  }

  @Test
  void get_landing_200WithCountsSectionsSearchExamplesAndEditor() throws Exception {
    HttpResponse<String> r = get(server.url(), "text/html");
    assertEquals(200, r.statusCode());
    Document doc = Jsoup.parse(r.body());
    assertTrue(doc.select("table.kv.counts").text().contains("106"), "directions counted");
    assertTrue(doc.select("ul.sections").text().contains("海賊版対策の強化"));
    assertFalse(doc.select("form[action=/search] input[name=q]").isEmpty());
    long queries;
    try (var files = Files.list(Path.of("queries"))) {
      queries = files.filter(f -> f.toString().endsWith(".rq")).count();
    }
    assertEquals(queries, doc.select("a.example").size());
    String example = doc.selectFirst("a.example").attr("href");
    assertTrue(example.startsWith("/?example="), example);
    HttpResponse<String> open = get(server.url() + example.substring(1), "text/html");
    assertEquals(303, open.statusCode());
    assertTrue(open.headers().firstValue("Location").orElse("").startsWith("/?query="));
    assertFalse(doc.select("#yasgui[data-endpoint=/sparql]").isEmpty());
    assertFalse(doc.select("script[src=/assets/yasgui/yasgui.min.js]").isEmpty());
    assertTrue(r.body().indexOf("https://cdn") < 0, "no CDN");
  }

  @Test
  void get_yasguiAssets_200FromTheClasspath() {
    HttpResponse<String> js = get(server.url() + "assets/yasgui/yasgui.min.js", null);
    assertEquals(200, js.statusCode());
    assertTrue(js.body().length() > 500_000);
    assertEquals(200, get(server.url() + "assets/yasgui/yasgui.min.css", null).statusCode());
    assertEquals(200, get(server.url() + "assets/chizai.js", null).statusCode());
    assertEquals(404, get(server.url() + "assets/../pom.xml", null).statusCode());
  }

  @Test
  void get_search_海賊版_listsEveryThingWhoseTextContainsIt() {
    HttpResponse<String> r =
        get(server.url() + "search?q=" + TestServers.encode("海賊版"), "text/html");
    assertEquals(200, r.statusCode());
    Document doc = Jsoup.parse(r.body());
    List<org.apache.jena.rdf.model.Statement> texts =
        expected.getUnionModel().listStatements().toList().stream()
            .filter(s -> TestServers.SEARCHED.contains(s.getPredicate().asNode()))
            .filter(s -> s.getObject().isLiteral() && s.getString().contains("海賊版"))
            .toList();
    long want = texts.stream().map(s -> s.getSubject()).distinct().count();
    assertTrue(want > 10, "the seed names 海賊版 in many things: " + want);
    assertTrue(texts.size() > want, "some things name it in more than one text");
    // One hit per thing, however many of its texts match.
    assertEquals(want, doc.select("ol.hits > li").size());
    assertEquals(String.valueOf(want), doc.selectFirst(".hits").text());
    assertTrue(
        doc.selectFirst("p.summary").text().contains("一致したテキスト " + texts.size()),
        doc.selectFirst("p.summary").text());
    assertFalse(doc.select("ol.hits mark").isEmpty());
  }

  @Test
  void get_search_fullWidthWord_marksTheHalfWidthText() {
    Document doc =
        Jsoup.parse(
            get(server.url() + "search?q=" + TestServers.encode("生成ＡＩ"), "text/html").body());
    assertFalse(doc.select("ol.hits > li").isEmpty());
    assertTrue(
        doc.select("ol.hits mark").eachText().contains("生成AI"),
        doc.select("ol.hits mark").eachText().toString());
  }

  @Test
  void get_searchWithMarkup_escaped() {
    HttpResponse<String> r =
        get(server.url() + "search?q=" + TestServers.encode("<b>x\" AND"), "text/html");
    assertEquals(200, r.statusCode());
    assertFalse(r.body().contains("<b>x"));
    assertTrue(r.body().contains("&lt;b&gt;x"));
  }

  private static Model parse(String body, Lang lang) {
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(m, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
    return m;
  }
}
