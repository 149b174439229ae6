package kg.chizai.extract.text;

/**
 * Numbers as reports write them: ASCII or full-width digits (13, １３), kanji read as a count (十三,
 * 百二十, 二千二十五), kanji read digit by digit (二〇二五), and 元 (the first year of an era) for 1.
 */
public final class Numerals {

  /** The kanji digits, 〇 to 九. */
  public static final String KANJI_DIGITS = "〇一二三四五六七八九";

  private Numerals() {}

  /**
   * The value of {@code s}. Kanji with 十, 百 or 千 are read as a count (二十四 = 24, 千 = 1000); kanji
   * without them are read digit by digit (二〇二五 = 2025).
   *
   * @throws IllegalArgumentException if {@code s} is not such a number
   */
  public static int parse(String s) {
    String t = TextFold.fold(s.strip());
    if (t.isEmpty()) {
      throw new IllegalArgumentException("not a number: empty");
    }
    if (t.equals("元")) {
      return 1;
    }
    if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Integer.parseInt(t);
    }
    if (t.indexOf('十') < 0 && t.indexOf('百') < 0 && t.indexOf('千') < 0) {
      int n = 0;
      for (char c : t.toCharArray()) {
        n = n * 10 + digit(c, s);
      }
      return n;
    }
    int total = 0;
    int current = 0;
    for (char c : t.toCharArray()) {
      int unit =
          switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> 0;
          };
      if (unit == 0) {
        current = current * 10 + digit(c, s);
      } else {
        total += (current == 0 ? 1 : current) * unit;
        current = 0;
      }
    }
    return total + current;
  }

  private static int digit(char c, String s) {
    int d = KANJI_DIGITS.indexOf(c);
    if (d < 0) {
      throw new IllegalArgumentException("not a number: " + s);
    }
    return d;
  }
}
