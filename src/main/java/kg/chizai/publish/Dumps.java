package kg.chizai.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.rdf.Formats;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads what {@code diff} and {@code publish --previous} compare: a release directory (its N-Quads
 * dump, with the version from its description) or a single dump in any RDF format, gzip or not.
 *
 * <pre>{@code Dumps.Loaded old = Dumps.read(Path.of("dist-2025/"));}</pre>
 */
public final class Dumps {

  /** The data read, and the release's version and IRI when read from a release directory. */
  public record Loaded(Path from, Dataset data, Optional<String> version, Optional<String> iri) {}

  private Dumps() {}

  public static Loaded read(Path path) {
    if (Files.isDirectory(path)) {
      for (Dump d : new Dump[] {Dump.NQUADS_GZ, Dump.TRIG, Dump.NTRIPLES_GZ}) {
        Path file = path.resolve(d.fileName());
        if (Files.isRegularFile(file)) {
          Dataset data = load(file);
          Path description = path.resolve(Release.DESCRIPTION);
          if (!Files.isRegularFile(description)) {
            return new Loaded(path, data, Optional.empty(), Optional.empty());
          }
          Model m = ModelFactory.createDefaultModel();
          try {
            RDFDataMgr.read(m, description.toString());
          } catch (RiotException e) {
            throw unreadable(description, e.getMessage());
          }
          for (Resource r : m.listSubjectsWithProperty(DCTerms.isVersionOf).toList()) {
            Statement v = r.getProperty(Vocab.Dcat3.version);
            if (r.hasProperty(RDF.type, DCAT.Dataset) && v != null && r.isURIResource()) {
              return new Loaded(path, data, Optional.of(v.getString()), Optional.of(r.getURI()));
            }
          }
          return new Loaded(path, data, Optional.empty(), Optional.empty());
        }
      }
      throw unreadable(
          path,
          "not a release directory: no "
              + Dump.NQUADS_GZ.fileName()
              + ", "
              + Dump.TRIG.fileName()
              + " or "
              + Dump.NTRIPLES_GZ.fileName());
    }
    if (!Files.isRegularFile(path)) {
      throw unreadable(path, "no such file or directory");
    }
    return new Loaded(path, load(path), Optional.empty(), Optional.empty());
  }

  private static Dataset load(Path file) {
    String name = file.getFileName().toString();
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    if (RDFLanguages.filenameToLang(base) == null) {
      throw new ChizaiException(
          ExitCode.USAGE,
          Problem.error(
              file.toString(),
              0,
              "unknown RDF format: use one of the extensions "
                  + Formats.extensions()
                  + " (optionally .gz)"));
    }
    Dataset ds = DatasetFactory.create();
    try {
      RDFDataMgr.read(ds, file.toString());
    } catch (RiotException e) {
      throw unreadable(file, e.getMessage());
    }
    return ds;
  }

  private static ChizaiException unreadable(Path path, String why) {
    return new ChizaiException(
        ExitCode.INPUT, Problem.error(path.toString(), 0, "cannot read: " + why));
  }
}
