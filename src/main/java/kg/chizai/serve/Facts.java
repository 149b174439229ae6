package kg.chizai.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

/**
 * Small readers over the graph for the views: a thing's literal, number or linked things, the
 * things that link to it, in document order, and SELECT answers as a list. They only read the model
 * they are given.
 */
final class Facts {

  /** The terms of other vocabularies the views follow. */
  static final Property WAS_ATTRIBUTED_TO =
      ResourceFactory.createProperty(Namespaces.PROV + "wasAttributedTo");

  static final Property WAS_ASSOCIATED_WITH =
      ResourceFactory.createProperty(Namespaces.PROV + "wasAssociatedWith");
  static final Property SUB_ORGANIZATION_OF =
      ResourceFactory.createProperty(Namespaces.ORG + "subOrganizationOf");

  private Facts() {}

  /** The lexical form of the first literal value of {@code p}, if any. */
  static Optional<String> string(Resource r, Property p) {
    for (Statement s : r.listProperties(p).toList()) {
      if (s.getObject().isLiteral()) {
        return Optional.of(s.getObject().asLiteral().getLexicalForm());
      }
    }
    return Optional.empty();
  }

  /** An integer value of {@code p}, if it has one that reads as an integer. */
  static OptionalInt integer(Resource r, Property p) {
    Optional<String> s = string(r, p);
    if (s.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(s.get().strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** The IRIs {@code r} links to with {@code p}. */
  static List<Resource> objects(Resource r, Property p) {
    List<Resource> out = new ArrayList<>();
    for (Statement s : r.listProperties(p).toList()) {
      if (s.getObject().isURIResource()) {
        out.add(s.getResource());
      }
    }
    return out;
  }

  /** The first IRI {@code r} links to with {@code p}. */
  static Optional<Resource> object(Resource r, Property p) {
    return objects(r, p).stream().findFirst();
  }

  /** The things (IRIs) that link to {@code r} with {@code p}. */
  static List<Resource> subjects(Model m, Property p, Resource r) {
    List<Resource> out = new ArrayList<>();
    m.listResourcesWithProperty(p, r)
        .forEachRemaining(
            s -> {
              if (s.isURIResource()) {
                out.add(s);
              }
            });
    return out;
  }

  /** Whether {@code r} has the type {@code type}. */
  static boolean is(Resource r, Resource type) {
    return r.hasProperty(RDF.type, type);
  }

  /**
   * Document order: by first line, then ordinal, then IRI (so sheet 9 before sheet 10 and every
   * order is total and repeatable).
   */
  static final Comparator<Resource> DOCUMENT_ORDER =
      Comparator.comparingInt((Resource r) -> integer(r, CKG.lineStart).orElse(Integer.MAX_VALUE))
          .thenComparingInt(r -> integer(r, CKG.ordinal).orElse(Integer.MAX_VALUE))
          .thenComparing(r -> r.getURI(), ResourcePage.NATURAL);

  /** {@code list}, sorted in {@link #DOCUMENT_ORDER}, without repeats. */
  static List<Resource> inDocumentOrder(List<Resource> list) {
    return list.stream().distinct().sorted(DOCUMENT_ORDER).toList();
  }

  /** Runs a SELECT query over the model and returns every row. */
  static List<QuerySolution> select(Model m, String query) {
    List<QuerySolution> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.create(query, m)) {
      qe.execSelect().forEachRemaining(out::add);
    }
    return out;
  }

  /** The lexical form of a literal or the IRI of a resource; empty for a missing binding. */
  static String text(QuerySolution s, String var) {
    RDFNode n = s.get(var);
    if (n == null) {
      return "";
    }
    return n.isLiteral()
        ? n.asLiteral().getLexicalForm()
        : n.isURIResource() ? n.asResource().getURI() : "";
  }
}
