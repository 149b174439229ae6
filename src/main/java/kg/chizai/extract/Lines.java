package kg.chizai.extract;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single line of a report looks like: headings, tags, bullets and section titles. Patterns
 * are matched against the NFKC form of a line (so full-width digits and brackets match); the text
 * kept is always cut from the original line.
 */
final class Lines {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TRAILING_COLON = Pattern.compile("[:：]$");

  /** Glyphs Japanese government documents use to start a list item (besides "- " and ・). */
  static final String BULLET_GLYPHS = "□❑❒■◆◇○●◎▪▫►▶▷◼◻•✓";

  private static final Pattern PROGRAM_HEADING =
      Pattern.compile("^(?:知的財産推進計画\\s*\\d{4}\\s*(?:の|における)|(?:今後|施策|計画|推進計画|取組)の)?方向性$");
  private static final Pattern PROGRESS_HEADING =
      Pattern.compile("^(?:主な|これまでの)?(?:取組[・の]?)?(?:進捗|実施)(?:状況)?(?:等)?$|^(?:主な)?取組(?:状況)?$");
  private static final Pattern TABLE_HEADING =
      Pattern.compile(
          "^(?:知的財産推進計画\\s*\\d{4}\\s*の|今後の)?方向性\\s*\\t\\s*(?:主な)?(?:取組・)?(?:進捗|取組)(?:状況)?$");
  private static final Pattern AREA =
      Pattern.compile("^(?:\\((\\d{1,2})\\)|(\\d{1,2})\\))\\s*([^。]{1,60}?)\\s*(\\*\\*)?\\s*$");

  /** The number of an area as printed: (3), （３）, 3), ③. */
  private static final Pattern AREA_NUMBER =
      Pattern.compile("^(?:[(（]\\s*[0-9０-９]{1,2}\\s*[)）]|[0-9０-９]{1,2}\\s*[)）]|[①-⑳])");

  private static final Pattern PART = Pattern.compile("^(\\d{1,2})[.．]\\s*([^。]{1,40})$");
  private static final Pattern SUBPART = Pattern.compile("^[-－]([^\\s-][^。]{0,39})$");
  private static final Pattern HTML =
      Pattern.compile(
          "<\\s*/?\\s*(?:ul|ol|li|p|td|tr|table|br|div|span)\\b", Pattern.CASE_INSENSITIVE);

  private Lines() {}

  static String nfkc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  static boolean isProgramHeading(String trimmed) {
    return PROGRAM_HEADING.matcher(headingWords(trimmed)).matches();
  }

  static boolean isProgressHeading(String trimmed) {
    return PROGRESS_HEADING.matcher(headingWords(trimmed)).matches();
  }

  /**
   * The words of a heading line without its decoration: a leading list marker (■, ○, -), enclosing
   * brackets (【主な進捗状況】, ＜方向性＞, [方向性]), a trailing colon, and all spaces.
   */
  static String headingWords(String trimmed) {
    String t = SPACES.matcher(nfkc(stripListMarker(trimmed))).replaceAll("");
    if (t.length() >= 2 && BRACKETS.indexOf(t.charAt(0)) >= 0) {
      int open = BRACKETS.indexOf(t.charAt(0));
      if (open % 2 == 0 && t.charAt(t.length() - 1) == BRACKETS.charAt(open + 1)) {
        t = t.substring(1, t.length() - 1);
      }
    }
    return TRAILING_COLON.matcher(t).replaceFirst("");
  }

  /** Pairs of brackets that may enclose a heading (after NFKC). */
  private static final String BRACKETS = "【】<>[]《》〈〉「」";

  /**
   * The line without a leading list marker: a dash, a glyph (■ ○ ❑ …), ・, or a dash and a glyph,
   * and the spaces after it. A line without one is returned as it is.
   */
  static String stripListMarker(String trimmed) {
    String rest = trimmed;
    if (!rest.isEmpty() && isDash(rest.charAt(0))) {
      rest = rest.substring(1).stripLeading();
    }
    if (!rest.isEmpty() && (BULLET_GLYPHS.indexOf(rest.charAt(0)) >= 0 || isDot(rest.charAt(0)))) {
      rest = rest.substring(1).stripLeading();
    }
    return rest;
  }

  static boolean isTableHeading(String trimmed) {
    return TABLE_HEADING.matcher(nfkc(trimmed)).matches();
  }

  static boolean isHtml(String trimmed) {
    return HTML.matcher(trimmed).find();
  }

  /** An area line such as "(3) 海外へのビジネス展開力の向上" or "- (6) 海賊版対策の強化**". */
  record Area(int number, String title, boolean highlighted) {}

  static Optional<Area> area(String trimmed) {
    String t = stripListMarker(trimmed);
    Matcher number = AREA_NUMBER.matcher(t);
    if (!number.lookingAt()) {
      return Optional.empty();
    }
    char first = t.charAt(0);
    String normal =
        first >= '①' && first <= '⑳' ? "(" + (first - '①' + 1) + ")" + t.substring(1) : t;
    Matcher m = AREA.matcher(nfkc(normal));
    if (!m.matches()) {
      return Optional.empty();
    }
    String title = stripEmphasis(t.substring(number.end()).strip());
    int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    return Optional.of(new Area(n, title, m.group(4) != null));
  }

  /** A numbered part heading such as "1. 知的財産の「創造」". */
  record Part(int number, String title) {}

  static Optional<Part> part(String trimmed) {
    Matcher m = PART.matcher(nfkc(trimmed));
    if (!m.matches()) {
      return Optional.empty();
    }
    int dot = indexOfAny(trimmed, ".．");
    return Optional.of(new Part(Integer.parseInt(m.group(1)), trimmed.substring(dot + 1).strip()));
  }

