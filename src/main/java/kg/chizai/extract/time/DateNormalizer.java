package kg.chizai.extract.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.extract.text.Numerals;
import kg.chizai.extract.text.TextFold;
import kg.chizai.extract.time.TimeValue.CalendarDate;
import kg.chizai.extract.time.TimeValue.CalendarMonth;
import kg.chizai.extract.time.TimeValue.CalendarYear;
import kg.chizai.extract.time.TimeValue.FiscalYear;
import kg.chizai.extract.time.TimeValue.Point;

/**
 * Finds the time expressions in a text and gives each a typed value.
 *
 * <pre>{@code
 * TimeContext ctx = TimeContext.forReport(YearMonth.of(2026, 4));
 * List<TimeExpression> found = DateNormalizer.find("令和7年6月に公布、同年9月に施行", ctx);
 * // 令和7年6月 → 2025-06, 同年9月 → 2025-09 (anchor CONTEXT)
 * }</pre>
 *
 * <p>What it reads:
 *
 * <ul>
 *   <li>Years in an era (令和, 平成, 昭和, 大正, 明治, and R7 H31 S64 T15; 元年; ASCII, full-width or kanji
 *       numerals) or Western (2025年, 二〇二五年), with month and day: 令和7年12月24日.
 *   <li>年度 as the Japanese fiscal year, April to March: 令和7年度 = 2025年度 = FY2025. A month with no
 *       year after a fiscal year falls in it: after 令和7年度, （3月） is 2026-03.
 *   <li>予算 after a year: 令和6年度補正予算 is FY2024 with {@link Budget#SUPPLEMENTARY}. A budget named with
 *       年 (令和8年予算) is read as that fiscal year, with a warning.
 *   <li>Qualifiers (上旬 中旬 下旬 末 中 内 初め 前半 後半 春 夏 秋 冬 当初 上半期 下半期) and hedges (頃 目途 めど 前後 程度).
 *   <li>Roles after a point: までに (deadline), まで and 以前 (until), から より 以降 以後 (from), 現在 時点 (as of).
 *   <li>Ranges: 2026-2030, 2026～2030年, 令和7～9年度, 令和7年度から令和9年度まで, 令和7年度から9年度まで, 2025年4月～6月.
 *   <li>Lists: 2025年3月、6月及び10月 (later months take the first one's year).
 *   <li>Anaphora, resolved against the last point named in the entry ({@link TimeContext#last()}):
 *       同年, 同年度, 同月, 同日, and 前年 翌年 前年度 翌年度 次年度 when a point was named before (else they fall back
 *       to the report date). After a fiscal year, 同年 前年 翌年 are read as fiscal years, since
 *       fiscal-year prose uses 年 for 年度; a month with no year takes the year of the last point.
 *   <li>Expressions relative to the report's date, strictly by the calendar: 本年 今年 昨年 去年 一昨年 来年 再来年
 *       are calendar years; 今年度 本年度 当年度 昨年度 来年度 再来年度 count from the fiscal year the report's month
 *       falls in (a report of 2026-04 is in FY2026, so its 来年度 is FY2027); 今月 先月 来月; 今後 is {@link
 *       Kind#FUTURE} with no value. A report dated April or May gets a warning on each fiscal-year
 *       word, because such reports are often written in the fiscal year before.
 * </ul>
 *
 * <p>Part of a name, not an event date ({@link TimeExpression#partOfName()}, value kept):
 *
 * <ul>
 *   <li>anything inside 「」 『』 “” 《》 〈〉 quotes: 「デジタルアーカイブ戦略2026-2030」, 「昭和100年」;
 *   <li>a bare four-digit year or range (no 年) attached to a word: 知的財産推進計画2025, デジタルアーカイブフェス2025;
 *       a bare year that is not attached to a word is not a date at all and is not reported;
 *   <li>a year or fiscal year directly followed by a noun phrase of four or more characters ending
 *       in a document, program or body noun (書 計画 戦略 事業 補助金 調査 報告 指針 法 号 会 …): 令和7年犯罪収益移転危険度調査書,
 *       令和6年度クリエイター・事業者支援事業費補助金, 昭和45年法律第48号. A short noun is not a name: 令和7年度調査, 令和6年度実績.
 * </ul>
 *
 * <p>Rejected with a warning and no value (the expression is still reported, so the text is not
 * read twice): era year 0 (令和0年), a year outside 1868–2100 (令和99年 = 2117), month 0 or 13, a day the
 * month does not have (2025年2月30日), a point wholly before its era began (令和元年4月), 同年 or a bare
 * month with nothing named before it, and report-relative words with no report date. A point after
 * its era ended (平成32年, 「昭和100年」) is a known legacy form (written before the era changed, or
 * commemorative): it is mapped by arithmetic (2020, 2025) and warned about. 令和元年度 and 平成31年度 are
 * both FY2019 without a warning, since an era-named fiscal year is valid when the era was in force
 * for part of it.
 *
 * <p>Not dates: durations and ages (3か月, 5年間, 10年目, 2020年代), counts and amounts (20兆円, 約200か所,
 * 約1350万件), ordinals (第12回).
 */
public final class DateNormalizer {

  /** The earliest Western year accepted: the first year of 明治. */
  public static final int MIN_YEAR = 1868;

  /** The latest Western year accepted; later ones (令和99年 = 2117) are taken for errors. */
  public static final int MAX_YEAR = 2100;

