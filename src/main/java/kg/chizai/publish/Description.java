package kg.chizai.publish;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kg.chizai.base.Sha256;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Formats;
import kg.chizai.rdf.Formats.Format;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Linksets;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;

/**
 * The dataset description of a release, in DCAT 3 (following DCAT-AP 3 where it fits) and VoID,
 * generated from the data and the release's files: titles and descriptions in Japanese and English,
 * publisher, licence and the credit the source's terms ask for, version and dates, the source
 * reports with their SHA-256, the ontology version, the SPARQL endpoint, one distribution per dump
 * with media type, size and checksum, statistics with class and property partitions, one subset per
 * named graph, and linksets to external data (e-Gov law data always, counted from the links
 * actually present). Every node is an IRI: the description has no blank nodes.
 */
final class Description {

  /** The release this one follows, with a one-paragraph summary of what changed. */
  record Previous(String version, String iri, String notes) {}

  /** Everything the description is generated from. */
  record Input(
      Iris iris,
      String version,
      Optional<Literal> issued,
      Dataset data,
      Map<String, String> printedPublishers,
      Model ontology,
      Model shapes,
      SortedMap<String, byte[]> files,
      String downloadUrl,
      String sparqlEndpoint,
      Optional<Previous> previous) {}

  private final Input in;
  private final DescriptionText text;
  private final Iris iris;
  private final Model m;
  private final Resource release;
  private final Graph union;

  private Description(Input in) {
    this.in = in;
    this.text = DescriptionText.packaged();
    this.iris = in.iris();
    this.m = ModelFactory.createDefaultModel();
    m.setNsPrefixes(prefixes());
    this.release = m.createResource(iris.release(in.version()));
    this.union = GraphDiff.union(in.data());
  }

  /** The prefixes of the description. */
  static PrefixMapping prefixes() {
    return PrefixMapping.Factory.create()
        .setNsPrefixes(Namespaces.prefixes())
        .setNsPrefix("adms", Vocab.Adms.NS)
        .setNsPrefix("dcatap", Vocab.Dcatap.NS)
        .setNsPrefix("vcard", Vocab.Vcard.NS)
        .setNsPrefix("dcat", DCAT.NS)
        .setNsPrefix("foaf", FOAF.NS)
        .setNsPrefix("sd", Vocab.Sd.NS)
        .setNsPrefix("spdx", Vocab.Spdx.NS)
        .setNsPrefix("void", VOID.NS)
        .lock();
  }

  static Model describe(Input in) {
    Description d = new Description(in);
    d.run();
    return d.m;
  }

