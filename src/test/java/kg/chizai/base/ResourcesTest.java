package kg.chizai.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one classpath loader: packaged files byte for byte, and a missing one named. */
class ResourcesTest {

  @Test
  void bytes_packagedOntology_sameAsTheRepositorysFile() throws Exception {
    assertArrayEquals(
        Files.readAllBytes(Path.of("ontology/chizai.ttl")),
        Resources.bytes("/ontology/chizai.ttl"));
  }

  @Test
  void bytes_missing_illegalStateNamingIt() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Resources.bytes("/no/such/file"));
    assertTrue(e.getMessage().contains("/no/such/file"), e.getMessage());
  }

  @Test
  void find_relativeName_refused() {
    assertThrows(IllegalArgumentException.class, () -> Resources.find("ontology/chizai.ttl"));
  }

  @Test
  void properties_readAsUtf8() {
    // A property written in UTF-8 (a Latin-1 reading would give mojibake).
    assertEquals(
        "知財KG データカタログ",
        Resources.properties("/publish/description.properties").getProperty("catalog.title.ja"));
  }
}