  private static final String NUM = "(元|\\d{1,3}|[〇一二三四五六七八九十百]{1,4})";
  private static final String SMALL_NUM = "(\\d{1,2}|[〇一二三四五六七八九十]{1,3})";
  private static final String NOT_DURATION = "(?!間|代|目|ぶり|余|超|半(?!ば)|前(?!半)|後(?!半))";
  private static final String WORD_CHARS = "\\p{IsHan}\\p{IsKatakana}ー";
  private static final String CONTINUES =
      "(?=現在|時点|頃|ごろ|まで|以降|以前|目途|目処|前後|$|[^" + WORD_CHARS + "])";

  private static final Pattern ERA_YEAR =
      Pattern.compile(
          "(令和|平成|昭和|大正|明治|(?<![A-Za-z])[RHST](?=\\d{1,2}\\s*年))\\s*"
              + NUM
              + "\\s*年"
              + NOT_DURATION
              + "(度)?");
  private static final Pattern WESTERN_YEAR =
      Pattern.compile(
          "(?<![\\d.,，〇一二三四五六七八九十百約])([12]\\d{3}|[〇一二三四五六七八九]{4})\\s*年" + NOT_DURATION + "(度)?");
  private static final Pattern ERA_RANGE =
      Pattern.compile(
          "(令和|平成|昭和|大正|明治)\\s*"
              + NUM
              + "\\s*[～〜~\\-－‐−–]\\s*"
              + NUM
              + "\\s*年"
              + NOT_DURATION
              + "(度)?");
  private static final Pattern WESTERN_RANGE =
      Pattern.compile(
          "(?<![\\d.,，\\-－])([12]\\d{3})\\s*[～〜~\\-－‐−–—ー]\\s*([12]\\d{3})(?:\\s*年"
              + NOT_DURATION
              + "(度)?)?(?![\\d.,，\\-－])");
  private static final Pattern BARE_YEAR =
      Pattern.compile("(?<![\\d.,，])([12]\\d{3})(?![\\d.,，万億兆円件人%年月日回号条点])");
  private static final Pattern RELATIVE =
      Pattern.compile(
          "(?<!["
              + WORD_CHARS
              + "\\d])"
              + "(同年度|同年|同月|同日|本年度|今年度|当年度|昨年度|前年度|来年度|翌年度|次年度|再来年度"
              + "|一昨年|本年|今年|昨年|去年|前年|来年|再来年|翌年|今月|先月|来月|今後|年度末)"
              + "(?!金|齢|令|賀|比|同期|並|始|頭)");
  private static final Pattern MONTH = Pattern.compile("\\s*" + SMALL_NUM + "\\s*月(?!間)");
  private static final Pattern DAY = Pattern.compile("\\s*" + SMALL_NUM + "\\s*日(?!間)");
  private static final Pattern BARE_MONTH =
      Pattern.compile("(?<![\\d.,，" + WORD_CHARS + "])(\\d{1,2})\\s*月(?!間|額|次|号|刊|曜|収|給)");
  private static final Pattern BARE_DAY = Pattern.compile("(\\d{1,2})\\s*日(?!間)");
  private static final Pattern ERA_PARTIAL = Pattern.compile(NUM + "\\s*年" + NOT_DURATION + "(度)?");

  private static final Pattern MONTH_QUALIFIER =
      Pattern.compile("(上旬|初旬|中旬|下旬|末日|末|中|前半|後半|初め|はじめ)" + CONTINUES);
  private static final Pattern YEAR_QUALIFIER =
      Pattern.compile("(初め|初頭|前半|後半|半ば|末|中|内|[春夏秋冬](?:季|期)?)" + CONTINUES);
  private static final Pattern FISCAL_QUALIFIER =
      Pattern.compile("(当初|初め|上半期|下半期|前半|後半|末|中|内)" + CONTINUES);
  private static final Pattern APPROXIMATE =
      Pattern.compile("\\s*(を目途|をめど|を目処|頃|ごろ|前後|目途|めど|目処|程度)");
  private static final Pattern BUDGET = Pattern.compile("(補正予算|当初予算|補正|予算)");
  private static final Pattern ROLE = Pattern.compile("\\s*(までに|まで|から|より|以降|以後|以前|現在|時点)");
  private static final Pattern RANGE_SEPARATOR = Pattern.compile("\\s*(?:[～〜~\\-－‐−–]|から)\\s*");
  private static final Pattern RANGE_CLOSE = Pattern.compile("(?:までの間|までに|まで|にかけて|の間)");
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile("\\s*(?:、|，|,|及び|および|並びに|ならびに|と|や|・|/|／)\\s*");
  private static final Pattern NAME_RUN =
      Pattern.compile("[" + WORD_CHARS + "・A-Za-z][" + WORD_CHARS + "・A-Za-z0-9]*");
  private static final Pattern TITLE_NOUN =
      Pattern.compile(
          ".*(書|計画|戦略|方針|指針|大綱|事業|事業費|補助金|基金|調査|報告|白書|法|令|号|版|賞|展|祭|会|会議|宣言"
              + "|ガイドライン|プラン|ビジョン|プログラム|プロジェクト|キャンペーン|フェス|フェスティバル|ロードマップ|工程表|予算案)");

  private static final String OPEN_QUOTES = "「『“《〈";
  private static final String CLOSE_QUOTES = "」』”》〉";

