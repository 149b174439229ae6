package kg.chizai.rdf;

import java.util.List;
import java.util.Map;
import kg.chizai.model.Attribution;
import kg.chizai.model.Body;
import kg.chizai.model.Direction;
import kg.chizai.model.EntryItem;
import kg.chizai.model.Events;
import kg.chizai.model.LeadStatement;
import kg.chizai.model.Mentions;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Section;
import kg.chizai.model.Sheet;
import kg.chizai.model.SourceSpan;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Maps reports (model records) to RDF: one named graph per report, and a reference graph with the
 * government bodies they name.
 *
 * <pre>{@code
 * Dataset ds = RdfMapper.map(List.of(new Mapped(report, attribution, mentions, events)), iris);
 * }</pre>
 */
public final class RdfMapper {

  private static final Property WAS_ATTRIBUTED_TO =
      ResourceFactory.createProperty(Namespaces.PROV, "wasAttributedTo");
  private static final Property SUB_ORGANIZATION_OF =
      ResourceFactory.createProperty(Namespaces.ORG, "subOrganizationOf");

  /** A report, who reported what in it, and what its texts name. */
  public record Mapped(Report report, Attribution attribution, Mentions mentions, Events events) {}

  private RdfMapper() {}

  public static Dataset map(List<Mapped> reports, Iris iris) {
    return map(reports, iris, Map.of());
  }

  /**
   * Maps reports; {@code links} holds the statutes table's link templates (e-Gov page, API,
   * translation).
   */
  public static Dataset map(List<Mapped> reports, Iris iris, Map<String, String> links) {
    Dataset ds = DatasetFactory.createGeneral();
    ds.getDefaultModel().setNsPrefixes(Namespaces.prefixes());
    Model reference = model();
    for (Mapped m : reports) {
      ds.addNamedModel(iris.reportGraph(m.report()), map(m, iris, links, reference));
    }
    ds.addNamedModel(iris.referenceGraph(), reference);
    Linksets.addTo(
        ds.asDatasetGraph().getUnionGraph(), iris, ds.getNamedModel(iris.referenceGraph()));
    return ds;
  }

  /**
   * Maps one report: returns its graph (named {@link Iris#reportGraph}) and adds what it names
   * (bodies, statutes, things) to {@code reference}, which reports share. The dataset of {@link
   * #map(List, Iris, Map)} is these graphs, the reference graph and its {@linkplain Linksets
   * linksets}.
   */
  public static Model map(Mapped m, Iris iris, Map<String, String> links, Model reference) {
    Model g = model();
    new ReportMapping(m.report(), m.attribution(), iris, g).run();
    if (m.mentions() != null) {
      MentionsMapper.map(m.report(), m.mentions(), iris, links, g, reference);
      for (Body b : m.mentions().bodies().values()) {
        body(b, iris, reference);
      }
      if (m.events() != null) {
        EventsMapper.map(m.report(), m.events(), m.mentions(), iris, g, reference);
      }
    }
    for (Body b : m.attribution().bodies().values()) {
      body(b, iris, reference);
    }
    return g;
  }

  /** A model with the project's prefixes. */
  public static Model model() {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefixes(Namespaces.prefixes());
    return m;
  }

  /**
   * A named thing's names: the official name as {@code skos:prefLabel} and {@code rdfs:label} in
   * Japanese (and English where known), other names as {@code skos:altLabel} (ASCII ones tagged
   * en).
   */
  static void names(
      Resource r, String ja, java.util.Optional<String> en, List<String> alternatives) {
    r.addProperty(SKOS.prefLabel, ja, "ja");
    r.addProperty(RDFS.label, ja, "ja");
    en.ifPresent(
        e -> {
          r.addProperty(SKOS.prefLabel, e, "en");
          r.addProperty(RDFS.label, e, "en");
        });
    for (String alt : alternatives) {
      r.addProperty(SKOS.altLabel, alt, alt.chars().allMatch(c -> c < 0x80) ? "en" : "ja");
    }
  }

