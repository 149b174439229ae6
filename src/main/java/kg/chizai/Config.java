package kg.chizai;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.extract.ReferenceTables;
import kg.chizai.rdf.Iris;
import kg.chizai.source.SourceText;

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
 * @param maxInputBytes the largest source file read ({@link SourceText#DEFAULT_MAX_BYTES} unless
 *     told otherwise; a larger one is bad input, exit 3)
 */
public record Config(
    String base, Optional<Path> referenceDir, ReferenceTables reference, long maxInputBytes) {

  public Config {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(referenceDir, "referenceDir");
    Objects.requireNonNull(reference, "reference");
    checkOptions(base, maxInputBytes);
  }

  /**
   * Checks the options a configuration is made of without loading any table: a base that is not an
   * IRI base, or an input size limit out of range, is a usage error (exit 2).
   */
  public static void checkOptions(String base, long maxInputBytes) {
    try {
      new Iris(base);
    } catch (IllegalArgumentException e) {
      throw new ChizaiException(ExitCode.USAGE, Problem.error("--base", 0, e.getMessage()));
    }
    if (maxInputBytes < 1 || maxInputBytes > SourceText.MAX_LIMIT) {
      throw new ChizaiException(
          ExitCode.USAGE,
          Problem.error(
              "--max-input-size",
              0,
              "the input size limit must be 1 byte to 1 GiB ("
                  + SourceText.MAX_LIMIT
                  + " bytes): "
                  + maxInputBytes));
    }
  }

  /** A configuration with the default input size limit. */
  public Config(String base, Optional<Path> referenceDir, ReferenceTables reference) {
    this(base, referenceDir, reference, SourceText.DEFAULT_MAX_BYTES);
  }

  /** The same configuration with another input size limit. */
  public Config withMaxInputBytes(long bytes) {
    return new Config(base, referenceDir, reference, bytes);
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
