package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * The landing page ({@code /}), a pure function of the {@link Site}: what the dataset is, its
 * reports, counts by class, the sections, a search box, the example queries (each opens in the
 * query editor and runs), the YASGUI query editor pointed at {@code /sparql}, and the endpoints.
 */
final class LandingPage {

  /** The query the editor starts with. */
  static final String DEFAULT_QUERY =
      """
      PREFIX ckg:  <https://w3id.org/chizai-kg/def#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

      # 方向性とその原文、分野、行番号 (plan directions with their text, area and lines)
      SELECT ?direction ?text ?area ?line
      WHERE {
        ?direction a ckg:Direction ;
                   ckg:sourceText ?text ;
                   ckg:lineStart ?line ;
                   ckg:inSection/rdfs:label ?area .
      }
      ORDER BY ?line
      LIMIT 20
      """;

  private LandingPage() {}

  static String render(Site site) {
    return render(site, ReleaseOffer.State.NONE, null);
  }

  /**
   * The page: at the top, what the dataset is, its sections with counts, the charts and the
   * downloads (all above the fold on a laptop screen); then ways in (browse, search), the example
   * queries grouped by topic, the query editor, the endpoints and the counts by class.
   */
  static String render(Site site, ReleaseOffer.State offered, Citation.Context ctx) {
    Optional<Downloads> downloads = offered.downloads();
    Labels labels = new Labels(ModelFactory.createDefaultModel(), site.ontology());
    StringBuilder b = new StringBuilder(32_768);
    b.append("<article class=\"landing\">\n<div class=\"intro\" id=\"what\">\n")
        .append("<h1>知財KG <span lang=\"en\">chizai-kg</span> — 知的財産推進計画の進捗状況</h1>\n")
        .append("<p lang=\"ja\">知的財産戦略本部の「知的財産推進計画」の進捗状況報告を、")
        .append("リンクトデータ（RDF）にしたもの。計画の方向性、府省庁等による主な進捗状況の記載、")
        .append("その進捗区分・日付・挙げる法令を、すべて原文の行とともに収める。</p>\n")
        .append("<p lang=\"en\">The progress reports on Japan's Intellectual Property Strategic")
        .append(" Program as linked data: plan directions, the ministries' progress entries, their")
        .append(" status, dates and the statutes they name, every fact pointing back to its source")
        .append(" lines.</p>\n");
    b.append("<form class=\"search big\" action=\"")
        .append(Site.SEARCH_PATH)
        .append("\" method=\"get\" role=\"search\">")
        .append("<input type=\"search\" name=\"q\" placeholder=\"全文検索（例：海賊版、生成AI）\"")
        .append(" aria-label=\"全文検索 full-text search\">")
        .append("<button type=\"submit\">検索 <span lang=\"en\">Search</span></button>")
        .append(" <a href=\"")
        .append(FacetPage.PATH)
        .append("\">条件で絞り込む <span lang=\"en\">browse by body, area, status…</span></a></form>\n")
        .append("</div>\n<div class=\"top\">\n");
    sections(b, site);
    charts(b);
    downloads(b, offered);
    b.append("</div>\n");

    examples(b, site);

    b.append("<section id=\"editor\">\n<h2>SPARQL クエリ <span lang=\"en\">Query editor</span></h2>\n")
        .append("<p class=\"share\"><a id=\"share-link\" href=\"/#editor\">この問い合わせへのリンク")
        .append(" <span lang=\"en\">link to this query</span></a></p>\n")
        .append("<div id=\"yasgui\" data-endpoint=\"")
        .append(Site.SPARQL_PATH)
        .append("\" data-base=\"")
        .append(esc(site.base()))
        .append("\" data-prefixes=\"")
        .append(esc(prefixesJson()))
        .append("\" data-query=\"")
        .append(esc(DEFAULT_QUERY))
        .append("\"></div>\n")
        .append("<noscript><form action=\"")
        .append(Site.SPARQL_PATH)
        .append("\" method=\"post\"><textarea name=\"query\" rows=\"12\" cols=\"80\"")
        .append(" aria-label=\"SPARQL\">")
        .append(esc(DEFAULT_QUERY))
        .append("</textarea><br><button type=\"submit\">実行 Run</button></form></noscript>\n")
        .append("</section>\n");

    endpoints(b, site);

    b.append(
            "<section id=\"counts\">\n<details><summary>件数 <span lang=\"en\">Counts by class</span>")
        .append("</summary>\n<table class=\"kv counts\">\n");
    for (Site.ClassCount c : site.classCounts()) {
      b.append("<tr><th>")
          .append(ResourcePage.term(c.iri(), labels, site))
          .append("</th><td class=\"num\">")
          .append(c.count())
          .append("</td></tr>\n");
    }
    b.append("<tr><th>トリプル <span lang=\"en\">triples (all graphs)</span></th><td class=\"num\">")
        .append(site.quadCount())
        .append("</td></tr>\n</table>\n</details>\n</section>\n");
    b.append("</article>\n");
    String head =
        "<link rel=\"stylesheet\" href=\"/assets/yasgui/yasgui.min.css\">\n"
            + "<script src=\"/assets/yasgui/yasgui.min.js\" defer></script>\n"
            + "<script src=\"/assets/chizai.js\" defer></script>\n"
            + "<script src=\"/assets/editor.js\" defer></script>\n";
    List<String> credits = site.reports().stream().map(Site.ReportInfo::credit).toList();
    return Html.page(
        "知的財産推進計画の進捗状況 linked data",
        b.toString(),
        credits,
        head,
        Citation.orNull(
            ctx,
            downloads.map(Downloads::datasetIri).orElse(site.datasetIri()),
            Citation.DATASET_JA,
            credits,
            site));
  }

