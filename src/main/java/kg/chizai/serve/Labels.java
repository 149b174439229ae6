package kg.chizai.serve;

import java.util.Map;
import java.util.Optional;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Display names: a thing's own labels from the data (Japanese first, then English), the ontology's
 * labels for its terms, and names for the external terms the data uses. Reads only the models it is
 * given.
 */
final class Labels {

  /** A Japanese name and, where known, an English one. */
  record Name(String ja, Optional<String> en) {
    String both() {
      return en.filter(e -> !e.equals(ja)).map(e -> ja + " / " + e).orElse(ja);
    }
  }

  private static final Property[] LABELS = {RDFS.label, SKOS.prefLabel, DCTerms.title};

  /** Names of the external terms the data and the ontology use. */
  private static final Map<String, Name> KNOWN =
      Map.ofEntries(
          known(RDF.type.getURI(), "種類", "type"),
          known(RDFS.label.getURI(), "ラベル", "label"),
          known(RDFS.comment.getURI(), "説明", "comment"),
          known(RDFS.subClassOf.getURI(), "上位クラス", "subclass of"),
          known(RDFS.subPropertyOf.getURI(), "上位プロパティ", "subproperty of"),
          known(RDFS.domain.getURI(), "定義域", "domain"),
          known(RDFS.range.getURI(), "値域", "range"),
          known(RDFS.isDefinedBy.getURI(), "定義元", "defined by"),
          known(RDFS.seeAlso.getURI(), "参照", "see also"),
          known(SKOS.prefLabel.getURI(), "正式名称", "preferred label"),
          known(SKOS.altLabel.getURI(), "別名", "alternative label"),
          known(DCTerms.title.getURI(), "表題", "title"),
          known(DCTerms.issued.getURI(), "公表", "issued"),
          known(DCTerms.publisher.getURI(), "公表者", "publisher"),
          known(DCTerms.source.getURI(), "典拠", "source"),
          known(DCTerms.description.getURI(), "説明", "description"),
          known(DCTerms.license.getURI(), "ライセンス", "license"),
          known(DCTerms.created.getURI(), "作成日", "created"),
          known(DCTerms.modified.getURI(), "更新日", "modified"),
          known(DCTerms.creator.getURI(), "作成者", "creator"),
          known(DCTerms.isPartOf.getURI(), "一部をなす", "is part of"),
          known(Namespaces.PROV + "wasAttributedTo", "担当府省庁等", "attributed to"),
          known(Namespaces.PROV + "wasDerivedFrom", "派生元", "derived from"),
          known(Namespaces.ORG + "subOrganizationOf", "上位組織", "sub-organization of"),
          known("http://www.w3.org/2002/07/owl#sameAs", "同一のもの", "same as"),
          known("http://www.w3.org/2002/07/owl#versionIRI", "版のIRI", "version IRI"),
          known("http://www.w3.org/2002/07/owl#versionInfo", "版", "version"),
          known("http://www.w3.org/2002/07/owl#Class", "クラス", "class"),
          known("http://www.w3.org/2002/07/owl#ObjectProperty", "オブジェクトプロパティ", "object property"),
          known("http://www.w3.org/2002/07/owl#DatatypeProperty", "データプロパティ", "datatype property"),
          known("http://www.w3.org/2002/07/owl#Ontology", "オントロジー", "ontology"),
          known("http://purl.org/vocab/vann/preferredNamespacePrefix", "推奨接頭辞", "preferred prefix"),
          known("http://purl.org/vocab/vann/preferredNamespaceUri", "名前空間", "namespace"));

  private final Model data;
  private final Model ontology;
  private final PrefixMapping prefixes;

  Labels(Model data, Model ontology) {
    this.data = data;
    this.ontology = ontology;
    this.prefixes = Namespaces.prefixes();
  }

  private static Map.Entry<String, Name> known(String iri, String ja, String en) {
    return Map.entry(iri, new Name(ja, Optional.of(en)));
  }

