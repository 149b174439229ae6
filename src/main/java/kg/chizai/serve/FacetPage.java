package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Faceted browse of progress entries or plan directions ({@code /browse}), a pure function of the
 * graph and the filter state: by body (a ministry counts with its agencies), area, status, statute
 * named, fiscal year, month, event type and free text, all together. Every facet value shows how
 * many items it would give with the other filters kept; every state has a stable URL; the page
 * shows the SPARQL it ran and opens it in the query editor.
 *
 * <pre>{@code String html = FacetPage.render(FacetPage.State.parse(params), graph, site, ctx);}
 * </pre>
 */
final class FacetPage {

  /** Where the page is served. */
  static final String PATH = "/browse";

  /** Items listed per page. */
  static final int PAGE_SIZE = 50;

  /** What is browsed. */
  enum Kind {
    ENTRY("entry", "ckg:ProgressEntry", "主な進捗状況の記載", "progress entries"),
    DIRECTION("direction", "ckg:Direction", "方向性", "plan directions");

    final String key;
    final String type;
    final String ja;
    final String en;

    Kind(String key, String type, String ja, String en) {
      this.key = key;
      this.type = type;
      this.ja = ja;
      this.en = en;
    }
  }

  /** How a facet's values are shown. */
  private enum Shown {
    THING,
    BODY,
    FISCAL_YEAR,
    MONTH
  }

  /**
   * A facet: the graph pattern that links an item {@code {x}} to a value {@code {v}}, through the
   * entry {@code {e}} that the item is (entries) or that answers it (directions); {@code {t}}
   * starts names of the pattern's own variables.
   */
  record Facet(String key, String ja, String en, String pattern, Shown shown) {
    boolean viaEntry() {
      return pattern.contains("{e}");
    }
  }

  static final List<Facet> FACETS =
      List.of(
          new Facet(
              "body",
              "府省庁等",
              "body",
              "{e} prov:wasAttributedTo/org:subOrganizationOf* {v} .",
              Shown.BODY),
          new Facet("area", "分野", "area", "{x} ckg:inSection {v} .", Shown.THING),
          new Facet("status", "進捗区分", "status", "{e} ckg:status {v} .", Shown.THING),
          new Facet(
              "law",
              "法令",
              "statute named",
              "{x} ckg:mentions {t}m . {t}m eli:is_part_of? {v} . {v} a ckg:Statute .",
              Shown.THING),
          new Facet(
              "fy",
              "年度",
              "fiscal year",
              "{t}ev ckg:sourceEntry {e} ."
                  + " { {t}ev ckg:fiscalYear/time:hasBeginning/time:inXSDDate {t}b ."
                  + "   BIND (SUBSTR(STR({t}b), 1, 4) AS {v}) }"
                  + " UNION { {t}ev ckg:date {t}d . BIND (STR({t}d) AS {t}s)"
                  + "   FILTER (STRLEN({t}s) >= 7)"
                  + "   BIND (xsd:integer(SUBSTR({t}s, 1, 4)) AS {t}y)"
                  + "   BIND (STR(IF(xsd:integer(SUBSTR({t}s, 6, 2)) >= 4, {t}y, {t}y - 1)) AS {v}) }",
              Shown.FISCAL_YEAR),
          new Facet(
              "month",
              "月",
              "month",
              "{t}ev ckg:sourceEntry {e} ; ckg:date {t}d ."
                  + " FILTER (STRLEN(STR({t}d)) >= 7) BIND (SUBSTR(STR({t}d), 1, 7) AS {v})",
              Shown.MONTH),
          new Facet(
              "evtype",
              "出来事の種類",
              "event type",
              "{t}ev ckg:sourceEntry {e} ; ckg:eventType {v} .",
              Shown.THING));

  static final String PREFIXES =
      Namespaces.sparqlPrefixes("ckg", "prov", "org", "eli", "time", "rdfs", "skos", "xsd");

  private FacetPage() {}

  /**
   * A filter state: what is browsed, the free text, one value per facet, the page. Its URL lists
   * the parameters in one order, so one state has one URL.
   */
  record State(Kind kind, String q, Map<String, String> selected, int page) {

