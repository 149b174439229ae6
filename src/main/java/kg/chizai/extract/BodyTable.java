package kg.chizai.extract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.base.Sha256;
import kg.chizai.model.Attribution;
import kg.chizai.model.Body;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;

/**
 * The government bodies reference table ({@code data/reference/bodies.json}) and the resolution of
 * progress-entry tags against it.
 *
 * <pre>{@code
 * BodyTable table = ReferenceTables.load(Optional.empty()).bodies(); // the packaged tables
 * Attribution who = table.attribute(report);
 * }</pre>
 *
 * <p>Labels are compared after NFKC normalisation with whitespace removed. A joint tag is split on
 * ・ but parts are re-joined where the joined name is a known body (names such as 科学技術・イノベーション推進事務局
 * contain ・ themselves). A tag the table does not know still yields a body, flagged provisional,
 * and a warning naming the line.
 */
public final class BodyTable {

  /** Where the packaged table lives on the classpath. */
  public static final String RESOURCE = "/reference/bodies.json";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private final String origin;
  private final Map<String, Body> byId;
  private final Map<String, Body> byLabel;

  private BodyTable(String origin, Map<String, Body> byId, Map<String, Body> byLabel) {
    this.origin = origin;
    this.byId = byId;
    this.byLabel = byLabel;
  }

  /**
   * Loads the table from {@code dir/bodies.json}, or the packaged copy when no dir is given,
   * through the one reader of the reference tables ({@link ReferenceTables#load} calls this).
   */
  static BodyTable load(Optional<Path> referenceDir) {
    String origin =
        referenceDir.map(d -> d.resolve("bodies.json").toString()).orElse("classpath:" + RESOURCE);
    return of(origin, ReferenceTables.read(referenceDir, "bodies.json", Table.class));
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Row(
      String id,
      String ja,
      String en,
      List<String> altLabels,
      String kind,
      String parent,
      String wikidata,
      String source) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Table(List<Row> bodies) {}

  /** Parses a table from a stream ({@code origin} names it in problems). */
  static BodyTable parse(String origin, InputStream in) {
    return of(origin, ReferenceTables.read(origin, in, Table.class));
  }

  private static BodyTable of(String origin, Table table) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Body> byId = new LinkedHashMap<>();
    Map<String, Body> byLabel = new HashMap<>();
    List<Row> rows = table.bodies() == null ? List.of() : table.bodies();
    for (Row row : rows) {
      String where = "body " + row.id();
      if (row.id() == null || !SLUG.matcher(row.id()).matches()) {
        problems.add(Problem.error(origin, 0, where + ": id must be a lowercase ASCII slug"));
        continue;
      }
      if (row.ja() == null || row.ja().isBlank()) {
        problems.add(Problem.error(origin, 0, where + ": no Japanese name (ja)"));
        continue;
      }
      if (row.source() == null || row.source().isBlank()) {
        problems.add(Problem.error(origin, 0, where + ": no source"));
      }
      Body body =
          new Body(
              row.id(),
              row.ja(),
              Optional.ofNullable(row.en()),
              row.altLabels() == null ? List.of() : row.altLabels(),
              Optional.ofNullable(row.parent()),
              Optional.ofNullable(row.wikidata()),
              Optional.ofNullable(row.source()),
              false);
      if (byId.put(body.id(), body) != null) {
        problems.add(Problem.error(origin, 0, where + ": duplicate id"));
      }
      List<String> labels = new ArrayList<>(body.altLabels());
      labels.add(body.nameJa());
      for (String label : labels) {
        Body other = byLabel.put(key(label), body);
        if (other != null && other != body) {
          problems.add(
              Problem.error(
                  origin, 0, where + ": label " + label + " is also a label of " + other.id()));
        }
      }
    }
    for (Body b : byId.values()) {
      if (b.parentId().isPresent() && !byId.containsKey(b.parentId().get())) {
        problems.add(
            Problem.error(origin, 0, "body " + b.id() + ": unknown parent " + b.parentId().get()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ChizaiException(ExitCode.CONFIG, problems);
    }
    return new BodyTable(origin, byId, byLabel);
  }

  public String origin() {
    return origin;
  }

  public int size() {
    return byId.size();
  }

  /** The body with this label (official name or short form), if the table knows it. */
  public Optional<Body> lookup(String label) {
    return Optional.ofNullable(byLabel.get(key(label)));
  }

  public Attribution attribute(Report report) {
    Map<String, List<String>> byEntry = new LinkedHashMap<>();
    Map<String, Body> used = new TreeMap<>();
    List<Problem> warnings = new ArrayList<>();
    for (ProgressEntry e : report.entries()) {
      List<String> ids = new ArrayList<>();
      for (Body b : resolveTag(e.bodyTags())) {
        if (b.provisional()) {
          warnings.add(
              Problem.warning(
                  report.file(),
                  e.span().lineStart(),
                  "unknown body tag 【"
                      + b.nameJa()
                      + "】: minted provisional body "
                      + b.id()
                      + "; add it to data/reference/bodies.json"));
        }
        addWithAncestors(b, used);
        if (!ids.contains(b.id())) {
          ids.add(b.id());
        }
      }
      byEntry.put(e.id(), List.copyOf(ids));
    }
    Optional<String> publisher = Optional.empty();
    if (report.publisher().isPresent()) {
      Optional<Body> p = lookup(report.publisher().get());
      if (p.isPresent()) {
        addWithAncestors(p.get(), used);
        publisher = Optional.of(p.get().id());
      } else {
        Body minted = provisional(report.publisher().get());
        used.put(minted.id(), minted);
        publisher = Optional.of(minted.id());
        warnings.add(
            Problem.warning(
                report.file(),
                report.titleSpan().lineStart(),
                "publisher " + report.publisher().get() + " is not in the bodies table"));
      }
    }
    return new Attribution(byEntry, publisher, used, warnings);
  }

  /** Resolves the parts of a tag, re-joining adjacent parts where the joined name is known. */
  List<Body> resolveTag(List<String> parts) {
    List<Body> out = new ArrayList<>();
    int i = 0;
    while (i < parts.size()) {
      int matchedEnd = -1;
      Body matched = null;
      for (int j = parts.size(); j > i; j--) {
        Optional<Body> b = lookup(String.join("・", parts.subList(i, j)));
        if (b.isPresent()) {
          matched = b.get();
          matchedEnd = j;
          break;
        }
      }
      if (matched == null) {
        out.add(provisional(parts.get(i)));
        i++;
      } else {
        out.add(matched);
        i = matchedEnd;
      }
    }
    return out;
  }

  /** The body with this id and its ancestors, nearest first; empty if the table lacks the id. */
  public List<Body> withAncestors(String id) {
    Map<String, Body> chain = new LinkedHashMap<>();
    Body b = byId.get(id);
    if (b != null) {
      addWithAncestors(b, chain);
    }
    return List.copyOf(chain.values());
  }

  private void addWithAncestors(Body b, Map<String, Body> used) {
    Body current = b;
    while (current != null && used.putIfAbsent(current.id(), current) == null) {
      current = current.parentId().map(byId::get).orElse(null);
    }
  }

  /** A body minted from a label the table does not know; its id is derived from the label. */
  static Body provisional(String label) {
    String normal = key(label);
    String id = "tag-" + Sha256.hex(normal).substring(0, 12);
    return new Body(
        id,
        label.strip(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true);
  }

  private static String key(String label) {
    return Lines.comparable(label);
  }
}
