package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one loader of the reference tables: every table bound the same way, every problem named. */
class ReferenceTablesTest {

  @TempDir Path dir;

  @BeforeEach
  void copyPackagedTables() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("data/reference"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void load_fromDirectory_sameAsPackaged() {
    ReferenceTables packaged = ReferenceTables.load(Optional.empty());
    ReferenceTables copied = ReferenceTables.load(Optional.of(dir));
    assertEquals(packaged.statutes(), copied.statutes());
    assertEquals(packaged.organizations(), copied.organizations());
    assertEquals(packaged.places(), copied.places());
    assertEquals(packaged.names(), copied.names());
    assertEquals(packaged.bodies().size(), copied.bodies().size());
    assertTrue(copied.places().values().stream().anyMatch(p -> p.iso3166().isPresent()));
  }

  @Test
  void load_badRows_everyProblemAtOnceExit5() throws IOException {
    Files.writeString(
        dir.resolve("organizations.json"),
        """
        {"organizations": [
          {"id": "Not A Slug", "ja": "甲", "source": "x"},
          {"id": "no-source", "ja": "乙"},
          {"id": "twice", "ja": "丙", "source": "x"},
          {"id": "twice", "ja": "丁", "source": "x"}
        ]}
        """,
        StandardCharsets.UTF_8);
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> ReferenceTables.load(Optional.of(dir)));
    assertEquals(ExitCode.CONFIG, e.kind());
    String m = e.getMessage();
    assertTrue(m.contains("organizations.json: row Not A Slug: id must be a lowercase"), m);
    assertTrue(m.contains("organizations.json: row no-source: no source"), m);
    assertTrue(m.contains("organizations.json: row twice: duplicate id"), m);
  }

  @Test
  void load_malformedJson_namesTheFile() throws IOException {
    Files.writeString(dir.resolve("places.json"), "{\"places\": [ {", StandardCharsets.UTF_8);
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> ReferenceTables.load(Optional.of(dir)));
    assertEquals(ExitCode.CONFIG, e.kind());
    assertTrue(e.getMessage().contains("places.json:1: malformed reference table"), e.getMessage());
  }

  @Test
  void load_missingTable_namesIt() throws IOException {
    Files.delete(dir.resolve("names.json"));
    ChizaiException e =
        assertThrows(ChizaiException.class, () -> ReferenceTables.load(Optional.of(dir)));
    assertEquals(ExitCode.CONFIG, e.kind());
    assertTrue(e.getMessage().contains("names.json: cannot read reference table"), e.getMessage());
  }
}
