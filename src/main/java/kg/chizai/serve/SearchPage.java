package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kg.chizai.rdf.CKG;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

/**
 * The full-text search page ({@code /search?q=…}): a pure function of the query, its hits and the
 * facts about the things hit. Matched words are marked in the hit text; every text is escaped.
 */
final class SearchPage {

  /** One hit: the thing, the literal that matched, its score. */
  record Hit(String iri, String literal, String lang, double score) {}

  private SearchPage() {}

  /** The search words: the input split on white space (ASCII or full-width). */
  static List<String> words(String q) {
    List<String> out = new ArrayList<>();
    for (String w : q.strip().split("[\\s\\u3000]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The Lucene query: every word as a phrase (compound-safe), all required. */
  static String luceneQuery(List<String> words) {
    List<String> phrases = new ArrayList<>();
    for (String w : words) {
      phrases.add('"' + w.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    return String.join(" AND ", phrases);
  }

  /** The SPARQL that the search runs, for people to copy. */
  static String sparql(String luceneQuery, int limit) {
    String lit = luceneQuery.replace("\\", "\\\\").replace("\"", "\\\"");
    return "PREFIX text: <http://jena.apache.org/text#>\n"
        + "PREFIX ckg:  <"
        + CKG.NS
        + ">\n\n"
        + "SELECT ?s ?score ?literal\n"
        + "WHERE {\n"
        + "  (?s ?score ?literal) text:query (\""
        + lit
        + "\" "
        + limit
        + ") .\n"
        + "}\n"
        + "ORDER BY DESC(?score) ?s\n";
  }

  static String render(String q, List<Hit> hits, Model context, String sparql, Site site) {
    return render(q, hits, context, sparql, site, null);
  }

  /** The page with a "cite this" block ({@code cite} may be null). */
  static String render(
      String q, List<Hit> hits, Model context, String sparql, Site site, Citation.Context cite) {
    Labels labels = new Labels(context, site.ontology());
    List<String> words = words(q);
    StringBuilder b = new StringBuilder(16_384);
    b.append(
            "<article class=\"search\">\n<h1>全文検索 <span lang=\"en\">Full-text search</span></h1>\n")
        .append("<form class=\"search big\" action=\"")
        .append(Site.SEARCH_PATH)
        .append("\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"")
        .append(esc(q))
        .append("\" aria-label=\"全文検索\"><button type=\"submit\">検索</button></form>\n");
    if (!words.isEmpty()) {
      // One row per thing, however many of its texts match, best score first.
      Map<String, List<Hit>> byThing = new LinkedHashMap<>();
      for (Hit h : hits) {
        byThing.computeIfAbsent(h.iri(), k -> new ArrayList<>()).add(h);
      }
      b.append("<p class=\"summary\">「")
          .append(esc(q.strip()))
          .append("」: <span class=\"hits\">")
          .append(byThing.size())
          .append("</span> 件 <span lang=\"en\">things</span>")
          .append(" <span class=\"count\">（一致したテキスト ")
          .append(hits.size())
          .append(" <span lang=\"en\">matching texts</span>）</span></p>\n<ol class=\"hits\">\n");
      for (Map.Entry<String, List<Hit>> e : byThing.entrySet()) {
        String iri = e.getKey();
        Labels.Name n = labels.name(iri);
        b.append("<li>").append(ResourcePage.resourceLink(iri, labels, site));
        for (Statement t : context.getResource(iri).listProperties(RDF.type).toList()) {
          RDFNode o = t.getObject();
          if (o.isURIResource()) {
            b.append(" <span class=\"type\">")
                .append(esc(labels.name(o.asResource().getURI()).ja()))
                .append("</span>");
          }
        }
        for (Resource entry :
            context.listSubjectsWithProperty(CKG.hasItem, context.getResource(iri)).toList()) {
          if (entry.isURIResource()) {
            b.append(" <span class=\"of\">— ")
                .append(ResourcePage.resourceLink(entry.getURI(), labels, site))
                .append("</span>");
          }
        }
        Set<String> shown = new LinkedHashSet<>();
        for (Hit h : e.getValue()) {
          if (!n.ja().equals(h.literal()) && shown.add(h.literal())) {
            b.append("<p class=\"snippet\"")
                .append(h.lang().isEmpty() ? "" : " lang=\"" + esc(h.lang()) + "\"")
                .append(">")
                .append(mark(h.literal(), words))
                .append("</p>");
          }
        }
        b.append("</li>\n");
      }
      b.append("</ol>\n");
      b.append("<details class=\"sparql\"><summary>SPARQL</summary><pre>")
          .append(esc(sparql))
          .append("</pre><p>")
          .append(
              Html.link(
                  "/?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8),
                  "クエリ画面で開く / open in the query editor"))
          .append("</p></details>\n");
    } else {
      b.append("<p>語を入力してください。複数の語は空白で区切るとすべてを含むものを探します。")
          .append("<span lang=\"en\">Enter words; several words separated by spaces must all")
          .append(" occur.</span></p>\n");
    }
    b.append("</article>\n");
    String title = words.isEmpty() ? "全文検索" : "「" + q.strip() + "」の検索結果";
    List<String> credits = site.reports().stream().map(Site.ReportInfo::credit).toList();
    return Html.page(
        title,
        b.toString(),
        credits,
        "",
        Citation.orNull(cite, site.datasetIri(), Citation.DATASET_JA, credits, site));
  }

  /**
   * The text, escaped, with every occurrence of a search word in {@code <mark>}. Words and text are
   * compared folded as the index folds them (NFKC and lower case), so 生成ＡＩ marks 生成AI.
   */
  static String mark(String text, List<String> words) {
    // The folded text, and for each of its chars the index in the text of the char it came from.
    StringBuilder folded = new StringBuilder(text.length());
    List<Integer> from = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String f = fold(new String(Character.toChars(cp)));
      folded.append(f);
      for (int k = 0; k < f.length(); k++) {
        from.add(i);
      }
      i += Character.charCount(cp);
    }
    String lower = folded.toString();
    boolean[] marked = new boolean[text.length()];
    for (String w : words) {
      String lw = fold(w);
      for (int i = lower.indexOf(lw); i >= 0 && !lw.isEmpty(); i = lower.indexOf(lw, i + 1)) {
        int start = from.get(i);
        int endFolded = i + lw.length() - 1;
        int last = from.get(endFolded);
        int end = last + Character.charCount(text.codePointAt(last));
        for (int k = start; k < end; k++) {
          marked[k] = true;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && marked[j] == marked[i]) {
        j++;
      }
      String part = esc(text.substring(i, j));
      sb.append(marked[i] ? "<mark>" + part + "</mark>" : part);
      i = j;
    }
    return sb.toString();
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
