package kg.chizai.rdf;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;

/**
 * The RDF syntaxes chizai-kg writes, and nothing Jena does not already know: each is one of Jena's
 * {@link Lang}s (its name, file extension and media type come from Jena's registry) with the writer
 * variant we use. The file extension is also the short name of {@code ?format=} on the linked-data
 * pages; {@code convert --output} picks the format by it; a release has one dump per format.
 *
 * <pre>{@code Formats.Format f = Formats.forPath(Path.of("out.ttl")).orElseThrow(); // Turtle}
 * </pre>
 */
public final class Formats {

  /**
   * One syntax.
   *
   * @param lang Jena's language: name, extension, media type, and whether it holds named graphs
   * @param writer Jena's writer variant (pretty Turtle, UTF-8 N-Triples, plain RDF/XML …); empty
   *     for JSON-LD, which {@link JsonLdWriter} writes
   * @param euFileType its code in the EU file-type authority list (for DCAT-AP {@code
   *     dcterms:format})
   */
  public record Format(Lang lang, Optional<RDFFormat> writer, String euFileType) {

    public Format {
      if (writer.isPresent() && writer.get().getLang() != lang) {
        throw new IllegalArgumentException(writer.get() + " does not write " + lang);
      }
    }

    /** The file extension with its dot, e.g. {@code .ttl}: Jena's first one for the language. */
    public String extension() {
      return "." + key();
    }

    /** The short name, e.g. {@code ttl} (for {@code ?format=}). */
    public String key() {
      return lang.getFileExtensions().get(0);
    }

    /** The IANA media type, e.g. {@code text/turtle}. */
    public String mediaType() {
      return lang.getHeaderString();
    }

    /** The usual name, e.g. {@code N-Triples}. */
    public String label() {
      return lang.getLabel();
    }

    /** Whether the syntax keeps named graphs (otherwise the union of all graphs is written). */
    public boolean quads() {
      return RDFLanguages.isQuads(lang);
    }

    /** Whether the syntax can hold a single graph (everything but N-Quads and TriG). */
    public boolean triples() {
      return RDFLanguages.isTriples(lang);
    }

    /** The W3C format IRI ({@code http://www.w3.org/ns/formats/…}), for {@code void:feature}. */
    public String w3cFormat() {
      return "http://www.w3.org/ns/formats/" + label().replace('/', '_');
    }

    @Override
    public String toString() {
      return label();
    }
  }

  public static final Format TURTLE = jena(Lang.TURTLE, RDFFormat.TURTLE_PRETTY, "RDF_TURTLE");
  public static final Format NTRIPLES =
      jena(Lang.NTRIPLES, RDFFormat.NTRIPLES_UTF8, "RDF_N_TRIPLES");
  public static final Format NQUADS = jena(Lang.NQUADS, RDFFormat.NQUADS_UTF8, "RDF_N_QUADS");
  public static final Format TRIG = jena(Lang.TRIG, RDFFormat.TRIG_PRETTY, "RDF_TRIG");

  /** Written by {@link JsonLdWriter}, compacted with the context generated from the ontology. */
  public static final Format JSONLD = new Format(Lang.JSONLD, Optional.empty(), "JSON_LD");

  public static final Format RDFXML = jena(Lang.RDFXML, RDFFormat.RDFXML_PLAIN, "RDF_XML");

  /** Every format offered, in the order they are listed to users. */
  public static final List<Format> ALL = List.of(TURTLE, NTRIPLES, NQUADS, TRIG, JSONLD, RDFXML);

  private Formats() {}

  private static Format jena(Lang lang, RDFFormat writer, String euFileType) {
    return new Format(lang, Optional.of(writer), euFileType);
  }

  /** The format whose extension {@code path} ends with. */
  public static Optional<Format> forPath(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(f -> name.endsWith(f.extension())).findFirst();
  }

  /** The format of a short name ({@code ttl}, {@code jsonld} …). */
  public static Optional<Format> forKey(String key) {
    return ALL.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The format of a media type ({@code text/turtle} …). */
  public static Optional<Format> forMediaType(String mediaType) {
    return ALL.stream().filter(f -> f.mediaType().equals(mediaType)).findFirst();
  }

  /** The extensions, for messages: {@code .ttl, .nt, …}. */
  public static String extensions() {
    return ALL.stream().map(Format::extension).collect(Collectors.joining(", "));
  }
}
