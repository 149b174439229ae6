package kg.chizai.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;

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

  /** The representations offered: {@code ?format=} value, media type, Jena writer format. */
  enum Format {
    HTML("html", "text/html", null),
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
    NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES_UTF8),
    RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN);

    final String key;
    final String mediaType;
    final RDFFormat rdf;

    Format(String key, String mediaType, RDFFormat rdf) {
      this.key = key;
      this.mediaType = mediaType;
      this.rdf = rdf;
    }

    static Optional<Format> byKey(String key) {
      return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    static Optional<Format> byMediaType(String mediaType) {
      return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
    }
  }

  /** Offered in this order: the first acceptable one wins ties (so {@code *}/{@code *} is HTML). */
  private static final AcceptList OFFERS =
      AcceptList.create(
          Arrays.stream(Format.values()).map(f -> f.mediaType).toArray(String[]::new));

  private final transient DatasetGraph dsg;
  private final transient Site site;
  private volatile String ontologyHtml;

  LinkedDataServlet(DatasetGraph dsg, Site site) {
    this.dsg = dsg;
    this.site = site;
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
    Optional<Format> format = choose(req, resp);
    if (format.isEmpty()) {
      return;
    }
    if (path.equals("/def")) {
      Model ontology = ModelFactory.createDefaultModel().add(site.ontology());
      ontology.setNsPrefixes(site.ontology().getNsPrefixMap());
      send(resp, format.get(), path, ontology, () -> ontologyHtml());
      return;
    }
    Optional<Description> d = Description.read(dsg, site.iriAt(path), MAX_INCOMING);
    if (d.isEmpty()) {
      notFound(resp, format.get(), site.iriAt(path));
      return;
    }
    send(resp, format.get(), path, d.get().data(), () -> ResourcePage.render(d.get(), site));
  }

  private String ontologyHtml() {
    String html = ontologyHtml;
    if (html == null) {
      html = OntologyPage.render(site.ontology(), site);
      ontologyHtml = html;
    }
    return html;
  }

  /** The format asked for, or empty after answering 400 (bad parameter) or 406. */
  private static Optional<Format> choose(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    String param = req.getParameter("format");
    if (param != null) {
      Optional<Format> f = Format.byKey(param.toLowerCase(Locale.ROOT));
      if (f.isEmpty()) {
        plain(resp, 400, "unknown format '" + param + "': use one of " + keys());
      }
      return f;
    }
    String accept = req.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return Optional.of(Format.HTML);
    }
    MediaType m;
    try {
      m = AcceptList.match(new AcceptList(accept), OFFERS);
    } catch (RuntimeException e) {
      m = null;
    }
    Optional<Format> f = m == null ? Optional.empty() : Format.byMediaType(m.getContentTypeStr());
    if (f.isEmpty()) {
      plain(
          resp,
          406,
          "not acceptable: "
              + accept
              + "\noffered: "
              + Arrays.stream(Format.values())
                  .map(x -> x.mediaType)
                  .collect(Collectors.joining(", ")));
    }
    return f;
  }

  private static void send(
      HttpServletResponse resp, Format f, String path, Model data, Supplier<String> html)
      throws IOException {
    for (Format alt : Format.values()) {
      resp.addHeader(
          "Link",
          "<"
              + path
              + "?format="
              + alt.key
              + ">; rel=\"alternate\"; type=\""
              + alt.mediaType
              + "\"");
    }
    resp.setHeader("Cache-Control", "public, max-age=300");
    resp.setCharacterEncoding("UTF-8");
    if (f == Format.HTML) {
      resp.setContentType("text/html; charset=utf-8");
      byte[] body = html.get().getBytes(StandardCharsets.UTF_8);
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
      return;
    }
    resp.setContentType(f.mediaType + (f == Format.RDFXML ? "" : "; charset=utf-8"));
    if (data.getNsPrefixMap().isEmpty()) {
      data.setNsPrefixes(Namespaces.prefixes());
    }
    try (OutputStream out = resp.getOutputStream()) {
      RDFWriter.source(data).format(f.rdf).output(out);
    }
  }

  private void notFound(HttpServletResponse resp, Format f, String iri) throws IOException {
    if (f != Format.HTML) {
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
    return Arrays.stream(Format.values()).map(f -> f.key).collect(Collectors.joining(", "));
  }
}
