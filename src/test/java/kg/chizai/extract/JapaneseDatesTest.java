package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseDatesTest {

  @ParameterizedTest
  @CsvSource({"令和8年4月, 2026-04", "令和８年４月, 2026-04", "平成31年1月, 2019-01", "2026年4月, 2026-04"})
  void yearMonth_coverLine(String line, String expected) {
    assertEquals(Optional.of(YearMonth.parse(expected)), JapaneseDates.yearMonth(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"「知的財産推進計画2025」の進捗状況", "内閣府知的財産戦略推進事務局", "令和元年4月", "令和8年13月", "令和8年"})
  void yearMonth_noValidYearMonth_empty(String line) {
    assertEquals(Optional.empty(), JapaneseDates.yearMonth(line));
  }
}
