package kg.chizai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import kg.chizai.Pipeline;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.publish.Dumps;
import kg.chizai.publish.GraphStorePush;
import kg.chizai.publish.GraphStorePush.Credentials;
import kg.chizai.publish.Release;
import kg.chizai.validate.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chizai-kg publish [SOURCE…] --output DIR | --to URL}: a release of the dataset. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Converts the reports, validates them against the SHACL shapes and",
      "publishes a release:",
      "  --output DIR  writes the dumps (N-Triples and N-Quads gzip, Turtle,",
      "                TriG, JSON-LD, RDF/XML), context.jsonld, ontology/,",
      "                dataset.ttl (DCAT + VoID) and SHA256SUMS into DIR,",
      "                replacing DIR only when everything is written;",
      "  --to URL      PUTs each named graph to a SPARQL 1.1 Graph Store",
      "                Protocol endpoint.",
      "Nothing is written or pushed when the data does not conform (exit 6).",
      "Dates come from the reports or SOURCE_DATE_EPOCH, never the clock: two",
      "runs give byte-identical files. The password for --user may also come",
      "from the environment variable CHIZAI_KG_PASSWORD."
    })
final class PublishCommand implements Callable<Integer> {

  static final String PASSWORD_ENV = "CHIZAI_KG_PASSWORD";

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "SOURCE",
      description = "Report text files (default: every .txt under data/source/).")
  List<Path> sources;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Directory to write the release into.")
  Path output;

  @Option(
      names = "--to",
      paramLabel = "URL",
      description = "Graph Store Protocol endpoint to push the named graphs to.")
  String to;

  @Option(names = "--user", paramLabel = "USER", description = "Basic-auth user for --to.")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description = "Basic-auth password for --to (default: $" + PASSWORD_ENV + ").")
  String password;

  @Option(
      names = "--previous",
      paramLabel = "DIR",
      description =
          "A previous release (directory) or dump: ship the diff against it (diff/), and with"
              + " --to, delete its graphs that this release no longer has.")
  Path previous;

  @Option(
      names = "--release-version",
      paramLabel = "VERSION",
      description =
          "Version of the release (default: the date of the latest report, e.g. 2026-04).")
  String version;

  @Option(
      names = "--download-url",
      paramLabel = "URL",
      description = "Where the release's files will be served (default: <base>dumps/<version>/).")
  String downloadUrl;

  @Option(
      names = "--sparql-endpoint",
      paramLabel = "URL",
      description = "The SPARQL endpoint that serves the data (default: <base>sparql).")
  String sparqlEndpoint;

  @Mixin ConversionOptions conversion;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print warnings.")
  boolean quiet;

  @Override
  public Integer call() {
    if (output == null && to == null) {
      throw usage("give --output DIR, --to URL, or both");
    }
    if (to != null && !to.matches("(?i)https?://[^/?#\\s]+(/\\S*)?")) {
      throw usage("--to needs an http(s) URL of a Graph Store Protocol endpoint: " + to);
    }
    Optional<Credentials> credentials = credentials();
    long start = System.nanoTime();
    List<Path> reports = DefaultSources.orDefault(sources);
    Release.Options options =
        new Release.Options(
            Optional.ofNullable(version),
            Release.Options.sourceDateEpoch(System.getenv()),
            Optional.ofNullable(downloadUrl),
            Optional.ofNullable(sparqlEndpoint),
            Optional.ofNullable(previous));
    Pipeline pipeline = conversion.pipeline();
    Pipeline.Conversion converted = pipeline.convert(reports);
    Release release = pipeline.release(pipeline.validate(converted), options);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet) {
      for (Problem w : converted.warnings()) {
        err.println(w);
      }
      for (Finding f : release.conformance().warnings()) {
        err.println(f);
      }
      err.flush();
    }
    if (output != null) {
      for (String note : release.writeTo(output).notes()) {
        err.println(note);
      }
      err.flush();
    }
    long bytes = release.files().values().stream().mapToLong(b -> b.length).sum();
    out.printf(
        "release %s: %d report%s, %d triples, %d files (%s)%s in %.2f s%n",
        release.version(),
        reports.size(),
        reports.size() == 1 ? "" : "s",
        release.triples(),
        release.files().size(),
        size(bytes),
        output != null ? " -> " + output : "",
        (System.nanoTime() - start) / 1e9);
    release
        .diff()
        .ifPresent(
            d ->
                out.printf(
                    "diff against %s: %d triples added, %d removed%n",
                    previous, d.addedCount(), d.removedCount()));
    out.flush();
    if (to != null) {
      Set<String> obsolete = new HashSet<>();
      if (previous != null) {
        Dumps.read(previous).data().listNames().forEachRemaining(obsolete::add);
      }
      for (GraphStorePush.Pushed p :
          GraphStorePush.push(release.graphs(), to, credentials, obsolete)) {
        out.printf(
            "%s <%s>%s%n",
            p.method(),
            p.graph(),
            p.method().equals("PUT") ? " (" + p.triples() + " triples)" : "");
      }
      out.printf("pushed %d graphs to %s%n", release.graphs().size(), to);
      out.flush();
    }
    return ExitCode.OK.code();
  }

  private Optional<Credentials> credentials() {
    String pw = password != null ? password : System.getenv(PASSWORD_ENV);
    if (user == null) {
      if (password != null) {
        throw usage("--password needs --user");
      }
      return Optional.empty();
    }
    if (to == null) {
      throw usage("--user is for --to");
    }
    if (pw == null) {
      throw usage("--user needs --password or $" + PASSWORD_ENV);
    }
    return Optional.of(new Credentials(user, pw));
  }

  private static ChizaiException usage(String message) {
    return new ChizaiException(ExitCode.USAGE, Problem.error("publish", 0, message));
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KiB", bytes / 1024.0);
    }
    return String.format("%.1f MiB", bytes / (1024.0 * 1024));
  }
}
