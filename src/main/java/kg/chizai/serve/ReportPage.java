package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import kg.chizai.rdf.CKG;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

/**
 * The report read as a document, as pure functions of the graph: the report's table of contents
 * (parts, areas and their pages, with counts), a section or sheet with each plan direction and the
 * progress entries that answer it inline, and a direction with its entries grouped by the body that
 * reported them. Each returns an HTML fragment that the thing's page shows above its properties.
 */
final class ReportPage {

  private ReportPage() {}

  // ---------------------------------------------------------------------------------------------
  // The report: its table of contents
  // ---------------------------------------------------------------------------------------------

  /** Counts of what a part of the report holds. */
  record Counts(
      int sheets, int directions, int entries, int bodies, Map<Resource, Integer> status) {}

  static String toc(Resource report, Model graph, Labels labels, Site site) {
    List<Resource> sections = sections(report, graph);
    List<Resource> top =
        sections.stream()
            .filter(s -> Facts.object(s, CKG.subSectionOf).filter(sections::contains).isEmpty())
            .toList();
    StringBuilder b = new StringBuilder(8192);
    Counts all = counts(List.of(report), graph, CKG.inReport);
    b.append(
            "<section class=\"toc\" id=\"contents\">\n<h2>目次 <span lang=\"en\">Contents</span></h2>\n")
        .append("<p class=\"summary\">");
    summary(b, all, sections.size(), labels);
    b.append("</p>\n<ol class=\"toc\">\n");
    for (Resource s : top) {
      tocEntry(b, s, sections, graph, labels, site);
    }
    b.append("</ol>\n</section>\n");
    return b.toString();
  }

  private static void tocEntry(
      StringBuilder b, Resource s, List<Resource> sections, Model graph, Labels labels, Site site) {
    List<Resource> children = children(s, sections, graph);
    Counts c = counts(subtree(s, sections, graph), graph, CKG.inSection);
    b.append("<li><a class=\"section\" href=\"")
        .append(esc(site.local(s.getURI())))
        .append("\">")
        .append(esc(title(s, labels)))
        .append("</a> ");
    counts(b, c);
    List<Resource> pages =
        Facts.inDocumentOrder(Facts.subjects(graph, CKG.inSection, s)).stream()
            .filter(p -> Facts.is(p, CKG.Sheet))
            .toList();
    if (!pages.isEmpty() && children.isEmpty()) {
      b.append("<span class=\"pages\">");
      for (Resource p : pages) {
        String n = ordinal(p);
        b.append("<a href=\"")
            .append(esc(site.local(p.getURI())))
            .append("\" title=\"ページ ")
            .append(esc(n))
            .append("\">p.")
            .append(esc(n))
            .append("</a> ");
      }
      b.append("</span>");
    }
    if (!children.isEmpty()) {
      b.append("\n<ol>\n");
      for (Resource child : children) {
        tocEntry(b, child, sections, graph, labels, site);
      }
      b.append("</ol>\n");
    }
    b.append("</li>\n");
  }

  /** Every section of a report, in document order. */
  static List<Resource> sections(Resource report, Model graph) {
    return Facts.subjects(graph, CKG.inReport, report).stream()
        .filter(s -> Facts.is(s, CKG.Section))
        .sorted(
            Comparator.comparingInt((Resource s) -> Facts.integer(s, CKG.ordinal).orElse(0))
                .thenComparing(Facts.DOCUMENT_ORDER))
        .toList();
  }

  private static List<Resource> children(Resource s, List<Resource> sections, Model graph) {
    return Facts.subjects(graph, CKG.subSectionOf, s).stream()
        .filter(sections::contains)
        .sorted(Comparator.comparingInt(sections::indexOf))
        .toList();
  }

  private static List<Resource> subtree(Resource s, List<Resource> sections, Model graph) {
    List<Resource> out = new ArrayList<>();
    out.add(s);
    for (Resource c : children(s, sections, graph)) {
      out.addAll(subtree(c, sections, graph));
    }
    return out;
  }

