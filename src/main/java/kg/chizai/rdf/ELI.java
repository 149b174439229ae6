package kg.chizai.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the European Legislation Identifier ontology that chizai-kg writes for statutes and
 * their articles, one constant per term (Jena has no vocabulary class for ELI). Where ELI has a
 * property, the graph uses it rather than a ckg: one.
 */
public final class ELI {

  /** Namespace of the ELI ontology. */
  public static final String NS = Namespaces.ELI;

  /** eli:LegalResource. */
  public static final Resource LegalResource = ResourceFactory.createResource(NS + "LegalResource");

  /** eli:LegalResourceSubdivision. */
  public static final Resource LegalResourceSubdivision =
      ResourceFactory.createResource(NS + "LegalResourceSubdivision");

  /** eli:id_local: the e-Gov law ID (法令ID) of a statute. */
  public static final Property id_local = property("id_local");

  /** eli:number: a statute's law number (法令番号), an article's number (13, 30-4). */
  public static final Property number = property("number");

  /** eli:date_document: the date a statute was promulgated (公布日). */
  public static final Property date_document = property("date_document");

  /** eli:amends: the statute an amending act amends. */
  public static final Property amends = property("amends");

  /** eli:is_part_of: the statute an article belongs to. */
  public static final Property is_part_of = property("is_part_of");

  private ELI() {}

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