  private void run() {
    List<Resource> reports = reports();
    Resource publisher = publisher();
    Resource license = m.createResource(text.get("license.iri"));
    license.addProperty(RDF.type, DCTerms.LicenseDocument);
    license.addProperty(RDFS.label, text.get("license.label.en"), "en");

    Map<Resource, Long> classes = classEntities();
    String en = descriptionEn(reports, classes);
    String ja = descriptionJa(reports, classes);
    String years = programYears(reports);

    Resource contact = contactPoint();
    Resource dataset = dataset(publisher, license);
    dataset.addProperty(DCAT.contactPoint, contact);

    release.addProperty(RDF.type, DCAT.Dataset);
    release.addProperty(RDF.type, VOID.Dataset);
    release.addProperty(DCTerms.title, text.fill("release.title.ja", Map.of("years", years)), "ja");
    release.addProperty(DCTerms.title, text.fill("release.title.en", Map.of("years", years)), "en");
    release.addProperty(DCTerms.description, ja, "ja");
    release.addProperty(DCTerms.description, en, "en");
    release.addProperty(DCTerms.identifier, iris.release(in.version()));
    release.addProperty(Vocab.Dcat3.version, in.version());
    release.addProperty(DCTerms.isVersionOf, dataset);
    in.issued()
        .ifPresent(
            d -> {
              release.addProperty(DCTerms.issued, d);
              release.addProperty(DCTerms.modified, d);
            });
    in.previous()
        .ifPresent(
            p -> {
              Resource prev = m.createResource(p.iri());
              prev.addProperty(RDF.type, DCAT.Dataset);
              prev.addProperty(Vocab.Dcat3.version, p.version());
              release.addProperty(Vocab.Dcat3.previousVersion, prev);
              dataset.addProperty(Vocab.Dcat3.hasVersion, prev);
              release.addProperty(Vocab.Adms.versionNotes, p.notes(), "en");
            });
    release.addProperty(DCTerms.publisher, publisher);
    release.addProperty(DCTerms.creator, publisher);
    release.addProperty(DCAT.contactPoint, contact);
    temporal().ifPresent(t -> release.addProperty(DCTerms.temporal, t));
    release.addProperty(DCTerms.license, license);
    release.addProperty(DCTerms.rights, rights(reports));
    for (Resource r : reports) {
      release.addProperty(DCTerms.bibliographicCitation, credit(r), "ja");
      // The reports are documents, not datasets: DCAT-AP's dcterms:source is for a dataset.
      release.addProperty(m.createProperty(Namespaces.PROV, "wasDerivedFrom"), r);
    }
    release.addProperty(
        DCTerms.language, typed(Vocab.Eu.languageJapanese, DCTerms.LinguisticSystem));
    release.addProperty(
        DCTerms.language, typed(Vocab.Eu.languageEnglish, DCTerms.LinguisticSystem));
    release.addProperty(DCTerms.spatial, typed(Vocab.Eu.countryJapan, DCTerms.Location));
    Resource theme = concept(Vocab.Eu.themeGovernment, "theme");
    theme.addProperty(SKOS.inScheme, themes());
    release.addProperty(DCAT.theme, theme);
    release.addProperty(
        DCTerms.accrualPeriodicity, typed(Vocab.Eu.frequencyAnnual, DCTerms.Frequency));
    text.list("keywords.ja").forEach(k -> release.addProperty(DCAT.keyword, k, "ja"));
    text.list("keywords.en").forEach(k -> release.addProperty(DCAT.keyword, k, "en"));
    release.addProperty(DCAT.landingPage, typed(m.createResource(iris.base()), FOAF.Document));
    conformsTo();
    service();
    catalog(dataset, publisher);
    distributions(license);
    statistics(classes);
    graphSubsets();
    linksets();
  }

  /** The dataset across its releases, of which this release is the current version. */
  private Resource dataset(Resource publisher, Resource license) {
    Resource dataset = m.createResource(iris.dataset());
    dataset.addProperty(RDF.type, DCAT.Dataset);
    dataset.addProperty(DCTerms.title, text.get("dataset.title.ja"), "ja");
    dataset.addProperty(DCTerms.title, text.get("dataset.title.en"), "en");
    dataset.addProperty(DCTerms.description, text.get("dataset.description.ja"), "ja");
    dataset.addProperty(DCTerms.description, text.get("dataset.description.en"), "en");
    dataset.addProperty(DCTerms.publisher, publisher);
    dataset.addProperty(DCTerms.license, license);
    dataset.addProperty(Vocab.Dcat3.hasVersion, release);
    dataset.addProperty(Vocab.Dcat3.hasCurrentVersion, release);
    return dataset;
  }

  // ------------------------------------------------------------------ sources and credit

  private List<Resource> reports() {
    Model data = ModelFactory.createModelForGraph(union);
    List<Resource> out = new ArrayList<>();
    List<Resource> subjects =
        data.listSubjectsWithProperty(RDF.type, CKG.ProgressReport).toList().stream()
            .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
            .toList();
    for (Resource src : subjects) {
      Resource r = m.createResource(src.getURI());
      r.addProperty(RDF.type, CKG.ProgressReport);
      copy(src, r, DCTerms.title);
      copy(src, r, DCTerms.issued);
      copy(src, r, CKG.sourceFile);
      copy(src, r, CKG.sourceSha256);
      copy(src, r, CKG.reportsOn);
      Statement program = src.getProperty(CKG.reportsOn);
      if (program != null) {
        copy(
            program.getResource(), m.createResource(program.getResource().getURI()), DCTerms.title);
      }
      Statement pub = src.getProperty(DCTerms.publisher);
      if (pub != null) {
        Resource body = m.createResource(pub.getResource().getURI());
        r.addProperty(DCTerms.publisher, body);
        body.addProperty(RDF.type, FOAF.Agent);
        copy(pub.getResource(), body, SKOS.prefLabel);
        for (Statement s : pub.getResource().listProperties(SKOS.prefLabel).toList()) {
          body.addProperty(FOAF.name, s.getObject());
        }
      }
      Statement sha = src.getProperty(CKG.sourceSha256);
      if (sha != null) {
        String key = src.getURI().substring(src.getURI().lastIndexOf('/') + 1);
        Resource checksum =
            checksum(iris.releasePart(in.version(), "source", key), sha.getString());
        r.addProperty(Vocab.Spdx.checksum, checksum);
      }
      out.add(r);
    }
    return out;
  }

