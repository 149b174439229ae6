package kg.chizai.rdf;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import kg.chizai.model.Event;
import kg.chizai.model.Events;
import kg.chizai.model.Mentions;
import kg.chizai.model.Report;
import kg.chizai.model.Status;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Maps events and statuses to RDF. Events live under their report ({@code …/event/{entry}-{n}});
 * fiscal years are shared OWL-Time intervals ({@code …/id/fiscal-year/2025}) whose beginning and
 * end are instants ({@code …/id/day/2025-04-01}).
 */
final class EventsMapper {

  private static final Property HAS_BEGINNING =
      ResourceFactory.createProperty(Namespaces.TIME, "hasBeginning");
  private static final Property HAS_END = ResourceFactory.createProperty(Namespaces.TIME, "hasEnd");
  private static final Property IN_XSD_DATE =
      ResourceFactory.createProperty(Namespaces.TIME, "inXSDDate");
  private static final Resource INSTANT =
      ResourceFactory.createResource(Namespaces.TIME + "Instant");
  private static final Property WAS_ASSOCIATED_WITH =
      ResourceFactory.createProperty(Namespaces.PROV, "wasAssociatedWith");

  private EventsMapper() {}

  static void map(
      Report report, Events events, Mentions mentions, Iris iris, Model g, Model reference) {
    for (Map.Entry<String, Set<Status>> e : events.statusByEntry().entrySet()) {
      Resource entry = g.createResource(iris.entry(report, e.getKey()));
      for (Status s : e.getValue()) {
        entry.addProperty(CKG.status, CKG.status(s.name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    for (Event ev : events.events()) {
      Resource r = g.createResource(iris.event(report, ev.entry(), ev.ordinal()));
      r.addProperty(RDF.type, CKG.Event);
      r.addProperty(CKG.eventType, CKG.eventType(ev.type()));
      r.addProperty(CKG.verb, ev.verb(), "ja");
      r.addProperty(
          RDFS.label,
          ev.verb()
              + ev.date().map(d -> " " + d.lexical()).orElse("")
              + ev.fiscalYear().map(y -> " FY" + y).orElse(""),
          "ja");
      r.addProperty(CKG.sourceEntry, g.createResource(iris.entry(report, ev.entry())));
      for (String agent : ev.agents()) {
        r.addProperty(WAS_ASSOCIATED_WITH, g.createResource(iris.body(agent)));
      }
      ev.object()
          .ifPresent(
              o ->
                  r.addProperty(
                      CKG.eventObject, g.createResource(MentionsMapper.target(o, iris, mentions))));
      ev.date()
          .ifPresent(
              d ->
                  r.addProperty(
                      CKG.date, g.createTypedLiteral(d.lexical(), datatype(d.xsdType()))));
      ev.fiscalYear().ifPresent(y -> r.addProperty(CKG.fiscalYear, fiscalYear(y, iris, reference)));
      if (ev.date().isPresent() || ev.fiscalYear().isPresent()) {
        r.addLiteral(CKG.dateRelative, ev.relative());
      }
      ev.qualifier().ifPresent(q -> r.addProperty(CKG.dateQualifier, q));
      r.addProperty(CKG.surfaceText, ev.surface(), "ja");
      r.addLiteral(
          CKG.lineStart, g.createTypedLiteral(String.valueOf(ev.line()), XSDDatatype.XSDinteger));
      r.addLiteral(
          CKG.lineEnd, g.createTypedLiteral(String.valueOf(ev.line()), XSDDatatype.XSDinteger));
    }
  }

  private static RDFDatatype datatype(String xsd) {
    return switch (xsd) {
      case "date" -> XSDDatatype.XSDdate;
      case "gYearMonth" -> XSDDatatype.XSDgYearMonth;
      default -> XSDDatatype.XSDgYear;
    };
  }

  /**
   * The fiscal year {@code year} (April of that year to March of the next) in the reference graph.
   */
  static Resource fiscalYear(int year, Iris iris, Model m) {
    Resource fy = m.createResource(iris.fiscalYear(year));
    if (!fy.hasProperty(RDF.type)) {
      fy.addProperty(RDF.type, CKG.FiscalYear);
      fy.addProperty(RDF.type, m.createResource(Namespaces.TIME + "ProperInterval"));
      fy.addProperty(RDFS.label, year + "年度", "ja");
      fy.addProperty(RDFS.label, "FY" + year, "en");
      fy.addProperty(HAS_BEGINNING, day(LocalDate.of(year, 4, 1), iris, m));
      fy.addProperty(HAS_END, day(LocalDate.of(year + 1, 3, 31), iris, m));
    }
    return fy;
  }

  private static Resource day(LocalDate d, Iris iris, Model m) {
    Resource r = m.createResource(iris.day(d.toString()));
    r.addProperty(RDF.type, INSTANT);
    r.addProperty(IN_XSD_DATE, m.createTypedLiteral(d.toString(), XSDDatatype.XSDdate));
    return r;
  }
}
