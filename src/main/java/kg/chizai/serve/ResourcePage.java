package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.ELI;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * The HTML page of one thing, as a pure function of its {@link ResourceGraph} and the {@link Site}:
 * its name in Japanese (and English where known), its types, the source quote with sheet and line
 * numbers, every property with its ontology label, the incoming links, download links for its data
 * and the 出典 credit line. Every literal is escaped.
 *
 * <pre>{@code String html = ResourcePage.render(graph, site);}</pre>
 */
final class ResourcePage {

  /** The properties shown first, in this order; the rest follow by short name. */
  private static final List<String> FIRST =
      List.of(
          RDF.type.getURI(),
          RDFS.label.getURI(),
          SKOS.prefLabel.getURI(),
          SKOS.altLabel.getURI(),
          DCTerms.title.getURI(),
          CKG.sourceText.getURI());

  /** The formats offered for download: parameter value and name. */
  static final Map<String, String> DOWNLOADS = new LinkedHashMap<>();

  static {
    DOWNLOADS.put("ttl", "Turtle");
    DOWNLOADS.put("jsonld", "JSON-LD");
    DOWNLOADS.put("nt", "N-Triples");
    DOWNLOADS.put("rdf", "RDF/XML");
  }

  /** Text order with runs of digits compared as numbers: ページ 9 before ページ 10. */
  static final Comparator<String> NATURAL =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          char x = a.charAt(i);
          char y = b.charAt(j);
          if (Character.isDigit(x) && Character.isDigit(y)) {
            int si = i;
            int sj = j;
            while (i < a.length() && Character.isDigit(a.charAt(i))) {
              i++;
            }
            while (j < b.length() && Character.isDigit(b.charAt(j))) {
              j++;
            }
            int c =
                new BigInteger(a.substring(si, i)).compareTo(new BigInteger(b.substring(sj, j)));
            if (c != 0) {
              return c;
            }
          } else {
            if (x != y) {
              return Character.compare(x, y);
            }
            i++;
            j++;
          }
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private ResourcePage() {}

  /** Incoming links listed in the open; longer lists are folded. */
  static final int FOLD_AFTER = 12;

  /** Incoming links listed per kind; the rest are one SPARQL query away. */
  static final int MAX_LISTED = 50;

  static String render(ResourceGraph d, Site site) {
    return render(d, site, null);
  }

  /**
   * The page, with what the thing is read from {@code graph} (the whole union graph; may be null,
   * then only the description is used): the report and its parts read as a document, an entry as a
   * card, a body with its entries by area, an event with its object (see {@link ThingPage}).
   */
  static String render(ResourceGraph d, Site site, Model graph) {
    return render(d, site, graph, null);
  }

