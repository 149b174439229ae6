package kg.chizai.publish;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.exec.http.GSP;

/**
 * Pushes a release's named graphs to a SPARQL 1.1 Graph Store Protocol endpoint: one {@code PUT}
 * per graph, which replaces whatever that graph held (the previous release's version of it), and
 * one {@code DELETE} per graph of the previous release that this one no longer has.
 *
 * <pre>{@code
 * GraphStorePush.push(release.graphs(), "http://localhost:3030/ds", Optional.empty(), Set.of());
 * }</pre>
 */
public final class GraphStorePush {

  /** Basic-auth credentials. */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[" + user + ", ****]";
    }
  }

  /** What was done to one graph: {@code PUT} with its triple count, or {@code DELETE}. */
  public record Pushed(String method, String graph, long triples) {}

  private GraphStorePush() {}

  /**
   * PUTs every graph (in name order), then DELETEs each of {@code obsolete} that is not among them
   * (a graph the store does not have is fine). Fails on the first HTTP error, naming the graph and
   * the status.
   */
  public static List<Pushed> push(
      SortedMap<String, Model> graphs,
      String url,
      Optional<Credentials> credentials,
      Set<String> obsolete) {
    List<Pushed> done = new ArrayList<>();
    for (Map.Entry<String, Model> g : graphs.entrySet()) {
      try {
        once(() -> request(url, credentials).graphName(g.getKey()).PUT(g.getValue().getGraph()));
      } catch (HttpException e) {
        throw failed("PUT", g.getKey(), url, e);
      }
      done.add(new Pushed("PUT", g.getKey(), g.getValue().size()));
    }
    for (String name : new TreeSet<>(obsolete)) {
      if (graphs.containsKey(name)) {
        continue;
      }
      try {
        once(() -> request(url, credentials).graphName(name).DELETE());
      } catch (HttpException e) {
        if (e.getStatusCode() != 404) {
          throw failed("DELETE", name, url, e);
        }
      }
      done.add(new Pushed("DELETE", name, 0));
    }
    return done;
  }

  /**
   * Runs an idempotent request, and runs it again once if no response came back: a server may close
   * a kept-alive connection between requests, and the client learns it only by writing to it
   * (broken pipe). PUT and DELETE of a whole graph are idempotent, so a second try is safe.
   */
  private static void once(Runnable request) {
    try {
      request.run();
    } catch (HttpException e) {
      if (e.getStatusCode() > 0) {
        throw e;
      }
      request.run();
    }
  }

  private static GSP request(String url, Optional<Credentials> credentials) {
    GSP gsp = GSP.service(url);
    // A client of its own per request: no connection is reused after the server closed it.
    gsp.httpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
    credentials.ifPresent(
        c -> {
          // Preemptive, so a PUT's body is sent once; the authenticator answers the 401 challenge
          // for requests that Jena 5.6 sends without the extra headers (GSP DELETE).
          gsp.httpHeader(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
          gsp.httpClient(
              HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(30))
                  .authenticator(
                      new Authenticator() {
                        @Override
                        protected PasswordAuthentication getPasswordAuthentication() {
                          return new PasswordAuthentication(c.user(), c.password().toCharArray());
                        }
                      })
                  .build());
        });
    return gsp;
  }

  private static ChizaiException failed(String method, String graph, String url, HttpException e) {
    String status;
    if (e.getStatusCode() > 0) {
      status = e.getStatusCode() + (e.getStatusLine() != null ? " " + e.getStatusLine() : "");
    } else {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      status =
          "no response ("
              + root.getClass().getSimpleName()
              + (root.getMessage() != null ? ": " + root.getMessage() : "")
              + ")";
    }
    String hint =
        e.getStatusCode() == 401 || e.getStatusCode() == 403
            ? " (check --user and the password)"
            : "";
    return new ChizaiException(
        ExitCode.PUSH,
        List.of(Problem.error(url, 0, method + " <" + graph + "> failed: " + status + hint)));
  }
}
