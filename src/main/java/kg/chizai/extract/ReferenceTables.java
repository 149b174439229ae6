package kg.chizai.extract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.model.NamedThing;
import kg.chizai.model.Organization;
import kg.chizai.model.Place;
import kg.chizai.model.Statute;

/**
 * The curated reference tables, loaded once through one reader ({@code data/reference/*.json}, a
 * source per row): the government bodies that tag entries, and what reports name — statutes,
 * organizations, places, and named documents, councils, programs, systems and events.
 *
 * <pre>{@code ReferenceTables tables = ReferenceTables.load(Optional.empty()); // packaged copies}
 * </pre>
 */
public final class ReferenceTables {

  private static final Pattern LAW_ID = Pattern.compile("\\d{3}[A-Z]{2,}[0-9A-Z]{10}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private final BodyTable bodies;
  private final Map<String, Statute> statutes;
  private final List<String> genericPhrases;
  private final List<String> foreignMarkers;
  private final Map<String, String> linkPatterns;
  private final Map<String, Organization> organizations;
  private final Map<String, Place> places;
  private final Map<String, NamedThing> names;

  private ReferenceTables(
      BodyTable bodies,
      Map<String, Statute> statutes,
      List<String> genericPhrases,
      List<String> foreignMarkers,
      Map<String, String> linkPatterns,
      Map<String, Organization> organizations,
      Map<String, Place> places,
      Map<String, NamedThing> names) {
    this.bodies = bodies;
    this.statutes = statutes;
    this.genericPhrases = genericPhrases;
    this.foreignMarkers = foreignMarkers;
    this.linkPatterns = linkPatterns;
    this.organizations = organizations;
    this.places = places;
    this.names = names;
  }

  /**
   * Loads every table from {@code dir}, or the packaged copies when no dir is given; every problem
   * of every table is reported at once (exit 5).
   */
  public static ReferenceTables load(Optional<Path> dir) {
    BodyTable bodies = BodyTable.load(dir);
    List<Problem> problems = new ArrayList<>();
    StatutesFile statutesDoc = read(dir, "statutes.json", StatutesFile.class);
    Map<String, Statute> statutes = statutes(where(dir, "statutes.json"), statutesDoc, problems);
    List<String> generic = new ArrayList<>();
    list(statutesDoc.genericPhrases()).forEach(g -> generic.add(nonNull(g.phrase())));
    List<String> foreign = list(statutesDoc.foreignMarkers());
    Map<String, String> patterns =
        statutesDoc.linkPatterns() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(statutesDoc.linkPatterns());
    Map<String, Organization> organizations =
        organizations(
            where(dir, "organizations.json"),
            read(dir, "organizations.json", OrganizationsFile.class),
            problems);
    Map<String, Place> places =
        places(where(dir, "places.json"), read(dir, "places.json", PlacesFile.class), problems);
    Map<String, NamedThing> names =
        names(where(dir, "names.json"), read(dir, "names.json", NamesFile.class), problems);
    if (!problems.isEmpty()) {
      throw new ChizaiException(ExitCode.CONFIG, problems);
    }
    return new ReferenceTables(
        bodies,
        statutes,
        List.copyOf(generic),
        List.copyOf(foreign),
        Collections.unmodifiableMap(patterns),
        organizations,
        places,
        names);
  }

  /** The government bodies that tag entries (bodies.json). */
  public BodyTable bodies() {
    return bodies;
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

  public Map<String, Place> places() {
    return places;
  }

  public Map<String, NamedThing> names() {
    return names;
  }

  // ------------------------------------------------------------------ parsing

  /** The one JSON reader of every table: data binding, lenient where a list may be one string. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /**
   * Reads {@code file} from {@code dir}, or the packaged copy under {@code /reference/}, bound to
   * {@code type}; a missing or malformed table is exit 5 naming it.
   */
  static <T> T read(Optional<Path> dir, String file, Class<T> type) {
    String where = where(dir, file);
    try (InputStream in =
        dir.isPresent()
            ? Files.newInputStream(dir.get().resolve(file))
            : ReferenceTables.class.getResourceAsStream("/reference/" + file)) {
      if (in == null) {
        throw new ChizaiException(
            ExitCode.CONFIG, Problem.error(where, 0, "reference table missing"));
      }
      return read(where, in, type);
    } catch (NoSuchFileException e) {
      throw new ChizaiException(
          ExitCode.CONFIG, Problem.error(where, 0, "cannot read reference table: no such file"));
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.CONFIG,
          Problem.error(where, 0, "cannot read reference table: " + e.getMessage()));
    }
  }

  /** How problems name a table: its path, or its place on the classpath. */
  static String where(Optional<Path> dir, String file) {
    return dir.map(d -> d.resolve(file).toString()).orElse("classpath:/reference/" + file);
  }

  static <T> T read(String where, InputStream in, Class<T> type) {
    try {
      return JSON.readValue(in, type);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new ChizaiException(
          ExitCode.CONFIG,
          Problem.error(where, line, "malformed reference table: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.CONFIG, Problem.error(where, 0, "malformed reference table: " + e.getMessage()));
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FormerTitleRow(String title, String until, String renamedBy) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StatuteRow(
      String id,
      String title,
      String titleEn,
      String lawNumber,
      String promulgated,
      String kind,
      List<String> aliases,
      List<FormerTitleRow> formerTitles,
      List<String> amends,
      String jltTranslationId,
      Map<String, String> confidence,
      List<String> sources) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record GenericPhrase(String phrase) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StatutesFile(
      Map<String, String> linkPatterns,
      List<StatuteRow> statutes,
      List<GenericPhrase> genericPhrases,
      List<String> foreignMarkers) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrganizationRow(
      String id,
      String ja,
      String en,
      List<String> altLabels,
      String kind,
      String country,
      String url,
      String wikidata,
      String source)
      implements SluggedRow {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrganizationsFile(List<OrganizationRow> organizations) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlaceRow(
      String id,
      String ja,
      String en,
      List<String> altLabels,
      String kind,
      String iso3166,
      String parent,
      String wikidata,
      String source)
      implements SluggedRow {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlacesFile(List<PlaceRow> places) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record NameRow(
      String id,
      String type,
      String ja,
      String en,
      List<String> altLabels,
      String issuer,
      String parent,
      String source)
      implements SluggedRow {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record NamesFile(List<NameRow> names) {}

  private static Map<String, Statute> statutes(
      String file, StatutesFile doc, List<Problem> problems) {
    Map<String, Statute> out = new LinkedHashMap<>();
    for (StatuteRow n : list(doc.statutes())) {
      String id = n.id() == null ? "" : n.id();
      if (!LAW_ID.matcher(id).matches()) {
        problems.add(Problem.error(file, 0, "statute " + id + ": not an e-Gov law ID"));
        continue;
      }
      List<Statute.FormerTitle> former = new ArrayList<>();
      for (FormerTitleRow f : list(n.formerTitles())) {
        former.add(
            new Statute.FormerTitle(
                nonNull(f.title()),
                date(f.until(), file, "statute " + id, problems),
                text(f.renamedBy())));
      }
      Map<String, String> confidence =
          n.confidence() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(n.confidence());
      List<String> sources = list(n.sources());
      if (sources.isEmpty()) {
        problems.add(Problem.error(file, 0, "statute " + id + ": no source"));
      }
      Statute s =
          new Statute(
              id,
              nonNull(n.title()),
              text(n.titleEn()),
              text(n.lawNumber()),
              date(n.promulgated(), file, "statute " + id, problems),
              "amending-act".equals(n.kind()),
              list(n.aliases()),
              former,
              list(n.amends()),
              text(n.jltTranslationId()),
              confidence,
              sources);
      if (out.put(id, s) != null) {
        problems.add(Problem.error(file, 0, "statute " + id + ": duplicate id"));
      }
    }
    for (Statute s : out.values()) {
      for (String amended : s.amends()) {
        if (!out.containsKey(amended)) {
          problems.add(Problem.error(file, 0, "statute " + s.id() + ": amends unknown " + amended));
        }
      }
    }
    return out;
  }

  /** A row of a table of named things: an id (a slug) and a source. */
  private interface SluggedRow {
    String id();

    String source();
  }

  /**
   * The rows of {@code file} keyed by id, each built by {@code build}: a row whose id is not a
   * lowercase ASCII slug is skipped, and every bad id, missing source and duplicate is a problem.
   */
  private static <R extends SluggedRow, T> Map<String, T> rows(
      String file, List<R> rows, Function<R, T> build, List<Problem> problems) {
    Map<String, T> out = new LinkedHashMap<>();
    for (R row : list(rows)) {
      String id = nonNull(row.id());
      if (!SLUG.matcher(id).matches()) {
        problems.add(Problem.error(file, 0, "row " + id + ": id must be a lowercase ASCII slug"));
        continue;
      }
      if (text(row.source()).isEmpty()) {
        problems.add(Problem.error(file, 0, "row " + id + ": no source"));
      }
      if (out.put(id, build.apply(row)) != null) {
        problems.add(Problem.error(file, 0, "row " + id + ": duplicate id"));
      }
    }
    return out;
  }

  private static Map<String, Organization> organizations(
      String file, OrganizationsFile doc, List<Problem> problems) {
    return rows(
        file,
        doc.organizations(),
        n ->
            new Organization(
                n.id(),
                nonNull(n.ja()),
                text(n.en()),
                list(n.altLabels()),
                n.kind() == null ? "other" : n.kind(),
                text(n.country()),
                Optional.empty(),
                text(n.url()),
                text(n.wikidata()),
                text(n.source())),
        problems);
  }

  private static Map<String, Place> places(String file, PlacesFile doc, List<Problem> problems) {
    return rows(
        file,
        doc.places(),
        n ->
            new Place(
                n.id(),
                nonNull(n.ja()),
                text(n.en()),
                list(n.altLabels()),
                n.kind() == null ? "other" : n.kind(),
                text(n.iso3166()),
                text(n.parent()),
                text(n.wikidata()),
                text(n.source())),
        problems);
  }

  private static Map<String, NamedThing> names(String file, NamesFile doc, List<Problem> problems) {
    return rows(
        file,
        doc.names(),
        n ->
            new NamedThing(
                n.id(),
                n.type() == null ? "other-document" : n.type(),
                nonNull(n.ja()),
                text(n.en()),
                list(n.altLabels()),
                text(n.issuer()),
                text(n.parent()),
                List.of(),
                text(n.source()),
                true),
        problems);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? new ArrayList<>() : new ArrayList<>(l);
  }

  private static Optional<LocalDate> date(
      String s, String file, String where, List<Problem> problems) {
    Optional<String> t = text(s);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t.get()));
    } catch (DateTimeParseException e) {
      problems.add(Problem.error(file, 0, where + ": bad date " + t.get()));
      return Optional.empty();
    }
  }
}
