package kg.chizai.serve;

import java.util.List;
import java.util.Locale;

/**
 * HTML building blocks shared by the pages: escaping (every text and attribute value goes through
 * {@link #esc}), links that never carry a script URL, and the page shell.
 */
final class Html {

  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A link; an href that is neither a local path nor http(s) is not linked, only shown. */
  static String link(String href, String text) {
    return link(href, text, null);
  }

  static String link(String href, String text, String title) {
    if (!safeHref(href)) {
      return esc(text);
    }
    return "<a href=\""
        + esc(href)
        + "\""
        + (title == null ? "" : " title=\"" + esc(title) + "\"")
        + ">"
        + esc(text)
        + "</a>";
  }

  static boolean safeHref(String href) {
    String h = href.toLowerCase(Locale.ROOT);
    return (h.startsWith("/") && !h.startsWith("//"))
        || h.startsWith("http://")
        || h.startsWith("https://")
        || h.startsWith("?")
        || h.startsWith("#");
  }

  /** The page shell: header with search box and navigation, the body, and the credit lines. */
  static String page(String title, String body, List<String> credits, String extraHead) {
    return page(title, body, credits, extraHead, null);
  }

  /**
   * The page shell with a "cite this" block in its foot (which carries the credit lines); {@code
   * cite} may be null.
   */
  static String page(
      String title, String body, List<String> credits, String extraHead, Citation cite) {
    StringBuilder sb = new StringBuilder(body.length() + 2048);
    sb.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append(" — 知財KG chizai-kg</title>\n")
        .append("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n")
        .append("<link rel=\"stylesheet\" href=\"/assets/chizai.css\">\n")
        .append(extraHead)
        .append("</head>\n<body>\n<header class=\"site\">\n")
        .append("<a class=\"brand\" href=\"/\">知財KG <span>chizai-kg</span></a>\n<nav>")
        .append("<a href=\"/browse\">絞り込み <span lang=\"en\">Browse</span></a> ")
        .append("<a href=\"/charts\">グラフ <span lang=\"en\">Charts</span></a> ")
        .append("<a href=\"/downloads\">ダウンロード <span lang=\"en\">Downloads</span></a> ")
        .append("<a href=\"/#editor\">SPARQL</a> ")
        .append("<a href=\"/def\">オントロジー <span lang=\"en\">Ontology</span></a></nav>\n")
        .append("<form class=\"search\" action=\"")
        .append(Site.SEARCH_PATH)
        .append("\" method=\"get\" role=\"search\">")
        .append("<input type=\"search\" name=\"q\" placeholder=\"全文検索（例：海賊版）\"")
        .append(" aria-label=\"全文検索 full-text search\">")
        .append("<button type=\"submit\">検索</button></form>\n</header>\n<main>\n")
        .append(body)
        .append("</main>\n<footer>\n");
    if (cite != null) {
      sb.append(cite.html());
    } else {
      for (String credit : credits) {
        sb.append("<p class=\"credit\">").append(esc(credit)).append("</p>\n");
      }
    }
    sb.append("<p>政府標準利用規約（第2.0版）に基づく。")
        .append("<span lang=\"en\">Government of Japan Standard Terms of Use 2.0")
        .append(" (compatible with CC BY 4.0).</span></p>\n")
        .append("</footer>\n</body>\n</html>\n");
    return sb.toString();
  }
}
