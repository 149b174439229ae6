package kg.chizai.extract;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Japanese year-month expressions: 令和8年4月, 平成31年1月, 2026年4月 (full-width digits too). */
public final class JapaneseDates {

  private static final Pattern ERA_YEAR_MONTH =
      Pattern.compile("(令和|平成|昭和)\\s*(元|\\d{1,2})\\s*年\\s*(\\d{1,2})\\s*月");
  private static final Pattern WESTERN_YEAR_MONTH =
      Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月");

  private JapaneseDates() {}

  /** The first year-month in {@code text}, if any is there and valid. */
  public static Optional<YearMonth> yearMonth(String text) {
    String t = Lines.nfkc(text);
    Matcher m = ERA_YEAR_MONTH.matcher(t);
    if (m.find()) {
      int eraYear = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
      int year = eraStart(m.group(1)) + eraYear - 1;
      return valid(eraYear, year, Integer.parseInt(m.group(3)));
    }
    m = WESTERN_YEAR_MONTH.matcher(t);
    if (m.find()) {
      return valid(1, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    return Optional.empty();
  }

  /** The Western year in which an era's first year falls: 令和元年 = 2019. */
  public static int eraStart(String era) {
    return switch (era) {
      case "令和" -> 2019;
      case "平成" -> 1989;
      case "昭和" -> 1926;
      default -> throw new IllegalArgumentException("unknown era: " + era);
    };
  }

  private static Optional<YearMonth> valid(int eraYear, int year, int month) {
    if (eraYear < 1 || month < 1 || month > 12) {
      return Optional.empty();
    }
    return Optional.of(YearMonth.of(year, month));
  }
}
