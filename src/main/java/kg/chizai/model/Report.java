package kg.chizai.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import kg.chizai.base.Problem;

/**
 * A progress report read from one source file: its metadata and everything on its sheets, in source
 * order.
 *
 * @param programTitle the program it reports on (知的財産推進計画2025)
 * @param programYear the program's year (2025)
 * @param issued the date printed on the cover, if any
 * @param publisher the publisher printed on the cover, if any
 * @param warnings doubtful places found while reading
 */
public record Report(
    String file,
    String sha256,
    String title,
    String programTitle,
    int programYear,
    Optional<YearMonth> issued,
    Optional<String> publisher,
    SourceSpan titleSpan,
    List<Section> sections,
    List<Sheet> sheets,
    List<Direction> directions,
    List<ProgressEntry> entries,
    List<Problem> warnings) {

  public Report {
    sections = List.copyOf(sections);
    sheets = List.copyOf(sheets);
    directions = List.copyOf(directions);
    entries = List.copyOf(entries);
    warnings = List.copyOf(warnings);
  }
}
