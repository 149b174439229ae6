package kg.chizai.extract.time;

/**
 * A part of a month, year or fiscal year that the text points at. The value stays the whole period
 * (令和8年1月末 is the year-month 2026-01 with {@link #END}); {@link TimeExpression#bounds()} narrows it
 * to days.
 */
public enum Qualifier {
  /** 上旬, 初旬 (days 1–10); 初め, 初頭 of a year (January–March); 年度当初 (April–June). */
  EARLY,
  /** 中旬 (days 11–20); 半ば of a year (May–August). */
  MIDDLE,
  /** 下旬 (day 21 to the end of the month). */
  LATE,
  /** 末: 月末 (day 21 to the last day), 年末 (December), 年度末 (March). */
  END,
  /** 前半, 上半期: the first half. */
  FIRST_HALF,
  /** 後半, 下半期: the second half. */
  SECOND_HALF,
  /** 春 (March–May). */
  SPRING,
  /** 夏 (June–August). */
  SUMMER,
  /** 秋 (September–November). */
  AUTUMN,
  /** 冬 (December to February of the next year). */
  WINTER,
  /** 中, 内: throughout or within the period (令和7年中, 令和8年度内). */
  DURING;

  /**
   * The code of this qualifier in the date-qualifier scheme ({@code …/def/date-qualifier#end}): its
   * name in lower case, words joined by a hyphen.
   */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
