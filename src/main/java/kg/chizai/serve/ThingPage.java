package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.chizai.rdf.CKG;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

/**
 * What a page says first about a thing, before its properties, as a pure function of the graph: the
 * report, a section, a sheet or a direction read as a document ({@link ReportPage}); an entry as a
 * card with the directions it answers; a sub-item with its entry; an event with what it acts on and
 * the entry that states it; a body with its entries grouped by area, each with its status.
 *
 * <pre>{@code Optional<String> html = ThingPage.lens(iri, graph, site);}</pre>
 */
final class ThingPage {

  private ThingPage() {}

  /** The view of {@code iri} for its kind, or empty when it has no view beyond its properties. */
  static Optional<String> lens(String iri, Model graph, Labels labels, Site site) {
    Resource r = graph.getResource(iri);
    if (Facts.is(r, CKG.ProgressReport)) {
      return Optional.of(ReportPage.toc(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.Section)) {
      return Optional.of(ReportPage.section(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.Sheet)) {
      return Optional.of(ReportPage.sheetPage(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.Direction)) {
      return Optional.of(ReportPage.direction(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.ProgressEntry)) {
      return Optional.of(entry(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.EntryItem)) {
      return Optional.of(item(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.Event)) {
      return Optional.of(event(r, graph, labels, site));
    }
    if (Facts.is(r, CKG.GovernmentBody)) {
      return Optional.of(body(r, graph, labels, site));
    }
    return Optional.empty();
  }

  static String entry(Resource e, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(4096);
    ReportPage.breadcrumb(b, e, graph, labels, site);
    b.append("<ol class=\"entries single\">\n")
        .append(EntryCard.of(e, graph, labels).html(site, false))
        .append("</ol>\n");
    List<Resource> directions = Facts.inDocumentOrder(Facts.objects(e, CKG.addresses));
    if (!directions.isEmpty()) {
      b.append(
              "<section class=\"answers\">\n<h2>対応する方向性 <span lang=\"en\">Directions it answers</span> ")
          .append("<span class=\"count\">(")
          .append(directions.size())
          .append(")</span></h2>\n<ol class=\"directions\">\n");
      for (Resource d : directions) {
        b.append("<li class=\"direction\"><p lang=\"ja\">")
            .append(esc(Facts.string(d, CKG.sourceText).orElse("")))
            .append("</p><p class=\"refs\">")
            .append(Html.link(site.local(d.getURI()), labels.name(d.getURI()).ja(), d.getURI()));
        ReportPage.relisted(b, d, graph, labels, site);
        b.append("</p></li>\n");
      }
      b.append("</ol>\n</section>\n");
    }
    List<Resource> events = Facts.inDocumentOrder(Facts.subjects(graph, CKG.sourceEntry, e));
    if (!events.isEmpty()) {
      b.append(
              "<section class=\"events\">\n<h2>述べている出来事 <span lang=\"en\">Events it states</span> ")
          .append("<span class=\"count\">(")
          .append(events.size())
          .append(")</span></h2>\n<ul>\n");
      for (Resource ev : events) {
        b.append("<li>")
            .append(Html.link(site.local(ev.getURI()), labels.name(ev.getURI()).ja(), ev.getURI()))
            .append("</li>\n");
      }
      b.append("</ul>\n</section>\n");
    }
    return b.toString();
  }

  static String item(Resource item, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(4096);
    Optional<Resource> entry =
        Facts.inDocumentOrder(Facts.subjects(graph, CKG.hasItem, item)).stream().findFirst();
    entry.ifPresent(
        e -> {
          ReportPage.breadcrumb(b, e, graph, labels, site);
          b.append(
                  "<section class=\"of-entry\">\n<h2>所属する記載 <span lang=\"en\">Item of</span></h2>\n")
              .append("<ol class=\"entries single\">\n")
              .append(EntryCard.of(e, graph, labels).html(site, true))
              .append("</ol>\n</section>\n");
        });
    return b.toString();
  }

  static String event(Resource ev, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(4096);
    Optional<Resource> entry = Facts.object(ev, CKG.sourceEntry);
    entry.ifPresent(
        e -> ReportPage.breadcrumb(b, graph.getResource(e.getURI()), graph, labels, site));
    b.append("<dl class=\"event\">\n");
    for (Resource t : Facts.objects(ev, CKG.eventType)) {
      b.append("<dt>種類 <span lang=\"en\">type</span></dt><dd>")
          .append(Html.link(site.local(t.getURI()), labels.name(t.getURI()).both(), t.getURI()))
          .append("</dd>\n");
    }
    Facts.string(ev, CKG.date)
        .ifPresent(
            d ->
                b.append("<dt>日付 <span lang=\"en\">date</span></dt><dd><time>")
                    .append(esc(d))
                    .append("</time></dd>\n"));
    for (Resource fy : Facts.objects(ev, CKG.fiscalYear)) {
      b.append("<dt>年度 <span lang=\"en\">fiscal year</span></dt><dd>")
          .append(Html.link(site.local(fy.getURI()), labels.name(fy.getURI()).ja(), fy.getURI()))
          .append("</dd>\n");
    }
    List<Resource> who = Facts.objects(ev, Facts.WAS_ASSOCIATED_WITH);
    if (!who.isEmpty()) {
      b.append("<dt>関与 <span lang=\"en\">by</span></dt><dd>");
      for (Resource w : who) {
        b.append(EntryCard.chip(EntryCard.Ref.of(w, labels), site)).append(' ');
      }
      b.append("</dd>\n");
    }
    for (Resource o : Facts.objects(ev, CKG.eventObject)) {
      b.append("<dt>対象 <span lang=\"en\">acts on</span></dt><dd>")
          .append(Html.link(site.local(o.getURI()), labels.name(o.getURI()).ja(), o.getURI()))
          .append("</dd>\n");
    }
    b.append("</dl>\n");
    entry.ifPresent(
        e ->
            b.append(
                    "<section class=\"of-entry\">\n<h2>述べている記載 <span lang=\"en\">Stated in</span></h2>\n")
                .append("<ol class=\"entries single\">\n")
                .append(EntryCard.of(graph.getResource(e.getURI()), graph, labels).html(site, true))
                .append("</ol>\n</section>\n"));
    return b.toString();
  }

  /** A body: its parent and sub-organizations, and its entries by area with their status. */
  static String body(Resource body, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(16_384);
    List<Resource> parents = Facts.objects(body, Facts.SUB_ORGANIZATION_OF);
    List<Resource> children =
        Facts.subjects(graph, Facts.SUB_ORGANIZATION_OF, body).stream()
            .sorted(Comparator.comparing(c -> labels.name(c.getURI()).ja()))
            .toList();
    if (!parents.isEmpty() || !children.isEmpty()) {
      b.append("<p class=\"org\">");
      for (Resource p : parents) {
        b.append("上位組織 <span lang=\"en\">part of</span> ")
            .append(EntryCard.chip(EntryCard.Ref.of(p, labels), site))
            .append(' ');
      }
      if (!children.isEmpty()) {
        b.append("下位組織 <span lang=\"en\">sub-organizations</span> ");
        for (Resource c : children) {
          b.append(EntryCard.chip(EntryCard.Ref.of(c, labels), site)).append(' ');
        }
      }
      b.append("</p>\n");
    }
    List<Resource> entries =
        Facts.inDocumentOrder(Facts.subjects(graph, Facts.WAS_ATTRIBUTED_TO, body)).stream()
            .filter(e -> Facts.is(e, CKG.ProgressEntry))
            .toList();
    b.append("<section class=\"by-area\">\n<h2>担当する記載 <span lang=\"en\">Entries reported</span> ")
        .append("<span class=\"count\">(")
        .append(entries.size())
        .append(")</span></h2>\n");
    b.append("<p>")
        .append(
            Html.link(
                FacetPage.PATH + "?kind=entry&body=" + FacetPage.encode(body.getURI()),
                children.isEmpty() ? "絞り込みで見る" : "下位組織の記載も含めて絞り込みで見る"))
        .append(" <span lang=\"en\">(browse")
        .append(children.isEmpty() ? "" : ", with its sub-organizations")
        .append(")</span></p>\n");
    Map<Resource, List<Resource>> byArea = new LinkedHashMap<>();
    for (Resource e : entries) {
      Resource area = Facts.object(e, CKG.inSection).orElse(null);
      byArea.computeIfAbsent(area, k -> new ArrayList<>()).add(e);
    }
    List<Map.Entry<Resource, List<Resource>>> areas = new ArrayList<>(byArea.entrySet());
    areas.sort(
        Comparator.comparingInt(
            (Map.Entry<Resource, List<Resource>> a) ->
                a.getKey() == null
                    ? Integer.MAX_VALUE
                    : Facts.integer(a.getKey(), CKG.ordinal).orElse(0)));
    for (Map.Entry<Resource, List<Resource>> a : areas) {
      b.append("<h3>");
      if (a.getKey() == null) {
        b.append("分野なし <span lang=\"en\">no area</span>");
      } else {
        b.append(
            Html.link(
                site.local(a.getKey().getURI()),
                ReportPage.title(a.getKey(), labels),
                a.getKey().getURI()));
      }
      b.append(" <span class=\"count\">(").append(a.getValue().size()).append(")</span></h3>\n");
      b.append("<ul class=\"rows\">\n");
      for (Resource e : a.getValue()) {
        b.append("<li>");
        for (EntryCard.Ref s : EntryCard.statuses(e, labels)) {
          b.append(EntryCard.badge(s)).append(' ');
        }
        b.append(Html.link(site.local(e.getURI()), "記載 " + Labels.key(e.getURI()), e.getURI()));
        labels
            .snippet(e.getURI(), 90)
            .ifPresent(
                t ->
                    b.append(" <span class=\"snippet\" lang=\"ja\">")
                        .append(esc(t))
                        .append("</span>"));
        b.append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
    return b.toString();
  }
}
