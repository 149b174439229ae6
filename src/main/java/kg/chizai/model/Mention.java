package kg.chizai.model;

import java.util.Optional;

/**
 * Something an item's text names: a statute (or one of its articles), a document, council, program,
 * system or event, an organization, or a place.
 *
 * @param item the item whose text names it: {@code direction:3-1}, {@code entry:4-2}
 * @param kind what is named
 * @param target the id of the thing named (an e-Gov law ID, a slug, a minted id)
 * @param article for a statute article, its number as written in IRIs: "13", "30-4"
 * @param surface the text as it appears
 * @param line the source line where it appears
 */
public record Mention(
    String item, Kind kind, String target, Optional<String> article, String surface, int line) {

  /** What kind of thing a mention names. */
  public enum Kind {
    STATUTE,
    THING,
    ORGANIZATION,
    PLACE
  }
}
