package kg.chizai.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kg.chizai.base.Resources;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Namespaces;
import kg.chizai.source.SourceText;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
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
          "/assets/editor.js",
          new String[] {"/serve-assets/editor.js", "text/javascript; charset=utf-8"},
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

  /** Rendered pages that depend only on the data and what they cite (the day, the release). */
  private final transient DailyCache pages = new DailyCache();

  private final transient ReleaseOffer offer;

  /** Source file name (as {@code ckg:sourceFile} gives it) → file. */
  private final transient Map<String, Path> sources;

  SiteServlet(DatasetGraph dsg, Site site, Limits limits) {
    this(dsg, site, limits, List.of(), ReleaseOffer.of(Optional.empty()));
  }

  SiteServlet(DatasetGraph dsg, Site site, Limits limits, List<Path> sources, ReleaseOffer offer) {
    this.dsg = dsg;
    this.site = site;
    this.limits = limits;
    this.offer = offer;
    Map<String, Path> byName = new TreeMap<>();
    for (Path p : sources) {
      byName.putIfAbsent(p.getFileName().toString(), p);
    }
    this.sources = Map.copyOf(byName);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    ReleaseOffer.State offered = offer.now();
    Optional<Downloads> downloads = offered.downloads();
    Citation.Context ctx = context(downloads);
    if ((path.equals("/") || path.isEmpty()) && req.getParameter("example") != null) {
      // An example query opens in the editor: the query's text goes in the URL the editor reads.
      String name = req.getParameter("example");
      Optional<ExampleQuery> q =
          site.examples().stream().filter(e -> e.name().equals(name)).findFirst();
      if (q.isEmpty()) {
        LinkedDataServlet.plain(resp, 404, "no example query named " + name);
        return;
      }
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader("Location", FacetPage.editorHref(q.get().text(), q.get().name()));
    } else if (path.equals("/") || path.isEmpty()) {
      html(
          resp,
          200,
          pages.get("/ " + offered.key(), ctx, () -> LandingPage.render(site, offered, ctx)));
    } else if (path.equals(DownloadsPage.PATH)) {
      html(
          resp,
          200,
          pages.get(
              path + " " + offered.key(), ctx, () -> DownloadsPage.render(offered, site, ctx)));
    } else if (path.startsWith(Downloads.PATH)) {
      dump(path.substring(Downloads.PATH.length()), offered, resp);
    } else if (path.equals(Citation.PATH)) {
      cite(req, resp, ctx);
    } else if (path.equals(Charts.PATH)) {
      html(
          resp,
          200,
          pages.get(
              path,
              ctx,
              () ->
                  Txn.calculateRead(
                      dsg, () -> Charts.page(LinkedDataServlet.union(dsg), site, ctx))));
    } else if (path.startsWith(Charts.PATH + "/")) {
      chart(path.substring(Charts.PATH.length() + 1), resp, ctx);
    } else if (path.equals(FacetPage.PATH)) {
      FacetPage.State state = FacetPage.State.parse(req::getParameter);
      html(
          resp,
          200,
          pages.get(
              state.href(),
              ctx,
              () ->
                  Txn.calculateRead(
                      dsg,
                      () -> FacetPage.render(state, LinkedDataServlet.union(dsg), site, ctx))));
    } else if (path.equals(Site.SEARCH_PATH)) {
      search(req, resp, ctx);
    } else if (path.startsWith(SourcePage.PATH)) {
      source(
          URLDecoder.decode(path.substring(SourcePage.PATH.length()), StandardCharsets.UTF_8),
          resp,
          ctx);
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

  private void search(HttpServletRequest req, HttpServletResponse resp, Citation.Context cited)
      throws IOException {
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
          SearchPage.render(q, List.of(), ModelFactory.createDefaultModel(), "", site, cited)
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
    String page =
        SearchPage.render(q, hits, context, SearchPage.sparql(lucene, MAX_HITS), site, cited);
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

  /** A source report with numbered lines, for the name the graph gives as its source file. */
  private void source(String name, HttpServletResponse resp, Citation.Context ctx)
      throws IOException {
    Path file = sources.get(name);
    Optional<String> report = file == null ? Optional.empty() : reportOf(name);
    if (report.isEmpty()) {
      LinkedDataServlet.plain(resp, 404, "no source file named " + name);
      return;
    }
    byte[] page =
        pages.get(
            SourcePage.PATH + name,
            ctx,
            () -> {
              SourceText text = SourceText.read(file);
              return Txn.calculateRead(
                  dsg,
                  () ->
                      SourcePage.render(
                          text, report.get(), LinkedDataServlet.union(dsg), site, ctx));
            });
    resp.setHeader("Cache-Control", "public, max-age=300");
    html(resp, 200, page);
  }

  /** A chart as SVG ({@code <id>.svg}) or its data as CSV ({@code <id>.csv}). */
  private void chart(String name, HttpServletResponse resp, Citation.Context ctx)
      throws IOException {
    int dot = name.lastIndexOf('.');
    Optional<Charts.Chart> chart = dot < 0 ? Optional.empty() : Charts.byId(name.substring(0, dot));
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (chart.isEmpty() || !(ext.equals("svg") || ext.equals("csv"))) {
      LinkedDataServlet.plain(resp, 404, "no chart " + name);
      return;
    }
    byte[] body =
        pages.get(
            Charts.PATH + "/" + name,
            ctx,
            () ->
                Txn.calculateRead(
                    dsg,
                    () -> {
                      Charts.Table t = Charts.run(chart.get(), LinkedDataServlet.union(dsg));
                      return ext.equals("svg")
                          ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              + Charts.svg(chart.get(), t, site)
                          : t.csv();
                    }));
    resp.setStatus(200);
    resp.setContentType(
        ext.equals("svg") ? "image/svg+xml; charset=utf-8" : "text/csv; charset=utf-8");
    resp.setHeader("Cache-Control", "public, max-age=300");
    if (ext.equals("csv")) {
      resp.setHeader(
          "Content-Disposition", "inline; filename=\"chizai-kg-" + chart.get().id() + ".csv\"");
    }
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /** What pages cite: the release served, and today. */
  static Citation.Context context(Optional<Downloads> downloads) {
    return new Citation.Context(downloads.map(Downloads::version), LocalDate.now());
  }

  /** A file of the release, byte for byte: {@code <version>/<name>}. */
  private void dump(String rest, ReleaseOffer.State offered, HttpServletResponse resp)
      throws IOException {
    if (offered.preparing()) {
      preparing(resp);
      return;
    }
    Optional<Downloads> downloads = offered.downloads();
    int slash = rest.indexOf('/');
    Optional<Downloads.File> file =
        downloads
            .filter(d -> slash > 0 && rest.substring(0, slash).equals(d.version()))
            .flatMap(
                d ->
                    d.files().stream()
                        .filter(f -> f.name().equals(rest.substring(slash + 1)))
                        .findFirst());
    if (file.isEmpty()) {
      LinkedDataServlet.plain(resp, 404, "no such file in the release: " + rest);
      return;
    }
    Downloads.File f = file.get();
    Path p = downloads.get().file(f.name()).orElseThrow();
    resp.setStatus(200);
    resp.setContentType(
        f.mediaType().startsWith("text/") ? f.mediaType() + "; charset=utf-8" : f.mediaType());
    resp.setContentLengthLong(Files.size(p));
    resp.setHeader("ETag", "\"" + f.sha256() + "\"");
    resp.setHeader("Cache-Control", "public, max-age=86400");
    String base = f.name().substring(f.name().lastIndexOf('/') + 1);
    resp.setHeader("Content-Disposition", "attachment; filename=\"" + base + "\"");
    try (OutputStream out = resp.getOutputStream()) {
      Files.copy(p, out);
    }
  }

  /**
   * 503 with {@code Retry-After}: the release is being built (in the background, after a store
   * build) and its files are not there yet.
   */
  static void preparing(HttpServletResponse resp) throws IOException {
    resp.setHeader("Retry-After", Integer.toString(ReleaseOffer.RETRY_AFTER_SECONDS));
    LinkedDataServlet.plain(
        resp, 503, "the release is being prepared (built after the store): try again in a minute");
  }

  /** The citation of an IRI of the data as BibTeX or CSL-JSON. */
  private void cite(HttpServletRequest req, HttpServletResponse resp, Citation.Context ctx)
      throws IOException {
    String iri = Optional.ofNullable(req.getParameter("iri")).orElse(site.datasetIri());
    String format = Optional.ofNullable(req.getParameter("format")).orElse("bibtex");
    Citation c = Txn.calculateRead(dsg, () -> citation(iri, ctx));
    String body;
    String type;
    String ext;
    switch (format) {
      case "bibtex" -> {
        body = c.bibtex();
        type = "application/x-bibtex; charset=utf-8";
        ext = "bib";
      }
      case "csl-json" -> {
        body = c.cslJson();
        type = "application/vnd.citationstyles.csl+json; charset=utf-8";
        ext = "json";
      }
      default -> {
        LinkedDataServlet.plain(
            resp, 400, "unknown format '" + format + "': use bibtex or csl-json");
        return;
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType(type);
    resp.setHeader("Content-Disposition", "inline; filename=\"" + c.key() + "." + ext + "\"");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /** The citation of {@code iri}: its name and report from the graph, else the dataset's. */
  private Citation citation(String iri, Citation.Context ctx) {
    Model graph = LinkedDataServlet.union(dsg);
    Resource r = graph.getResource(iri);
    if (!graph.contains(r, null, (RDFNode) null)) {
      return Citation.dataset(iri, Citation.DATASET_JA, ctx, site);
    }
    String name = new Labels(graph, site.ontology()).name(iri).ja();
    List<String> credits =
        Facts.object(r, CKG.inReport)
            .flatMap(rep -> site.report(rep.getURI()))
            .or(() -> site.report(iri))
            .map(rep -> List.of(rep.credit()))
            .orElseGet(() -> site.reports().stream().map(Site.ReportInfo::credit).toList());
    return Citation.of(iri, name, credits, ctx, site);
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