  /** The prefixes the editor shortens IRIs with, as a JSON object. */
  static String prefixesJson() {
    StringBuilder sb = new StringBuilder("{");
    Namespaces.prefixes().getNsPrefixMap().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              if (sb.length() > 1) {
                sb.append(',');
              }
              sb.append('"')
                  .append(e.getKey())
                  .append("\":\"")
                  .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                  .append('"');
            });
    return sb.append('}').toString();
  }

  /** The charts as small pictures, each linked to its full view. */
  private static void charts(StringBuilder b) {
    b.append("<section id=\"charts\" class=\"box\">\n<h2>")
        .append(Html.link(Charts.PATH, "グラフ"))
        .append(" <span lang=\"en\">Charts</span></h2>\n<ul class=\"thumbs\">\n");
    for (Charts.Chart c : Charts.ALL) {
      b.append("<li><a href=\"")
          .append(Charts.PATH)
          .append('#')
          .append(c.id())
          .append("\"><img src=\"")
          .append(Charts.PATH)
          .append('/')
          .append(c.id())
          .append(".svg\" alt=\"")
          .append(esc(c.ja() + " " + c.en()))
          .append("\" loading=\"lazy\"><span>")
          .append(esc(c.ja()))
          .append("</span></a></li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  /** The release's files, each with its size; the rest is on the downloads page. */
  private static void downloads(StringBuilder b, ReleaseOffer.State offered) {
    b.append("<section id=\"downloads\" class=\"box\">\n<h2>")
        .append(Html.link(DownloadsPage.PATH, "ダウンロード"))
        .append(" <span lang=\"en\">Downloads</span></h2>\n");
    if (offered.preparing()) {
      b.append("<p role=\"status\">リリースを準備中 <span lang=\"en\">release being prepared</span></p>\n")
          .append("</section>\n");
      return;
    }
    Optional<Downloads> downloads = offered.downloads();
    if (downloads.isEmpty()) {
      b.append("<p>")
          .append(Html.link(DownloadsPage.PATH, "リリースの作り方 how to make a release"))
          .append("</p>\n</section>\n");
      return;
    }
    Downloads d = downloads.get();
    b.append("<p>版 <span lang=\"en\">release</span> <strong>")
        .append(esc(d.version()))
        .append("</strong> · CC BY 4.0</p>\n<ul class=\"dumps\">\n");
    for (Downloads.File f : d.files()) {
      if (f.name().startsWith("chizai-kg.")) {
        b.append("<li><a download href=\"")
            .append(esc(d.href(f.name())))
            .append("\">")
            .append(esc(f.name()))
            .append("</a> <span class=\"count\">")
            .append(esc(DownloadsPage.size(f.size())))
            .append("</span></li>\n");
      }
    }
    b.append("</ul>\n<p>")
        .append(Html.link(DownloadsPage.PATH, "全ファイルと SHA-256"))
        .append(" · ")
        .append(Html.link(DownloadsPage.VOID_PATH, "VoID"))
        .append(" · ")
        .append(Html.link(Site.SPARQL_PATH, "SPARQL"))
        .append("</p>\n</section>\n");
  }

  private static void sections(StringBuilder b, Site site) {
    b.append(
        "<section id=\"sections\" class=\"box\">\n<h2>章・分野 <span lang=\"en\">Sections</span></h2>\n");
    for (Site.ReportInfo r : site.reports()) {
      List<Site.SectionInfo> ofReport =
          site.sections().stream().filter(s -> s.report().equals(r.iri())).toList();
      b.append("<p class=\"report\">")
          .append(Html.link(site.local(r.iri()), r.title(), r.iri()))
          .append(r.issued().flatMap(Site::wareki).map(w -> "（" + esc(w) + "）").orElse(""))
          .append("</p>\n<ul class=\"sections\">\n");
      for (Site.SectionInfo s : ofReport) {
        if (s.parent().isPresent()
            && ofReport.stream().anyMatch(p -> p.iri().equals(s.parent().get()))) {
          continue;
        }
        section(b, s, ofReport, site);
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
  }

  private static void section(
      StringBuilder b, Site.SectionInfo s, List<Site.SectionInfo> all, Site site) {
    List<Site.SectionInfo> children =
        all.stream().filter(c -> c.parent().equals(Optional.of(s.iri()))).toList();
    b.append("<li>")
        .append(
            Html.link(
                site.local(s.iri()),
                s.number().map(n -> (children.isEmpty() ? "(" + n + ") " : n + ". ")).orElse("")
                    + s.title(),
                s.iri()));
    if (children.isEmpty() || s.directions() + s.entries() > 0) {
      b.append(" <span class=\"count\" title=\"方向性 directions · 記載 entries\">")
          .append(s.directions())
          .append(" · ")
          .append(s.entries())
          .append("</span>");
    }
    if (!children.isEmpty()) {
      b.append("\n<ul>\n");
      for (Site.SectionInfo c : children) {
        section(b, c, all, site);
      }
      b.append("</ul>\n");
    }
    b.append("</li>\n");
  }

  /** Where an example opens: {@code /?example=name}, redirected to the editor with its text. */
  static String exampleHref(ExampleQuery q) {
    return "/?example=" + FacetPage.encode(q.name());
  }

  /** The example queries, grouped by topic, each titled in Japanese and English. */
  private static void examples(StringBuilder b, Site site) {
    if (site.examples().isEmpty()) {
      return;
    }
    b.append("<section id=\"examples\">\n<h2>クエリの例 <span lang=\"en\">Example queries</span></h2>\n")
        .append("<p>問いをクリックするとエディタで開いて実行します。")
        .append("<span lang=\"en\">Click a question to open and run it in the editor.</span></p>\n")
        .append("<div class=\"topics\">\n");
    Map<String, List<ExampleQuery>> byTopic = new LinkedHashMap<>();
    site.examples().stream()
        .sorted(
            Comparator.comparing((ExampleQuery q) -> q.topic().isEmpty() ? "\uffff" : q.topic()))
        .forEach(q -> byTopic.computeIfAbsent(q.topic(), k -> new ArrayList<>()).add(q));
    for (Map.Entry<String, List<ExampleQuery>> t : byTopic.entrySet()) {
      b.append("<section class=\"topic\">\n<h3>")
          .append(esc(t.getKey().isEmpty() ? "その他 / Other" : t.getKey()))
          .append("</h3>\n<ol class=\"examples\">\n");
      for (ExampleQuery q : t.getValue()) {
        b.append("<li><a class=\"example\" data-name=\"")
            .append(esc(q.name()))
            .append("\" href=\"")
            .append(esc(exampleHref(q)))
            .append("\">")
            .append(esc(q.questionJa().isEmpty() ? q.question() : q.questionJa()))
            .append("</a>");
        if (!q.questionJa().isEmpty()) {
          b.append("<br><span lang=\"en\">").append(esc(q.question())).append("</span>");
        }
        b.append(" <details><summary><code>")
            .append(esc(q.name()))
            .append(".rq</code></summary><pre>")
            .append(esc(q.text()))
            .append("</pre></details></li>\n");
      }
      b.append("</ol>\n</section>\n");
    }
    b.append("</div>\n</section>\n");
  }

  private static void endpoints(StringBuilder b, Site site) {
    long seconds = site.timeout().toSeconds();
    b.append(
            "<section id=\"endpoints\">\n<h2>エンドポイント <span lang=\"en\">Endpoints</span></h2>\n<table class=\"kv\">\n")
        .append("<tr><th><code>")
        .append(Site.SPARQL_PATH)
        .append("</code></th><td>SPARQL 1.1 クエリ（GET・POST、読み取り専用）。")
        .append(
            "<span lang=\"en\">SPARQL query, read-only; JSON, XML, CSV, TSV; Turtle, JSON-LD, N-Triples.")
        .append(" Timeout ")
        .append(seconds)
        .append(" s, at most ")
        .append(site.maxRows())
        .append(" rows (header <code>")
        .append(LimitedQuery.RESULT_LIMIT)
        .append("</code> when capped).</span></td></tr>\n")
        .append("<tr><th><code>")
        .append(Site.DATA_PATH)
        .append("</code></th><td>Graph Store Protocol（読み取り専用）")
        .append(" <code>?graph=IRI</code>, <code>?default</code></td></tr>\n")
        .append("<tr><th><code>")
        .append(Site.SEARCH_PATH)
        .append("?q=</code></th><td>全文検索 <span lang=\"en\">full-text search</span>")
        .append(" (SPARQL: <code>text:query</code>)</td></tr>\n")
        .append("<tr><th><code>/id/…</code></th><td>")
        .append(esc(site.base()))
        .append("id/… の各資源（HTML・Turtle・JSON-LD・N-Triples・RDF/XML、")
        .append("<code>Accept</code> または <code>?format=</code>）</td></tr>\n")
        .append(
            "<tr><th><code>/def</code></th><td>オントロジー <span lang=\"en\">ontology</span></td></tr>\n")
        .append("</table>\n</section>\n");
  }
}
