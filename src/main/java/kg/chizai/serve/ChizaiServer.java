package kg.chizai.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Ontology;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;

/**
 * The chizai-kg server: embedded Fuseki over a TDB2 store with a Japanese full-text index, a
 * read-only SPARQL endpoint ({@code /sparql}), read-only Graph Store access ({@code /data}),
 * linked-data pages for every {@code …/id/…} IRI and the ontology ({@code /def}), a landing page
 * with a query editor ({@code /}) and a search page ({@code /search}).
 *
 * <pre>{@code
 * ChizaiServer server = ChizaiServer.create()
 *     .port(0)
 *     .store(Path.of("store"))
 *     .source(sources, () -> Pipeline.convert(sources, options).dataset())
 *     .build()   // converts and loads only when the store is stale
 *     .start();
 * server.url();  // http://localhost:PORT/
 * server.stop();
 * }</pre>
 */
public final class ChizaiServer {

  /** Default port, as Fuseki's. */
  public static final int DEFAULT_PORT = 3030;

  /** Default query timeout, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  /** Default query timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

  /** Default store directory, relative to the working directory. */
  public static final String DEFAULT_STORE = "store";

  /** Default cap on the rows (solutions) of a SELECT or CONSTRUCT answer. */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  private final Store store;
  private final FusekiServer fuseki;
  private final Site site;

  private ChizaiServer(Store store, FusekiServer fuseki, Site site) {
    this.store = store;
    this.fuseki = fuseki;
    this.site = site;
  }

  public static Builder create() {
    return new Builder();
  }

  /** Starts serving (returns at once; the server runs on its own threads). */
  public ChizaiServer start() {
    fuseki.start();
    return this;
  }

  /** Stops serving and closes the store. */
  public void stop() {
    try {
      fuseki.stop();
    } finally {
      store.close();
    }
  }

  /** Blocks until the server stops. */
  public void join() {
    fuseki.join();
  }

  /** The port actually in use (after {@link #start()}, when built with port 0). */
  public int port() {
    return fuseki.getHttpPort();
  }

  /** Where to point a browser, e.g. {@code http://localhost:3030/}. */
  public String url() {
    return "http://localhost:" + port() + "/";
  }

  public Store store() {
    return store;
  }

  public Site site() {
    return site;
  }

  /**
   * Configuration of a {@link ChizaiServer}; {@link #build()} opens (and if stale, builds) the
   * store.
   */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private Path storeDir = Path.of("store");
    private String base = Iris.DEFAULT_BASE;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxRows = DEFAULT_MAX_ROWS;
    private boolean loopback = true;
    private List<Path> sources;
    private Supplier<Dataset> converter;
    private Optional<Path> referenceDir = Optional.empty();
    private List<ExampleQuery> examples = List.of();

    private Builder() {}

    /** The HTTP port; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The store directory (TDB2, text index, fingerprint); created if missing. */
    public Builder store(Path dir) {
      this.storeDir = Objects.requireNonNull(dir, "store");
      return this;
    }

    /** The base of the minted IRIs; {@code base + "id/…"} is served at {@code /id/…}. */
    public Builder base(String base) {
      this.base = new Iris(base).base();
      return this;
    }

    /** The query timeout; a query still running then is stopped and answered with 503. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The cap on rows of a SELECT or CONSTRUCT answer (a LIMIT added or lowered). */
    public Builder maxRows(int maxRows) {
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
      }
      this.maxRows = maxRows;
      return this;
    }

    /** Listen on the loopback interface only (the default), or on every interface. */
    public Builder loopback(boolean loopback) {
      this.loopback = loopback;
      return this;
    }

    /**
     * The source reports and how to convert them. The converter is called only when the store is
     * missing or was built from other sources, other code or other options.
     */
    public Builder source(List<Path> sources, Supplier<Dataset> converter) {
      this.sources = List.copyOf(sources);
      this.converter = Objects.requireNonNull(converter, "converter");
      return this;
    }

    /** The external reference directory the converter uses, if any (part of the fingerprint). */
    public Builder referenceDir(Optional<Path> dir) {
      this.referenceDir = Objects.requireNonNull(dir, "referenceDir");
      return this;
    }

    /** The example queries offered on the landing page. */
    public Builder exampleQueries(List<ExampleQuery> examples) {
      this.examples = List.copyOf(examples);
      return this;
    }

    public ChizaiServer build() {
      if (sources == null) {
        throw new IllegalStateException("no source: call source(paths, converter)");
      }
      Iris iris = new Iris(base);
      Fingerprint fingerprint = Fingerprint.of(sources, base, referenceDir);
      Store store =
          Store.open(
              storeDir,
              fingerprint,
              () -> {
                Dataset ds = converter.get();
                Ontology.addTo(ds, iris);
                return ds;
              });
      try {
        Site site = Site.load(store.dataset(), iris, examples, timeout, maxRows);
        return new ChizaiServer(store, fuseki(store.dataset(), site), site);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }

    private FusekiServer fuseki(DatasetGraph dsg, Site site) {
      Context limits = new Context();
      limits.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
      Endpoint query =
          Endpoint.create()
              .operation(Operation.Query)
              .endpointName("")
              .processor(new LimitedQuery(maxRows, timeout))
              .context(limits)
              .build();
      LinkedDataServlet linkedData = new LinkedDataServlet(dsg, site);
      SiteServlet pages = new SiteServlet(dsg, site);
      return FusekiServer.create()
          .port(port)
          .loopback(loopback)
          .enableCors(true, null)
          .enablePing(false)
          .enableStats(false)
          .enableMetrics(false)
          .enableTasks(false)
          .add("/sparql", DataService.newBuilder(dsg).addEndpoint(query).build())
          .add("/data", DataService.newBuilder(dsg).addEndpoint(Operation.GSP_R, "").build())
          .addServlet("/id/*", linkedData)
          .addServlet("/def", linkedData)
          .addServlet("/graph/*", linkedData)
          .addServlet("/search", pages)
          .addServlet("/assets/*", pages)
          .addServlet("", pages)
          .build();
    }
  }
}
