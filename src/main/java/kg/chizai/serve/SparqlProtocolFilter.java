package kg.chizai.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * What the SPARQL endpoint ({@code /sparql}) answers before Fuseki sees a request:
 *
 * <ul>
 *   <li>an update ({@code update=}, or a body of {@code application/sparql-update}) is refused with
 *       "this endpoint is read-only" (400, 415);
 *   <li>{@code GET} or {@code HEAD} without {@code query=} gets the {@link ServiceDescription} in
 *       Turtle, JSON-LD, N-Triples, RDF/XML or HTML by {@code Accept} (406 for anything else);
 *   <li>{@code HEAD} with a query is answered as {@code GET} without the body.
 * </ul>
 */
final class SparqlProtocolFilter implements Filter {

  private static final AcceptList OFFERS =
      AcceptList.create(
          Arrays.stream(ServiceDescription.Format.values())
              .map(f -> f.mediaType)
              .toArray(String[]::new));

  private final ServiceDescription description;

  SparqlProtocolFilter(ServiceDescription description) {
    this.description = description;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    String method = req.getMethod();
    String type = Optional.ofNullable(req.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    if (type.startsWith("application/sparql-update")) {
      LinkedDataServlet.plain(
          resp,
          415,
          "this endpoint is read-only: SPARQL Update (application/sparql-update) is not accepted;"
              + " send a query as application/sparql-query or query=");
      return;
    }
    if (req.getParameter("update") != null) {
      LinkedDataServlet.plain(
          resp,
          400,
          "this endpoint is read-only: SPARQL Update (update=) is not accepted;"
              + " send a query with query=");
      return;
    }
    boolean head = method.equals("HEAD");
    if ((head || method.equals("GET")) && req.getParameter("query") == null) {
      describe(req, resp);
      return;
    }
    HttpServletResponse out = new Utf8Messages(resp);
    if (head) {
      // Fuseki answers queries to GET and POST only; Jetty drops the body of a HEAD response.
      chain.doFilter(
          new HttpServletRequestWrapper(req) {
            @Override
            public String getMethod() {
              return "GET";
            }
          },
          out);
      return;
    }
    chain.doFilter(request, out);
  }

  /**
   * Fuseki writes an error message with {@code setContentLength(message.length())} and {@code
   * ServletOutputStream.print(message)}: a message holding Japanese (a query quoted back) has more
   * bytes than characters, and {@code print} refuses characters beyond ISO-8859-1, so the client
   * got a 500 instead of the 400 and its message. Here the length is left to Jetty and {@code
   * print} writes UTF-8, as the message's declared charset says.
   */
  private static final class Utf8Messages extends HttpServletResponseWrapper {
    private ServletOutputStream stream;

    Utf8Messages(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setContentLength(int len) {
      // Fuseki sets it only for messages, counting characters; Jetty counts the bytes itself.
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream inner = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              @Override
              public void print(String s) throws IOException {
                write(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
              }

              @Override
              public void write(int b) throws IOException {
                inner.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                inner.write(b, off, len);
              }

              @Override
              public void flush() throws IOException {
                inner.flush();
              }

              @Override
              public void close() throws IOException {
                inner.close();
              }

              @Override
              public boolean isReady() {
                return inner.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                inner.setWriteListener(listener);
              }
            };
      }
      return stream;
    }
  }

  private void describe(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    String accept = req.getHeader("Accept");
    ServiceDescription.Format f;
    if (accept == null || accept.isBlank()) {
      f = ServiceDescription.Format.TURTLE;
    } else {
      MediaType m;
      try {
        m = AcceptList.match(new AcceptList(accept), OFFERS);
      } catch (RuntimeException e) {
        m = null;
      }
      Optional<ServiceDescription.Format> chosen =
          m == null ? Optional.empty() : ServiceDescription.byMediaType(m.getContentTypeStr());
      if (chosen.isEmpty()) {
        LinkedDataServlet.plain(
            resp,
            406,
            "not acceptable: "
                + accept
                + "\noffered: "
                + Arrays.stream(ServiceDescription.Format.values())
                    .map(x -> x.mediaType)
                    .collect(Collectors.joining(", ")));
        return;
      }
      f = chosen.get();
    }
    String endpoint = req.getRequestURL().toString();
    String body = f.rdf == null ? description.html(endpoint) : description.rdf(endpoint, f);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType(
        f.mediaType + (f == ServiceDescription.Format.RDFXML ? "" : "; charset=utf-8"));
    resp.setHeader("Cache-Control", "public, max-age=300");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
