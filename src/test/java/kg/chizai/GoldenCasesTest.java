package kg.chizai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.rdf.Namespaces;
import kg.chizai.rdf.SortedTurtle;
import kg.chizai.testing.Conversions;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases: each directory under {@code src/test/resources/cases/} holds an {@code input.txt}
 * (a small report whose first line says what the case is for), the {@code expected.ttl} its
 * conversion must be isomorphic to, and, where the case expects warnings, a {@code warnings.txt}
 * with one rendered warning per line.
 *
 * <p>The first line of the input is blanked before converting, so line numbers stay those of the
 * file. Run with {@code -Dgolden.update=true} to rewrite every {@code expected.ttl} from the actual
 * output; then read each one against its input before committing it.
 */
class GoldenCasesTest {

  private static final Path CASES = Path.of("src", "test", "resources", "cases");
  private static final String INPUT = "input.txt";
  private static final String EXPECTED = "expected.ttl";
  private static final String WARNINGS = "warnings.txt";

  /** Relative IRIs in the golden files are resolved against this. */
  private static final String BASE = Iris.DEFAULT_BASE + "id/";

  private static final PrefixMapping PREFIXES = Namespaces.prefixes();

  private static boolean updating() {
    return "true".equalsIgnoreCase(System.getProperty("golden.update", "").strip());
  }

  @TestFactory
  Stream<DynamicTest> convert_goldenCase_matchesExpectedGraph() throws IOException {
    assertTrue(Files.isDirectory(CASES), "no golden cases directory: " + CASES.toAbsolutePath());
    List<Path> dirs;
    try (Stream<Path> s = Files.list(CASES)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(dirs.isEmpty(), "no golden cases under " + CASES);
    return dirs.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    Path input = dir.resolve(INPUT);
    assertTrue(Files.isRegularFile(input), "case has no " + INPUT + ": " + dir);
    Path tmp = Files.createTempDirectory("golden-");
    try {
      Path copy = tmp.resolve(INPUT);
      Files.writeString(copy, blankFirstLine(Files.readString(input, StandardCharsets.UTF_8)));
      Pipeline.Conversion conversion = Conversions.of(copy);
      Model actual = conversion.dataset().getUnionModel();
      assertTrue(
          actual.contains(null, CKG.sourceFile, INPUT),
          "ckg:sourceFile should be the file name " + INPUT + ", not a path");
      assertTrue(
          parse(turtle(actual)).isIsomorphicWith(actual),
          "the golden Turtle writer loses triples:\n" + turtle(actual));
      checkGraph(dir, actual);
      checkWarnings(dir, conversion, copy);
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The text with its first line emptied, line terminators untouched. */
  static String blankFirstLine(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.substring(end);
  }

  private static void checkGraph(Path dir, Model actual) throws IOException {
    Path expectedFile = dir.resolve(EXPECTED);
    if (updating()) {
      Files.writeString(expectedFile, turtle(actual));
      return;
    }
    assertTrue(
        Files.isRegularFile(expectedFile),
        "case has no "
            + EXPECTED
            + " (run with -Dgolden.update=true to write it, then check it by hand): "
            + dir);
    Model expected = ModelFactory.createDefaultModel();
    RDFParser.create().source(expectedFile).lang(Lang.TURTLE).base(BASE).parse(expected.getGraph());
    if (!actual.isIsomorphicWith(expected)) {
      fail(
          dir.getFileName()
              + ": output is not isomorphic to "
              + expectedFile
              + "\n\n--- only in expected ---\n"
              + triples(expected.difference(actual))
              + "\n--- only in actual ---\n"
              + triples(actual.difference(expected))
              + "\n--- expected ---\n"
              + turtle(expected)
              + "\n--- actual ---\n"
              + turtle(actual));
    }
  }

  private static void checkWarnings(Path dir, Pipeline.Conversion conversion, Path copy)
      throws IOException {
    List<String> actual =
        conversion.warnings().stream()
            .map(p -> p.toString().replace(copy.toString(), INPUT))
            .toList();
    Path warningsFile = dir.resolve(WARNINGS);
    List<String> expected =
        Files.isRegularFile(warningsFile)
            ? Files.readAllLines(warningsFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList()
            : List.of();
    assertEquals(
        String.join("\n", expected),
        String.join("\n", actual),
        dir.getFileName() + ": warnings differ from " + (expected.isEmpty() ? "none" : WARNINGS));
  }

  // ---------------------------------------------------------------- stable Turtle

  /**
   * The model as Turtle with subjects, predicates and objects in natural order and IRIs under
   * {@link #BASE} relative ({@link SortedTurtle}), so golden files read in document order and
   * regenerate without churn.
   */
  static String turtle(Model model) {
    return SortedTurtle.write(model, PREFIXES, Optional.of(BASE), List.of());
  }

  /** The statements of {@link #turtle}, without the directives (for diffs in messages). */
  static String triples(Model model) {
    return SortedTurtle.statements(model, PREFIXES, Optional.of(BASE), List.of());
  }

  /** Parses Turtle text as written by {@link #turtle}. */
  static Model parse(String ttl) {
    Model m = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader(ttl)).lang(Lang.TURTLE).parse(m.getGraph());
    return m;
  }
}