  /** What the things linked by {@code via} to any of {@code parts} add up to. */
  static Counts counts(List<Resource> parts, Model graph, org.apache.jena.rdf.model.Property via) {
    Set<Resource> sheets = new LinkedHashSet<>();
    Set<Resource> directions = new LinkedHashSet<>();
    Set<Resource> entries = new LinkedHashSet<>();
    for (Resource p : parts) {
      for (Resource t : Facts.subjects(graph, via, p)) {
        if (Facts.is(t, CKG.Sheet)) {
          sheets.add(t);
        } else if (Facts.is(t, CKG.Direction)) {
          directions.add(t);
        } else if (Facts.is(t, CKG.ProgressEntry)) {
          entries.add(t);
        }
      }
    }
    Set<Resource> bodies = new LinkedHashSet<>();
    Map<Resource, Integer> status = new LinkedHashMap<>();
    for (Resource e : entries) {
      bodies.addAll(Facts.objects(e, Facts.WAS_ATTRIBUTED_TO));
      for (Resource s : Facts.objects(e, CKG.status)) {
        status.merge(s, 1, Integer::sum);
      }
    }
    return new Counts(sheets.size(), directions.size(), entries.size(), bodies.size(), status);
  }

  /** The counts in one line; {@code sections} is left out when negative. */
  private static void summary(StringBuilder b, Counts c, int sections, Labels labels) {
    if (sections >= 0) {
      b.append("章・分野 ").append(sections).append(" · ");
    }
    b.append("ページ ")
        .append(c.sheets())
        .append(" · 方向性 ")
        .append(c.directions())
        .append(" · 主な進捗状況の記載 ")
        .append(c.entries())
        .append(" · 府省庁等 ")
        .append(c.bodies())
        .append(" <span lang=\"en\">(")
        .append(sections >= 0 ? "sections, " : "")
        .append("sheets, directions, progress entries, bodies)</span>");
    if (!c.status().isEmpty()) {
      b.append("<br>");
      Map<EntryCard.Ref, Integer> byStatus = new TreeMap<>(EntryCard.STATUS_ORDER);
      c.status().forEach((s, n) -> byStatus.put(EntryCard.status(s.getURI(), labels), n));
      for (Map.Entry<EntryCard.Ref, Integer> s : byStatus.entrySet()) {
        b.append(EntryCard.badge(s.getKey())).append(' ').append(s.getValue()).append(" ");
      }
    }
  }

  private static void counts(StringBuilder b, Counts c) {
    b.append("<span class=\"count\">");
    if (c.directions() > 0 || c.entries() > 0) {
      b.append("方向性 ")
          .append(c.directions())
          .append(" · 記載 ")
          .append(c.entries())
          .append(" · 府省庁等 ")
          .append(c.bodies());
    }
    b.append("</span> ");
  }

  /** A section's title with its number as the report prints it: (2) コンテンツと地方創生…. */
  static String title(Resource s, Labels labels) {
    String t = labels.name(s.getURI()).ja();
    OptionalInt n = Facts.integer(s, CKG.sectionNumber);
    if (n.isEmpty()) {
      return t;
    }
    return Facts.object(s, CKG.subSectionOf).isPresent()
        ? "(" + n.getAsInt() + ") " + t
        : n.getAsInt() + ". " + t;
  }

  static String ordinal(Resource sheet) {
    OptionalInt n = Facts.integer(sheet, CKG.ordinal);
    return n.isPresent() ? String.valueOf(n.getAsInt()) : Labels.key(sheet.getURI());
  }

  // ---------------------------------------------------------------------------------------------
  // A section: its lead statement and its sheets; a parent section: its areas
  // ---------------------------------------------------------------------------------------------

  static String section(Resource section, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(32_768);
    Optional<Resource> report = Facts.object(section, CKG.inReport);
    breadcrumb(b, section, graph, labels, site);
    // A lead statement printed on a sheet is shown with that sheet.
    Facts.object(section, CKG.leadStatement)
        .filter(l -> !l.hasProperty(CKG.onSheet))
        .flatMap(l -> Facts.string(l, CKG.sourceText))
        .ifPresent(t -> b.append("<p class=\"lead\" lang=\"ja\">").append(esc(t)).append("</p>\n"));
    List<Resource> sections = report.map(r -> sections(r, graph)).orElse(List.of(section));
    List<Resource> children = children(section, sections, graph);
    if (!children.isEmpty()) {
      b.append(
          "<section class=\"toc\">\n<h2>分野 <span lang=\"en\">Areas</span></h2>\n<ol class=\"toc\">\n");
      for (Resource c : children) {
        tocEntry(b, c, sections, graph, labels, site);
      }
      b.append("</ol>\n</section>\n");
    }
    List<Resource> sheets =
        Facts.inDocumentOrder(Facts.subjects(graph, CKG.inSection, section)).stream()
            .filter(s -> Facts.is(s, CKG.Sheet) && !Facts.is(s, CKG.ContentsSheet))
            .toList();
    if (!sheets.isEmpty()) {
      Counts c = counts(List.of(section), graph, CKG.inSection);
      b.append("<section class=\"document\">\n<h2>方向性と主な進捗状況 ")
          .append("<span lang=\"en\">Directions and progress</span></h2>\n<p class=\"summary\">");
      summary(b, c, -1, labels);
      b.append("</p>\n");
      for (Resource sheet : sheets) {
        sheet(b, sheet, graph, labels, site, 3);
      }
      b.append("</section>\n");
    }
    return b.toString();
  }

