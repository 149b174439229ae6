package kg.chizai.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.model.NamedThing;
import kg.chizai.model.Organization;
import kg.chizai.model.Statute;

/**
 * The curated tables of what reports name: statutes, organizations, places, and named documents,
 * councils, programs, systems and events ({@code data/reference/*.json}, a source per row).
 *
 * <pre>{@code ReferenceTables tables = ReferenceTables.load(Optional.empty()); // packaged copies}
 * </pre>
 */
public final class ReferenceTables {

  private static final Pattern LAW_ID = Pattern.compile("\\d{3}[A-Z]{2,}[0-9A-Z]{10}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private final Map<String, Statute> statutes;
  private final List<String> genericPhrases;
  private final List<String> foreignMarkers;
  private final Map<String, String> linkPatterns;
  private final Map<String, Organization> organizations;
  private final Map<String, Organization> places;
  private final Map<String, NamedThing> names;

  private ReferenceTables(
      Map<String, Statute> statutes,
      List<String> genericPhrases,
      List<String> foreignMarkers,
      Map<String, String> linkPatterns,
      Map<String, Organization> organizations,
      Map<String, Organization> places,
      Map<String, NamedThing> names) {
    this.statutes = statutes;
    this.genericPhrases = genericPhrases;
    this.foreignMarkers = foreignMarkers;
    this.linkPatterns = linkPatterns;
    this.organizations = organizations;
    this.places = places;
    this.names = names;
  }

  public static ReferenceTables load(Optional<Path> dir) {
    List<Problem> problems = new ArrayList<>();
    JsonNode statutesDoc = read(dir, "statutes.json");
    Map<String, Statute> statutes = statutes(statutesDoc, problems);
    List<String> generic = new ArrayList<>();
    statutesDoc.path("genericPhrases").forEach(n -> generic.add(n.path("phrase").asText()));
    List<String> foreign = new ArrayList<>();
    statutesDoc.path("foreignMarkers").forEach(n -> foreign.add(n.asText()));
    Map<String, String> patterns = new LinkedHashMap<>();
    statutesDoc
        .path("linkPatterns")
        .fields()
        .forEachRemaining(e -> patterns.put(e.getKey(), e.getValue().asText()));
    Map<String, Organization> organizations =
        organizations(
            read(dir, "organizations.json"), "organizations", "organizations.json", problems);
    Map<String, Organization> places =
        organizations(read(dir, "places.json"), "places", "places.json", problems);
    Map<String, NamedThing> names = names(read(dir, "names.json"), problems);
    if (!problems.isEmpty()) {
      throw new ChizaiException(ExitCode.CONFIG, problems);
    }
    return new ReferenceTables(
        statutes,
        List.copyOf(generic),
        List.copyOf(foreign),
        patterns,
        organizations,
        places,
        names);
  }

  public Map<String, Statute> statutes() {
    return statutes;
  }

  public List<String> genericPhrases() {
    return genericPhrases;
  }

  public List<String> foreignMarkers() {
    return foreignMarkers;
  }

  /** Link templates ({id}, {article}, {jltTranslationId}) from the statutes table. */
  public Map<String, String> linkPatterns() {
    return linkPatterns;
  }

  /** The e-Gov 法令検索 page of a statute. */
  public String eGovLawPage(String lawId) {
    return linkPatterns
        .getOrDefault("eGovLawPage", "https://laws.e-gov.go.jp/law/{id}")
        .replace("{id}", lawId);
  }

  public Map<String, Organization> organizations() {
    return organizations;
  }

  public Map<String, Organization> places() {
    return places;
  }

  public Map<String, NamedThing> names() {
    return names;
  }

  // ------------------------------------------------------------------ parsing

  private static JsonNode read(Optional<Path> dir, String file) {
    String where = dir.map(d -> d.resolve(file).toString()).orElse("classpath:/reference/" + file);
    try (InputStream in =
        dir.isPresent()
            ? Files.newInputStream(dir.get().resolve(file))
            : ReferenceTables.class.getResourceAsStream("/reference/" + file)) {
      if (in == null) {
        throw new ChizaiException(
            ExitCode.CONFIG, Problem.error(where, 0, "reference table missing"));
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.CONFIG,
          Problem.error(where, 0, "cannot read reference table: " + e.getMessage()));
    }
  }

  private static Map<String, Statute> statutes(JsonNode doc, List<Problem> problems) {
    Map<String, Statute> out = new LinkedHashMap<>();
    for (JsonNode n : doc.path("statutes")) {
      String id = n.path("id").asText("");
      if (!LAW_ID.matcher(id).matches()) {
        problems.add(Problem.error("statutes.json", 0, "statute " + id + ": not an e-Gov law ID"));
        continue;
      }
      List<Statute.FormerTitle> former = new ArrayList<>();
      for (JsonNode f : n.path("formerTitles")) {
        former.add(
            new Statute.FormerTitle(
                f.path("title").asText(),
                date(f.path("until"), "statute " + id, problems),
                text(f.path("renamedBy"))));
      }
      Map<String, String> confidence = new LinkedHashMap<>();
      n.path("confidence")
          .fields()
          .forEachRemaining(e -> confidence.put(e.getKey(), e.getValue().asText()));
      List<String> sources = strings(n.path("sources"));
      if (sources.isEmpty()) {
        problems.add(Problem.error("statutes.json", 0, "statute " + id + ": no source"));
      }
      Statute s =
          new Statute(
              id,
              n.path("title").asText(),
              text(n.path("titleEn")),
              text(n.path("lawNumber")),
              date(n.path("promulgated"), "statute " + id, problems),
              "amending-act".equals(n.path("kind").asText()),
              strings(n.path("aliases")),
              former,
              strings(n.path("amends")),
              text(n.path("jltTranslationId")),
              confidence,
              sources);
      if (out.put(id, s) != null) {
        problems.add(Problem.error("statutes.json", 0, "statute " + id + ": duplicate id"));
      }
    }
    for (Statute s : out.values()) {
      for (String amended : s.amends()) {
        if (!out.containsKey(amended)) {
          problems.add(
              Problem.error(
                  "statutes.json", 0, "statute " + s.id() + ": amends unknown " + amended));
        }
      }
    }
    return out;
  }

  private static Map<String, Organization> organizations(
      JsonNode doc, String field, String file, List<Problem> problems) {
    Map<String, Organization> out = new LinkedHashMap<>();
    for (JsonNode n : doc.path(field)) {
      String id = n.path("id").asText("");
      if (!SLUG.matcher(id).matches()) {
        problems.add(Problem.error(file, 0, "row " + id + ": id must be a lowercase ASCII slug"));
        continue;
      }
      String code =
          n.hasNonNull("iso3166") ? n.path("iso3166").asText() : n.path("country").asText(null);
      Organization o =
          new Organization(
              id,
              n.path("ja").asText(),
              text(n.path("en")),
              strings(n.path("altLabels")),
              n.path("kind").asText("other"),
              Optional.ofNullable(code).filter(c -> !c.isBlank()),
              text(n.path("parent")),
              text(n.path("url")),
              text(n.path("wikidata")),
              text(n.path("source")));
      if (o.source().isEmpty()) {
        problems.add(Problem.error(file, 0, "row " + id + ": no source"));
      }
      if (out.put(id, o) != null) {
        problems.add(Problem.error(file, 0, "row " + id + ": duplicate id"));
      }
    }
    return out;
  }

  private static Map<String, NamedThing> names(JsonNode doc, List<Problem> problems) {
    Map<String, NamedThing> out = new LinkedHashMap<>();
    for (JsonNode n : doc.path("names")) {
      String id = n.path("id").asText("");
      if (!SLUG.matcher(id).matches()) {
        problems.add(
            Problem.error("names.json", 0, "row " + id + ": id must be a lowercase ASCII slug"));
        continue;
      }
      NamedThing t =
          new NamedThing(
              id,
              n.path("type").asText("other-document"),
              n.path("ja").asText(),
              text(n.path("en")),
              strings(n.path("altLabels")),
              text(n.path("issuer")),
              text(n.path("parent")),
              List.of(),
              text(n.path("source")),
              true);
      if (t.source().isEmpty()) {
        problems.add(Problem.error("names.json", 0, "row " + id + ": no source"));
      }
      if (out.put(id, t) != null) {
        problems.add(Problem.error("names.json", 0, "row " + id + ": duplicate id"));
      }
    }
    return out;
  }

  private static Optional<String> text(JsonNode n) {
    return n.isMissingNode() || n.isNull() || n.asText().isBlank()
        ? Optional.empty()
        : Optional.of(n.asText());
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else if (n.isTextual()) {
      out.add(n.asText());
    }
    return out;
  }

  private static Optional<LocalDate> date(JsonNode n, String where, List<Problem> problems) {
    Optional<String> t = text(n);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t.get()));
    } catch (DateTimeParseException e) {
      problems.add(Problem.error("statutes.json", 0, where + ": bad date " + t.get()));
      return Optional.empty();
    }
  }
}
