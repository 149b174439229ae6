package kg.chizai.extract.time;

import java.time.LocalDate;
import java.util.Objects;

/** The days a time expression can mean, first and last included. */
public record DayRange(LocalDate first, LocalDate last) {
  public DayRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("day range ends before it starts: " + first + " " + last);
    }
  }
}
