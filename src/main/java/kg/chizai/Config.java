package kg.chizai;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.extract.ReferenceTables;
import kg.chizai.rdf.Iris;

/**
 * Everything a run needs that is not a report, loaded once: the base of the minted IRIs and every
 * reference table (bodies, statutes with their link templates, organizations, places, names), read
 * through one loader.
 *
 * <pre>{@code Config c = Config.load(Iris.DEFAULT_BASE, Optional.of(Path.of("data/reference")));}
 * </pre>
 *
 * @param base base of the minted IRIs ({@link Iris#DEFAULT_BASE} unless told otherwise)
 * @param referenceDir where the tables were read from (empty: the packaged copies)
 * @param reference the tables
 */
public record Config(String base, Optional<Path> referenceDir, ReferenceTables reference) {

  public Config {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(referenceDir, "referenceDir");
    Objects.requireNonNull(reference, "reference");
    try {
      new Iris(base);
    } catch (IllegalArgumentException e) {
      throw new ChizaiException(ExitCode.USAGE, Problem.error("--base", 0, e.getMessage()));
    }
  }

  /** Loads the tables from {@code referenceDir}, or the packaged copies when it is empty. */
  public static Config load(String base, Optional<Path> referenceDir) {
    return new Config(base, referenceDir, ReferenceTables.load(referenceDir));
  }

  /** The default base and the packaged tables. */
  public static Config defaults() {
    return load(Iris.DEFAULT_BASE, Optional.empty());
  }

  /** The IRI minter for {@link #base()}. */
  public Iris iris() {
    return new Iris(base);
  }
}
