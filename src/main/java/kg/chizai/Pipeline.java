package kg.chizai;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.extract.BodyTable;
import kg.chizai.extract.BodyTable.Attribution;
import kg.chizai.extract.EventExtractor;
import kg.chizai.extract.EventExtractor.Events;
import kg.chizai.extract.MentionExtractor;
import kg.chizai.extract.MentionExtractor.Mentions;
import kg.chizai.extract.ReferenceTables;
import kg.chizai.extract.ReportReader;
import kg.chizai.model.Report;
import kg.chizai.publish.Release;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.RdfFiles;
import kg.chizai.rdf.RdfMapper;
import kg.chizai.source.SourceText;
import kg.chizai.validate.Conformance;
import kg.chizai.validate.Shacl;
import org.apache.jena.query.Dataset;

/**
 * The order of the stages, and nothing else: read each source, extract its structure, attribute its
 * entries to bodies, map everything to RDF; then validate it against the SHACL shapes, and publish
 * it as a release.
 *
 * <pre>{@code
 * Conversion c = Pipeline.convert(List.of(Path.of("data/source/report.txt")), Pipeline.Options.defaults());
 * RdfFiles.write(c.dataset(), Path.of("out.ttl"));
 * }</pre>
 */
public final class Pipeline {

  /**
   * Where to mint IRIs, where to find the reference tables (empty: the packaged ones), and the
   * largest source file read ({@link SourceText#DEFAULT_MAX_BYTES} unless given).
   */
  public record Options(String base, Optional<Path> referenceDir, long maxInputBytes) {
    public Options {
      if (maxInputBytes < 1 || maxInputBytes > SourceText.MAX_LIMIT) {
        throw new IllegalArgumentException(
            "the input size limit must be 1 byte to 1 GiB: " + maxInputBytes);
      }
    }

    public Options(String base, Optional<Path> referenceDir) {
      this(base, referenceDir, SourceText.DEFAULT_MAX_BYTES);
    }

    public static Options defaults() {
      return new Options(Iris.DEFAULT_BASE, Optional.empty());
    }

    /** The same options with another input size limit. */
    public Options withMaxInputBytes(long bytes) {
      return new Options(base, referenceDir, bytes);
    }
  }

  /** The result of a conversion: the reports read, the RDF, and every warning. */
  public record Conversion(
      List<Report> reports,
      List<Attribution> attributions,
      List<Mentions> mentions,
      List<Events> events,
      Dataset dataset,
      List<Problem> warnings) {

    public int bodyCount() {
      return (int)
          attributions.stream().flatMap(a -> a.bodies().keySet().stream()).distinct().count();
    }
  }

  private Pipeline() {}

  public static Conversion convert(List<Path> sources, Options options) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source given");
    }
    Iris iris = new Iris(options.base());
    BodyTable bodies = BodyTable.load(options.referenceDir());
    ReferenceTables tables = ReferenceTables.load(options.referenceDir());
    MentionExtractor mentionExtractor = new MentionExtractor(tables, bodies);
    List<Mentions> mentions = new ArrayList<>();
    List<Events> events = new ArrayList<>();
    List<Report> reports = new ArrayList<>();
    List<Attribution> attributions = new ArrayList<>();
    List<RdfMapper.Mapped> mapped = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<Problem> errors = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path source : sources) {
      Report report;
      SourceText text;
      try {
        text = SourceText.read(source, options.maxInputBytes());
        report = ReportReader.read(text);
      } catch (ChizaiException e) {
        errors.addAll(e.problems());
        continue;
      }
      String key = Iris.reportKey(report);
      String other = seen.putIfAbsent(key, report.file());
      if (other != null) {
        errors.add(
            Problem.error(
                report.file(),
                report.titleSpan().lineStart(),
                "reports on the same program as " + other + " (both would be " + key + ")"));
        continue;
      }
      Attribution who = bodies.attribute(report);
      Mentions named = mentionExtractor.extract(report, text, who);
      Events happened = EventExtractor.extract(report, text, who, named);
      reports.add(report);
      attributions.add(who);
      mentions.add(named);
      events.add(happened);
      mapped.add(new RdfMapper.Mapped(report, who, named, happened));
      warnings.addAll(report.warnings());
      warnings.addAll(who.warnings());
      warnings.addAll(named.warnings());
      warnings.addAll(happened.warnings());
    }
    if (!errors.isEmpty()) {
      throw new ChizaiException(ExitCode.INPUT, errors);
    }
    warnings.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return new Conversion(
        reports,
        attributions,
        mentions,
        events,
        RdfMapper.map(mapped, iris, tables.linkPatterns()),
        warnings);
  }

  /** Converts and writes the result to {@code output} (format from its extension). */
  public static Conversion convert(List<Path> sources, Options options, Path output) {
    RdfFiles.formatOf(output);
    Conversion c = convert(sources, options);
    RdfFiles.write(c.dataset(), output);
    return c;
  }

  /** A conversion and its check against the SHACL shapes. */
  public record Validation(Conversion conversion, Conformance conformance) {}

  /** Converts and validates the result against {@code ontology/shapes.ttl}. */
  public static Validation validate(List<Path> sources, Options options) {
    Conversion c = convert(sources, options);
    return new Validation(c, Shacl.validate(c.dataset()));
  }

  /** A conversion and the release built from it. */
  public record Publication(Conversion conversion, Release release) {}

  /**
   * Converts, validates and builds a release; data that does not conform is refused before any file
   * is built.
   */
  public static Publication publish(List<Path> sources, Options options, Release.Options release) {
    Conversion c = convert(sources, options);
    return new Publication(
        c, Release.build(c.reports(), c.dataset(), new Iris(options.base()), release));
  }
}
