package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * A government body, from the reference table or minted from a tag the table does not know.
 *
 * @param id ASCII slug, used in its IRI
 * @param provisional true when minted from an unknown tag
 * @param source where the row's facts are stated
 */
public record Body(
    String id,
    String nameJa,
    Optional<String> nameEn,
    List<String> altLabels,
    Optional<String> parentId,
    Optional<String> wikidata,
    Optional<String> source,
    boolean provisional) {

  public Body {
    altLabels = List.copyOf(altLabels);
  }
}
