package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.SKOS;

/**
 * A progress entry as a reader meets it in the report: who reported it (a chip per body), its
 * status (a badge), the dated events it states, the statutes it names, its text or sub-items, and a
 * link to its lines in the source. Read from the graph by {@link #of}, printed by {@link #html}.
 *
 * @param iri the entry
 * @param name its display name (主な進捗状況の記載 14-1)
 * @param text its source text
 * @param items its sub-items' texts (・), in order; empty when it has none
 * @param bodies the bodies it is attributed to
 * @param statuses its statuses (a concept of the status scheme, with its notation)
 * @param dates its events that carry a date or fiscal year, in text order
 * @param statutes the statutes and articles it names
 * @param lines where it stands in its source
 * @param directions the directions it answers
 * @param relistedFrom where the entry first appears, when it is relisted (再掲)
 * @param relistedAs where the entry is relisted
 */
record EntryCard(
    String iri,
    String name,
    String text,
    List<String> items,
    List<Ref> bodies,
    List<Ref> statuses,
    List<Ref> dates,
    List<Ref> statutes,
    Optional<SourceLines> lines,
    List<Ref> directions,
    List<Ref> relistedFrom,
    List<Ref> relistedAs) {

  /** A linked thing with its display name and, for statuses, a short code for styling. */
  record Ref(String iri, String ja, Optional<String> en, String code) {
    static Ref of(Resource r, Labels labels) {
      Labels.Name n = labels.name(r.getURI());
      return new Ref(r.getURI(), n.ja(), n.en(), "");
    }
  }

  /** Lines {@code start..end} of a source file. */
  record SourceLines(String file, int start, int end) {
    /** The local URL of the first line in the source view. */
    String href() {
      return SourcePage.href(file, start);
    }

    String ja() {
      return start == end ? start + "行目" : start + "–" + end + "行目";
    }

    String en() {
      return start == end ? "line " + start : "lines " + start + "–" + end;
    }
  }

  private static final Property ELI_IS_PART_OF =
      ResourceFactory.createProperty(Namespaces.ELI + "is_part_of");

  EntryCard {
    items = List.copyOf(items);
    bodies = List.copyOf(bodies);
    statuses = List.copyOf(statuses);
    dates = List.copyOf(dates);
    statutes = List.copyOf(statutes);
    directions = List.copyOf(directions);
    relistedFrom = List.copyOf(relistedFrom);
    relistedAs = List.copyOf(relistedAs);
  }

  /** Reads the card of {@code entry} from the graph. */
  static EntryCard of(Resource entry, Model graph, Labels labels) {
    Resource e = graph.getResource(entry.getURI());
    List<String> items =
        Facts.inDocumentOrder(Facts.objects(e, CKG.hasItem)).stream()
            .map(i -> Facts.string(i, CKG.sourceText).orElse(""))
            .toList();
    List<Ref> bodies =
        Facts.objects(e, Facts.WAS_ATTRIBUTED_TO).stream()
            .map(b -> Ref.of(b, labels))
            .sorted(Comparator.comparing(Ref::ja))
            .toList();
    List<Ref> statuses = statuses(e, labels);
    List<Ref> dates =
        Facts.inDocumentOrder(Facts.subjects(graph, CKG.sourceEntry, e)).stream()
            .filter(ev -> ev.hasProperty(CKG.date) || ev.hasProperty(CKG.fiscalYear))
            .map(
                ev ->
                    new Ref(
                        ev.getURI(),
                        Facts.string(ev, org.apache.jena.vocabulary.RDFS.label)
                            .orElse(labels.name(ev.getURI()).ja()),
                        Optional.empty(),
                        ""))
            .toList();
    List<Ref> statutes = new ArrayList<>();
    for (Resource m : Facts.objects(e, CKG.mentions)) {
      if (Facts.is(m, CKG.Statute)
          || Facts.is(m, CKG.AmendingAct)
          || Facts.is(m, CKG.StatuteArticle)
          || m.hasProperty(ELI_IS_PART_OF)) {
        statutes.add(Ref.of(m, labels));
      }
    }
    statutes.sort(Comparator.comparing(Ref::ja).thenComparing(Ref::iri));
    List<Ref> directions =
        Facts.inDocumentOrder(Facts.objects(e, CKG.addresses)).stream()
            .map(d -> Ref.of(d, labels))
            .toList();
    return new EntryCard(
        e.getURI(),
        labels.name(e.getURI()).ja(),
        Facts.string(e, CKG.sourceText).orElse(""),
        items,
        bodies,
        statuses,
        dates,
        statutes,
        lines(e, graph),
        directions,
        Facts.inDocumentOrder(Facts.objects(e, CKG.relistedFrom)).stream()
            .map(f -> Ref.of(f, labels))
            .toList(),
        Facts.inDocumentOrder(Facts.subjects(graph, CKG.relistedFrom, e)).stream()
            .map(f -> Ref.of(f, labels))
            .toList());
  }

  /** The statuses of an entry, each with the notation of its concept (done, ongoing …). */
  static List<Ref> statuses(Resource e, Labels labels) {
    List<Ref> out = new ArrayList<>();
    for (Resource s : Facts.objects(e, CKG.status)) {
      out.add(status(s.getURI(), labels));
    }
    out.sort(STATUS_ORDER);
    return out;
  }

  /** The statuses of the scheme in the order a reader goes through them; others after, by IRI. */
  static final List<String> STATUS_CODES = List.of("done", "ongoing", "planned", "considering");

  static final Comparator<Ref> STATUS_ORDER =
      Comparator.comparingInt(
              (Ref r) ->
                  STATUS_CODES.contains(r.code())
                      ? STATUS_CODES.indexOf(r.code())
                      : STATUS_CODES.size())
          .thenComparing(Ref::iri);

  /** A status concept with its notation (done, ongoing …) as its code. */
  static Ref status(String iri, Labels labels) {
    Labels.Name n = labels.name(iri);
    String code = labels.ontologyString(iri, SKOS.notation).orElse(Labels.key(iri));
    return new Ref(iri, n.ja(), n.en(), code.replaceAll("[^A-Za-z0-9-]", ""));
  }

  /** Where a thing stands in its report's source file, if the graph says. */
  static Optional<SourceLines> lines(Resource r, Model graph) {
    OptionalInt start = Facts.integer(r, CKG.lineStart);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    int end = Facts.integer(r, CKG.lineEnd).orElse(start.getAsInt());
    return Facts.object(r, CKG.inReport)
        .flatMap(rep -> Facts.string(graph.getResource(rep.getURI()), CKG.sourceFile))
        .map(f -> new SourceLines(f, start.getAsInt(), end));
  }

  /** Prints the card as an {@code <li>}; {@code showDirections} adds the directions it answers. */
  String html(Site site, boolean showDirections) {
    StringBuilder b = new StringBuilder(1024);
    b.append("<li class=\"entry\" id=\"")
        .append(esc(anchor(iri)))
        .append("\">\n<div class=\"meta\">");
    for (Ref body : bodies) {
      b.append(chip(body, site)).append(' ');
    }
    for (Ref s : statuses) {
      b.append(badge(s)).append(' ');
    }
    for (Ref d : dates) {
      b.append("<a class=\"date\" href=\"")
          .append(esc(site.local(d.iri())))
          .append("\">")
          .append(esc(d.ja()))
          .append("</a> ");
    }
    for (Ref s : statutes) {
      b.append("<a class=\"law\" href=\"")
          .append(esc(site.local(s.iri())))
          .append("\">")
          .append(esc(s.ja()))
          .append("</a> ");
    }
    b.append("</div>\n");
    if (items.isEmpty()) {
      b.append("<p class=\"text\" lang=\"ja\">").append(esc(text)).append("</p>\n");
    } else {
      b.append("<ul class=\"items\" lang=\"ja\">");
      for (String item : items) {
        b.append("<li>").append(esc(item)).append("</li>");
      }
      b.append("</ul>\n");
    }
    b.append("<p class=\"refs\">");
    if (showDirections && !directions.isEmpty()) {
      b.append("<span class=\"answers\">対応する方向性 <span lang=\"en\">answers</span>: ");
      boolean first = true;
      for (Ref d : directions) {
        if (!first) {
          b.append("、");
        }
        first = false;
        b.append(Html.link(site.local(d.iri()), d.ja(), d.iri()));
      }
      b.append("</span> · ");
    }
    b.append(Html.link(site.local(iri), name, iri));
    for (Ref first : relistedFrom) {
      b.append(" · <span class=\"relist\">再掲 <span lang=\"en\">relisted</span> ← 初出 ")
          .append(Html.link(site.local(first.iri()), first.ja(), first.iri()))
          .append("</span>");
    }
    if (!relistedAs.isEmpty()) {
      b.append(" · <span class=\"relist\">再掲先 <span lang=\"en\">relisted as</span> ");
      for (int i = 0; i < relistedAs.size(); i++) {
        Ref r = relistedAs.get(i);
        b.append(i == 0 ? "" : "、").append(Html.link(site.local(r.iri()), r.ja(), r.iri()));
      }
      b.append("</span>");
    }
    lines.ifPresent(
        l ->
            b.append(" · <a class=\"src\" href=\"")
                .append(esc(l.href()))
                .append("\">原文 ")
                .append(esc(l.ja()))
                .append(" <span lang=\"en\">source, ")
                .append(esc(l.en()))
                .append("</span></a>"));
    b.append("</p>\n</li>\n");
    return b.toString();
  }

  /** A body as a chip linking to its page. */
  static String chip(Ref body, Site site) {
    return "<a class=\"chip\" href=\""
        + esc(site.local(body.iri()))
        + "\""
        + body.en().map(en -> " title=\"" + esc(en) + "\"").orElse("")
        + ">"
        + esc(body.ja())
        + "</a>";
  }

  /** A status as a badge; the code picks its colour. */
  static String badge(Ref status) {
    return "<span class=\"badge st-"
        + esc(status.code())
        + "\""
        + status.en().map(en -> " title=\"" + esc(en) + "\"").orElse("")
        + ">"
        + esc(status.ja())
        + "</span>";
  }

  /** An HTML id for a thing: {@code …/entry/14-1} → {@code entry-14-1}. */
  static String anchor(String iri) {
    String[] parts = iri.split("/");
    String key = parts.length >= 2 ? parts[parts.length - 2] + "-" + parts[parts.length - 1] : iri;
    return key.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
