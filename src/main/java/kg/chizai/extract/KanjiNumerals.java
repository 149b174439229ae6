package kg.chizai.extract;

/** Numbers written in digits (ASCII or full-width) or kanji: 13, １３, 十三, 百二十, 二〇二五. */
public final class KanjiNumerals {

  private KanjiNumerals() {}

  public static int parse(String s) {
    String t = Lines.foldWidth(s.strip());
    if (t.matches("\\d+")) {
      return Integer.parseInt(t);
    }
    if (t.matches("[〇一二三四五六七八九]+")) {
      int n = 0;
      for (char c : t.toCharArray()) {
        n = n * 10 + digit(c);
      }
      return n;
    }
    int total = 0;
    int current = 0;
    for (char c : t.toCharArray()) {
      int d = digit(c);
      if (d >= 0) {
        current = d;
        continue;
      }
      int unit =
          switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> throw new IllegalArgumentException("not a number: " + s);
          };
      total += (current == 0 ? 1 : current) * unit;
      current = 0;
    }
    return total + current;
  }

  private static int digit(char c) {
    return "〇一二三四五六七八九".indexOf(c);
  }
}
