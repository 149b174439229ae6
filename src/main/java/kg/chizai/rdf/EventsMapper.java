package kg.chizai.rdf;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import kg.chizai.model.Event;
import kg.chizai.model.Events;
import kg.chizai.model.Mentions;
import kg.chizai.model.Report;
import kg.chizai.model.StatedTime;
import kg.chizai.model.Status;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Maps events, stated times and statuses to RDF. Events and stated times live under their report
 * ({@code …/event/{entry}-{n}}, {@code …/time/entry-{entry}-{n}}); an event is linked to the stated
 * time that dates it with OWL-Time's {@code time:hasTime}; fiscal years are shared OWL-Time
 * intervals ({@code …/id/fiscal-year/2025}) whose beginning and end are instants ({@code
 * …/id/day/2025-04-01}).
 */
final class EventsMapper {

  private static final Property HAS_BEGINNING =
      ResourceFactory.createProperty(Namespaces.TIME, "hasBeginning");
  private static final Property HAS_END = ResourceFactory.createProperty(Namespaces.TIME, "hasEnd");
  private static final Property IN_XSD_DATE =
      ResourceFactory.createProperty(Namespaces.TIME, "inXSDDate");
  private static final Resource INSTANT =
      ResourceFactory.createResource(Namespaces.TIME + "Instant");
  private static final Property HAS_TIME =
      ResourceFactory.createProperty(Namespaces.TIME, "hasTime");
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
      Resource r = g.createResource(iris.event(report, ev.item(), ev.ordinal()));
      r.addProperty(RDF.type, CKG.Event);
      r.addProperty(CKG.eventType, CKG.eventType(ev.type()));
      r.addProperty(CKG.verb, ev.verb(), "ja");
      r.addProperty(
          RDFS.label,
          ev.verb()
              + ev.date().map(d -> " " + d.lexical()).orElse("")
              + ev.fiscalYear().map(y -> " FY" + y).orElse(""),
          "ja");
      Resource item = g.createResource(MentionsMapper.itemIri(report, ev.item(), iris));
      r.addProperty(CKG.statedIn, item);
      if (ev.fromEntry()) {
        r.addProperty(CKG.sourceEntry, item);
      }
      for (String agent : ev.agents()) {
        r.addProperty(WAS_ASSOCIATED_WITH, g.createResource(iris.body(agent)));
      }
      ev.object()
          .ifPresent(
              o ->
                  r.addProperty(
                      CKG.eventObject, g.createResource(MentionsMapper.target(o, iris, mentions))));
      ev.date().ifPresent(d -> r.addProperty(CKG.date, literal(d, g)));
      ev.fiscalYear().ifPresent(y -> r.addProperty(CKG.fiscalYear, fiscalYear(y, iris, reference)));
      if (ev.date().isPresent() || ev.fiscalYear().isPresent()) {
        r.addLiteral(CKG.dateRelative, ev.relative());
      }
      ev.qualifier().ifPresent(q -> r.addProperty(CKG.dateQualifier, CKG.dateQualifier(q)));
      r.addProperty(CKG.surfaceText, ev.surface(), "ja");
      r.addLiteral(CKG.lineStart, integer(ev.line(), g));
      r.addLiteral(CKG.lineEnd, integer(ev.line(), g));
    }
    for (StatedTime t : events.times()) {
      statedTime(report, t, mentions, iris, g, reference);
    }
  }

  /** A stated time, linked from its item (and sub-items) and from the events it dates. */
  private static void statedTime(
      Report report, StatedTime t, Mentions mentions, Iris iris, Model g, Model reference) {
    Resource r = g.createResource(iris.statedTime(report, t.item(), t.ordinal()));
    r.addProperty(RDF.type, CKG.StatedTime);
    r.addProperty(RDFS.label, t.surface(), "ja");
    t.dates().forEach(d -> r.addProperty(CKG.date, literal(d, g)));
    t.fiscalYears().forEach(y -> r.addProperty(CKG.fiscalYear, fiscalYear(y, iris, reference)));
    t.earliest()
        .ifPresent(
            d ->
                r.addProperty(
                    CKG.earliestDay, g.createTypedLiteral(d.toString(), XSDDatatype.XSDdate)));
    t.latest()
        .ifPresent(
            d ->
                r.addProperty(
                    CKG.latestDay, g.createTypedLiteral(d.toString(), XSDDatatype.XSDdate)));
    t.roles().forEach(role -> r.addProperty(CKG.timeRole, CKG.timeRole(role)));
    r.addLiteral(CKG.dateRelative, t.relative());
    t.qualifier().ifPresent(q -> r.addProperty(CKG.dateQualifier, CKG.dateQualifier(q)));
    r.addLiteral(CKG.approximate, t.approximate());
    r.addProperty(CKG.surfaceText, t.surface(), "ja");
    r.addLiteral(CKG.lineStart, integer(t.position().lineStart(), g));
    r.addLiteral(CKG.startOffset, integer(t.position().startOffset(), g));
    r.addLiteral(CKG.lineEnd, integer(t.position().lineEnd(), g));
    r.addLiteral(CKG.endOffset, integer(t.position().endOffset(), g));
    g.createResource(MentionsMapper.itemIri(report, t.item(), iris)).addProperty(CKG.statesTime, r);
    String itemId = t.item().substring(t.item().indexOf(':') + 1);
    for (int sub : t.entryItems()) {
      g.createResource(iris.item(report, itemId, sub)).addProperty(CKG.statesTime, r);
    }
    for (int ordinal : t.events()) {
      g.createResource(iris.event(report, t.item(), ordinal)).addProperty(HAS_TIME, r);
    }
  }

  private static Literal literal(Event.DateValue d, Model g) {
    return g.createTypedLiteral(d.lexical(), datatype(d.xsdType()));
  }

  private static Literal integer(int n, Model g) {
    return g.createTypedLiteral(String.valueOf(n), XSDDatatype.XSDinteger);
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
