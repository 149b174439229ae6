package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The one sorted-Turtle writer: natural order, chosen subjects first, relative IRIs, stable. */
class SortedTurtleTest {

  private static final String ID = Iris.DEFAULT_BASE + "id/";

  private static Model model() {
    Model m = ModelFactory.createDefaultModel();
    for (String s : List.of("entry/2-10", "entry/2-9", "entry/10-1")) {
      m.createResource(ID + s)
          .addProperty(RDFS.label, "x " + s)
          .addProperty(RDF.type, CKG.ProgressEntry);
    }
    m.createResource(ID + "entry/2-9")
        .addProperty(
            CKG.ordinal,
            m.createTypedLiteral("9", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
    return m;
  }

  @Test
  void write_subjectsInNaturalOrder_typeFirst_relativeToTheBase() {
    String ttl = SortedTurtle.write(model(), Namespaces.prefixes(), Optional.of(ID), List.of());
    assertTrue(ttl.startsWith("@base <" + ID + "> .\n@prefix ckg: "), ttl);
    int a = ttl.indexOf("\n<entry/2-9>\n    rdf:type ckg:ProgressEntry ;\n    ckg:ordinal 9 ;");
    int b = ttl.indexOf("\n<entry/2-10>\n");
    int c = ttl.indexOf("\n<entry/10-1>\n");
    assertTrue(a > 0 && a < b && b < c, ttl);
  }

  @Test
  void write_firstSubjectsFirst() {
    String ttl =
        SortedTurtle.write(
            model(), Namespaces.prefixes(), Optional.empty(), List.of(ID + "entry/10-1"));
    assertTrue(ttl.indexOf("<" + ID + "entry/10-1>") < ttl.indexOf("<" + ID + "entry/2-9>"), ttl);
  }

  @Test
  void write_readsBackAsTheSameGraph() {
    Model m = model();
    for (Optional<String> base : List.of(Optional.<String>empty(), Optional.of(ID))) {
      String ttl = SortedTurtle.write(m, Namespaces.prefixes(), base, List.of());
      Model back = ModelFactory.createDefaultModel();
      RDFParser.create().source(new StringReader(ttl)).lang(Lang.TURTLE).parse(back.getGraph());
      assertTrue(back.isIsomorphicWith(m), ttl);
      assertEquals(ttl, SortedTurtle.write(m, Namespaces.prefixes(), base, List.of()));
    }
  }

  @Test
  void write_blankNode_refused() {
    Model m = ModelFactory.createDefaultModel();
    m.createResource().addProperty(RDFS.label, "anonymous");
    assertThrows(
        IllegalArgumentException.class,
        () -> SortedTurtle.write(m, Namespaces.prefixes(), Optional.empty(), List.of()));
  }
}
