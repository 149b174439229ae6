package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * One 主な進捗状況 entry, opened by a 【…】 tag.
 *
 * @param id stable id within the report: "{sheet}-{ordinal on the sheet}"
 * @param tag the tag as printed, without brackets (総務省・経産省)
 * @param bodyTags the bodies named by the tag, split on ・ and similar separators
 * @param text the whole entry text with markers removed; items are joined by newlines
 * @param items the sub-items, if the entry is a list
 * @param addresses ids of the directions the entry answers
 */
public record ProgressEntry(
    String id,
    int sheet,
    String sectionKey,
    String tag,
    List<String> bodyTags,
    String text,
    List<EntryItem> items,
    SourceSpan span,
    List<String> addresses,
    boolean relistMarked,
    Optional<String> relistedFrom) {

  public ProgressEntry {
    bodyTags = List.copyOf(bodyTags);
    items = List.copyOf(items);
    addresses = List.copyOf(addresses);
  }
}
