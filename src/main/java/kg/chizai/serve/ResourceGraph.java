package kg.chizai.serve;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The graph the server serves about one IRI (its page and its RDF): {@link #data} (every triple
 * with it as subject, and up to a limit those with it as object) is what the RDF formats return;
 * {@link #context} adds what the HTML page shows about its neighbours (labels, types, sheet
 * numbers, the report for the credit).
 *
 * @param iri the thing described
 * @param data outgoing and incoming triples
 * @param context labels and facts about the neighbours, for display only
 * @param incomingTruncated whether more incoming triples exist than {@code data} holds
 */
record ResourceGraph(String iri, Model data, Model context, boolean incomingTruncated) {

  /** Predicates copied about each neighbour, so the page can name it. */
  private static final List<Node> NEIGHBOUR_FACTS =
      List.of(
          RDF.type.asNode(),
          RDFS.label.asNode(),
          SKOS.prefLabel.asNode(),
          DCTerms.title.asNode(),
          CKG.sourceText.asNode(),
          CKG.ordinal.asNode(),
          CKG.sourceFile.asNode(),
          CKG.lineStart.asNode(),
          CKG.lineEnd.asNode(),
          CKG.eGovLawPage.asNode());

  /** Reads the description of {@code iri} from the union graph; empty if the store has none. */
  static Optional<ResourceGraph> read(DatasetGraph dsg, String iri, int maxIncoming) {
    return Txn.calculateRead(
        dsg,
        () -> {
          Graph union = dsg.getUnionGraph();
          Node n = NodeFactory.createURI(iri);
          Model data = ModelFactory.createDefaultModel().setNsPrefixes(Namespaces.prefixes());
          Graph g = data.getGraph();
          union.find(n, Node.ANY, Node.ANY).forEachRemaining(g::add);
          boolean truncated = false;
          ExtendedIterator<Triple> in = union.find(Node.ANY, Node.ANY, n);
          try {
            int count = 0;
            while (in.hasNext()) {
              if (count == maxIncoming) {
                truncated = true;
                break;
              }
              g.add(in.next());
              count++;
            }
          } finally {
            in.close();
          }
          if (data.isEmpty()) {
            return Optional.empty();
          }
          Model context = ModelFactory.createDefaultModel();
          Graph c = context.getGraph();
          data.listSubjects().forEachRemaining(s -> facts(union, s.asNode(), c));
          data.listObjects()
              .filterKeep(o -> o.isURIResource())
              .forEachRemaining(o -> facts(union, o.asNode(), c));
          // The report (for the credit line) and its publisher's name.
          for (Triple t : union.find(n, CKG.inReport.asNode(), Node.ANY).toList()) {
            report(union, t.getObject(), c);
          }
          report(union, n, c);
          return Optional.of(new ResourceGraph(iri, data, context, truncated));
        });
  }

  /** What a page needs to name each of these things (call inside a read transaction). */
  static Model facts(DatasetGraph dsg, Collection<String> iris) {
    Graph union = dsg.getUnionGraph();
    Model m = ModelFactory.createDefaultModel();
    for (String iri : iris) {
      Node n = NodeFactory.createURI(iri);
      facts(union, n, m.getGraph());
      // A sub-item is named by the entry it belongs to.
      for (Triple t : union.find(Node.ANY, CKG.hasItem.asNode(), n).toList()) {
        m.getGraph().add(t);
        facts(union, t.getSubject(), m.getGraph());
      }
    }
    return m;
  }

  private static void facts(Graph union, Node s, Graph into) {
    for (Node p : NEIGHBOUR_FACTS) {
      union.find(s, p, Node.ANY).forEachRemaining(into::add);
    }
  }

  private static void report(Graph union, Node report, Graph into) {
    if (!union.contains(report, RDF.type.asNode(), CKG.ProgressReport.asNode())) {
      return;
    }
    for (Node p :
        List.of(
            RDF.type.asNode(),
            DCTerms.title.asNode(),
            DCTerms.issued.asNode(),
            DCTerms.publisher.asNode(),
            CKG.sourceFile.asNode())) {
      union.find(report, p, Node.ANY).forEachRemaining(into::add);
    }
    for (Triple t : union.find(report, DCTerms.publisher.asNode(), Node.ANY).toList()) {
      facts(union, t.getObject(), into);
    }
  }
}