  /** Words relative to the report date or to the entry, and how far they move. */
  private enum Rel {
    SAME_YEAR,
    SAME_FY,
    SAME_MONTH,
    SAME_DAY,
    REPORT_YEAR,
    REPORT_FY,
    REPORT_MONTH,
    NEIGHBOUR_YEAR,
    NEIGHBOUR_FY,
    FY_END,
    FUTURE
  }

  private record RelWord(Rel rel, int shift) {}

  private static final Map<String, RelWord> REL_WORDS =
      Map.ofEntries(
          Map.entry("同年", new RelWord(Rel.SAME_YEAR, 0)),
          Map.entry("同年度", new RelWord(Rel.SAME_FY, 0)),
          Map.entry("同月", new RelWord(Rel.SAME_MONTH, 0)),
          Map.entry("同日", new RelWord(Rel.SAME_DAY, 0)),
          Map.entry("本年", new RelWord(Rel.REPORT_YEAR, 0)),
          Map.entry("今年", new RelWord(Rel.REPORT_YEAR, 0)),
          Map.entry("昨年", new RelWord(Rel.REPORT_YEAR, -1)),
          Map.entry("去年", new RelWord(Rel.REPORT_YEAR, -1)),
          Map.entry("一昨年", new RelWord(Rel.REPORT_YEAR, -2)),
          Map.entry("来年", new RelWord(Rel.REPORT_YEAR, 1)),
          Map.entry("再来年", new RelWord(Rel.REPORT_YEAR, 2)),
          Map.entry("本年度", new RelWord(Rel.REPORT_FY, 0)),
          Map.entry("今年度", new RelWord(Rel.REPORT_FY, 0)),
          Map.entry("当年度", new RelWord(Rel.REPORT_FY, 0)),
          Map.entry("昨年度", new RelWord(Rel.REPORT_FY, -1)),
          Map.entry("来年度", new RelWord(Rel.REPORT_FY, 1)),
          Map.entry("再来年度", new RelWord(Rel.REPORT_FY, 2)),
          Map.entry("今月", new RelWord(Rel.REPORT_MONTH, 0)),
          Map.entry("先月", new RelWord(Rel.REPORT_MONTH, -1)),
          Map.entry("来月", new RelWord(Rel.REPORT_MONTH, 1)),
          Map.entry("前年", new RelWord(Rel.NEIGHBOUR_YEAR, -1)),
          Map.entry("翌年", new RelWord(Rel.NEIGHBOUR_YEAR, 1)),
          Map.entry("前年度", new RelWord(Rel.NEIGHBOUR_FY, -1)),
          Map.entry("翌年度", new RelWord(Rel.NEIGHBOUR_FY, 1)),
          Map.entry("次年度", new RelWord(Rel.NEIGHBOUR_FY, 1)),
          Map.entry("年度末", new RelWord(Rel.FY_END, 0)),
          Map.entry("今後", new RelWord(Rel.FUTURE, 0)));

  private DateNormalizer() {}

  /**
   * Every time expression in {@code text}, in text order, resolved against {@code context} (which
   * is updated with each point found that is not part of a name).
   */
  public static List<TimeExpression> find(String text, TimeContext context) {
    return new Scan(text, context).run();
  }

  /** Every time expression in {@code text}, with no report date and nothing named before. */
  public static List<TimeExpression> find(String text) {
    return find(text, TimeContext.withoutReport());
  }

  /** The precision a point is written at. */
  private enum Precision {
    DAY,
    MONTH,
    YEAR,
    FISCAL,
    NONE
  }

  /** One point as written, before and after resolution. */
  private static final class Atom {
    int start;
    int end;
    Era era;
    Integer year;
    boolean fiscal;
    Integer month;
    Integer day;
    RelWord rel;
    String relWord;
    Atom parent;
    boolean rollover;
    Qualifier qualifier;
    boolean approximate;
    Budget budget;

    Point point;
    Anchor anchor = Anchor.ABSOLUTE;
    final List<String> warnings = new ArrayList<>();

    Precision precision() {
      if (day != null) {
        return Precision.DAY;
      }
      if (month != null) {
        return Precision.MONTH;
      }
      if (fiscal) {
        return Precision.FISCAL;
      }
      if (rel != null) {
        return switch (rel.rel()) {
          case SAME_FY, REPORT_FY, NEIGHBOUR_FY, FY_END -> Precision.FISCAL;
          case SAME_MONTH, REPORT_MONTH -> Precision.MONTH;
          case SAME_DAY -> Precision.DAY;
          case FUTURE -> Precision.NONE;
          default -> Precision.YEAR;
        };
      }
      return Precision.YEAR;
    }

    Kind kind() {
      if (point != null) {
        return point.kind();
      }
      return switch (precision()) {
        case DAY -> Kind.DATE;
        case MONTH -> Kind.YEAR_MONTH;
        case FISCAL -> Kind.FISCAL_YEAR;
        case YEAR -> Kind.YEAR;
        case NONE -> Kind.FUTURE;
      };
    }
  }

