package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import kg.chizai.extract.Lines.BulletStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "- 方向性の本文。|DASH|方向性の本文。",
        "□ 方向性の本文|GLYPH|方向性の本文",
        "- ❑ 方向性の本文|GLYPH|方向性の本文",
        "○ 方向性|GLYPH|方向性",
        "● 方向性|GLYPH|方向性",
        "■ 方向性|GLYPH|方向性",
        "◆ 方向性|GLYPH|方向性",
        "・ 小項目|DOT|小項目",
        "- ・小項目|DOT|小項目",
        "－　全角ダッシュと全角空白の項目|DASH|全角ダッシュと全角空白の項目",
        "-空白のない箇条書きで、文になっている項目。|DASH|空白のない箇条書きで、文になっている項目。"
      })
  void bullet_markerRemovedStyleKept(String line, BulletStyle style, String text) {
    Lines.Bullet b = Lines.bullet(line).orElseThrow();
    assertEquals(style, b.style());
    assertEquals(text, b.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-AIと知的財産権", "ただの文。", "【文化庁】本文", "(3) 海外へのビジネス展開力の向上"})
  void bullet_notABullet(String line) {
    assertEquals(Optional.empty(), Lines.bullet(line));
  }

  @Test
  void area_numberTitleAndHighlight() {
    Lines.Area a = Lines.area("- (2) コンテンツと地方創生の好循環プラン**").orElseThrow();
    assertEquals(2, a.number());
    assertEquals("コンテンツと地方創生の好循環プラン", a.title());
    assertTrue(a.highlighted());
    Lines.Area full = Lines.area("（６）海賊版対策の強化").orElseThrow();
    assertEquals(6, full.number());
    assertFalse(full.highlighted());
    assertTrue(Lines.area("(1) これは文なので見出しではない。").isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "○ （１）　司令塔機能の強化**|1|司令塔機能の強化|true",
        "■ (3) 海外へのビジネス展開力の向上|3|海外へのビジネス展開力の向上|false",
        "・(2) コンテンツと地方創生の好循環プラン|2|コンテンツと地方創生の好循環プラン|false",
        "− (7) デジタルアーカイブの推進|7|デジタルアーカイブの推進|false",
        "4) デジタル・ビジネスに対応した構造改革の推進|4|デジタル・ビジネスに対応した構造改革の推進|false",
        "③ クールジャパンの推進|3|クールジャパンの推進|false",
        "- ❑ ⑤ コンテンツ産業を支える人材強化|5|コンテンツ産業を支える人材強化|false"
      })
  void area_anyMarkerAndNumbering(String line, int number, String title, boolean highlighted) {
    Lines.Area a = Lines.area(line).orElseThrow(() -> new AssertionError(line));
    assertEquals(number, a.number());
    assertEquals(title, a.title());
    assertEquals(highlighted, a.highlighted());
  }

  @Test
  void area_notASentenceOrAPart() {
    assertTrue(Lines.area("○ (1) これは文なので見出しではない。").isEmpty());
    assertTrue(Lines.area("1. 知的財産の「創造」").isEmpty());
    assertTrue(Lines.area("○ 司令塔機能の強化").isEmpty());
  }

  @Test
  void headings_otherWordsBracketsAndMarkers() {
    assertTrue(Lines.isProgramHeading("＜施策の方向性＞"));
    assertTrue(Lines.isProgramHeading("【方向性】"));
    assertTrue(Lines.isProgramHeading("■ 計画の方向性"));
    assertTrue(Lines.isProgramHeading("今後の方向性："));
    assertTrue(Lines.isProgramHeading("知的財産推進計画２０２４における方向性"));
    assertTrue(Lines.isProgressHeading("【主な進捗状況】"));
    assertTrue(Lines.isProgressHeading("＜主な取組状況＞"));
    assertTrue(Lines.isProgressHeading("■ 進捗状況"));
    assertTrue(Lines.isProgressHeading("主な実施状況"));
    assertFalse(Lines.isProgramHeading("【文化庁】"));
    assertFalse(Lines.isProgressHeading("【主な進捗状況について報告】"));
  }

  @Test
  void headings_recognisedInAnyProgramYearAndWidth() {
    assertTrue(Lines.isProgramHeading("知的財産推進計画2025の方向性"));
    assertTrue(Lines.isProgramHeading("知的財産推進計画２０２４の方向性"));
    assertTrue(Lines.isProgressHeading("主な進捗状況"));
    assertTrue(Lines.isProgressHeading("主な取組・進捗状況"));
    assertTrue(Lines.isProgressHeading("主な取組"));
    assertTrue(Lines.isProgramHeading("今後の方向性"));
    assertFalse(Lines.isProgressHeading("主な進捗状況について報告する。"));
    assertTrue(Lines.isTableHeading("知的財産推進計画2025の方向性\t主な進捗状況"));
    assertFalse(Lines.isProgramHeading("知的財産推進計画2025の方向性について検討する。"));
  }

  @Test
  void tags_leadingTagAndRelistMarks() {
    assertEquals("総務省・経産省", Lines.leadingTag("【総務省・経産省】 本文").orElseThrow().name());
    assertEquals("観光庁", Lines.leadingTag("- 【観光庁】本文").orElseThrow().name());
    assertTrue(Lines.leadingTag("【再掲】本文").isEmpty());
    Lines.Relist r = Lines.relist("本文。【再掲】");
    assertEquals("本文。", r.text());
    assertTrue(r.marked());
    assertTrue(Lines.relist("本文【一部再掲】").marked());
    assertEquals(0, Lines.unterminatedTag("【文化庁 本文"));
    assertEquals(-1, Lines.unterminatedTag("【文化庁】 本文"));
  }

  @Test
  void pageNumbers_ignored() {
    for (String s : List.of("12", "- 3 -", "１２", "3/40")) {
      assertTrue(Lines.isPageNumber(s), s);
    }
    assertFalse(Lines.isPageNumber("2025年"));
  }

  @Test
  void bodyTags_splitOnSeparatorsButNotInsideParentheses() {
    assertEquals(List.of("総務省", "経産省"), BodyTags.split("総務省・経産省"));
    assertEquals(List.of("内閣府（科技・AI）"), BodyTags.split("内閣府（科技・AI）"));
    assertEquals(List.of("文化庁", "経産省"), BodyTags.split("文化庁、経産省"));
  }
}
