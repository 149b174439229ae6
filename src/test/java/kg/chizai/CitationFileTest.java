package kg.chizai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kg.chizai.extract.ReportReader;
import kg.chizai.model.Report;
import kg.chizai.rdf.Iris;
import kg.chizai.source.SourceText;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code CITATION.cff} is valid Citation File Format 1.2.0 (its required keys) and cites the
 * release that {@code data/source/} gives: the version and date of the latest report, the dataset
 * IRI of that version, and each report among its references.
 */
class CitationFileTest {

  @Test
  @SuppressWarnings("unchecked")
  void citationFile_citesTheReleaseOfTheSources() throws Exception {
    Map<String, Object> cff =
        new Yaml().load(Files.readString(Path.of("CITATION.cff"), StandardCharsets.UTF_8));
    for (String key : List.of("cff-version", "message", "title", "authors")) {
      assertTrue(cff.containsKey(key), key);
    }
    assertEquals("1.2.0", cff.get("cff-version"));
    List<Report> reports;
    try (var files = Files.list(Path.of("data/source"))) {
      reports =
          files
              .filter(p -> p.toString().endsWith(".txt"))
              .sorted()
              .map(p -> ReportReader.read(SourceText.read(p)))
              .toList();
    }
    YearMonth latest =
        reports.stream()
            .flatMap(r -> r.issued().stream())
            .max(Comparator.naturalOrder())
            .orElseThrow();
    assertEquals(latest.toString(), cff.get("version"));
    assertEquals(latest.atDay(1).toString(), String.valueOf(cff.get("date-released")));
    List<Map<String, Object>> ids = (List<Map<String, Object>>) cff.get("identifiers");
    assertEquals(new Iris(Iris.DEFAULT_BASE).release(latest.toString()), ids.get(0).get("value"));
    List<Map<String, Object>> refs = (List<Map<String, Object>>) cff.get("references");
    for (Report r : reports) {
      assertTrue(
          refs.stream().anyMatch(ref -> r.title().equals(ref.get("title"))),
          r.title() + " among the references");
    }
    assertEquals("CC-BY-4.0", cff.get("license"));
  }
}