  private void copy(Resource from, Resource to, Property p) {
    for (Statement s : from.listProperties(p).toList()) {
      to.addProperty(p, s.getObject());
    }
  }

  /** The credit line the source's terms ask for, e.g. 出典：内閣府…「…」（令和8年4月）（…加工）. */
  private String credit(Resource report) {
    String publisher =
        Optional.ofNullable(in.printedPublishers().get(report.getURI()))
            .or(() -> publisherLabel(report, "ja"))
            .orElse("");
    String title = literal(report, DCTerms.title, "ja").orElse(report.getURI());
    Optional<YearMonth> issued = issuedMonth(report);
    if (issued.isEmpty()) {
      return text.fill("credit.undated.ja", Map.of("publisher", publisher, "title", title));
    }
    return text.fill(
        "credit.ja",
        Map.of("publisher", publisher, "title", title, "date", japaneseDate(issued.get())));
  }

  private Resource rights(List<Resource> reports) {
    Resource r = m.createResource(iris.rights(in.version()));
    r.addProperty(RDF.type, DCTerms.RightsStatement);
    String credits = reports.stream().map(this::credit).collect(Collectors.joining("、"));
    r.addProperty(RDFS.label, text.fill("rights.ja", Map.of("credits", credits)), "ja");
    r.addProperty(RDFS.label, text.fill("rights.en", Map.of("credits", credits)), "en");
    return r;
  }

  private Optional<String> publisherLabel(Resource report, String lang) {
    Model data = ModelFactory.createModelForGraph(union);
    Statement pub = data.createResource(report.getURI()).getProperty(DCTerms.publisher);
    if (pub == null) {
      return Optional.empty();
    }
    return literal(pub.getResource(), SKOS.prefLabel, lang);
  }

