package kg.chizai.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;

/**
 * The lock that makes one process the owner of a store directory: an OS file lock ({@link
 * FileChannel#tryLock()}) on {@code store.lock} in the directory, taken before anything in it is
 * read or written and held until the server stops. The OS drops it when the process dies, so a
 * crash never leaves a store locked. The file holds the owner's process id and start time, for the
 * message a second process gets.
 *
 * <p>One channel per lock file and process: on Linux, closing any channel to a file releases every
 * lock the process holds on it, so a second attempt from the same process is refused from a table
 * of held locks, without opening the file again (as TDB2's {@code ProcessFileLock} does).
 *
 * <p>TDB2 locks each database it opens in the same way ({@code tdb.lock}, with the process id), but
 * only while it is open, and it cannot stop another process from deleting or replacing the
 * directory before it opens it: this lock covers the whole store, from the first step of a build to
 * the end of serving.
 */
final class StoreLock implements AutoCloseable {

  static final String FILE = "store.lock";

  /** The store directories (real paths) this process holds the lock of. */
  private static final Set<Path> HELD = new HashSet<>();

  private final Path dir;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(Path dir, Path file, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the store in {@code dir} (created if missing), or throws {@link
   * ChizaiException} ({@link ExitCode#SERVE}) naming the process that holds it.
   */
  static synchronized StoreLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      Path real = dir.toRealPath();
      if (HELD.contains(real)) {
        throw inUse(dir, " (this process)");
      }
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // not through HELD: another library of this process holds it
      }
      if (lock == null) {
        channel.close();
        throw inUse(dir, holder(file));
      }
      String owner =
          "pid "
              + ProcessHandle.current().pid()
              + "\nsince "
              + Instant.now().truncatedTo(ChronoUnit.SECONDS)
              + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      HELD.add(real);
      return new StoreLock(real, file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ChizaiException(
          ExitCode.SERVE, "cannot lock the store " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ChizaiException inUse(Path dir, String holder) {
    return new ChizaiException(
        ExitCode.SERVE,
        "the store "
            + dir
            + " is in use by another chizai-kg server"
            + holder
            + "; stop that server first, or give this one its own --store DIR",
        null);
  }

  /** " (process 1234, since 2026-04-01T10:00:00Z)", or "" when the file does not say. */
  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String pid = field(text, "pid ");
      String since = field(text, "since ");
      if (pid.isEmpty()) {
        return "";
      }
      return " (process " + pid + (since.isEmpty() ? "" : ", since " + since) + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String field(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith(key)) {
        return line.substring(key.length()).strip();
      }
    }
    return "";
  }

  Path file() {
    return file;
  }

  /** Releases the lock; the file stays (deleting it would race with a process about to lock it). */
  @Override
  public void close() {
    synchronized (StoreLock.class) {
      try {
        if (lock.isValid()) {
          lock.release();
        }
      } catch (IOException e) {
        // closing the channel releases it too
      } finally {
        closeQuietly(channel);
        HELD.remove(dir);
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
