package kg.chizai.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A third, independent RDF stack for the tests: Debian's python3-rdflib, run with {@code
 * /usr/bin/python3} (the {@code python3} first on PATH may be another interpreter without it).
 */
final class Rdflib {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path SCRIPT = Path.of("src", "test", "resources", "rdflib", "isomorphic.py");

  /** What rdflib said, and whether it found the two isomorphic. */
  record Result(boolean isomorphic, String output) {}

  private Rdflib() {}

  /** Whether {@code /usr/bin/python3} can import rdflib. */
  static boolean available() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import rdflib").start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * One comparison: {@code file} read as {@code format} (an rdflib parser name) and a reference.
   */
  record Check(Path file, String format, Path reference, String referenceFormat) {}

  /** Reads {@code file} ({@code format}: an rdflib parser name) and compares it to a reference. */
  static Result isomorphic(Path file, String format, Path reference, String referenceFormat)
      throws IOException, InterruptedException {
    return isomorphic(List.of(new Check(file, format, reference, referenceFormat))).get(file);
  }

  /**
   * Runs every check in one python process (each reference is read once) and returns rdflib's
   * verdict on each file. A file whose check did not finish (rdflib failed) gets the whole output.
   */
  static Map<Path, Result> isomorphic(List<Check> checks) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
    for (Check c : checks) {
      command.addAll(
          List.of(c.file().toString(), c.format(), c.reference().toString(), c.referenceFormat()));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      out = "rdflib timed out\n" + out;
    }
    Map<String, String> sections = new LinkedHashMap<>();
    String current = null;
    for (String line : out.split("\n")) {
      if (line.startsWith("== ")) {
        current = line.substring(3);
        sections.put(current, "");
      } else if (current != null) {
        sections.merge(current, line + "\n", String::concat);
      }
    }
    Map<Path, Result> results = new LinkedHashMap<>();
    for (Check c : checks) {
      String section = sections.get(c.file().toString());
      boolean ok =
          section != null && section.lines().reduce((a, b) -> b).orElse("").startsWith("ok ");
      results.put(c.file(), new Result(ok, section == null || !ok ? out : section));
    }
    return results;
  }

  /** The rdflib parser name for a dump. */
  static String format(Dump d) {
    return switch (d.format().key()) {
      case "nt" -> "nt";
      case "nq" -> "nquads";
      case "ttl" -> "turtle";
      case "trig" -> "trig";
      case "jsonld" -> "json-ld";
      case "rdf" -> "xml";
      default -> throw new IllegalArgumentException("no rdflib parser for " + d);
    };
  }
}