  /** The scan of one text. */
  /**
   * Every character a phrase can start with (the first characters of {@link #ERA_RANGE}, {@link
   * #WESTERN_RANGE}, {@link #ERA_YEAR}, {@link #WESTERN_YEAR}, {@link #RELATIVE}, {@link
   * #BARE_MONTH} and {@link #BARE_YEAR}, on the folded text): the scan tries the patterns only
   * where one of them stands.
   */
  private static final String STARTS = "0123456789RHST令平昭大明〇一二三四五六七八九同本今当昨前来翌次再去先年";

  private static final class Scan {
    private final String text;
    private final String s;
    private final TimeContext context;
    private final boolean[] quoted;
    private final List<TimeExpression> out = new ArrayList<>();
    private Matcher m;

    /**
     * One matcher per pattern, reused at every position (a new one per call was most of a scan).
     */
    private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();

    Scan(String text, TimeContext context) {
      this.text = text;
      this.s = TextFold.fold(text);
      this.context = context;
      this.quoted = insideQuotes(s);
    }

    List<TimeExpression> run() {
      int i = 0;
      while (i < s.length()) {
        if (STARTS.indexOf(s.charAt(i)) < 0) {
          i++; // no phrase starts here: not worth a try of every pattern
          continue;
        }
        int next = phrase(i);
        i = next > i ? next : i + 1;
      }
      return List.copyOf(out);
    }

    // ------------------------------------------------------------------ matching helpers

    private boolean at(Pattern p, int i) {
      if (i > s.length()) {
        return false;
      }
      m =
          matchers.computeIfAbsent(
              p, q -> q.matcher(s).useTransparentBounds(true).useAnchoringBounds(false));
      m.region(i, s.length());
      return m.lookingAt();
    }

    private String original(int start, int end) {
      return text.substring(start, end);
    }

    // ------------------------------------------------------------------ phrases

    /** Reads a phrase starting at {@code i}; returns its end, or -1 if none starts there. */
    private int phrase(int i) {
      int end = compressedEraRange(i);
      if (end >= 0) {
        return end;
      }
      end = compressedWesternRange(i);
      if (end >= 0) {
        return end;
      }
      Atom first = atom(i);
      if (first == null) {
        return bareNameYear(i);
      }
      int j = first.end;
      if (at(RANGE_SEPARATOR, j) && first.precision() != Precision.NONE) {
        int k = m.end();
        Atom second = rangeEnd(k, first);
        if (second != null) {
          int close = at(RANGE_CLOSE, second.end) ? m.end() : second.end;
          emitRange(first, second, i, close, false);
          return close;
        }
      }
      List<Atom> items = new ArrayList<>(List.of(first));
      while (first.precision() != Precision.NONE && at(LIST_SEPARATOR, j)) {
        Atom next = listItem(m.end(), items.get(items.size() - 1));
        if (next == null) {
          break;
        }
        items.add(next);
        j = next.end;
      }
      if (items.size() > 1) {
        emitList(items, i, j);
        return j;
      }
      Kind role = null;
      if (first.precision() != Precision.NONE && at(ROLE, j)) {
        role = roleKind(m.group(1));
        j = m.end();
      }
      // 白書2025年版: a year that names an edition is part of the name.
      boolean name = role == null && (isNamePrefix(first) || s.startsWith("版", j));
      emitSingle(first, role, i, j, name);
      return j;
    }

    /** 令和7～9年度: one era, two years. */
    private int compressedEraRange(int i) {
      if (!at(ERA_RANGE, i)) {
        return -1;
      }
      Era era = Era.of(m.group(1));
      boolean fiscal = m.group(4) != null;
      int end = m.end();
      Atom a = new Atom();
      a.start = i;
      a.end = m.start(3);
      a.era = era;
      a.year = Numerals.parse(m.group(2));
      a.fiscal = fiscal;
      Atom b = new Atom();
      b.start = m.start(3);
      b.end = end;
      b.era = era;
      b.year = Numerals.parse(m.group(3));
      b.fiscal = fiscal;
      int close = at(RANGE_CLOSE, end) ? m.end() : end;
      emitRange(a, b, i, close, false);
      return close;
    }

    /** 2026-2030, 2026～2030年, 2026～2030年度. */
    private int compressedWesternRange(int i) {
      if (!at(WESTERN_RANGE, i)) {
        return -1;
      }
      boolean written = m.group(0).contains("年");
      int y1 = Integer.parseInt(m.group(1));
      int y2 = Integer.parseInt(m.group(2));
      if (!written && (!inBounds(y1) || !inBounds(y2) || y2 < y1)) {
        return -1;
      }
      boolean fiscal = m.group(3) != null;
      int end = m.end();
      Atom a = new Atom();
      a.start = i;
      a.end = m.end(1);
      a.year = y1;
      a.fiscal = fiscal;
      Atom b = new Atom();
      b.start = m.start(2);
      b.end = end;
      b.year = y2;
      b.fiscal = fiscal;
      int close = written && at(RANGE_CLOSE, end) ? m.end() : end;
      emitRange(a, b, i, close, !written && attachedToWord(i));
      return close;
    }

    /** 知的財産推進計画2025: a bare year is a date only as part of a name. */
    private int bareNameYear(int i) {
      if (!at(BARE_YEAR, i) || !attachedToWord(i)) {
        return -1;
      }
      int y = Integer.parseInt(m.group(1));
      if (!inBounds(y)) {
        return -1;
      }
      Atom a = new Atom();
      a.start = i;
      a.end = m.end();
      a.year = y;
      emitSingle(a, null, i, a.end, true);
      return a.end;
    }

