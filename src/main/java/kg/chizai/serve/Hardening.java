package kg.chizai.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * The Jetty side of a {@link ChizaiServer}, applied to the server Fuseki built before it starts:
 * connection timeouts, and around Fuseki's servlets, from the outside in, {@link SecurityHeaders},
 * CORS, gzip and the {@link RequestGate}.
 *
 * <p>CORS is Jetty's {@code CrossOriginHandler} (Fuseki's own filter is off): any origin may read
 * the answers, without credentials (no {@code Access-Control-Allow-Credentials}), for GET, POST,
 * HEAD and OPTIONS only, and scripts may read the limit headers. Responses are compressed with gzip
 * when the client asks ({@code Accept-Encoding}).
 */
final class Hardening {

  /** The methods a cross-origin page may use. */
  static final Set<String> CORS_METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS");

  /** How long a stop waits for requests in progress before closing their connections. */
  static final Duration STOP_GRACE = Duration.ofSeconds(3);

  /**
   * The most of a response that Jetty holds before it starts sending it. Fuseki 5.6 sets 5 MiB,
   * more than the largest buffer Jetty's pool keeps (64 KiB), so every response took a new 5 MiB
   * direct buffer, zeroed, and freed only by a later garbage collection: under 32 clients the
   * server's resident memory passed 1 GiB with a 512 MiB heap (apache/jena#4084, fixed after 5.6).
   * At 64 KiB the buffers are pooled and reused. A response larger than this is sent as it is
   * written; a query that fails after that point ends its answer early (an incomplete chunked body)
   * instead of with an error status.
   */
  static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

  private Hardening() {}

  /** {@link #OUTPUT_BUFFER_BYTES}, or less if the server's pool keeps no buffer that large. */
  static int outputBufferBytes(Server server) {
    return server.getByteBufferPool() instanceof ArrayByteBufferPool pool
        ? Math.min(OUTPUT_BUFFER_BYTES, pool.getMaxCapacity())
        : OUTPUT_BUFFER_BYTES;
  }

  // GzipHandler is deprecated in Jetty 12.1 for CompressionHandler (jetty-compression-*), which
  // Fuseki 5.6 does not bring; it works as before.
  @SuppressWarnings("removal")
  static void apply(Server server, Limits limits) {
    for (Connector c : server.getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setIdleTimeout(limits.idleTimeout().toMillis());
        HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          HttpConfiguration config = http.getHttpConfiguration();
          config.setSendServerVersion(false);
          config.setSendXPoweredBy(false);
          config.setIdleTimeout(limits.idleTimeout().toMillis());
          config.setOutputBufferSize(outputBufferBytes(server));
        }
      }
    }

    server.insertHandler(new RequestGate(limits));

    GzipHandler gzip = new GzipHandler();
    gzip.setIncludedMethods("GET", "POST");
    server.insertHandler(gzip);

    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(Set.of("*"));
    cors.setAllowCredentials(false);
    cors.setAllowedMethods(CORS_METHODS);
    cors.setAllowedHeaders(Set.of("Accept", "Content-Type", "X-Requested-With"));
    cors.setExposedHeaders(
        Set.of(LimitedQuery.RESULT_LIMIT, LimitedQuery.QUERY_TIMEOUT, "Retry-After"));
    cors.setPreflightMaxAge(Duration.ofHours(1));
    cors.setDeliverPreflightRequests(false);
    server.insertHandler(cors);

    server.insertHandler(new SecurityHeaders());

    // Stopping lets requests in progress finish for a moment, then closes what is left.
    server.insertHandler(new GracefulHandler());
    server.setStopTimeout(STOP_GRACE.toMillis());
  }

  /** Appends one line per request to {@code file}, in the NCSA extended format. */
  static void accessLog(Server server, Path file) {
    RequestLogWriter writer = new RequestLogWriter(file.toAbsolutePath().toString());
    writer.setAppend(true);
    writer.setRetainDays(0);
    server.setRequestLog(new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT));
  }

  /** Fails with exit code 8, naming the file, when the access log cannot be appended to. */
  static void requireWritable(Path file) {
    try (var out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      // opened for appending: the server can write its lines there
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.SERVE,
          Problem.error(
              file.toString(),
              0,
              "cannot write the access log: "
                  + e.getClass().getSimpleName()
                  + " "
                  + e.getMessage()));
    }
  }
}
