package kg.chizai.extract.time;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The value of a time expression: a {@link Point} (a date, year-month, year or fiscal year), or a
 * range, deadline, start, end, as-of point or list made of points. Every value names its {@link
 * Kind}.
 */
public sealed interface TimeValue {

  /** The kind of expression this value belongs to. */
  Kind kind();

  /** Every point this value is made of, in text order. */
  List<Point> points();

  /** One point in time at the precision the text gives it. */
  sealed interface Point extends TimeValue {
    /** The first day the point covers. */
    LocalDate firstDay();

    /** The last day the point covers. */
    LocalDate lastDay();

    /**
     * The point written in XSD lexical form: {@code 2025-12-24} ({@code xsd:date}), {@code 2025-12}
     * ({@code xsd:gYearMonth}), {@code 2025} ({@code xsd:gYear}); for a fiscal year its starting
     * year {@code 2025}, the last segment of its IRI.
     */
    String lexicalForm();

    @Override
    default List<Point> points() {
      return List.of(this);
    }
  }

  /** A full date: 令和7年12月24日 = 2025-12-24. */
  record CalendarDate(LocalDate date) implements Point {
    public CalendarDate {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public Kind kind() {
      return Kind.DATE;
    }

    @Override
    public LocalDate firstDay() {
      return date;
    }

    @Override
    public LocalDate lastDay() {
      return date;
    }

    @Override
    public String lexicalForm() {
      return date.toString();
    }
  }

  /** A year and month: 令和7年3月 = 2025-03. */
  record CalendarMonth(YearMonth month) implements Point {
    public CalendarMonth {
      Objects.requireNonNull(month, "month");
    }

    @Override
    public Kind kind() {
      return Kind.YEAR_MONTH;
    }

    @Override
    public LocalDate firstDay() {
      return month.atDay(1);
    }

    @Override
    public LocalDate lastDay() {
      return month.atEndOfMonth();
    }

    @Override
    public String lexicalForm() {
      return month.toString();
    }
  }

  /** A calendar year: 2023年 = 2023. */
  record CalendarYear(Year year) implements Point {
    public CalendarYear {
      Objects.requireNonNull(year, "year");
    }

    @Override
    public Kind kind() {
      return Kind.YEAR;
    }

    @Override
    public LocalDate firstDay() {
      return year.atDay(1);
    }

    @Override
    public LocalDate lastDay() {
      return year.atMonth(Month.DECEMBER).atEndOfMonth();
    }

    @Override
    public String lexicalForm() {
      return year.toString();
    }
  }

  /**
   * A Japanese fiscal year, named by the calendar year it starts in: 令和7年度 = FY2025, 2025-04-01 to
   * 2026-03-31.
   */
  record FiscalYear(int year) implements Point {
    public FiscalYear {
      if (year < 1 || year > 9998) {
        throw new IllegalArgumentException("fiscal year out of range: " + year);
      }
    }

    /** The fiscal year that contains {@code date}. */
    public static FiscalYear containing(LocalDate date) {
      return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /**
     * The year-month of {@code month} inside this fiscal year: April to December fall in its
     * starting year, January to March in the next.
     */
    public YearMonth month(int month) {
      return YearMonth.of(month >= 4 ? year : year + 1, month);
    }

    @Override
    public Kind kind() {
      return Kind.FISCAL_YEAR;
    }

    @Override
    public LocalDate firstDay() {
      return LocalDate.of(year, 4, 1);
    }

    @Override
    public LocalDate lastDay() {
      return LocalDate.of(year + 1, 3, 31);
    }

    @Override
    public String lexicalForm() {
      return Integer.toString(year);
    }
  }

  /** From {@code start} to {@code end}, both included: 2026-2030, 令和7年度から令和9年度まで. */
  record Range(Point start, Point end) implements TimeValue {
    public Range {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (end.lastDay().isBefore(start.firstDay())) {
        throw new IllegalArgumentException("range ends before it starts: " + start + " " + end);
      }
    }

    @Override
    public Kind kind() {
      return Kind.RANGE;
    }

    @Override
    public List<Point> points() {
      return List.of(start, end);
    }
  }

  /** By a point at the latest: 2033年までに. */
  record Deadline(Point by) implements TimeValue {
    public Deadline {
      Objects.requireNonNull(by, "by");
    }

    @Override
    public Kind kind() {
      return Kind.DEADLINE;
    }

    @Override
    public List<Point> points() {
      return List.of(by);
    }
  }

  /** From a point on, with no end stated: 2026年4月1日より, 令和8年1月から, 令和7年度以降. */
  record Since(Point start) implements TimeValue {
    public Since {
      Objects.requireNonNull(start, "start");
    }

    @Override
    public Kind kind() {
      return Kind.FROM;
    }

    @Override
    public List<Point> points() {
      return List.of(start);
    }
  }

  /** Up to a point, with no start stated: 2030年まで. */
  record Until(Point end) implements TimeValue {
    public Until {
      Objects.requireNonNull(end, "end");
    }

    @Override
    public Kind kind() {
      return Kind.UNTIL;
    }

    @Override
    public List<Point> points() {
      return List.of(end);
    }
  }

  /** A state observed at a point: 令和7年12月末現在, 令和7年12月末時点. */
  record AsOf(Point at) implements TimeValue {
    public AsOf {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.AS_OF;
    }

    @Override
    public List<Point> points() {
      return List.of(at);
    }
  }

  /**
   * Several points named together: 2025年3月、6月及び10月. When some members were rejected (2025年3月、13月)
   * it holds the members that were kept, which may be only one.
   */
  record Several(List<Point> points) implements TimeValue {
    public Several {
      points = List.copyOf(points);
      if (points.isEmpty()) {
        throw new IllegalArgumentException("a list needs a point");
      }
    }

    @Override
    public Kind kind() {
      return Kind.LIST;
    }
  }
}
