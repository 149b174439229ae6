package kg.chizai.publish;

import java.time.YearMonth;
import java.util.ArrayList;
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
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
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

  /** The licence of the dataset: CC BY 4.0, with which the source's terms are compatible. */
  static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

  private static final List<String> KEYWORDS_JA =
      List.of("知的財産推進計画", "知的財産戦略", "進捗状況", "府省庁", "著作権", "コンテンツ");

  private static final List<String> KEYWORDS_EN =
      List.of(
          "intellectual property",
          "IP strategic program",
          "progress report",
          "Japan",
          "government",
          "linked data");

  /** A dataset that the release may link to, recognised by the IRI prefixes of its things. */
  record Target(String slug, String homepage, String titleJa, String titleEn, List<String> spaces) {

    boolean contains(String iri) {
      return spaces.stream().anyMatch(iri::startsWith);
    }
  }

  /** e-Gov law data: statutes and articles on e-Gov 法令検索 (links come with statute mentions). */
  static final Target EGOV_LAWS =
      new Target(
          "e-gov-laws",
          "https://laws.e-gov.go.jp/",
          "e-Gov法令検索",
          "e-Gov law search (Japanese laws and regulations)",
          List.of(
              "https://laws.e-gov.go.jp/",
              "http://laws.e-gov.go.jp/",
              "https://elaws.e-gov.go.jp/",
              "http://elaws.e-gov.go.jp/"));

  /** Wikidata: government bodies carry {@code owl:sameAs} links where the table knows them. */
  static final Target WIKIDATA =
      new Target(
          "wikidata",
          "https://www.wikidata.org/",
          "ウィキデータ",
          "Wikidata",
          List.of("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/"));

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
  private final Iris iris;
  private final Model m;
  private final Resource release;
  private final Graph union;

  private Description(Input in) {
    this.in = in;
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
    Resource license = m.createResource(LICENSE);
    license.addProperty(RDF.type, DCTerms.LicenseDocument);
    license.addProperty(
        RDFS.label, "Creative Commons Attribution 4.0 International (CC BY 4.0)", "en");

    Map<Resource, Long> classes = classEntities();
    String en = descriptionEn(reports, classes);
    String ja = descriptionJa(reports, classes);
    String years = programYears(reports);

    Resource dataset = dataset(publisher, license);

    release.addProperty(RDF.type, DCAT.Dataset);
    release.addProperty(RDF.type, VOID.Dataset);
    release.addProperty(DCTerms.title, "知財KG：知的財産推進計画の進捗状況（" + years + "）", "ja");
    release.addProperty(
        DCTerms.title,
        "chizai-kg: progress of Japan's Intellectual Property Strategic Program (" + years + ")",
        "en");
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
    release.addProperty(DCTerms.license, license);
    release.addProperty(DCTerms.rights, rights(reports));
    for (Resource r : reports) {
      release.addProperty(DCTerms.bibliographicCitation, credit(r), "ja");
      release.addProperty(DCTerms.source, r);
      release.addProperty(m.createProperty(Namespaces.PROV, "wasDerivedFrom"), r);
    }
    release.addProperty(DCTerms.language, Vocab.Eu.languageJapanese);
    release.addProperty(DCTerms.language, Vocab.Eu.languageEnglish);
    release.addProperty(DCTerms.spatial, Vocab.Eu.countryJapan);
    release.addProperty(DCAT.theme, Vocab.Eu.themeGovernment);
    release.addProperty(DCTerms.accrualPeriodicity, Vocab.Eu.frequencyAnnual);
    KEYWORDS_JA.forEach(k -> release.addProperty(DCAT.keyword, k, "ja"));
    KEYWORDS_EN.forEach(k -> release.addProperty(DCAT.keyword, k, "en"));
    release.addProperty(DCAT.landingPage, m.createResource(iris.base()));
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
    dataset.addProperty(DCTerms.title, "知財KG：知的財産推進計画の進捗状況", "ja");
    dataset.addProperty(
        DCTerms.title,
        "chizai-kg: progress of Japan's Intellectual Property Strategic Program",
        "en");
    dataset.addProperty(DCTerms.description, "知的財産推進計画の進捗状況報告をリンクトデータ化したデータセット。版ごとに公開する。", "ja");
    dataset.addProperty(
        DCTerms.description,
        "The progress reports on Japan's Intellectual Property Strategic Program as linked data,"
            + " published in releases.",
        "en");
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
    StringBuilder sb = new StringBuilder("出典：").append(publisher).append('「').append(title);
    sb.append('」');
    issuedMonth(report).ifPresent(ym -> sb.append('（').append(japaneseDate(ym)).append('）'));
    return sb.append("（chizai-kg により構造化・RDF化して加工）").toString();
  }

  private Resource rights(List<Resource> reports) {
    Resource r = m.createResource(iris.rights(in.version()));
    r.addProperty(RDF.type, DCTerms.RightsStatement);
    String credits = reports.stream().map(this::credit).collect(Collectors.joining("、"));
    r.addProperty(
        RDFS.label,
        "原典は日本国政府のコンテンツであり、政府標準利用規約（第2.0版）に従って利用している（同規約はクリエイティブ・コモンズ 表示 4.0"
            + " 国際（CC BY 4.0）と互換）。本データセットは CC BY 4.0 で提供する。利用・再配布の際は次のとおり出典を記載すること："
            + credits,
        "ja");
    r.addProperty(
        RDFS.label,
        "The source reports are Government of Japan content, used under the Government of Japan"
            + " Standard Terms of Use (version 2.0), which are compatible with CC BY 4.0. This"
            + " dataset is published under CC BY 4.0. When you use or redistribute it, credit the"
            + " source as: "
            + credits,
        "en");
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

  private Resource publisher() {
    Resource p = m.createResource(iris.publisher());
    p.addProperty(RDF.type, FOAF.Agent);
    p.addProperty(FOAF.name, "chizai-kg", "en");
    p.addProperty(FOAF.name, "知財KG", "ja");
    return p;
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
    return "Linked data converted from "
        + count(reports.size(), "progress report")
        + " on Japan's Intellectual Property Strategic Program ("
        + reports.stream()
            .map(r -> literal(r, DCTerms.title, "ja").orElse(r.getURI()))
            .collect(Collectors.joining(", "))
        + "): "
        + count(classes.getOrDefault(CKG.Section, 0L), "section")
        + ", "
        + count(classes.getOrDefault(CKG.Sheet, 0L), "sheet")
        + ", "
        + count(classes.getOrDefault(CKG.Direction, 0L), "plan direction")
        + ", "
        + count(classes.getOrDefault(CKG.ProgressEntry, 0L), "progress entry", "progress entries")
        + " with "
        + count(classes.getOrDefault(CKG.EntryItem, 0L), "sub-item")
        + ", and the "
        + count(
            classes.getOrDefault(CKG.GovernmentBody, 0L), "government body", "government bodies")
        + " that report them. Every fact points back to its lines in the source text.";
  }

  private String descriptionJa(List<Resource> reports, Map<Resource, Long> classes) {
    return reports.stream()
            .map(r -> literal(r, DCTerms.title, "ja").orElse(r.getURI()))
            .collect(Collectors.joining("、"))
        + "（"
        + reports.size()
        + "件）をリンクトデータ化したもの。章・分野"
        + classes.getOrDefault(CKG.Section, 0L)
        + "、ページ"
        + classes.getOrDefault(CKG.Sheet, 0L)
        + "、方向性"
        + classes.getOrDefault(CKG.Direction, 0L)
        + "、主な進捗状況の記載"
        + classes.getOrDefault(CKG.ProgressEntry, 0L)
        + "（小項目"
        + classes.getOrDefault(CKG.EntryItem, 0L)
        + "）、府省庁等"
        + classes.getOrDefault(CKG.GovernmentBody, 0L)
        + "を含む。各記載は原文テキストの該当行を参照する。";
  }

  private static String count(long n, String singular) {
    return count(n, singular, singular + "s");
  }

  private static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  // ------------------------------------------------------------------ ontology, service, catalog

  private void conformsTo() {
    Resource ontology = ontologyNode(in.ontology());
    Statement versionIri = ontology.getProperty(OWL.versionIRI);
    Resource version =
        versionIri != null ? m.createResource(versionIri.getResource().getURI()) : ontology;
    version.addProperty(RDF.type, DCTerms.Standard);
    copy(ontology, version, OWL.versionInfo);
    release.addProperty(DCTerms.conformsTo, version);
    release.addProperty(VOID.vocabulary, m.createResource(CKG.NS));
    Resource shapes = ontologyNode(in.shapes());
    Resource shapesNode = m.createResource(shapes.getURI());
    shapesNode.addProperty(RDF.type, DCTerms.Standard);
    copy(shapes, shapesNode, OWL.versionInfo);
    release.addProperty(DCTerms.conformsTo, shapesNode);
    fileDistribution(version, "ontology/chizai.ttl", "text/turtle", "RDF_TURTLE");
    fileDistribution(shapesNode, "ontology/shapes.ttl", "text/turtle", "RDF_TURTLE");
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
    service.addProperty(DCTerms.title, "知財KG SPARQLエンドポイント", "ja");
    service.addProperty(DCTerms.title, "chizai-kg SPARQL endpoint", "en");
    service.addProperty(DCAT.endpointURL, m.createResource(in.sparqlEndpoint()));
    service.addProperty(
        DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"));
    service.addProperty(DCAT.servesDataset, release);
    release.addProperty(VOID.sparqlEndpoint, m.createResource(in.sparqlEndpoint()));
  }

  private void catalog(Resource dataset, Resource publisher) {
    Resource catalog = m.createResource(iris.catalog());
    catalog.addProperty(RDF.type, DCAT.Catalog);
    catalog.addProperty(DCTerms.title, "知財KG データカタログ", "ja");
    catalog.addProperty(DCTerms.title, "chizai-kg data catalog", "en");
    catalog.addProperty(DCTerms.description, "知財KGのデータセットとSPARQLエンドポイント。", "ja");
    catalog.addProperty(
        DCTerms.description, "The datasets and the SPARQL endpoint of chizai-kg.", "en");
    catalog.addProperty(DCTerms.publisher, publisher);
    catalog.addProperty(DCTerms.language, Vocab.Eu.languageJapanese);
    catalog.addProperty(DCTerms.language, Vocab.Eu.languageEnglish);
    catalog.addProperty(DCAT.dataset, dataset);
    catalog.addProperty(DCAT.dataset, release);
    catalog.addProperty(DCAT.service, m.createResource(iris.sparqlService()));
  }

  // ------------------------------------------------------------------ distributions

  private void distributions(Resource license) {
    for (Dump dump : Dump.values()) {
      byte[] bytes = in.files().get(dump.fileName());
      if (bytes == null) {
        continue;
      }
      Resource d = distribution(dump.fileName(), bytes, dump.mediaType(), dump.euFileType());
      d.addProperty(
          DCTerms.title,
          dump.formatName()
              + (dump.gzip() ? " dump, gzip-compressed" : " dump")
              + (dump.quads() ? ", one named graph per report" : ""),
          "en");
      d.addProperty(
          DCTerms.title,
          dump.formatName()
              + "形式"
              + (dump.gzip() ? "（gzip圧縮）" : "")
              + (dump.quads() ? "、報告ごとの名前付きグラフ" : ""),
          "ja");
      if (dump.gzip()) {
        d.addProperty(DCAT.compressFormat, Vocab.mediaType("application/gzip"));
      }
      d.addProperty(DCTerms.license, license);
      d.addProperty(DCTerms.rights, m.createResource(iris.rights(in.version())));
      release.addProperty(DCAT.distribution, d);
      release.addProperty(VOID.dataDump, m.createResource(in.downloadUrl() + dump.fileName()));
      release.addProperty(VOID.feature, m.createResource(dump.w3cFormat()));
    }
  }

  private void fileDistribution(Resource of, String name, String mediaType, String euType) {
    byte[] bytes = in.files().get(name);
    if (bytes == null) {
      return;
    }
    of.addProperty(RDF.type, DCAT.Dataset);
    Resource d = distribution(name, bytes, mediaType, euType);
    d.addProperty(DCTerms.title, name, "en");
    of.addProperty(DCAT.distribution, d);
  }

  private Resource distribution(String name, byte[] bytes, String mediaType, String euType) {
    Resource d =
        m.createResource(iris.releasePart(in.version(), "distribution", name.replace('/', '-')));
    d.addProperty(RDF.type, DCAT.Distribution);
    d.addProperty(DCAT.downloadURL, m.createResource(in.downloadUrl() + name));
    d.addProperty(DCAT.accessURL, m.createResource(in.downloadUrl()));
    d.addProperty(DCAT.mediaType, Vocab.mediaType(mediaType));
    d.addProperty(DCTerms.format, Vocab.Eu.fileType(euType));
    d.addLiteral(
        DCAT.byteSize,
        m.createTypedLiteral(String.valueOf(bytes.length), XSDDatatype.XSDnonNegativeInteger));
    d.addProperty(Vocab.Spdx.checksum, checksum(d.getURI(), Checksums.sha256(bytes)));
    in.issued().ifPresent(i -> d.addProperty(DCTerms.issued, i));
    return d;
  }

  private Resource checksum(String owner, String hex) {
    Resource c = m.createResource(Iris.checksum(owner));
    c.addProperty(RDF.type, Vocab.Spdx.Checksum);
    c.addProperty(Vocab.Spdx.algorithm, Vocab.Spdx.checksumAlgorithm_sha256);
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

  private void linksets() {
    for (Target target : List.of(EGOV_LAWS, WIKIDATA)) {
      long links = 0;
      Set<String> predicates = new TreeSet<>();
      for (Iterator<Triple> it = union.find(); it.hasNext(); ) {
        Triple t = it.next();
        if (t.getObject().isURI()
            && target.contains(t.getObject().getURI())
            && !t.getPredicate().equals(RDF.type.asNode())) {
          links++;
          predicates.add(t.getPredicate().getURI());
        }
      }
      if (links == 0 && target != EGOV_LAWS) {
        continue;
      }
      Resource other = m.createResource(target.homepage());
      other.addProperty(RDF.type, VOID.Dataset);
      other.addProperty(DCTerms.title, target.titleJa(), "ja");
      other.addProperty(DCTerms.title, target.titleEn(), "en");
      other.addProperty(FOAF.homepage, other);
      for (String space : target.spaces()) {
        other.addProperty(VOID.uriSpace, space);
      }
      Resource ls = m.createResource(iris.releasePart(in.version(), "linkset", target.slug()));
      ls.addProperty(RDF.type, VOID.Linkset);
      ls.addProperty(VOID.subjectsTarget, release);
      ls.addProperty(VOID.objectsTarget, other);
      ls.addLiteral(VOID.triples, integer(links));
      for (String p : predicates) {
        ls.addProperty(VOID.linkPredicate, m.createResource(p));
      }
      ls.addProperty(
          DCTerms.description,
          "Links (for example owl:sameAs, rdfs:seeAlso) from things in this release to "
              + target.titleEn()
              + ", counted from the links the data holds.",
          "en");
      ls.addProperty(
          DCTerms.description,
          "本リリースから" + target.titleJa() + "へのリンク（owl:sameAs、rdfs:seeAlso など）。",
          "ja");
      release.addProperty(VOID.subset, ls);
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
    return "t-"
        + Checksums.sha256(iri.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
  }
}
