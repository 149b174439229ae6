package kg.chizai.extract;

import java.time.YearMonth;
import java.util.Optional;
import kg.chizai.extract.time.DateNormalizer;
import kg.chizai.extract.time.Kind;
import kg.chizai.extract.time.TimeExpression;
import kg.chizai.extract.time.TimeValue;

/**
 * The year-month of a report's cover line: 令和8年4月, 平成31年1月, 2026年4月 (full-width and kanji numerals
 * too). A thin reading of {@link DateNormalizer}.
 */
public final class JapaneseDates {

  private JapaneseDates() {}

  /** The first valid year-month in {@code text} that is not part of a name, if any. */
  public static Optional<YearMonth> yearMonth(String text) {
    for (TimeExpression e : DateNormalizer.find(text)) {
      if (e.kind() == Kind.YEAR_MONTH && e.isEventDate()) {
        return Optional.of(((TimeValue.CalendarMonth) e.value().orElseThrow()).month());
      }
    }
    return Optional.empty();
  }
}
