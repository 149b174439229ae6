package kg.chizai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kg.chizai.ChizaiException;
import kg.chizai.source.Problem;

/** The sources a command reads when none are given: every {@code .txt} under data/source/. */
final class DefaultSources {

  static final Path DIR = Path.of("data", "source");

  private DefaultSources() {}

  static List<Path> orDefault(List<Path> given) {
    if (given != null && !given.isEmpty()) {
      return given;
    }
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      if (found.isEmpty()) {
        throw new ChizaiException(
            ChizaiException.EXIT_INPUT, Problem.error(DIR.toString(), 0, "no .txt report here"));
      }
      return found;
    } catch (IOException e) {
      throw new ChizaiException(
          ChizaiException.EXIT_INPUT,
          Problem.error(DIR.toString(), 0, "cannot list sources: " + e.getMessage()));
    }
  }
}
