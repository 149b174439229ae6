package kg.chizai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kg.chizai.Pipeline;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.serve.ChizaiServer;
import kg.chizai.serve.ExampleQuery;
import kg.chizai.serve.Store;
import org.apache.jena.query.Dataset;
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

  @Mixin ConversionOptions conversion;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      defaultValue = "" + ChizaiServer.DEFAULT_TIMEOUT_SECONDS,
      description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "" + ChizaiServer.DEFAULT_MAX_ROWS,
      description = "Most rows a SELECT or CONSTRUCT answer returns (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0..65535: " + port);
    }
    if (!(timeout > 0)) {
      throw usage("--timeout must be a positive number of seconds: " + timeout);
    }
    if (maxRows < 1) {
      throw usage("--max-rows must be at least 1: " + maxRows);
    }
    List<Path> reports = reports(sources);
    Pipeline pipeline = conversion.pipeline();
    long start = System.nanoTime();
    ChizaiServer server;
    try {
      server =
          ChizaiServer.create()
              .port(port)
              .store(store)
              .base(pipeline.config().base())
              .timeout(Duration.ofMillis(Math.round(timeout * 1000)))
              .maxRows(maxRows)
              .referenceDir(pipeline.config().referenceDir())
              .exampleQueries(ExampleQuery.readAll(queries))
              .source(reports, () -> convert(pipeline, reports, out, err))
              .build();
    } catch (ChizaiException e) {
      throw e;
    } catch (ConversionBug e) {
      throw e.bug;
    } catch (RuntimeException e) {
      throw new ChizaiException(ExitCode.SERVE, "cannot open the store " + store + ": " + e, e);
    }
    Store s = server.store();
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
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "chizai-kg-stop"));
    server.join();
    return ExitCode.OK.code();
  }

  /**
   * The conversion the store is built from. A bug in it is not a store problem: it is carried out
   * of the builder as it is, to end as an internal error.
   */
  private static Dataset convert(
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
    return c.dataset();
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
