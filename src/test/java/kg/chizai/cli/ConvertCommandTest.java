package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kg.chizai.rdf.RdfFiles;
import kg.chizai.source.SourceText;
import kg.chizai.testing.Seed;
import kg.chizai.testing.SmallReport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The convert command as a user runs it: exit codes, messages, and files left on disk. */
// Main.run prints to System.out and System.err, which ConvertCommandTest.run captures.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ConvertCommandTest {

  static final Path SEED = Seed.SOURCE;

  static final String SMALL = SmallReport.TEXT;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void convert_seed_printsOneSummaryLineAndWritesTurtle() throws Exception {
    Path out = dir.resolve("out.ttl");
    Run r = run("convert", SEED.toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .matches(
                "converted 1 report: 65 sheets, 106 directions, 195 entries, \\d+ bodies, \\d+ warnings"
                    + " in [0-9.]+ s -> .*out\\.ttl\\R"),
        r.out());
    Model m = RDFDataMgr.loadModel(out.toString());
    assertTrue(m.size() > 1000);
    // The same bytes as another conversion (the tests' shared one) written to a file: every format
    // is compared for two conversions in RoundTripTest.
    Path again = dir.resolve("again.ttl");
    RdfFiles.write(Seed.conversion().dataset(), again);
    assertArrayEquals(Files.readAllBytes(again), Files.readAllBytes(out));
  }

  @Test
  void convert_help_exit0() {
    Run r = run("convert", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Exit codes"));
  }

  @Test
  void convert_unknownExtension_exit2AndNoFile() {
    Path out = dir.resolve("out.xyz");
    Run r = run("convert", SEED.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown output format"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void convert_missingSource_exit3() {
    Path out = dir.resolve("out.ttl");
    Run r = run("convert", dir.resolve("nope.txt").toString(), "-o", out.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("nope.txt: no such file"), r.err());
    assertFalse(Files.exists(out));
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void badInput_emptyFile_exit3WithFileAndLine() throws Exception {
    assertBad(Files.write(dir.resolve("empty.txt"), new byte[0]), "empty.txt:1: empty file");
  }

  @Test
  void badInput_binary_exit3() throws Exception {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, 0, 0, 13};
    assertBad(Files.write(dir.resolve("image.txt"), bytes), "image.txt:2: binary data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE-BOM", "UTF-16BE-BOM", "UTF-16LE", "UTF-16BE"})
  void badInput_utf16_exit3NamesUtf16NotBinary(String encoding) throws Exception {
    boolean bom = encoding.endsWith("-BOM");
    String charset = encoding.replace("-BOM", "");
    byte[] text = SMALL.getBytes(Charset.forName(charset));
    byte[] bytes = text;
    if (bom) {
      byte[] mark =
          charset.endsWith("LE")
              ? new byte[] {(byte) 0xFF, (byte) 0xFE}
              : new byte[] {(byte) 0xFE, (byte) 0xFF};
      bytes = new byte[text.length + 2];
      System.arraycopy(mark, 0, bytes, 0, 2);
      System.arraycopy(text, 0, bytes, 2, text.length);
    }
    Run r = assertBad(Files.write(dir.resolve("utf16.txt"), bytes), "utf16.txt:1: UTF-16 text");
    assertFalse(r.err().contains("binary"), r.err());
  }

  @Test
  void badInput_shiftJis_exit3NamesTheEncodingAndLine() throws Exception {
    byte[] sjis = SMALL.getBytes(Charset.forName("Shift_JIS"));
    assertBad(
        Files.write(dir.resolve("sjis.txt"), sjis), "sjis.txt:2: not valid UTF-8", "Shift_JIS");
  }

  @Test
  void badInput_noRecognisableSheet_exit3() throws Exception {
    String text = "\n「知的財産推進計画2025」の進捗状況\n\n令和8年4月\n\n本文のない資料です。\n";
    assertBad(write("nosheet.txt", text), "nosheet.txt:2: no recognisable sheet");
  }

  @Test
  void badInput_noTitle_exit3() throws Exception {
    assertBad(write("notitle.txt", "ただの文章です。\n"), "notitle.txt:1: no report title");
  }

  @Test
  void badInput_unterminatedTag_exit3NamesLineAndColumn() throws Exception {
    String text = SMALL.replace("【文化庁】 海賊版", "【文化庁 海賊版");
    Run r =
        assertBad(write("tag.txt", text), "tag.txt:18: unterminated tag: 【 at column 1 has no 】");
    assertFalse(r.err().contains("truncated"), "one cause, one message: " + r.err());
  }

  @Test
  void badInput_truncatedAfterProgressHeading_exit3() throws Exception {
    String text = SMALL.substring(0, SMALL.indexOf("【文化庁】"));
    assertBad(write("cut.txt", text), "cut.txt:16: truncated report");
  }

  @Test
  void badInput_truncatedMidLine_exit3() throws Exception {
    String text = SMALL.stripTrailing();
    text = text.substring(0, text.length() - 4);
    assertBad(write("midline.txt", text), "midline.txt:18: truncated report");
  }

  @Test
  void badInput_severalProblems_allReportedAtOnce() throws Exception {
    String text = SMALL.replace("【文化庁】 海賊版", "【文化庁 海賊版") + "\n【総務省 続き\n";
    Run r = assertBad(write("two.txt", text), "two.txt:18: unterminated tag");
    assertTrue(r.err().contains("two.txt:20: unterminated tag"), r.err());
  }

  @Test
  void badInput_largerThanLimit_exit3NamesFileSizeAndLimit() throws Exception {
    Path big = write("big.txt", SMALL + "・".repeat(4000));
    long size = Files.size(big);
    Path out = dir.resolve("out.ttl");
    Run r = run("convert", big.toString(), "--max-input-size", "8K", "-o", out.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "big.txt: the file is "
                    + size
                    + " bytes, larger than the limit of 8192 bytes; raise it with"
                    + " --max-input-size"),
        r.err());
    assertFalse(Files.exists(out), "no output on failure");
  }

  @Test
  void input_atTheLimit_converts() throws Exception {
    Path small = write("small.txt", SMALL);
    long size = Files.size(small);
    Path out = dir.resolve("out.ttl");
    Run r =
        run("convert", small.toString(), "--max-input-size", Long.toString(size), "-o", "" + out);
    assertEquals(0, r.code(), r.err());
    assertEquals(
        3,
        run("convert", small.toString(), "--max-input-size", "" + (size - 1), "-o", "" + out)
            .code());
  }

  @Test
  void input_seedUnderTheDefaultLimit_andLargerFileRefusedByDefault() throws Exception {
    assertTrue(Files.size(SEED) < SourceText.DEFAULT_MAX_BYTES);
    Path huge = dir.resolve("huge.txt");
    byte[] line = (SMALL + "\n").getBytes(StandardCharsets.UTF_8);
    try (var o = Files.newOutputStream(huge)) {
      for (long n = 0; n <= SourceText.DEFAULT_MAX_BYTES; n += line.length) {
        o.write(line);
      }
    }
    assertBad(huge, "huge.txt: the file is " + Files.size(huge) + " bytes, larger than the limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "2G", "12Q", "-1"})
  void option_badMaxInputSize_exit2(String value) {
    Path out = dir.resolve("out.ttl");
    Run r = run("convert", SEED.toString(), "--max-input-size", value, "-o", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--max-input-size"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void input_bomAndCrlf_sameGraphAsPlain() throws Exception {
    Path plain = write("plain.txt", SMALL);
    byte[] crlf = ("\uFEFF" + SMALL.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    Path bom = Files.write(dir.resolve("bom.txt"), crlf);
    Path a = dir.resolve("a.nt");
    Path b = dir.resolve("b.nt");
    assertEquals(0, run("convert", plain.toString(), "-o", a.toString()).code());
    Run r = run("convert", bom.toString(), "-o", b.toString());
    assertEquals(0, r.code(), r.err());
    Model ma = RDFDataMgr.loadModel(a.toString());
    Model mb = RDFDataMgr.loadModel(b.toString());
    // Only the file name and checksum differ.
    ma.removeAll(null, kg.chizai.rdf.CKG.sourceFile, null);
    mb.removeAll(null, kg.chizai.rdf.CKG.sourceFile, null);
    ma.removeAll(null, kg.chizai.rdf.CKG.sourceSha256, null);
    mb.removeAll(null, kg.chizai.rdf.CKG.sourceSha256, null);
    assertTrue(ma.isIsomorphicWith(mb));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nq", "nt"})
  void convert_streamedLineFormat_sameBytesAsTheWholeDatasetWritten(String ext) throws Exception {
    // N-Quads and N-Triples are written report by report through sorted runs; the bytes must be
    // those of the whole dataset written at once, for several reports (their union deduplicated).
    Path sibling = Path.of("src/test/resources/siblings/another-year/report.txt");
    Path out = dir.resolve("out." + ext);
    Run r = run("convert", "-q", SEED.toString(), sibling.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("converted 2 reports: "), r.out());
    Path whole = dir.resolve("whole." + ext);
    RdfFiles.write(
        kg.chizai.Pipeline.create(kg.chizai.Config.defaults())
            .convert(List.of(SEED, sibling))
            .dataset(),
        whole);
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ttl", "nq"})
  void badInput_oneBadAmongSeveral_nothingWritten(String ext) throws Exception {
    Path out = dir.resolve("out." + ext);
    Path good = write("good.txt", SMALL);
    Path bad = Files.write(dir.resolve("bad.txt"), new byte[0]);
    Run r = run("convert", good.toString(), bad.toString(), "-o", out.toString());
    assertEquals(3, r.code());
    assertFalse(Files.exists(out));
    // Nor anything else: no temporary file, no sorted run of the good report (.nq keeps its runs
    // beside the output until they are merged).
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(bad, good), files.sorted().toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ttl", "nq"})
  void badInput_twoReportsOnTheSameProgram_exit3NamingBoth_nothingWritten(String ext)
      throws Exception {
    // Both would mint the same IRIs: the second is refused, whether the output is streamed or not.
    Path first = write("first.txt", SMALL);
    Path second = write("second.txt", SMALL);
    Path out = dir.resolve("out." + ext);
    Run r = run("convert", first.toString(), second.toString(), "-o", out.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains(second + ":"), r.err());
    assertTrue(r.err().contains("reports on the same program as " + first), r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(first, second), files.sorted().toList());
    }
  }

  @Test
  void badInput_existingOutputKeptWhenConversionFails() throws Exception {
    Path out = Files.writeString(dir.resolve("out.ttl"), "# previous\n");
    Path bad = Files.write(dir.resolve("bad.txt"), new byte[0]);
    assertEquals(3, run("convert", bad.toString(), "-o", out.toString()).code());
    assertEquals("# previous\n", Files.readString(out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ttl", "trig", "nq", "nt"})
  void output_noTemporaryFilesLeft(String ext) throws Exception {
    Path source = SmallReport.writeTo(Files.createDirectory(dir.resolve("in")), "report.txt");
    Path out = dir.resolve("x." + ext);
    assertEquals(0, run("convert", source.toString(), "-q", "-o", out.toString()).code());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("in"), out), files.sorted().toList());
    }
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Run assertBad(Path input, String... expected) {
    Path out = dir.resolve("out-" + input.getFileName() + ".ttl");
    Run r = run("convert", input.toString(), "-o", out.toString());
    assertEquals(3, r.code(), r.err());
    for (String e : expected) {
      assertTrue(r.err().contains(e), "expected <" + e + "> in:\n" + r.err());
    }
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(out), "no output on failure");
    return r;
  }
}