  static void body(Body b, Iris iris, Model m) {
    Resource r = m.createResource(iris.body(b.id()));
    r.addProperty(RDF.type, CKG.GovernmentBody);
    names(r, b.nameJa(), b.nameEn(), b.altLabels());
    b.parentId().ifPresent(p -> r.addProperty(SUB_ORGANIZATION_OF, m.createResource(iris.body(p))));
    b.wikidata()
        .ifPresent(
            q ->
                r.addProperty(OWL.sameAs, m.createResource("http://www.wikidata.org/entity/" + q)));
    b.source().ifPresent(s -> r.addProperty(DCTerms.source, m.createResource(s)));
    if (b.provisional()) {
      r.addLiteral(CKG.provisional, true);
    }
  }

  /** The mapping of one report into its graph. */
  private static final class ReportMapping {
    private final Report report;
    private final Attribution who;
    private final Iris iris;
    private final Model m;
    private final Resource reportRes;

    ReportMapping(Report report, Attribution who, Iris iris, Model m) {
      this.report = report;
      this.who = who;
      this.iris = iris;
      this.m = m;
      this.reportRes = m.createResource(iris.report(report));
    }

    void run() {
      reportAndProgram();
      int ordinal = 0;
      for (Section s : report.sections()) {
        section(s, ++ordinal);
      }
      for (Sheet s : report.sheets()) {
        sheet(s);
      }
      for (Direction d : report.directions()) {
        direction(d);
      }
      for (ProgressEntry e : report.entries()) {
        entry(e);
      }
    }

    private void reportAndProgram() {
      Resource program = m.createResource(iris.program(report.programYear()));
      program.addProperty(RDF.type, CKG.StrategicProgram);
      program.addProperty(DCTerms.title, report.programTitle(), "ja");
      program.addProperty(RDFS.label, report.programTitle(), "ja");
      program.addProperty(
          CKG.programYear,
          m.createTypedLiteral(String.valueOf(report.programYear()), XSDDatatype.XSDgYear));

      reportRes.addProperty(RDF.type, CKG.ProgressReport);
      reportRes.addProperty(DCTerms.title, report.title(), "ja");
      reportRes.addProperty(RDFS.label, report.title(), "ja");
      reportRes.addProperty(CKG.reportsOn, program);
      report
          .issued()
          .ifPresent(
              ym ->
                  reportRes.addProperty(
                      DCTerms.issued,
                      m.createTypedLiteral(ym.toString(), XSDDatatype.XSDgYearMonth)));
      who.publisher().ifPresent(p -> reportRes.addProperty(DCTerms.publisher, body(p)));
      reportRes.addProperty(CKG.sourceFile, fileName(report.file()));
      reportRes.addProperty(CKG.sourceSha256, report.sha256());
    }

    private void section(Section s, int ordinal) {
      Resource r = m.createResource(iris.section(report, s.key()));
      r.addProperty(RDF.type, CKG.Section);
      r.addProperty(RDFS.label, s.title(), "ja");
      r.addProperty(DCTerms.title, s.title(), "ja");
      r.addProperty(CKG.inReport, reportRes);
      r.addLiteral(CKG.ordinal, integer(ordinal));
      s.number().ifPresent(n -> r.addLiteral(CKG.sectionNumber, integer(n)));
      lines(r, s.span());
      s.parentKey()
          .ifPresent(
              p -> r.addProperty(CKG.subSectionOf, m.createResource(iris.section(report, p))));
      s.lead().ifPresent(l -> r.addProperty(CKG.leadStatement, lead(s, l)));
    }

    private Resource lead(Section s, LeadStatement l) {
      Resource r = m.createResource(iris.lead(report, s.key()));
      r.addProperty(RDF.type, CKG.LeadStatement);
      r.addProperty(CKG.sourceText, l.text(), "ja");
      r.addProperty(CKG.inSection, m.createResource(iris.section(report, s.key())));
      r.addProperty(CKG.onSheet, m.createResource(iris.sheet(report, l.sheet())));
      r.addProperty(CKG.inReport, reportRes);
      lines(r, l.span());
      return r;
    }

