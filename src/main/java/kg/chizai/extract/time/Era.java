package kg.chizai.extract.time;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The Japanese eras a report may name, with the days they began and ended. 明治 is taken to begin on
 * 1868-01-25 (明治元年1月1日 of the old calendar); dates before 1873 are read as if Gregorian.
 */
enum Era {
  MEIJI("明治", LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 29)),
  TAISHO("大正", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
  SHOWA("昭和", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
  HEISEI("平成", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
  REIWA("令和", LocalDate.of(2019, 5, 1), null);

  private final String label;
  private final LocalDate first;
  private final LocalDate last;

  Era(String label, LocalDate first, LocalDate last) {
    this.label = label;
    this.first = first;
    this.last = last;
  }

  String label() {
    return label;
  }

  LocalDate first() {
    return first;
  }

  /** The era's last day; empty for the current era. */
  Optional<LocalDate> last() {
    return Optional.ofNullable(last);
  }

  /** The Western year of the era's year {@code n} (元年 = 1): 令和7年 = 2025. */
  int westernYear(int n) {
    return first.getYear() + n - 1;
  }

  /** The era written as 令和, 平成 … or as the initial R, H, S, T (R7年度). */
  static Era of(String name) {
    for (Era e : values()) {
      if (e.label.equals(name)) {
        return e;
      }
    }
    return switch (name) {
      case "R" -> REIWA;
      case "H" -> HEISEI;
      case "S" -> SHOWA;
      case "T" -> TAISHO;
      default -> throw new IllegalArgumentException("unknown era: " + name);
    };
  }
}
