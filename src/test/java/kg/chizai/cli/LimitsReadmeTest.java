package kg.chizai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's "Limits" table is the server's limits as {@code serve --help} declares them: one row
 * per option that bounds what a client or an input can make the server spend, with the option's
 * default. An option added, renamed or given another default without the README fails here.
 */
class LimitsReadmeTest {

  /** Options of serve that name things to serve rather than bound them. */
  static final Set<String> NOT_LIMITS =
      Set.of(
          "--port",
          "--store",
          "--sources",
          "--queries",
          "--release",
          "--base",
          "--reference",
          "--access-log",
          "--help",
          "--version");

  private static final Pattern ROW =
      Pattern.compile("^\\| `(--[a-z-]+)(?:=[^`]*)?` \\| ([^|]+) \\|");

  @Test
  void readmeLimitsTable_equalsServesOptionsAndDefaults() throws IOException {
    Map<String, String> documented = table();
    Map<String, String> declared = new TreeMap<>();
    CommandLine serve = new CommandLine(new Main()).getSubcommands().get("serve");
    for (OptionSpec o : serve.getCommandSpec().options()) {
      String name = o.longestName();
      if (!NOT_LIMITS.contains(name)) {
        declared.put(name, o.defaultValue() == null ? "none" : o.defaultValue());
      }
    }
    assertTrue(declared.size() >= 15, "serve's limit options: " + declared);
    assertEquals(declared, documented);
  }

  static Map<String, String> table() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Limits\n");
    assertTrue(start >= 0, "README has a section '## Limits'");
    int end = readme.indexOf("\n## ", start + 1);
    Map<String, String> rows = new TreeMap<>();
    for (String line : readme.substring(start, end).split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.put(m.group(1), m.group(2).strip());
      }
    }
    return rows;
  }
}
