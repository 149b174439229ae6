package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.chizai.rdf.CKG;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The HTML description of the ontology ({@code /def}), a pure function of the ontology graph: its
 * title, description and version, then every class and property with its Japanese and English
 * labels and comments, domain, range and super-terms. Each term has an anchor, so {@code
 * /def#Direction} lands on it.
 */
final class OntologyPage {

  private OntologyPage() {}

  static String render(Model ontology, Site site) {
    return render(ontology, site, null);
  }

  /** The page with a "cite this" block ({@code cite} may be null). */
  static String render(Model ontology, Site site, Citation.Context cite) {
    Labels labels = new Labels(ModelFactory.createDefaultModel(), ontology);
    Resource o = ontology.getResource(CKG.ONTOLOGY);
    StringBuilder b = new StringBuilder(16_384);
    b.append("<article class=\"ontology\">\n<h1 lang=\"ja\">")
        .append(esc(lang(o, DCTerms.title, "ja").orElse("chizai-kg ontology")))
        .append("</h1>\n");
    lang(o, DCTerms.title, "en")
        .ifPresent(t -> b.append("<p class=\"en\" lang=\"en\">").append(esc(t)).append("</p>\n"));
    b.append("<p class=\"iri\"><code>")
        .append(esc(CKG.ONTOLOGY))
        .append("</code> · 接頭辞 <code>")
        .append(esc(CKG.PREFIX))
        .append(":</code> = <code>")
        .append(esc(CKG.NS))
        .append("</code></p>\n");
    lang(o, DCTerms.description, "ja")
        .ifPresent(t -> b.append("<p lang=\"ja\">").append(esc(t)).append("</p>\n"));
    lang(o, DCTerms.description, "en")
        .ifPresent(t -> b.append("<p lang=\"en\">").append(esc(t)).append("</p>\n"));
    Statement version = o.getProperty(OWL.versionInfo);
    if (version != null) {
      b.append("<p>版 <span lang=\"en\">version</span> ").append(esc(version.getString()));
      Statement license = o.getProperty(DCTerms.license);
      if (license != null && license.getObject().isURIResource()) {
        String l = license.getResource().getURI();
        b.append(" · ライセンス ").append(Html.link(l, l));
      }
      b.append("</p>\n");
    }
    b.append("<p class=\"downloads\">");
    for (Map.Entry<String, String> f : ResourcePage.DOWNLOADS.entrySet()) {
      b.append(Html.link("/def?format=" + f.getKey(), f.getValue())).append(' ');
    }
    b.append("</p>\n");

    Map<String, Long> counts = site.countsByClass();
    section(b, ontology, labels, site, OWL.Class, "クラス", "Classes", counts);
    section(
        b,
        ontology,
        labels,
        site,
        OWL.ObjectProperty,
        "オブジェクトプロパティ",
        "Object properties",
        Map.of());
    section(
        b,
        ontology,
        labels,
        site,
        OWL.DatatypeProperty,
        "データプロパティ",
        "Datatype properties",
        Map.of());
    section(
        b,
        ontology,
        labels,
        site,
        OWL.AnnotationProperty,
        "注釈プロパティ",
        "Annotation properties",
        Map.of());
    b.append("</article>\n");
    String title = lang(o, RDFS.label, "ja").orElse("オントロジー");
    List<String> credits = site.reports().stream().map(Site.ReportInfo::credit).toList();
    return Html.page(
        title,
        b.toString(),
        credits,
        "",
        Citation.orNull(cite, CKG.ONTOLOGY, title, credits, site));
  }

  private static void section(
      StringBuilder b,
      Model ontology,
      Labels labels,
      Site site,
      Resource kind,
      String ja,
      String en,
      Map<String, Long> counts) {
    List<Resource> terms =
        ontology.listSubjectsWithProperty(RDF.type, kind).toList().stream()
            .filter(r -> r.isURIResource() && r.getURI().startsWith(CKG.NS))
            .sorted((x, y) -> x.getURI().compareTo(y.getURI()))
            .toList();
    if (terms.isEmpty()) {
      return;
    }
    b.append("<section>\n<h2>")
        .append(esc(ja))
        .append(" <span lang=\"en\">")
        .append(esc(en))
        .append("</span></h2>\n<dl class=\"terms\">\n");
    for (Resource t : terms) {
      String local = t.getURI().substring(CKG.NS.length());
      Labels.Name n = labels.name(t.getURI());
      b.append("<dt id=\"")
          .append(esc(local))
          .append("\"><code>ckg:")
          .append(esc(local))
          .append("</code> ");
      b.append("<span lang=\"ja\">").append(esc(n.ja())).append("</span>");
      n.en().ifPresent(e -> b.append(" / <span lang=\"en\">").append(esc(e)).append("</span>"));
      Long count = counts.get(t.getURI());
      if (count != null) {
        b.append(" <span class=\"count\">(").append(count).append(")</span>");
      }
      b.append("</dt>\n<dd>");
      lang(t, RDFS.comment, "ja")
          .ifPresent(c -> b.append("<p lang=\"ja\">").append(esc(c)).append("</p>"));
      lang(t, RDFS.comment, "en")
          .ifPresent(c -> b.append("<p lang=\"en\">").append(esc(c)).append("</p>"));
      for (var p : List.of(RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)) {
        List<RDFNode> vs = t.listProperties(p).toList().stream().map(Statement::getObject).toList();
        if (vs.isEmpty()) {
          continue;
        }
        b.append("<p class=\"rel\">").append(esc(labels.name(p.getURI()).both())).append(": ");
        for (RDFNode v : vs) {
          b.append(ResourcePage.value(v, labels, site)).append(' ');
        }
        b.append("</p>");
      }
      b.append("</dd>\n");
    }
    b.append("</dl>\n</section>\n");
  }

  private static Optional<String> lang(
      Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    return r.listProperties(p).toList().stream()
        .map(Statement::getObject)
        .filter(RDFNode::isLiteral)
        .map(RDFNode::asLiteral)
        .filter(l -> lang.equalsIgnoreCase(l.getLanguage()))
        .map(l -> l.getLexicalForm())
        .findFirst();
  }
}
