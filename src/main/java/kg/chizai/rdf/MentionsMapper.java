package kg.chizai.rdf;

import java.util.List;
import java.util.Map;
import kg.chizai.model.Mention;
import kg.chizai.model.Mentions;
import kg.chizai.model.NamedThing;
import kg.chizai.model.Organization;
import kg.chizai.model.Place;
import kg.chizai.model.Quantity;
import kg.chizai.model.Report;
import kg.chizai.model.Statute;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Maps what a report's texts name to RDF: {@code ckg:mentions} from each item; statutes with their
 * e-Gov links in the reference graph; documents, councils, programs, systems and events;
 * organizations and places; quantities under the report.
 */
final class MentionsMapper {

  private static final Property SCHEMA_VALUE =
      ResourceFactory.createProperty(Namespaces.SCHEMA, "value");
  private static final Property SCHEMA_UNIT_TEXT =
      ResourceFactory.createProperty(Namespaces.SCHEMA, "unitText");
  private static final Resource ORGANIZATION =
      ResourceFactory.createResource(Namespaces.ORG + "Organization");
  private static final Property FOAF_HOMEPAGE =
      ResourceFactory.createProperty(Namespaces.FOAF, "homepage");

  /** Class per thing type, and the path segment of its IRI. */
  private static final Map<String, Object[]> TYPES =
      Map.ofEntries(
          Map.entry("guideline", new Object[] {CKG.Guideline, CKG.PolicyDocument, "document"}),
          Map.entry("strategy", new Object[] {CKG.Strategy, CKG.PolicyDocument, "document"}),
          Map.entry("roadmap", new Object[] {CKG.Roadmap, CKG.PolicyDocument, "document"}),
          Map.entry("report", new Object[] {CKG.ReportDocument, CKG.PolicyDocument, "document"}),
          Map.entry("handbook", new Object[] {CKG.Handbook, CKG.PolicyDocument, "document"}),
          Map.entry("checklist", new Object[] {CKG.Checklist, CKG.PolicyDocument, "document"}),
          Map.entry(
              "other-document", new Object[] {CKG.PolicyDocument, CKG.PolicyDocument, "document"}),
          Map.entry("council", new Object[] {CKG.Council, CKG.Council, "council"}),
          Map.entry("program", new Object[] {CKG.Program, CKG.Program, "initiative"}),
          Map.entry("fund", new Object[] {CKG.Fund, CKG.Program, "initiative"}),
          Map.entry("subsidy", new Object[] {CKG.Subsidy, CKG.Program, "initiative"}),
          Map.entry(
              "system", new Object[] {CKG.InformationSystem, CKG.InformationSystem, "system"}),
          Map.entry("portal", new Object[] {CKG.Portal, CKG.InformationSystem, "system"}),
          Map.entry("database", new Object[] {CKG.Database, CKG.InformationSystem, "system"}),
          Map.entry("event", new Object[] {CKG.EventSeries, CKG.EventSeries, "event-series"}),
          Map.entry("award", new Object[] {CKG.Award, CKG.EventSeries, "event-series"}),
          Map.entry("campaign", new Object[] {CKG.Campaign, CKG.EventSeries, "event-series"}));

  private MentionsMapper() {}

  static void map(
      Report report, Mentions m, Iris iris, Map<String, String> links, Model g, Model reference) {
    for (Statute s : m.statutes().values()) {
      statute(s, iris, links, reference);
    }
    for (NamedThing t : m.things().values()) {
      thing(t, iris, t.fromTable() ? reference : g);
    }
    for (Organization o : m.organizations().values()) {
      organization(o, iris, reference);
    }
    for (Place p : m.places().values()) {
      place(p, iris, reference);
    }
    for (Mention mention : m.mentions()) {
      Resource item = g.createResource(itemIri(report, mention.item(), iris));
      item.addProperty(CKG.mentions, g.createResource(target(mention, iris, m)));
      if (mention.article().isPresent()) {
        Resource article =
            g.createResource(iris.article(mention.target(), mention.article().get()));
        item.addProperty(CKG.mentions, article);
        article(article, mention, iris, links, reference);
      }
    }
    for (Map.Entry<String, List<String>> e : m.foreignLaws().entrySet()) {
      Resource item = g.createResource(itemIri(report, e.getKey(), iris));
      e.getValue().forEach(law -> item.addProperty(CKG.foreignLawMention, law, "ja"));
    }
    for (Quantity q : m.quantities()) {
      Resource r = g.createResource(iris.quantity(report, q.item().replace(':', '-'), q.ordinal()));
      r.addProperty(RDF.type, CKG.Quantity);
      r.addProperty(
          SCHEMA_VALUE, g.createTypedLiteral(canonicalDecimal(q.value()), XSDDatatype.XSDdecimal));
      r.addProperty(SCHEMA_UNIT_TEXT, q.unit(), "ja");
      r.addLiteral(CKG.approximate, q.approximate());
      r.addProperty(CKG.surfaceText, q.surface(), "ja");
      q.counted().ifPresent(c -> r.addProperty(CKG.counts, c, "ja"));
      q.targetYear()
          .ifPresent(
              y ->
                  r.addProperty(
                      CKG.targetYear,
                      g.createTypedLiteral(String.valueOf(y), XSDDatatype.XSDgYear)));
      r.addLiteral(
          CKG.lineStart, g.createTypedLiteral(String.valueOf(q.line()), XSDDatatype.XSDinteger));
      r.addLiteral(
          CKG.lineEnd, g.createTypedLiteral(String.valueOf(q.line()), XSDDatatype.XSDinteger));
      g.createResource(itemIri(report, q.item(), iris)).addProperty(CKG.statesQuantity, r);
    }
  }

