package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks {@link CKG} against {@code ontology/chizai.ttl} both ways, and the ontology metadata. */
class CKGVocabularyTest {

  private static final String ONTOLOGY_FILE = "ontology/chizai.ttl";
  private static final String VANN = "http://purl.org/vocab/vann/";
  private static final List<Resource> TERM_TYPES =
      List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty);

  private static Model ontology;
  private static Resource ontologyNode;

  @BeforeAll
  static void loadOntology() {
    ontology = RDFDataMgr.loadModel(ONTOLOGY_FILE);
    ontologyNode = ontology.createResource(CKG.ONTOLOGY);
  }

  @Test
  void ontology_declaresEveryConstant() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Resource> constant : constants().entrySet()) {
      Resource term = constant.getValue();
      String name = constant.getKey();
      if (term instanceof Property) {
        if (!ontology.contains(term, RDF.type, OWL.ObjectProperty)
            && !ontology.contains(term, RDF.type, OWL.DatatypeProperty)
            && !ontology.contains(term, RDF.type, OWL.AnnotationProperty)) {
          problems.add(
              name
                  + " ("
                  + term.getURI()
                  + ") is not an owl:ObjectProperty, owl:DatatypeProperty or owl:AnnotationProperty");
        }
      } else if (!ontology.contains(term, RDF.type, OWL.Class)) {
        problems.add(name + " (" + term.getURI() + ") is not an owl:Class");
      }
    }
    assertTrue(problems.isEmpty(), () -> "Not declared in " + ONTOLOGY_FILE + ": " + problems);
  }

  @Test
  void vocabulary_hasConstantForEveryDeclaredTerm() {
    Set<String> constantIris = new TreeSet<>();
    constants().values().forEach(term -> constantIris.add(term.getURI()));
    Set<String> missing = new TreeSet<>(declaredTerms());
    missing.removeAll(constantIris);
    assertTrue(missing.isEmpty(), () -> "Declared terms without a CKG constant: " + missing);
  }

  @Test
  void vocabulary_constantNamesMatchLocalNames() {
    List<String> problems = new ArrayList<>();
    constants()
        .forEach(
            (name, term) -> {
              if (!term.getURI().equals(CKG.NS + name)) {
                problems.add(name + " -> " + term.getURI());
              }
            });
    assertTrue(problems.isEmpty(), () -> "Constants not named after their term: " + problems);
  }

  @Test
  void ontology_everyTermIsLabelledCommentedAndDefined() {
    List<String> problems = new ArrayList<>();
    for (String iri : declaredTerms()) {
      Resource term = ontology.createResource(iri);
      String name = "ckg:" + iri.substring(CKG.NS.length());
      if (!hasLiteral(term, RDFS.label, "ja")) {
        problems.add(name + " has no rdfs:label@ja");
      }
      if (!hasLiteral(term, RDFS.label, "en")) {
        problems.add(name + " has no rdfs:label@en");
      }
      if (!hasLiteral(term, RDFS.comment, "en")) {
        problems.add(name + " has no rdfs:comment@en");
      }
      if (!ontology.contains(term, RDFS.isDefinedBy, ontologyNode)) {
        problems.add(name + " has no rdfs:isDefinedBy <" + CKG.ONTOLOGY + ">");
      }
    }
    assertTrue(problems.isEmpty(), () -> "Incomplete term documentation: " + problems);
  }

  @Test
  void ontology_hasFoopsMetadata() {
    List<String> problems = new ArrayList<>();
    check(
        problems, ontology.contains(ontologyNode, RDF.type, OWL.Ontology), "rdf:type owl:Ontology");
    check(problems, hasLiteral(ontologyNode, DCTerms.title, "en"), "dcterms:title@en");
    check(problems, hasLiteral(ontologyNode, DCTerms.title, "ja"), "dcterms:title@ja");
    check(problems, hasLiteral(ontologyNode, DCTerms.description, "en"), "dcterms:description@en");
    check(problems, hasLiteral(ontologyNode, DCTerms.description, "ja"), "dcterms:description@ja");
    check(
        problems,
        ontology.contains(
            ontologyNode,
            DCTerms.license,
            ontology.createResource("https://creativecommons.org/licenses/by/4.0/")),
        "dcterms:license <https://creativecommons.org/licenses/by/4.0/>");
    check(
        problems,
        ontology.contains(ontologyNode, DCTerms.creator, "chizai-kg developers"),
        "dcterms:creator \"chizai-kg developers\"");
    check(
        problems,
        ontology.contains(
            ontologyNode,
            DCTerms.created,
            ontology.createTypedLiteral("2026-11-26", XSDDatatype.XSDdate)),
        "dcterms:created \"2026-11-26\"^^xsd:date");
    check(problems, hasDate(ontologyNode, DCTerms.modified), "dcterms:modified as xsd:date");
    check(
        problems,
        ontology.contains(
            ontologyNode, OWL.versionIRI, ontology.createResource(CKG.ONTOLOGY + "/0.1.0")),
        "owl:versionIRI <" + CKG.ONTOLOGY + "/0.1.0>");
    check(
        problems,
        ontology.contains(ontologyNode, OWL.versionInfo, "0.1.0"),
        "owl:versionInfo \"0.1.0\"");
    check(
        problems,
        ontology.contains(ontologyNode, vann("preferredNamespacePrefix"), CKG.PREFIX),
        "vann:preferredNamespacePrefix \"" + CKG.PREFIX + "\"");
    check(
        problems,
        ontology.contains(ontologyNode, vann("preferredNamespaceUri"), CKG.NS),
        "vann:preferredNamespaceUri \"" + CKG.NS + "\"");
    check(
        problems,
        ontology.listObjectsOfProperty(ontologyNode, RDFS.seeAlso).toList().stream()
            .anyMatch(RDFNode::isURIResource),
        "rdfs:seeAlso <…>");
    assertTrue(problems.isEmpty(), () -> "Ontology <" + CKG.ONTOLOGY + "> lacks: " + problems);
  }

  @Test
  void ontology_declaresOnlyNamespaceTermsAndOneOntology() {
    List<Resource> ontologies = ontology.listSubjectsWithProperty(RDF.type, OWL.Ontology).toList();
    assertEquals(List.of(ontologyNode), ontologies, "owl:Ontology nodes");
    Set<String> foreign = new TreeSet<>();
    for (Resource type : TERM_TYPES) {
      ontology
          .listSubjectsWithProperty(RDF.type, type)
          .forEach(
              subject -> {
                if (!subject.isURIResource() || !subject.getURI().startsWith(CKG.NS)) {
                  foreign.add(String.valueOf(subject));
                }
              });
    }
    assertTrue(
        foreign.isEmpty(), () -> "External terms must be referred to, not declared: " + foreign);
  }

  /** Public static Resource and Property constants of {@link CKG}, by field name. */
  private static Map<String, Resource> constants() {
    Map<String, Resource> constants = new TreeMap<>();
    for (Field field : CKG.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Resource.class.isAssignableFrom(field.getType())) {
        try {
          constants.put(field.getName(), (Resource) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError("Cannot read CKG." + field.getName(), e);
        }
      }
    }
    assertTrue(!constants.isEmpty(), "CKG declares no Resource or Property constants");
    return constants;
  }

  /** IRIs in the ckg: namespace typed owl:Class or an OWL property type. */
  private static Set<String> declaredTerms() {
    Set<String> terms = new TreeSet<>();
    for (Resource type : TERM_TYPES) {
      ontology
          .listSubjectsWithProperty(RDF.type, type)
          .forEach(
              subject -> {
                if (subject.isURIResource() && subject.getURI().startsWith(CKG.NS)) {
                  terms.add(subject.getURI());
                }
              });
    }
    return terms;
  }

  private static boolean hasLiteral(Resource subject, Property predicate, String lang) {
    for (Statement statement : subject.listProperties(predicate).toList()) {
      RDFNode object = statement.getObject();
      if (object.isLiteral()) {
        Literal literal = object.asLiteral();
        if (literal.getLanguage().equals(lang) && !literal.getLexicalForm().isBlank()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasDate(Resource subject, Property predicate) {
    return subject.listProperties(predicate).toList().stream()
        .map(Statement::getObject)
        .anyMatch(
            object ->
                object.isLiteral()
                    && XSDDatatype.XSDdate.getURI().equals(object.asLiteral().getDatatypeURI()));
  }

  private static Property vann(String localName) {
    return ResourceFactory.createProperty(VANN + localName);
  }

  private static void check(List<String> problems, boolean ok, String what) {
    if (!ok) {
      problems.add(what);
    }
  }
}
