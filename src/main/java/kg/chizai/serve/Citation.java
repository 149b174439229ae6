package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to cite a page: the thing's IRI and name, the release (version) it is from, the date it was
 * accessed and the 出典 credit lines of the reports the data comes from, as a block on every page and
 * as BibTeX and CSL-JSON ({@code /cite?iri=…&format=bibtex|csl-json}). A pure value: the servlet
 * gives the access date.
 *
 * <pre>{@code Citation.of(iri, "方向性 6-12", credits, context, site).bibtex()}
 * </pre>
 *
 * @param iri what is cited (a thing, or the dataset)
 * @param title its name
 * @param version the release the server serves, if known
 * @param accessed the access date
 * @param credits the 出典 lines of the reports
 * @param issued the year and month of the data (the latest report), if known
 */
record Citation(
    String iri,
    String title,
    Optional<String> version,
    LocalDate accessed,
    List<String> credits,
    Optional<String> issued) {

  /** Where the exports are served. */
  static final String PATH = "/cite";

  /** The dataset's name, as its description gives it. */
  static final String DATASET_JA = "知財KG：知的財産推進計画の進捗状況";

  static final String AUTHOR = "chizai-kg";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  Citation {
    credits = List.copyOf(credits);
  }

  /**
   * What a page needs to cite itself beside its own IRI, name and credits: the release the server
   * serves and the date of the visit.
   */
  record Context(Optional<String> version, LocalDate accessed) {}

  /** The citation of {@code iri} named {@code title}, with the credit lines of its reports. */
  static Citation of(String iri, String title, List<String> credits, Context ctx, Site site) {
    Optional<String> issued =
        site.reports().stream()
            .map(Site.ReportInfo::issued)
            .flatMap(Optional::stream)
            .max(String::compareTo);
    return new Citation(iri, title, ctx.version(), ctx.accessed(), credits, issued);
  }

  /** The citation, or null when there is no context (a page rendered without a visit). */
  static Citation orNull(Context ctx, String iri, String title, List<String> credits, Site site) {
    return ctx == null ? null : of(iri, title, credits, ctx, site);
  }

  /** The citation of the dataset as a whole (every report's credit line). */
  static Citation dataset(String iri, String title, Context ctx, Site site) {
    return of(iri, title, site.reports().stream().map(Site.ReportInfo::credit).toList(), ctx, site);
  }

  /** The citation as one line of text (Japanese conventions, with the IRI and the date). */
  String text() {
    StringBuilder sb = new StringBuilder("知財KG（chizai-kg）「").append(title).append("」");
    version.ifPresent(v -> sb.append("（").append(v).append("版）"));
    sb.append(' ').append(iri).append("（").append(accessed).append("閲覧）");
    return sb.toString();
  }

  /** The "cite this" block for the foot of a page. */
  String html() {
    StringBuilder b = new StringBuilder(1024);
    b.append("<section class=\"cite\" aria-labelledby=\"cite-h\">\n<h2 id=\"cite-h\">引用 ")
        .append("<span lang=\"en\">Cite this</span></h2>\n<p class=\"citation\">")
        .append(esc(text()))
        .append("</p>\n<dl>\n<dt>IRI</dt><dd><code>")
        .append(esc(iri))
        .append("</code></dd>\n<dt>版 <span lang=\"en\">release</span></dt><dd>")
        .append(esc(version.orElse("—")))
        .append("</dd>\n<dt>閲覧日 <span lang=\"en\">accessed</span></dt><dd><time datetime=\"")
        .append(accessed)
        .append("\">")
        .append(accessed)
        .append("</time></dd>\n");
    for (String c : credits) {
      b.append("<dt>出典 <span lang=\"en\">source</span></dt><dd class=\"credit\">")
          .append(esc(c))
          .append("</dd>\n");
    }
    b.append("</dl>\n<p class=\"exports\">")
        .append(Html.link(href("bibtex"), "BibTeX"))
        .append(' ')
        .append(Html.link(href("csl-json"), "CSL-JSON"))
        .append("</p>\n</section>\n");
    return b.toString();
  }

  /** The URL of an export of this citation. */
  String href(String format) {
    return PATH + "?iri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8) + "&format=" + format;
  }

  /** A BibTeX key: letters and digits of the IRI's path and the version. */
  String key() {
    int id = iri.indexOf("/id/");
    String tail =
        (id >= 0 ? iri.substring(id + 4) : iri.replaceFirst("^[a-z]+://[^/]+/", ""))
            .replaceAll("[^A-Za-z0-9]+", "_");
    return ("chizai_kg_"
            + tail
            + version.map(v -> "_" + v.replaceAll("[^A-Za-z0-9]+", "")).orElse(""))
        .replaceAll("_+", "_")
        .replaceAll("_$", "");
  }

  /**
   * A BibTeX {@code @misc} entry (biblatex fields {@code url}, {@code urldate}, {@code version}).
   */
  String bibtex() {
    StringBuilder sb = new StringBuilder("@misc{").append(key()).append(",\n");
    field(sb, "author", "{" + AUTHOR + "}");
    field(sb, "title", "{" + bib(title) + "}");
    field(sb, "howpublished", bib(DATASET_JA + "（chizai-kg）, linked data"));
    year().ifPresent(y -> field(sb, "year", y));
    version.ifPresent(v -> field(sb, "version", bib(v)));
    field(sb, "url", iri);
    field(sb, "urldate", accessed.toString());
    if (!credits.isEmpty()) {
      field(sb, "note", bib(String.join(" ", credits)));
    }
    sb.setLength(sb.length() - 2);
    return sb.append("\n}\n").toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /** The citation as CSL-JSON (an array of one item, type {@code dataset}). */
  String cslJson() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", key());
    item.put("type", "dataset");
    item.put("title", title);
    item.put("author", List.of(Map.of("literal", AUTHOR)));
    item.put("container-title", DATASET_JA);
    item.put("publisher", "知財KG（chizai-kg）");
    item.put("URL", iri);
    version.ifPresent(v -> item.put("version", v));
    issued.ifPresent(i -> item.put("issued", dateParts(i)));
    item.put("accessed", dateParts(accessed.toString()));
    if (!credits.isEmpty()) {
      item.put("note", String.join(" ", credits));
    }
    item.put("language", "ja");
    try {
      return JSON.writeValueAsString(List.of(item)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code 2026-04} → {@code {"date-parts": [[2026, 4]]}}. */
  private static Map<String, Object> dateParts(String date) {
    List<Integer> parts = new ArrayList<>();
    for (String p : date.split("-")) {
      if (p.matches("\\d+")) {
        parts.add(Integer.parseInt(p));
      }
    }
    return Map.of("date-parts", List.of(parts));
  }

  private Optional<String> year() {
    return version
        .filter(v -> v.matches("\\d{4}(-.*)?"))
        .or(() -> issued)
        .map(v -> v.substring(0, 4))
        .filter(y -> y.matches("\\d{4}"));
  }

  /** Escapes BibTeX's special characters. */
  static String bib(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '{', '}', '%', '&', '#', '_', '$' -> sb.append('\\').append(c);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