    // ------------------------------------------------------------------ atoms

    /** A full point at {@code i}: an era or Western year, a relative word, or a bare month. */
    private Atom atom(int i) {
      Atom a = new Atom();
      a.start = i;
      int j;
      if (at(ERA_YEAR, i)) {
        a.era = Era.of(m.group(1));
        a.year = Numerals.parse(m.group(2));
        a.fiscal = m.group(3) != null;
        j = m.end();
        if (!a.fiscal) {
          j = monthAndDay(a, j);
        }
      } else if (at(WESTERN_YEAR, i)) {
        a.year = Numerals.parse(m.group(1));
        a.fiscal = m.group(2) != null;
        j = m.end();
        if (!a.fiscal) {
          j = monthAndDay(a, j);
        }
      } else if (at(RELATIVE, i)) {
        a.relWord = m.group(1);
        a.rel = REL_WORDS.get(a.relWord);
        j = m.end();
        switch (a.precision()) {
          case YEAR -> j = monthAndDay(a, j);
          case MONTH -> j = day(a, j);
          default -> {}
        }
        if (a.rel.rel() == Rel.FY_END) {
          a.qualifier = Qualifier.END;
        }
      } else if (at(BARE_MONTH, i)) {
        a.month = Integer.parseInt(m.group(1));
        j = m.end();
        if (at(BARE_DAY, j)) {
          a.day = Integer.parseInt(m.group(1));
          j = m.end();
        }
      } else {
        return null;
      }
      a.end = suffixes(a, j);
      return a;
    }

    private int monthAndDay(Atom a, int j) {
      if (at(MONTH, j)) {
        a.month = Numerals.parse(m.group(1));
        return day(a, m.end());
      }
      return j;
    }

    private int day(Atom a, int j) {
      if (at(DAY, j)) {
        a.day = Numerals.parse(m.group(1));
        return m.end();
      }
      return j;
    }

    /** Qualifier, hedge and budget after a point; returns the end of what was read. */
    private int suffixes(Atom a, int j) {
      if (a.qualifier == null) {
        Pattern q =
            switch (a.precision()) {
              case MONTH -> MONTH_QUALIFIER;
              case YEAR -> YEAR_QUALIFIER;
              case FISCAL -> FISCAL_QUALIFIER;
              default -> null;
            };
        if (q != null && at(q, j)) {
          a.qualifier = qualifier(m.group(1));
          j = m.end();
        }
      }
      if (a.precision() != Precision.NONE && at(APPROXIMATE, j)) {
        a.approximate = true;
        j = m.end();
      }
      Precision p = a.precision();
      if (a.qualifier == null && (p == Precision.YEAR || p == Precision.FISCAL) && at(BUDGET, j)) {
        a.budget =
            switch (m.group(1)) {
              case "補正予算", "補正" -> Budget.SUPPLEMENTARY;
              case "当初予算" -> Budget.INITIAL;
              default -> Budget.BUDGET;
            };
        j = m.end();
      }
      return j;
    }

    /** The end of a range whose start is {@code first}; may leave out what the start gives. */
    private Atom rangeEnd(int k, Atom first) {
      Atom full = atom(k);
      if (full != null && full.precision() != Precision.NONE && !isBareMonth(full)) {
        return full;
      }
      Atom a = new Atom();
      a.start = k;
      if (first.era != null && first.precision() != Precision.DAY && at(ERA_PARTIAL, k)) {
        a.era = first.era;
        a.year = Numerals.parse(m.group(1));
        a.fiscal = m.group(2) != null;
        int j = m.end();
        if (!a.fiscal) {
          j = monthAndDay(a, j);
        }
        a.end = suffixes(a, j);
        return a;
      }
      return partial(k, first, true);
    }

    /**
     * The next item of a list after {@code previous}: a full point, or a month or day that takes
     * the rest from it.
     */
    private Atom listItem(int k, Atom previous) {
      Atom full = atom(k);
      if (full != null) {
        if (isBareMonth(full)) {
          // A bare month: it continues the list only after a month, taking its year.
          return previous.precision() == Precision.MONTH ? partial(k, previous, false) : null;
        }
        return full.precision() == Precision.NONE ? null : full;
      }
      return previous.precision() == Precision.DAY ? partial(k, previous, false) : null;
    }

    private static boolean isBareMonth(Atom a) {
      return a.rel == null && a.year == null;
    }

    /** 6月 after 2025年3月, 30日 after 4月1日: a point that takes its year (and month) from another. */
    private Atom partial(int k, Atom parent, boolean inRange) {
      Precision pp = parent.precision();
      Atom a = new Atom();
      a.start = k;
      a.parent = parent;
      a.rollover = inRange;
      if (at(BARE_MONTH, k) && (pp == Precision.MONTH || (inRange && pp == Precision.DAY))) {
        a.month = Integer.parseInt(m.group(1));
        int j = m.end();
        if (at(BARE_DAY, j)) {
          a.day = Integer.parseInt(m.group(1));
          j = m.end();
        }
        a.end = suffixes(a, j);
        return a;
      }
      if (pp == Precision.DAY && at(BARE_DAY, k)) {
        a.day = Integer.parseInt(m.group(1));
        a.end = m.end();
        return a;
      }
      return null;
    }

    // ------------------------------------------------------------------ names

