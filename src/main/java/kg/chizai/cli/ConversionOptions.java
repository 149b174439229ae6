package kg.chizai.cli;

import java.nio.file.Path;
import java.util.Optional;
import kg.chizai.Config;
import kg.chizai.Pipeline;
import kg.chizai.rdf.Iris;
import picocli.CommandLine.Option;

/**
 * The options every command that converts reports shares: the IRI base, the reference tables and
 * the input size limit.
 */
final class ConversionOptions {

  @Option(
      names = "--base",
      paramLabel = "IRI",
      defaultValue = Iris.DEFAULT_BASE,
      description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      description = "Directory with the reference tables (default: those packaged in the jar).")
  Path reference;

  @Option(
      names = "--max-input-size",
      paramLabel = "SIZE",
      defaultValue = "4M",
      converter = ByteSize.class,
      description =
          "Largest report file read, in bytes or with K, M or G (default: ${DEFAULT-VALUE},"
              + " at most 1G); a larger file is refused with exit code 3.")
  long maxInputSize;

  Optional<Path> referenceDir() {
    return Optional.ofNullable(reference);
  }

  /**
   * Checks the base and the input size limit without loading the tables (exit 2 when either is
   * bad), for a command that may not need the tables at all.
   */
  void checkOptions() {
    Config.checkOptions(base, maxInputSize);
  }

  /** Loads the configuration these options name (exit 5 when a table is bad). */
  Config config() {
    return Config.load(base, referenceDir()).withMaxInputBytes(maxInputSize);
  }

  /** A pipeline over {@link #config()}. */
  Pipeline pipeline() {
    return Pipeline.create(config());
  }
}
