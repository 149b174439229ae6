package kg.chizai.base;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The permissions any new file or directory gets under this process's umask, made the ordinary way,
 * for tests that check a writer keeps them. Under umask 077 they equal the private ones of {@code
 * Files.createTempFile}, and such a test is skipped: it could not tell the two apart.
 */
public final class Umask {

  private Umask() {}

  /** The mode of a new file in {@code dir} (0666 less the umask). */
  public static Set<PosixFilePermission> newFileMode(Path dir) throws IOException {
    Path reference = Files.createFile(dir.resolve(".umask-reference-file"));
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(reference);
      assumeFalse(
          mode.equals(PosixFilePermissions.fromString("rw-------")),
          "under umask 077 every new file is -rw-------: nothing to tell");
      return mode;
    } finally {
      Files.delete(reference);
    }
  }

  /** The mode of a new directory in {@code dir} (0777 less the umask). */
  public static Set<PosixFilePermission> newDirectoryMode(Path dir) throws IOException {
    Path reference = Files.createDirectory(dir.resolve(".umask-reference-dir"));
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(reference);
      assumeFalse(
          mode.equals(PosixFilePermissions.fromString("rwx------")),
          "under umask 077 every new directory is drwx------: nothing to tell");
      return mode;
    } finally {
      Files.delete(reference);
    }
  }
}