    /** 令和7年犯罪収益移転危険度調査書: a year directly followed by a title of four or more characters. */
    private boolean isNamePrefix(Atom a) {
      Precision p = a.precision();
      if (a.rel != null || a.qualifier != null || (p != Precision.YEAR && p != Precision.FISCAL)) {
        return false;
      }
      if (!at(NAME_RUN, a.end)) {
        return false;
      }
      String run = m.group();
      for (int n = run.length(); n >= 4; n--) {
        if (TITLE_NOUN.matcher(run.substring(0, n)).matches()) {
          return true;
        }
      }
      return false;
    }

    private boolean attachedToWord(int start) {
      int k = start - 1;
      if (k >= 0 && s.charAt(k) == ' ') {
        k--;
      }
      if (k < 0) {
        return false;
      }
      char c = s.charAt(k);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      return script == Character.UnicodeScript.HAN
          || script == Character.UnicodeScript.KATAKANA
          || c == 'ー'
          || (c < 128 && Character.isLetter(c));
    }

    // ------------------------------------------------------------------ emitting

    private void emitSingle(Atom a, Kind role, int start, int end, boolean name) {
      boolean partOfName = name || quoted[start];
      resolve(a);
      if (!partOfName && a.point != null) {
        context.remember(a.point);
      }
      Kind kind = role != null ? role : a.kind();
      Optional<TimeValue> value = Optional.empty();
      if (a.point != null) {
        value = Optional.of(role == null ? a.point : wrap(role, a.point));
      }
      out.add(
          new TimeExpression(
              start,
              end,
              original(start, end),
              kind,
              value,
              a.anchor,
              a.approximate,
              Optional.ofNullable(a.qualifier),
              Optional.ofNullable(a.budget),
              partOfName,
              a.warnings));
    }

    private void emitRange(Atom a, Atom b, int start, int end, boolean name) {
      boolean partOfName = name || quoted[start];
      List<Atom> atoms = List.of(a, b);
      resolveAll(atoms, partOfName);
      List<String> warnings = warnings(atoms);
      Optional<TimeValue> value = Optional.empty();
      if (a.point != null && b.point != null) {
        if (b.point.lastDay().isBefore(a.point.firstDay())) {
          warnings.add(original(start, end) + ": the range ends before it starts");
        } else {
          value = Optional.of(new TimeValue.Range(a.point, b.point));
        }
      }
      out.add(multi(atoms, Kind.RANGE, value, start, end, partOfName, warnings));
    }

    private void emitList(List<Atom> atoms, int start, int end) {
      boolean partOfName = quoted[start];
      resolveAll(atoms, partOfName);
      List<String> warnings = warnings(atoms);
      List<Point> points = new ArrayList<>();
      for (Atom a : atoms) {
        if (a.point != null) {
          points.add(a.point);
        }
      }
      Optional<TimeValue> value =
          points.isEmpty() ? Optional.empty() : Optional.of(new TimeValue.Several(points));
      out.add(multi(atoms, Kind.LIST, value, start, end, partOfName, warnings));
    }

    private TimeExpression multi(
        List<Atom> atoms,
        Kind kind,
        Optional<TimeValue> value,
        int start,
        int end,
        boolean partOfName,
        List<String> warnings) {
      Anchor anchor = Anchor.ABSOLUTE;
      boolean approximate = false;
      Budget budget = null;
      for (Atom a : atoms) {
        anchor = a.anchor.compareTo(anchor) > 0 ? a.anchor : anchor;
        approximate |= a.approximate;
        budget = budget == null ? a.budget : budget;
        if (a.qualifier != null && a.rel == null) {
          warnings.add(
              original(a.start, a.end)
                  + ": the qualifier "
                  + a.qualifier
                  + " of one member of a "
                  + kind.name().toLowerCase(Locale.ROOT)
                  + " is not kept");
        }
      }
      return new TimeExpression(
          start,
          end,
          original(start, end),
          kind,
          value,
          anchor,
          approximate,
          Optional.empty(),
          Optional.ofNullable(budget),
          partOfName,
          warnings);
    }

    private void resolveAll(List<Atom> atoms, boolean partOfName) {
      for (Atom a : atoms) {
        resolve(a);
        if (!partOfName && a.point != null) {
          context.remember(a.point);
        }
      }
    }

    private static List<String> warnings(List<Atom> atoms) {
      List<String> w = new ArrayList<>();
      for (Atom a : atoms) {
        w.addAll(a.warnings);
      }
      return w;
    }

    private static TimeValue wrap(Kind role, Point p) {
      return switch (role) {
        case DEADLINE -> new TimeValue.Deadline(p);
        case FROM -> new TimeValue.Since(p);
        case UNTIL -> new TimeValue.Until(p);
        case AS_OF -> new TimeValue.AsOf(p);
        default -> throw new IllegalArgumentException("not a role: " + role);
      };
    }

    // ------------------------------------------------------------------ resolution

    private void resolve(Atom a) {
      String surface = original(a.start, a.end);
      if (a.parent != null) {
        resolveFromParent(a, surface);
      } else if (a.rel != null) {
        resolveRelative(a, surface);
      } else if (a.year == null) {
        resolveBareMonth(a, surface);
      } else {
        resolveYear(a, surface);
      }
    }

