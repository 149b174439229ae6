package kg.chizai.rdf;

import java.util.Objects;
import kg.chizai.model.Report;

/**
 * The one place where IRIs are minted. Every IRI is ASCII and a pure function of the base and the
 * model's stable keys, so two conversions of the same sources give the same IRIs.
 *
 * <p>Pattern (after the UK public-sector URI guidance): {@code /id/} for things, {@code /graph/}
 * for named graphs, {@code /def} for the ontology.
 *
 * <pre>
 * {@code Iris iris = new Iris("https://w3id.org/chizai-kg/"); iris.body("agency-for-cultural-affairs");}
 * </pre>
 */
public final class Iris {

  /** The default base, where the dataset is published. */
  public static final String DEFAULT_BASE = "https://w3id.org/chizai-kg/";

  private final String base;

  public Iris(String base) {
    Objects.requireNonNull(base, "base");
    if (!base.matches("https?://[\\x21-\\x7e]+/")) {
      throw new IllegalArgumentException(
          "base must be an ASCII http(s) IRI ending in '/': " + base);
    }
    this.base = base;
  }

  public String base() {
    return base;
  }

  /** A report's key: the program year and the kind, e.g. {@code 2025-progress}. */
  public static String reportKey(Report report) {
    return report.programYear() + "-progress";
  }

  public String program(int year) {
    return base + "id/program/" + year;
  }

  public String report(Report report) {
    return base + "id/report/" + segment(reportKey(report));
  }

  public String section(Report report, String key) {
    return report(report) + "/section/" + segment(key);
  }

  public String lead(Report report, String sectionKey) {
    return section(report, sectionKey) + "/lead";
  }

  public String sheet(Report report, int ordinal) {
    return report(report) + "/sheet/" + ordinal;
  }

  public String direction(Report report, String id) {
    return report(report) + "/direction/" + segment(id);
  }

  public String entry(Report report, String id) {
    return report(report) + "/entry/" + segment(id);
  }

  public String item(Report report, String entryId, int ordinal) {
    return entry(report, entryId) + "/item/" + ordinal;
  }

  public String body(String id) {
    return base + "id/body/" + segment(id);
  }

  /** A statute, by its e-Gov law ID. */
  public String law(String eGovLawId) {
    return base + "id/law/" + segment(eGovLawId);
  }

  /** An article of a statute: {@code 13}, {@code 30-4}. */
  public String article(String eGovLawId, String number) {
    return law(eGovLawId) + "/article/" + segment(number);
  }

  /** A named document, council, initiative, system or event series: {@code kind} is the path. */
  public String thing(String kind, String id) {
    return base + "id/" + segment(kind) + "/" + segment(id);
  }

  public String organization(String id) {
    return base + "id/org/" + segment(id);
  }

  public String place(String id) {
    return base + "id/place/" + segment(id);
  }

  /** A quantity stated by an item: {@code …/quantity/entry-4-2-1}. */
  public String quantity(Report report, String itemKey, int ordinal) {
    return report(report) + "/quantity/" + segment(itemKey + "-" + ordinal);
  }

  /**
   * An event stated by an item ({@code entry:4-2}, {@code direction:3-1}, {@code lead:2-6}): {@code
   * …/event/4-2-1} for an entry's, {@code …/event/direction-3-1-1} for a direction's.
   */
  public String event(Report report, String itemKey, int ordinal) {
    String local =
        itemKey.startsWith("entry:")
            ? itemKey.substring("entry:".length())
            : itemKey.replace(':', '-');
    return report(report) + "/event/" + segment(local + "-" + ordinal);
  }

  /**
   * A time stated by an item ({@code entry:4-2}, {@code direction:3-1}, {@code lead:2-6}): {@code
   * …/time/entry-4-2-1}.
   */
  public String statedTime(Report report, String itemKey, int ordinal) {
    return report(report) + "/time/" + segment(itemKey.replace(':', '-') + "-" + ordinal);
  }

  /** A Japanese fiscal year: {@code …/id/fiscal-year/2025}. */
  public String fiscalYear(int year) {
    return base + "id/fiscal-year/" + year;
  }

  /** A day, as an OWL-Time instant: {@code …/id/day/2025-04-01}. */
  public String day(String isoDate) {
    return base + "id/day/" + segment(isoDate);
  }

  public String linkset(String id) {
    return base + "id/linkset/" + segment(id);
  }

  public String reportGraph(Report report) {
    return base + "graph/report/" + segment(reportKey(report));
  }

  public String referenceGraph() {
    return base + "graph/reference";
  }

  public String ontologyGraph() {
    return base + "graph/ontology";
  }

  /** The named graph that holds a release's description, when pushed to a graph store. */
  public String descriptionGraph() {
    return base + "graph/description";
  }

  // The dataset description (DCAT, VoID) of a release.

  /** The catalog that lists the dataset and its SPARQL service. */
  public String catalog() {
    return base + "id/catalog";
  }

  /** The dataset across all its releases. */
  public String dataset() {
    return base + "id/dataset";
  }

  /** One release of the dataset, e.g. {@code …/id/dataset/2026-04}. */
  public String release(String version) {
    return dataset() + "/" + segment(version);
  }

  /**
   * A part of a release's description: {@code kind} is a fixed word such as {@code distribution},
   * {@code class}, {@code property}, {@code graph}, {@code linkset}, {@code source}; {@code slug}
   * is a safe path segment.
   */
  public String releasePart(String version, String kind, String slug) {
    return release(version) + "/" + segment(kind) + "/" + segment(slug);
  }

  /** The rights statement of a release. */
  public String rights(String version) {
    return release(version) + "/rights";
  }

  /** The SHA-256 checksum node of something in a release's description. */
  public static String checksum(String owner) {
    return owner + "/sha256";
  }

  /** Who publishes the dataset. */
  public String publisher() {
    return base + "id/agent/chizai-kg";
  }

  /** Where to reach the publisher about the dataset (a vCard). */
  public String contactPoint() {
    return publisher() + "/contact";
  }

  /** The SPARQL service that serves the dataset (the service, not its endpoint URL). */
  public String sparqlService() {
    return base + "id/service/sparql";
  }

  /** The default SPARQL endpoint URL. */
  public String sparqlEndpoint() {
    return base + "sparql";
  }

  /** The default base URL of a release's files. */
  public String downloads(String version) {
    return base + "dumps/" + segment(version) + "/";
  }

  /** Whether {@code s} can be used as one path segment of an IRI (and so as a version). */
  public static boolean isSafeSegment(String s) {
    return safeSegment(s);
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._-]*}, checked character by character (called for every IRI). */
  private static boolean safeSegment(String s) {
    if (s.isEmpty() || !asciiLetterOrDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!asciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static String segment(String s) {
    if (!safeSegment(s)) {
      throw new IllegalArgumentException("not a safe IRI path segment: " + s);
    }
    return s;
  }
}
