package kg.chizai.base;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way chizai-kg writes a file: into a hidden temporary file beside the target, flushed to
 * the disk ({@code fsync}), then renamed over the target in one atomic step, and the directory
 * synced. A reader sees the old file or the new one, never a part; a failed write leaves the target
 * as it was and removes the temporary file.
 *
 * <p>The new file gets the permissions of the file it replaces, or, for a new file, those any
 * program's new file gets under the process umask ({@code -rw-r--r--} under umask 022): the
 * temporary file is created without explicit permissions, unlike {@link Files#createTempFile(Path,
 * String, String, java.nio.file.attribute.FileAttribute[])}, which makes it {@code -rw-------}.
 *
 * <pre>
 * {@code AtomicFiles.write(Path.of("out.ttl"), out -> RDFDataMgr.write(out, model, Lang.TURTLE));}
 * </pre>
 */
public final class AtomicFiles {

  /** What to write: the file's content, streamed. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target}, atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes what {@code content} streams to {@code target}, atomically. */
  public static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Optional<Set<PosixFilePermission>> keep = permissions(file);
    Path tmp = createFile(dir, "." + file.getFileName() + ".tmp-");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (keep.isPresent()) {
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(keep.get());
      }
      move(tmp, file);
      moved = true;
      syncDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Creates a new empty file {@code prefix + random} in {@code dir} with the permissions of any new
   * file under the process umask.
   */
  public static Path createFile(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p = dir.resolve(prefix + randomSuffix());
      try {
        Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return p;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Creates a new empty directory {@code prefix + random} in {@code dir} with the permissions of
   * any new directory under the process umask (unlike {@link Files#createTempDirectory}, which
   * makes it {@code drwx------}).
   */
  public static Path createDirectory(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p = dir.resolve(prefix + randomSuffix());
      try {
        return Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Renames {@code from} to {@code to} in one step, replacing {@code to} if it is a file or a
   * symbolic link (never a non-empty directory).
   */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes a file that is already written (and closed) to the disk. */
  public static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Flushes a directory's entries to the disk, so that a rename in it survives a power loss. Best
   * effort: some platforms cannot open a directory (Windows), where this does nothing.
   */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here; the rename is still atomic, only its durability is the OS's.
    }
  }

  private static Optional<Set<PosixFilePermission>> permissions(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(view.readAttributes().permissions());
  }

  private static String randomSuffix() {
    return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }
}