    private void resolveYear(Atom a, String surface) {
      int y;
      if (a.era != null) {
        if (a.year == 0) {
          a.warnings.add(surface + ": an era has no year 0 (its first year is 元年); rejected");
          return;
        }
        y = a.era.westernYear(a.year);
      } else {
        y = a.year;
      }
      if (!inBounds(y)) {
        a.warnings.add(
            surface
                + ": the year "
                + y
                + " is outside "
                + MIN_YEAR
                + "–"
                + MAX_YEAR
                + ", the years accepted; rejected");
        return;
      }
      Point p;
      if (a.fiscal) {
        p = new FiscalYear(y);
      } else if (a.budget != null) {
        p = new FiscalYear(y);
        a.warnings.add(surface + ": a budget named by 年 is read as the budget of fiscal year " + y);
      } else {
        p = calendarPoint(a, y, surface);
        if (p == null) {
          return;
        }
      }
      if (a.era != null) {
        if (p.lastDay().isBefore(a.era.first())) {
          a.warnings.add(
              surface + ": before " + a.era.label() + " began on " + a.era.first() + "; rejected");
          return;
        }
        Optional<LocalDate> last = a.era.last();
        if (last.isPresent() && p.firstDay().isAfter(last.get())) {
          a.warnings.add(
              surface
                  + ": after "
                  + a.era.label()
                  + " ended on "
                  + last.get()
                  + "; read as "
                  + p.lexicalForm()
                  + (a.fiscal ? " (fiscal year)" : ""));
        }
      }
      a.point = p;
    }

    /** The date, year-month or year of {@code a} in Western year {@code y}; null if invalid. */
    private static Point calendarPoint(Atom a, int y, String surface) {
      if (a.month == null) {
        return new CalendarYear(Year.of(y));
      }
      if (a.month < 1 || a.month > 12) {
        a.warnings.add(surface + ": " + a.month + "月 is not a month; rejected");
        return null;
      }
      YearMonth ym = YearMonth.of(y, a.month);
      if (a.day == null) {
        return new CalendarMonth(ym);
      }
      try {
        return new CalendarDate(ym.atDay(a.day));
      } catch (DateTimeException e) {
        a.warnings.add(surface + ": " + ym + " has no day " + a.day + "; rejected");
        return null;
      }
    }

    private void resolveFromParent(Atom a, String surface) {
      Point pp = a.parent.point;
      a.anchor = a.parent.anchor;
      if (pp == null) {
        a.warnings.add(surface + ": takes its year from a point that was rejected; rejected");
        return;
      }
      if (a.month == null) {
        a.month = pp.firstDay().getMonthValue();
      }
      int year = pp.firstDay().getYear();
      if (a.rollover && a.month < pp.firstDay().getMonthValue()) {
        // 令和7年12月～1月: the end month comes round into the next year.
        year++;
      }
      a.point = calendarPoint(a, year, surface);
    }

    private void resolveBareMonth(Atom a, String surface) {
      Optional<Point> last = context.last();
      a.anchor = Anchor.CONTEXT;
      if (last.isEmpty()) {
        Optional<YearMonth> report = context.reportDate();
        if (report.isEmpty() || a.month == null || a.month < 1 || a.month > 12) {
          a.warnings.add(surface + ": a month with no year, and no year named before it; rejected");
          return;
        }
        // Nothing named before it: a progress report's bare month is the latest such month up to
        // the report's own (（3月） in a report of 2026-04 is 2026-03, （6月） is 2025-06).
        a.anchor = Anchor.REPORT;
        int year =
            a.month <= report.get().getMonthValue()
                ? report.get().getYear()
                : report.get().getYear() - 1;
        a.point = calendarPoint(a, year, surface);
        return;
      }
      a.point = monthIn(last.get(), 0, a, surface);
    }

    /**
     * The point of {@code a} (its month and day, or the whole year) in the year of {@code base}
     * moved by {@code shift}: a fiscal year when {@code base} is one, else a calendar year.
     */
    private static Point monthIn(Point base, int shift, Atom a, String surface) {
      if (base instanceof FiscalYear f) {
        FiscalYear fy = new FiscalYear(f.year() + shift);
        if (a.month == null) {
          return fy;
        }
        if (a.month < 1 || a.month > 12) {
          a.warnings.add(surface + ": " + a.month + "月 is not a month; rejected");
          return null;
        }
        return calendarPoint(a, fy.month(a.month).getYear(), surface);
      }
      return calendarPoint(a, base.firstDay().getYear() + shift, surface);
    }

