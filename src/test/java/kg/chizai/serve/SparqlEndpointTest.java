package kg.chizai.serve;

import static kg.chizai.serve.TestServers.get;
import static kg.chizai.serve.TestServers.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.chizai.rdf.CKG;
import kg.chizai.testing.Seed;
import kg.chizai.testing.SmallReport;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPARQL endpoint and Graph Store of a real server over a real TDB2 store: the researcher
 * queries answer as in memory, every result format, read-only, the timeout, the row cap, CORS and
 * Japanese full-text search.
 */
// Alone: the timeout test measures the CPU of every server thread in the JVM.
@Isolated
class SparqlEndpointTest {

  static final int MAX_ROWS = Seed.MAX_ROWS;
  static final Duration TIMEOUT = Seed.TIMEOUT;

  /** The timeout of the server that the expensive query is stopped on. */
  static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

  static ChizaiServer server;

  @TempDir Path dir;
  static Dataset expected;
  static String sparql;

  @BeforeAll
  static void start() {
    expected = Seed.served();
    server = Seed.server();
    sparql = server.url() + "sparql";
  }

  /**
   * The queries whose answer on the seed is empty (their answer on other data is checked in {@code
   * QueriesTest}).
   */
  static final Set<String> EMPTY_ON_SEED = Set.of("unanswered-directions.rq");

  static Stream<Path> queryFiles() throws Exception {
    return Files.list(Path.of("queries")).filter(p -> p.toString().endsWith(".rq")).sorted();
  }

  // ------------------------------------------------------------------ answers

  @ParameterizedTest
  @MethodSource("queryFiles")
  void post_researcherQuery_sameAnswerAsInMemory(Path file) throws Exception {
    String text = Files.readString(file);
    Query q = QueryFactory.create(text);
    ResultSetRewindable want;
    try (QueryExecution qe =
        QueryExecution.create().query(q).model(expected.getUnionModel()).build()) {
      want = ResultSetFactory.copyResults(qe.execSelect());
    }
    HttpResponse<String> r = postForm(sparql, "query", text, "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    ResultSetRewindable got = ResultSetFactory.copyResults(json(r.body()));
    List<Map<String, String>> wantRows = rows(q, want);
    List<Map<String, String>> gotRows = rows(q, got);
    // Two empty answers would agree whatever the server did: every query but those known to have
    // no answer on the seed must answer something (QueriesTest checks each answer itself).
    assertEquals(
        EMPTY_ON_SEED.contains(file.getFileName().toString()),
        wantRows.isEmpty(),
        file + ": " + wantRows.size() + " rows in memory");
    if (!q.hasOrderBy()) {
      wantRows.sort(Comparator.comparing(Object::toString));
      gotRows.sort(Comparator.comparing(Object::toString));
    }
    want.reset();
    got.reset();
    assertEquals(
        wantRows,
        gotRows,
        () ->
            file
                + ": answers differ\n--- in memory\n"
                + ResultSetFormatter.asText(want)
                + "\n--- over HTTP\n"
                + ResultSetFormatter.asText(got));
  }

  /**
   * The rows of an answer, each term as a string. SPARQL leaves the order inside GROUP_CONCAT
   * undefined (and stores differ), so those values are compared as sorted lists of their parts.
   */
  private static List<Map<String, String>> rows(Query q, ResultSetRewindable rs) {
    Map<String, String> separators = new HashMap<>();
    groupConcats(q, separators);
    List<Map<String, String>> out = new ArrayList<>();
    rs.reset();
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      Map<String, String> row = new TreeMap<>();
      s.varNames()
          .forEachRemaining(
              name -> {
                String value = s.get(name).asNode().toString();
                String sep = separators.get(name);
                if (sep != null && s.get(name).isLiteral()) {
                  List<String> parts =
                      new ArrayList<>(
                          List.of(
                              s.getLiteral(name).getLexicalForm().split(Pattern.quote(sep), -1)));
                  parts.sort(null);
                  value = "GROUP_CONCAT" + parts;
                }
                row.put(name, value);
              });
      out.add(row);
    }
    return out;
  }

