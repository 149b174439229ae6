package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * The downloads page ({@code /downloads}, also the HTML of the released dataset's IRI): what the
 * release is (from its {@code dataset.ttl}: title, description, version, issue date, licence,
 * rights, 出典), every file with its size and SHA-256, and where the machine-readable description is.
 * A pure function of the release; without one, says how to make one.
 */
final class DownloadsPage {

  /** Where the page is served. */
  static final String PATH = "/downloads";

  /** Where the dataset description is served (VoID's well-known URI). */
  static final String VOID_PATH = "/.well-known/void";

  private DownloadsPage() {}

  /** The page without a release to offer: why ({@code why}, a paragraph), and the other ways in. */
  private static String noRelease(StringBuilder b, String why, Citation cite) {
    b.append("<h1>ダウンロード <span lang=\"en\">Downloads</span></h1>\n")
        .append(why)
        .append("<p>")
        .append(Html.link(Site.DATA_PATH, "Graph Store (" + Site.DATA_PATH + ")"))
        .append(" · ")
        .append(Html.link("/#editor", "SPARQL"))
        .append("</p>\n</article>\n");
    return Html.page("ダウンロード", b.toString(), cite.credits(), "", cite);
  }

  static String render(ReleaseOffer.State offered, Site site, Citation.Context ctx) {
    Optional<Downloads> release = offered.downloads();
    String iri = release.map(Downloads::datasetIri).orElse(site.datasetIri());
    Citation cite = Citation.dataset(iri, Citation.DATASET_JA, ctx, site);
    StringBuilder b = new StringBuilder(8192);
    b.append("<article class=\"downloads\">\n");
    if (offered.preparing()) {
      return noRelease(
          b,
          "<p role=\"status\">リリースを準備しています。データの読み込みが終わった後に作成されます。"
              + "しばらくしてから再読み込みしてください。"
              + "<span lang=\"en\">The release is being prepared: it is built once the data is"
              + " loaded. Reload this page in a minute.</span></p>\n",
          cite);
    }
    if (release.isEmpty()) {
      return noRelease(
          b,
          "<p>このサーバーはリリースを提供していません。"
              + "<span lang=\"en\">This server offers no release.</span> "
              + "<code>./chizai-kg publish --output dist/</code> で作成し、"
              + "<code>./chizai-kg serve --release dist/</code> で提供できます。</p>\n",
          cite);
    }
    Downloads d = release.get();
    Model m = d.description();
    Resource ds = m.getResource(d.datasetIri());
    String titleJa = literal(ds, DCTerms.title, "ja").orElse(Citation.DATASET_JA);
    b.append("<h1>").append(esc(titleJa)).append("</h1>\n");
    literal(ds, DCTerms.title, "en")
        .ifPresent(t -> b.append("<p class=\"en\" lang=\"en\">").append(esc(t)).append("</p>\n"));
    literal(ds, DCTerms.description, "ja")
        .ifPresent(t -> b.append("<p lang=\"ja\">").append(esc(t)).append("</p>\n"));
    literal(ds, DCTerms.description, "en")
        .ifPresent(t -> b.append("<p lang=\"en\">").append(esc(t)).append("</p>\n"));
    b.append("<table class=\"kv\">\n<tr><th>版 <span lang=\"en\">release</span></th><td>")
        .append(esc(d.version()))
        .append("</td></tr>\n");
    literal(ds, DCTerms.issued, "")
        .ifPresent(
            t ->
                b.append("<tr><th>公開 <span lang=\"en\">issued</span></th><td>")
                    .append(esc(t))
                    .append("</td></tr>\n"));
    for (Resource lic : iris(ds, DCTerms.license)) {
      b.append("<tr><th>ライセンス <span lang=\"en\">licence</span></th><td>")
          .append(
              Html.link(
                  lic.getURI(),
                  literal(m.getResource(lic.getURI()), RDFS.label, "en").orElse(lic.getURI())))
          .append("</td></tr>\n");
    }
    for (Resource rights : iris(ds, DCTerms.rights)) {
      literal(m.getResource(rights.getURI()), RDFS.label, "ja")
          .ifPresent(
              t ->
                  b.append("<tr><th>権利 <span lang=\"en\">rights</span></th><td lang=\"ja\">")
                      .append(esc(t))
                      .append("</td></tr>\n"));
    }
    b.append("<tr><th>IRI</th><td>")
        .append(Html.link(site.local(d.datasetIri()), d.datasetIri()))
        .append("</td></tr>\n</table>\n");

    b.append("<h2>ファイル <span lang=\"en\">Files</span></h2>\n")
        .append(
            "<table class=\"files\">\n<thead><tr><th scope=\"col\">ファイル <span lang=\"en\">file</span></th>")
        .append("<th scope=\"col\">内容 <span lang=\"en\">content</span></th>")
        .append("<th scope=\"col\">形式 <span lang=\"en\">media type</span></th>")
        .append("<th scope=\"col\" class=\"num\">大きさ <span lang=\"en\">size</span></th>")
        .append("<th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
    for (Downloads.File f : d.files()) {
      b.append("<tr><td><a download href=\"")
          .append(esc(d.href(f.name())))
          .append("\">")
          .append(esc(f.name()))
          .append("</a></td><td>")
          .append(esc(f.titleJa().orElse(describe(f.name()))))
          .append("</td><td><code>")
          .append(esc(f.mediaType()))
          .append("</code></td><td class=\"num\">")
          .append(esc(size(f.size())))
          .append("</td><td><code class=\"sha\">")
          .append(esc(f.sha256()))
          .append("</code></td></tr>\n");
    }
    b.append("</tbody>\n</table>\n")
        .append("<p>確認 <span lang=\"en\">check</span>: <code>sha256sum -c SHA256SUMS</code></p>\n");
    if (!d.damaged().isEmpty()) {
      b.append("<p class=\"warning\">チェックサムと一致しないため提供していないファイル ")
          .append("<span lang=\"en\">not offered (missing, or differs from SHA256SUMS)</span>: ")
          .append(esc(String.join(", ", d.damaged())))
          .append("</p>\n");
    }
    b.append("<h2>データセットの記述 <span lang=\"en\">Dataset description</span></h2>\n<p>")
        .append("DCAT・VoID: ")
        .append(Html.link(VOID_PATH, VOID_PATH))
        .append(" · ")
        .append(Html.link(site.local(d.datasetIri()) + "?format=ttl", "Turtle"))
        .append(" · ")
        .append(Html.link(site.local(d.datasetIri()) + "?format=jsonld", "JSON-LD"))
        .append(" · SPARQL ")
        .append(Html.link(Site.SPARQL_PATH, Site.SPARQL_PATH))
        .append("</p>\n</article>\n");
    return Html.page(titleJa, b.toString(), cite.credits(), "", cite);
  }

  /** What a file without a distribution in the description holds. */
  private static String describe(String name) {
    if (name.equals("dataset.ttl")) {
      return "データセットの記述（DCAT・VoID）";
    }
    if (name.equals("context.jsonld")) {
      return "JSON-LD コンテキスト";
    }
    if (name.endsWith("chizai.ttl")) {
      return "オントロジー";
    }
    if (name.endsWith("shapes.ttl")) {
      return "SHACL シェイプ";
    }
    if (name.startsWith("diff/")) {
      return "前の版との差分";
    }
    return name;
  }

  /** Bytes in a unit a reader takes in: 642472 → 627 KiB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KiB";
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static Optional<String> literal(
      Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    for (Statement s : r.listProperties(p).toList()) {
      if (s.getObject().isLiteral() && lang.equals(s.getObject().asLiteral().getLanguage())) {
        return Optional.of(s.getObject().asLiteral().getLexicalForm());
      }
    }
    return Optional.empty();
  }

  private static List<Resource> iris(Resource r, org.apache.jena.rdf.model.Property p) {
    return r.listProperties(p).toList().stream()
        .map(Statement::getObject)
        .filter(RDFNode::isURIResource)
        .map(RDFNode::asResource)
        .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
        .toList();
  }
}
