package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import kg.chizai.model.Direction;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Section;
import kg.chizai.model.Sheet;
import kg.chizai.testing.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed report read end to end. Expected values were taken by reading the source text (line
 * numbers are those of data/source/ip-strategic-program-2025-progress-2026-04.txt), and several are
 * cross-checked against plain scans of the text that do not share code with the reader.
 */
class SeedReportTest {

  static Report report;
  static List<String> lines;

  @BeforeAll
  static void read() {
    report = Seed.report();
    lines = Seed.lines();
  }

  @Test
  void cover_titleProgramDatePublisherReadFromText() {
    assertEquals("「知的財産推進計画2025」の進捗状況", report.title());
    assertEquals("知的財産推進計画2025", report.programTitle());
    assertEquals(2025, report.programYear());
    assertEquals(Optional.of(YearMonth.of(2026, 4)), report.issued());
    assertEquals(Optional.of("内閣府知的財産戦略推進事務局"), report.publisher());
  }

  @Test
  void sections_partsSubPartAndSevenAreas() {
    List<String> titles = report.sections().stream().map(Section::title).toList();
    assertEquals(
        List.of(
            "知的財産の「創造」",
            "AIと知的財産権",
            "コンテンツ戦略",
            "司令塔機能の強化",
            "コンテンツと地方創生の好循環プラン",
            "海外へのビジネス展開力の向上",
            "デジタル・ビジネスに対応した構造改革の推進",
            "コンテンツ産業を支える人材強化",
            "海賊版対策の強化",
            "デジタルアーカイブの推進"),
        titles);
    Section area6 = section("海賊版対策の強化");
    assertEquals(Optional.of(6), area6.number());
    assertEquals(section("コンテンツ戦略").key(), area6.parentKey().orElseThrow());
  }

  @Test
  void sections_everyAreaHasItsLeadStatementNotADirection() {
    List<Section> areas =
        report.sections().stream()
            .filter(s -> s.number().isPresent() && s.parentKey().isPresent())
            .toList();
    assertEquals(7, areas.size(), "the seven areas (1)–(7) of コンテンツ戦略");
    for (Section s : areas) {
      assertTrue(s.lead().isPresent(), "lead of " + s.title());
    }
    assertEquals(115, section("司令塔機能の強化").lead().orElseThrow().span().lineStart());
    // Area (4) has no header line of its own: its lead follows the contents sheet directly.
    assertEquals(521, section("デジタル・ビジネスに対応した構造改革の推進").lead().orElseThrow().span().lineStart());
    assertTrue(section("AIと知的財産権").lead().orElseThrow().text().startsWith("「AI技術の進歩の促進」"));
    Set<Integer> leadLines = new TreeSet<>();
    report.sections().forEach(s -> s.lead().ifPresent(l -> leadLines.add(l.span().lineStart())));
    assertTrue(leadLines.size() >= areas.size(), leadLines.toString());
    for (Direction d : report.directions()) {
      assertFalse(leadLines.contains(d.span().lineStart()), "lead read as direction " + d.id());
    }
  }

  @Test
  void entries_oneForEveryTagInTheText() {
    long tags = 0;
    Matcher m = Pattern.compile("【([^】]*)】").matcher(String.join("\n", lines));
    while (m.find()) {
      if (!m.group(1).equals("再掲")) {
        tags++;
      }
    }
    assertEquals(tags, report.entries().size());
  }

  @Test
  void directions_oneForEveryBulletInDirectionZones() {
    // Every line that starts with a direction glyph (□ ❑) is a direction.
    long glyphLines = lines.stream().filter(l -> l.matches("^(- )?[□❑].*")).count();
    long glyphDirections =
        report.directions().stream()
            .filter(d -> lines.get(d.span().lineStart() - 1).matches("^(- )?[□❑].*"))
            .count();
    assertEquals(glyphLines, glyphDirections);
    assertEquals(106, report.directions().size());
  }

  @Test
  void texts_areVerbatimSlicesOfTheSource() {
    String all = String.join("\n", lines);
    for (Direction d : report.directions()) {
      for (String part : d.text().split("\n")) {
        assertTrue(all.contains(part), "direction text not in source: " + part);
      }
      assertFalse(d.text().startsWith("- ") || d.text().startsWith("□"), d.text());
    }
    for (ProgressEntry e : report.entries()) {
      for (String part : e.text().split("\n")) {
        assertTrue(all.contains(part), "entry text not in source: " + part);
      }
      assertFalse(e.text().contains("【" + e.tag() + "】"), e.text());
      assertFalse(e.text().startsWith("・"), e.text());
    }
  }

  @Test
  void entries_everyEntryHasBodiesAndAnswersSomeDirection() {
    for (ProgressEntry e : report.entries()) {
      assertFalse(e.bodyTags().isEmpty(), e.id());
      assertFalse(e.addresses().isEmpty(), e.id() + " at line " + e.span().lineStart());
      assertFalse(e.text().isBlank(), e.id());
    }
  }

  @Test
  void jointTag_splitIntoTwoBodies() {
    ProgressEntry e = entryAt(27);
    assertEquals("総務省・経産省", e.tag());
    assertEquals(List.of("総務省", "経産省"), e.bodyTags());
    assertEquals(List.of("内閣府（科技）"), entryAt(89).bodyTags());
  }

