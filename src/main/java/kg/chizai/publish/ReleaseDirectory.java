package kg.chizai.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.base.Sha256;

/**
 * Puts a release at a target path so that the target holds a complete, checksummed release whatever
 * moment the process is killed: the previous one until a single atomic rename, the new one after
 * it. The releases live in versioned directories in a hidden sibling of the target, and the target
 * is a relative symbolic link to the current one:
 *
 * <pre>
 * dist -> .dist.releases/0002-2026-04     the current release
 * .dist.releases/0002-2026-04/…           its files (SHA256SUMS and the rest)
 * .dist.releases/.lock                     held while a publish runs
 * </pre>
 *
 * <p>The steps, each reported by name to a listener (so a test can stop the process at each one):
 *
 * <ol>
 *   <li>{@code locked}: no other publish is writing to the same target;
 *   <li>{@code recovered}: a target that a killed run left without a release (a first publish, or a
 *       directory of an older chizai-kg being moved aside) is linked to the newest complete release
 *       found, its own or a {@code .dist.old-*} of the old scheme;
 *   <li>{@code checked}: the target is nothing, an empty directory, or a release this program wrote
 *       that nobody changed since; a file in it that the release does not list, or that differs
 *       from its checksum, refuses the publish (exit 4) with the list of those files, and a refused
 *       publish changes nothing;
 *   <li>{@code cleaned}: leftovers of killed runs are removed (temporary directories and links,
 *       releases no longer current, the old scheme's {@code .dist.tmp-*} and {@code .dist.old-*});
 *   <li>{@code written}, {@code synced}: every file into {@code .dist.releases/.tmp-*}, flushed to
 *       the disk with its directories;
 *   <li>{@code sealed}: the directory renamed to its versioned name ({@code 0002-2026-04});
 *   <li>{@code linked}: a new link to it made beside the target;
 *   <li>{@code moved-aside} (only for a real directory at the target: a release of an older
 *       chizai-kg, or an empty directory): it is moved into the releases directory, or removed. A
 *       directory cannot be replaced by a link in one step, so this one-time move leaves the target
 *       missing until the next step; a run killed there is repaired by the next run's {@code
 *       recovered} step;
 *   <li>{@code swapped}: the new link renamed over the target, in one step;
 *   <li>{@code pruned}: the previous release removed.
 * </ol>
 */
final class ReleaseDirectory {

  /** Every step, in order ({@code moved-aside} only when the target was a real directory). */
  static final List<String> STEPS =
      List.of(
          "locked",
          "recovered",
          "checked",
          "cleaned",
          "written",
          "synced",
          "sealed",
          "linked",
          "moved-aside",
          "swapped",
          "pruned");

  /** A sealed release directory: a sequence number, then the version. */
  private static final Pattern SEALED = Pattern.compile("(\\d{4,})-([A-Za-z0-9][A-Za-z0-9._-]*)");

  /** What a publish did: the directory now current, and what the user should know. */
  record Outcome(Path release, List<String> notes) {}

  private final Path dir;
  private final Path target;
  private final Path parent;
  private final String name;
  private final Path releases;
  private final Consumer<String> steps;
  private final List<String> notes = new ArrayList<>();

  private ReleaseDirectory(Path dir, Consumer<String> steps) {
    this.dir = dir;
    this.target = dir.toAbsolutePath().normalize();
    if (target.getParent() == null) {
      throw cannotWrite(dir, "not a directory a release can be written to");
    }
    this.parent = target.getParent();
    this.name = target.getFileName().toString();
    this.releases = parent.resolve("." + name + ".releases");
    this.steps = steps;
  }

  /** The hidden directory that holds the releases of {@code dir}. */
  static Path releasesOf(Path dir) {
    Path t = dir.toAbsolutePath().normalize();
    return t.resolveSibling("." + t.getFileName() + ".releases");
  }

  /**
   * Writes {@code files} (paths relative to the release, with a {@code SHA256SUMS} of the others)
   * as the release at {@code dir}, every file and directory dated {@code time}.
   */
  static Outcome write(
      Path dir,
      String version,
      SortedMap<String, byte[]> files,
      Instant time,
      Consumer<String> steps) {
    return new ReleaseDirectory(dir, steps).run(version, files, time);
  }

