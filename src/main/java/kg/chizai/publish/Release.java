package kg.chizai.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.base.Resources;
import kg.chizai.model.Report;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.JsonLdWriter;
import kg.chizai.rdf.Ontology;
import kg.chizai.rdf.RdfFiles;
import kg.chizai.rdf.SortedTurtle;
import kg.chizai.validate.Conformance;
import kg.chizai.validate.Shacl;
import kg.chizai.validate.Validation;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * A release: the converted data, validated, as dumps in every format with the ontology, a JSON-LD
 * context, a DCAT/VoID description and {@code SHA256SUMS}, all built in memory and byte for byte
 * reproducible. Nothing is written unless the data conforms to the SHACL shapes.
 *
 * <pre>{@code
 * Release r = Release.build(Validation.of(reports, dataset), iris, Release.Options.defaults());
 * r.writeTo(Path.of("dist"));
 * }</pre>
 *
 * <p>Dates come from the sources (the latest report's month) or from {@code SOURCE_DATE_EPOCH},
 * never from the clock; file modification times are set to the same instant.
 */
public final class Release {

  /** The dataset description. */
  public static final String DESCRIPTION = "dataset.ttl";

  /** The JSON-LD context, also inlined in the JSON-LD dump. */
  public static final String CONTEXT = "context.jsonld";

  /** The checksums of every other file. */
  public static final String SHA256SUMS = "SHA256SUMS";

  /** The ontology and the shapes, as in the repository. */
  public static final String ONTOLOGY = "ontology/chizai.ttl";

  public static final String SHAPES = "ontology/shapes.ttl";

  /** The diff against a previous release, when one is given. */
  public static final String DIFF_ADDED = "diff/added.nt";

  public static final String DIFF_REMOVED = "diff/removed.nt";
  public static final String DIFF_SUMMARY = "diff/summary.txt";

  /**
   * How to build a release; every field is optional.
   *
   * @param version the release's version (a safe IRI segment); default: the issued date
   * @param sourceDateEpoch the issued instant; default: the first day of the latest report's month
   * @param downloadUrl where the files will be served, ending in {@code /}; default: {@code
   *     <base>dumps/<version>/}
   * @param sparqlEndpoint the endpoint serving the data; default {@code <base>sparql}
   * @param previous a previous release (directory) or dump to ship a diff against
   */
  public record Options(
      Optional<String> version,
      Optional<Instant> sourceDateEpoch,
      Optional<String> downloadUrl,
      Optional<String> sparqlEndpoint,
      Optional<Path> previous) {

    public static Options defaults() {
      return new Options(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Options withVersion(String v) {
      return new Options(Optional.of(v), sourceDateEpoch, downloadUrl, sparqlEndpoint, previous);
    }

    public Options withSourceDateEpoch(Optional<Instant> t) {
      return new Options(version, t, downloadUrl, sparqlEndpoint, previous);
    }

    public Options withDownloadUrl(String url) {
      return new Options(version, sourceDateEpoch, Optional.of(url), sparqlEndpoint, previous);
    }

    public Options withSparqlEndpoint(String url) {
      return new Options(version, sourceDateEpoch, downloadUrl, Optional.of(url), previous);
    }

    public Options withPrevious(Path dir) {
      return new Options(version, sourceDateEpoch, downloadUrl, sparqlEndpoint, Optional.of(dir));
    }

    /** {@code SOURCE_DATE_EPOCH} (seconds since 1970, UTC) from the environment, if set. */
    public static Optional<Instant> sourceDateEpoch(Map<String, String> env) {
      String v = env.get("SOURCE_DATE_EPOCH");
      if (v == null || v.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.trim())));
      } catch (NumberFormatException e) {
        throw new ChizaiException(
            ExitCode.USAGE,
            Problem.error(
                "SOURCE_DATE_EPOCH", 0, "not a number of seconds since 1970-01-01: " + v));
      }
    }
  }

  private final Iris iris;
  private final String version;
  private final Dataset data;
  private final SortedMap<String, byte[]> files;
  private final Conformance conformance;
  private final Optional<GraphDiff> diff;
  private final Instant time;
  private final Model description;

  private Release(
      Iris iris,
      String version,
      Dataset data,
      SortedMap<String, byte[]> files,
      Conformance conformance,
      Optional<GraphDiff> diff,
      Instant time,
      Model description) {
    this.iris = iris;
    this.version = version;
    this.data = data;
    this.files = Collections.unmodifiableSortedMap(files);
    this.conformance = conformance;
    this.diff = diff;
    this.time = time;
    this.description = description;
  }

  /**
   * Builds every file of the release of validated data (one named graph per report plus the
   * reference graph, as converted from its reports). Throws a {@link ChizaiException} of kind
   * {@link ExitCode#INVALID} listing every violation when the data does not conform.
   */
  public static Release build(Validation validation, Iris iris, Options o) {
    List<Report> reports = validation.reports();
    Dataset data = validation.data();
    Conformance conformance = validation.conformance();
    if (!conformance.conforms()) {
      throw new ChizaiException(
          ExitCode.INVALID,
          "not published: the data does not conform to ontology/shapes.ttl ("
              + conformance.violations().size()
              + " violations)\n"
              + conformance.render().stripTrailing(),
          null);
    }
    Optional<YearMonth> latest =
        reports.stream()
            .map(Report::issued)
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder());
    Optional<Literal> issued =
        o.sourceDateEpoch()
            .map(
                t ->
                    ResourceFactory.createTypedLiteral(
                        LocalDate.ofInstant(t, ZoneOffset.UTC).toString(), XSDDatatype.XSDdate))
            .or(
                () ->
                    latest.map(
                        ym ->
                            ResourceFactory.createTypedLiteral(
                                ym.toString(), XSDDatatype.XSDgYearMonth)));
    String version =
        o.version()
            .or(() -> issued.map(Literal::getLexicalForm))
            .orElseThrow(
                () ->
                    new ChizaiException(
                        ExitCode.USAGE,
                        Problem.error(
                            "publish",
                            0,
                            "no report states its date: give a version (--release-version) or"
                                + " SOURCE_DATE_EPOCH")));
    if (!Iris.isSafeSegment(version)) {
      throw new ChizaiException(
          ExitCode.USAGE,
          Problem.error(
              "publish",
              0,
              "version must be letters, digits, '.', '_' or '-', starting with a letter or"
                  + " digit: "
                  + version));
    }
    Instant time =
        o.sourceDateEpoch()
            .or(() -> latest.map(ym -> ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
            .orElse(Instant.EPOCH);
    String downloadUrl = o.downloadUrl().orElse(iris.downloads(version));
    if (!downloadUrl.endsWith("/")) {
      downloadUrl = downloadUrl + "/";
    }

    SortedMap<String, byte[]> files = new TreeMap<>();
    // The dumps only read the data: they are written side by side (as many at once as there are
    // cores), the triple formats from one union of the graphs.
    Model union = RdfFiles.union(data);
    files.putAll(
        Dump.ALL.parallelStream()
            .collect(
                java.util.stream.Collectors.toConcurrentMap(
                    Dump::fileName, d -> dump(data, union, d))));
    files.put(CONTEXT, JsonLdWriter.contextBytes(JsonLdWriter.context()));
    files.put(ONTOLOGY, Resources.bytes(Ontology.RESOURCE));
    files.put(SHAPES, Resources.bytes(Shacl.RESOURCE));

    Optional<GraphDiff> diff = Optional.empty();
    Optional<Description.Previous> previous = Optional.empty();
    if (o.previous().isPresent()) {
      Dumps.Loaded old = Dumps.read(o.previous().get());
      GraphDiff d = GraphDiff.compare(old.data(), data);
      String oldVersion = old.version().orElse(old.from().getFileName().toString());
      files.put(DIFF_ADDED, d.addedNTriples());
      files.put(DIFF_REMOVED, d.removedNTriples());
      files.put(
          DIFF_SUMMARY,
          ("# " + oldVersion + " -> " + version + "\n" + d.summary())
              .getBytes(StandardCharsets.UTF_8));
      diff = Optional.of(d);
      if (old.iri().isPresent()) {
        previous =
            Optional.of(new Description.Previous(oldVersion, old.iri().get(), d.notes(oldVersion)));
      }
    }

    Map<String, String> printed = new HashMap<>();
    for (Report r : reports) {
      r.publisher().ifPresent(p -> printed.put(iris.report(r), p));
    }
    Model description =
        Description.describe(
            new Description.Input(
                iris,
                version,
                issued,
                data,
                printed,
                Ontology.model(),
                Shacl.shapesModel(),
                files,
                downloadUrl,
                o.sparqlEndpoint().orElse(iris.sparqlEndpoint()),
                previous));
    files.put(
        DESCRIPTION,
        SortedTurtle.write(
                description,
                description,
                Optional.empty(),
                List.of(iris.catalog(), iris.dataset(), iris.release(version)))
            .getBytes(StandardCharsets.UTF_8));
    files.put(SHA256SUMS, Checksums.sha256sums(files));
    return new Release(iris, version, data, files, conformance, diff, time, description);
  }

  private static byte[] dump(Dataset data, Model union, Dump d) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RdfFiles.write(data, union, d.format(), out);
      byte[] bytes = out.toByteArray();
      return d.gzip() ? Gzip.compress(bytes) : bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String version() {
    return version;
  }

  /** The release's IRI in its description. */
  public String iri() {
    return iris.release(version);
  }

  /** The data: one named graph per report and the reference graph. */
  public Dataset data() {
    return data;
  }

  /** The number of distinct triples in the data (the N-Triples dump's line count). */
  public long triples() {
    return GraphDiff.union(data).size();
  }

  /** Every file, by its path in the release directory. */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The dataset description (as in {@value #DESCRIPTION}). */
  public Model description() {
    return description;
  }

  /** The validation of the data (conforming, perhaps with warnings). */
  public Conformance conformance() {
    return conformance;
  }

  /** The diff against the previous release, when one was given. */
  public Optional<GraphDiff> diff() {
    return diff;
  }

  /** The instant the release is dated: issued date, and every file's modification time. */
  public Instant time() {
    return time;
  }

  /** The graphs to push to a graph store: the data's, the ontology and the description. */
  public SortedMap<String, Model> graphs() {
    SortedMap<String, Model> graphs = new TreeMap<>();
    data.listNames().forEachRemaining(n -> graphs.put(n, data.getNamedModel(n)));
    graphs.put(iris.ontologyGraph(), Ontology.model());
    graphs.put(iris.descriptionGraph(), description);
    return graphs;
  }

  /**
   * What writing a release did.
   *
   * @param directory the versioned directory that {@code dir} now links to
   * @param notes what the user should know: leftovers of an interrupted publish removed, a target
   *     recovered, an older release moved aside
   */
  public record Written(Path directory, List<String> notes) {}

  /**
   * Writes the release to {@code dir} so that, whatever moment the process is killed, {@code dir}
   * holds a complete, checksummed release, this one or the one before: {@code dir} becomes a
   * symbolic link to a versioned directory beside it (see {@link ReleaseDirectory}). An existing
   * {@code dir} must be empty or a release this program wrote, unchanged since; anything else in it
   * is refused with exit code 4, naming the files.
   */
  public Written writeTo(Path dir) {
    return writeTo(dir, step -> {});
  }

  /** As {@link #writeTo(Path)}, telling {@code steps} the name of each step as it is done. */
  public Written writeTo(Path dir, Consumer<String> steps) {
    ReleaseDirectory.Outcome o = ReleaseDirectory.write(dir, version, files, time, steps);
    return new Written(o.release(), o.notes());
  }
}
