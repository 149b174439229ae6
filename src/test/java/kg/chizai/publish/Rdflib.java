package kg.chizai.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Reads {@code file} ({@code format}: an rdflib parser name) and compares it to a reference. */
  static Result isomorphic(Path file, String format, Path reference, String referenceFormat)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                PYTHON.toString(),
                SCRIPT.toString(),
                file.toString(),
                format,
                reference.toString(),
                referenceFormat)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(false, "rdflib timed out\n" + out);
    }
    return new Result(p.exitValue() == 0, out);
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