  /** The page with a "cite this" block ({@code cite} may be null). */
  static String render(ResourceGraph d, Site site, Model graph, Citation.Context cite) {
    Model all = ModelFactory.createUnion(d.data(), d.context());
    Labels labels = new Labels(graph == null ? all : graph, site.ontology());
    Resource r = all.getResource(d.iri());
    Labels.Name name = labels.name(d.iri());
    StringBuilder b = new StringBuilder(8192);

    // A section is titled with its number as the report prints it: (6) 海賊版対策の強化.
    String heading = r.hasProperty(RDF.type, CKG.Section) ? ReportPage.title(r, labels) : name.ja();
    b.append("<article class=\"resource\">\n<h1 lang=\"ja\">")
        .append(esc(heading))
        .append("</h1>\n");
    name.en()
        .filter(en -> !en.equals(name.ja()))
        .ifPresent(en -> b.append("<p class=\"en\" lang=\"en\">").append(esc(en)).append("</p>\n"));
    b.append("<p class=\"iri\"><code>").append(esc(d.iri())).append("</code></p>\n");

    List<String> types =
        r.listProperties(RDF.type).toList().stream()
            .map(Statement::getObject)
            .filter(RDFNode::isURIResource)
            .map(o -> o.asResource().getURI())
            .sorted()
            .toList();
    if (!types.isEmpty()) {
      b.append("<p class=\"types\">");
      for (String t : types) {
        b.append("<span class=\"type\">")
            .append(Html.link(site.local(t), labels.name(t).both(), t))
            .append("</span> ");
      }
      b.append("</p>\n");
    }

    source(b, r, all, site);
    statute(b, r, all);
    if (graph != null) {
      ThingPage.lens(d.iri(), graph, labels, site).ifPresent(b::append);
    }

    b.append("<section class=\"properties\">\n<h2>属性 <span lang=\"en\">Properties</span></h2>\n");
    b.append("<table class=\"kv\">\n");
    Map<String, List<RDFNode>> out = new TreeMap<>(order(labels));
    for (Statement s : d.data().listStatements(r, null, (RDFNode) null).toList()) {
      out.computeIfAbsent(s.getPredicate().getURI(), k -> new ArrayList<>()).add(s.getObject());
    }
    for (Map.Entry<String, List<RDFNode>> e : out.entrySet()) {
      b.append("<tr><th>").append(term(e.getKey(), labels, site)).append("</th><td>");
      List<RDFNode> values = new ArrayList<>(e.getValue());
      values.sort(Comparator.comparing(v -> sortKey(v, labels)));
      boolean first = true;
      for (RDFNode v : values) {
        if (!first) {
          b.append("<br>");
        }
        first = false;
        if (e.getKey().equals(CKG.sourceText.getURI())) {
          b.append("<a href=\"#source\">↑ 原文の引用 <span lang=\"en\">quoted above</span></a>");
        } else {
          b.append(value(v, labels, site));
        }
      }
      b.append("</td></tr>\n");
    }
    b.append("</table>\n</section>\n");

    incoming(b, d, r, labels, site);

    b.append("<section class=\"downloads\">\n<h2>データ <span lang=\"en\">Data</span></h2>\n<p>");
    String here = site.local(d.iri());
    for (Map.Entry<String, String> f : DOWNLOADS.entrySet()) {
      b.append(Html.link(here + "?format=" + f.getKey(), f.getValue())).append(' ');
    }
    b.append("</p>\n</section>\n</article>\n");

    List<String> credits = credits(d.iri(), r, site);
    return Html.page(
        name.ja(),
        b.toString(),
        credits,
        "",
        Citation.orNull(cite, d.iri(), name.ja(), credits, site));
  }

  /** The source quote and where it stands: sheet, lines, file. */
  private static void source(StringBuilder b, Resource r, Model all, Site site) {
    Statement text = r.getProperty(CKG.sourceText);
    Statement start = r.getProperty(CKG.lineStart);
    Statement end = r.getProperty(CKG.lineEnd);
    if (text == null && start == null) {
      return;
    }
    b.append(
        "<section id=\"source\" class=\"source\">\n<h2>原文 <span lang=\"en\">Source</span></h2>\n");
    if (text != null && text.getObject().isLiteral()) {
      b.append("<blockquote lang=\"ja\">").append(esc(text.getString())).append("</blockquote>\n");
    }
    b.append("<p class=\"where\">");
    Statement sheet = r.getProperty(CKG.onSheet);
    if (r.hasProperty(RDF.type, CKG.Sheet)) {
      sheet = null;
      Statement ord = r.getProperty(CKG.ordinal);
      if (ord != null) {
        b.append("ページ ").append(esc(ord.getObject().asLiteral().getLexicalForm())).append(" · ");
      }
    }
    if (sheet != null && sheet.getObject().isURIResource()) {
      Resource s = sheet.getResource();
      Statement ord = all.getResource(s.getURI()).getProperty(CKG.ordinal);
      String n =
          ord != null ? ord.getObject().asLiteral().getLexicalForm() : Labels.key(s.getURI());
      b.append("<a class=\"sheet\" href=\"")
          .append(esc(site.local(s.getURI())))
          .append("\">ページ ")
          .append(esc(n))
          .append(" <span lang=\"en\">sheet ")
          .append(esc(n))
          .append("</span></a> · ");
    }
    if (start != null) {
      String a = start.getObject().asLiteral().getLexicalForm();
      String z = end != null ? end.getObject().asLiteral().getLexicalForm() : a;
      b.append("<span class=\"lines\">")
          .append(esc(a.equals(z) ? a + "行目" : a + "–" + z + "行目"))
          .append(" <span lang=\"en\">")
          .append(esc(a.equals(z) ? "line " + a : "lines " + a + "–" + z))
          .append("</span></span>");
    }
    Statement report = r.getProperty(CKG.inReport);
    if (report != null && report.getObject().isURIResource()) {
      Statement file = all.getResource(report.getResource().getURI()).getProperty(CKG.sourceFile);
      if (file != null) {
        b.append(" · <span class=\"file\">").append(esc(file.getString())).append("</span>");
      }
    }
    b.append("</p>\n</section>\n");
  }

