package kg.chizai.rdf;

import java.io.ByteArrayInputStream;
import kg.chizai.base.Resources;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The chizai-kg ontology ({@code ontology/chizai.ttl}), as packaged in the jar.
 *
 * <pre>{@code Ontology.addTo(dataset, iris); // adds the named graph …/graph/ontology}</pre>
 */
public final class Ontology {

  /** Where the ontology lives on the classpath. */
  public static final String RESOURCE = "/ontology/chizai.ttl";

  private Ontology() {}

  /** A fresh copy of the ontology graph. */
  public static Model model() {
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(m, new ByteArrayInputStream(Resources.bytes(RESOURCE)), Lang.TURTLE);
    return m;
  }

  /** Adds the ontology to a dataset as its own named graph ({@link Iris#ontologyGraph()}). */
  public static void addTo(Dataset ds, Iris iris) {
    ds.addNamedModel(iris.ontologyGraph(), model());
  }
}
