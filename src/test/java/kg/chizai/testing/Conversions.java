package kg.chizai.testing;

import java.nio.file.Path;
import java.util.List;
import kg.chizai.Pipeline;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Ontology;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;

/**
 * The one place where tests call the converter ({@link Pipeline}): every test converts through
 * here, with the default options (the default IRI base and the packaged reference tables), so a
 * change of the pipeline's API is made once for all tests.
 *
 * <pre>{@code Pipeline.Conversion c = Conversions.of(List.of(Path.of("case/input.txt")));}</pre>
 *
 * <p>For the seed report, use {@link Seed#conversion()}: it is converted once per JVM.
 */
public final class Conversions {

  private Conversions() {}

  /** Converts {@code sources} with the default options. */
  public static Pipeline.Conversion of(List<Path> sources) {
    return Pipeline.convert(sources, Pipeline.Options.defaults());
  }

  /** Converts {@code sources} with the default options. */
  public static Pipeline.Conversion of(Path... sources) {
    return of(List.of(sources));
  }

  /** The same conversion, with a private, writable copy of its dataset. */
  public static Pipeline.Conversion copy(Pipeline.Conversion c) {
    return withDataset(c, copy(c.dataset()));
  }

  /**
   * The same conversion, whose dataset refuses every change: a test that shares it cannot spoil it
   * for the others.
   */
  static Pipeline.Conversion readOnly(Pipeline.Conversion c) {
    return withDataset(
        c, DatasetFactory.wrap(new DatasetGraphReadOnly(c.dataset().asDatasetGraph())));
  }

  /**
   * A writable copy of {@code ds}, made as the converter makes its datasets: each named graph a
   * model of its own, with its prefixes.
   */
  public static Dataset copy(Dataset ds) {
    Dataset out = DatasetFactory.createGeneral();
    out.getDefaultModel().setNsPrefixes(ds.getDefaultModel().getNsPrefixMap());
    out.getDefaultModel().add(ds.getDefaultModel());
    ds.listNames()
        .forEachRemaining(
            name -> {
              Model from = ds.getNamedModel(name);
              Model to = ModelFactory.createDefaultModel();
              to.setNsPrefixes(from.getNsPrefixMap());
              to.add(from);
              out.addNamedModel(name, to);
            });
    return out;
  }

  /**
   * What a server serves for a conversion, held in memory: a writable copy of its dataset plus the
   * ontology in its own named graph.
   */
  public static Dataset served(Pipeline.Conversion c) {
    Dataset ds = copy(c.dataset());
    Ontology.addTo(ds, new Iris(Iris.DEFAULT_BASE));
    return ds;
  }

  private static Pipeline.Conversion withDataset(Pipeline.Conversion c, Dataset ds) {
    return new Pipeline.Conversion(
        c.reports(), c.attributions(), c.mentions(), c.events(), ds, c.warnings());
  }
}
