package kg.chizai.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kg.chizai.ChildJvm;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Sha256;
import kg.chizai.base.Umask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A release target always holds a complete, checksummed release: a child JVM writing a release is
 * halted at each step of {@link ReleaseDirectory} in turn (through its step listener, not by
 * timing), and the target is then checked against its {@code SHA256SUMS}; the next publish cleans
 * up what the killed one left. Files that the program did not write stop a publish.
 */
class ReleaseDirectoryTest {

  @TempDir Path tmp;

  /** A small release: an N-Triples file naming the version, a file in a subdirectory, the sums. */
  static SortedMap<String, byte[]> files(String version) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put(
        "chizai-kg.nt",
        ("<urn:x:release> <urn:x:version> \"" + version + "\" .\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put(
        "ontology/chizai.ttl",
        ("# ontology of " + version + "\n").getBytes(StandardCharsets.UTF_8));
    if (version.endsWith("b")) {
      files.put(
          "diff/summary.txt", ("changes up to " + version + "\n").getBytes(StandardCharsets.UTF_8));
    }
    files.put(Release.SHA256SUMS, Checksums.sha256sums(files));
    return files;
  }

  private static ReleaseDirectory.Outcome write(Path target, String version) {
    return ReleaseDirectory.write(target, version, files(version), Instant.EPOCH, step -> {});
  }

