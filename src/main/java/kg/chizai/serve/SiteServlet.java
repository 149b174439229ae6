package kg.chizai.serve;

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
import java.util.concurrent.ConcurrentHashMap;
import kg.chizai.base.Resources;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
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
          new String[] {YASGUI + "yasgui.min.css", "text/css; charset=utf-8"});

  private final transient DatasetGraph dsg;
  private final transient Site site;
  private final transient Map<String, byte[]> assetCache = new ConcurrentHashMap<>();
  private volatile byte[] landing;

  SiteServlet(DatasetGraph dsg, Site site) {
    this.dsg = dsg;
    this.site = site;
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
    Model context =
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
    String page = SearchPage.render(q, hits, context, SearchPage.sparql(lucene, MAX_HITS), site);
    html(resp, 200, page.getBytes(StandardCharsets.UTF_8));
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
