package kg.chizai.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Turtle for people to read: the given subjects first, in the given order, then every other subject
 * in IRI order; {@code rdf:type} first, then predicates and objects in order. For small graphs of
 * IRIs and literals (no blank nodes), such as a dataset description.
 */
final class SortedTurtle {

  private SortedTurtle() {}

  static byte[] write(Model m, List<String> first) {
    PrefixMap pm = PrefixMapFactory.create(m);
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(m.getNsPrefixMap())
        .forEach(
            (p, ns) -> sb.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
    Map<Node, List<Triple>> bySubject = new TreeMap<>(Comparator.comparing(Node::getURI));
    m.getGraph()
        .find()
        .forEach(
            t -> {
              if (!t.getSubject().isURI()) {
                throw new IllegalArgumentException("blank node in " + t);
              }
              bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            });
    List<Node> order = new ArrayList<>();
    for (String iri : first) {
      Node n = org.apache.jena.graph.NodeFactory.createURI(iri);
      if (bySubject.containsKey(n)) {
        order.add(n);
      }
    }
    for (Node n : bySubject.keySet()) {
      if (!order.contains(n)) {
        order.add(n);
      }
    }
    for (Node s : order) {
      sb.append('\n').append(NodeFmtLib.str(s, pm)).append('\n');
      Map<String, List<String>> byPredicate =
          new TreeMap<>(
              Comparator.comparing((String p) -> !p.equals("rdf:type"))
                  .thenComparing(Comparator.naturalOrder()));
      for (Triple t : bySubject.get(s)) {
        if (t.getObject().isBlank()) {
          throw new IllegalArgumentException("blank node in " + t);
        }
        String p =
            t.getPredicate().equals(RDF.type.asNode())
                ? "rdf:type"
                : NodeFmtLib.str(t.getPredicate(), pm);
        byPredicate
            .computeIfAbsent(p, k -> new ArrayList<>())
            .add(NodeFmtLib.str(t.getObject(), pm));
      }
      int i = 0;
      for (Map.Entry<String, List<String>> e : byPredicate.entrySet()) {
        List<String> objects = e.getValue();
        objects.sort(null);
        sb.append("    ").append(e.getKey()).append(' ').append(String.join(" , ", objects));
        sb.append(++i == byPredicate.size() ? " .\n" : " ;\n");
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
