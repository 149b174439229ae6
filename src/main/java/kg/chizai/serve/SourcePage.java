package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kg.chizai.rdf.CKG;
import kg.chizai.source.SourceText;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

/**
 * A source report as it was read ({@code /source/<file>}): every line numbered and anchored ({@code
 * #L240}), with links from each line to the things of the graph that start there (the direction or
 * entry it became), so a reader can check any fact against the text it came from. A pure function
 * of the text and the graph; every line is escaped.
 */
final class SourcePage {

  /** Where source files are served. */
  static final String PATH = "/source/";

  private SourcePage() {}

  /** The URL of line {@code line} of {@code file}. */
  static String href(String file, int line) {
    return PATH + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20") + "#L" + line;
  }

  /**
   * Renders the source of {@code report} (an IRI of the graph whose {@code ckg:sourceFile} is the
   * text's name).
   */
  static String render(
      SourceText text, String report, Model graph, Site site, Citation.Context cite) {
    Labels labels = new Labels(graph, site.ontology());
    Resource r = graph.getResource(report);
    Map<Integer, List<Resource>> starts = new TreeMap<>();
    for (Resource t : Facts.subjects(graph, CKG.inReport, r)) {
      Facts.integer(t, CKG.lineStart)
          .ifPresent(n -> starts.computeIfAbsent(n, k -> new ArrayList<>()).add(t));
    }
    Labels.Name title = labels.name(report);
    StringBuilder b = new StringBuilder(text.lines().size() * 120 + 1024);
    b.append("<article class=\"source-text\">\n<h1>原文 <span lang=\"en\">Source text</span></h1>\n")
        .append("<p>")
        .append(Html.link(site.local(report), title.ja(), report))
        .append(" · <code>")
        .append(esc(Facts.string(r, CKG.sourceFile).orElse(text.name())))
        .append("</code> · ")
        .append(text.lines().size())
        .append("行 <span lang=\"en\">lines</span> · SHA-256 <code>")
        .append(esc(text.sha256()))
        .append("</code></p>\n");
    Facts.string(r, CKG.sourceSha256)
        .filter(sha -> !sha.equals(text.sha256()))
        .ifPresent(
            sha ->
                b.append("<p class=\"warning\">このファイルはデータの変換元と一致しません。")
                    .append(
                        "<span lang=\"en\">This file differs from the one the data was converted")
                    .append(" from (SHA-256 ")
                    .append(esc(sha))
                    .append(").</span></p>\n"));
    b.append("<ol class=\"lines\">\n");
    for (int i = 1; i <= text.lines().size(); i++) {
      b.append("<li id=\"L")
          .append(i)
          .append("\"><a class=\"ln\" href=\"#L")
          .append(i)
          .append("\">");
      b.append(i).append("</a><span class=\"line\">").append(esc(text.line(i))).append("</span>");
      List<Resource> here = starts.get(i);
      if (here != null) {
        here.sort(Facts.DOCUMENT_ORDER);
        for (Resource t : here) {
          b.append(" <a class=\"thing\" href=\"")
              .append(esc(site.local(t.getURI())))
              .append("\">")
              .append(esc(labels.name(t.getURI()).ja()))
              .append("</a>");
        }
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n</article>\n");
    List<String> credits = site.report(report).map(rep -> List.of(rep.credit())).orElse(List.of());
    return Html.page(
        "原文 " + text.name(),
        b.toString(),
        credits,
        "",
        Citation.orNull(cite, report, title.ja() + "（原文）", credits, site));
  }
}
