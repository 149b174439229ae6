package kg.chizai.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.publish.Release;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A release directory written by {@code publish}, offered for download as it is: every file its
 * {@code SHA256SUMS} lists, checked against that sum when opened (a file that differs is not
 * offered), and its {@code dataset.ttl}, which names the release's version and IRI and describes
 * each dump (title, media type, size).
 *
 * <pre>{@code Downloads d = Downloads.open(Path.of("dist"));  d.href("chizai-kg.ttl");}</pre>
 */
final class Downloads {

  /** DCAT 3's {@code dcat:version} (Jena's DCAT class is DCAT 2). */
  static final org.apache.jena.rdf.model.Property VERSION =
      org.apache.jena.rdf.model.ResourceFactory.createProperty(DCAT.NS + "version");

  /** Where the files of a release are served: {@code /dumps/<version>/<file>}. */
  static final String PATH = "/dumps/";

  /** One file of the release. */
  record File(String name, long size, String sha256, String mediaType, Optional<String> titleJa) {}

  private final Path dir;
  private final String version;
  private final String datasetIri;
  private final List<File> files;
  private final Model description;
  private final byte[] descriptionBytes;
  private final List<String> damaged;

  private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);

  private Downloads(
      Path dir,
      String version,
      String datasetIri,
      List<File> files,
      Model description,
      byte[] descriptionBytes,
      List<String> damaged) {
    this.dir = dir;
    this.version = version;
    this.datasetIri = datasetIri;
    this.files = List.copyOf(files);
    this.description = description;
    this.descriptionBytes = descriptionBytes;
    this.damaged = List.copyOf(damaged);
  }

  /**
   * Opens a release directory. Throws {@link ChizaiException} (exit 8) when it is not one: no
   * {@code SHA256SUMS}, no {@code dataset.ttl}, or a description without a versioned dataset.
   */
  static Downloads open(Path dir) {
    return open(dir, Optional.empty());
  }

  /**
   * As {@link #open(Path)}, remembering in {@code verified} (a file of the store's build) the size,
   * modification time and checksum of every file whose SHA-256 it computed: a later start trusts a
   * file that still has the size and time it had when its checksum was verified (as {@code rsync}
   * and {@code git status} do), so that a start does not read every dump of a large release.
   */
  static Downloads open(Path dir, Optional<Path> verified) {
    Map<String, String> known = verified.map(Downloads::readVerified).orElse(Map.of());
    Map<String, String> seen = new TreeMap<>();
    Downloads d = open(dir, known, seen);
    if (verified.isPresent() && !seen.equals(known)) {
      StringBuilder sb = new StringBuilder();
      seen.forEach((stamp, sum) -> sb.append(sum).append(' ').append(stamp).append('\n'));
      try {
        AtomicFiles.write(verified.get(), sb.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        LOG.warn("cannot record the verified checksums in {}: {}", verified.get(), e.getMessage());
      }
    }
    return d;
  }

  /** {@code size mtime-nanos name} of a file: what a later start compares. */
  private static String stamp(Path file, String name) throws IOException {
    return Files.size(file)
        + " "
        + Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + " "
        + name;
  }

  private static Map<String, String> readVerified(Path file) {
    Map<String, String> m = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space == 64) {
          m.put(line.substring(space + 1), line.substring(0, space));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return Map.of();
    }
    return m;
  }

  /** The SHA-256 of a file, unless {@code known} holds it for the file's present stamp. */
  private static String sha256(
      Path file, String name, Map<String, String> known, Map<String, String> seen)
      throws IOException {
    String stamp = stamp(file, name);
    String sum = known.get(stamp);
    if (sum == null) {
      sum = sha256(file);
    }
    seen.put(stamp, sum);
    return sum;
  }

  private static Downloads open(Path dir, Map<String, String> known, Map<String, String> seen) {
    Path sums = dir.resolve(Release.SHA256SUMS);
    Path ttl = dir.resolve(Release.DESCRIPTION);
    if (!Files.isRegularFile(sums) || !Files.isRegularFile(ttl)) {
      throw notARelease(dir, "no " + Release.SHA256SUMS + " or " + Release.DESCRIPTION);
    }
    try {
      byte[] ttlBytes = Files.readAllBytes(ttl);
      Model description = ModelFactory.createDefaultModel();
      try {
        RDFParser.fromString(new String(ttlBytes, StandardCharsets.UTF_8), Lang.TURTLE)
            .parse(description);
      } catch (RiotException e) {
        throw notARelease(dir, Release.DESCRIPTION + ": " + e.getMessage());
      }
      Resource release =
          release(description)
              .orElseThrow(
                  () ->
                      notARelease(
                          dir, Release.DESCRIPTION + " describes no versioned dcat:Dataset"));
      String version = release.getProperty(VERSION).getString();
      Map<String, Resource> byFile = distributions(description);
      List<File> files = new ArrayList<>();
      List<String> damaged = new ArrayList<>();
      for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\\s+\\*?", 2);
        if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}") || !safeName(parts[1])) {
          throw notARelease(dir, Release.SHA256SUMS + ": not a checksum line: " + line);
        }
        Path file = dir.resolve(parts[1]);
        if (!Files.isRegularFile(file) || !parts[0].equals(sha256(file, parts[1], known, seen))) {
          damaged.add(parts[1]);
          continue;
        }
        Resource dist = byFile.get(parts[1]);
        files.add(
            new File(
                parts[1],
                Files.size(file),
                parts[0],
                mediaType(parts[1], dist),
                Optional.ofNullable(dist).flatMap(d -> title(d, "ja"))));
      }
      files.add(
          new File(
              Release.SHA256SUMS,
              Files.size(sums),
              sha256(sums),
              "text/plain",
              Optional.of("チェックサム（SHA-256）")));
      return new Downloads(dir, version, release.getURI(), files, description, ttlBytes, damaged);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the release in " + dir, e);
    }
  }

  /** The versioned dataset the description is about (the one with {@code dcterms:isVersionOf}). */
  private static Optional<Resource> release(Model m) {
    return m.listSubjectsWithProperty(DCTerms.isVersionOf).toList().stream()
        .filter(r -> r.isURIResource() && r.hasProperty(RDF.type, DCAT.Dataset))
        .filter(r -> r.hasProperty(VERSION))
        .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
        .findFirst();
  }

  /** Each distribution by the file name its download URL ends with. */
  private static Map<String, Resource> distributions(Model m) {
    Map<String, Resource> out = new LinkedHashMap<>();
    for (Statement s : m.listStatements(null, DCAT.downloadURL, (RDFNode) null).toList()) {
      if (s.getObject().isURIResource()) {
        String url = s.getResource().getURI();
        out.put(url.substring(url.lastIndexOf('/') + 1), s.getSubject());
      }
    }
    return out;
  }

  private static Optional<String> title(Resource r, String lang) {
    for (Statement s : r.listProperties(DCTerms.title).toList()) {
      if (s.getObject().isLiteral() && lang.equals(s.getObject().asLiteral().getLanguage())) {
        return Optional.of(s.getString());
      }
    }
    return Optional.empty();
  }

  private static String mediaType(String name, Resource dist) {
    if (dist != null) {
      Statement m = dist.getProperty(DCAT.mediaType);
      if (m != null && m.getObject().isURIResource()) {
        String iri = m.getResource().getURI();
        String prefix = "http://www.iana.org/assignments/media-types/";
        if (iri.startsWith(prefix)) {
          return name.endsWith(".gz") ? "application/gzip" : iri.substring(prefix.length());
        }
      }
    }
    if (name.endsWith(".gz")) {
      return "application/gzip";
    }
    if (name.endsWith(".ttl")) {
      return "text/turtle";
    }
    if (name.endsWith(".jsonld")) {
      return "application/ld+json";
    }
    return "application/octet-stream";
  }

  /** A relative path of plain segments: no {@code ..}, no absolute path, no odd characters. */
  static boolean safeName(String name) {
    return name.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")
        && !name.startsWith(".")
        && !name.contains("/.");
  }

  private static ChizaiException notARelease(Path dir, String why) {
    return new ChizaiException(
        ExitCode.SERVE, Problem.error(dir.toString(), 0, "not a release directory: " + why));
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65_536];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String version() {
    return version;
  }

  /** The IRI of the released (versioned) dataset, e.g. {@code …/id/dataset/2026-04}. */
  String datasetIri() {
    return datasetIri;
  }

  /** The files offered, in {@code SHA256SUMS} order, then {@code SHA256SUMS} itself. */
  List<File> files() {
    return files;
  }

  /** Files listed in {@code SHA256SUMS} that are missing or differ from their sum. */
  List<String> damaged() {
    return damaged;
  }

  /** The dataset description ({@code dataset.ttl}) as a graph. */
  Model description() {
    return description;
  }

  /** The bytes of {@code dataset.ttl}, as published. */
  byte[] descriptionBytes() {
    return descriptionBytes.clone();
  }

  /** The local URL of a file. */
  String href(String name) {
    return PATH + version + "/" + name;
  }

  /** The file served at {@code name} if the release offers it. */
  Optional<Path> file(String name) {
    return files.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .map(f -> dir.resolve(f.name()));
  }
}
