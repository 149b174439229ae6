package kg.chizai.serve;

import static kg.chizai.serve.TestServers.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.testing.Seed;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release offered by the server: the downloads page lists every file of {@code SHA256SUMS},
 * each served byte for byte; the dataset description is served at the dataset's IRI and at {@code
 * /.well-known/void}; citations come as BibTeX and CSL-JSON.
 */
class DownloadsTest {

  @TempDir static Path dir;
  static Path release;
  static ChizaiServer server;

  @BeforeAll
  static void start() {
    release = Seed.releaseDirectory();
    server = Seed.serverWithRelease();
  }

  static byte[] bytes(String url) {
    try {
      HttpResponse<byte[]> r =
          TestServers.CLIENT.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), url);
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String[]> sums() throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(release.resolve("SHA256SUMS"))) {
      out.add(line.split("  ", 2));
    }
    return out;
  }

  @Test
  void downloadsPage_everyFileOfTheRelease_servedByteForByte() throws Exception {
    HttpResponse<String> page = get(server.url() + "downloads", null);
    assertEquals(200, page.statusCode());
    Document doc = Jsoup.parse(page.body());
    List<String[]> sums = sums();
    assertEquals(sums.size() + 1, doc.select("table.files tbody tr").size(), "and SHA256SUMS");
    for (String[] sum : sums) {
      Element link = doc.selectFirst("table.files a[href$=/" + sum[1] + "]");
      assertTrue(link != null, sum[1]);
      Element row = link.parents().select("tr").first();
      assertEquals(sum[0], row.selectFirst("code.sha").text(), sum[1]);
      byte[] served = bytes(server.url() + link.attr("href").substring(1));
      assertArrayEquals(Files.readAllBytes(release.resolve(sum[1])), served, sum[1]);
      assertEquals(sum[0], Downloads.sha256(release.resolve(sum[1])));
    }
    assertArrayEquals(
        Files.readAllBytes(release.resolve("SHA256SUMS")),
        bytes(server.url() + "dumps/" + server.downloads().orElseThrow() + "/SHA256SUMS"));
  }

  @Test
  void wellKnownVoid_isDatasetTtl_asPublished() throws Exception {
    HttpResponse<String> r = get(server.url() + ".well-known/void", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    assertEquals(
        Files.readString(release.resolve("dataset.ttl"), StandardCharsets.UTF_8), r.body());
  }

  @Test
  void datasetIri_htmlIsTheDownloadsPage_rdfIsTheDescription() throws Exception {
    String version = server.downloads().orElseThrow();
    String path = server.url() + "id/dataset/" + version;
    HttpResponse<String> html = get(path, "text/html");
    assertEquals(200, html.statusCode());
    assertFalse(Jsoup.parse(html.body()).select("table.files").isEmpty());
    HttpResponse<String> jsonld = get(path, "application/ld+json");
    assertEquals(200, jsonld.statusCode());
    Model served = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader(jsonld.body())).lang(Lang.JSONLD).parse(served);
    Model published = RDFDataMgr.loadModel(release.resolve("dataset.ttl").toString());
    assertTrue(served.isIsomorphicWith(published));
    HttpResponse<String> distribution = get(path + "/distribution/chizai-kg.ttl", "text/turtle");
    assertEquals(200, distribution.statusCode());
    assertTrue(
        distribution.body().contains("downloadURL")
            && distribution.body().contains("/dumps/" + version + "/chizai-kg.ttl"),
        distribution.body());
  }

  @Test
  void dumps_pathOutsideTheRelease_404() {
    String version = server.downloads().orElseThrow();
    for (String p :
        List.of(
            "dumps/" + version + "/../fingerprint.txt",
            "dumps/" + version + "/%2e%2e/fingerprint.txt",
            "dumps/1999-01/chizai-kg.ttl",
            "dumps/" + version + "/nope.ttl")) {
      int status = get(server.url() + p, null).statusCode();
      assertTrue(status == 404 || status == 400, p + ": " + status);
    }
  }

  @Test
  void cite_entry_bibtexWithItsReportsCredit() {
    String iri = PagesTest.BASE + "id/report/2025-progress/entry/14-1";
    HttpResponse<String> r =
        get(server.url() + "cite?format=bibtex&iri=" + TestServers.encode(iri), null);
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("url = {" + iri + "}"), r.body());
    assertTrue(r.body().contains("version = {" + server.downloads().orElseThrow() + "}"));
    assertTrue(r.body().contains("出典：内閣府知的財産戦略推進事務局"), r.body());
    assertEquals(400, get(server.url() + "cite?format=ris&iri=x", null).statusCode());
  }

  @Test
  void landing_linksTheDumps() {
    Document doc = Jsoup.parse(get(server.url(), null).body());
    assertFalse(doc.select("#downloads a[href$=chizai-kg.nt.gz]").isEmpty());
    assertFalse(doc.select("footer section.cite").isEmpty());
  }

  @Test
  void open_damagedFile_notOffered() throws Exception {
    Path copy = dir.resolve("damaged");
    Files.createDirectories(copy.resolve("ontology"));
    for (String[] sum : sums()) {
      Files.copy(release.resolve(sum[1]), copy.resolve(sum[1]));
    }
    Files.copy(release.resolve("SHA256SUMS"), copy.resolve("SHA256SUMS"));
    Files.writeString(copy.resolve("chizai-kg.ttl"), "# changed\n", StandardCharsets.UTF_8);
    Downloads d = Downloads.open(copy);
    assertEquals(List.of("chizai-kg.ttl"), d.damaged());
    assertTrue(d.file("chizai-kg.ttl").isEmpty());
    assertTrue(d.file("chizai-kg.nt.gz").isPresent());
  }

  @Test
  void open_verifiedRecord_fileWithItsStampTrusted_changedFileVerifiedAgain() throws Exception {
    Path copy = dir.resolve("stamped");
    Files.createDirectories(copy.resolve("ontology"));
    for (String[] sum : sums()) {
      Files.copy(release.resolve(sum[1]), copy.resolve(sum[1]));
    }
    Files.copy(release.resolve("SHA256SUMS"), copy.resolve("SHA256SUMS"));
    Path verified = dir.resolve("release-verified.txt");
    assertEquals(List.of(), Downloads.open(copy, Optional.of(verified)).damaged());
    assertTrue(Files.readString(verified).contains(" chizai-kg.ttl\n"), "recorded");

    // Same size and time as when verified: trusted without reading it (only a stamp shows that).
    Path ttl = copy.resolve("chizai-kg.ttl");
    FileTime time = Files.getLastModifiedTime(ttl);
    byte[] bytes = Files.readAllBytes(ttl);
    bytes[bytes.length / 2] ^= 1;
    Files.write(ttl, bytes);
    Files.setLastModifiedTime(ttl, time);
    assertEquals(List.of(), Downloads.open(copy, Optional.of(verified)).damaged());

    // Written again (a new time): its checksum is computed and found wrong.
    Files.setLastModifiedTime(ttl, FileTime.fromMillis(time.toMillis() + 1000));
    assertEquals(List.of("chizai-kg.ttl"), Downloads.open(copy, Optional.of(verified)).damaged());
  }

  @Test
  void open_checksumLineEscapingTheDirectory_refused() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.copy(release.resolve("dataset.ttl"), bad.resolve("dataset.ttl"));
    Files.writeString(bad.resolve("SHA256SUMS"), "0".repeat(64) + "  ../store/fingerprint.txt\n");
    ChizaiException e = assertThrows(ChizaiException.class, () -> Downloads.open(bad));
    assertTrue(e.getMessage().contains("not a checksum line"), e.getMessage());
  }
}
