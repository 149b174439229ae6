package kg.chizai.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kg.chizai.rdf.Formats;
import kg.chizai.rdf.Formats.Format;
import kg.chizai.rdf.RdfFiles;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Linked data: every {@code base + "id/…"} IRI is served at {@code /id/…} on this server, the
 * ontology at {@code /def}, by content negotiation on the same URL (no redirect): HTML for
 * browsers, Turtle, JSON-LD, N-Triples or RDF/XML for machines, chosen by {@code Accept} or by the
 * {@code ?format=} parameter (which wins), always with {@code Vary: Accept}. Unknown things are
 * 404. A named graph IRI ({@code /graph/…}) redirects (303) to its Graph Store URL.
 */
final class LinkedDataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Incoming triples kept for one page; the rest are for SPARQL. */
  static final int MAX_INCOMING = 2000;

  /** The short name and media type of the HTML page, offered first. */
  static final String HTML_KEY = "html";

  static final String HTML_TYPE = "text/html";

  /**
   * The RDF representations offered: every {@linkplain Formats format} that holds one graph, by the
   * same short name ({@code ?format=ttl}) and media type as everywhere else.
   */
  static final List<Format> RDF_FORMATS = Formats.ALL.stream().filter(Format::triples).toList();

  /** A representation: the HTML page, or an RDF format. */
  private record Wanted(Optional<Format> rdf) {
    static final Wanted HTML = new Wanted(Optional.empty());
  }

  /** Offered in this order: the first acceptable one wins ties (so {@code *}/{@code *} is HTML). */
  private static final AcceptList OFFERS =
      AcceptList.create(
          Stream.concat(Stream.of(HTML_TYPE), RDF_FORMATS.stream().map(Format::mediaType))
              .toArray(String[]::new));

  private final transient DatasetGraph dsg;
  private final transient Site site;
  private final transient ReleaseOffer offer;
  private final transient DailyCache ontologyHtml = new DailyCache();

  LinkedDataServlet(DatasetGraph dsg, Site site) {
    this(dsg, site, ReleaseOffer.of(Optional.empty()));
  }

  LinkedDataServlet(DatasetGraph dsg, Site site, ReleaseOffer offer) {
    this.dsg = dsg;
    this.site = site;
    this.offer = offer;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    if (path.startsWith("/graph/")) {
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader(
          "Location",
          Site.DATA_PATH + "?graph=" + URLEncoder.encode(site.iriAt(path), StandardCharsets.UTF_8));
      return;
    }
    resp.setHeader("Vary", "Accept");
    Optional<Wanted> format = choose(req, resp);
    if (format.isEmpty()) {
      return;
    }
    ReleaseOffer.State offered = offer.now();
    Optional<Downloads> downloads = offered.downloads();
    Citation.Context ctx = SiteServlet.context(downloads);
    if (path.equals("/def")) {
      Model ontology = ModelFactory.createDefaultModel().add(site.ontology());
      ontology.setNsPrefixes(site.ontology().getNsPrefixMap());
      send(resp, format.get(), path, ontology, () -> ontologyHtml(ctx));
      return;
    }
    String iri = site.iriAt(path);
    if (path.equals(DownloadsPage.VOID_PATH)
        || downloads.filter(dl -> dl.datasetIri().equals(iri)).isPresent()) {
      datasetDescription(req, resp, format.get(), path, offered, ctx);
      return;
    }
    Optional<ResourceGraph> d = ResourceGraph.read(dsg, iri, MAX_INCOMING);
    if (d.isPresent()) {
      send(
          resp,
          format.get(),
          path,
          d.get().data(),
          () -> Txn.calculateRead(dsg, () -> ResourcePage.render(d.get(), site, union(dsg), ctx)));
      return;
    }
    // The release's description names things the store does not hold: the catalog, the releases,
    // their distributions.
    Optional<ResourceGraph> described = downloads.flatMap(dl -> describedByRelease(dl, iri));
    if (described.isPresent()) {
      send(
          resp,
          format.get(),
          path,
          described.get().data(),
          () -> ResourcePage.render(described.get(), site, downloads.get().description(), ctx));
      return;
    }
    notFound(resp, format.get(), iri);
  }

  /**
   * The dataset description of the release ({@code dataset.ttl}), at the released dataset's IRI and
   * at {@code /.well-known/void}: Turtle is its bytes as published; HTML is the downloads page. At
   * the well-known URI, which machines ask, Turtle is the default.
   */
  private void datasetDescription(
      HttpServletRequest req,
      HttpServletResponse resp,
      Wanted wanted,
      String path,
      ReleaseOffer.State offered,
      Citation.Context ctx)
      throws IOException {
    if (offered.preparing()) {
      SiteServlet.preparing(resp);
      return;
    }
    Optional<Downloads> downloads = offered.downloads();
    if (downloads.isEmpty()) {
      notFound(resp, wanted, site.iriAt(path));
      return;
    }
    Downloads dl = downloads.get();
    boolean wellKnown = path.equals(DownloadsPage.VOID_PATH);
    String accept = Optional.ofNullable(req.getHeader("Accept")).orElse("");
    Wanted w =
        wellKnown
                && wanted.rdf().isEmpty()
                && req.getParameter("format") == null
                && !accept.contains(HTML_TYPE)
            ? new Wanted(Optional.of(Formats.TURTLE))
            : wanted;
    if (w.rdf().filter(f -> f == Formats.TURTLE).isPresent()) {
      byte[] bytes = dl.descriptionBytes();
      links(resp, path);
      resp.setContentType(Formats.TURTLE.mediaType() + "; charset=utf-8");
      resp.setHeader("Cache-Control", "public, max-age=300");
      resp.setContentLength(bytes.length);
      resp.getOutputStream().write(bytes);
      return;
    }
    Model m = ModelFactory.createDefaultModel().add(dl.description());
    m.setNsPrefixes(dl.description().getNsPrefixMap());
    send(resp, w, path, m, () -> DownloadsPage.render(offered, site, ctx));
  }

  /** What the release's description says about {@code iri}, if anything. */
  private static Optional<ResourceGraph> describedByRelease(Downloads dl, String iri) {
    org.apache.jena.query.Dataset ds = org.apache.jena.query.DatasetFactory.create();
    ds.addNamedModel("urn:x-chizai-kg:release-description", dl.description());
    return ResourceGraph.read(ds.asDatasetGraph(), iri, MAX_INCOMING);
  }

  /** The union of the named graphs, as the pages read it (inside a read transaction). */
  static Model union(DatasetGraph dsg) {
    return ModelFactory.createModelForGraph(dsg.getUnionGraph());
  }

  private String ontologyHtml(Citation.Context ctx) {
    return new String(
        ontologyHtml.get("/def", ctx, () -> OntologyPage.render(site.ontology(), site, ctx)),
        StandardCharsets.UTF_8);
  }

  /**
   * The representation asked for: an RDF format, or empty for the HTML page; empty after answering
   * 400 (bad parameter) or 406.
   */
  private static Optional<Wanted> choose(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    String param = req.getParameter("format");
    if (param != null) {
      String key = param.toLowerCase(Locale.ROOT);
      if (key.equals(HTML_KEY)) {
        return Optional.of(Wanted.HTML);
      }
      Optional<Format> f = RDF_FORMATS.stream().filter(x -> x.key().equals(key)).findFirst();
      if (f.isEmpty()) {
        plain(resp, 400, "unknown format '" + param + "': use one of " + keys());
        return Optional.empty();
      }
      return Optional.of(new Wanted(f));
    }
    String accept = req.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return Optional.of(Wanted.HTML);
    }
    MediaType m;
    try {
      m = AcceptList.match(new AcceptList(accept), OFFERS);
    } catch (RuntimeException e) {
      m = null;
    }
    if (m != null && m.getContentTypeStr().equals(HTML_TYPE)) {
      return Optional.of(Wanted.HTML);
    }
    String type = m == null ? null : m.getContentTypeStr();
    Optional<Format> f = RDF_FORMATS.stream().filter(x -> x.mediaType().equals(type)).findFirst();
    if (f.isEmpty()) {
      plain(
          resp,
          406,
          "not acceptable: "
              + accept
              + "\noffered: "
              + Stream.concat(Stream.of(HTML_TYPE), RDF_FORMATS.stream().map(Format::mediaType))
                  .collect(Collectors.joining(", ")));
      return Optional.empty();
    }
    return Optional.of(new Wanted(f));
  }

  private static void send(
      HttpServletResponse resp, Wanted wanted, String path, Model data, Supplier<String> html)
      throws IOException {
    links(resp, path);
    resp.setHeader("Cache-Control", "public, max-age=300");
    resp.setCharacterEncoding("UTF-8");
    if (wanted.rdf().isEmpty()) {
      resp.setContentType("text/html; charset=utf-8");
      byte[] body = html.get().getBytes(StandardCharsets.UTF_8);
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
      return;
    }
    Format f = wanted.rdf().get();
    resp.setContentType(f.mediaType() + (f == Formats.RDFXML ? "" : "; charset=utf-8"));
    try (OutputStream out = resp.getOutputStream()) {
      RdfFiles.write(data, f, out);
    }
  }

  /** A {@code Link} header naming each representation of {@code path}. */
  private static void links(HttpServletResponse resp, String path) {
    resp.addHeader(
        "Link",
        "<" + path + "?format=" + HTML_KEY + ">; rel=\"alternate\"; type=\"" + HTML_TYPE + "\"");
    for (Format alt : RDF_FORMATS) {
      resp.addHeader(
          "Link",
          "<"
              + path
              + "?format="
              + alt.key()
              + ">; rel=\"alternate\"; type=\""
              + alt.mediaType()
              + "\"");
    }
  }

  private void notFound(HttpServletResponse resp, Wanted wanted, String iri) throws IOException {
    if (wanted.rdf().isPresent()) {
      plain(resp, 404, "not found: " + iri);
      return;
    }
    String body =
        "<article><h1>見つかりません <span lang=\"en\">Not found</span></h1><p><code>"
            + Html.esc(iri)
            + "</code> はこのデータセットにありません。"
            + "<span lang=\"en\">This dataset has nothing about this IRI.</span></p>"
            + "<p><a href=\"/\">トップへ / home</a></p></article>\n";
    byte[] bytes = Html.page("見つかりません", body, List.of(), "").getBytes(StandardCharsets.UTF_8);
    resp.setStatus(404);
    resp.setContentType("text/html; charset=utf-8");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  static void plain(HttpServletResponse resp, int status, String message) throws IOException {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/plain; charset=utf-8");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  private static String keys() {
    return Stream.concat(Stream.of(HTML_KEY), RDF_FORMATS.stream().map(Format::key))
        .collect(Collectors.joining(", "));
  }
}
