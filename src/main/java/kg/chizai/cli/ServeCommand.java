package kg.chizai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kg.chizai.Pipeline;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.publish.Release;
import kg.chizai.serve.ChizaiServer;
import kg.chizai.serve.ExampleQuery;
import kg.chizai.serve.Limits;
import kg.chizai.serve.ReleaseMaker;
import kg.chizai.serve.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chizai-kg serve}: the knowledge graph over HTTP (SPARQL, linked data, search). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the knowledge graph of every report in the source directory: a read-only SPARQL",
      "endpoint (/sparql), read-only Graph Store (/data), linked-data pages (/id/…, /def),",
      "full-text search (/search) and a query editor (/).",
      "Converts and loads the reports into the store (TDB2 + text index) only when the store is",
      "missing or was built from other sources, code or options; otherwise reuses it."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      defaultValue = "" + ChizaiServer.DEFAULT_PORT,
      description = "HTTP port on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      defaultValue = ChizaiServer.DEFAULT_STORE,
      description = "Store directory: TDB2, text index, fingerprint (default: ${DEFAULT-VALUE}).")
  Path store;

  @Option(
      names = "--sources",
      paramLabel = "DIR",
      defaultValue = DefaultSources.DIR_NAME,
      description = "Directory of report text files, *.txt (default: ${DEFAULT-VALUE}).")
  Path sources;

  @Option(
      names = "--queries",
      paramLabel = "DIR",
      defaultValue = ExampleQuery.DEFAULT_DIR,
      description = "Example queries for the landing page, *.rq (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--release",
      paramLabel = "DIR",
      description = {
        "A release directory written by publish to offer for download (/downloads) and",
        "describe (/.well-known/void). Default: one built with the store, in STORE/release,",
        "once the server answers (/downloads says it is being prepared until then)."
      })
  Path release;

  @Option(
      names = "--access-log",
      paramLabel = "FILE",
      description =
          "Append one line per request to FILE in the NCSA extended format (client address, time,"
              + " request, status, bytes, referrer, user agent). Default: no access log.")
  Path accessLog;

  @Mixin ConversionOptions conversion;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      defaultValue = "" + Limits.DEFAULT_TIMEOUT_SECONDS,
      description =
          "Query timeout in seconds; clients may ask for less with timeout= (default:"
              + " ${DEFAULT-VALUE}).")
  double timeout;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_ROWS,
      description = "Most rows a SELECT or CONSTRUCT answer returns (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--max-request-bytes",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_REQUEST_BYTES,
      description = "Largest request body; larger is refused with 413 (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes;

  @Option(
      names = "--max-query-chars",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_QUERY_CHARS,
      description = "Longest SPARQL query; longer is refused with 413 (default: ${DEFAULT-VALUE}).")
  int maxQueryChars;

  @Option(
      names = "--max-search-words",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_SEARCH_WORDS,
      description = "Most words in a /search request; more is 400 (default: ${DEFAULT-VALUE}).")
  int maxSearchWords;

  @Option(
      names = "--max-search-chars",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_SEARCH_CHARS,
      description = "Longest /search request; longer is 400 (default: ${DEFAULT-VALUE}).")
  int maxSearchChars;

  @Option(
      names = "--max-queries",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_QUERIES,
      description =
          "Most SPARQL, search and Graph Store requests running at once (default:"
              + " ${DEFAULT-VALUE}).")
  int maxQueries;

  @Option(
      names = "--max-queries-per-client",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_QUERIES_PER_CLIENT,
      description = "Most of them at once from one client address (default: ${DEFAULT-VALUE}).")
  int maxQueriesPerClient;

  @Option(
      names = "--max-queued",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_MAX_QUEUED,
      description =
          "Most requests waiting for a turn; beyond, 503 at once (default: ${DEFAULT-VALUE}).")
  int maxQueued;

  @Option(
      names = "--queue-timeout",
      paramLabel = "S",
      defaultValue = "" + Limits.DEFAULT_QUEUE_TIMEOUT_SECONDS,
      description = "Longest wait for a turn, then 503 (default: ${DEFAULT-VALUE}).")
  double queueTimeout;

  @Option(
      names = "--client-header",
      paramLabel = "NAME",
      description =
          "Behind a trusted reverse proxy: the header naming the client address, e.g."
              + " X-Forwarded-For (default: the connection's address).")
  String clientHeader;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "" + Limits.DEFAULT_THREADS,
      description = "Most worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--idle-timeout",
      paramLabel = "S",
      defaultValue = "" + Limits.DEFAULT_IDLE_TIMEOUT_SECONDS,
      description =
          "Close a connection on which nothing moves this long (default: ${DEFAULT-VALUE}).")
  double idleTimeout;

  @Option(
      names = "--read-timeout",
      paramLabel = "S",
      defaultValue = "" + Limits.DEFAULT_READ_TIMEOUT_SECONDS,
      description = "A request body must arrive within this, or 408 (default: ${DEFAULT-VALUE}).")
  double readTimeout;

  @Option(
      names = "--allow-service",
      paramLabel = "HOST",
      arity = "1..*",
      description =
          "Hosts that SPARQL SERVICE may call (default: none; SERVICE is refused). Give host"
              + " names, e.g. --allow-service query.wikidata.org.")
  List<String> allowService = new ArrayList<>();

  /** The limits the options ask for. */
  Limits limits() {
    return Limits.builder()
        .timeout(seconds("--timeout", timeout))
        .maxRows(maxRows)
        .maxRequestBytes(maxRequestBytes)
        .maxQueryChars(maxQueryChars)
        .maxSearchWords(maxSearchWords)
        .maxSearchChars(maxSearchChars)
        .maxQueries(maxQueries)
        .maxQueriesPerClient(maxQueriesPerClient)
        .maxQueued(maxQueued)
        .queueTimeout(seconds("--queue-timeout", queueTimeout))
        .clientHeader(Optional.ofNullable(clientHeader))
        .threads(threads)
        .idleTimeout(seconds("--idle-timeout", idleTimeout))
        .readTimeout(seconds("--read-timeout", readTimeout))
        .serviceHosts(Set.copyOf(allowService))
        .build();
  }

  private static Duration seconds(String option, double s) {
    if (!(s > 0) || s > 86_400) {
      throw new IllegalArgumentException(option + " must be between 0 and 86400 seconds: " + s);
    }
    return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0..65535: " + port);
    }
    Limits limits;
    try {
      limits = limits();
    } catch (IllegalArgumentException e) {
      throw usage(optionNames(e.getMessage()));
    }
    releaseDir();
    List<Path> reports = reports(sources);
    // The reference tables are loaded only when something is converted: a start on a store that
    // is reused needs none of them.
    conversion.checkOptions();
    Supplier<Pipeline> pipeline = memoize(conversion::pipeline);
    long start = System.nanoTime();
    ChizaiServer server;
    try {
      server = serverBuilder(pipeline, reports, limits, out, err).build();
    } catch (ChizaiException e) {
      throw e;
    } catch (ConversionBug e) {
      throw e.bug;
    } catch (RuntimeException e) {
      throw new ChizaiException(ExitCode.SERVE, "cannot open the store " + store + ": " + e, e);
    }
    Store s = server.store();
    s.damage()
        .ifPresent(
            d -> out.printf("store %s was damaged: %s; rebuilt from the sources%n", store, d));
    if (s.status() == Store.Status.BUILT) {
      out.printf("store %s built in %.2f s%n", store, s.buildTime().toMillis() / 1000.0);
    } else {
      out.printf("store %s reused (sources and code unchanged)%n", store);
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new ChizaiException(
          ExitCode.SERVE, "cannot listen on localhost:" + port + ": " + rootMessage(e), e);
    }
    out.printf(
        "serving %d quads in %.2f s: open %s in a browser (SPARQL endpoint %ssparql); Ctrl-C stops%n",
        server.site().quadCount(), (System.nanoTime() - start) / 1e9, server.url(), server.url());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    ChizaiServer running = server;
    Runnable stop =
        () -> {
          try {
            running.stop();
          } finally {
            stopped.countDown();
          }
        };
    // Ctrl-C (SIGINT) and SIGTERM stop the server cleanly and end with exit code 0, not the
    // JVM's 128+signal; any other way out (System.exit, SIGHUP) still closes the store.
    Signals.onStop(stop);
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "chizai-kg-stop"));
    server.join();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.println("stopped");
    out.flush();
    return ExitCode.OK.code();
  }

  /**
   * The server as the options say. Without {@code --release}, the release is built with the store,
   * once the server answers (see {@link ChizaiServer.Builder#releaseBuiltWithStore}), from the
   * conversion the store was built from, or, on a reused store whose release is missing, from a new
   * one.
   */
  private ChizaiServer.Builder serverBuilder(
      Supplier<Pipeline> pipeline,
      List<Path> reports,
      Limits limits,
      PrintWriter out,
      PrintWriter err) {
    AtomicReference<Conversion> built = new AtomicReference<>();
    ChizaiServer.Builder b =
        ChizaiServer.create()
            .port(port)
            .store(store)
            .base(conversion.base)
            .limits(limits)
            .referenceDir(conversion.referenceDir())
            .exampleQueries(ExampleQuery.readAll(queries))
            .source(
                reports,
                () -> {
                  Conversion c = convert(pipeline.get(), reports, out, err);
                  if (release == null) {
                    built.set(c);
                  }
                  return c.dataset();
                })
            .accessLog(Optional.ofNullable(accessLog));
    if (release != null) {
      return b.release(Optional.of(release));
    }
    return b.releaseBuiltWithStore(
        releaseDir(),
        new ReleaseMaker() {
          @Override
          public boolean write(Path dir) {
            Conversion c = built.getAndSet(null);
            return writeRelease(
                pipeline.get(),
                c != null ? c : convert(pipeline.get(), reports, out, err),
                dir,
                err);
          }

          @Override
          public void offered(String version, int files, Duration took) {
            out.printf(
                "release %s (%d files) built in %.2f s -> %s%n",
                version, files, took.toMillis() / 1000.0, releaseDir());
            out.flush();
          }
        });
  }

  /** {@code from}, called once, when first asked. */
  private static <T> Supplier<T> memoize(Supplier<T> from) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = from.get();
        }
        return value;
      }
    };
  }

  /** Where the release built with the store goes, inside the store directory. */
  static final String RELEASE_DIR = "release";

  /**
   * The release to offer: {@code --release DIR} as it is, else the one built with the store (when
   * the store is built, see {@link #writeRelease}).
   */
  private Path releaseDir() {
    if (release != null) {
      if (!Files.isRegularFile(release.resolve(Release.SHA256SUMS))) {
        throw usage("--release: not a release directory (no SHA256SUMS): " + release);
      }
      return release;
    }
    return store.resolve(RELEASE_DIR);
  }

  /**
   * Validates a conversion and writes its release (the files {@code publish --output} writes, the
   * same bytes) into {@code dir}. Data that does not conform gets no release: a warning, not an
   * error, since it can still be served.
   */
  static boolean writeRelease(Pipeline pipeline, Conversion c, Path dir, PrintWriter err) {
    Release r;
    try {
      r =
          pipeline.release(
              pipeline.validate(c),
              Release.Options.defaults()
                  .withSourceDateEpoch(Release.Options.sourceDateEpoch(System.getenv())));
    } catch (ChizaiException e) {
      if (e.kind() != ExitCode.INVALID) {
        throw e;
      }
      err.println("warning: no release to download: the data does not conform to the shapes");
      err.flush();
      return false;
    }
    r.writeTo(dir);
    return true;
  }

  /**
   * A limit's field name in a message as its option: {@code maxQueries} → {@code --max-queries}.
   */
  private static String optionNames(String message) {
    String m = message.replace("serviceHosts", "--allow-service");
    java.util.regex.Matcher f =
        java.util.regex.Pattern.compile("^([a-z]+[A-Z][A-Za-z]*)").matcher(m);
    if (!f.find()) {
      return m;
    }
    String option =
        "--" + f.group(1).replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    return option + m.substring(f.end());
  }

  /**
   * The conversion the store is built from. A bug in it is not a store problem: it is carried out
   * of the builder as it is, to end as an internal error.
   */
  private static Conversion convert(
      Pipeline pipeline, List<Path> reports, PrintWriter out, PrintWriter err) {
    Conversion c;
    try {
      c = pipeline.convert(reports);
    } catch (ChizaiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConversionBug(e);
    }
    for (Problem w : c.warnings()) {
      err.println(w);
    }
    err.flush();
    out.printf(
        "converted %d report%s (%d warnings)%n",
        c.reports().size(), c.reports().size() == 1 ? "" : "s", c.warnings().size());
    out.flush();
    return c;
  }

  /** A bug in the conversion, on its way out of the store builder. */
  private static final class ConversionBug extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RuntimeException bug;

    ConversionBug(RuntimeException bug) {
      super(bug);
      this.bug = bug;
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static List<Path> reports(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ChizaiException(
          ExitCode.INPUT,
          Problem.error(dir.toString(), 0, "no such directory (use --sources DIR)"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> out = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      if (out.isEmpty()) {
        throw new ChizaiException(
            ExitCode.INPUT, Problem.error(dir.toString(), 0, "no report (*.txt) here"));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
