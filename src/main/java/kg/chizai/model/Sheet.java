package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of the report.
 *
 * @param ordinal 1-based position in the report
 * @param sectionKey the section the page belongs to
 * @param listedSections for a contents page, the sections it lists, in order
 * @param highlightedSection for a contents page, the area it marks (**) as the one that follows
 */
public record Sheet(
    int ordinal,
    String sectionKey,
    SourceSpan span,
    List<String> listedSections,
    Optional<String> highlightedSection) {

  public Sheet {
    listedSections = List.copyOf(listedSections);
  }

  public boolean isContents() {
    return !listedSections.isEmpty();
  }
}