  /**
   * The variables bound by a GROUP_CONCAT in {@code q} or in any sub-SELECT of it (an outer query
   * passes them on unchanged), with their separators.
   */
  private static void groupConcats(Query q, Map<String, String> into) {
    q.getProject()
        .forEachExpr(
            (v, e) -> {
              if (e instanceof ExprAggregator ea
                  && ea.getAggregator() instanceof AggGroupConcat gc) {
                into.put(v.getVarName(), gc.getSeparator() == null ? " " : gc.getSeparator());
              } else if (e instanceof ExprAggregator ea
                  && ea.getAggregator() instanceof AggGroupConcatDistinct gcd) {
                into.put(v.getVarName(), gcd.getSeparator() == null ? " " : gcd.getSeparator());
              }
            });
    if (q.getQueryPattern() != null) {
      ElementWalker.walk(
          q.getQueryPattern(),
          new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery el) {
              groupConcats(el.getQuery(), into);
            }
          });
    }
  }

  @Test
  void get_queryParameter_200() {
    HttpResponse<String> r =
        get(
            sparql
                + "?query="
                + TestServers.encode("ASK { ?s a <" + CKG.Direction.getURI() + "> }"),
            "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("true"), r.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values"
      })
  void post_select_eachResultFormat(String mediaType) {
    String q = "SELECT ?d WHERE { ?d a <" + CKG.Direction.getURI() + "> } ORDER BY ?d LIMIT 3";
    HttpResponse<String> r = postForm(sparql, "query", q, mediaType);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
    assertTrue(r.body().contains("/direction/"), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/turtle", "application/ld+json", "application/n-triples"})
  void post_construct_eachRdfFormat_isomorphicWithInMemory(String mediaType) {
    String q =
        "CONSTRUCT { ?e <"
            + CKG.addresses.getURI()
            + "> ?d } WHERE { ?e <"
            + CKG.addresses.getURI()
            + "> ?d }";
    HttpResponse<String> r = postForm(sparql, "query", q, mediaType);
    assertEquals(200, r.statusCode());
    Model got = ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        got,
        new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
        org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType));
    Model want;
    try (QueryExecution qe = QueryExecution.create(q, expected.getUnionModel())) {
      want = qe.execConstruct();
    }
    assertTrue(want.size() > 100);
    assertTrue(want.isIsomorphicWith(got), mediaType);
  }

  @Test
  void post_describe_turtle() {
    String iri = "https://w3id.org/chizai-kg/id/report/2025-progress/direction/14-2";
    HttpResponse<String> r = postForm(sparql, "query", "DESCRIBE <" + iri + ">", "text/turtle");
    assertEquals(200, r.statusCode());
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
    assertTrue(m.contains(m.getResource(iri), CKG.lineStart), r.body());
  }

  // ------------------------------------------------------------------ limits

  @Test
  void post_selectWithoutLimit_cappedAndSaysSo() {
    HttpResponse<String> r =
        postForm(sparql, "query", "SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertEquals(String.valueOf(MAX_ROWS), r.headers().firstValue("X-Result-Limit").orElse(null));
    assertEquals(MAX_ROWS, ResultSetFactory.copyResults(json(r.body())).size());
  }

  @Test
  void post_selectWithSmallLimit_notCapped() {
    HttpResponse<String> r =
        postForm(
            sparql,
            "query",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 7",
            "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("X-Result-Limit").isEmpty());
    assertEquals(
        String.valueOf(TIMEOUT.toSeconds()),
        r.headers().firstValue("X-Query-Timeout").orElse(null));
    assertEquals(7, ResultSetFactory.copyResults(json(r.body())).size());
  }

  @Test
  void post_expensiveQuery_stoppedByTimeout503() throws Exception {
    // A server of its own with a short timeout, so that the test waits less for it: over the small
    // report (with the ontology, hundreds of triples) the cross product below still runs for hours.
    ChizaiServer quick =
        TestServers.start(
            dir.resolve("store"),
            List.of(SmallReport.writeTo(dir, "small.txt")),
            b -> b.limits(Limits.builder().timeout(SHORT_TIMEOUT).build()));
    try {
      // Four-fold cross product of every triple behind a filter that never holds: unbounded, this
      // runs for days and never sends a row.
      String q =
          "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l"
              + " FILTER (STR(?c) = CONCAT(STR(?f), STR(?i), STR(?l), \"never\")) }";
      long start = System.nanoTime();
      HttpResponse<String> r =
          postForm(quick.url() + "sparql", "query", q, "application/sparql-results+json");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().toLowerCase().contains("timed out"), r.body());
      assertTrue(seconds < SHORT_TIMEOUT.toSeconds() + 10, "answered after " + seconds + " s");

      // And the query really stopped: the server's threads are idle afterwards.
      Thread.sleep(500);
      long busy = TestServers.serverCpuNanos(Duration.ofSeconds(1));
      assertTrue(
          busy < 300_000_000L, "server threads used " + busy / 1e6 + " ms CPU after timeout");
    } finally {
      quick.stop();
    }
  }

  // ------------------------------------------------------------------ read-only

  @Test
  void post_updateToQueryEndpoint_4xx() {
    HttpResponse<String> form =
        postForm(sparql, "update", "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "*/*");
    assertClientError(form);
    HttpRequest direct =
        HttpRequest.newBuilder(URI.create(sparql))
            .header("Content-Type", "application/sparql-update")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"))
            .build();
    assertClientError(TestServers.send(direct));
    assertEquals(0, count("ASK { <urn:x:s> ?p ?o }"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "update",
        "sparql/update",
        "$/update",
        "sparql/upload",
        "$/datasets",
        "$/server",
        "$/compact/sparql"
      })
  void post_updateOrAdminEndpoint_404(String path) {
    HttpResponse<String> r =
        postForm(
            server.url() + path, "update", "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "*/*");
    assertEquals(404, r.statusCode(), path);
  }

  @Test
  void get_graphStore_namedGraph_200() {
    HttpResponse<String> r =
        get(
            server.url()
                + "data?graph="
                + TestServers.encode("https://w3id.org/chizai-kg/graph/reference"),
            "text/turtle");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("文化庁"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "POST", "DELETE"})
  void write_graphStore_405(String method) {
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create(server.url() + "data?graph=" + TestServers.encode("urn:x:g")))
            .header("Content-Type", "text/turtle")
            .method(method, HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> ."))
            .build();
    assertClientError(TestServers.send(r));
    assertEquals(0, count("ASK { GRAPH <urn:x:g> { ?s ?p ?o } }"));
  }

  // ------------------------------------------------------------------ CORS

  @Test
  void options_preflightFromAnotherOrigin_allowed() {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(sparql))
            .header("Origin", "http://example.org")
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> resp = TestServers.send(r);
    assertEquals(200, resp.statusCode());
    assertEquals(
        "http://example.org",
        resp.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void get_fromAnotherOrigin_exposesLimitHeaders() {
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create(sparql + "?query=" + TestServers.encode("SELECT * { ?s ?p ?o }")))
            .header("Origin", "http://example.org")
            .header("Accept", "application/sparql-results+json")
            .build();
    HttpResponse<String> resp = TestServers.send(r);
    assertEquals(
        "http://example.org",
        resp.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(
        String.join(",", resp.headers().allValues("Access-Control-Expose-Headers"))
            .contains("X-Result-Limit"),
        resp.headers().toString());
  }

  // ------------------------------------------------------------------ full-text search

  @Test
  void textQuery_海賊版_exactlyTheEntriesWhoseTextContainsIt() {
    Set<String> want = new TreeSet<>();
    Model m = expected.getUnionModel();
    m.listResourcesWithProperty(org.apache.jena.vocabulary.RDF.type, CKG.ProgressEntry)
        .forEachRemaining(
            e -> {
              for (RDFNode t : m.listObjectsOfProperty(e, CKG.sourceText).toList()) {
                if (t.asLiteral().getLexicalForm().contains("海賊版")) {
                  want.add(e.getURI());
                }
              }
            });
    assertTrue(want.size() > 10, "the seed mentions 海賊版 in many entries: " + want.size());
    Set<String> got =
        subjects(
            "PREFIX text: <http://jena.apache.org/text#> PREFIX ckg: <"
                + CKG.NS
                + ">"
                + " SELECT DISTINCT ?s WHERE { ?s text:query (ckg:sourceText '\"海賊版\"' 10000) ;"
                + " a ckg:ProgressEntry }");
    assertEquals(want, got);
  }

  @Test
  void textQuery_海賊版_exactlyTheThingsWithALiteralContainingIt() {
    Set<String> want = new TreeSet<>();
    expected
        .getUnionModel()
        .listStatements()
        .forEachRemaining(
            s -> {
              if (s.getObject().isLiteral()
                  && TestServers.SEARCHED.contains(s.getPredicate().asNode())
                  && s.getObject().asLiteral().getLexicalForm().contains("海賊版")) {
                want.add(s.getSubject().getURI());
              }
            });
    Set<String> got =
        subjects(
            "PREFIX text: <http://jena.apache.org/text#>"
                + " SELECT DISTINCT ?s WHERE { ?s text:query ('海賊版' 10000) }");
    assertEquals(want, got);
  }

  @Test
  void textQuery_unrelatedWord_findsNothingOf海賊版() {
    // StandardAnalyzer would match 海外 for 海賊版; Kuromoji must not.
    Set<String> all =
        subjects(
            "PREFIX text: <http://jena.apache.org/text#> PREFIX ckg: <"
                + CKG.NS
                + ">"
                + " SELECT DISTINCT ?s WHERE { ?s text:query '海外' ; ckg:sourceText ?t }");
    assertTrue(all.size() > 5, "the index finds 海外 where the texts have it: " + all);
    Set<String> got =
        subjects(
            "PREFIX text: <http://jena.apache.org/text#> PREFIX ckg: <"
                + CKG.NS
                + ">"
                + " SELECT DISTINCT ?s WHERE { ?s text:query '海外' ; ckg:sourceText ?t"
                + " FILTER (!CONTAINS(?t, '海外')) }");
    assertEquals(Set.of(), got);
  }

  @Test
  void readmeTextSearchExample_countsEntriesMentioning海賊版ByBody() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```sparql\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README has a SPARQL example");
    Map<String, Integer> want = new TreeMap<>();
    Model union = expected.getUnionModel();
    Property attributedTo = union.createProperty("http://www.w3.org/ns/prov#wasAttributedTo");
    union
        .listResourcesWithProperty(org.apache.jena.vocabulary.RDF.type, CKG.ProgressEntry)
        .forEachRemaining(
            e -> {
              if (e.getProperty(CKG.sourceText).getString().contains("海賊版")) {
                for (RDFNode b : union.listObjectsOfProperty(e, attributedTo).toList()) {
                  String name =
                      b.asResource()
                          .listProperties(org.apache.jena.vocabulary.SKOS.prefLabel)
                          .filterKeep(st -> st.getLanguage().equals("ja"))
                          .next()
                          .getString();
                  want.merge(name, 1, Integer::sum);
                }
              }
            });
    HttpResponse<String> r =
        postForm(sparql, "query", m.group(1), "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Integer> got = new TreeMap<>();
    json(r.body())
        .forEachRemaining(
            row -> got.put(row.getLiteral("name").getString(), row.getLiteral("entries").getInt()));
    assertEquals(want, got);
  }

  // ------------------------------------------------------------------ helpers

  private Set<String> subjects(String query) {
    HttpResponse<String> r = postForm(sparql, "query", query, "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    Set<String> out = new TreeSet<>();
    json(r.body()).forEachRemaining(s -> out.add(s.getResource("s").getURI()));
    return out;
  }

  /** 1 if the ASK query holds over HTTP, else 0; any answer but a boolean fails the test. */
  private int count(String ask) {
    HttpResponse<String> r = postForm(sparql, "query", ask, "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    return ResultSetMgr.readBoolean(
            new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
            org.apache.jena.riot.resultset.ResultSetLang.RS_JSON)
        ? 1
        : 0;
  }

  private static ResultSet json(String body) {
    return ResultSetMgr.read(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        org.apache.jena.riot.resultset.ResultSetLang.RS_JSON);
  }

  private static void assertClientError(HttpResponse<String> r) {
    assertTrue(
        r.statusCode() >= 400 && r.statusCode() < 500,
        "status " + r.statusCode() + ": " + r.body());
  }
}
