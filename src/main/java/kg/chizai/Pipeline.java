package kg.chizai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.extract.BodyTable;
import kg.chizai.extract.EventExtractor;
import kg.chizai.extract.MentionExtractor;
import kg.chizai.extract.ReportReader;
import kg.chizai.model.Attribution;
import kg.chizai.model.Events;
import kg.chizai.model.Mentions;
import kg.chizai.model.Report;
import kg.chizai.publish.Dumps;
import kg.chizai.publish.Release;
import kg.chizai.rdf.Formats;
import kg.chizai.rdf.Formats.Format;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Linksets;
import kg.chizai.rdf.RdfFiles;
import kg.chizai.rdf.RdfMapper;
import kg.chizai.rdf.SortedLines;
import kg.chizai.source.SourceText;
import kg.chizai.validate.Validation;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;

/**
 * The order of the stages, and nothing else: read each source, extract its structure, attribute its
 * entries to bodies, find what it names and what happens when, map everything to RDF; then validate
 * it against the SHACL shapes; then build a release from a validation that conforms. The commands
 * combine stages only through this class.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(Config.defaults());
 * Conversion c = p.convert(List.of(Path.of("data/source/report.txt")));
 * Release r = p.release(p.validate(c), Release.Options.defaults());
 * }</pre>
 */
public final class Pipeline {

  /**
   * The result of a conversion: the reports read, what each stage found, the RDF, every warning.
   */
  public record Conversion(
      List<Report> reports,
      List<Attribution> attributions,
      List<Mentions> mentions,
      List<Events> events,
      Dataset dataset,
      List<Problem> warnings) {

    public Conversion {
      reports = List.copyOf(reports);
      attributions = List.copyOf(attributions);
      mentions = List.copyOf(mentions);
      events = List.copyOf(events);
      warnings = List.copyOf(warnings);
    }

    public int bodyCount() {
      return (int)
          attributions.stream().flatMap(a -> a.bodies().keySet().stream()).distinct().count();
    }
  }

  private final Config config;
  private final Iris iris;
  private final MentionExtractor mentionExtractor;

  private Pipeline(Config config) {
    this.config = config;
    this.iris = config.iris();
    this.mentionExtractor = new MentionExtractor(config.reference());
  }

  /** A pipeline over one loaded configuration; it can convert any number of times. */
  public static Pipeline create(Config config) {
    return new Pipeline(config);
  }

  public Config config() {
    return config;
  }

  /**
   * Converts report text files to RDF (one named graph per report plus the reference graph). Every
   * problem of every source is collected; if there is one, throws once with all of them (exit 3).
   */
  public Conversion convert(List<Path> sources) {
    if (sources.isEmpty()) {
      throw new ChizaiException(ExitCode.USAGE, Problem.error("convert", 0, "no source given"));
    }
    BodyTable bodies = config.reference().bodies();
    List<Mentions> mentions = new ArrayList<>();
    List<Events> events = new ArrayList<>();
    List<Report> reports = new ArrayList<>();
    List<Attribution> attributions = new ArrayList<>();
    List<RdfMapper.Mapped> mapped = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<Problem> errors = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    // Each report is read and extracted on its own (in parallel: the stages share only immutable
    // tables); the results are then taken in the order of the sources, so the output is the same.
    List<Read> read = sources.parallelStream().map(source -> read(source, bodies)).toList();
    for (Read r : read) {
      if (r.report() == null) {
        errors.addAll(r.errors());
        continue;
      }
      Report report = r.report();
      String key = Iris.reportKey(report);
      String other = seen.putIfAbsent(key, report.file());
      if (other != null) {
        errors.add(sameProgram(report.file(), report.titleSpan().lineStart(), other, key));
        continue;
      }
      reports.add(report);
      attributions.add(r.who());
      mentions.add(r.named());
      events.add(r.happened());
      mapped.add(new RdfMapper.Mapped(report, r.who(), r.named(), r.happened()));
      warnings.addAll(r.warnings());
    }
    if (!errors.isEmpty()) {
      throw new ChizaiException(ExitCode.INPUT, errors);
    }
    warnings.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return new Conversion(
        reports,
        attributions,
        mentions,
        events,
        RdfMapper.map(mapped, iris, config.reference().linkPatterns()),
        warnings);
  }

