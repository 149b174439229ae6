package kg.chizai.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kg.chizai.base.Resources;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The site around the data: the landing page ({@code /}), the full-text search page ({@code
 * /search?q=…}, which runs {@code text:query} through SPARQL) and the static assets ({@code
 * /assets/…}: the stylesheet, the page script, and YASGUI from its WebJar on the classpath).
 */
final class SiteServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Most hits a search page lists. */
  static final int MAX_HITS = 500;

  /** YASGUI's files, in the WebJar of the version the build put on the classpath. */
  private static final String YASGUI = webJar("org.webjars.npm", "zazuko__yasgui") + "build/";

  /** Asset path → classpath resource and media type. */
  private static final Map<String, String[]> ASSETS =
      Map.of(
          "/assets/chizai.css",
          new String[] {"/serve-assets/chizai.css", "text/css; charset=utf-8"},
          "/assets/chizai.js",
          new String[] {"/serve-assets/chizai.js", "text/javascript; charset=utf-8"},
          "/assets/yasgui/yasgui.min.js",
          new String[] {YASGUI + "yasgui.min.js", "text/javascript; charset=utf-8"},
          "/assets/yasgui/yasgui.min.css",
          new String[] {YASGUI + "yasgui.min.css", "text/css; charset=utf-8"},
          "/assets/favicon.svg",
          new String[] {"/serve-assets/favicon.svg", "image/svg+xml"},
          "/favicon.ico",
          new String[] {"/serve-assets/favicon.svg", "image/svg+xml"});

  /** The query editor's prefix list (instead of prefix.cc): the prefixes of the data. */
  static final String PREFIXES_PATH = "/assets/prefixes.json";

  private final transient DatasetGraph dsg;
  private final transient Site site;
  private final transient Limits limits;
  private final transient Map<String, byte[]> assetCache = new ConcurrentHashMap<>();
  private volatile byte[] landing;

  SiteServlet(DatasetGraph dsg, Site site, Limits limits) {
    this.dsg = dsg;
    this.site = site;
    this.limits = limits;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    if (path.equals("/") || path.isEmpty()) {
      byte[] page = landing;
      if (page == null) {
        page = LandingPage.render(site).getBytes(StandardCharsets.UTF_8);
        landing = page;
      }
      html(resp, 200, page);
    } else if (path.equals(Site.SEARCH_PATH)) {
      search(req, resp);
    } else if (path.equals(PREFIXES_PATH)) {
      byte[] bytes = assetCache.computeIfAbsent(PREFIXES_PATH, k -> prefixesJson());
      resp.setContentType("application/json");
      resp.setHeader("Cache-Control", "public, max-age=86400");
      resp.setContentLength(bytes.length);
      resp.getOutputStream().write(bytes);
    } else if (ASSETS.containsKey(path)) {
      String[] asset = ASSETS.get(path);
      byte[] bytes = assetCache.computeIfAbsent(asset[0], SiteServlet::resource);
      resp.setContentType(asset[1]);
      resp.setHeader("Cache-Control", "public, max-age=86400");
      resp.setContentLength(bytes.length);
      resp.getOutputStream().write(bytes);
    } else {
      LinkedDataServlet.plain(resp, 404, "not found: " + path);
    }
  }

  private void search(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String q = Optional.ofNullable(req.getParameter("q")).orElse("");
    List<String> words = SearchPage.words(q);
    if (q.length() > limits.maxSearchChars() || words.size() > limits.maxSearchWords()) {
      refuseSearch(
          resp,
          "検索語が多すぎます（" + limits.maxSearchWords() + " 語・" + limits.maxSearchChars() + " 文字まで）。",
          "Too many search words: at most "
              + limits.maxSearchWords()
              + " words and "
              + limits.maxSearchChars()
              + " characters (this one has "
              + words.size()
              + " words, "
              + q.length()
              + " characters).");
      return;
    }
    if (words.isEmpty()) {
      html(
          resp,
          200,
          SearchPage.render(q, List.of(), ModelFactory.createDefaultModel(), "", site)
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    String lucene = SearchPage.luceneQuery(words);
    ParameterizedSparqlString pss =
        new ParameterizedSparqlString(
            "PREFIX text: <http://jena.apache.org/text#>\n"
                + "SELECT ?s ?score ?literal WHERE { (?s ?score ?literal) text:query (?q ?limit) }"
                + " ORDER BY DESC(?score) ?s");
    pss.setLiteral("q", lucene);
    pss.setLiteral("limit", MAX_HITS);
    Dataset ds = DatasetFactory.wrap(dsg);
    List<SearchPage.Hit> hits = new ArrayList<>();
    Model context;
    try {
      context =
          Txn.calculateRead(
              ds,
              () -> {
                try (QueryExecution qe =
                    QueryExecution.create()
                        .query(pss.asQuery())
                        .dataset(ds)
                        .timeout(site.timeout().toMillis())
                        .build()) {
                  qe.execSelect()
                      .forEachRemaining(
                          (QuerySolution s) -> {
                            Literal l = s.getLiteral("literal");
                            hits.add(
                                new SearchPage.Hit(
                                    s.getResource("s").getURI(),
                                    l == null ? "" : l.getLexicalForm(),
                                    l == null ? "" : l.getLanguage(),
                                    s.getLiteral("score").getDouble()));
                          });
                }
                LinkedHashSet<String> iris = new LinkedHashSet<>();
                hits.forEach(h -> iris.add(h.iri()));
                return ResourceGraph.facts(dsg, iris);
              });
    } catch (QueryCancelledException e) {
      LinkedDataServlet.plain(resp, 503, "search timed out");
      return;
    } catch (RuntimeException e) {
      // The index refused the query (too many terms after analysis, or a malformed phrase):
      // a 400 that says so, never the index's exception text.
      refuseSearch(
          resp,
          "この検索は実行できません。語を減らしてください。",
          "This search cannot be run; use fewer or shorter words.");
      return;
    }
    String page = SearchPage.render(q, hits, context, SearchPage.sparql(lucene, MAX_HITS), site);
    html(resp, 200, page.getBytes(StandardCharsets.UTF_8));
  }

  private void refuseSearch(HttpServletResponse resp, String ja, String en) throws IOException {
    String body =
        "<article><h1>検索できません <span lang=\"en\">Search refused</span></h1><p>"
            + Html.esc(ja)
            + " <span lang=\"en\">"
            + Html.esc(en)
            + "</span></p><p><a href=\""
            + Site.SEARCH_PATH
            + "\">全文検索へ / search again</a></p></article>\n";
    html(
        resp,
        400,
        Html.page(
                "検索できません", body, site.reports().stream().map(Site.ReportInfo::credit).toList(), "")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The data's prefixes as prefix.cc's {@code all.file.json} shape: {@code {"ckg": "https://…#"}}.
   */
  private static byte[] prefixesJson() {
    try {
      return new ObjectMapper()
          .writeValueAsBytes(new TreeMap<>(Namespaces.prefixes().getNsPrefixMap()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the prefixes as JSON", e);
    }
  }

  private static void html(HttpServletResponse resp, int status, byte[] body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  private static byte[] resource(String name) {
    return Resources.bytes(name);
  }

  /**
   * Where a WebJar keeps its files ({@code /META-INF/resources/webjars/<artifact>/<version>/}), the
   * version read from the {@code pom.properties} Maven packs into every jar: the pom names the
   * version once.
   */
  static String webJar(String groupId, String artifactId) {
    String pom = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    String version = Resources.properties(pom).getProperty("version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("no version in " + pom);
    }
    return "/META-INF/resources/webjars/" + artifactId + "/" + version.strip() + "/";
  }
}
