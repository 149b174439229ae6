package kg.chizai.publish;

import org.apache.jena.riot.Lang;

/**
 * The dump files of a release: one per format, all holding the same data. The quad formats keep one
 * named graph per report plus the reference graph; the triple formats hold their union.
 */
public enum Dump {
  NTRIPLES_GZ(
      "chizai-kg.nt.gz", "N-Triples", "application/n-triples", "RDF_N_TRIPLES", Lang.NTRIPLES),
  NQUADS_GZ("chizai-kg.nq.gz", "N-Quads", "application/n-quads", "RDF_N_QUADS", Lang.NQUADS),
  TURTLE("chizai-kg.ttl", "Turtle", "text/turtle", "RDF_TURTLE", Lang.TURTLE),
  TRIG("chizai-kg.trig", "TriG", "application/trig", "RDF_TRIG", Lang.TRIG),
  JSONLD("chizai-kg.jsonld", "JSON-LD", "application/ld+json", "JSON_LD", Lang.JSONLD),
  RDFXML("chizai-kg.rdf", "RDF/XML", "application/rdf+xml", "RDF_XML", Lang.RDFXML);

  private final String fileName;
  private final String formatName;
  private final String mediaType;
  private final String euFileType;
  private final Lang lang;

  Dump(String fileName, String formatName, String mediaType, String euFileType, Lang lang) {
    this.fileName = fileName;
    this.formatName = formatName;
    this.mediaType = mediaType;
    this.euFileType = euFileType;
    this.lang = lang;
  }

  /** The file's name in a release directory. */
  public String fileName() {
    return fileName;
  }

  /** The format's usual name, e.g. {@code N-Triples}. */
  public String formatName() {
    return formatName;
  }

  /** The IANA media type of the (uncompressed) content. */
  public String mediaType() {
    return mediaType;
  }

  /** The code of the format in the EU file-type authority list. */
  String euFileType() {
    return euFileType;
  }

  /** The W3C format IRI ({@code http://www.w3.org/ns/formats/…}) for {@code void:feature}. */
  String w3cFormat() {
    String local =
        switch (this) {
          case RDFXML -> "RDF_XML";
          default -> formatName;
        };
    return "http://www.w3.org/ns/formats/" + local;
  }

  /** Whether the file is gzip-compressed. */
  public boolean gzip() {
    return fileName.endsWith(".gz");
  }

  /** Whether the file keeps named graphs. */
  public boolean quads() {
    return lang == Lang.NQUADS || lang == Lang.TRIG || lang == Lang.JSONLD;
  }

  /** The RDF syntax of the (uncompressed) content. */
  public Lang lang() {
    return lang;
  }
}