    State {
      q = q == null ? "" : q.strip();
      Map<String, String> ordered = new LinkedHashMap<>();
      for (Facet f : FACETS) {
        String v = selected.get(f.key());
        if (v != null && valid(f, v)) {
          ordered.put(f.key(), v);
        }
      }
      selected = java.util.Collections.unmodifiableMap(ordered);
      page = Math.max(1, page);
    }

    /** The state of a request's parameters; values that cannot be a facet's value are dropped. */
    static State parse(Function<String, String> param) {
      Kind kind = "direction".equals(param.apply("kind")) ? Kind.DIRECTION : Kind.ENTRY;
      Map<String, String> selected = new LinkedHashMap<>();
      for (Facet f : FACETS) {
        String v = param.apply(f.key());
        if (v != null && !v.isBlank()) {
          selected.put(f.key(), v.strip());
        }
      }
      int page = 1;
      String p = param.apply("page");
      if (p != null && p.matches("\\d{1,6}")) {
        page = Integer.parseInt(p);
      }
      return new State(kind, Optional.ofNullable(param.apply("q")).orElse(""), selected, page);
    }

    State with(String facet, String value) {
      Map<String, String> s = new LinkedHashMap<>(selected);
      if (value == null) {
        s.remove(facet);
      } else {
        s.put(facet, value);
      }
      return new State(kind, q, s, 1);
    }

    State kind(Kind k) {
      return new State(k, q, selected, 1);
    }

    State page(int n) {
      return new State(kind, q, selected, n);
    }

    /** The stable URL of this state. */
    String href() {
      StringBuilder sb = new StringBuilder(PATH).append("?kind=").append(kind.key);
      if (!q.isEmpty()) {
        sb.append("&q=").append(encode(q));
      }
      selected.forEach((k, v) -> sb.append('&').append(k).append('=').append(encode(v)));
      if (page > 1) {
        sb.append("&page=").append(page);
      }
      return sb.toString();
    }
  }

  /** A facet value is an IRI (for IRI facets), a year or a year and month. */
  static boolean valid(Facet f, String v) {
    return switch (f.shown()) {
      case FISCAL_YEAR -> v.matches("\\d{4}");
      case MONTH -> v.matches("\\d{4}-\\d{2}");
      default -> isIri(v);
    };
  }