  /** The sheet on its own: where it stands, the previous and next sheets, and its content. */
  static String sheetPage(Resource sheet, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(16_384);
    breadcrumb(b, sheet, graph, labels, site);
    List<Resource> all =
        Facts.object(sheet, CKG.inReport)
            .map(
                r ->
                    Facts.subjects(graph, CKG.inReport, r).stream()
                        .filter(s -> Facts.is(s, CKG.Sheet))
                        .sorted(
                            Comparator.comparingInt(
                                    (Resource s) -> Facts.integer(s, CKG.ordinal).orElse(0))
                                .thenComparing(Facts.DOCUMENT_ORDER))
                        .toList())
            .orElse(List.of(sheet));
    int i = all.indexOf(sheet);
    b.append("<nav class=\"pager\" aria-label=\"ページ送り pages\">");
    if (i > 0) {
      Resource prev = all.get(i - 1);
      b.append("<a rel=\"prev\" href=\"")
          .append(esc(site.local(prev.getURI())))
          .append("\">← ページ ")
          .append(esc(ordinal(prev)))
          .append("</a> ");
    }
    if (i >= 0 && i + 1 < all.size()) {
      Resource next = all.get(i + 1);
      b.append("<a rel=\"next\" href=\"")
          .append(esc(site.local(next.getURI())))
          .append("\">ページ ")
          .append(esc(ordinal(next)))
          .append(" →</a>");
    }
    b.append("</nav>\n");
    List<Resource> listed = Facts.inDocumentOrder(Facts.objects(sheet, CKG.listsSection));
    if (!listed.isEmpty()) {
      List<Resource> highlighted = Facts.objects(sheet, CKG.highlightsSection);
      b.append(
          "<section class=\"toc\">\n<h2>目次 <span lang=\"en\">Contents</span></h2>\n<ol class=\"toc\">\n");
      listed.stream()
          .sorted(Comparator.comparingInt((Resource s) -> Facts.integer(s, CKG.ordinal).orElse(0)))
          .forEach(
              s ->
                  b.append("<li")
                      .append(highlighted.contains(s) ? " class=\"current\"" : "")
                      .append(">")
                      .append(Html.link(site.local(s.getURI()), title(s, labels), s.getURI()))
                      .append("</li>\n"));
      b.append("</ol>\n</section>\n");
    }
    sheet(b, sheet, graph, labels, site, 2);
    return b.toString();
  }