  private Outcome run(String version, SortedMap<String, byte[]> files, Instant time) {
    boolean created = !Files.exists(releases, LinkOption.NOFOLLOW_LINKS);
    boolean done = false;
    try {
      Outcome o = locked(version, files, time);
      done = true;
      return o;
    } finally {
      if (created && !done) {
        removeIfOnlyTheLock();
      }
    }
  }

  /** A refused first publish leaves nothing beside the target, not even the lock. */
  private void removeIfOnlyTheLock() {
    try (Stream<Path> s = Files.list(releases)) {
      if (s.allMatch(p -> p.getFileName().toString().equals(".lock"))) {
        Files.deleteIfExists(releases.resolve(".lock"));
        Files.deleteIfExists(releases);
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: an empty hidden directory named after the target is harmless.
    }
  }

  private Outcome locked(String version, SortedMap<String, byte[]> files, Instant time) {
    try {
      Files.createDirectories(parent);
      Files.createDirectories(releases);
      try (FileChannel lockFile =
              FileChannel.open(
                  releases.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(lockFile)) {
        step("locked");
        recover();
        step("recovered");
        Current current = check();
        step("checked");
        clean();
        step("cleaned");
        Path sealed = writeSealed(version, files, time);
        swap(current, sealed);
        return new Outcome(sealed, List.copyOf(notes));
      }
    } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
      throw cannotWrite(dir, message(e));
    }
  }

  private FileLock tryLock(FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw cannotWrite(dir, "another publish is writing to it; try again when it has finished");
    }
    return lock;
  }

  private void step(String step) {
    steps.accept(step);
  }

  // ------------------------------------------------------------------ recovery and cleaning