  /** One source read and extracted: the report and what was found in it, or its errors. */
  private record Read(
      Report report, Attribution who, Mentions named, Events happened, List<Problem> errors) {

    /** The warnings of every stage, in stage order. */
    List<Problem> warnings() {
      List<Problem> all = new ArrayList<>(report.warnings());
      all.addAll(who.warnings());
      all.addAll(named.warnings());
      all.addAll(happened.warnings());
      return all;
    }
  }

  /** Two sources on the same program would mint the same IRIs: the second is refused. */
  private static Problem sameProgram(String file, int line, String other, String key) {
    return Problem.error(
        file, line, "reports on the same program as " + other + " (both would be " + key + ")");
  }

  private Read read(Path source, BodyTable bodies) {
    Report report;
    SourceText text;
    try {
      text = SourceText.read(source, config.maxInputBytes());
      report = ReportReader.read(text);
    } catch (ChizaiException e) {
      return new Read(null, null, null, null, e.problems());
    }
    Attribution who = bodies.attribute(report);
    Mentions named = mentionExtractor.extract(report, text, who);
    Events happened = EventExtractor.extract(report, text, who, named);
    return new Read(report, who, named, happened, List.of());
  }

  /** Converts and writes the result to {@code output} (format from its extension). */
  public Conversion convert(List<Path> sources, Path output) {
    RdfFiles.formatOf(output);
    Conversion c = convert(sources);
    RdfFiles.write(c.dataset(), output);
    return c;
  }

  /**
   * What a conversion written to a file held: the counts of {@code convert}'s summary line and the
   * warnings, sorted by file and line.
   */
  public record Written(
      int reports, int sheets, int directions, int entries, int bodies, List<Problem> warnings) {

    public Written {
      warnings = List.copyOf(warnings);
    }

    static Written of(Conversion c) {
      return new Written(
          c.reports().size(),
          c.reports().stream().mapToInt(r -> r.sheets().size()).sum(),
          c.reports().stream().mapToInt(r -> r.directions().size()).sum(),
          c.reports().stream().mapToInt(r -> r.entries().size()).sum(),
          c.bodyCount(),
          c.warnings());
    }
  }

  /**
   * Converts and writes the result to {@code output}, as {@link #convert(List, Path)} does, byte
   * for byte; N-Quads and N-Triples are streamed: each report is mapped and written as a sorted run
   * while the next ones are read (as many at once as there are cores), and the runs are merged into
   * the output ({@link SortedLines}), so memory holds a few reports and the reference graph, not
   * the whole dataset. The other formats need the whole dataset to write it pretty. Nothing is
   * written if a source is bad.
   */
  public Written write(List<Path> sources, Path output) {
    Format format = RdfFiles.formatOf(output);
    if (format != Formats.NQUADS && format != Formats.NTRIPLES) {
      return Written.of(convert(sources, output));
    }
    if (sources.isEmpty()) {
      throw new ChizaiException(ExitCode.USAGE, Problem.error("convert", 0, "no source given"));
    }
    BodyTable bodies = config.reference().bodies();
    Map<String, String> links = config.reference().linkPatterns();
    Model reference = RdfMapper.model();
    Linksets.Links found = new Linksets.Links(iris);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    Path near = output.toAbsolutePath().normalize().getParent();
    try (SortedLines lines = SortedLines.create(format == Formats.NQUADS, near)) {
      List<Future<Part>> futures = new ArrayList<>();
      for (Path source : sources) {
        futures.add(pool.submit(() -> part(source, bodies, links, reference, found, lines)));
      }
      List<Part> parts = new ArrayList<>();
      for (Future<Part> f : futures) {
        parts.add(join(f));
      }
      List<Problem> errors = new ArrayList<>();
      List<Problem> warnings = new ArrayList<>();
      Map<String, String> seen = new HashMap<>();
      Set<String> bodyIds = new HashSet<>();
      int sheets = 0;
      int directions = 0;
      int entries = 0;
      int reports = 0;
      for (Part p : parts) {
        if (p.errors() != null) {
          errors.addAll(p.errors());
          continue;
        }
        String other = seen.putIfAbsent(p.key(), p.file());
        if (other != null) {
          errors.add(sameProgram(p.file(), p.titleLine(), other, p.key()));
          continue;
        }
        reports++;
        sheets += p.sheets();
        directions += p.directions();
        entries += p.entries();
        bodyIds.addAll(p.bodies());
        warnings.addAll(p.warnings());
      }
      if (!errors.isEmpty()) {
        throw new ChizaiException(ExitCode.INPUT, errors);
      }
      warnings.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
      found.scan(reference.getGraph());
      found.describeIn(reference);
      lines.add(reference.getGraph(), NodeFactory.createURI(iris.referenceGraph()));
      AtomicFiles.write(output, lines::mergeTo);
      return new Written(reports, sheets, directions, entries, bodyIds.size(), warnings);
    } catch (IOException | UncheckedIOException e) {
      throw new ChizaiException(
          ExitCode.OUTPUT, Problem.error(output.toString(), 0, "cannot write: " + e.getMessage()));
    } finally {
      pool.shutdownNow();
    }
  }

