package kg.chizai.extract.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kg.chizai.extract.time.TimeValue.CalendarMonth;
import kg.chizai.extract.time.TimeValue.CalendarYear;
import kg.chizai.extract.time.TimeValue.FiscalYear;
import kg.chizai.extract.time.TimeValue.Point;

/**
 * One time expression found in a text.
 *
 * @param start offset of the first character in the text given to {@link DateNormalizer#find}
 * @param end offset after the last character
 * @param surface the text between {@code start} and {@code end}, as written
 * @param kind what the wording says it is; set even when the value was rejected
 * @param value the value, empty when the expression was rejected (see {@code warnings}) or has none
 *     ({@link Kind#FUTURE})
 * @param anchor whether the value is stated, taken from earlier in the entry, or from the report
 *     date
 * @param approximate the text hedges the point: 頃, ごろ, 目途, めど, 前後, 程度
 * @param qualifier the part of the period meant: 月末, 上旬, 秋, 年度末 …; kept only when the expression
 *     has a single point
 * @param budget the budget a fiscal year is named for: 令和6年度補正予算
 * @param partOfName the expression is part of a name or title (知的財産推進計画2025, 「昭和100年」), not the
 *     date of an event
 * @param warnings why a value was rejected, or what was doubtful about the one kept
 */
public record TimeExpression(
    int start,
    int end,
    String surface,
    Kind kind,
    Optional<TimeValue> value,
    Anchor anchor,
    boolean approximate,
    Optional<Qualifier> qualifier,
    Optional<Budget> budget,
    boolean partOfName,
    List<String> warnings) {

  public TimeExpression {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(budget, "budget");
    warnings = List.copyOf(warnings);
    if (start < 0 || end <= start || surface.length() != end - start) {
      throw new IllegalArgumentException(
          "bad span " + start + "-" + end + " for surface '" + surface + "'");
    }
    if (value.isPresent() && value.get().kind() != kind) {
      throw new IllegalArgumentException(
          "value " + value.get() + " is not of kind " + kind + " ('" + surface + "')");
    }
  }

  /** True when the value is not stated in the expression itself: 同年, 本年, 来年度, 今後, （3月）. */
  public boolean relative() {
    return anchor != Anchor.ABSOLUTE;
  }

  /**
   * True when this expression dates something that happened or will happen: it has a value and is
   * not part of a name.
   */
  public boolean isEventDate() {
    return value.isPresent() && !partOfName;
  }

  /**
   * The days this expression can mean, with its qualifier applied: 令和8年1月末 → 2026-01-21 to
   * 2026-01-31, 令和7年度 → 2025-04-01 to 2026-03-31. For a range, from the first day of its start to
   * the last day of its end; for a list, from its earliest to its latest day; for a deadline,
   * start, end or as-of point, the days of that point. Empty when there is no value.
   */
  public Optional<DayRange> bounds() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    List<Point> points = value.get().points();
    if (points.size() == 1) {
      return Optional.of(narrow(points.get(0), qualifier.orElse(null)));
    }
    LocalDate first = points.get(0).firstDay();
    LocalDate last = points.get(0).lastDay();
    for (Point p : points) {
      first = p.firstDay().isBefore(first) ? p.firstDay() : first;
      last = p.lastDay().isAfter(last) ? p.lastDay() : last;
    }
    return Optional.of(new DayRange(first, last));
  }

  private static DayRange narrow(Point p, Qualifier q) {
    if (q == null || q == Qualifier.DURING) {
      return new DayRange(p.firstDay(), p.lastDay());
    }
    if (p instanceof CalendarMonth m) {
      YearMonth ym = m.month();
      return switch (q) {
        case EARLY -> days(ym, 1, 10);
        case MIDDLE -> days(ym, 11, 20);
        case LATE, END -> days(ym, 21, ym.lengthOfMonth());
        case FIRST_HALF -> days(ym, 1, 15);
        case SECOND_HALF -> days(ym, 16, ym.lengthOfMonth());
        default -> new DayRange(p.firstDay(), p.lastDay());
      };
    }
    if (p instanceof CalendarYear y) {
      int n = y.year().getValue();
      return switch (q) {
        case EARLY -> months(n, 1, n, 3);
        case MIDDLE -> months(n, 5, n, 8);
        case LATE, END -> months(n, 12, n, 12);
        case FIRST_HALF -> months(n, 1, n, 6);
        case SECOND_HALF -> months(n, 7, n, 12);
        case SPRING -> months(n, 3, n, 5);
        case SUMMER -> months(n, 6, n, 8);
        case AUTUMN -> months(n, 9, n, 11);
        case WINTER -> months(n, 12, n + 1, 2);
        default -> new DayRange(p.firstDay(), p.lastDay());
      };
    }
    if (p instanceof FiscalYear f) {
      int n = f.year();
      return switch (q) {
        case EARLY -> months(n, 4, n, 6);
        case LATE, END -> months(n + 1, 3, n + 1, 3);
        case FIRST_HALF -> months(n, 4, n, 9);
        case SECOND_HALF -> months(n, 10, n + 1, 3);
        default -> new DayRange(p.firstDay(), p.lastDay());
      };
    }
    return new DayRange(p.firstDay(), p.lastDay());
  }

  private static DayRange days(YearMonth ym, int first, int last) {
    return new DayRange(ym.atDay(first), ym.atDay(last));
  }

  private static DayRange months(int y1, int m1, int y2, int m2) {
    return new DayRange(YearMonth.of(y1, m1).atDay(1), YearMonth.of(y2, m2).atEndOfMonth());
  }
}