  /**
   * A target without a release (missing, or our link to a release that is gone) is linked to the
   * newest complete release a killed run left: a sealed one of ours, or the old scheme's {@code
   * .name.old-*} directory (the previous release, moved aside by an older chizai-kg).
   */
  private void recover() throws IOException {
    // Only nothing, or our own link to nothing: never something this program did not make.
    Optional<Current> now = classify();
    boolean missing =
        now.isPresent() && (now.get().kind() == Kind.NONE || now.get().kind() == Kind.DANGLING);
    if (!missing) {
      return;
    }
    Optional<Path> newest =
        sealedReleases().stream()
            .filter(p -> verify(p).complete())
            .max(Comparator.comparing(ReleaseDirectory::sequence));
    if (newest.isEmpty()) {
      for (Path old : siblings(".old-")) {
        if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS) && verify(old).complete()) {
          Path adopted = releases.resolve(sealedName(nextSequence(), "recovered"));
          AtomicFiles.move(old, adopted);
          AtomicFiles.syncDirectory(releases);
          newest = Optional.of(adopted);
          break;
        }
      }
    }
    if (newest.isPresent()) {
      link(newest.get());
      notes.add(
          "recovered "
              + dir
              + " from an interrupted publish: it is "
              + releases.getFileName()
              + "/"
              + newest.get().getFileName()
              + " again");
    }
  }

  /** Removes what killed runs left behind; never the current release, never a file of a user. */
  private void clean() throws IOException {
    Optional<Path> current = classify().filter(c -> c.kind() == Kind.LINKED).map(Current::release);
    List<Path> leftovers = new ArrayList<>();
    for (Path p : siblings(".link-")) {
      if (Files.isSymbolicLink(p)) {
        leftovers.add(p);
      }
    }
    leftovers.addAll(siblings(".tmp-"));
    leftovers.addAll(siblings(".old-"));
    try (Stream<Path> s = Files.list(releases)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        boolean ours = n.startsWith(".tmp-") || SEALED.matcher(n).matches();
        if (ours && !current.map(p::equals).orElse(false)) {
          leftovers.add(p);
        }
      }
    }
    for (Path p : leftovers) {
      deleteTree(p);
    }
    if (!leftovers.isEmpty()) {
      notes.add(
          "removed "
              + leftovers.size()
              + " leftover"
              + (leftovers.size() == 1 ? "" : "s")
              + " of an interrupted publish: "
              + leftovers.stream()
                  .map(p -> parent.relativize(p).toString())
                  .reduce((a, b) -> a + ", " + b)
                  .orElse(""));
    }
  }

  /** Entries of the parent named {@code .name<infix>…}: the temporary names this program uses. */
  private List<Path> siblings(String infix) throws IOException {
    String prefix = "." + name + infix;
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  private List<Path> sealedReleases() throws IOException {
    try (Stream<Path> s = Files.list(releases)) {
      return s.filter(p -> SEALED.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .sorted()
          .toList();
    }
  }

  // ------------------------------------------------------------------ what is at the target

  private enum Kind {
    /** Nothing at the target. */
    NONE,
    /** Our link, to a release that is gone. */
    DANGLING,
    /** Our link to a release directory. */
    LINKED,
    /** An empty real directory. */
    EMPTY,
    /** A real directory holding a release (the layout of older chizai-kg versions). */
    LEGACY
  }

  private record Current(Kind kind, Path release) {}

  /**
   * What is at the target; empty when it is something this program must not replace (the reason is
   * then thrown by {@link #check()}).
   */
  private Optional<Current> classify() throws IOException {
    if (Files.isSymbolicLink(target)) {
      Path to = parent.resolve(Files.readSymbolicLink(target)).normalize();
      if (!releases.equals(to.getParent())
          || !SEALED.matcher(to.getFileName().toString()).matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new Current(
              Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS) ? Kind.LINKED : Kind.DANGLING, to));
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isEmpty()) {
          return Optional.of(new Current(Kind.EMPTY, target));
        }
      }
      Verification v = verify(target);
      return v.untouched() ? Optional.of(new Current(Kind.LEGACY, target)) : Optional.empty();
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(new Current(Kind.NONE, target));
  }

  /** What is at the target, or a refusal that says why it will not be replaced. */
  private Current check() throws IOException {
    Optional<Current> c = classify();
    if (c.isPresent()) {
      if (c.get().kind() == Kind.LINKED) {
        Verification v = verify(c.get().release());
        if (!v.untouched()) {
          throw notOurs(v);
        }
      }
      return c.get();
    }
    if (Files.isSymbolicLink(target)) {
      throw cannotWrite(
          dir,
          "is a symbolic link to "
              + Files.readSymbolicLink(target)
              + ", not to a release this program wrote: not replacing it");
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw cannotWrite(dir, "exists and is not a directory");
    }
    if (!Files.isRegularFile(target.resolve(Release.SHA256SUMS), LinkOption.NOFOLLOW_LINKS)) {
      throw cannotWrite(
          dir, "is not empty and not a release (no " + Release.SHA256SUMS + "): not replacing it");
    }
    throw notOurs(verify(target));
  }

  private ChizaiException notOurs(Verification v) {
    List<String> what = new ArrayList<>();
    v.extra().forEach(f -> what.add(f + " (not part of the release)"));
    v.changed().forEach(f -> what.add(f + " (changed since it was published)"));
    int shown = Math.min(what.size(), 10);
    return cannotWrite(
        dir,
        "holds files this program did not write, which publishing would delete: "
            + String.join(", ", what.subList(0, shown))
            + (what.size() > shown ? " and " + (what.size() - shown) + " more" : "")
            + ". Move them elsewhere (or remove them), then publish again");
  }

  /**
   * How a release directory compares with its {@code SHA256SUMS}.
   *
   * @param listed whether it has a {@code SHA256SUMS} of the form this program writes
   * @param extra files it holds that the sums do not list
   * @param changed listed files whose content differs
   * @param missing listed files it lacks
   */
  private record Verification(
      boolean listed, List<String> extra, List<String> changed, List<String> missing) {

    /** Nothing in it that this program did not write (files may be missing). */
    boolean untouched() {
      return listed && extra.isEmpty() && changed.isEmpty();
    }

    /** Exactly the release its sums describe. */
    boolean complete() {
      return untouched() && missing.isEmpty();
    }
  }

  private static Verification verify(Path release) {
    try {
      Path sums = release.resolve(Release.SHA256SUMS);
      List<String> files = new ArrayList<>();
      try (Stream<Path> s = Files.walk(release)) {
        for (Path p : s.sorted().toList()) {
          if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            files.add(release.relativize(p).toString().replace('\\', '/'));
          }
        }
      }
      Optional<Map<String, String>> listed =
          Files.isRegularFile(sums, LinkOption.NOFOLLOW_LINKS)
              ? Checksums.parse(Files.readAllBytes(sums))
              : Optional.empty();
      if (listed.isEmpty()) {
        files.remove(Release.SHA256SUMS);
        return new Verification(false, files, List.of(), List.of());
      }
      List<String> extra = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      for (String f : files) {
        if (f.equals(Release.SHA256SUMS)) {
          continue;
        }
        String expected = listed.get().get(f);
        Path file = release.resolve(f);
        if (expected == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          extra.add(f);
        } else if (!expected.equals(Sha256.hex(Files.readAllBytes(file)))) {
          changed.add(f);
        }
      }
      List<String> missing =
          listed.get().keySet().stream().filter(f -> !files.contains(f)).sorted().toList();
      return new Verification(true, extra, changed, missing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ writing and swapping

  private Path writeSealed(String version, SortedMap<String, byte[]> files, Instant time)
      throws IOException {
    Path tmp = AtomicFiles.createDirectory(releases, ".tmp-");
    FileTime mtime = FileTime.from(time);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path file = tmp.resolve(f.getKey()).normalize();
      if (!file.startsWith(tmp)) {
        throw new IllegalArgumentException("a release file outside the release: " + f.getKey());
      }
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, f.getValue());
      Files.setLastModifiedTime(file, mtime);
    }
    step("written");
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(tmp)) {
      dirs = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }
    for (Path d : reversed(dirs)) {
      AtomicFiles.syncDirectory(d);
      Files.setLastModifiedTime(d, mtime);
    }
    step("synced");
    Path sealed = releases.resolve(sealedName(nextSequence(), version));
    AtomicFiles.move(tmp, sealed);
    AtomicFiles.syncDirectory(releases);
    step("sealed");
    return sealed;
  }

  private void swap(Current current, Path sealed) throws IOException {
    Path link = newLink(sealed);
    step("linked");
    if (current.kind() == Kind.EMPTY) {
      Files.delete(target);
      AtomicFiles.syncDirectory(parent);
      step("moved-aside");
    } else if (current.kind() == Kind.LEGACY) {
      Path aside = releases.resolve(sealedName(0, "previous"));
      deleteTree(aside);
      AtomicFiles.move(target, aside);
      AtomicFiles.syncDirectory(parent);
      AtomicFiles.syncDirectory(releases);
      notes.add(
          "moved the release of an older chizai-kg at "
              + dir
              + " aside, then replaced it with a link to the new one");
      step("moved-aside");
      current = new Current(Kind.LEGACY, aside);
    }
    AtomicFiles.move(link, target);
    AtomicFiles.syncDirectory(parent);
    step("swapped");
    if (current.kind() == Kind.LINKED || current.kind() == Kind.LEGACY) {
      deleteTree(current.release());
    }
    step("pruned");
  }

  /** Points the target at {@code release}: a new link beside it, renamed over it. */
  private void link(Path release) throws IOException {
    AtomicFiles.move(newLink(release), target);
    AtomicFiles.syncDirectory(parent);
  }

  /** A new relative link to {@code release}, beside the target, under a temporary name. */
  private Path newLink(Path release) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp =
          parent.resolve(
              "." + name + ".link-" + Long.toUnsignedString(System.nanoTime() + attempt, 36));
      try {
        return Files.createSymbolicLink(tmp, parent.relativize(release));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  private static List<Path> reversed(List<Path> paths) {
    List<Path> out = new ArrayList<>(paths);
    java.util.Collections.reverse(out);
    return out;
  }

  private long nextSequence() throws IOException {
    return sealedReleases().stream().mapToLong(ReleaseDirectory::sequence).max().orElse(0) + 1;
  }

  private static long sequence(Path release) {
    Matcher m = SEALED.matcher(release.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String sealedName(long sequence, String version) {
    return String.format("%04d-%s", sequence, version);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(p);
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  private static ChizaiException cannotWrite(Path dir, String why) {
    return new ChizaiException(
        ExitCode.OUTPUT,
        List.of(Problem.error(dir.toString(), 0, "cannot write the release: " + why)));
  }

  /** File-system errors often carry only a path: say what happened to it. */
  private static String message(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof FileSystemException f) {
      String what = f.getClass().getSimpleName().replace("Exception", "");
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : what);
    }
    if (t instanceof UnsupportedOperationException) {
      return "this file system has no symbolic links, which a release needs: " + t.getMessage();
    }
    return t.toString();
  }
}