  private Optional<YearMonth> issuedMonth(Resource report) {
    Statement s = report.getProperty(DCTerms.issued);
    if (s == null || !s.getObject().isLiteral()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(s.getLiteral().getLexicalForm()));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** 令和8年4月 for 2026-04 (令和 from May 2019, 平成 before). */
  static String japaneseDate(YearMonth ym) {
    if (ym.isAfter(YearMonth.of(2019, 4))) {
      int y = ym.getYear() - 2018;
      return "令和" + (y == 1 ? "元" : String.valueOf(y)) + "年" + ym.getMonthValue() + "月";
    }
    if (ym.isAfter(YearMonth.of(1989, 1))) {
      int y = ym.getYear() - 1988;
      return "平成" + (y == 1 ? "元" : String.valueOf(y)) + "年" + ym.getMonthValue() + "月";
    }
    return ym.getYear() + "年" + ym.getMonthValue() + "月";
  }

  private static Optional<String> literal(Resource r, Property p, String lang) {
    return r.listProperties(p).toList().stream()
        .map(Statement::getObject)
        .filter(RDFNode::isLiteral)
        .map(RDFNode::asLiteral)
        .filter(l -> l.getLanguage().equals(lang))
        .map(Literal::getLexicalForm)
        .sorted()
        .findFirst();
  }

  /**
   * The publisher: an organisation whose homepage is the dataset's site (the base of its IRIs), of
   * the ADMS publisher type the wording file names.
   */
  private Resource publisher() {
    Resource p = m.createResource(iris.publisher());
    p.addProperty(RDF.type, FOAF.Agent);
    p.addProperty(RDF.type, FOAF.Organization);
    p.addProperty(FOAF.name, text.get("publisher.name.en"), "en");
    p.addProperty(FOAF.name, text.get("publisher.name.ja"), "ja");
    p.addProperty(FOAF.homepage, typed(m.createResource(iris.base()), FOAF.Document));
    p.addProperty(
        DCTerms.type, concept(m.createResource(text.get("publisher.type.iri")), "publisher.type"));
    return p;
  }

  /** Where to reach the publisher: a vCard with the site's address. */
  private Resource contactPoint() {
    Resource c = m.createResource(iris.contactPoint());
    c.addProperty(RDF.type, Vocab.Vcard.Kind);
    c.addProperty(RDF.type, Vocab.Vcard.Organization);
    c.addProperty(Vocab.Vcard.fn, text.get("publisher.name.en"), "en");
    c.addProperty(Vocab.Vcard.fn, text.get("publisher.name.ja"), "ja");
    c.addProperty(Vocab.Vcard.hasURL, m.createResource(iris.base()));
    return c;
  }

  /**
   * A concept of a controlled vocabulary DCAT-AP asks for, with its preferred labels from the
   * wording file ({@code key.label.en}, {@code key.label.ja}).
   */
  private Resource concept(Resource r, String key) {
    Resource c = typed(r, SKOS.Concept);
    if (!c.hasProperty(SKOS.prefLabel)) {
      c.addProperty(SKOS.prefLabel, text.get(key + ".label.en"), "en");
      c.addProperty(SKOS.prefLabel, text.get(key + ".label.ja"), "ja");
    }
    return c;
  }

  /** The EU data-theme vocabulary, the theme taxonomy of the catalog. */
  private Resource themes() {
    Resource s = typed(Vocab.Eu.themes, SKOS.ConceptScheme);
    if (!s.hasProperty(DCTerms.title)) {
      s.addProperty(DCTerms.title, text.get("themes.title.en"), "en");
      s.addProperty(DCTerms.title, text.get("themes.title.ja"), "ja");
    }
    return s;
  }

  /** {@code r} in the description, with the class DCAT-AP expects of it. */
  private Resource typed(Resource r, Resource type) {
    Resource in = m.createResource(r.getURI());
    in.addProperty(RDF.type, type);
    return in;
  }

  /**
   * The time the data speaks of: from the first day of the earliest date it states (events, fiscal
   * years, report dates) to the last day of the latest, as a {@code dcterms:PeriodOfTime}.
   */
  private Optional<Resource> temporal() {
    java.time.LocalDate first = null;
    java.time.LocalDate last = null;
    Model data = ModelFactory.createModelForGraph(union);
    List<RDFNode> dates = new ArrayList<>();
    data.listObjectsOfProperty(CKG.date).forEachRemaining(dates::add);
    data.listObjectsOfProperty(DCTerms.issued).forEachRemaining(dates::add);
    data.listObjectsOfProperty(m.createProperty(Namespaces.TIME, "inXSDDate"))
        .forEachRemaining(dates::add);
    for (RDFNode n : dates) {
      if (!n.isLiteral()) {
        continue;
      }
      String s = n.asLiteral().getLexicalForm();
      java.time.LocalDate a;
      java.time.LocalDate z;
      try {
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
          a = java.time.LocalDate.parse(s);
          z = a;
        } else if (s.matches("\\d{4}-\\d{2}")) {
          YearMonth ym = YearMonth.parse(s);
          a = ym.atDay(1);
          z = ym.atEndOfMonth();
        } else if (s.matches("\\d{4}")) {
          a = java.time.LocalDate.of(Integer.parseInt(s), 1, 1);
          z = java.time.LocalDate.of(Integer.parseInt(s), 12, 31);
        } else {
          continue;
        }
      } catch (java.time.DateTimeException e) {
        continue;
      }
      first = first == null || a.isBefore(first) ? a : first;
      last = last == null || z.isAfter(last) ? z : last;
    }
    if (first == null) {
      return Optional.empty();
    }
    Resource t = m.createResource(iris.releasePart(in.version(), "period", "coverage"));
    t.addProperty(RDF.type, DCTerms.PeriodOfTime);
    t.addLiteral(DCAT.startDate, m.createTypedLiteral(first.toString(), XSDDatatype.XSDdate));
    t.addLiteral(DCAT.endDate, m.createTypedLiteral(last.toString(), XSDDatatype.XSDdate));
    return Optional.of(t);
  }

