package kg.chizai.extract.time;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import kg.chizai.extract.time.TimeValue.FiscalYear;
import kg.chizai.extract.time.TimeValue.Point;

/**
 * What a time expression may be resolved against: the report's date (for 本年, 来年度, 今後) and the last
 * point named so far in the same entry (for 同年, 同月, 前年, months with no year). {@link
 * DateNormalizer#find} reads and updates it as it scans, so use one context per progress entry:
 *
 * <pre>{@code
 * TimeContext report = TimeContext.forReport(YearMonth.of(2026, 4));
 * for (String entry : entries) {
 *   List<TimeExpression> dates = DateNormalizer.find(entry, report.fresh());
 * }
 * }</pre>
 *
 * <p>Not thread-safe; it is scanning state, not a value.
 */
public final class TimeContext {

  private final YearMonth reportDate;
  private Point last;

  private TimeContext(YearMonth reportDate) {
    this.reportDate = reportDate;
  }

  /** A context for an entry of a report dated {@code reportDate} (令和8年4月 = 2026-04). */
  public static TimeContext forReport(YearMonth reportDate) {
    return new TimeContext(Objects.requireNonNull(reportDate, "reportDate"));
  }

  /** A context with no report date: relative expressions such as 本年 are found but not resolved. */
  public static TimeContext withoutReport() {
    return new TimeContext(null);
  }

  /** A context for the next entry of the same report: same report date, nothing named yet. */
  public TimeContext fresh() {
    return new TimeContext(reportDate);
  }

  /** The report's date, if known. */
  public Optional<YearMonth> reportDate() {
    return Optional.ofNullable(reportDate);
  }

  /** The fiscal year the report's date falls in: 2026-04 → FY2026, 2026-03 → FY2025. */
  public Optional<FiscalYear> reportFiscalYear() {
    return reportDate().map(d -> FiscalYear.containing(d.atDay(1)));
  }

  /** The last point named in this entry (not counting points that are part of a name). */
  public Optional<Point> last() {
    return Optional.ofNullable(last);
  }

  void remember(Point point) {
    last = Objects.requireNonNull(point, "point");
  }

  @Override
  public String toString() {
    return "TimeContext[report=" + reportDate + ", last=" + last + "]";
  }
}
