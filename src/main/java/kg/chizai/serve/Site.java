package kg.chizai.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kg.chizai.base.AtomicFiles;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every page needs to know about the site, read from the store once at start-up (the data is
 * read-only): the IRI base, the ontology, the reports and their credit lines, counts by class, the
 * sections, the example queries, and the limits of the SPARQL endpoint.
 */
public record Site(
    Iris iris,
    Model ontology,
    List<ReportInfo> reports,
    List<ClassCount> classCounts,
    List<SectionInfo> sections,
    long quadCount,
    List<ExampleQuery> examples,
    Duration timeout,
    int maxRows) {

  /** Path of the SPARQL endpoint, Graph Store and search page on this server. */
  public static final String SPARQL_PATH = "/sparql";

  public static final String DATA_PATH = "/data";
  public static final String SEARCH_PATH = "/search";

  /**
   * A progress report: its IRI, title, date ({@code xsd:gYearMonth}) and publisher, named with its
   * parent body as the cover prints it (内閣府 + 知的財産戦略推進事務局).
   */
  public record ReportInfo(
      String iri, String title, Optional<String> issued, Optional<String> publisher) {

    /** The 出典 line the Government of Japan Standard Terms of Use ask for. */
    public String credit() {
      StringBuilder sb = new StringBuilder("出典：");
      publisher.ifPresent(sb::append);
      sb.append('「').append(title).append('」');
      issued.flatMap(Site::wareki).ifPresent(w -> sb.append('（').append(w).append('）'));
      sb.append("（chizai-kg により構造化・RDF化して加工）");
      return sb.toString();
    }
  }

  /** How many things of a class the data has. */
  public record ClassCount(String iri, long count) {}

  /** A section of a report, with how many directions and entries it holds. */
  public record SectionInfo(
      String iri,
      String report,
      String title,
      Optional<Integer> number,
      Optional<String> parent,
      int ordinal,
      int directions,
      int entries) {}

  public Site {
    reports = List.copyOf(reports);
    classCounts = List.copyOf(classCounts);
    sections = List.copyOf(sections);
    examples = List.copyOf(examples);
  }

  /** The dataset (all its releases), e.g. {@code https://w3id.org/chizai-kg/id/dataset}. */
  public String datasetIri() {
    return iris.dataset();
  }

  /** The base of the dataset's IRIs, e.g. {@code https://w3id.org/chizai-kg/}. */
  public String base() {
    return iris.base();
  }

  /**
   * Where an IRI is served on this server: {@code base + "id/x"} at {@code /id/x}, the ontology's
   * terms at {@code /def#Term}; any other IRI is returned as it is.
   */
  public String local(String iri) {
    if (iri.startsWith(CKG.ONTOLOGY)) {
      return "/def" + iri.substring(CKG.ONTOLOGY.length());
    }
    if (iri.startsWith(base())) {
      return "/" + iri.substring(base().length());
    }
    return iri;
  }

  /** The dataset IRI served at a local path ({@code /id/x} → {@code base + "id/x"}). */
  public String iriAt(String path) {
    if (path.equals("/def")) {
      return CKG.ONTOLOGY;
    }
    return base() + path.substring(1);
  }

  public Optional<ReportInfo> report(String iri) {
    return reports.stream().filter(r -> r.iri().equals(iri)).findFirst();
  }

  /** {@code 2026-04} → {@code 令和8年4月}; {@code 2019-05} → {@code 令和元年5月}. */
  static Optional<String> wareki(String gYearMonth) {
    if (!gYearMonth.matches("\\d{4}-\\d{2}")) {
      return Optional.empty();
    }
    int y = Integer.parseInt(gYearMonth.substring(0, 4));
    int m = Integer.parseInt(gYearMonth.substring(5));
    int ym = y * 100 + m;
    String era;
    int n;
    if (ym >= 201905) {
      era = "令和";
      n = y - 2018;
    } else if (ym >= 198901) {
      era = "平成";
      n = y - 1988;
    } else if (ym >= 192612) {
      era = "昭和";
      n = y - 1925;
    } else {
      return Optional.empty();
    }
    return Optional.of(era + (n == 1 ? "元" : String.valueOf(n)) + "年" + m + "月");
  }

  /**
   * Reads what the pages need from the store: the ontology graph, and the {@link Summary} (counts,
   * reports, sections) by whole-dataset queries.
   */
  static Site load(
      DatasetGraph dsg, Iris iris, List<ExampleQuery> examples, Duration timeout, int maxRows) {
    return of(dsg, iris, Summary.compute(dsg, iris), examples, timeout, maxRows);
  }

  /**
   * As {@link #load(DatasetGraph, Iris, List, Duration, int)}, with the {@link Summary} recorded
   * with the store's build: computed only the first time a build is served (just after it is
   * built), then read from {@link Summary#FILE}, so a start on an unchanged store does not grow
   * with the data.
   */
  static Site load(
      Store store,
      DatasetGraph dsg,
      Iris iris,
      List<ExampleQuery> examples,
      Duration timeout,
      int maxRows) {
    Path file = store.location().resolve(Summary.FILE);
    Summary summary =
        Summary.read(file)
            .orElseGet(
                () -> {
                  Summary computed = Summary.compute(dsg, iris);
                  try {
                    AtomicFiles.write(file, computed.json().getBytes(StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    LOG.warn("cannot record {} (computed again at the next start)", file, e);
                  }
                  return computed;
                });
    return of(dsg, iris, summary, examples, timeout, maxRows);
  }

  private static Site of(
      DatasetGraph dsg,
      Iris iris,
      Summary summary,
      List<ExampleQuery> examples,
      Duration timeout,
      int maxRows) {
    Model ontology = ModelFactory.createDefaultModel();
    Txn.executeRead(
        dsg, () -> ontology.add(DatasetFactory.wrap(dsg).getNamedModel(iris.ontologyGraph())));
    return new Site(
        iris,
        ontology,
        summary.reports(),
        summary.classCounts(),
        summary.sections(),
        summary.quadCount(),
        examples,
        timeout,
        maxRows);
  }

  /**
   * What the landing page and the counts need from the whole dataset: its reports, the count of
   * things by class, the sections with their counts of directions and entries, the count of quads.
   * The data of a store build never changes, so it is computed once per build and recorded beside
   * it as JSON ({@value #FILE}).
   */
  record Summary(
      List<ReportInfo> reports,
      List<ClassCount> classCounts,
      List<SectionInfo> sections,
      long quadCount) {

    static final String FILE = "site-summary.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    Summary {
      reports = List.copyOf(reports);
      classCounts = List.copyOf(classCounts);
      sections = List.copyOf(sections);
    }

    /** Computes the summary by whole-dataset queries. */
    static Summary compute(DatasetGraph dsg, Iris iris) {
      Dataset ds = DatasetFactory.wrap(dsg);
      return Txn.calculateRead(
          ds,
          () -> {
            List<ReportInfo> reports =
                select(
                    ds,
                    PREFIXES
                        + "SELECT ?r ?title ?issued ?publisher WHERE {"
                        + " ?r a ckg:ProgressReport ; dcterms:title ?title ."
                        + " OPTIONAL { ?r dcterms:issued ?issued }"
                        + " OPTIONAL { ?r dcterms:publisher ?p . ?p skos:prefLabel ?name"
                        + "   FILTER (lang(?name) = 'ja')"
                        + "   OPTIONAL { ?p org:subOrganizationOf/skos:prefLabel ?parent"
                        + "              FILTER (lang(?parent) = 'ja') }"
                        + "   BIND (CONCAT(COALESCE(?parent, ''), ?name) AS ?publisher) } }"
                        + " ORDER BY ?r",
                    s ->
                        new ReportInfo(
                            s.getResource("r").getURI(),
                            s.getLiteral("title").getString(),
                            string(s.get("issued")),
                            string(s.get("publisher"))));
            List<ClassCount> counts =
                select(
                    ds,
                    "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c }"
                        + " FILTER (?g != <"
                        + iris.ontologyGraph()
                        + ">) } GROUP BY ?c ORDER BY DESC(?n) ?c",
                    s -> new ClassCount(s.getResource("c").getURI(), s.getLiteral("n").getLong()));
            List<SectionInfo> sections =
                select(
                    ds,
                    PREFIXES
                        // Directions and entries counted each on its own, section by section,
                        // not over their product (4 s instead of 0.2 s for 64 reports).
                        + "SELECT ?s ?report ?title ?number ?parent ?ordinal"
                        + " (COALESCE(?nd, 0) AS ?directions) (COALESCE(?ne, 0) AS ?entries)"
                        + " WHERE { ?s a ckg:Section ; ckg:inReport ?report ; rdfs:label ?title ;"
                        + "   ckg:ordinal ?ordinal ."
                        + " OPTIONAL { ?s ckg:sectionNumber ?number }"
                        + " OPTIONAL { ?s ckg:subSectionOf ?parent }"
                        + " OPTIONAL { SELECT ?s (COUNT(DISTINCT ?d) AS ?nd)"
                        + "   { ?d a ckg:Direction ; ckg:inSection ?s } GROUP BY ?s }"
                        + " OPTIONAL { SELECT ?s (COUNT(DISTINCT ?e) AS ?ne)"
                        + "   { ?e a ckg:ProgressEntry ; ckg:inSection ?s } GROUP BY ?s } }"
                        + " ORDER BY ?report ?ordinal",
                    s ->
                        new SectionInfo(
                            s.getResource("s").getURI(),
                            s.getResource("report").getURI(),
                            s.getLiteral("title").getString(),
                            Optional.ofNullable(s.getLiteral("number")).map(l -> l.getInt()),
                            Optional.ofNullable(s.getResource("parent")).map(r -> r.getURI()),
                            s.getLiteral("ordinal").getInt(),
                            s.getLiteral("directions").getInt(),
                            s.getLiteral("entries").getInt()));
            long quads =
                select(
                        ds,
                        "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                        s -> s.getLiteral("n").getLong())
                    .get(0);
            return new Summary(reports, counts, sections, quads);
          });
    }

    /** The summary as JSON, absent values as {@code null}. */
    String json() {
      ObjectNode root = JSON.createObjectNode();
      root.put("quads", quadCount);
      ArrayNode rs = root.putArray("reports");
      for (ReportInfo r : reports) {
        ObjectNode o = rs.addObject();
        o.put("iri", r.iri());
        o.put("title", r.title());
        o.put("issued", r.issued().orElse(null));
        o.put("publisher", r.publisher().orElse(null));
      }
      ArrayNode cs = root.putArray("classes");
      for (ClassCount c : classCounts) {
        cs.addObject().put("iri", c.iri()).put("count", c.count());
      }
      ArrayNode ss = root.putArray("sections");
      for (SectionInfo s : sections) {
        ObjectNode o = ss.addObject();
        o.put("iri", s.iri());
        o.put("report", s.report());
        o.put("title", s.title());
        o.put("number", s.number().orElse(null));
        o.put("parent", s.parent().orElse(null));
        o.put("ordinal", s.ordinal());
        o.put("directions", s.directions());
        o.put("entries", s.entries());
      }
      try {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The summary recorded in {@code file}; empty when it is missing or not a summary. */
    static Optional<Summary> read(Path file) {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        List<ReportInfo> reports = new ArrayList<>();
        for (JsonNode r : required(root, "reports")) {
          reports.add(
              new ReportInfo(
                  text(r, "iri"),
                  text(r, "title"),
                  optional(r, "issued"),
                  optional(r, "publisher")));
        }
        List<ClassCount> classes = new ArrayList<>();
        for (JsonNode c : required(root, "classes")) {
          classes.add(new ClassCount(text(c, "iri"), required(c, "count").asLong()));
        }
        List<SectionInfo> sections = new ArrayList<>();
        for (JsonNode s : required(root, "sections")) {
          sections.add(
              new SectionInfo(
                  text(s, "iri"),
                  text(s, "report"),
                  text(s, "title"),
                  s.path("number").isInt()
                      ? Optional.of(s.get("number").asInt())
                      : Optional.empty(),
                  optional(s, "parent"),
                  required(s, "ordinal").asInt(),
                  required(s, "directions").asInt(),
                  required(s, "entries").asInt()));
        }
        return Optional.of(
            new Summary(reports, classes, sections, required(root, "quads").asLong()));
      } catch (IOException | RuntimeException e) {
        LOG.warn("{} is not a site summary, computed again: {}", file, e.getMessage());
        return Optional.empty();
      }
    }

    private static JsonNode required(JsonNode o, String field) {
      JsonNode v = o.get(field);
      if (v == null || v.isNull()) {
        throw new IllegalArgumentException("no " + field);
      }
      return v;
    }

    private static String text(JsonNode o, String field) {
      return required(o, field).asText();
    }

    private static Optional<String> optional(JsonNode o, String field) {
      JsonNode v = o.get(field);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Site.class);

  /** Count of things per class IRI. */
  public Map<String, Long> countsByClass() {
    return classCounts.stream()
        .collect(Collectors.toMap(ClassCount::iri, ClassCount::count, (a, b) -> a));
  }

  static final String PREFIXES =
      "PREFIX ckg: <"
          + CKG.NS
          + ">\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
          + "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
          + "PREFIX org: <http://www.w3.org/ns/org#>\n";

  private static <T> List<T> select(Dataset ds, String query, Function<QuerySolution, T> row) {
    List<T> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.create(query, ds)) {
      qe.execSelect().forEachRemaining(s -> out.add(row.apply(s)));
    }
    return out;
  }

  private static Optional<String> string(RDFNode n) {
    return n == null || !n.isLiteral()
        ? Optional.empty()
        : Optional.of(n.asLiteral().getLexicalForm());
  }
}
