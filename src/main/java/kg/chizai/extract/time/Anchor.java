package kg.chizai.extract.time;

/** Where the value of a time expression comes from. */
public enum Anchor {
  /** Stated in the expression itself: 令和7年6月, 2026-2030, 2025年3月、6月 (6月 takes 2025). */
  ABSOLUTE,
  /**
   * Taken from an earlier expression in the same entry: 同年, 同月, 前年 and 次年度 after a named year, a
   * month with no year (（3月）).
   */
  CONTEXT,
  /** Resolved against the report's date: 本年, 来年度, 今年度, 今後. */
  REPORT
}