    private void sheet(Sheet s) {
      Resource r = m.createResource(iris.sheet(report, s.ordinal()));
      r.addProperty(RDF.type, CKG.Sheet);
      if (s.isContents()) {
        r.addProperty(RDF.type, CKG.ContentsSheet);
        for (String key : s.listedSections()) {
          r.addProperty(CKG.listsSection, m.createResource(iris.section(report, key)));
        }
        s.highlightedSection()
            .ifPresent(
                key ->
                    r.addProperty(
                        CKG.highlightsSection, m.createResource(iris.section(report, key))));
      }
      r.addLiteral(CKG.ordinal, integer(s.ordinal()));
      r.addProperty(CKG.inSection, m.createResource(iris.section(report, s.sectionKey())));
      r.addProperty(CKG.inReport, reportRes);
      lines(r, s.span());
    }

    private void direction(Direction d) {
      Resource r = m.createResource(iris.direction(report, d.id()));
      r.addProperty(RDF.type, CKG.Direction);
      r.addProperty(CKG.sourceText, d.text(), "ja");
      placed(r, d.sheet(), d.sectionKey(), d.id(), d.span());
      r.addLiteral(CKG.relistMarked, d.relistMarked());
      d.relistedFrom()
          .ifPresent(
              o -> r.addProperty(CKG.relistedFrom, m.createResource(iris.direction(report, o))));
    }

    private void entry(ProgressEntry e) {
      Resource r = m.createResource(iris.entry(report, e.id()));
      r.addProperty(RDF.type, CKG.ProgressEntry);
      r.addProperty(CKG.sourceText, e.text(), "ja");
      r.addProperty(CKG.tagText, e.tag());
      placed(r, e.sheet(), e.sectionKey(), e.id(), e.span());
      for (String bodyId : who.bodiesByEntry().getOrDefault(e.id(), List.of())) {
        r.addProperty(WAS_ATTRIBUTED_TO, body(bodyId));
      }
      for (String d : e.addresses()) {
        r.addProperty(CKG.addresses, m.createResource(iris.direction(report, d)));
      }
      r.addLiteral(CKG.relistMarked, e.relistMarked());
      e.relistedFrom()
          .ifPresent(o -> r.addProperty(CKG.relistedFrom, m.createResource(iris.entry(report, o))));
      for (EntryItem item : e.items()) {
        Resource i = m.createResource(iris.item(report, e.id(), item.ordinal()));
        i.addProperty(RDF.type, CKG.EntryItem);
        i.addProperty(CKG.sourceText, item.text(), "ja");
        i.addLiteral(CKG.ordinal, integer(item.ordinal()));
        i.addProperty(CKG.onSheet, m.createResource(iris.sheet(report, e.sheet())));
        i.addProperty(CKG.inReport, reportRes);
        lines(i, item.span());
        r.addProperty(CKG.hasItem, i);
      }
    }

    private void placed(Resource r, int sheet, String sectionKey, String id, SourceSpan span) {
      r.addProperty(CKG.onSheet, m.createResource(iris.sheet(report, sheet)));
      r.addProperty(CKG.inSection, m.createResource(iris.section(report, sectionKey)));
      r.addProperty(CKG.inReport, reportRes);
      r.addLiteral(CKG.ordinal, integer(Integer.parseInt(id.substring(id.indexOf('-') + 1))));
      lines(r, span);
    }

    private void lines(Resource r, SourceSpan span) {
      r.addLiteral(CKG.lineStart, integer(span.lineStart()));
      r.addLiteral(CKG.lineEnd, integer(span.lineEnd()));
    }

    private Resource body(String id) {
      return m.createResource(iris.body(id));
    }

    private Literal integer(long n) {
      return m.createTypedLiteral(String.valueOf(n), XSDDatatype.XSDinteger);
    }
  }

  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
