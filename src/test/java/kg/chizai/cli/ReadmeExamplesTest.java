package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The README's example outputs are what the commands print today (timings masked): counts in the
 * README cannot drift from the code (it once said 5,090 quads where the server said 8,981).
 */
// Main.run prints to System.out and System.err, which ConvertCommandTest.run captures.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ReadmeExamplesTest {

  @TempDir Path dir;

  private static List<String> readme() throws IOException {
    return Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
  }

  /** The one README line that starts with {@code prefix}, with its timing masked. */
  private static String readmeLine(String prefix) throws IOException {
    List<String> lines = readme().stream().filter(l -> l.startsWith(prefix)).toList();
    assertEquals(1, lines.size(), "README lines starting with '" + prefix + "': " + lines);
    return mask(lines.get(0));
  }

  private static String mask(String line) {
    return line.strip().replaceAll("\\d+\\.\\d+ s", "T s");
  }

  private static String outputLine(ConvertCommandTest.Run r, String prefix) {
    return r.out()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .map(ReadmeExamplesTest::mask)
        .orElseThrow(() -> new AssertionError("no line '" + prefix + "…' in " + r.out()));
  }

  @Test
  void convert_summaryLine_asInTheReadme() throws IOException {
    ConvertCommandTest.Run r =
        ConvertCommandTest.run(
            "convert",
            ConvertCommandTest.SEED.toString(),
            "--output",
            dir.resolve("out.ttl").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        readmeLine("converted 1 report: ").replace(" -> out.ttl", ""),
        outputLine(r, "converted 1 report: ").replaceAll(" -> \\S+$", ""));
  }

  @Test
  void validate_summaryLine_asInTheReadme() throws IOException {
    ConvertCommandTest.Run r = ConvertCommandTest.run("validate");
    assertEquals(0, r.code(), r.err());
    assertEquals(readmeLine("conforms: 1 source, "), outputLine(r, "conforms: "));
  }
}
