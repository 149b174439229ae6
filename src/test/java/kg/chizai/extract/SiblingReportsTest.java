package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kg.chizai.Pipeline;
import kg.chizai.model.Report;
import kg.chizai.rdf.CKG;
import kg.chizai.source.SourceText;
import kg.chizai.testing.Conversions;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reports the reader has not seen: synthetic siblings of the seed under {@code
 * src/test/resources/siblings/} (another year, other bullets and spacing with a BOM and CRLF,
 * reordered areas and other bodies), each with its structure written out by hand in {@code
 * expected.txt}. Each must read to exactly that structure and convert with no direction that the
 * expectation does not list.
 */
class SiblingReportsTest {

  static final Path DIR = Path.of("src", "test", "resources", "siblings");

  static List<Path> siblings() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static List<String> expected(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> read_sibling_givesTheHandWrittenStructure() throws IOException {
    List<Path> dirs = siblings();
    assertTrue(dirs.size() >= 3, "at least three sibling reports: " + dirs);
    return dirs.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Report r = ReportReader.read(SourceText.read(dir.resolve("report.txt")));
                      List<String> actual = ReportStructure.render(r);
                      assertEquals(
                          String.join("\n", ReportStructure.normal(expected(dir))),
                          String.join("\n", ReportStructure.normal(actual)),
                          dir.getFileName() + " as read:\n" + String.join("\n", actual));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> convert_sibling_noSpuriousDirections() throws IOException {
    return siblings().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Pipeline.Conversion c = Conversions.of(dir.resolve("report.txt"));
                      Model g = c.dataset().getUnionModel();
                      long directions =
                          expected(dir).stream().filter(l -> l.startsWith("direction ")).count();
                      assertEquals(
                          directions,
                          g.listSubjectsWithProperty(RDF.type, CKG.Direction).toList().size());
                      assertTrue(
                          c.warnings().stream()
                              .noneMatch(w -> w.message().startsWith("line not recognised")),
                          c.warnings().toString());
                    }));
  }
}
