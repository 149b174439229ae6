package kg.chizai.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one numeral reader: what the statute finder and the date normaliser both rely on. */
class NumeralsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "13, 13",
    "１３, 13",
    "十, 10",
    "十三, 13",
    "二十四, 24",
    "百, 100",
    "百二十, 120",
    "千, 1000",
    "二千二十五, 2025",
    "千九百八十九, 1989",
    "二〇二五, 2025",
    "元, 1",
    "三十の四, -1"
  })
  void parse_digitsKanjiAndGannen(String text, int expected) {
    if (expected < 0) {
      assertThrows(IllegalArgumentException.class, () -> Numerals.parse(text));
    } else {
      assertEquals(expected, Numerals.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "年", "十a", "元年"})
  void parse_notANumber_throwsNamingIt(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Numerals.parse(text));
    assertEquals(true, e.getMessage().startsWith("not a number"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"令和７年１２月　（ＡＩ）", "ＡＢＣ", "abc"})
  void fold_keepsLength(String s) {
    assertEquals(s.length(), TextFold.fold(s).length());
  }
}
