package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.base.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The exit codes are one table: the enum, the README and every command's help say the same. */
// Main.run prints to System.out and System.err, which ConvertCommandTest.run captures.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ExitCodesTest {

  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.+) \\|$");

  @Test
  void readme_exitCodeTable_equalsTheEnum() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Exit codes\n");
    assertTrue(start >= 0, "README has a section '## Exit codes'");
    int end = readme.indexOf("\n## ", start + 1);
    Map<Integer, String> table = new LinkedHashMap<>();
    for (String line : readme.substring(start, end).split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        table.put(Integer.parseInt(m.group(1)), m.group(2));
      }
    }
    Map<Integer, String> expected = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      expected.put(c.code(), c.meaning());
    }
    assertEquals(expected, table);
  }

  @Test
  void help_everyCommand_listsItsCodesWithTheEnumsMeaning() {
    for (Map.Entry<String, Set<ExitCode>> e : Main.EXIT_CODES.entrySet()) {
      String[] args =
          e.getKey().equals("chizai-kg")
              ? new String[] {"--help"}
              : new String[] {e.getKey(), "--help"};
      ConvertCommandTest.Run r = ConvertCommandTest.run(args);
      assertEquals(0, r.code(), e.getKey());
      String help = r.out().replaceAll("\\s+", " ");
      assertTrue(help.contains("Exit codes:"), e.getKey() + ": " + r.out());
      for (ExitCode c : ExitCode.values()) {
        String line = c.code() + " " + c.meaning();
        assertEquals(
            e.getValue().contains(c),
            help.contains(line),
            e.getKey() + " --help and " + c + ": " + r.out());
      }
    }
  }

  @Test
  void codes_areDistinctAndDense() {
    ExitCode[] all = ExitCode.values();
    for (int i = 0; i < all.length; i++) {
      assertEquals(i, all[i].code(), all[i].name());
    }
  }
}