  private String programYears(List<Resource> reports) {
    Model data = ModelFactory.createModelForGraph(union);
    Set<String> years = new TreeSet<>();
    for (Resource r : reports) {
      Statement program = data.createResource(r.getURI()).getProperty(CKG.reportsOn);
      if (program != null) {
        Statement year = program.getResource().getProperty(CKG.programYear);
        if (year != null) {
          years.add(year.getLiteral().getLexicalForm());
        }
      }
    }
    return String.join(", ", years);
  }

  private String descriptionEn(List<Resource> reports, Map<Resource, Long> classes) {
    Map<String, String> values = new HashMap<>();
    values.put("titles", titles(reports, ", "));
    values.put("reports", text.countEn("reports", reports.size()));
    counts(classes).forEach((k, n) -> values.put(k, text.countEn(k, n)));
    return text.fill("release.description.en", values);
  }

  private String descriptionJa(List<Resource> reports, Map<Resource, Long> classes) {
    Map<String, String> values = new HashMap<>();
    values.put("titles", titles(reports, "、"));
    values.put("reports", String.valueOf(reports.size()));
    counts(classes).forEach((k, n) -> values.put(k, String.valueOf(n)));
    return text.fill("release.description.ja", values);
  }

  private static String titles(List<Resource> reports, String separator) {
    return reports.stream()
        .map(r -> literal(r, DCTerms.title, "ja").orElse(r.getURI()))
        .collect(Collectors.joining(separator));
  }