  /** The version of the complete release at {@code target}, after checking it against its sums. */
  static String completeRelease(Path target) throws IOException {
    assertTrue(Files.isDirectory(target), target + " holds no release");
    Path sums = target.resolve(Release.SHA256SUMS);
    assertTrue(Files.isRegularFile(sums), target + " has no " + Release.SHA256SUMS);
    Set<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
      String hex = line.substring(0, 64);
      String name = line.substring(66);
      listed.add(name);
      assertEquals(hex, Sha256.hex(Files.readAllBytes(target.resolve(name))), name);
    }
    Path real = target.toRealPath();
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.walk(real)) {
      s.filter(Files::isRegularFile).forEach(p -> present.add(real.relativize(p).toString()));
    }
    present.remove(Release.SHA256SUMS);
    assertEquals(listed, present, "the files of " + target + " are the ones its sums list");
    String nt = Files.readString(target.resolve("chizai-kg.nt"));
    return nt.substring(nt.indexOf('"') + 1, nt.lastIndexOf('"'));
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static List<String> steps(Path target, String version) {
    List<String> seen = new ArrayList<>();
    ReleaseDirectory.write(target, version, files(version), Instant.EPOCH, seen::add);
    return seen;
  }

  // ------------------------------------------------------------------ the layout

  @Test
  void write_targetIsALinkToAVersionedDirectoryBesideIt() throws Exception {
    Path target = tmp.resolve("dist");
    ReleaseDirectory.Outcome o = write(target, "r1");
    assertTrue(Files.isSymbolicLink(target));
    assertEquals(Path.of(".dist.releases", "0001-r1"), Files.readSymbolicLink(target));
    assertEquals(target.toRealPath(), o.release().toRealPath());
    assertEquals("r1", completeRelease(target));
    assertEquals(Set.of("dist", ".dist.releases"), names(tmp));
    assertEquals(Set.of(".lock", "0001-r1"), names(ReleaseDirectory.releasesOf(target)));
  }

  @Test
  void write_again_replacesTheReleaseAndRemovesThePreviousOne() throws Exception {
    Path target = tmp.resolve("dist");
    write(target, "r1b");
    write(target, "r2");
    assertEquals("r2", completeRelease(target));
    assertFalse(Files.exists(target.resolve("diff")), "nothing of the previous release is left");
    assertEquals(Set.of(".lock", "0002-r2"), names(ReleaseDirectory.releasesOf(target)));
  }

  @Test
  void write_steps_inOrder() {
    Path target = tmp.resolve("dist");
    List<String> all = new ArrayList<>(ReleaseDirectory.STEPS);
    all.remove("moved-aside");
    assertEquals(all, steps(target, "r1"));
    assertEquals(all, steps(target, "r2"));
  }

  @Test
  void write_filesGetTheModeOfAnyNewFile() throws Exception {
    Set<PosixFilePermission> mode = Umask.newFileMode(tmp);
    Set<PosixFilePermission> dirMode = Umask.newDirectoryMode(tmp);
    Path target = tmp.resolve("dist");
    write(target, "r1");
    assertEquals(mode, Files.getPosixFilePermissions(target.resolve("chizai-kg.nt")));
    assertEquals(mode, Files.getPosixFilePermissions(target.resolve("ontology/chizai.ttl")));
    assertEquals(dirMode, Files.getPosixFilePermissions(target.toRealPath()));
    assertEquals(dirMode, Files.getPosixFilePermissions(target.resolve("ontology")));
  }

  // ------------------------------------------------------------------ killed at every step

  static Stream<String> stepsOverARelease() {
    return ReleaseDirectory.STEPS.stream().filter(s -> !s.equals("moved-aside"));
  }

  /** Writes r2 over r1 in a child JVM halted at {@code step}: the target holds r1 or r2. */
  @ParameterizedTest(name = "killed at {0}")
  @MethodSource("stepsOverARelease")
  void killedAtStep_overARelease_targetHoldsACompleteRelease(String step) throws Exception {
    Path target = tmp.resolve("dist");
    write(target, "r1b");
    killAt(target, "r2", step);
    int swap = ReleaseDirectory.STEPS.indexOf("swapped");
    String expected = ReleaseDirectory.STEPS.indexOf(step) < swap ? "r1b" : "r2";
    assertEquals(expected, completeRelease(target), "killed at " + step);

    ReleaseDirectory.Outcome next = write(target, "r3");
    assertEquals("r3", completeRelease(target));
    assertEquals(Set.of("dist", ".dist.releases"), names(tmp), "leftovers at " + step);
    assertEquals(
        Set.of(".lock", next.release().getFileName().toString()),
        names(ReleaseDirectory.releasesOf(target)),
        "leftovers at " + step);
  }

  /**
   * Writes r2 over a release directory of an older chizai-kg (real files, no link), in a child JVM
   * halted at {@code step}. Between moving the old directory aside and linking the new release the
   * target is missing for a moment (a directory cannot be swapped for a link in one step); a kill
   * there is repaired by the next run's first steps.
   */
  @ParameterizedTest(name = "killed at {0}")
  @MethodSource("kg.chizai.publish.ReleaseDirectoryTest#allSteps")
  void killedAtStep_overAnOlderReleaseDirectory_targetHoldsACompleteRelease(String step)
      throws Exception {
    Path target = tmp.resolve("dist");
    writeOldLayout(target, "r1");
    killAt(target, "r2", step);
    if (step.equals("moved-aside")) {
      assertFalse(Files.exists(target), "a directory cannot be swapped for a link in one step");
      List<String> atRecovery = new ArrayList<>();
      ReleaseDirectory.write(
          target, "r3", files("r3"), Instant.EPOCH, releaseAt("recovered", target, atRecovery));
      assertEquals(List.of("r2"), atRecovery, "recovered to the release the killed run sealed");
    } else {
      int swap = ReleaseDirectory.STEPS.indexOf("swapped");
      String expected = ReleaseDirectory.STEPS.indexOf(step) < swap ? "r1" : "r2";
      assertEquals(expected, completeRelease(target), "killed at " + step);
    }
    write(target, "r3");
    assertEquals("r3", completeRelease(target));
    assertEquals(Set.of("dist", ".dist.releases"), names(tmp), "leftovers at " + step);
  }

  static Stream<String> allSteps() {
    return ReleaseDirectory.STEPS.stream();
  }

  /** A release as chizai-kg wrote it before releases became links: a plain directory. */
  private static void writeOldLayout(Path target, String version) throws IOException {
    for (Map.Entry<String, byte[]> f : files(version).entrySet()) {
      Path file = target.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, f.getValue());
    }
  }

  private static void killAt(Path target, String version, String step) throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(Duration.ofMinutes(2), KillAtStep.class, target.toString(), version, step);
    assertEquals(
        KillAtStep.KILLED, r.exit(), "the child JVM never reached " + step + ": " + r.output());
  }

  /** A listener that records the release at the target when {@code step} is reached. */
  private static Consumer<String> releaseAt(String step, Path target, List<String> into) {
    return s -> {
      if (s.equals(step)) {
        try {
          into.add(completeRelease(target));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  // ------------------------------------------------------------------ leftovers and recovery

  @Test
  void write_afterAnOldSchemeKillBetweenItsRenames_recoversTheOldReleaseAndCleansUp()
      throws Exception {
    Path target = tmp.resolve("dist");
    // What chizai-kg before this layout left when killed between its two renames: the previous
    // release in .dist.old-*, the new one half-written in .dist.tmp-*, nothing at dist.
    writeOldLayout(tmp.resolve(".dist.old-123"), "r1");
    Files.createDirectories(tmp.resolve(".dist.tmp-456"));
    Files.writeString(tmp.resolve(".dist.tmp-456/chizai-kg.nt"), "half");
    List<String> atRecovery = new ArrayList<>();
    ReleaseDirectory.Outcome o =
        ReleaseDirectory.write(
            target, "r2", files("r2"), Instant.EPOCH, releaseAt("recovered", target, atRecovery));
    assertEquals(List.of("r1"), atRecovery);
    assertEquals("r2", completeRelease(target));
    assertEquals(Set.of("dist", ".dist.releases"), names(tmp));
    assertTrue(o.notes().stream().anyMatch(n -> n.startsWith("recovered")), o.notes().toString());
    assertTrue(o.notes().stream().anyMatch(n -> n.contains(".dist.tmp-456")), o.notes().toString());
  }

  // ------------------------------------------------------------------ what is refused

  @Test
  void write_userFileInTheRelease_refusedNamingItAndNothingChanges() throws Exception {
    Path target = tmp.resolve("dist");
    write(target, "r1");
    Path link = Files.readSymbolicLink(target);
    Files.writeString(target.resolve("notes.txt"), "mine");
    ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r2"));
    assertEquals(ExitCode.OUTPUT, e.kind());
    assertTrue(e.getMessage().contains("notes.txt (not part of the release)"), e.getMessage());
    assertEquals("mine", Files.readString(target.resolve("notes.txt")));
    assertEquals(link, Files.readSymbolicLink(target));
    assertEquals(Set.of(".lock", "0001-r1"), names(ReleaseDirectory.releasesOf(target)));
  }

  @Test
  void write_fileChangedSincePublished_refused() throws Exception {
    Path target = tmp.resolve("dist");
    write(target, "r1");
    Files.writeString(target.resolve("chizai-kg.nt"), "edited by hand\n");
    ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r2"));
    assertTrue(
        e.getMessage().contains("chizai-kg.nt (changed since it was published)"), e.getMessage());
    assertEquals("edited by hand\n", Files.readString(target.resolve("chizai-kg.nt")));
  }

  @Test
  void write_olderReleaseDirectoryWithAUserFile_refused() throws Exception {
    Path target = tmp.resolve("dist");
    writeOldLayout(target, "r1");
    Files.writeString(target.resolve("README.txt"), "mine");
    ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r2"));
    assertTrue(e.getMessage().contains("README.txt"), e.getMessage());
    assertTrue(Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS));
    assertEquals("mine", Files.readString(target.resolve("README.txt")));
  }

  @Test
  void write_directoryThatIsNotARelease_refusedAndNothingBesideIt() throws Exception {
    Path target = Files.createDirectory(tmp.resolve("precious"));
    Files.writeString(target.resolve("notes.txt"), "mine");
    ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r1"));
    assertEquals(ExitCode.OUTPUT, e.kind());
    assertTrue(e.getMessage().contains("not a release"), e.getMessage());
    assertEquals(Set.of("notes.txt"), names(target));
    assertEquals(Set.of("precious"), names(tmp));
  }

  @Test
  void write_linkToSomethingElse_refused() throws Exception {
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    Path target = Files.createSymbolicLink(tmp.resolve("dist"), elsewhere);
    ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r1"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertEquals(elsewhere, Files.readSymbolicLink(target));
  }

  /** A release a killed run sealed is no reason to replace a link the user made. */
  @Test
  void write_linkToSomethingElseWithASealedReleaseBesideIt_notRecoveredOver() throws Exception {
    Path target = tmp.resolve("dist");
    write(target, "r1");
    Path sealed = target.toRealPath();
    Files.delete(target);
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(target, elsewhere);
    assertThrows(ChizaiException.class, () -> write(target, "r2"));
    assertEquals(elsewhere, Files.readSymbolicLink(target));
    assertTrue(Files.isDirectory(sealed));
  }

  @Test
  void write_aFile_refused() throws Exception {
    Path target = Files.writeString(tmp.resolve("dist"), "a file");
    ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r1"));
    assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    assertEquals("a file", Files.readString(target));
  }

  @Test
  void write_emptyDirectory_replaced() throws Exception {
    Path target = Files.createDirectory(tmp.resolve("dist"));
    assertEquals(ReleaseDirectory.STEPS, steps(target, "r1"));
    assertEquals("r1", completeRelease(target));
  }

  @Test
  void write_whileAnotherPublishHoldsTheLock_refused() throws Exception {
    Path target = tmp.resolve("dist");
    write(target, "r1");
    Path lockFile = ReleaseDirectory.releasesOf(target).resolve(".lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      ChizaiException e = assertThrows(ChizaiException.class, () -> write(target, "r2"));
      assertTrue(e.getMessage().contains("another publish"), e.getMessage());
    }
    assertEquals("r1", completeRelease(target));
  }
}