  /**
   * One sheet: its directions, each group followed by the entries that answer it. Consecutive
   * directions answered by the same entries (the usual page: directions, then 主な進捗状況) form one
   * group, so an entry is printed once under the directions it answers.
   */
  static void sheet(
      StringBuilder b, Resource sheet, Model graph, Labels labels, Site site, int level) {
    List<Resource> on = Facts.inDocumentOrder(Facts.subjects(graph, CKG.onSheet, sheet));
    List<Resource> directions = on.stream().filter(t -> Facts.is(t, CKG.Direction)).toList();
    List<Resource> entries = on.stream().filter(t -> Facts.is(t, CKG.ProgressEntry)).toList();
    String h = "h" + level;
    b.append("<section class=\"sheet\" id=\"")
        .append(esc(EntryCard.anchor(sheet.getURI())))
        .append("\">\n<")
        .append(h)
        .append("><a href=\"")
        .append(esc(site.local(sheet.getURI())))
        .append("\">ページ ")
        .append(esc(ordinal(sheet)))
        .append(" <span lang=\"en\">sheet ")
        .append(esc(ordinal(sheet)))
        .append("</span></a>");
    EntryCard.lines(sheet, graph)
        .ifPresent(
            l ->
                b.append(" <a class=\"src\" href=\"")
                    .append(esc(l.href()))
                    .append("\">")
                    .append(esc(l.ja()))
                    .append("</a>"));
    b.append("</").append(h).append(">\n");
    Facts.subjects(graph, CKG.onSheet, sheet).stream()
        .filter(t -> Facts.is(t, CKG.LeadStatement))
        .flatMap(t -> Facts.string(t, CKG.sourceText).stream())
        .forEach(t -> b.append("<p class=\"lead\" lang=\"ja\">").append(esc(t)).append("</p>\n"));

    // Group consecutive directions that the same entries answer.
    Map<Resource, Set<Resource>> answeredBy = new LinkedHashMap<>();
    for (Resource d : directions) {
      Set<Resource> by = new LinkedHashSet<>();
      for (Resource e : Facts.subjects(graph, CKG.addresses, d)) {
        if (Facts.is(e, CKG.ProgressEntry)) {
          by.add(e);
        }
      }
      answeredBy.put(d, by);
    }
    List<List<Resource>> groups = new ArrayList<>();
    for (Resource d : directions) {
      List<Resource> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last != null && answeredBy.get(last.get(0)).equals(answeredBy.get(d))) {
        last.add(d);
      } else {
        groups.add(new ArrayList<>(List.of(d)));
      }
    }
    Set<Resource> shown = new LinkedHashSet<>();
    for (List<Resource> group : groups) {
      b.append("<div class=\"group\">\n<ol class=\"directions\">\n");
      for (Resource d : group) {
        direction(b, d, graph, labels, site);
      }
      b.append("</ol>\n");
      List<Resource> answers = Facts.inDocumentOrder(new ArrayList<>(answeredBy.get(group.get(0))));
      entries(b, answers, graph, labels, site, group.size() > 1 || groups.size() > 1);
      shown.addAll(answers);
      b.append("</div>\n");
    }
    List<Resource> rest = entries.stream().filter(e -> !shown.contains(e)).toList();
    if (!rest.isEmpty()) {
      b.append("<div class=\"group\">\n");
      entries(b, rest, graph, labels, site, true);
      b.append("</div>\n");
    }
    b.append("</section>\n");
  }

  private static void direction(
      StringBuilder b, Resource d, Model graph, Labels labels, Site site) {
    b.append("<li class=\"direction\" id=\"")
        .append(esc(EntryCard.anchor(d.getURI())))
        .append("\"><p lang=\"ja\">")
        .append(esc(Facts.string(d, CKG.sourceText).orElse("")))
        .append("</p>\n<p class=\"refs\">")
        .append(Html.link(site.local(d.getURI()), labels.name(d.getURI()).ja(), d.getURI()));
    relisted(b, d, graph, labels, site);
    EntryCard.lines(d, graph)
        .ifPresent(
            l ->
                b.append(" · <a class=\"src\" href=\"")
                    .append(esc(l.href()))
                    .append("\">原文 ")
                    .append(esc(l.ja()))
                    .append("</a>"));
    b.append("</p></li>\n");
  }

  /** 再掲: where a relisted direction first appears, and where a direction is relisted. */
  static void relisted(StringBuilder b, Resource d, Model graph, Labels labels, Site site) {
    for (Resource first : Facts.objects(d, CKG.relistedFrom)) {
      b.append(" · <span class=\"relist\">再掲 <span lang=\"en\">relisted</span> ← 初出 ")
          .append(Html.link(site.local(first.getURI()), where(first, labels), first.getURI()))
          .append("</span>");
    }
    List<Resource> again = Facts.inDocumentOrder(Facts.subjects(graph, CKG.relistedFrom, d));
    if (!again.isEmpty()) {
      b.append(" · <span class=\"relist\">再掲先 <span lang=\"en\">relisted as</span> ");
      boolean first = true;
      for (Resource a : again) {
        if (!first) {
          b.append("、");
        }
        first = false;
        b.append(Html.link(site.local(a.getURI()), where(a, labels), a.getURI()));
      }
      b.append("</span>");
    }
  }

  /** A direction named with the area it stands in: 方向性 13-2（(2) コンテンツと地方創生…）. */
  private static String where(Resource d, Labels labels) {
    String name = labels.name(d.getURI()).ja();
    return Facts.object(d, CKG.inSection)
        .map(s -> name + "（" + title(s, labels) + "）")
        .orElse(name);
  }

  private static void entries(
      StringBuilder b,
      List<Resource> entries,
      Model graph,
      Labels labels,
      Site site,
      boolean showDirections) {
    b.append(
            "<h4 class=\"progress\">主な進捗状況 <span lang=\"en\">Progress</span> <span class=\"count\">(")
        .append(entries.size())
        .append(")</span></h4>\n");
    if (entries.isEmpty()) {
      b.append(
          "<p class=\"none\">対応する記載はありません。<span lang=\"en\">No entry answers these.</span></p>\n");
      return;
    }
    b.append("<ol class=\"entries\">\n");
    for (Resource e : entries) {
      b.append(EntryCard.of(e, graph, labels).html(site, showDirections));
    }
    b.append("</ol>\n");
  }

  // ---------------------------------------------------------------------------------------------
  // A direction: where it stands, and its entries grouped by body
  // ---------------------------------------------------------------------------------------------

  static String direction(Resource d, Model graph, Labels labels, Site site) {
    StringBuilder b = new StringBuilder(8192);
    breadcrumb(b, d, graph, labels, site);
    b.append("<p class=\"refs\">");
    EntryCard.lines(d, graph)
        .ifPresent(
            l ->
                b.append("<a class=\"src\" href=\"")
                    .append(esc(l.href()))
                    .append("\">原文 ")
                    .append(esc(l.ja()))
                    .append(" <span lang=\"en\">source</span></a>"));
    relisted(b, d, graph, labels, site);
    b.append("</p>\n");
    List<Resource> entries =
        Facts.inDocumentOrder(Facts.subjects(graph, CKG.addresses, d)).stream()
            .filter(e -> Facts.is(e, CKG.ProgressEntry))
            .toList();
    Map<String, List<EntryCard>> byBody = new TreeMap<>(ResourcePage.NATURAL);
    Map<String, List<EntryCard.Ref>> groupBodies = new LinkedHashMap<>();
    for (Resource e : entries) {
      EntryCard card = EntryCard.of(e, graph, labels);
      String key =
          card.bodies().isEmpty()
              ? "—"
              : String.join("・", card.bodies().stream().map(EntryCard.Ref::ja).toList());
      byBody.computeIfAbsent(key, k -> new ArrayList<>()).add(card);
      groupBodies.putIfAbsent(key, card.bodies());
    }
    b.append(
            "<section class=\"by-body\">\n<h2>対応する記載 <span lang=\"en\">Progress entries answering it</span> ")
        .append("<span class=\"count\">(")
        .append(entries.size())
        .append(")</span></h2>\n");
    if (entries.isEmpty()) {
      b.append("<p class=\"none\">この方向性に対応する記載はありません。")
          .append("<span lang=\"en\">No progress entry answers this direction.</span></p>\n");
    }
    for (Map.Entry<String, List<EntryCard>> g : byBody.entrySet()) {
      b.append("<h3>");
      List<EntryCard.Ref> bodies = Objects.requireNonNull(groupBodies.get(g.getKey()));
      if (bodies.isEmpty()) {
        b.append("担当不明 <span lang=\"en\">no body</span>");
      }
      for (EntryCard.Ref body : bodies) {
        b.append(EntryCard.chip(body, site)).append(' ');
      }
      b.append("<span class=\"count\">(").append(g.getValue().size()).append(")</span></h3>\n");
      b.append("<ol class=\"entries\">\n");
      for (EntryCard c : g.getValue()) {
        b.append(c.html(site, false));
      }
      b.append("</ol>\n");
    }
    b.append("</section>\n");
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Where a thing stands: report › part › area › sheet
  // ---------------------------------------------------------------------------------------------

  static void breadcrumb(StringBuilder b, Resource r, Model graph, Labels labels, Site site) {
    List<String> crumbs = new ArrayList<>();
    Optional<Resource> report = Facts.object(r, CKG.inReport);
    report.ifPresent(
        rep ->
            crumbs.add(
                Html.link(site.local(rep.getURI()), labels.name(rep.getURI()).ja(), rep.getURI())));
    Optional<Resource> section =
        Facts.is(r, CKG.Section)
            ? Facts.object(r, CKG.subSectionOf)
            : Facts.object(r, CKG.inSection);
    List<Resource> chain = new ArrayList<>();
    Optional<Resource> s = section;
    while (s.isPresent() && !chain.contains(s.get()) && chain.size() < 8) {
      chain.add(0, s.get());
      s = Facts.object(s.get(), CKG.subSectionOf);
    }
    for (Resource c : chain) {
      crumbs.add(Html.link(site.local(c.getURI()), title(c, labels), c.getURI()));
    }
    Facts.object(r, CKG.onSheet)
        .ifPresent(
            sh ->
                crumbs.add(Html.link(site.local(sh.getURI()), "ページ " + ordinal(sh), sh.getURI())));
    if (crumbs.isEmpty()) {
      return;
    }
    b.append("<nav class=\"crumbs\" aria-label=\"位置 breadcrumb\">")
        .append(String.join(" › ", crumbs))
        .append("</nav>\n");
  }
}
