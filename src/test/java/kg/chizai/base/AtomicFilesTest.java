package kg.chizai.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written atomically keep normal permissions and never show a part. */
class AtomicFilesTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void write_newFile_getsTheModeAnyNewFileGetsUnderTheUmask() throws Exception {
    Set<PosixFilePermission> normal = Umask.newFileMode(dir);
    Path target = dir.resolve("out.ttl");
    AtomicFiles.write(target, "data".getBytes(StandardCharsets.UTF_8));
    assertEquals(normal, Files.getPosixFilePermissions(target));
    assertEquals("data", Files.readString(target));
  }

  @Test
  void write_existingFile_keepsItsMode() throws Exception {
    Path target = dir.resolve("out.ttl");
    Files.writeString(target, "old");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(target, mode);
    AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
    assertEquals(mode, Files.getPosixFilePermissions(target));
    assertEquals("new", Files.readString(target));
  }

  @Test
  void write_contentFails_targetUntouchedAndNoTemporaryFileLeft() throws Exception {
    Path target = dir.resolve("out.ttl");
    Files.writeString(target, "old");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("out.ttl"), names());
  }

  @Test
  void write_missingDirectories_created() throws Exception {
    Path target = dir.resolve("a/b/out.nt");
    AtomicFiles.write(target, new byte[] {'x'});
    assertEquals("x", Files.readString(target));
  }

  @Test
  void write_overADirectory_failsAndLeavesNoTemporaryFile() throws Exception {
    Path target = Files.createDirectory(dir.resolve("out.ttl"));
    Files.writeString(target.resolve("inside"), "kept");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {'x'}));
    assertEquals(List.of("out.ttl"), names());
    assertEquals("kept", Files.readString(target.resolve("inside")));
  }

  @Test
  void createDirectory_getsTheModeAnyNewDirectoryGets() throws Exception {
    Set<PosixFilePermission> normal = Umask.newDirectoryMode(dir);
    Path made = AtomicFiles.createDirectory(dir, ".tmp-");
    assertTrue(made.getFileName().toString().startsWith(".tmp-"));
    assertEquals(normal, Files.getPosixFilePermissions(made));
  }
}