    private void resolveRelative(Atom a, String surface) {
      Optional<Point> last = context.last();
      Optional<YearMonth> report = context.reportDate();
      int shift = a.rel.shift();
      // Anaphora are anchored in the entry even when nothing was named before them.
      a.anchor = Anchor.CONTEXT;
      switch (a.rel.rel()) {
        case FUTURE -> a.anchor = Anchor.REPORT;
        case SAME_YEAR -> {
          if (last.isEmpty()) {
            a.warnings.add(surface + ": no year named before it; rejected");
            return;
          }
          a.point = monthIn(last.get(), 0, a, surface);
        }
        case SAME_FY -> {
          if (last.isEmpty()) {
            a.warnings.add(surface + ": no year named before it; rejected");
            return;
          }
          a.point = fiscalOf(last.get());
        }
        case SAME_MONTH -> {
          Optional<YearMonth> ym = last.flatMap(DateNormalizer::monthOf);
          if (ym.isEmpty()) {
            a.warnings.add(surface + ": no month named before it; rejected");
            return;
          }
          a.month = ym.get().getMonthValue();
          a.point = calendarPoint(a, ym.get().getYear(), surface);
        }
        case SAME_DAY -> {
          if (last.isEmpty() || !(last.get() instanceof CalendarDate d)) {
            a.warnings.add(surface + ": no date named before it; rejected");
            return;
          }
          a.point = d;
        }
        case NEIGHBOUR_YEAR -> {
          if (last.isPresent()) {
            a.anchor = Anchor.CONTEXT;
            a.point = monthIn(last.get(), shift, a, surface);
          } else if (report.isPresent()) {
            a.anchor = Anchor.REPORT;
            a.point = calendarPoint(a, report.get().getYear() + shift, surface);
          } else {
            a.warnings.add(surface + ": no year named before it and no report date; rejected");
          }
        }
        case NEIGHBOUR_FY, FY_END -> {
          if (last.isPresent()) {
            a.anchor = Anchor.CONTEXT;
            a.point = new FiscalYear(fiscalOf(last.get()).year() + shift);
          } else if (report.isPresent()) {
            a.anchor = Anchor.REPORT;
            a.point = reportFiscalYear(a, shift, surface);
          } else {
            a.warnings.add(surface + ": no year named before it and no report date; rejected");
          }
        }
        case REPORT_YEAR -> {
          if (needsReport(a, surface)) {
            a.point = calendarPoint(a, report.get().getYear() + shift, surface);
          }
        }
        case REPORT_FY -> {
          if (needsReport(a, surface)) {
            a.point = reportFiscalYear(a, shift, surface);
          }
        }
        case REPORT_MONTH -> {
          if (needsReport(a, surface)) {
            YearMonth ym = report.get().plusMonths(shift);
            a.month = ym.getMonthValue();
            a.point = calendarPoint(a, ym.getYear(), surface);
          }
        }
      }
    }

    private boolean needsReport(Atom a, String surface) {
      a.anchor = Anchor.REPORT;
      if (context.reportDate().isEmpty()) {
        a.warnings.add(surface + ": relative to the report date, which is not known; rejected");
        return false;
      }
      return true;
    }

    private FiscalYear reportFiscalYear(Atom a, int shift, String surface) {
      YearMonth report = context.reportDate().orElseThrow();
      FiscalYear current = FiscalYear.containing(report.atDay(1));
      FiscalYear fy = new FiscalYear(current.year() + shift);
      int month = report.getMonthValue();
      if (month == 4 || month == 5) {
        a.warnings.add(
            surface
                + ": read as FY"
                + fy.year()
                + " against the report date "
                + report
                + " (in FY"
                + current.year()
                + "); a report issued early in a fiscal year may have been written in the one"
                + " before");
      }
      return fy;
    }
  }

  // -------------------------------------------------------------------- small pure helpers

  private static boolean inBounds(int year) {
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }

  private static FiscalYear fiscalOf(Point p) {
    if (p instanceof FiscalYear f) {
      return f;
    }
    if (p instanceof CalendarYear y) {
      return new FiscalYear(y.year().getValue());
    }
    return FiscalYear.containing(p.firstDay());
  }

  private static Optional<YearMonth> monthOf(Point p) {
    if (p instanceof CalendarMonth m) {
      return Optional.of(m.month());
    }
    if (p instanceof CalendarDate d) {
      return Optional.of(YearMonth.from(d.date()));
    }
    return Optional.empty();
  }

  private static Kind roleKind(String word) {
    return switch (word) {
      case "までに" -> Kind.DEADLINE;
      case "まで", "以前" -> Kind.UNTIL;
      case "現在", "時点" -> Kind.AS_OF;
      default -> Kind.FROM;
    };
  }

  private static Qualifier qualifier(String word) {
    return switch (word) {
      case "上旬", "初旬", "初め", "はじめ", "初頭", "当初" -> Qualifier.EARLY;
      case "中旬", "半ば" -> Qualifier.MIDDLE;
      case "下旬" -> Qualifier.LATE;
      case "末", "末日" -> Qualifier.END;
      case "前半", "上半期" -> Qualifier.FIRST_HALF;
      case "後半", "下半期" -> Qualifier.SECOND_HALF;
      case "中", "内" -> Qualifier.DURING;
      default ->
          switch (word.charAt(0)) {
            case '春' -> Qualifier.SPRING;
            case '夏' -> Qualifier.SUMMER;
            case '秋' -> Qualifier.AUTUMN;
            case '冬' -> Qualifier.WINTER;
            default -> throw new IllegalArgumentException("not a qualifier: " + word);
          };
    };
  }

  /**
   * Which characters lie inside a matched pair of 「」 『』 “” 《》 〈〉 on one line. An opening quote with
   * no closing one on its line marks nothing, so a stray 「 cannot turn the rest of an entry into a
   * name.
   */
  public static boolean[] insideQuotes(String s) {
    boolean[] quoted = new boolean[s.length()];
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        open.clear();
      } else if (OPEN_QUOTES.indexOf(c) >= 0) {
        open.push(i);
      } else if (CLOSE_QUOTES.indexOf(c) >= 0 && !open.isEmpty()) {
        int from = open.pop();
        for (int k = from + 1; k < i; k++) {
          quoted[k] = true;
        }
      }
    }
    return quoted;
  }
}
