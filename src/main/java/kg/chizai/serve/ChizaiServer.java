package kg.chizai.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Ontology;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
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
  public static final int DEFAULT_TIMEOUT_SECONDS = Limits.DEFAULT_TIMEOUT_SECONDS;

  /** Default query timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

  /** Default store directory, relative to the working directory. */
  public static final String DEFAULT_STORE = "store";

  /** Default cap on the rows (solutions) of a SELECT or CONSTRUCT answer. */
  public static final int DEFAULT_MAX_ROWS = Limits.DEFAULT_MAX_ROWS;

  private final Store store;
  private final FusekiServer fuseki;
  private final Site site;
  private final Limits limits;
  private final InFlight inFlight;
  private final LimitedQuery query;
  private final ReleaseOffer offer;
  private final Optional<BackgroundRelease> background;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private ChizaiServer(
      Store store,
      FusekiServer fuseki,
      Site site,
      Limits limits,
      InFlight inFlight,
      LimitedQuery query,
      ReleaseOffer offer,
      Optional<BackgroundRelease> background) {
    this.store = store;
    this.fuseki = fuseki;
    this.site = site;
    this.limits = limits;
    this.inFlight = inFlight;
    this.query = query;
    this.offer = offer;
    this.background = background;
  }

  public static Builder create() {
    return new Builder();
  }

  /**
   * Starts serving (returns at once; the server runs on its own threads), then, when the release
   * built with the store is missing or older than the store, starts building it on a thread of its
   * own: {@code /downloads} says it is being prepared until it is ready.
   */
  public ChizaiServer start() {
    fuseki.start();
    background.ifPresent(BackgroundRelease::start);
    return this;
  }

  /** Stops serving and closes the store; later calls do nothing. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    // New requests get 503, running queries are cancelled, and only when no servlet is working
    // (each ends within its timeout) does Jetty stop its threads and the store close.
    inFlight.refuseNew();
    query.abortAll();
    // A release being built is not waited for: its directory is written so that a stop at any
    // moment leaves the previous release or the new one, and, not recorded, it is built again at
    // the next start.
    background.ifPresent(BackgroundRelease::abandon);
    try {
      inFlight.awaitNone(limits.timeout().plusSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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

  /** In the store's build: the release files whose checksums were verified, with their stamps. */
  static final String VERIFIED_RELEASE_FILE = "release-verified.txt";

  public Store store() {
    return store;
  }

  public Site site() {
    return site;
  }

  /** The version of the release offered for download, if one is (and is ready). */
  public Optional<String> downloads() {
    return offer.now().downloads().map(Downloads::version);
  }

  /** Whether the release built with the store is being built, in the background. */
  public boolean releasePreparing() {
    return offer.now().preparing();
  }

  /**
   * Waits, at most {@code max}, for the release being built in the background (returns at once when
   * none is); then the version offered, if any.
   */
  public Optional<String> awaitRelease(Duration max) throws InterruptedException {
    if (background.isPresent()) {
      background.get().await(max);
    }
    return downloads();
  }

  /** The limits this server applies. */
  public Limits limits() {
    return limits;
  }

  /** The embedded Fuseki server (for tests and diagnostics in this package). */
  FusekiServer fuseki() {
    return fuseki;
  }

  /** The door that queues heavy requests (for tests and diagnostics in this package). */
  RequestGate gate() {
    return fuseki.getJettyServer().getDescendant(RequestGate.class);
  }

  /**
   * Configuration of a {@link ChizaiServer}; {@link #build()} opens (and if stale, builds) the
   * store.
   */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private Path storeDir = Path.of("store");
    private String base = Iris.DEFAULT_BASE;
    private Limits limits = Limits.defaults();
    private boolean loopback = true;
    private List<Path> sources;
    private Supplier<Dataset> converter;
    private Optional<Path> referenceDir = Optional.empty();
    private List<ExampleQuery> examples = List.of();
    private Optional<Path> release = Optional.empty();
    private Optional<ReleaseMaker> releaseMaker = Optional.empty();
    private Optional<Path> accessLog = Optional.empty();

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
      this.limits = limits.toBuilder().timeout(timeout).build();
      return this;
    }

    /** The cap on rows of a SELECT or CONSTRUCT answer (a LIMIT added or lowered). */
    public Builder maxRows(int maxRows) {
      this.limits = limits.toBuilder().maxRows(maxRows).build();
      return this;
    }

    /** Every limit at once (timeout, rows, sizes, concurrency, connections, SERVICE). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
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

    /**
     * A release directory written by {@code publish} to offer for download (at {@code /downloads}),
     * whose {@code dataset.ttl} is also served at the dataset's IRI and at {@code
     * /.well-known/void}. A directory that does not exist when the server is built offers nothing.
     */
    public Builder release(Optional<Path> dir) {
      this.release = Objects.requireNonNull(dir, "release");
      this.releaseMaker = Optional.empty();
      return this;
    }

    /**
     * The release built with the store, in {@code dir}, by {@code maker}: offered when it was made
     * for the store being served (its {@code SHA256SUMS} is the one recorded in the store's build);
     * otherwise (a store just built, a release deleted or replaced, a start killed before it was
     * written) built on a thread of its own once the server answers, {@code /downloads} saying it
     * is being prepared, and offered when it is written.
     */
    public Builder releaseBuiltWithStore(Path dir, ReleaseMaker maker) {
      this.release = Optional.of(dir);
      this.releaseMaker = Optional.of(Objects.requireNonNull(maker, "maker"));
      return this;
    }

    /**
     * A file to which every request is appended as one line in the NCSA extended format (client
     * address, time, request line, status, bytes, referrer, user agent), as web servers write them;
     * empty: no access log. The file must be writable when the server is built.
     */
    public Builder accessLog(Optional<Path> file) {
      this.accessLog = Objects.requireNonNull(file, "accessLog");
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
      if (port != 0) {
        requirePortFree(port, loopback);
      }
      accessLog.ifPresent(Hardening::requireWritable);
      Store store =
          Store.open(
              storeDir,
              () -> Fingerprint.of(sources, base, referenceDir),
              () -> {
                // The converted dataset stays as converted (the release is built from it once the
                // server answers): the ontology graph goes into a dataset that links its graphs.
                Dataset ds =
                    DatasetFactory.wrap(
                        DatasetGraphMapLink.cloneStructure(converter.get().asDatasetGraph()));
                Ontology.addTo(ds, iris);
                return ds;
              });
      try {
        DatasetGraph served = new ReadOnlyView(store.dataset());
        Site site = Site.load(store, served, iris, examples, limits.timeout(), limits.maxRows());
        InFlight inFlight = new InFlight();
        LimitedQuery query = new LimitedQuery(limits);
        Path verified = store.location().resolve(VERIFIED_RELEASE_FILE);
        ReleaseOffer offer;
        Optional<BackgroundRelease> background = Optional.empty();
        if (releaseMaker.isPresent()) {
          Path dir = release.orElseThrow();
          Optional<ReleaseOffer.State> made = BackgroundRelease.madeFor(store, dir, verified);
          offer = new ReleaseOffer(made.orElse(ReleaseOffer.State.PREPARING));
          if (made.isEmpty()) {
            background =
                Optional.of(new BackgroundRelease(store, dir, verified, releaseMaker.get(), offer));
          }
        } else {
          // A release directory that does not exist (yet) offers nothing; one that exists must be
          // a release.
          offer =
              ReleaseOffer.of(
                  release
                      .filter(java.nio.file.Files::isDirectory)
                      .map(dir -> Downloads.open(dir, Optional.of(verified))));
        }
        return new ChizaiServer(
            store,
            fuseki(served, site, inFlight, query, offer),
            site,
            limits,
            inFlight,
            query,
            offer,
            background);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }

    private FusekiServer fuseki(
        DatasetGraph dsg,
        Site site,
        InFlight inFlight,
        LimitedQuery processor,
        ReleaseOffer offer) {
      Context context = new Context();
      context.set(ARQ.queryTimeout, Long.toString(limits.timeout().toMillis()));
      QueryGuards.install(context, limits);
      Endpoint query =
          Endpoint.create()
              .operation(Operation.Query)
              .endpointName("")
              .processor(processor)
              .context(context)
              .build();
      LinkedDataServlet linkedData = new LinkedDataServlet(dsg, site, offer);
      SiteServlet pages = new SiteServlet(dsg, site, limits, sources, offer);
      FusekiServer server =
          FusekiServer.create()
              .port(port)
              .loopback(loopback)
              .numServerThreads(Math.min(8, limits.threads()), limits.threads())
              .enableCors(false)
              .enablePing(false)
              .enableStats(false)
              .enableMetrics(false)
              .enableTasks(false)
              .add(Site.SPARQL_PATH, DataService.newBuilder(dsg).addEndpoint(query).build())
              .add(
                  Site.DATA_PATH,
                  DataService.newBuilder(dsg).addEndpoint(Operation.GSP_R, "").build())
              .addFilter("/*", inFlight)
              .addFilter(
                  Site.SPARQL_PATH,
                  new SparqlProtocolFilter(ServiceDescription.of(dsg, limits, site)))
              .addServlet("/id/*", linkedData)
              .addServlet("/def", linkedData)
              .addServlet("/graph/*", linkedData)
              .addServlet(DownloadsPage.VOID_PATH, linkedData)
              .addServlet(DownloadsPage.PATH, pages)
              .addServlet(Downloads.PATH + "*", pages)
              .addServlet(Citation.PATH, pages)
              .addServlet(FacetPage.PATH, pages)
              .addServlet(Charts.PATH, pages)
              .addServlet(Charts.PATH + "/*", pages)
              .addServlet(SourcePage.PATH + "*", pages)
              .addServlet(Site.SEARCH_PATH, pages)
              .addServlet("/assets/*", pages)
              .addServlet("/favicon.ico", pages)
              .addServlet("", pages)
              .build();
      Hardening.apply(server.getJettyServer(), limits);
      accessLog.ifPresent(file -> Hardening.accessLog(server.getJettyServer(), file));
      return server;
    }

    /** Fails at once, before any store is built, when another process listens on the port. */
    private static void requirePortFree(int port, boolean loopback) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(
            loopback
                ? new InetSocketAddress(InetAddress.getByName("localhost"), port)
                : new InetSocketAddress(port));
      } catch (IOException e) {
        throw new ChizaiException(
            ExitCode.SERVE,
            "cannot listen on "
                + (loopback ? "localhost" : "*")
                + ":"
                + port
                + ": the port is in use (stop the other server or use --port N)",
            e);
      }
    }
  }
}