  /** One report of {@link #write}, once its graph is written as a run: what the summary needs. */
  private record Part(
      String key,
      String file,
      int titleLine,
      int sheets,
      int directions,
      int entries,
      Set<String> bodies,
      List<Problem> warnings,
      List<Problem> errors) {}

  private Part part(
      Path source,
      BodyTable bodies,
      Map<String, String> links,
      Model reference,
      Linksets.Links found,
      SortedLines lines) {
    Read r = read(source, bodies);
    if (r.report() == null) {
      return new Part(null, null, 0, 0, 0, 0, Set.of(), List.of(), r.errors());
    }
    Report report = r.report();
    Model own = RdfMapper.model();
    Model g =
        RdfMapper.map(
            new RdfMapper.Mapped(report, r.who(), r.named(), r.happened()), iris, links, own);
    found.scan(g.getGraph());
    lines.add(g.getGraph(), NodeFactory.createURI(iris.reportGraph(report)));
    synchronized (reference) {
      reference.add(own);
    }
    return new Part(
        Iris.reportKey(report),
        report.file(),
        report.titleSpan().lineStart(),
        report.sheets().size(),
        report.directions().size(),
        report.entries().size(),
        Set.copyOf(r.who().bodies().keySet()),
        r.warnings(),
        null);
  }

  private static Part join(Future<Part> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while converting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Checks a conversion against the SHACL shapes ({@code ontology/shapes.ttl}). */
  public Validation validate(Conversion c) {
    return Validation.of(c.reports(), c.dataset());
  }

  /**
   * Validates sources of either kind together: report text files ({@code .txt}) are converted, RDF
   * files and release directories are read as they are; the union is checked.
   *
   * @return the validation, and the conversion of the text sources (null when there were none)
   */
  public Checked validateSources(List<Path> sources) {
    List<Path> reports = new ArrayList<>();
    List<Path> rdf = new ArrayList<>();
    for (Path p : sources) {
      (p.getFileName().toString().endsWith(".txt") && !Files.isDirectory(p) ? reports : rdf).add(p);
    }
    Dataset data = DatasetFactory.create();
    Conversion c = null;
    if (!reports.isEmpty()) {
      c = convert(reports);
      merge(c.dataset(), data);
    }
    for (Path p : rdf) {
      merge(Dumps.read(p).data(), data);
    }
    return new Checked(c, Validation.of(c == null ? List.of() : c.reports(), data));
  }

  /** A validation of mixed sources, with the conversion of its text sources (null if none). */
  public record Checked(Conversion conversion, Validation validation) {}

  /**
   * Builds a release from a validation; data that does not conform is refused (exit 6) before any
   * file is built.
   */
  public Release release(Validation validation, Release.Options options) {
    return Release.build(validation, iris, options);
  }

  private static void merge(Dataset from, Dataset into) {
    into.getDefaultModel().add(from.getDefaultModel());
    from.listNames().forEachRemaining(n -> into.getNamedModel(n).add(from.getNamedModel(n)));
  }
}
