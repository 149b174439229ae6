package kg.chizai.extract.time;

/** Numbers written with ASCII digits or kanji numerals: 12, 十二, 二十四, 百, 二〇二五, 元. */
final class Numerals {

  static final String KANJI_DIGITS = "〇一二三四五六七八九";

  private Numerals() {}

  /**
   * The value of {@code s}. Kanji with 十 or 百 are read as a count (二十四 = 24); kanji without them
   * are read digit by digit (二〇二五 = 2025). 元 (the first year of an era) is 1.
   */
  static int parse(String s) {
    if (s.equals("元")) {
      return 1;
    }
    if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Integer.parseInt(s);
    }
    if (s.indexOf('十') < 0 && s.indexOf('百') < 0) {
      int n = 0;
      for (char c : s.toCharArray()) {
        n = n * 10 + digit(c);
      }
      return n;
    }
    int total = 0;
    int current = 0;
    for (char c : s.toCharArray()) {
      if (c == '百') {
        total += (current == 0 ? 1 : current) * 100;
        current = 0;
      } else if (c == '十') {
        total += (current == 0 ? 1 : current) * 10;
        current = 0;
      } else {
        current = current * 10 + digit(c);
      }
    }
    return total + current;
  }

  private static int digit(char c) {
    int d = KANJI_DIGITS.indexOf(c);
    if (d < 0) {
      throw new IllegalArgumentException("not a numeral: " + c);
    }
    return d;
  }
}
