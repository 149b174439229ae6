package kg.chizai.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

class NamespacesTest {

  @Test
  void sparqlPrefixes_linesInTheOrderAsked_fromTheOneMapping() {
    assertEquals(
        "PREFIX ckg:  <https://w3id.org/chizai-kg/def#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>\n",
        Namespaces.sparqlPrefixes("ckg", "rdfs", "xsd"));
    Query q =
        QueryFactory.create(
            Namespaces.sparqlPrefixes("ckg", "prov", "eli", "time")
                + "SELECT * { ?s a ckg:Direction }");
    assertEquals(Namespaces.prefixes().getNsPrefixURI("eli"), q.getPrefix("eli"));
  }

  @Test
  void sparqlPrefixes_unknownName_refused() {
    assertThrows(IllegalArgumentException.class, () -> Namespaces.sparqlPrefixes("nope"));
  }
}
