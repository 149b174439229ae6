package kg.chizai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;

/**
 * The sources a command uses when none are given: every {@code .txt} under {@code data/source/}.
 */
final class DefaultSources {

  /** The default source directory, as an option default. */
  static final String DIR_NAME = "data/source";

  static final Path DIR = Path.of(DIR_NAME);

  private DefaultSources() {}

  /** {@code given} if not empty, else the reports under {@link #DIR}, in name order. */
  static List<Path> orDefault(List<Path> given) {
    if (given != null && !given.isEmpty()) {
      return given;
    }
    List<Path> found;
    try (Stream<Path> s = Files.list(DIR)) {
      found =
          s.filter(p -> p.getFileName().toString().endsWith(".txt"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      found = List.of();
    }
    if (found.isEmpty()) {
      throw new ChizaiException(
          ExitCode.INPUT,
          Problem.error(
              DIR.toString(),
              0,
              "no report (*.txt) found: name the sources, or run from the repository root"));
    }
    return found;
  }
}