  /** The counts the descriptions state, by placeholder name. */
  private static Map<String, Long> counts(Map<Resource, Long> classes) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("sections", classes.getOrDefault(CKG.Section, 0L));
    out.put("sheets", classes.getOrDefault(CKG.Sheet, 0L));
    out.put("directions", classes.getOrDefault(CKG.Direction, 0L));
    out.put("entries", classes.getOrDefault(CKG.ProgressEntry, 0L));
    out.put("items", classes.getOrDefault(CKG.EntryItem, 0L));
    out.put("bodies", classes.getOrDefault(CKG.GovernmentBody, 0L));
    return out;
  }

  // ------------------------------------------------------------------ ontology, service, catalog

  private void conformsTo() {
    Resource ontology = ontologyNode(in.ontology());
    Statement versionIri = ontology.getProperty(OWL.versionIRI);
    Resource version =
        versionIri != null ? m.createResource(versionIri.getResource().getURI()) : ontology;
    version.addProperty(RDF.type, DCTerms.Standard);
    copy(ontology, version, OWL.versionInfo);
    describeLike(ontology, version);
    release.addProperty(DCTerms.conformsTo, version);
    release.addProperty(VOID.vocabulary, m.createResource(CKG.NS));
    Resource shapes = ontologyNode(in.shapes());
    Resource shapesNode = m.createResource(shapes.getURI());
    shapesNode.addProperty(RDF.type, DCTerms.Standard);
    copy(shapes, shapesNode, OWL.versionInfo);
    describeLike(shapes, shapesNode);
    release.addProperty(DCTerms.conformsTo, shapesNode);
    fileDistribution(version, Release.ONTOLOGY, "ontology", standard("standard.owl"));
    fileDistribution(shapesNode, Release.SHAPES, "shapes", standard("standard.shacl"));
  }

  /** A standard the wording file names ({@code key.iri}, {@code key.title.en}). */
  private Resource standard(String key) {
    Resource s = typed(m.createResource(text.get(key + ".iri")), DCTerms.Standard);
    if (!s.hasProperty(DCTerms.title)) {
      s.addProperty(DCTerms.title, text.get(key + ".title.en"), "en");
    }
    return s;
  }

  /**
   * A title and description for the ontology or the shapes as a dataset of their own, from their
   * own {@code dcterms:title}/{@code rdfs:label} and {@code dcterms:description}/{@code
   * rdfs:comment}; licence and publisher as the data's.
   */
  private void describeLike(Resource from, Resource to) {
    for (Property p : List.of(DCTerms.title, RDFS.label)) {
      if (!to.hasProperty(DCTerms.title)) {
        from.listProperties(p).forEach(s -> to.addProperty(DCTerms.title, s.getObject()));
      }
    }
    for (Property p : List.of(DCTerms.description, RDFS.comment)) {
      if (!to.hasProperty(DCTerms.description)) {
        from.listProperties(p).forEach(s -> to.addProperty(DCTerms.description, s.getObject()));
      }
    }
    if (!to.hasProperty(DCTerms.title)) {
      to.addProperty(DCTerms.title, from.getURI(), "en");
    }
    if (!to.hasProperty(DCTerms.description)) {
      to.addProperty(DCTerms.description, from.getURI(), "en");
    }
    to.addProperty(DCTerms.license, m.createResource(text.get("license.iri")));
    to.addProperty(DCTerms.publisher, m.createResource(iris.publisher()));
  }

  private static Resource ontologyNode(Model ontology) {
    List<Resource> nodes = ontology.listSubjectsWithProperty(RDF.type, OWL.Ontology).toList();
    if (nodes.size() != 1) {
      throw new IllegalStateException("expected one owl:Ontology, found " + nodes.size());
    }
    return nodes.get(0);
  }

  private void service() {
    Resource service = m.createResource(iris.sparqlService());
    service.addProperty(RDF.type, DCAT.DataService);
    service.addProperty(DCTerms.title, text.get("service.title.ja"), "ja");
    service.addProperty(DCTerms.title, text.get("service.title.en"), "en");
    service.addProperty(DCAT.endpointURL, m.createResource(in.sparqlEndpoint()));
    service.addProperty(DCTerms.conformsTo, standard("standard.sparql"));
    service.addProperty(DCAT.endpointDescription, m.createResource(in.sparqlEndpoint()));
    service.addProperty(DCAT.servesDataset, release);
    release.addProperty(VOID.sparqlEndpoint, m.createResource(in.sparqlEndpoint()));
  }

  private void catalog(Resource dataset, Resource publisher) {
    Resource catalog = m.createResource(iris.catalog());
    catalog.addProperty(RDF.type, DCAT.Catalog);
    catalog.addProperty(DCTerms.title, text.get("catalog.title.ja"), "ja");
    catalog.addProperty(DCTerms.title, text.get("catalog.title.en"), "en");
    catalog.addProperty(DCTerms.description, text.get("catalog.description.ja"), "ja");
    catalog.addProperty(DCTerms.description, text.get("catalog.description.en"), "en");
    catalog.addProperty(DCTerms.publisher, publisher);
    catalog.addProperty(FOAF.homepage, typed(m.createResource(iris.base()), FOAF.Document));
    catalog.addProperty(DCAT.themeTaxonomy, themes());
    catalog.addProperty(DCTerms.language, Vocab.Eu.languageJapanese);
    catalog.addProperty(DCTerms.language, Vocab.Eu.languageEnglish);
    catalog.addProperty(DCAT.dataset, dataset);
    catalog.addProperty(DCAT.dataset, release);
    catalog.addProperty(DCAT.service, m.createResource(iris.sparqlService()));
  }

  // ------------------------------------------------------------------ distributions

  private void distributions(Resource license) {
    for (Dump dump : Dump.ALL) {
      byte[] bytes = in.files().get(dump.fileName());
      if (bytes == null) {
        continue;
      }
      Resource d = distribution(dump.fileName(), bytes, dump.format());
      for (String lang : List.of("en", "ja")) {
        Map<String, String> values =
            Map.of(
                "format",
                dump.format().label(),
                "gzip",
                dump.gzip() ? text.get("distribution.gzip." + lang) : "",
                "graphs",
                dump.quads() ? text.get("distribution.graphs." + lang) : "");
        d.addProperty(DCTerms.title, text.fill("distribution.title." + lang, values), lang);
      }
      if (dump.gzip()) {
        d.addProperty(
            DCAT.compressFormat, typed(Vocab.mediaType("application/gzip"), DCTerms.MediaType));
      }
      d.addProperty(DCTerms.license, license);
      d.addProperty(DCTerms.rights, m.createResource(iris.rights(in.version())));
      release.addProperty(DCAT.distribution, d);
      release.addProperty(VOID.dataDump, m.createResource(in.downloadUrl() + dump.fileName()));
      release.addProperty(VOID.feature, m.createResource(dump.format().w3cFormat()));
    }
  }

  /**
   * A file of the release that is a dataset of its own (the ontology, the shapes), in Turtle: its
   * title from the wording file ({@code key.distribution.title.*}), the licence, and the standard
   * it follows.
   */
  private void fileDistribution(Resource of, String name, String key, Resource conformsTo) {
    byte[] bytes = in.files().get(name);
    if (bytes == null) {
      return;
    }
    of.addProperty(RDF.type, DCAT.Dataset);
    Resource d = distribution(name, bytes, Formats.TURTLE);
    d.addProperty(DCTerms.title, text.get(key + ".distribution.title.ja"), "ja");
    d.addProperty(DCTerms.title, text.get(key + ".distribution.title.en"), "en");
    d.addProperty(DCTerms.license, m.createResource(text.get("license.iri")));
    d.addProperty(DCTerms.conformsTo, conformsTo);
    of.addProperty(DCAT.distribution, d);
  }

  private Resource distribution(String name, byte[] bytes, Format format) {
    Resource d =
        m.createResource(iris.releasePart(in.version(), "distribution", name.replace('/', '-')));
    d.addProperty(RDF.type, DCAT.Distribution);
    d.addProperty(DCAT.downloadURL, m.createResource(in.downloadUrl() + name));
    d.addProperty(DCAT.accessURL, m.createResource(in.downloadUrl()));
    d.addProperty(DCAT.mediaType, typed(Vocab.mediaType(format.mediaType()), DCTerms.MediaType));
    d.addProperty(
        DCTerms.format, typed(Vocab.Eu.fileType(format.euFileType()), DCTerms.MediaTypeOrExtent));
    d.addProperty(
        Vocab.Dcatap.availability,
        concept(m.createResource(text.get("availability.iri")), "availability"));
    d.addLiteral(
        DCAT.byteSize,
        m.createTypedLiteral(String.valueOf(bytes.length), XSDDatatype.XSDnonNegativeInteger));
    d.addProperty(Vocab.Spdx.checksum, checksum(d.getURI(), Sha256.hex(bytes)));
    in.issued().ifPresent(i -> d.addProperty(DCTerms.issued, i));
    return d;
  }

  private Resource checksum(String owner, String hex) {
    Resource c = m.createResource(Iris.checksum(owner));
    c.addProperty(RDF.type, Vocab.Spdx.Checksum);
    c.addProperty(
        Vocab.Spdx.algorithm,
        typed(Vocab.Spdx.checksumAlgorithm_sha256, Vocab.Spdx.ChecksumAlgorithm));
    c.addProperty(Vocab.Spdx.checksumValue, m.createTypedLiteral(hex, XSDDatatype.XSDhexBinary));
    return c;
  }

  // ------------------------------------------------------------------ VoID statistics

  private Map<Resource, Long> classEntities() {
    Map<Node, Set<Node>> byClass = new LinkedHashMap<>();
    union
        .find(Node.ANY, RDF.type.asNode(), Node.ANY)
        .forEach(
            t ->
                byClass
                    .computeIfAbsent(t.getObject(), k -> new java.util.HashSet<>())
                    .add(t.getSubject()));
    Map<Resource, Long> out = new LinkedHashMap<>();
    byClass.forEach((c, s) -> out.put(m.createResource(c.getURI()), (long) s.size()));
    return out;
  }

  private void statistics(Map<Resource, Long> classes) {
    Set<Node> subjects = new java.util.HashSet<>();
    Set<Node> objects = new java.util.HashSet<>();
    Map<String, Long> properties = new TreeMap<>();
    Set<String> vocabularies = new TreeSet<>();
    PrefixMapping pm = prefixes();
    for (Iterator<Triple> it = union.find(); it.hasNext(); ) {
      Triple t = it.next();
      subjects.add(t.getSubject());
      objects.add(t.getObject());
      properties.merge(t.getPredicate().getURI(), 1L, Long::sum);
      vocabularies.add(namespace(t.getPredicate().getURI(), pm));
      if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isURI()) {
        vocabularies.add(namespace(t.getObject().getURI(), pm));
      }
    }
    String idSpace = iris.base() + "id/";
    long entities =
        subjects.stream().filter(n -> n.isURI() && n.getURI().startsWith(idSpace)).count();
    release.addLiteral(VOID.triples, integer(union.size()));
    release.addLiteral(VOID.entities, integer(entities));
    release.addLiteral(VOID.distinctSubjects, integer(subjects.size()));
    release.addLiteral(VOID.distinctObjects, integer(objects.size()));
    release.addLiteral(VOID.classes, integer(classes.size()));
    release.addLiteral(VOID.properties, integer(properties.size()));
    release.addProperty(VOID.uriSpace, idSpace);
    for (String v : vocabularies) {
      release.addProperty(VOID.vocabulary, m.createResource(v));
    }
    new TreeMap<>(
            classes.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().getURI(), Map.Entry::getValue)))
        .forEach(
            (c, n) -> {
              Resource p = m.createResource(iris.releasePart(in.version(), "class", slug(c, pm)));
              p.addProperty(RDF.type, VOID.Dataset);
              p.addProperty(Vocab.Void.clazz, m.createResource(c));
              p.addLiteral(VOID.entities, integer(n));
              release.addProperty(VOID.classPartition, p);
            });
    properties.forEach(
        (prop, n) -> {
          Resource p = m.createResource(iris.releasePart(in.version(), "property", slug(prop, pm)));
          p.addProperty(RDF.type, VOID.Dataset);
          p.addProperty(VOID.property, m.createResource(prop));
          p.addLiteral(VOID.triples, integer(n));
          release.addProperty(VOID.propertyPartition, p);
        });
    subjects.stream()
        .filter(n -> n.isURI() && union.contains(n, RDF.type.asNode(), CKG.ProgressReport.asNode()))
        .map(Node::getURI)
        .sorted()
        .findFirst()
        .ifPresent(r -> release.addProperty(VOID.exampleResource, m.createResource(r)));
  }

  private void graphSubsets() {
    PrefixMapping pm = prefixes();
    List<String> names = new ArrayList<>();
    in.data().listNames().forEachRemaining(names::add);
    names.sort(null);
    for (String g : names) {
      String slug =
          g.startsWith(iris.base() + "graph/")
              ? g.substring((iris.base() + "graph/").length()).replace('/', '-')
              : slug(g, pm);
      Resource s = m.createResource(iris.releasePart(in.version(), "graph", slug));
      s.addProperty(RDF.type, VOID.Dataset);
      s.addProperty(Vocab.Sd.name, m.createResource(g));
      s.addLiteral(VOID.triples, integer(in.data().getNamedModel(g).size()));
      release.addProperty(VOID.subset, s);
    }
  }

  /**
   * The linksets to other datasets, as the data describes them ({@link Linksets}, in the reference
   * graph), copied with the datasets they link to, as subsets of the release.
   */
  private void linksets() {
    Model data = ModelFactory.createModelForGraph(union);
    List<Resource> linksets =
        Linksets.TARGETS.stream()
            .map(t -> data.createResource(iris.linkset(t.slug())))
            .filter(r -> r.hasProperty(RDF.type, VOID.Linkset))
            .toList();
    for (Resource ls : linksets) {
      m.add(ls.listProperties());
      for (Statement target : ls.listProperties(VOID.objectsTarget).toList()) {
        if (target.getObject().isURIResource()) {
          m.add(target.getResource().listProperties());
        }
      }
      release.addProperty(VOID.subset, m.createResource(ls.getURI()));
    }
  }

  // ------------------------------------------------------------------ helpers

  private Literal integer(long n) {
    return m.createTypedLiteral(String.valueOf(n), XSDDatatype.XSDinteger);
  }

  private static String namespace(String iri, PrefixMapping pm) {
    String best = null;
    for (String ns : pm.getNsPrefixMap().values()) {
      if (iri.startsWith(ns) && (best == null || ns.length() > best.length())) {
        best = ns;
      }
    }
    if (best != null) {
      return best;
    }
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(0, cut + 1);
  }

  /** A path segment for a term: {@code ckg-Direction}, or a digest when it has no prefix. */
  static String slug(String iri, PrefixMapping pm) {
    String curie = pm.qnameFor(iri);
    if (curie != null) {
      String s = curie.replace(':', '-');
      if (Iris.isSafeSegment(s)) {
        return s;
      }
    }
    return "t-" + Sha256.hex(iri).substring(0, 16);
  }
}
