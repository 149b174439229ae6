package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve command's options and failures (serving itself is tested over HTTP in serve/). */
class ServeCommandTest {

  @TempDir Path dir;

  @Test
  void serve_help_exit0ListsOptionsAndExitCodes() {
    ConvertCommandTest.Run r = ConvertCommandTest.run("serve", "--help");
    assertEquals(0, r.code());
    for (String option : new String[] {"--port", "--store", "--base", "--timeout", "--max-rows"}) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
    assertTrue(r.out().contains("Exit codes"));
  }

  @Test
  void serve_missingSourceDirectory_exit3() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve",
            "--sources",
            dir.resolve("nope").toString(),
            "--store",
            dir.resolve("s").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no such directory"), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }

  @Test
  void serve_emptySourceDirectory_exit3() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--sources", dir.toString(), "--store", dir.resolve("s").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no report"), r.err());
  }

  @Test
  void serve_badPort_exit2BeforeTouchingTheStore() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run("serve", "--port", "70000", "--store", dir.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("port"), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }

  @Test
  void serve_badBase_exit2() {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--base", "not an iri", "--store", dir.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("base"), r.err());
  }

  @Test
  void serve_releaseThatIsNotARelease_exit2BeforeTouchingTheStore() throws Exception {
    Files.writeString(dir.resolve("dataset.ttl"), "");
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "serve", "--release", dir.toString(), "--store", dir.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a release directory"), r.err());
    assertFalse(Files.exists(dir.resolve("s")));
  }
}
