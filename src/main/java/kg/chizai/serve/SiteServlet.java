package kg.chizai.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kg.chizai.rdf.CKG;
import kg.chizai.source.SourceText;
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

  private static final String YASGUI = "/META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/";

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

  /** Source file name (as {@code ckg:sourceFile} gives it) → file. */
  private final transient Map<String, Path> sources;

  private final transient Map<String, byte[]> sourcePages = new ConcurrentHashMap<>();

  SiteServlet(DatasetGraph dsg, Site site) {
    this(dsg, site, List.of());
  }

  SiteServlet(DatasetGraph dsg, Site site, List<Path> sources) {
    this.dsg = dsg;
    this.site = site;
    Map<String, Path> byName = new TreeMap<>();
    for (Path p : sources) {
      byName.putIfAbsent(p.getFileName().toString(), p);
    }
    this.sources = Map.copyOf(byName);
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
    } else if (path.startsWith(SourcePage.PATH)) {
      source(URLDecoder.decode(path.substring(SourcePage.PATH.length()), StandardCharsets.UTF_8), resp);
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
              return Description.facts(dsg, iris);
            });
    String page = SearchPage.render(q, hits, context, SearchPage.sparql(lucene, MAX_HITS), site);
    html(resp, 200, page.getBytes(StandardCharsets.UTF_8));
  }

  /** A source report with numbered lines, for the name the graph gives as its source file. */
  private void source(String name, HttpServletResponse resp) throws IOException {
    Path file = sources.get(name);
    Optional<String> report = file == null ? Optional.empty() : reportOf(name);
    if (report.isEmpty()) {
      LinkedDataServlet.plain(resp, 404, "no source file named " + name);
      return;
    }
    byte[] page =
        sourcePages.computeIfAbsent(
            name,
            n -> {
              SourceText text = SourceText.read(file);
              return Txn.calculateRead(
                      dsg,
                      () ->
                          SourcePage.render(
                              text, report.get(), LinkedDataServlet.union(dsg), site))
                  .getBytes(StandardCharsets.UTF_8);
            });
    resp.setHeader("Cache-Control", "public, max-age=300");
    html(resp, 200, page);
  }

  /** The report converted from the source file {@code name}. */
  private Optional<String> reportOf(String name) {
    return Txn.calculateRead(
        dsg,
        () -> {
          Model graph = LinkedDataServlet.union(dsg);
          return graph
              .listResourcesWithProperty(CKG.sourceFile, graph.createLiteral(name))
              .toList()
              .stream()
              .filter(r -> r.isURIResource())
              .map(r -> r.getURI())
              .sorted()
              .findFirst();
        });
  }

  private static void html(HttpServletResponse resp, int status, byte[] body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  private static byte[] resource(String name) {
    try (InputStream in = SiteServlet.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