  /**
   * The e-Gov 法令検索 page of a statute or article, as the data states it ({@code ckg:eGovLawPage},
   * made from the reference table's link template); an article without one links its statute's.
   */
  private static void statute(StringBuilder b, Resource r, Model all) {
    Set<String> pages = new TreeSet<>(pages(r));
    if (pages.isEmpty()) {
      for (Statement s : r.listProperties(ELI.is_part_of).toList()) {
        if (s.getObject().isURIResource()) {
          pages.addAll(pages(all.getResource(s.getResource().getURI())));
        }
      }
    }
    for (String egov : pages) {
      b.append("<p class=\"egov\">e-Gov 法令検索: ").append(Html.link(egov, egov)).append("</p>\n");
    }
  }

  private static List<String> pages(Resource r) {
    return r.listProperties(CKG.eGovLawPage).toList().stream()
        .map(Statement::getObject)
        .filter(RDFNode::isURIResource)
        .map(o -> o.asResource().getURI())
        .toList();
  }

  private static void incoming(
      StringBuilder b, ResourceGraph d, Resource r, Labels labels, Site site) {
    Map<String, List<String>> in = new TreeMap<>(order(labels));
    for (Statement s : d.data().listStatements(null, null, r).toList()) {
      if (s.getSubject().isURIResource()) {
        in.computeIfAbsent(s.getPredicate().getURI(), k -> new ArrayList<>())
            .add(s.getSubject().getURI());
      }
    }
    if (in.isEmpty()) {
      return;
    }
    b.append(
        "<section class=\"incoming\">\n<h2>被参照 <span lang=\"en\">Incoming links</span></h2>\n");
    if (d.incomingTruncated()) {
      b.append("<p class=\"note\">一部のみ表示 <span lang=\"en\">(only the first ")
          .append(d.data().listStatements(null, null, r).toList().size())
          .append(" are shown; use SPARQL for all)</span></p>\n");
    }
    b.append("<table class=\"kv\">\n");
    for (Map.Entry<String, List<String>> e : in.entrySet()) {
      b.append("<tr><th>")
          .append(inverseTerm(e.getKey(), labels, site))
          .append(" <span class=\"count\">(")
          .append(e.getValue().size())
          .append(")</span></th><td>");
      // Mixed kinds of things are grouped by kind; a long list is folded.
      Map<String, List<String>> byType = new TreeMap<>(NATURAL);
      for (String s : e.getValue()) {
        byType.computeIfAbsent(typeName(s, labels), k -> new ArrayList<>()).add(s);
      }
      boolean fold = e.getValue().size() > FOLD_AFTER;
      for (Map.Entry<String, List<String>> g : byType.entrySet()) {
        String heading = byType.size() > 1 ? g.getKey() + " (" + g.getValue().size() + ")" : null;
        if (fold) {
          b.append("<details><summary>")
              .append(esc(heading != null ? heading : g.getValue().size() + " 件"))
              .append(" <span lang=\"en\">show</span></summary>");
        } else if (heading != null) {
          b.append("<p class=\"group\">").append(esc(heading)).append("</p>");
        }
        b.append("<ul>");
        List<String> subjects = new ArrayList<>(g.getValue());
        subjects.sort(
            Comparator.comparing((String s) -> labels.name(s).ja(), NATURAL).thenComparing(s -> s));
        for (String s : subjects.subList(0, Math.min(subjects.size(), MAX_LISTED))) {
          b.append("<li>").append(resourceLink(s, labels, site));
          labels
              .snippet(s, 60)
              .ifPresent(
                  t ->
                      b.append(" <span class=\"snippet\" lang=\"ja\">")
                          .append(esc(t))
                          .append("</span>"));
          b.append("</li>");
        }
        if (subjects.size() > MAX_LISTED) {
          String q = "SELECT ?s WHERE { ?s <" + e.getKey() + "> <" + d.iri() + "> } ORDER BY ?s";
          b.append("<li>")
              .append(
                  Html.link(
                      "/?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                      "他 " + (subjects.size() - MAX_LISTED) + " 件 (SPARQL)"))
              .append("</li>");
        }
        b.append("</ul>");
        if (fold) {
          b.append("</details>");
        }
      }
      b.append("</td></tr>\n");
    }
    b.append("</table>\n</section>\n");
  }

  /** The name of a thing's kind, for grouping a list (its first type by name). */
  private static String typeName(String iri, Labels labels) {
    return labels.types(iri).stream()
        .map(t -> labels.name(t).ja())
        .sorted(NATURAL)
        .findFirst()
        .orElse("その他");
  }

  /** The credit lines: the report of the thing, else every report. */
  private static List<String> credits(String iri, Resource r, Site site) {
    Optional<Site.ReportInfo> own = site.report(iri);
    if (own.isEmpty()) {
      Statement s = r.getProperty(CKG.inReport);
      if (s != null && s.getObject().isURIResource()) {
        own = site.report(s.getResource().getURI());
      }
    }
    return own.map(rep -> List.of(rep.credit()))
        .orElseGet(() -> site.reports().stream().map(Site.ReportInfo::credit).toList());
  }

  /** A property or class: its label (Japanese / English) linked to its definition. */
  static String term(String iri, Labels labels, Site site) {
    return term(iri, labels.name(iri), labels.shortForm(iri), site);
  }

  /** A property as the heading of incoming links: its inverse name, linked to the property. */
  static String inverseTerm(String iri, Labels labels, Site site) {
    return term(iri, labels.inverseName(iri), "^" + labels.shortForm(iri), site);
  }

  private static String term(String iri, Labels.Name n, String qname, Site site) {
    return Html.link(site.local(iri), n.ja(), iri)
        + n.en()
            .filter(en -> !en.equals(n.ja()))
            .map(en -> " <span class=\"en\" lang=\"en\">" + esc(en) + "</span>")
            .orElse("")
        + " <code class=\"qname\">"
        + esc(qname)
        + "</code>";
  }

  static String resourceLink(String iri, Labels labels, Site site) {
    Labels.Name n = labels.name(iri);
    String text = n.ja().equals(iri) ? iri : n.ja();
    return Html.link(site.local(iri), text, iri);
  }

  static String value(RDFNode v, Labels labels, Site site) {
    if (v.isURIResource()) {
      return resourceLink(v.asResource().getURI(), labels, site);
    }
    if (v.isLiteral()) {
      Literal l = v.asLiteral();
      StringBuilder sb = new StringBuilder("<span class=\"literal\"");
      if (!l.getLanguage().isEmpty()) {
        sb.append(" lang=\"").append(esc(l.getLanguage())).append("\"");
      }
      sb.append(">").append(esc(l.getLexicalForm())).append("</span>");
      if (!l.getLanguage().isEmpty()) {
        sb.append(" <span class=\"tag\">@").append(esc(l.getLanguage())).append("</span>");
      } else if (l.getDatatypeURI() != null && !l.getDatatypeURI().equals(XSD.xstring.getURI())) {
        sb.append(" <span class=\"tag\">")
            .append(esc(labels.shortForm(l.getDatatypeURI())))
            .append("</span>");
      }
      return sb.toString();
    }
    return "<span class=\"literal\">[]</span>";
  }

  private static String sortKey(RDFNode v, Labels labels) {
    if (v.isURIResource()) {
      return labels.name(v.asResource().getURI()).ja();
    }
    return v.isLiteral() ? v.asLiteral().getLanguage() + " " + v.asLiteral().getLexicalForm() : "";
  }

  /** Properties in {@link #FIRST} order, then by short name. */
  private static Comparator<String> order(Labels labels) {
    return Comparator.comparing((String p) -> FIRST.contains(p) ? FIRST.indexOf(p) : FIRST.size())
        .thenComparing(labels::shortForm)
        .thenComparing(p -> p);
  }
}
