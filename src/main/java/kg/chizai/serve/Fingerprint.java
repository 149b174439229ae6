package kg.chizai.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import kg.chizai.base.Sha256;
import org.apache.jena.Jena;

/**
 * What a store was built from: one SHA-256 over the source reports, the code (our classes and the
 * packaged ontology and reference tables, read from the jar or the classes directory), an external
 * reference directory if one is used, the IRI base and the Jena version. A store whose recorded
 * fingerprint differs is rebuilt.
 *
 * @param sha256 the combined digest, hex
 * @param parts one line per input ({@code what digest}), written beside the digest for people
 */
public record Fingerprint(String sha256, List<String> parts) {

  /** Bump when the store's layout or the text index configuration changes. */
  static final String LAYOUT = "store-layout 1";

  /** Top-level classpath folders that are ours: classes, ontology, reference tables. */
  private static final List<String> CODE_ROOTS = List.of("kg/", "ontology/", "reference/");

  public Fingerprint {
    parts = List.copyOf(parts);
  }

  /** Computes the fingerprint of a store built from these inputs with the running code. */
  public static Fingerprint of(List<Path> sources, String base, Optional<Path> referenceDir) {
    List<String> parts = new ArrayList<>();
    parts.add(LAYOUT);
    parts.add("jena " + Jena.VERSION);
    parts.add("base " + base);
    parts.add("code " + codeDigest());
    if (referenceDir.isPresent()) {
      for (Path p : filesIn(referenceDir.get())) {
        parts.add("reference " + digest(p) + " " + p.getFileName());
      }
    }
    for (Path p : sources.stream().sorted().toList()) {
      parts.add("source " + digest(p) + " " + p.getFileName());
    }
    MessageDigest all = newDigest();
    for (String part : parts) {
      all.update(part.getBytes(StandardCharsets.UTF_8));
      all.update((byte) '\n');
    }
    return new Fingerprint(Sha256.hex(all), parts);
  }

  /** The text of the fingerprint file: the digest on the first line, then the parts. */
  public String fileText() {
    return sha256 + "\n" + String.join("\n", parts) + "\n";
  }

  /** The digest recorded in a fingerprint file, if the file exists. */
  public static Optional<String> recorded(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.findFirst().map(String::strip);
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Digest of our own code and packaged data, wherever the classes are loaded from. */
  static String codeDigest() {
    Path location;
    try {
      location =
          Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return "unknown";
    }
    MessageDigest md = newDigest();
    try {
      if (Files.isDirectory(location)) {
        for (String root : CODE_ROOTS) {
          Path dir = location.resolve(root);
          if (Files.isDirectory(dir)) {
            for (Path p : filesIn(dir)) {
              md.update(
                  location
                      .relativize(p)
                      .toString()
                      .replace('\\', '/')
                      .getBytes(StandardCharsets.UTF_8));
              md.update(Files.readAllBytes(p));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          List<JarEntry> entries =
              jar.stream()
                  .filter(e -> !e.isDirectory())
                  .filter(e -> CODE_ROOTS.stream().anyMatch(r -> e.getName().startsWith(r)))
                  .sorted(Comparator.comparing(JarEntry::getName))
                  .toList();
          // Each entry by its name, size and the CRC-32 the jar's central directory records for
          // it: a change of any byte of our code or data changes them, and nothing is inflated.
          for (JarEntry e : entries) {
            md.update(e.getName().getBytes(StandardCharsets.UTF_8));
            if (e.getCrc() >= 0 && e.getSize() >= 0) {
              md.update(
                  (" " + e.getSize() + " " + Long.toHexString(e.getCrc()) + "\n")
                      .getBytes(StandardCharsets.UTF_8));
            } else {
              try (InputStream in = jar.getInputStream(e)) {
                md.update(in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code at " + location, e);
    }
    return Sha256.hex(md);
  }

  private static List<Path> filesIn(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String digest(Path file) {
    MessageDigest md = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return Sha256.hex(md);
  }

  private static MessageDigest newDigest() {
    return Sha256.digest();
  }
}