  /**
   * The canonical lexical form of an xsd:decimal (always with a point: 200.0, 26.9), as stores keep
   * it.
   */
  static String canonicalDecimal(java.math.BigDecimal v) {
    String plain = v.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  private static void statute(Statute s, Iris iris, Map<String, String> links, Model m) {
    Resource r = m.createResource(iris.law(s.id()));
    r.addProperty(RDF.type, CKG.Statute);
    if (s.amendingAct()) {
      r.addProperty(RDF.type, CKG.AmendingAct);
    }
    r.addProperty(DCTerms.title, s.title(), "ja");
    r.addProperty(RDFS.label, s.title(), "ja");
    s.titleEn().ifPresent(en -> r.addProperty(RDFS.label, en, "en"));
    r.addProperty(ELI.id_local, s.id());
    s.lawNumber().ifPresent(n -> r.addProperty(ELI.number, n));
    s.promulgated()
        .ifPresent(
            d ->
                r.addProperty(
                    ELI.date_document, m.createTypedLiteral(d.toString(), XSDDatatype.XSDdate)));
    s.aliases().stream()
        .filter(a -> !a.equals(s.title()))
        .forEach(a -> r.addProperty(SKOS.altLabel, a, "ja"));
    for (Statute.FormerTitle f : s.formerTitles()) {
      r.addProperty(CKG.formerTitle, f.title(), "ja");
      r.addProperty(SKOS.altLabel, f.title(), "ja");
      f.until()
          .ifPresent(
              u ->
                  r.addProperty(
                      CKG.renamedOn,
                      m.createTypedLiteral(u.plusDays(1).toString(), XSDDatatype.XSDdate)));
    }
    for (String amended : s.amends()) {
      r.addProperty(ELI.amends, m.createResource(iris.law(amended)));
    }
    r.addProperty(CKG.idConfidence, s.confidence().getOrDefault("lawId", "unknown"));
    r.addProperty(
        CKG.eGovLawPage, m.createResource(fill(links.get("eGovLawPage"), s.id(), null, s)));
    r.addProperty(
        CKG.eGovApiResource, m.createResource(fill(links.get("eGovApiLawData"), s.id(), null, s)));
    s.jltTranslationId()
        .ifPresent(
            t ->
                r.addProperty(
                    CKG.translationPage,
                    m.createResource(fill(links.get("japaneseLawTranslation"), s.id(), null, s))));
    for (String src : s.sources()) {
      if (src.startsWith("http://") || src.startsWith("https://")) {
        r.addProperty(DCTerms.source, m.createResource(src));
      } else {
        r.addProperty(DCTerms.source, src);
      }
    }
  }

  private static void article(
      Resource a, Mention mention, Iris iris, Map<String, String> links, Model g) {
    Model m = g;
    Resource r = m.createResource(a.getURI());
    r.addProperty(RDF.type, CKG.StatuteArticle);
    r.addProperty(ELI.is_part_of, m.createResource(iris.law(mention.target())));
    r.addProperty(ELI.number, mention.article().get());
    String n = mention.article().get();
    String label = "第" + n.replace("-", "条の").replaceFirst("^(\\d+)$", "$1条");
    if (!label.endsWith("条") && !label.contains("条の")) {
      label = label + "条";
    }
    r.addProperty(RDFS.label, label, "ja");
    // Anchors are known only for plain article numbers (#Mp-At_13); branch articles get the page.
    String page = fill(links.get("eGovLawPage"), mention.target(), null, null);
    if (n.matches("\\d+")) {
      page = page + links.get("eGovArticleAnchor").replace("{article}", n);
    }
    r.addProperty(CKG.eGovLawPage, m.createResource(page));
  }

  private static void thing(NamedThing t, Iris iris, Model m) {
    Object[] type = TYPES.getOrDefault(t.type(), TYPES.get("other-document"));
    Resource r = m.createResource(iris.thing((String) type[2], t.id()));
    r.addProperty(RDF.type, (Resource) type[0]);
    if (type[1] != type[0]) {
      r.addProperty(RDF.type, (Resource) type[1]);
    }
    r.addProperty(RDFS.label, t.label(), "ja");
    t.labelEn().ifPresent(en -> r.addProperty(RDFS.label, en, "en"));
    t.altLabels()
        .forEach(
            a -> r.addProperty(SKOS.altLabel, a, a.chars().allMatch(c -> c < 0x80) ? "en" : "ja"));
    t.versions().forEach(v -> r.addProperty(CKG.versionLabel, v));
    t.issuer()
        .ifPresent(
            i ->
                r.addProperty(
                    CKG.responsibleBody,
                    m.createResource(
                        i.startsWith("org:")
                            ? iris.organization(i.substring(4))
                            : iris.body(i.replaceFirst("^body:", "")))));
    t.parent()
        .ifPresent(
            p ->
                r.addProperty(DCTerms.isPartOf, m.createResource(iris.thing((String) type[2], p))));
    t.source()
        .filter(s -> s.startsWith("http"))
        .ifPresent(s -> r.addProperty(DCTerms.source, m.createResource(s)));
  }

  private static void organization(Organization o, Iris iris, Model m) {
    Resource r = m.createResource(iris.organization(o.id()));
    r.addProperty(RDF.type, ORGANIZATION);
    labels(o, r);
    o.url().ifPresent(u -> r.addProperty(FOAF_HOMEPAGE, m.createResource(u)));
    o.wikidata()
        .ifPresent(
            q ->
                r.addProperty(OWL.sameAs, m.createResource("http://www.wikidata.org/entity/" + q)));
    o.source()
        .filter(s -> s.startsWith("http"))
        .ifPresent(s -> r.addProperty(DCTerms.source, m.createResource(s)));
  }

  private static void place(Place p, Iris iris, Model m) {
    Resource r = m.createResource(iris.place(p.id()));
    r.addProperty(RDF.type, CKG.Place);
    RdfMapper.names(r, p.nameJa(), p.nameEn(), p.altLabels());
    if (p.kind().equals("country")) {
      p.iso3166().ifPresent(c -> r.addProperty(CKG.iso3166Code, c));
    }
    p.parent().ifPresent(c -> r.addProperty(DCTerms.isPartOf, m.createResource(iris.place(c))));
    p.wikidata()
        .ifPresent(
            q ->
                r.addProperty(OWL.sameAs, m.createResource("http://www.wikidata.org/entity/" + q)));
    p.source()
        .filter(s -> s.startsWith("http"))
        .ifPresent(s -> r.addProperty(DCTerms.source, m.createResource(s)));
  }

  private static void labels(Organization o, Resource r) {
    RdfMapper.names(r, o.nameJa(), o.nameEn(), o.altLabels());
  }

  static String target(Mention mention, Iris iris, Mentions m) {
    if (mention.kind() == Mention.Kind.THING) {
      NamedThing t = m.things().get(mention.target());
      Object[] type = TYPES.getOrDefault(t.type(), TYPES.get("other-document"));
      return iris.thing((String) type[2], t.id());
    }
    return targetIri(mention, iris);
  }

  /** The IRI of what a mention names (for things, the thing's type is read from its kind path). */
  static String targetIri(Mention mention, Iris iris) {
    return switch (mention.kind()) {
      case STATUTE -> iris.law(mention.target());
      case ORGANIZATION -> iris.organization(mention.target());
      case PLACE -> iris.place(mention.target());
      case THING ->
          throw new IllegalArgumentException("a thing's IRI needs its type: use target()");
    };
  }

  static String itemIri(Report report, String key, Iris iris) {
    String id = key.substring(key.indexOf(':') + 1);
    return switch (key.substring(0, key.indexOf(':'))) {
      case "direction" -> iris.direction(report, id);
      case "entry" -> iris.entry(report, id);
      case "lead" -> iris.lead(report, id);
      default -> throw new IllegalArgumentException("unknown item key " + key);
    };
  }

  private static String fill(String pattern, String id, String article, Statute s) {
    String out = pattern.replace("{id}", id);
    if (s != null && s.jltTranslationId().isPresent()) {
      out = out.replace("{jltTranslationId}", s.jltTranslationId().get());
    }
    return out;
  }
}
