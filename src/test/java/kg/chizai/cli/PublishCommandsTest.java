package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import kg.chizai.ChildJvm;
import kg.chizai.cli.ConvertCommandTest.Run;
import kg.chizai.publish.Release;
import kg.chizai.testing.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validate, publish and diff commands as a user runs them (the README's "Publishing a release"
 * commands): exit codes, output lines and files.
 */
// Main.run prints to System.out and System.err, which ConvertCommandTest.run captures.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class PublishCommandsTest {

  static final Path VALID = Path.of("src/test/resources/shapes/valid.ttl");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"validate", "publish", "diff"})
  void help_exit0WithExitCodes(String command) {
    Run r = ConvertCommandTest.run(command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Exit codes"), r.out());
  }

  @Test
  void mainHelp_listsTheNewCommandsAndExitCodes() {
    Run r = ConvertCommandTest.run("--help");
    assertEquals(0, r.code());
    for (String s :
        new String[] {"validate", "publish", "diff", "6   validation failed", "7   push"}) {
      assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }
  }

  @Test
  void validate_defaultSources_seedConforms() {
    Run r = ConvertCommandTest.run("validate");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .matches("conforms: 1 source, \\d+ triples, 0 violations, 0 warnings in [0-9.]+ s\\R"),
        r.out());
  }

  @Test
  void validate_nonConformingRdf_exit6WithOneLinePerViolation() throws Exception {
    String prefixes = Files.readString(Path.of("src/test/resources/shapes/prefixes.ttl"));
    Path bad =
        Files.writeString(
            dir.resolve("bad.ttl"),
            prefixes
                + Files.readString(VALID)
                + Files.readString(
                    Path.of("src/test/resources/shapes/fixtures/direction-text-in-english.ttl"))
                + Files.readString(
                    Path.of("src/test/resources/shapes/fixtures/entry-addresses-nothing.ttl")));
    Run r = ConvertCommandTest.run("validate", bad.toString());
    assertEquals(6, r.code(), r.out() + r.err());
    String[] lines = r.out().split("\\R");
    assertEquals(3, lines.length, r.out());
    assertTrue(
        lines[0].startsWith(
            "<https://w3id.org/chizai-kg/id/report/2099-progress/direction/2-9> ckg:sourceText: "),
        lines[0]);
    assertTrue(
        lines[1].startsWith(
            "warning: <https://w3id.org/chizai-kg/id/report/2099-progress/entry/2-9> ckg:addresses: "),
        lines[1]);
    assertTrue(lines[2].startsWith("does not conform: 1 source, "), lines[2]);
    assertTrue(lines[2].contains(" 1 violation, 1 warning "), lines[2]);
  }

  @Test
  void validate_missingFile_exit3() throws Exception {
    Run r = ConvertCommandTest.run("validate", dir.resolve("missing.ttl").toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("missing.ttl: cannot read: no such file"), r.err());
  }

  @Test
  void publish_readmeCommand_writesAReproducibleRelease() throws Exception {
    Path a = dir.resolve("dist");
    Run r = ConvertCommandTest.run("publish", "--output", a.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .matches(
                "release 2026-04: 1 report, \\d+ triples, 11 files \\([0-9.]+ MiB\\) -> .*dist in"
                    + " [0-9.]+ s\\R"),
        r.out());
    // The other release: the tests' shared one, from a conversion of its own.
    Path b = Seed.releaseDirectory();
    assertEquals(11, sameFiles(a, b));
    assertEquals(11, sameFiles(b, a));
    assertTrue(Files.isRegularFile(a.resolve(Release.SHA256SUMS)));
    // A leftover of a killed publish is removed by the next one, which says so.
    Files.createDirectory(dir.resolve(".dist.releases/.tmp-killed"));
    Run again = ConvertCommandTest.run("publish", "--output", a.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(
        again
            .err()
            .contains("removed 1 leftover of an interrupted publish: .dist.releases/.tmp-killed"),
        again.err());
    assertFalse(Files.exists(dir.resolve(".dist.releases/.tmp-killed")));
  }

  /**
   * Checks that every file of release {@code a} has the same bytes in release {@code b}; returns
   * how many. A release directory is a link: walk what it points to.
   */
  static long sameFiles(Path a, Path b) throws Exception {
    Path real = a.toRealPath();
    try (Stream<Path> files = Files.walk(real)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      for (Path f : all) {
        assertArrayEquals(
            Files.readAllBytes(f), Files.readAllBytes(b.resolve(real.relativize(f))), f.toString());
      }
      return all.size();
    }
  }

  @Test
  void publish_inAnotherJvm_sameBytes() throws Exception {
    Path here = Seed.releaseDirectory();
    Path there = dir.resolve("there");
    ChildJvm.Result r =
        ChildJvm.run(Duration.ofMinutes(2), Main.class, "publish", "--output", there.toString());
    assertEquals(0, r.exit(), r.output());
    assertEquals(11, sameFiles(here, there));
  }

  @Test
  void diff_twoReleasesAndTwoDumps() throws Exception {
    Path a = Seed.releaseDirectory();
    Run same = ConvertCommandTest.run("diff", a.toString(), a.toString());
    assertEquals(0, same.code(), same.err());
    assertTrue(same.out().contains("0 triples added, 0 triples removed"), same.out());
    assertTrue(same.out().startsWith("# 2026-04 ("), same.out());

    // A dump missing one body's triples, against the release's gzip N-Triples.
    Path older = dir.resolve("older.nt");
    String nt =
        new String(
            new java.util.zip.GZIPInputStream(Files.newInputStream(a.resolve("chizai-kg.nt.gz")))
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    String body = "<https://w3id.org/chizai-kg/id/body/japan-patent-office> ";
    long bodyTriples = nt.lines().filter(l -> l.startsWith(body)).count();
    assertTrue(bodyTriples > 3);
    Files.writeString(
        older, String.join("\n", nt.lines().filter(l -> !l.startsWith(body)).toList()) + "\n");
    Path out = dir.resolve("changes");
    Run r =
        ConvertCommandTest.run(
            "diff",
            older.toString(),
            a.resolve("chizai-kg.nt.gz").toString(),
            "-o",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(bodyTriples + " triples added, 0 triples removed"), r.out());
    assertTrue(
        r.out().matches("(?s).*ckg:GovernmentBody +1 +0 +0 +" + bodyTriples + " +0\\R.*"), r.out());
    assertEquals(bodyTriples, Files.readAllLines(out.resolve("added.nt")).size());
    assertEquals(0, Files.size(out.resolve("removed.nt")));
    assertTrue(Files.readString(out.resolve("summary.txt")).contains("ckg:GovernmentBody"));
  }

  @Test
  void publish_toNotAUrl_usageErrorBeforeConverting() {
    Run r = ConvertCommandTest.run("publish", "--to", "localhost:3030/ds");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--to needs an http(s) URL"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void publish_toNothingListening_exit7NamingTheGraph() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r = ConvertCommandTest.run("publish", "--to", "http://127.0.0.1:" + port + "/ds");
    assertEquals(7, r.code(), r.err());
    assertTrue(
        r.err()
            .matches("(?s).*PUT <https://w3id.org/chizai-kg/graph/\\S+> failed: no response \\(.*"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void diff_notARelease_exit3() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Run r = ConvertCommandTest.run("diff", empty.toString(), empty.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("not a release directory"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