  /** The thing's own label in a language, from the data or (for terms) the ontology. */
  Optional<String> label(String iri, String lang) {
    for (Model m : new Model[] {data, ontology}) {
      Resource r = m.getResource(iri);
      for (Property p : LABELS) {
        for (Statement s : m.listStatements(r, p, (RDFNode) null).toList()) {
          if (s.getObject().isLiteral()
              && lang.equalsIgnoreCase(s.getObject().asLiteral().getLanguage())) {
            return Optional.of(s.getObject().asLiteral().getLexicalForm());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The name of a thing that says what it is: its labels, else its type and key (方向性 6-12), else a
   * short form. An event names what it acts on (公布 2025-06 — 著作権法), or else the entry that states
   * it; an article names its statute (著作権法 第30条の4); a sub-item names its entry.
   */
  Name name(String iri) {
    return name(iri, 0);
  }

  private Name name(String iri, int depth) {
    Optional<String> ja = label(iri, "ja");
    Optional<String> en = label(iri, "en");
    Resource r = data.getResource(iri);
    if (ja.isPresent() || en.isPresent()) {
      Name own = new Name(ja.orElseGet(en::get), en);
      return depth > 2 ? own : described(r, own, depth);
    }
    Name known = KNOWN.get(iri);
    if (known != null) {
      return known;
    }
    Statement type = r.getProperty(RDF.type);
    if (type != null && type.getObject().isURIResource()) {
      String key = key(iri);
      Name t = name(type.getResource().getURI(), depth + 1);
      Name plain = new Name(t.ja() + " " + key, t.en().map(e -> capitalise(e) + " " + key));
      if (depth <= 2 && r.hasProperty(RDF.type, CKG.EntryItem)) {
        Optional<Resource> entry = linking(CKG.hasItem, r);
        if (entry.isPresent()) {
          Name e = name(entry.get().getURI(), depth + 1);
          return new Name(
              e.ja() + " · " + plain.ja(), e.en().flatMap(x -> plain.en().map(y -> x + " · " + y)));
        }
      }
      return plain;
    }
    return new Name(shortForm(iri), Optional.empty());
  }

  /** A labelled thing's name with what it is about: an event's object, an article's statute. */
  private Name described(Resource r, Name own, int depth) {
    if (r.hasProperty(RDF.type, CKG.Event)) {
      Optional<Resource> about = linked(r, CKG.eventObject).or(() -> linked(r, CKG.sourceEntry));
      if (about.isPresent()) {
        Name o = name(about.get().getURI(), depth + 1);
        return new Name(
            own.ja() + " — " + o.ja(), own.en().map(e -> e + " — " + o.en().orElse(o.ja())));
      }
    }
    if (r.hasProperty(RDF.type, CKG.StatuteArticle)) {
      Optional<Resource> statute = linked(r, ELI_IS_PART_OF);
      if (statute.isPresent()) {
        Name s = name(statute.get().getURI(), depth + 1);
        if (!own.ja().startsWith(s.ja())) {
          return new Name(
              s.ja() + " " + own.ja(), s.en().map(e -> e + ", " + own.en().orElse(own.ja())));
        }
      }
    }
    return own;
  }

  private static final Property ELI_IS_PART_OF =
      org.apache.jena.rdf.model.ResourceFactory.createProperty(Namespaces.ELI + "is_part_of");

  private static Optional<Resource> linked(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s != null && s.getObject().isURIResource()
        ? Optional.of(s.getResource())
        : Optional.empty();
  }

  private Optional<Resource> linking(Property p, Resource o) {
    return data.listResourcesWithProperty(p, o).toList().stream()
        .filter(Resource::isURIResource)
        .sorted(java.util.Comparator.comparing(Resource::getURI))
        .findFirst();
  }

  /**
   * The name of a property read from its object, for a page's incoming links: its {@code
   * ckg:inverseLabel} in the ontology (下位組織 for org:subOrganizationOf), else "← " and its name.
   */
  Name inverseName(String property) {
    Resource p = ontology.getResource(property);
    Optional<String> ja = Optional.empty();
    Optional<String> en = Optional.empty();
    for (Statement s : ontology.listStatements(p, CKG.inverseLabel, (RDFNode) null).toList()) {
      if (s.getObject().isLiteral()) {
        String lang = s.getObject().asLiteral().getLanguage();
        String text = s.getObject().asLiteral().getLexicalForm();
        if (lang.equalsIgnoreCase("ja")) {
          ja = Optional.of(text);
        } else if (lang.equalsIgnoreCase("en")) {
          en = Optional.of(text);
        }
      }
    }
    if (ja.isPresent() || en.isPresent()) {
      return new Name(ja.orElseGet(en::get), en);
    }
    Name forward = name(property);
    return new Name("← " + forward.ja(), forward.en().map(e -> "← " + e));
  }

  /** The thing as a resource of the data the names are read from. */
  Resource dataResource(String iri) {
    return data.getResource(iri);
  }

  /** The IRIs of a thing's types in the data. */
  java.util.List<String> types(String iri) {
    return data.listObjectsOfProperty(data.getResource(iri), RDF.type).toList().stream()
        .filter(RDFNode::isURIResource)
        .map(n -> n.asResource().getURI())
        .distinct()
        .toList();
  }

  /** A literal of {@code p} on {@code iri}, from the data or else the ontology. */
  Optional<String> ontologyString(String iri, Property p) {
    for (Model m : new Model[] {data, ontology}) {
      for (Statement s : m.listStatements(m.getResource(iri), p, (RDFNode) null).toList()) {
        if (s.getObject().isLiteral()) {
          return Optional.of(s.getObject().asLiteral().getLexicalForm());
        }
      }
    }
    return Optional.empty();
  }

  /** A short text for a thing without a label: the start of its source text. */
  Optional<String> snippet(String iri, int max) {
    Statement s = data.getResource(iri).getProperty(CKG.sourceText);
    if (s == null || !s.getObject().isLiteral()) {
      return Optional.empty();
    }
    String t = s.getString().replaceAll("\\s+", " ").strip();
    return Optional.of(t.length() <= max ? t : t.substring(0, max) + "…");
  }

  /** {@code ckg:addresses} for IRIs with a known prefix, else the IRI. */
  String shortForm(String iri) {
    String q = prefixes.qnameFor(iri);
    return q != null ? q : iri;
  }

  /** The last path segments that make a thing's key: {@code …/direction/6-12} gives 6-12. */
  static String key(String iri) {
    int slash = iri.lastIndexOf('/');
    return slash >= 0 ? iri.substring(slash + 1) : iri;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
