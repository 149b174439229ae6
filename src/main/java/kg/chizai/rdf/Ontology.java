package kg.chizai.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    try (InputStream in = Ontology.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("ontology missing from the classpath: " + RESOURCE);
      }
      Model m = ModelFactory.createDefaultModel();
      RDFDataMgr.read(m, in, Lang.TURTLE);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the ontology to a dataset as its own named graph ({@link Iris#ontologyGraph()}). */
  public static void addTo(Dataset ds, Iris iris) {
    ds.addNamedModel(iris.ontologyGraph(), model());
  }
}