  @Test
  void subItems_dashDotAndPlainNestedBullets() {
    ProgressEntry justice = entryAt(61); // 【法務省】 then "- ・" items
    assertEquals(2, justice.items().size());
    assertTrue(justice.items().get(0).text().startsWith("パブリシティ権侵害"));
    assertEquals(64, justice.span().lineEnd());
    ProgressEntry culture = entryAt(453); // 【文化庁】 then plain "- " items
    assertEquals(2, culture.items().size());
    assertTrue(culture.items().get(1).text().startsWith("国立映画アーカイブにおける"));
    ProgressEntry tourism = entryAt(463); // "- 【観光庁】…" is an entry, not an item
    assertEquals("観光庁", tourism.tag());
    ProgressEntry dots = entryAt(634); // 【文化庁】 then "・" paragraphs
    assertEquals(3, dots.items().size());
  }

  @Test
  void continuation_paragraphsAttachToTheEntryAbove() {
    ProgressEntry e = entryAt(853);
    assertEquals(855, e.span().lineEnd());
    assertTrue(e.text().contains("\nまた、当該相談窓口事業と連携する形で"));
    ProgressEntry tagOnly = entryAt(287); // 【地域未来】 alone, text on the next paragraph
    assertTrue(tagOnly.text().startsWith("地域におけるコンテンツを活用した、地方公共団体"));
  }

  @Test
  void addresses_interleavedSheetGivesEachEntryItsOwnDirection() {
    // Sheet of area (2): direction at 193, entries 195–199, direction at 201, entries 203–205.
    assertEquals(List.of(directionAt(193).id()), entryAt(195).addresses());
    assertEquals(List.of(directionAt(201).id()), entryAt(203).addresses());
    assertEquals(List.of(directionAt(207).id()), entryAt(209).addresses());
  }

  @Test
  void addresses_plainSheetGivesEveryEntryEveryDirection() {
    List<String> all =
        List.of(
            directionAt(215).id(),
            directionAt(217).id(),
            directionAt(219).id(),
            directionAt(221).id());
    assertEquals(all, entryAt(225).addresses());
    assertEquals(all, entryAt(235).addresses());
  }

  @Test
  void htmlTable_rowsPairDirectionAndEntries() {
    Direction d = directionAt(240);
    assertTrue(d.text().startsWith("文化観光推進法 に基づく"));
    ProgressEntry e = entryAt(240);
    assertEquals("文化庁", e.tag());
    assertEquals(List.of(d.id()), e.addresses());
    assertTrue(e.text().startsWith("文化観光推進法に基づき"));
    assertEquals(List.of(directionAt(243).id()), entryAt(243).addresses());
  }

  @Test
  void relisted_markedItemsLinkToTheirOriginals() {
    ProgressEntry marked = entryAt(295);
    assertTrue(marked.relistMarked());
    assertEquals(Optional.of(entryAt(291).id()), marked.relistedFrom());
    Direction d = directionAt(433);
    assertTrue(d.relistMarked());
    assertEquals(Optional.of(directionAt(201).id()), d.relistedFrom());
    assertFalse(d.text().contains("再掲"));
    // Repeated without the mark: the same direction on the next sheet.
    Direction repeated = directionAt(53);
    assertFalse(repeated.relistMarked());
    assertEquals(Optional.of(directionAt(37).id()), repeated.relistedFrom());
  }

  @Test
  void sheets_inOrderWithoutOverlapAndCoverEveryContentLine() {
    List<Sheet> sheets = report.sheets();
    for (int i = 1; i < sheets.size(); i++) {
      assertTrue(
          sheets.get(i).span().lineStart() > sheets.get(i - 1).span().lineEnd(),
          "sheet " + sheets.get(i).ordinal());
    }
    int firstSheet = sheets.get(0).span().lineStart();
    List<Integer> uncovered = new ArrayList<>();
    for (int n = firstSheet; n <= lines.size(); n++) {
      int line = n;
      if (!lines.get(n - 1).isBlank()
          && sheets.stream()
              .noneMatch(s -> s.span().lineStart() <= line && line <= s.span().lineEnd())) {
        uncovered.add(n);
      }
    }
    assertEquals(List.of(), uncovered);
    assertEquals(7, sheets.stream().filter(Sheet::isContents).count());
    assertEquals(65, sheets.size());
  }

  @Test
  void contentsSheets_highlightTheAreaThatFollows() {
    // A plain scan: a contents sheet marks the area that follows it with ** after its title.
    Pattern mark = Pattern.compile("^(?:- )?\\(\\d\\) (.*)\\*\\*$");
    List<String> marked =
        lines.stream().map(mark::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    assertEquals(
        6, marked.size(), "areas (2) to (7) are marked; the first contents sheet marks none");
    List<Sheet> sheets = report.sheets();
    List<Integer> highlighting =
        IntStream.range(0, sheets.size())
            .filter(i -> sheets.get(i).highlightedSection().isPresent())
            .boxed()
            .toList();
    List<String> titles = new ArrayList<>();
    for (int i : highlighting) {
      Sheet s = sheets.get(i);
      assertTrue(s.isContents(), "sheet " + s.ordinal() + " highlights but lists nothing");
      assertTrue(i + 1 < sheets.size(), "no sheet after contents sheet " + s.ordinal());
      String key = s.highlightedSection().get();
      assertEquals(key, sheets.get(i + 1).sectionKey(), "contents sheet " + s.ordinal());
      titles.add(
          report.sections().stream()
              .filter(x -> x.key().equals(key))
              .findFirst()
              .orElseThrow()
              .title());
    }
    assertEquals(marked, titles);
  }

  @Test
  void warnings_none() {
    assertEquals(List.of(), report.warnings());
  }

  private static Section section(String title) {
    return report.sections().stream()
        .filter(s -> s.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private static ProgressEntry entryAt(int line) {
    return report.entries().stream()
        .filter(e -> e.span().lineStart() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry starts at line " + line));
  }

  private static Direction directionAt(int line) {
    return report.directions().stream()
        .filter(d -> d.span().lineStart() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no direction starts at line " + line));
  }
}
