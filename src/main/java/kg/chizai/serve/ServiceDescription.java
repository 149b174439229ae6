package kg.chizai.serve;

import static kg.chizai.serve.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of the endpoint ({@code GET /sparql} without a query): what it
 * speaks (SPARQL 1.1 Query only, read-only), the result formats, the union default graph, the named
 * graphs of the store, the {@code text:query} property function and, in words, its limits. A pure
 * function of the endpoint URL, the graph names and the limits.
 */
final class ServiceDescription {

  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  static final String FORMATS = "http://www.w3.org/ns/formats/";

  /** The representations offered, first is the default: media type and Jena writer format. */
  enum Format {
    TURTLE("text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", RDFFormat.JSONLD11_PRETTY),
    NTRIPLES("application/n-triples", RDFFormat.NTRIPLES_UTF8),
    RDFXML("application/rdf+xml", RDFFormat.RDFXML_PLAIN),
    HTML("text/html", null);

    final String mediaType;
    final RDFFormat rdf;

    Format(String mediaType, RDFFormat rdf) {
      this.mediaType = mediaType;
      this.rdf = rdf;
    }
  }

  private final List<String> graphs;
  private final Limits limits;
  private final Site site;

  private ServiceDescription(List<String> graphs, Limits limits, Site site) {
    this.graphs = List.copyOf(graphs);
    this.limits = limits;
    this.site = site;
  }

  /** Reads the graph names from the store once. */
  static ServiceDescription of(DatasetGraph dsg, Limits limits, Site site) {
    List<String> graphs =
        Txn.calculateRead(
            dsg,
            () -> {
              List<String> out = new ArrayList<>();
              dsg.listGraphNodes().forEachRemaining((Node g) -> out.add(g.getURI()));
              out.sort(null);
              return out;
            });
    return new ServiceDescription(graphs, limits, site);
  }

  /** The description of the endpoint at {@code endpoint} (its absolute URL). */
  Model model(String endpoint) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("sd", SD);
    m.setNsPrefix("formats", FORMATS);
    m.setNsPrefix("dcterms", DCTerms.NS);
    m.setNsPrefix("text", "http://jena.apache.org/text#");
    Resource service = m.createResource(endpoint);
    service.addProperty(RDF.type, m.createResource(SD + "Service"));
    service.addProperty(p(m, "endpoint"), service);
    service.addProperty(p(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
    for (String f :
        List.of(
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "JSON-LD",
            "RDF_XML")) {
      service.addProperty(p(m, "resultFormat"), m.createResource(FORMATS + f));
    }
    service.addProperty(p(m, "feature"), m.createResource(SD + "UnionDefaultGraph"));
    if (!limits.serviceHosts().isEmpty()) {
      service.addProperty(p(m, "feature"), m.createResource(SD + "BasicFederatedQuery"));
    }
    service.addProperty(
        p(m, "defaultEntailmentRegime"),
        m.createResource("http://www.w3.org/ns/entailment/Simple"));
    service.addProperty(
        p(m, "propertyFeature"), m.createResource("http://jena.apache.org/text#query"));
    service.addProperty(DCTerms.title, "知財KG SPARQL エンドポイント", "ja");
    service.addProperty(DCTerms.title, "chizai-kg SPARQL endpoint", "en");
    service.addProperty(DCTerms.description, limitsText(), "en");
    Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"));
    service.addProperty(p(m, "defaultDataset"), dataset);
    dataset.addProperty(
        p(m, "defaultGraph"),
        m.createResource()
            .addProperty(RDF.type, m.createResource(SD + "Graph"))
            .addProperty(DCTerms.description, "the union of the named graphs", "en"));
    for (String g : graphs) {
      dataset.addProperty(
          p(m, "namedGraph"),
          m.createResource()
              .addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
              .addProperty(p(m, "name"), m.createResource(g)));
    }
    return m;
  }

  /** The limits, in one sentence. */
  String limitsText() {
    return "Read-only (SPARQL 1.1 Query; no update). A query runs at most "
        + LimitedQuery.seconds(limits.timeout())
        + " s (less if the request asks with timeout=; header X-Query-Timeout) and returns at most "
        + limits.maxRows()
        + " rows (header X-Result-Limit when capped). Queries up to "
        + limits.maxQueryChars()
        + " characters, requests up to "
        + limits.maxRequestBytes()
        + " bytes. At most "
        + limits.maxQueriesPerClient()
        + " queries at once per client and "
        + limits.maxQueries()
        + " in all; others wait up to "
        + limits.queueTimeout().toSeconds()
        + " s, then 503 with Retry-After. "
        + (limits.serviceHosts().isEmpty()
            ? "SERVICE is disabled."
            : "SERVICE may call only " + String.join(", ", limits.serviceHosts()) + ".");
  }

  /** The description in an RDF format. */
  String rdf(String endpoint, Format f) {
    return RDFWriter.source(model(endpoint)).format(f.rdf).asString();
  }

  /** The description as a page for people, with its Turtle. */
  String html(String endpoint) {
    StringBuilder b = new StringBuilder(8192);
    b.append(
            "<article class=\"service\">\n<h1>SPARQL エンドポイント <span lang=\"en\">SPARQL endpoint</span></h1>\n")
        .append("<p><code>")
        .append(esc(endpoint))
        .append("</code> は SPARQL 1.1 クエリに答えます（GET の <code>?query=</code> または POST、読み取り専用）。")
        .append(
            " <span lang=\"en\">This URL answers SPARQL 1.1 queries (GET <code>?query=</code> or POST;")
        .append(
            " read-only). Without a query it describes itself (SPARQL 1.1 Service Description),")
        .append(" as below, or in RDF by <code>Accept</code>.</span></p>\n")
        .append("<p>")
        .append(Html.link("/#editor", "クエリ画面で試す / try it in the query editor"))
        .append("</p>\n<p lang=\"en\">")
        .append(esc(limitsText()))
        .append("</p>\n<pre>")
        .append(esc(rdf(endpoint, Format.TURTLE)))
        .append("</pre>\n</article>\n");
    return Html.page(
        "SPARQL エンドポイント",
        b.toString(),
        site.reports().stream().map(Site.ReportInfo::credit).toList(),
        "");
  }

  static Optional<Format> byMediaType(String mediaType) {
    for (Format f : Format.values()) {
      if (f.mediaType.equals(mediaType)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static Property p(Model m, String local) {
    return m.createProperty(SD + local);
  }
}
