package kg.chizai.testing;

import java.nio.file.Path;
import java.util.List;
import kg.chizai.Config;
import kg.chizai.Pipeline;
import kg.chizai.publish.Release;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Ontology;
import kg.chizai.validate.Validation;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;

/**
 * The one place where tests make a {@link Pipeline} and convert: every test converts (and validates
 * and releases what it converted) through here, with the default configuration (the default IRI
 * base and the packaged reference tables, loaded once per JVM), so a change of the pipeline's API
 * is made once for all tests.
 *
 * <pre>{@code Pipeline.Conversion c = Conversions.of(List.of(Path.of("case/input.txt")));}</pre>
 *
 * <p>For the seed report, use {@link Seed#conversion()}: it is converted once per JVM.
 */
public final class Conversions {

  private static final Lazy<Pipeline> PIPELINE =
      new Lazy<>("the default pipeline", () -> Pipeline.create(Config.defaults()));

  private Conversions() {}

  /** The pipeline over the default configuration. */
  public static Pipeline pipeline() {
    return PIPELINE.get();
  }

  /** Converts {@code sources} with the default configuration. */
  public static Pipeline.Conversion of(List<Path> sources) {
    return pipeline().convert(sources);
  }

  /** Converts {@code sources} with the default configuration. */
  public static Pipeline.Conversion of(Path... sources) {
    return of(List.of(sources));
  }

  /**
   * A writable dataset of the conversion of {@code sources}, for a store to load: for the seed
   * alone, a copy of the shared conversion ({@link Seed#conversion()}, converted once per JVM);
   * otherwise a conversion of its own.
   */
  public static Dataset dataset(List<Path> sources) {
    if (sources.size() == 1
        && sources.get(0).toAbsolutePath().normalize().equals(Seed.SOURCE.toAbsolutePath())) {
      return copy(Seed.conversion().dataset());
    }
    return of(sources).dataset();
  }

  /** Checks a conversion against the SHACL shapes, as the pipeline does. */
  public static Validation validate(Pipeline.Conversion c) {
    return pipeline().validate(c);
  }

  /** Validates a conversion and builds its release, as the pipeline does. */
  public static Release release(Pipeline.Conversion c, Release.Options options) {
    return pipeline().release(validate(c), options);
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
