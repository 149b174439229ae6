package kg.chizai.extract.time;

import java.util.List;
import java.util.stream.Collectors;
import kg.chizai.extract.time.TimeValue.FiscalYear;
import kg.chizai.extract.time.TimeValue.Point;

/**
 * A one-line description of a time expression for tests, holding everything but offsets and the
 * wording of warnings: {@code 同年9月 YEAR_MONTH 2025-09 context}. Values read {@code 2025-06}, {@code
 * FY2025}, {@code 2026..2030}, {@code by 2033}, {@code from 2026-04-01}, {@code until 2030}, {@code
 * at 2025-12}, {@code [2025-03, 2025-06]} or {@code -}; then flags: {@code context} or {@code
 * report} (anchor), {@code name}, the qualifier, the budget, {@code ~} (approximate) and {@code !}
 * (has warnings).
 */
final class Described {

  private Described() {}

  static String of(TimeExpression e) {
    StringBuilder b = new StringBuilder();
    b.append(e.surface()).append(' ').append(e.kind()).append(' ');
    b.append(e.value().map(Described::value).orElse("-"));
    switch (e.anchor()) {
      case CONTEXT -> b.append(" context");
      case REPORT -> b.append(" report");
      default -> {}
    }
    if (e.partOfName()) {
      b.append(" name");
    }
    e.qualifier().ifPresent(q -> b.append(' ').append(q));
    e.budget().ifPresent(q -> b.append(' ').append(q));
    if (e.approximate()) {
      b.append(" ~");
    }
    if (!e.warnings().isEmpty()) {
      b.append(" !");
    }
    return b.toString();
  }

  static List<String> all(List<TimeExpression> found) {
    return found.stream().map(Described::of).collect(Collectors.toList());
  }

  private static String value(TimeValue v) {
    if (v instanceof Point p) {
      return point(p);
    }
    if (v instanceof TimeValue.Range r) {
      return point(r.start()) + ".." + point(r.end());
    }
    if (v instanceof TimeValue.Deadline d) {
      return "by " + point(d.by());
    }
    if (v instanceof TimeValue.Since f) {
      return "from " + point(f.start());
    }
    if (v instanceof TimeValue.Until u) {
      return "until " + point(u.end());
    }
    if (v instanceof TimeValue.AsOf a) {
      return "at " + point(a.at());
    }
    return v.points().stream().map(Described::point).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String point(Point p) {
    return p instanceof FiscalYear ? "FY" + p.lexicalForm() : p.lexicalForm();
  }
}
