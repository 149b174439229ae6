package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Charts drawn on the server as SVG, each from one SPARQL query whose answer is also its CSV (the
 * endpoint's own CSV format, byte for byte): progress entries by body × area (a heat map), status
 * by area (stacked bars), dated events along a time axis (months and fiscal years), and statutes by
 * the areas that name them. Pure functions of the graph; SVG with presentation attributes only (no
 * script, no style attribute), every label escaped.
 *
 * <pre>{@code Charts.Table t = Charts.run(Charts.byId("heatmap").orElseThrow(), graph);}</pre>
 */
final class Charts {

  /** Where the charts page is; each chart is at {@code /charts/<id>.svg} and {@code .csv}. */
  static final String PATH = "/charts";

  static final String PREFIXES =
      Namespaces.sparqlPrefixes("ckg", "prov", "eli", "time", "rdfs", "skos");

  /** An area's name as the report prints it: (6) 海賊版対策の強化. */
  private static final String AREA =
      "  ?area rdfs:label ?areaLabel ; ckg:ordinal ?areaOrder .\n"
          + "  FILTER (lang(?areaLabel) = \"ja\")\n"
          + "  OPTIONAL { ?area ckg:sectionNumber ?areaNumber ; ckg:subSectionOf ?parentArea }\n"
          + "  BIND (IF(BOUND(?areaNumber), CONCAT(\"(\", STR(?areaNumber), \") \", ?areaLabel),"
          + " ?areaLabel) AS ?areaName)\n";

  /** A chart: what it shows, the question it answers, and its query. */
  record Chart(String id, String ja, String en, String question, String sparql) {}

  static final List<Chart> ALL =
      List.of(
          new Chart(
              "heatmap",
              "府省庁等×分野の記載数",
              "Progress entries by body and area",
              "どの府省庁等が、どの分野で進捗を報告しているか。Which bodies report progress in which areas?",
              "# 府省庁等×分野の主な進捗状況の記載数（共同の記載は各府省庁等に数える）\n"
                  + "# Progress entries by body and area (a joint entry counts for each body)\n"
                  + PREFIXES
                  + "SELECT ?body ?bodyName ?area ?areaName ?areaOrder"
                  + " (COUNT(DISTINCT ?entry) AS ?entries)\n"
                  + "WHERE {\n"
                  + "  ?entry a ckg:ProgressEntry ; prov:wasAttributedTo ?body ; ckg:inSection ?area .\n"
                  + "  OPTIONAL { ?body rdfs:label ?bodyLabel FILTER (lang(?bodyLabel) = \"ja\") }\n"
                  + "  BIND (COALESCE(?bodyLabel, STR(?body)) AS ?bodyName)\n"
                  + AREA
                  + "}\n"
                  + "GROUP BY ?body ?bodyName ?area ?areaName ?areaOrder\n"
                  + "ORDER BY ?bodyName ?areaOrder ?area\n"),
          new Chart(
              "status",
              "分野別の進捗区分",
              "Status of progress by area",
              "分野ごとに、実施済み・実施中・予定・検討中の記載はいくつあるか（複数の区分をもつ記載は各区分に数える）。"
                  + "How far along is each area?",
              "# 分野別・進捗区分別の主な進捗状況の記載数（複数の区分をもつ記載は各区分に数える）\n"
                  + "# Progress entries by area and status (an entry with several statuses counts for each)\n"
                  + PREFIXES
                  + "SELECT ?area ?areaName ?areaOrder ?status ?statusName"
                  + " (COUNT(DISTINCT ?entry) AS ?entries)\n"
                  + "WHERE {\n"
                  + "  ?entry a ckg:ProgressEntry ; ckg:inSection ?area ; ckg:status ?status .\n"
                  + "  OPTIONAL { ?status skos:prefLabel ?statusLabel"
                  + " FILTER (lang(?statusLabel) = \"ja\") }\n"
                  + "  BIND (COALESCE(?statusLabel, STR(?status)) AS ?statusName)\n"
                  + AREA
                  + "}\n"
                  + "GROUP BY ?area ?areaName ?areaOrder ?status ?statusName\n"
                  + "ORDER BY ?areaOrder ?area ?status\n"),
          new Chart(
              "timeline",
              "出来事の時間軸",
              "Dated events along a time axis",
              "報告が述べる公表・策定・施行などの出来事は、いつ（月・年度）に集中しているか。"
                  + "When did the events the report states happen, by month and fiscal year?",
              "# 日付（月）または年度・年をもつ出来事の数\n"
                  + "# Events by the month, fiscal year or year the text gives them\n"
                  + PREFIXES
                  + "SELECT ?period ?granularity (COUNT(DISTINCT ?event) AS ?events)\n"
                  + "WHERE {\n"
                  + "  ?event a ckg:Event .\n"
                  + "  { ?event ckg:date ?date . FILTER (STRLEN(STR(?date)) >= 7)\n"
                  + "    BIND (SUBSTR(STR(?date), 1, 7) AS ?period) BIND (\"month\" AS ?granularity) }\n"
                  + "  UNION\n"
                  + "  { ?event ckg:date ?date . FILTER (STRLEN(STR(?date)) = 4)\n"
                  + "    BIND (STR(?date) AS ?period) BIND (\"year\" AS ?granularity) }\n"
                  + "  UNION\n"
                  + "  { ?event ckg:fiscalYear/time:hasBeginning/time:inXSDDate ?begins .\n"
                  + "    BIND (SUBSTR(STR(?begins), 1, 4) AS ?period)"
                  + " BIND (\"fiscal-year\" AS ?granularity) }\n"
                  + "}\n"
                  + "GROUP BY ?period ?granularity\n"
                  + "ORDER BY ?granularity ?period\n"),
          new Chart(
              "statutes",
              "法令とそれを挙げる分野",
              "Statutes by the areas that name them",
              "どの法令が、どの分野の方向性や記載で挙げられているか。Which statutes does each area cite?",
              "# 法令ごとの、それを挙げる方向性・記載・冒頭記述の数（分野別。条は法令に数える）\n"
                  + "# Statutes by citing area: directions, entries and lead statements naming them\n"
                  + PREFIXES
                  + "SELECT ?law ?lawName ?area ?areaName ?areaOrder (COUNT(DISTINCT ?text) AS ?mentions)\n"
                  + "WHERE {\n"
                  + "  ?text ckg:mentions ?named ; ckg:inSection ?area .\n"
                  + "  ?named eli:is_part_of? ?law .\n"
                  + "  ?law a ckg:Statute ; rdfs:label ?lawName . FILTER (lang(?lawName) = \"ja\")\n"
                  + AREA
                  + "}\n"
                  + "GROUP BY ?law ?lawName ?area ?areaName ?areaOrder\n"
                  + "ORDER BY ?lawName ?areaOrder ?area\n"));

  private Charts() {}

  static Optional<Chart> byId(String id) {
    return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** A chart's answer: the variables and, per row, the lexical form or IRI of each binding. */
  record Table(List<String> vars, List<Map<String, String>> rows, String csv) {
    Table {
      vars = List.copyOf(vars);
      rows = List.copyOf(rows);
    }

    /** A number of a row (0 when unbound). */
    static long number(Map<String, String> row, String var) {
      String v = row.get(var);
      return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }
  }

  /** Runs the chart's query over the graph: the table it draws and its CSV. */
  static Table run(Chart c, Model graph) {
    try (QueryExecution qe = QueryExecution.create(c.sparql(), graph)) {
      ResultSetRewindable rs = ResultSetFactory.makeRewindable(qe.execSelect());
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      ResultSetFormatter.outputAsCSV(csv, rs);
      rs.reset();
      List<Map<String, String>> rows = new ArrayList<>();
      while (rs.hasNext()) {
        QuerySolution s = rs.next();
        Map<String, String> row = new LinkedHashMap<>();
        for (String v : rs.getResultVars()) {
          RDFNode n = s.get(v);
          row.put(
              v,
              n == null
                  ? ""
                  : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI());
        }
        rows.add(row);
      }
      return new Table(rs.getResultVars(), rows, csv.toString(StandardCharsets.UTF_8));
    }
  }

  /** The SVG of a chart, standalone (with the XML namespace). */
  static String svg(Chart c, Table t, Site site) {
    return switch (c.id()) {
      case "heatmap" -> heatmap(c, t, site);
      case "status" -> stacked(c, t, site);
      case "timeline" -> timeline(c, t);
      case "statutes" -> statutes(c, t, site);
      default -> throw new IllegalArgumentException("no chart " + c.id());
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing
  // ---------------------------------------------------------------------------------------------

  private static final String FONT =
      "IPAPGothic, IPAGothic, 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic', Meiryo, sans-serif";

  /** Colour-blind safe categories (Okabe and Ito), then greys. */
  static final List<String> PALETTE =
      List.of(
          "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
          "#999999", "#8C564B", "#17BECF", "#7F7F7F");

  /** The status colours of the badges, by the concept's local name. */
  static final Map<String, String> STATUS_COLOURS =
      Map.of(
          "done", "#2e8b57",
          "ongoing", "#2f6fb3",
          "planned", "#c9962b",
          "considering", "#a0468c");

  private static StringBuilder open(Chart c, int width, int height) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        // A group, not an image: its marks are links (an image's children are not reachable).
        .append("\" role=\"group\" aria-labelledby=\"")
        .append(c.id())
        .append("-title\" class=\"chart\" id=\"chart-")
        .append(c.id())
        .append("\" font-family=\"")
        .append(esc(FONT))
        .append("\" font-size=\"12\">\n<title id=\"")
        .append(c.id())
        .append("-title\">")
        .append(esc(c.ja() + " / " + c.en()))
        .append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    return b;
  }

  private static String text(double x, double y, String s, String anchor, String extra) {
    return "<text x=\""
        + fmt(x)
        + "\" y=\""
        + fmt(y)
        + "\" text-anchor=\""
        + anchor
        + "\""
        + extra
        + ">"
        + esc(s)
        + "</text>\n";
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  /**
   * A data mark: a rectangle that carries the row, column and value it draws ({@code data-*}, read
   * by the tests and by scripts) and says them in its title.
   */
  private static String mark(
      String cls,
      double x,
      double y,
      double width,
      double height,
      String paint,
      String row,
      String col,
      long value,
      String title) {
    return "<rect class=\""
        + cls
        + "\" x=\""
        + fmt(x)
        + "\" y=\""
        + fmt(y)
        + "\" width=\""
        + fmt(width)
        + "\" height=\""
        + fmt(height)
        + "\" "
        + paint
        + " data-row=\""
        + esc(row)
        + "\" data-col=\""
        + esc(col)
        + "\" data-value=\""
        + value
        + "\"><title>"
        + esc(title)
        + "</title></rect>";
  }

  /** The fill attribute of a mark. */
  private static String fill(String colour) {
    return "fill=\"" + colour + "\"";
  }

  /** A link around a mark, to the browse view of what it counts. */
  private static String a(String href) {
    return "<a href=\"" + esc(href) + "\">";
  }

  /** The areas of a table in report order: IRI → name. */
  private static Map<String, String> areas(Table t) {
    Map<String, Long> order = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      order.put(r.get("area"), Table.number(r, "areaOrder"));
      names.put(r.get("area"), r.get("areaName"));
    }
    Map<String, String> out = new LinkedHashMap<>();
    order.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), names.get(e.getKey())));
    return out;
  }

  static String heatmap(Chart c, Table t, Site site) {
    Map<String, String> areas = areas(t);
    Map<String, String> bodies = new LinkedHashMap<>();
    Map<String, Long> totals = new TreeMap<>();
    Map<String, Long> cells = new LinkedHashMap<>();
    long max = 1;
    for (Map<String, String> r : t.rows()) {
      bodies.put(r.get("body"), r.get("bodyName"));
      long n = Table.number(r, "entries");
      totals.merge(r.get("body"), n, Long::sum);
      cells.put(r.get("body") + " " + r.get("area"), n);
      max = Math.max(max, n);
    }
    List<String> rows = new ArrayList<>(bodies.keySet());
    rows.sort(Comparator.comparingLong((String b) -> -totals.get(b)).thenComparing(bodies::get));
    int left = 190;
    int top = 150;
    int cw = 62;
    int ch = 22;
    int width = left + cw * areas.size() + 70;
    int height = top + ch * rows.size() + 20;
    StringBuilder b = open(c, width, height);
    int col = 0;
    for (Map.Entry<String, String> a : areas.entrySet()) {
      double x = left + col * cw + cw / 2.0;
      b.append("<text x=\"0\" y=\"0\" transform=\"translate(")
          .append(fmt(x + 4))
          .append(' ')
          .append(top - 8)
          .append(") rotate(-50)\" text-anchor=\"start\">")
          .append(esc(shorten(a.getValue(), 16)))
          .append("<title>")
          .append(esc(a.getValue()))
          .append("</title></text>\n");
      col++;
    }
    b.append(text(left + cw * areas.size() + 35, top - 8, "計", "middle", " font-weight=\"bold\""));
    int row = 0;
    for (String body : rows) {
      double y = top + row * ch;
      b.append(a(site.local(body)))
          .append(
              text(
                  left - 8,
                  y + ch * 0.7,
                  shorten(bodies.get(body), 14),
                  "end",
                  " fill=\"#123a66\""))
          .append("</a>\n");
      col = 0;
      for (String area : areas.keySet()) {
        long n = cells.getOrDefault(body + " " + area, 0L);
        double x = left + col * cw;
        if (n > 0) {
          double share = (double) n / max;
          b.append(
                  a(
                      FacetPage.PATH
                          + "?kind=entry&body="
                          + FacetPage.encode(body)
                          + "&area="
                          + FacetPage.encode(area)))
              .append(
                  mark(
                      "cell",
                      x + 1,
                      y + 1,
                      cw - 2,
                      ch - 2,
                      fill(blue(share)),
                      body,
                      area,
                      n,
                      bodies.get(body) + " × " + areas.get(area) + ": " + n))
              .append(
                  text(
                      x + cw / 2.0,
                      y + ch * 0.7,
                      String.valueOf(n),
                      "middle",
                      share > 0.5 ? " fill=\"#ffffff\"" : " fill=\"#1d2430\""))
              .append("</a>\n");
        } else {
          b.append("<rect x=\"")
              .append(fmt(x + 1))
              .append("\" y=\"")
              .append(fmt(y + 1))
              .append("\" width=\"")
              .append(cw - 2)
              .append("\" height=\"")
              .append(ch - 2)
              .append("\" fill=\"#f4f6f9\"/>\n");
        }
        col++;
      }
      b.append(
          text(
              left + cw * areas.size() + 35,
              y + ch * 0.7,
              String.valueOf(totals.get(body)),
              "middle",
              " font-weight=\"bold\""));
      row++;
    }
    return b.append("</svg>\n").toString();
  }

  /** From a pale to a deep blue as {@code share} goes from 0 to 1. */
  static String blue(double share) {
    int[] from = {0xdd, 0xe8, 0xf5};
    int[] to = {0x12, 0x3a, 0x66};
    StringBuilder sb = new StringBuilder("#");
    for (int i = 0; i < 3; i++) {
      sb.append(
          String.format(Locale.ROOT, "%02x", Math.round(from[i] + (to[i] - from[i]) * share)));
    }
    return sb.toString();
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String stacked(Chart c, Table t, Site site) {
    Map<String, String> areas = areas(t);
    Map<String, String> statuses =
        new TreeMap<>(Comparator.comparingInt(Charts::statusRank).thenComparing(s -> s));
    Map<String, Long> cells = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      statuses.put(r.get("status"), r.get("statusName"));
      long n = Table.number(r, "entries");
      cells.put(r.get("area") + " " + r.get("status"), n);
      totals.merge(r.get("area"), n, Long::sum);
    }
    long max = Math.max(1, totals.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int left = 250;
    int top = 40;
    int bh = 24;
    int gap = 8;
    int plot = 560;
    int width = left + plot + 60;
    int height = top + (bh + gap) * areas.size() + 30;
    StringBuilder b = open(c, width, height);
    int i = 0;
    double lx = left;
    for (Map.Entry<String, String> s : statuses.entrySet()) {
      b.append("<rect x=\"")
          .append(fmt(lx))
          .append("\" y=\"10\" width=\"14\" height=\"14\" fill=\"")
          .append(statusColour(s.getKey(), i))
          .append("\"/>")
          .append(text(lx + 18, 22, s.getValue(), "start", ""));
      lx += 30 + s.getValue().length() * 13;
      i++;
    }
    int row = 0;
    for (Map.Entry<String, String> a : areas.entrySet()) {
      double y = top + row * (bh + gap);
      b.append(a(site.local(a.getKey())))
          .append(
              text(left - 8, y + bh * 0.7, shorten(a.getValue(), 20), "end", " fill=\"#123a66\""))
          .append("</a>\n");
      double x = left;
      int k = 0;
      for (String status : statuses.keySet()) {
        long n = cells.getOrDefault(a.getKey() + " " + status, 0L);
        if (n > 0) {
          double w = plot * (double) n / max;
          b.append(
                  a(
                      FacetPage.PATH
                          + "?kind=entry&area="
                          + FacetPage.encode(a.getKey())
                          + "&status="
                          + FacetPage.encode(status)))
              .append(
                  mark(
                      "bar",
                      x,
                      y,
                      w,
                      bh,
                      fill(statusColour(status, k)),
                      a.getKey(),
                      status,
                      n,
                      a.getValue() + " · " + statuses.get(status) + ": " + n));
          if (w >= 18) {
            b.append(
                text(x + w / 2, y + bh * 0.7, String.valueOf(n), "middle", " fill=\"#ffffff\""));
          }
          b.append("</a>\n");
          x += w;
        }
        k++;
      }
      b.append(text(x + 6, y + bh * 0.7, String.valueOf(totals.get(a.getKey())), "start", ""));
      row++;
    }
    return b.append("</svg>\n").toString();
  }

  private static int statusRank(String iri) {
    String code = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    int i = EntryCard.STATUS_CODES.indexOf(code);
    return i < 0 ? EntryCard.STATUS_CODES.size() : i;
  }

  private static String statusColour(String iri, int index) {
    String code = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    return STATUS_COLOURS.getOrDefault(code, PALETTE.get(index % PALETTE.size()));
  }

  static String timeline(Chart c, Table t) {
    Map<YearMonth, Long> months = new TreeMap<>();
    Map<Integer, Long> fiscal = new TreeMap<>();
    Map<Integer, Long> years = new TreeMap<>();
    for (Map<String, String> r : t.rows()) {
      long n = Table.number(r, "events");
      String p = r.get("period");
      switch (r.get("granularity")) {
        case "month" -> months.put(YearMonth.parse(p), n);
        case "fiscal-year" -> fiscal.put(Integer.parseInt(p), n);
        case "year" -> years.put(Integer.parseInt(p), n);
        default -> {}
      }
    }
    YearMonth first = null;
    YearMonth last = null;
    for (YearMonth m : months.keySet()) {
      first = first == null || m.isBefore(first) ? m : first;
      last = last == null || m.isAfter(last) ? m : last;
    }
    for (int fy : fiscal.keySet()) {
      YearMonth a = YearMonth.of(fy, 4);
      YearMonth z = YearMonth.of(fy + 1, 3);
      first = first == null || a.isBefore(first) ? a : first;
      last = last == null || z.isAfter(last) ? z : last;
    }
    for (int y : years.keySet()) {
      YearMonth a = YearMonth.of(y, 1);
      YearMonth z = YearMonth.of(y, 12);
      first = first == null || a.isBefore(first) ? a : first;
      last = last == null || z.isAfter(last) ? z : last;
    }
    int left = 60;
    int width = 960;
    int top = 30;
    int plotH = 170;
    int bandH = 26;
    int bands = (fiscal.isEmpty() ? 0 : 1) + (years.isEmpty() ? 0 : 1);
    int height = top + plotH + 40 + bands * (bandH + 10) + 10;
    StringBuilder b = open(c, width, height);
    if (first == null) {
      b.append(text(width / 2.0, height / 2.0, "日付のある出来事はありません", "middle", ""));
      return b.append("</svg>\n").toString();
    }
    first = YearMonth.of(first.getYear(), 1);
    last = YearMonth.of(last.getYear(), 12);
    long slots = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    double sw = (width - left - 20) / (double) slots;
    long max = Math.max(1, months.values().stream().mapToLong(Long::longValue).max().orElse(1));
    double base = top + plotH;
    // Axis: a tick per year, labelled, and the count scale.
    for (int y = first.getYear(); y <= last.getYear(); y++) {
      double x = left + first.until(YearMonth.of(y, 1), java.time.temporal.ChronoUnit.MONTHS) * sw;
      b.append("<line x1=\"")
          .append(fmt(x))
          .append("\" y1=\"")
          .append(top)
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y2=\"")
          .append(fmt(base + 6))
          .append("\" stroke=\"#d9dee5\"/>\n")
          .append(text(x + 6 * sw, base + 20, y + "年", "middle", ""));
    }
    b.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(fmt(base))
        .append("\" x2=\"")
        .append(width - 20)
        .append("\" y2=\"")
        .append(fmt(base))
        .append("\" stroke=\"#5a6472\"/>\n")
        .append(text(left - 8, top + 10, String.valueOf(max), "end", ""))
        .append(text(left - 8, base, "0", "end", ""))
        .append(text(4, top - 12, "月ごとの出来事 (events by month)", "start", " font-weight=\"bold\""));
    for (Map.Entry<YearMonth, Long> m : months.entrySet()) {
      double x = left + first.until(m.getKey(), java.time.temporal.ChronoUnit.MONTHS) * sw;
      double h = plotH * (double) m.getValue() / max;
      b.append(a(FacetPage.PATH + "?kind=entry&month=" + m.getKey()))
          .append(
              mark(
                  "bar",
                  x + 1,
                  base - h,
                  Math.max(1, sw - 2),
                  h,
                  fill("#2f6fb3"),
                  "month",
                  m.getKey().toString(),
                  m.getValue(),
                  m.getKey() + ": " + m.getValue()))
          .append("</a>\n");
    }
    double y = base + 36;
    for (Map.Entry<String, Map<Integer, Long>> band :
        List.of(Map.entry("fiscal-year", fiscal), Map.entry("year", years))) {
      if (band.getValue().isEmpty()) {
        continue;
      }
      boolean fy = band.getKey().equals("fiscal-year");
      b.append(text(left - 8, y + bandH * 0.7, fy ? "年度" : "年", "end", " font-weight=\"bold\""));
      for (Map.Entry<Integer, Long> p : band.getValue().entrySet()) {
        YearMonth a = fy ? YearMonth.of(p.getKey(), 4) : YearMonth.of(p.getKey(), 1);
        double x = left + first.until(a, java.time.temporal.ChronoUnit.MONTHS) * sw;
        String label = fy ? p.getKey() + "年度: " + p.getValue() : p.getKey() + "年: " + p.getValue();
        b.append(fy ? a(FacetPage.PATH + "?kind=entry&fy=" + p.getKey()) : "")
            .append(
                mark(
                    "band",
                    x + 1,
                    y,
                    12 * sw - 2,
                    bandH,
                    fill(fy ? "#e6f0fb" : "#fdf3dc")
                        + " stroke=\""
                        + (fy ? "#2f6fb3" : "#c9962b")
                        + "\"",
                    band.getKey(),
                    String.valueOf(p.getKey()),
                    p.getValue(),
                    label))
            .append(text(x + 6 * sw, y + bandH * 0.7, label, "middle", " fill=\"#1d2430\""))
            .append(fy ? "</a>" : "")
            .append('\n');
      }
      y += bandH + 10;
    }
    return b.append("</svg>\n").toString();
  }

  static String statutes(Chart c, Table t, Site site) {
    Map<String, String> areas = areas(t);
    Map<String, String> laws = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    Map<String, Long> cells = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      laws.put(r.get("law"), r.get("lawName"));
      long n = Table.number(r, "mentions");
      totals.merge(r.get("law"), n, Long::sum);
      cells.put(r.get("law") + " " + r.get("area"), n);
    }
    List<String> rows = new ArrayList<>(laws.keySet());
    rows.sort(Comparator.comparingLong((String l) -> -totals.get(l)).thenComparing(laws::get));
    long max = Math.max(1, totals.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int left = 330;
    int plot = 420;
    int bh = 18;
    int gap = 6;
    int legendRows = (areas.size() + 2) / 3;
    int top = 16 + legendRows * 20 + 10;
    int width = left + plot + 60;
    int height = top + rows.size() * (bh + gap) + 10;
    StringBuilder b = open(c, width, height);
    Map<String, String> colour = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, String> a : areas.entrySet()) {
      String col = PALETTE.get(i % PALETTE.size());
      colour.put(a.getKey(), col);
      double lx = 10 + (i % 3) * 260;
      double ly = 10 + (i / 3) * 20;
      b.append("<rect x=\"")
          .append(fmt(lx))
          .append("\" y=\"")
          .append(fmt(ly))
          .append("\" width=\"12\" height=\"12\" fill=\"")
          .append(col)
          .append("\"/>")
          .append(text(lx + 16, ly + 11, shorten(a.getValue(), 18), "start", ""));
      i++;
    }
    int row = 0;
    for (String law : rows) {
      double y = top + row * (bh + gap);
      b.append(a(site.local(law)))
          .append(
              text(left - 8, y + bh * 0.75, shorten(laws.get(law), 26), "end", " fill=\"#123a66\""))
          .append("</a>\n");
      double x = left;
      for (String area : areas.keySet()) {
        long n = cells.getOrDefault(law + " " + area, 0L);
        if (n == 0) {
          continue;
        }
        double w = plot * (double) n / max;
        b.append(
                a(
                    FacetPage.PATH
                        + "?kind=entry&law="
                        + FacetPage.encode(law)
                        + "&area="
                        + FacetPage.encode(area)))
            .append(
                mark(
                    "bar",
                    x,
                    y,
                    w,
                    bh,
                    fill(colour.get(area)),
                    law,
                    area,
                    n,
                    laws.get(law) + " · " + areas.get(area) + ": " + n))
            .append("</a>\n");
        x += w;
      }
      b.append(text(x + 6, y + bh * 0.75, String.valueOf(totals.get(law)), "start", ""));
      row++;
    }
    return b.append("</svg>\n").toString();
  }

  // ---------------------------------------------------------------------------------------------
  // The page
  // ---------------------------------------------------------------------------------------------

  /** The charts page: each chart with its question, its SVG, its CSV and its SPARQL. */
  static String page(Model graph, Site site, Citation.Context ctx) {
    StringBuilder b = new StringBuilder(131_072);
    b.append("<article class=\"charts\">\n<h1>グラフ <span lang=\"en\">Charts</span></h1>\n")
        .append("<p>各グラフはひとつの SPARQL クエリの答えを描いたもの。数値は CSV と同じ。")
        .append("図の要素をクリックすると、その記載の一覧へ。")
        .append(
            "<span lang=\"en\">Each chart draws the answer of one SPARQL query; its numbers are")
        .append(
            " its CSV. Click a mark to browse what it counts.</span></p>\n<nav class=\"toc\"><ul>");
    for (Chart c : ALL) {
      b.append("<li>").append(Html.link("#" + c.id(), c.ja())).append("</li>");
    }
    b.append("</ul></nav>\n");
    for (Chart c : ALL) {
      Table t = run(c, graph);
      b.append("<section class=\"chart\" id=\"")
          .append(c.id())
          .append("\">\n<h2>")
          .append(esc(c.ja()))
          .append(" <span lang=\"en\">")
          .append(esc(c.en()))
          .append("</span></h2>\n<p class=\"question\">")
          .append(esc(c.question()))
          .append("</p>\n<div class=\"figure\">")
          .append(
              svg(c, t, site).replaceFirst("^<svg xmlns=\"http://www.w3.org/2000/svg\" ", "<svg "))
          .append("</div>\n<p class=\"chart-links\">")
          .append(Html.link(PATH + "/" + c.id() + ".csv", "CSV"))
          .append(" · ")
          .append(Html.link(PATH + "/" + c.id() + ".svg", "SVG"))
          .append(" · ")
          .append(Html.link(FacetPage.editorHref(c.sparql(), c.id()), "SPARQL（エディタで開く）"))
          .append(" <span class=\"count\">")
          .append(t.rows().size())
          .append(" 行 rows</span></p>\n<details><summary>SPARQL</summary><pre>")
          .append(esc(c.sparql()))
          .append("</pre></details>\n</section>\n");
    }
    b.append("</article>\n");
    List<String> credits = site.reports().stream().map(Site.ReportInfo::credit).toList();
    return Html.page(
        "グラフ",
        b.toString(),
        credits,
        "",
        Citation.orNull(ctx, site.datasetIri(), Citation.DATASET_JA, credits, site));
  }
}