  private static boolean isIri(String v) {
    if (!v.matches("(?i)https?://[^\\s<>\"{}|\\\\^`]+")) {
      return false;
    }
    try {
      IRIx.create(v);
      return true;
    } catch (IRIException e) {
      return false;
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // The queries
  // ---------------------------------------------------------------------------------------------

  /** The pattern of facet {@code f} for the item variable {@code ?x}, value {@code v}. */
  static String pattern(Facet f, Kind kind, String v, int n) {
    String t = "?f" + n + "_";
    String e = kind == Kind.ENTRY ? "?x" : t + "e";
    String p =
        f.pattern().replace("{x}", "?x").replace("{e}", e).replace("{v}", v).replace("{t}", t);
    if (kind == Kind.DIRECTION && f.viaEntry()) {
      p = e + " ckg:addresses ?x ; a ckg:ProgressEntry . " + p;
    }
    return p;
  }

  /** A facet's selected value as a SPARQL term. */
  private static String term(Facet f, String v) {
    return switch (f.shown()) {
      case FISCAL_YEAR, MONTH -> NodeFmtLib.strNT(NodeFactory.createLiteralString(v));
      default -> NodeFmtLib.strNT(NodeFactory.createURI(v));
    };
  }

  /** The free text as a filter on the item's text (as typed, or width-folded as NFKC). */
  static String textFilter(String q) {
    if (q.isEmpty()) {
      return "";
    }
    String typed = q.toLowerCase(Locale.ROOT);
    String folded = Normalizer.normalize(q, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String test = "CONTAINS(LCASE(STR(?text)), " + lit(typed) + ")";
    if (!folded.equals(typed)) {
      test = test + " || CONTAINS(LCASE(STR(?text)), " + lit(folded) + ")";
    }
    return "  ?x ckg:sourceText ?text . FILTER (" + test + ")\n";
  }

  private static String lit(String s) {
    return NodeFmtLib.strNT(NodeFactory.createLiteralString(s));
  }

  /** The WHERE body for the state, leaving out facet {@code except} (null for none). */
  static String where(State s, String except) {
    StringBuilder sb = new StringBuilder("  ?x a ").append(s.kind().type).append(" .\n");
    sb.append(textFilter(s.q()));
    int n = 0;
    for (Facet f : FACETS) {
      n++;
      String v = s.selected().get(f.key());
      if (v != null && !f.key().equals(except)) {
        sb.append("  FILTER EXISTS { ");
        if (f.shown() == Shown.FISCAL_YEAR || f.shown() == Shown.MONTH) {
          // A computed value: bound to a variable, then compared.
          String var = "?f" + n + "_value";
          sb.append(pattern(f, s.kind(), var, n))
              .append(" FILTER (")
              .append(var)
              .append(" = ")
              .append(term(f, v))
              .append(")");
        } else {
          sb.append(pattern(f, s.kind(), term(f, v), n));
        }
        sb.append(" }\n");
      }
    }
    return sb.toString();
  }

  /** The counts of one facet's values, the other filters kept. */
  static String facetQuery(State s, Facet f) {
    int n = FACETS.indexOf(f) + 1;
    return PREFIXES
        + "SELECT ?value (COUNT(DISTINCT ?x) AS ?count)\nWHERE {\n"
        + where(s, f.key())
        + "  "
        + pattern(f, s.kind(), "?value", 100 + n)
        + "\n}\nGROUP BY ?value\nORDER BY DESC(?count) ?value\n";
  }

  /**
   * The items of the state, with what a table of them needs: the SPARQL behind the list (and the
   * one the "as SPARQL" link opens).
   */
  static String resultQuery(State s) {
    String item = s.kind() == Kind.ENTRY ? "entry" : "direction";
    return "# "
        + s.kind().ja
        + "（"
        + s.kind().en
        + "）: "
        + describe(s)
        + "\n"
        + PREFIXES
        + "\nSELECT ?"
        + item
        + " ?text ?area ?line (GROUP_CONCAT(DISTINCT ?bodyName; separator=\"・\") AS ?bodies)\n"
        + "WHERE {\n"
        + where(s, null).replace("?x", "?" + item)
        + "  ?"
        + item
        + " ckg:sourceText ?text ; ckg:lineStart ?line ; ckg:inReport ?report .\n"
        + "  OPTIONAL { ?"
        + item
        + " ckg:inSection/rdfs:label ?area }\n"
        + "  OPTIONAL { "
        + (s.kind() == Kind.ENTRY ? "?entry" : "?answer ckg:addresses ?direction . ?answer")
        + " prov:wasAttributedTo/skos:prefLabel ?bodyName FILTER (lang(?bodyName) = \"ja\") }\n"
        + "}\nGROUP BY ?"
        + item
        + " ?text ?area ?line ?report\nORDER BY ?report ?line ?"
        + item
        + "\n";
  }

  /** The filters in words, for the query's comment. */
  private static String describe(State s) {
    List<String> parts = new ArrayList<>();
    if (!s.q().isEmpty()) {
      parts.add("text \"" + s.q().replaceAll("[\\r\\n]", " ") + "\"");
    }
    s.selected().forEach((k, v) -> parts.add(k + "=" + v.replaceAll("[\\r\\n]", " ")));
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }

  // ---------------------------------------------------------------------------------------------
  // The page
  // ---------------------------------------------------------------------------------------------

  /** One facet value with its count. */
  record Value(String value, long count) {}

  /** The values of every facet for the state, each with its count. */
  static Map<Facet, List<Value>> facets(State s, Model graph) {
    Map<Facet, List<Value>> out = new LinkedHashMap<>();
    for (Facet f : FACETS) {
      List<Value> values = new ArrayList<>();
      for (QuerySolution q : Facts.select(graph, facetQuery(s, f))) {
        RDFNode v = q.get("value");
        if (v == null) {
          continue;
        }
        values.add(
            new Value(
                v.isURIResource() ? v.asResource().getURI() : v.asLiteral().getLexicalForm(),
                q.getLiteral("count").getLong()));
      }
      out.put(f, values);
    }
    return out;
  }

  /** The items of the state, in report order. */
  static List<String> items(State s, Model graph) {
    String item = s.kind() == Kind.ENTRY ? "entry" : "direction";
    return Facts.select(graph, resultQuery(s)).stream()
        .map(q -> q.getResource(item).getURI())
        .toList();
  }

  static String render(State s, Model graph, Site site, Citation.Context ctx) {
    Labels labels = new Labels(graph, site.ontology());
    Map<Facet, List<Value>> facets = facets(s, graph);
    List<String> items = items(s, graph);
    int pages = Math.max(1, (items.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(s.page(), pages);
    StringBuilder b = new StringBuilder(65_536);
    b.append("<article class=\"browse\">\n<h1>絞り込み <span lang=\"en\">Browse</span></h1>\n");
    b.append("<nav class=\"kinds\" aria-label=\"対象 what to browse\">");
    for (Kind k : Kind.values()) {
      if (k == s.kind()) {
        b.append("<strong aria-current=\"page\">").append(esc(k.ja)).append("</strong> ");
      } else {
        b.append(Html.link(s.kind(k).href(), k.ja)).append(' ');
      }
    }
    b.append("</nav>\n");
    b.append("<form class=\"search facet-q\" action=\"")
        .append(PATH)
        .append("\" method=\"get\" role=\"search\">")
        .append("<input type=\"hidden\" name=\"kind\" value=\"")
        .append(s.kind().key)
        .append("\">");
    s.selected()
        .forEach(
            (k, v) ->
                b.append("<input type=\"hidden\" name=\"")
                    .append(esc(k))
                    .append("\" value=\"")
                    .append(esc(v))
                    .append("\">"));
    b.append("<input type=\"search\" name=\"q\" value=\"")
        .append(esc(s.q()))
        .append("\" placeholder=\"本文に含む語（例：海賊版）\" aria-label=\"本文の語 text\">")
        .append("<button type=\"submit\">絞り込む <span lang=\"en\">Filter</span></button></form>\n");

    b.append(
        "<div class=\"facet-layout\">\n<aside class=\"facets\" aria-label=\"絞り込み条件 facets\">\n");
    for (Map.Entry<Facet, List<Value>> e : facets.entrySet()) {
      facet(b, s, e.getKey(), e.getValue(), graph, labels, site);
    }
    b.append("</aside>\n<section class=\"results\" aria-labelledby=\"results-h\">\n")
        .append("<h2 id=\"results-h\">")
        .append(esc(s.kind().ja))
        .append(" <span class=\"count\" id=\"result-count\">")
        .append(items.size())
        .append("</span> 件 <span lang=\"en\">")
        .append(esc(s.kind().en))
        .append("</span></h2>\n");
    chosen(b, s, labels);
    b.append("<p class=\"as-sparql\"><a id=\"as-sparql\" href=\"")
        .append(esc(editorHref(resultQuery(s), "browse")))
        .append("\">この一覧を SPARQL で開く <span lang=\"en\">this view as SPARQL</span></a></p>\n");
    List<String> shown =
        items.subList(
            Math.min(items.size(), (page - 1) * PAGE_SIZE),
            Math.min(items.size(), page * PAGE_SIZE));
    if (s.kind() == Kind.ENTRY) {
      b.append("<ol class=\"entries\">\n");
      for (String iri : shown) {
        b.append(EntryCard.of(graph.getResource(iri), graph, labels).html(site, true));
      }
      b.append("</ol>\n");
    } else {
      b.append("<ol class=\"directions\">\n");
      for (String iri : shown) {
        direction(b, graph.getResource(iri), graph, labels, site);
      }
      b.append("</ol>\n");
    }
    if (pages > 1) {
      b.append("<nav class=\"pager\" aria-label=\"ページ pages\">");
      for (int i = 1; i <= pages; i++) {
        if (i == page) {
          b.append("<strong aria-current=\"page\">").append(i).append("</strong> ");
        } else {
          b.append(Html.link(s.page(i).href(), String.valueOf(i))).append(' ');
        }
      }
      b.append("</nav>\n");
    }
    b.append("</section>\n</div>\n</article>\n");
    List<String> credits = site.reports().stream().map(Site.ReportInfo::credit).toList();
    return Html.page(
        "絞り込み " + s.kind().ja,
        b.toString(),
        credits,
        "",
        Citation.orNull(ctx, site.datasetIri(), Citation.DATASET_JA, credits, site));
  }

  /** The query editor on the landing page, opened on {@code query} (it runs it). */
  static String editorHref(String query, String tabTitle) {
    return "/?query=" + encode(query) + "&tabTitle=" + encode(tabTitle);
  }

  private static void chosen(StringBuilder b, State s, Labels labels) {
    if (s.selected().isEmpty() && s.q().isEmpty()) {
      return;
    }
    b.append("<p class=\"chosen\">");
    if (!s.q().isEmpty()) {
      b.append("<a class=\"remove\" href=\"")
          .append(esc(new State(s.kind(), "", s.selected(), 1).href()))
          .append("\">「")
          .append(esc(s.q()))
          .append("」 ✕</a> ");
    }
    for (Map.Entry<String, String> e : s.selected().entrySet()) {
      Facet f = FACETS.stream().filter(x -> x.key().equals(e.getKey())).findFirst().orElseThrow();
      b.append("<a class=\"remove\" href=\"")
          .append(esc(s.with(f.key(), null).href()))
          .append("\" title=\"")
          .append(esc(f.ja() + "の条件を外す remove"))
          .append("\">")
          .append(esc(f.ja()))
          .append(": ")
          .append(esc(valueName(f, e.getValue(), labels)))
          // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
          .append(" <span aria-hidden=\"true\">✕</span><span class=\"sr\">（外す remove）</span></a> ");
    }
    b.append(Html.link(PATH + "?kind=" + s.kind().key, "すべて外す clear all")).append("</p>\n");
  }

  private static void facet(
      StringBuilder b,
      State s,
      Facet f,
      List<Value> values,
      Model graph,
      Labels labels,
      Site site) {
    b.append("<section class=\"facet\" id=\"facet-")
        .append(f.key())
        .append("\">\n<h2>")
        .append(esc(f.ja()))
        .append(" <span lang=\"en\">")
        .append(esc(f.en()))
        .append("</span></h2>\n");
    if (values.isEmpty()) {
      b.append("<p class=\"none\">—</p>\n</section>\n");
      return;
    }
    List<Value> ordered = new ArrayList<>(values);
    Map<String, Integer> depth = new TreeMap<>();
    if (f.shown() == Shown.BODY) {
      ordered = bodyTree(values, graph, labels, depth);
    } else if (f.shown() == Shown.FISCAL_YEAR || f.shown() == Shown.MONTH) {
      ordered.sort(Comparator.comparing(Value::value));
    } else if (f.key().equals("area")) {
      ordered.sort(
          Comparator.comparingInt(
              (Value v) -> Facts.integer(graph.getResource(v.value()), CKG.ordinal).orElse(0)));
    }
    String selected = s.selected().get(f.key());
    // The selected value is never folded away.
    int foldAt = FOLD_AFTER;
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).value().equals(selected)) {
        foldAt = Math.max(foldAt, i + 1);
      }
    }
    b.append("<ul>\n");
    int shownCount = 0;
    boolean folded = false;
    for (Value v : ordered) {
      if (shownCount == foldAt && ordered.size() > foldAt + 2) {
        b.append("</ul>\n<details><summary>他 ")
            .append(ordered.size() - foldAt)
            .append(" 件 <span lang=\"en\">more</span></summary>\n<ul>\n");
        folded = true;
      }
      shownCount++;
      int d = depth.getOrDefault(v.value(), 0);
      boolean on = v.value().equals(selected);
      b.append("<li")
          .append(d > 0 ? " class=\"sub\"" : "")
          .append("><a href=\"")
          .append(esc(on ? s.with(f.key(), null).href() : s.with(f.key(), v.value()).href()))
          .append("\"")
          .append(on ? " class=\"on\" aria-current=\"true\"" : "")
          .append(" data-value=\"")
          .append(esc(v.value()))
          .append("\">")
          .append(esc(valueName(f, v.value(), labels)))
          .append("</a> <span class=\"count\">")
          .append(v.count())
          .append("</span></li>\n");
    }
    b.append("</ul>\n");
    if (folded) {
      b.append("</details>\n");
    }
    b.append("</section>\n");
  }

  /** Facet values listed before the rest are folded. */
  static final int FOLD_AFTER = 12;

  /** Bodies as a tree: each ministry followed by its agencies among the values. */
  private static List<Value> bodyTree(
      List<Value> values, Model graph, Labels labels, Map<String, Integer> depth) {
    Map<String, Value> byIri = new LinkedHashMap<>();
    values.forEach(v -> byIri.put(v.value(), v));
    Map<String, List<Value>> children = new LinkedHashMap<>();
    List<Value> roots = new ArrayList<>();
    Comparator<Value> order =
        Comparator.comparingLong(Value::count)
            .reversed()
            .thenComparing(v -> labels.name(v.value()).ja());
    for (Value v : values) {
      Optional<String> parent =
          Facts.objects(graph.getResource(v.value()), Facts.SUB_ORGANIZATION_OF).stream()
              .map(Resource::getURI)
              .filter(byIri::containsKey)
              .findFirst();
      if (parent.isPresent()) {
        children.computeIfAbsent(parent.get(), k -> new ArrayList<>()).add(v);
      } else {
        roots.add(v);
      }
    }
    roots.sort(order);
    List<Value> out = new ArrayList<>();
    for (Value r : roots) {
      add(r, 0, children, order, out, depth, Set.of());
    }
    return out;
  }

  private static void add(
      Value v,
      int d,
      Map<String, List<Value>> children,
      Comparator<Value> order,
      List<Value> out,
      Map<String, Integer> depth,
      Set<String> seen) {
    if (seen.contains(v.value()) || d > 6) {
      return;
    }
    out.add(v);
    depth.put(v.value(), d);
    List<Value> kids = new ArrayList<>(children.getOrDefault(v.value(), List.of()));
    kids.sort(order);
    Set<String> more = new java.util.HashSet<>(seen);
    more.add(v.value());
    for (Value k : kids) {
      add(k, d + 1, children, order, out, depth, more);
    }
  }

  /** How a value reads: a thing's name, a fiscal year in both calendars, a month. */
  static String valueName(Facet f, String v, Labels labels) {
    return switch (f.shown()) {
      case FISCAL_YEAR ->
          v
              + "年度"
              + Site.wareki(v + "-04")
                  .map(w -> "（" + w.replaceFirst("年4月$", "年度") + "）")
                  .orElse("");
      case MONTH -> v;
      case BODY, THING ->
          f.key().equals("area")
              ? ReportPage.title(labels.dataResource(v), labels)
              : labels.name(v).ja();
    };
  }

  private static void direction(
      StringBuilder b, Resource d, Model graph, Labels labels, Site site) {
    long answers =
        Facts.subjects(graph, CKG.addresses, d).stream()
            .filter(e -> Facts.is(e, CKG.ProgressEntry))
            .count();
    b.append("<li class=\"direction\" id=\"")
        .append(esc(EntryCard.anchor(d.getURI())))
        .append("\"><p lang=\"ja\">")
        .append(esc(Facts.string(d, CKG.sourceText).orElse("")))
        .append("</p>\n<p class=\"refs\">")
        .append(Html.link(site.local(d.getURI()), labels.name(d.getURI()).ja(), d.getURI()));
    Facts.object(d, CKG.inSection)
        .ifPresent(
            s ->
                b.append(" · ")
                    .append(
                        Html.link(
                            site.local(s.getURI()), ReportPage.title(s, labels), s.getURI())));
    b.append(" · 対応する記載 <span lang=\"en\">answered by</span> ").append(answers);
    ReportPage.relisted(b, d, graph, labels, site);
    b.append("</p></li>\n");
  }
}
