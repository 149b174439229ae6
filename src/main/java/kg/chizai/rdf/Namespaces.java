package kg.chizai.rdf;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * The namespaces chizai-kg writes that Jena has no vocabulary class for, and the one prefix mapping
 * every output (files, pages, findings, the release) uses.
 */
public final class Namespaces {

  /** W3C PROV-O. */
  public static final String PROV = "http://www.w3.org/ns/prov#";

  /** W3C Organization Ontology. */
  public static final String ORG = "http://www.w3.org/ns/org#";

  /** schema.org. */
  public static final String SCHEMA = "https://schema.org/";

  /** FOAF. */
  public static final String FOAF = "http://xmlns.com/foaf/0.1/";

  /** VoID. */
  public static final String VOID = "http://rdfs.org/ns/void#";

  /** W3C OWL-Time. */
  public static final String TIME = "http://www.w3.org/2006/time#";

  /** The European Legislation Identifier ontology. */
  public static final String ELI = "http://data.europa.eu/eli/ontology#";

  private static final PrefixMapping PREFIXES =
      PrefixMapping.Factory.create()
          .setNsPrefix(CKG.PREFIX, CKG.NS)
          .setNsPrefix("dcterms", DCTerms.NS)
          .setNsPrefix("eli", ELI)
          .setNsPrefix("org", ORG)
          .setNsPrefix("owl", OWL.NS)
          .setNsPrefix("prov", PROV)
          .setNsPrefix("rdf", RDF.uri)
          .setNsPrefix("rdfs", RDFS.uri)
          .setNsPrefix("schema", SCHEMA)
          .setNsPrefix("skos", SKOS.uri)
          .setNsPrefix("time", TIME)
          .setNsPrefix("evtype", CKG.ONTOLOGY + "/event-type#")
          .setNsPrefix("status", CKG.ONTOLOGY + "/status#")
          .setNsPrefix("timerole", CKG.ONTOLOGY + "/time-role#")
          .setNsPrefix("dateq", CKG.ONTOLOGY + "/date-qualifier#")
          .setNsPrefix("void", VOID)
          .setNsPrefix("foaf", FOAF)
          .setNsPrefix("xsd", XSD.NS)
          .lock();

  private Namespaces() {}

  /**
   * SPARQL {@code PREFIX} lines for {@code names}, in that order, from the one prefix mapping, e.g.
   * {@code sparqlPrefixes("ckg", "rdfs")} gives {@code PREFIX ckg:
   * <https://w3id.org/chizai-kg/def#>} and {@code PREFIX rdfs: <…>}, one per line.
   *
   * @throws IllegalArgumentException for a name the mapping does not have
   */
  public static String sparqlPrefixes(String... names) {
    StringBuilder b = new StringBuilder();
    for (String name : names) {
      String ns = PREFIXES.getNsPrefixURI(name);
      if (ns == null) {
        throw new IllegalArgumentException(
            "no prefix " + name + " in " + PREFIXES.getNsPrefixMap());
      }
      b.append("PREFIX ")
          .append(String.format("%-5s", name + ":"))
          .append(" <")
          .append(ns)
          .append(">\n");
    }
    return b.toString();
  }

  /** The prefixes every output uses (locked: copy it to change it). */
  public static PrefixMapping prefixes() {
    return PREFIXES;
  }
}
