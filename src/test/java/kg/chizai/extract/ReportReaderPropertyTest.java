package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.model.Report;
import kg.chizai.source.SourceText;
import kg.chizai.testing.Seed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader holds on reports dressed differently: a report mutated in ways that must not change
 * its structure (the glyphs of its directions, leads and contents lists, how areas are numbered,
 * the markers of sub-items, the words and brackets of its headings, spaces and ideographic spaces
 * around markers and tags, indentation, trailing spaces, blank lines, a BOM, LF, CRLF or CR) must
 * read to the same {@link ReportStructure} as the report itself. The reports mutated are the seed
 * and the sibling of another year, both written with the plain markers the mutations start from.
 */
class ReportReaderPropertyTest {

  static final Path SEED = Seed.SOURCE;
  static final Path SIBLING = Path.of("src/test/resources/siblings/another-year/report.txt");

  static final List<String> DIRECTION_MARKERS =
      List.of("- ", "□ ", "❑ ", "- ❑ ", "○ ", "● ", "■ ", "◆ ", "◇ ", "− ", "－ ", "-　", "●");
  static final List<String> LIST_MARKERS =
      List.of("- ", "", "・", "○ ", "● ", "■ ", "□ ", "❑ ", "◆ ", "− ", "－　");
  static final List<String> ITEM_MARKERS = List.of("- ・", "・", "・ ", "－・", "- ・ ", "-　・");
  static final List<String> PROGRAM_HEADINGS =
      List.of("知的財産推進計画2025の方向性", "＜施策の方向性＞", "【方向性】", "■ 計画の方向性", "方向性", "今後の方向性：");
  static final List<String> PROGRESS_HEADINGS =
      List.of("主な進捗状況", "【主な進捗状況】", "主な取組・進捗状況", "＜主な取組状況＞", "■ 進捗状況", "主な取組");
  static final List<String> SPACES = List.of("", " ", "　", "  ", "\t");
  static final List<String> ENDINGS = List.of("\n", "\r\n", "\r");

  private static final Pattern PROGRAM = Pattern.compile("^知的財産推進計画\\d{4}の方向性$");
  private static final Pattern PROGRESS = Pattern.compile("^主な進捗状況$");
  private static final Pattern AREA = Pattern.compile("^(- )?\\((\\d{1,2})\\) (.+)$");
  private static final Pattern TAG = Pattern.compile("^【([^】]+)】\\s*(.*)$");
  private static final Pattern ITEM = Pattern.compile("^- ・\\s*(.+)$");
  private static final Pattern DASH = Pattern.compile("^- (?![・□❑❒■◆◇○●◎▪▫►▶▷◼◻•✓【(（\\-])(.+)$");

  private static final String SEED_TEXT = read(SEED);
  private static final String SIBLING_TEXT = read(SIBLING);
  private static final List<String> SEED_STRUCTURE = structure(SEED_TEXT);
  private static final List<String> SIBLING_STRUCTURE = structure(SIBLING_TEXT);

  /** One way to dress a report: the base, and the seed of the choices made line by line. */
  record Dress(boolean seed, long choices, String ending, boolean bom) {}

  @Provide
  Arbitrary<Dress> dresses() {
    return Combinators.combine(
            Arbitraries.of(true, false, false, false),
            Arbitraries.longs(),
            Arbitraries.of(ENDINGS),
            Arbitraries.of(true, false))
        .as(Dress::new);
  }

  @Property(tries = 1000)
  void mutatedReport_readsToTheSameStructure(@ForAll("dresses") Dress d) {
    String base = d.seed() ? SEED_TEXT : SIBLING_TEXT;
    String mutated = dress(base, new Random(d.choices()), d.ending());
    List<String> actual = structure(mutated, d.bom());
    assertEquals(d.seed() ? SEED_STRUCTURE : SIBLING_STRUCTURE, actual, mutated);
  }

  @Example
  void dress_changesTheText_soTheTestIsNotVacuous() {
    String mutated = dress(SIBLING_TEXT, new Random(7), "\r\n");
    org.junit.jupiter.api.Assertions.assertNotEquals(SIBLING_TEXT, mutated);
    // A mutation that does change the structure (a direction dropped) is caught.
    String broken = SIBLING_TEXT.replace("- 日本発コンテンツの海外展開を支援する。\n", "");
    org.junit.jupiter.api.Assertions.assertNotEquals(SIBLING_STRUCTURE, structure(broken));
  }

  /**
   * The report dressed differently, line by line: each marker, heading, space and blank line chosen
   * by {@code random}; lines the mutations do not know are kept as they are.
   */
  static String dress(String text, Random random, String ending) {
    List<String> out = new ArrayList<>();
    String zone = "none";
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      String indent = pick(random, SPACES);
      String trail = random.nextInt(3) == 0 ? pick(random, SPACES) : "";
      Matcher m;
      if (t.isEmpty()) {
        // Blank lines: dropped, kept, or doubled.
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
          out.add(random.nextBoolean() ? "" : pick(random, SPACES));
        }
        continue;
      }
      String dressed = t;
      if (PROGRAM.matcher(t).matches()) {
        zone = "directions";
        dressed = pick(random, PROGRAM_HEADINGS);
      } else if (PROGRESS.matcher(t).matches()) {
        zone = "progress";
        dressed = pick(random, PROGRESS_HEADINGS);
      } else if ((m = AREA.matcher(t)).matches()) {
        zone = "none";
        dressed =
            pick(random, LIST_MARKERS)
                + number(random, Integer.parseInt(m.group(2)))
                + pick(random, SPACES)
                + m.group(3);
      } else if ((m = TAG.matcher(t)).matches()) {
        zone = "progress";
        dressed = "【" + m.group(1) + "】" + pick(random, SPACES) + m.group(2);
      } else if ((m = ITEM.matcher(t)).matches()) {
        dressed = pick(random, ITEM_MARKERS) + m.group(1);
      } else if ((m = DASH.matcher(t)).matches() && !zone.equals("progress")) {
        dressed = pick(random, DIRECTION_MARKERS) + m.group(1);
      }
      out.add(indent + dressed + trail);
      if (random.nextInt(5) == 0) {
        out.add("");
      }
    }
    return String.join(ending, out);
  }

  /** An area number as printed: (3), （３）, 3), ③. */
  static String number(Random random, int n) {
    return switch (random.nextInt(4)) {
      case 0 -> "(" + n + ")";
      case 1 -> "（" + fullWidth(n) + "）";
      case 2 -> n + ")";
      default -> String.valueOf((char) ('①' + n - 1));
    };
  }

  private static String fullWidth(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append((char) (c - '0' + '０'));
    }
    return sb.toString();
  }

  private static String pick(Random random, List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  static List<String> structure(String text) {
    return structure(text, false);
  }

  static List<String> structure(String text, boolean bom) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = body;
    if (bom) {
      bytes = new byte[body.length + 3];
      bytes[0] = (byte) 0xEF;
      bytes[1] = (byte) 0xBB;
      bytes[2] = (byte) 0xBF;
      System.arraycopy(body, 0, bytes, 3, body.length);
    }
    Report r = ReportReader.read(SourceText.decode("report.txt", bytes));
    return ReportStructure.normal(ReportStructure.render(r));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
