package kg.chizai.publish;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.VOID;

/**
 * Terms of the description vocabularies that Jena's own vocabulary classes ({@code DCAT}, {@code
 * VOID}, {@code DCTerms}, {@code FOAF}) lack, one nested class per namespace.
 */
final class Vocab {

  private Vocab() {}

  /** DCAT 3 versioning terms. */
  static final class Dcat3 {
    static final String NS = DCAT.NS;
    static final Property version = p(NS, "version");
    static final Property hasVersion = p(NS, "hasVersion");
    static final Property hasCurrentVersion = p(NS, "hasCurrentVersion");
    static final Property previousVersion = p(NS, "previousVersion");

    private Dcat3() {}
  }

  /** VoID's {@code void:class}, a Java keyword. */
  static final class Void {
    static final String NS = VOID.NS;
    static final Property clazz = p(NS, "class");

    private Void() {}
  }

  /** SPDX checksums, as DCAT 3 and DCAT-AP 3 use them. */
  static final class Spdx {
    static final String NS = "http://spdx.org/rdf/terms#";
    static final Resource Checksum = r(NS, "Checksum");
    static final Property checksum = p(NS, "checksum");
    static final Property algorithm = p(NS, "algorithm");
    static final Property checksumValue = p(NS, "checksumValue");
    static final Resource checksumAlgorithm_sha256 = r(NS, "checksumAlgorithm_sha256");
    static final Resource ChecksumAlgorithm = r(NS, "ChecksumAlgorithm");

    private Spdx() {}
  }

  /** ADMS, for the notes on what changed since the previous version. */
  static final class Adms {
    static final String NS = "http://www.w3.org/ns/adms#";
    static final Property versionNotes = p(NS, "versionNotes");

    private Adms() {}
  }

  /** vCard, for the contact point DCAT-AP asks for. */
  static final class Vcard {
    static final String NS = "http://www.w3.org/2006/vcard/ns#";
    static final Resource Kind = r(NS, "Kind");
    static final Resource Organization = r(NS, "Organization");
    static final Property fn = p(NS, "fn");
    static final Property hasURL = p(NS, "hasURL");

    private Vcard() {}
  }

  /** DCAT-AP's own terms. */
  static final class Dcatap {
    static final String NS = "http://data.europa.eu/r5r/";
    static final Property availability = p(NS, "availability");

    private Dcatap() {}
  }

  /** SPARQL 1.1 Service Description: the name of a named graph. */
  static final class Sd {
    static final String NS = "http://www.w3.org/ns/sparql-service-description#";
    static final Property name = p(NS, "name");

    private Sd() {}
  }

  /** Controlled vocabularies that DCAT-AP 3 asks for (EU Publications Office authority lists). */
  static final class Eu {
    static final String AUTHORITY = "http://publications.europa.eu/resource/authority/";
    static final Resource languageJapanese = r(AUTHORITY, "language/JPN");
    static final Resource languageEnglish = r(AUTHORITY, "language/ENG");
    static final Resource countryJapan = r(AUTHORITY, "country/JPN");
    static final Resource themeGovernment = r(AUTHORITY, "data-theme/GOVE");
    static final Resource frequencyAnnual = r(AUTHORITY, "frequency/ANNUAL");
    static final Resource themes = r(AUTHORITY, "data-theme");

    static Resource fileType(String code) {
      return r(AUTHORITY, "file-type/" + code);
    }

    private Eu() {}
  }

  /** IANA media types as IRIs, the form DCAT-AP 3 uses for {@code dcat:mediaType}. */
  static Resource mediaType(String type) {
    return r("http://www.iana.org/assignments/media-types/", type);
  }

  private static Property p(String ns, String local) {
    return ResourceFactory.createProperty(ns, local);
  }

  private static Resource r(String ns, String local) {
    return ResourceFactory.createResource(ns + local);
  }
}
