package kg.chizai.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A time an item's text states: 令和7年6月, 令和6年度補正予算, 2033年までに, 来年度, 令和7年12月末現在.
 *
 * @param item the item whose text states it: {@code entry:4-2}, {@code direction:3-1}, {@code
 *     lead:2-6}
 * @param ordinal its position among the item's stated times, from 1
 * @param entryItems for a progress entry, the ordinals of its sub-items the time stands in (empty
 *     when it stands in the entry's own paragraphs)
 * @param surface the expression as written
 * @param dates the calendar points it names, as precise as the text (a list or range has several)
 * @param fiscalYears the fiscal years it names (令和7年度 = 2025)
 * @param earliest the first day it can mean, its qualifier applied (令和8年1月末 → 2026-01-21)
 * @param latest the last day it can mean
 * @param roles what it is the time of, as codes of the time-role scheme (event, budget, deadline,
 *     target, period, start, as-of, coverage); empty when the text does not say
 * @param relative whether its value is read from context (同年, 来年度) rather than stated
 * @param qualifier the part of the period meant, a code of the date-qualifier scheme (end, early …)
 * @param approximate whether the text hedges it (頃, 目途, 程度)
 * @param events the ordinals of the item's events it dates
 * @param position where it stands in the source
 */
public record StatedTime(
    String item,
    int ordinal,
    List<Integer> entryItems,
    String surface,
    List<Event.DateValue> dates,
    List<Integer> fiscalYears,
    Optional<LocalDate> earliest,
    Optional<LocalDate> latest,
    List<String> roles,
    boolean relative,
    Optional<String> qualifier,
    boolean approximate,
    List<Integer> events,
    TextPosition position) {

  public StatedTime {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(position, "position");
    entryItems = List.copyOf(entryItems);
    dates = List.copyOf(dates);
    fiscalYears = List.copyOf(fiscalYears);
    roles = List.copyOf(roles);
    events = List.copyOf(events);
    if (dates.isEmpty() && fiscalYears.isEmpty()) {
      throw new IllegalArgumentException("a stated time needs a value: " + surface);
    }
  }
}
