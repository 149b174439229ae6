package kg.chizai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kg.chizai.Pipeline;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.rdf.Iris;
import kg.chizai.serve.ChizaiServer;
import kg.chizai.serve.ExampleQuery;
import kg.chizai.serve.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      defaultValue = "3030",
      description = "HTTP port on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      defaultValue = "store",
      description = "Store directory: TDB2, text index, fingerprint (default: ${DEFAULT-VALUE}).")
  Path store;

  @Option(
      names = "--sources",
      paramLabel = "DIR",
      defaultValue = "data/source",
      description = "Directory of report text files, *.txt (default: ${DEFAULT-VALUE}).")
  Path sources;

  @Option(
      names = "--queries",
      paramLabel = "DIR",
      defaultValue = "queries",
      description = "Example queries for the landing page, *.rq (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--base",
      paramLabel = "IRI",
      defaultValue = Iris.DEFAULT_BASE,
      description =
          "Base of minted IRIs; base + id/… is served at /id/… (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      description = "Directory with the reference tables (default: those packaged in the jar).")
  Path reference;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      defaultValue = "30",
      description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Most rows a SELECT or CONSTRUCT answer returns (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--max-input-size",
      paramLabel = "SIZE",
      defaultValue = "4M",
      converter = ByteSize.class,
      description = "Largest report file read, e.g. 8M (default: ${DEFAULT-VALUE}, at most 1G).")
  long maxInputSize;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> reports = reports(sources);
    Optional<Path> ref = Optional.ofNullable(reference);
    long start = System.nanoTime();
    ChizaiServer server;
    try {
      server =
          ChizaiServer.create()
              .port(port)
              .store(store)
              .base(base)
              .timeout(Duration.ofMillis(Math.round(timeout * 1000)))
              .maxRows(maxRows)
              .referenceDir(ref)
              .exampleQueries(ExampleQuery.readAll(queries))
              .source(
                  reports,
                  () -> {
                    Conversion c =
                        Pipeline.convert(reports, new Pipeline.Options(base, ref, maxInputSize));
                    for (Problem w : c.warnings()) {
                      err.println(w);
                    }
                    err.flush();
                    out.printf(
                        "converted %d report%s (%d warnings)%n",
                        c.reports().size(),
                        c.reports().size() == 1 ? "" : "s",
                        c.warnings().size());
                    out.flush();
                    return c.dataset();
                  })
              .build();
    } catch (IllegalArgumentException e) {
      throw new ChizaiException(ExitCode.USAGE, e.getMessage(), e);
    } catch (ChizaiException e) {
      throw e;
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
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "chizai-kg-stop"));
    server.join();
    return 0;
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