  /** A sub-part title written as "-AIと知的財産権" (a dash with no space: not a bullet). */
  static Optional<String> subpart(String trimmed) {
    Matcher m = SUBPART.matcher(nfkc(trimmed));
    return m.matches() ? Optional.of(trimmed.substring(1).strip()) : Optional.empty();
  }

  static String stripEmphasis(String s) {
    String t = s.strip();
    while (t.endsWith("*")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    while (t.startsWith("**")) {
      t = t.substring(2).strip();
    }
    return t;
  }

  /** How a list item is marked. */
  enum BulletStyle {
    /** "- text" */
    DASH,
    /** "・text", "- ・text" */
    DOT,
    /** "□ text", "- ❑ text", "○ text" … */
    GLYPH
  }

  /** A list item: its marker style and its text with the markers removed. */
  record Bullet(BulletStyle style, char glyph, String text) {}

  static Optional<Bullet> bullet(String trimmed) {
    String rest = trimmed;
    boolean dash = false;
    if (rest.length() >= 2 && isDash(rest.charAt(0)) && isSpace(rest.charAt(1))) {
      dash = true;
      rest = rest.substring(2).stripLeading();
    } else if (rest.length() >= 2
        && isDash(rest.charAt(0))
        && (BULLET_GLYPHS.indexOf(rest.charAt(1)) >= 0 || isDot(rest.charAt(1)))) {
      dash = true;
      rest = rest.substring(1);
    } else if (rest.length() >= 2
        && rest.charAt(0) == '-'
        && !isDash(rest.charAt(1))
        && !looksLikeTitle(rest.substring(1))) {
      // "-text" with no space: a bullet when the text is a sentence, a sub-part title otherwise.
      dash = true;
      rest = rest.substring(1);
    }
    char glyph = 0;
    if (!rest.isEmpty() && BULLET_GLYPHS.indexOf(rest.charAt(0)) >= 0) {
      glyph = rest.charAt(0);
      rest = rest.substring(1).stripLeading();
    }
    boolean dot = false;
    if (!rest.isEmpty() && isDot(rest.charAt(0))) {
      dot = true;
      rest = rest.substring(1).stripLeading();
    }
    if (!dash && glyph == 0 && !dot) {
      return Optional.empty();
    }
    BulletStyle style = dot ? BulletStyle.DOT : glyph != 0 ? BulletStyle.GLYPH : BulletStyle.DASH;
    return Optional.of(new Bullet(style, glyph, rest.strip()));
  }

  /** A 【…】 tag at the start of a line (optionally after a bullet marker). */
  record Tag(String name, String rest) {}

  /**
   * The leading tag of a line, if any. Returns empty for lines without a leading 【, and for a
   * leading 【再掲】 (a mark, not a body).
   */
  static Optional<Tag> leadingTag(String trimmed) {
    String rest = trimmed;
    if (rest.length() >= 2 && isDash(rest.charAt(0))) {
      rest = rest.substring(1).stripLeading();
    }
    if (!rest.startsWith("【")) {
      return Optional.empty();
    }
    int close = rest.indexOf('】');
    if (close < 0) {
      return Optional.empty();
    }
    String name = rest.substring(1, close).strip();
    if (isRelistMark(name)) {
      return Optional.empty();
    }
    return Optional.of(new Tag(name, rest.substring(close + 1).strip()));
  }

  /** The column of an opening 【 that has no closing 】 on the same line, or -1. */
  static int unterminatedTag(String line) {
    int open = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '【') {
        if (open >= 0) {
          return open;
        }
        open = i;
      } else if (c == '】') {
        open = -1;
      }
    }
    return open;
  }

  static boolean isRelistMark(String tagName) {
    String t = nfkc(tagName).replace(" ", "");
    return t.equals("再掲") || t.equals("一部再掲");
  }

  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^(?:[-‐−–]\\s*\\d{1,3}\\s*[-‐−–]|\\d{1,3}|\\d{1,3}\\s*/\\s*\\d{1,3}|p\\.?\\s*\\d{1,3})$");

  /** A page number or page footer left by the PDF extraction ("12", "- 12 -", "3/40"). */
  static boolean isPageNumber(String trimmed) {
    return PAGE_NUMBER.matcher(nfkc(trimmed)).matches();
  }

  /** Text with a trailing 【再掲】 removed, and whether there was one. */
  record Relist(String text, boolean marked) {}

  static Relist relist(String text) {
    String t = text.strip();
    boolean marked = false;
    while (true) {
      int open = t.lastIndexOf('【');
      if (open < 0 || !t.endsWith("】") || !isRelistMark(t.substring(open + 1, t.length() - 1))) {
        break;
      }
      marked = true;
      t = t.substring(0, open).strip();
    }
    if (t.startsWith("【")) {
      int close = t.indexOf('】');
      if (close > 0 && isRelistMark(t.substring(1, close))) {
        marked = true;
        t = t.substring(close + 1).strip();
      }
    }
    return new Relist(t, marked);
  }

  /** A short line with no sentence punctuation: a candidate title. */
  static boolean looksLikeTitle(String trimmed) {
    return trimmed.length() <= 30
        && trimmed.indexOf('。') < 0
        && trimmed.indexOf('、') < 0
        && !trimmed.contains("【")
        && bullet(trimmed).isEmpty();
  }

  /** Whitespace-free NFKC form, for comparing texts that should be the same. */
  static String comparable(String text) {
    return SPACES.matcher(nfkc(text)).replaceAll("");
  }

  static boolean isDash(char c) {
    return c == '-' || c == '－' || c == '‐' || c == '−' || c == '–' || c == '—' || c == '*';
  }

  static boolean isDot(char c) {
    return c == '・' || c == '･';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u3000' || c == '\t';
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
